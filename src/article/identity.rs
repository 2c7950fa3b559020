//! Which images show the same picture. A picture is stored at many
//! addresses (sizes, densities, CDN signatures, a thumbnail folder), and a
//! brand's mark comes in variants (`logo.svg`, `logo-header.svg`,
//! `twitter_bw.svg`); a reader meets the same thing in each.

use std::collections::HashSet;

use super::images::MARK_WORDS;
use super::{Article, Image};

/// What tells one picture from another, worked out once per image.
#[derive(Debug)]
pub struct Picture {
    /// What identifies the picture behind each of its addresses (`data:`
    /// URIs aside), see [`identity`].
    ids: HashSet<String>,
    /// The page the link it is in leads to, see [`link_target`].
    link: Option<String>,
    /// A mark whose alt calls it a logo (`Snopes Logo`): the brand's mark,
    /// whichever of its files shows it.
    logo: bool,
    /// For a mark (logo, icon, avatar, button): its file names' words,
    /// and whether they say "logo", "icon"…, see [`name_words`].
    mark: Option<(HashSet<String>, bool)>,
    /// Its files named as a variant (`…_desktop.png`, `…-mobile.jpg`): the
    /// folder and the name without the variant words.
    variants: Vec<String>,
}

impl<'d> Article<'d> {
    /// What tells the picture of `img` from others.
    pub fn picture(&self, img: &Image<'d>) -> Picture {
        let addresses = || self.references_of(img).filter(|r| !r.is_data_uri());
        let mark = img.mark.then(|| {
            let mut marked = false;
            let words = addresses()
                .flat_map(|r| {
                    let (words, mark) = name_words(r.url);
                    marked |= mark;
                    words
                })
                .collect();
            (words, marked)
        });
        Picture {
            ids: addresses().flat_map(|r| identity(r.url)).collect(),
            link: img.link.map(link_target),
            logo: mark.is_some()
                && (img.logo
                    || img.alt_text().is_some_and(|alt| {
                        crate::a11y::word_parts(alt.value)
                            .any(|w| matches!(w.as_str(), "logo" | "logotype" | "logotipo"))
                    })),
            mark,
            variants: addresses().filter_map(|r| variant_of(r.url)).collect(),
        }
    }
}

impl Picture {
    /// What identifies each of its files (see [`identity`]).
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    /// One of `other`'s files is one of this picture's (see [`identity`]).
    pub fn shares_a_file(&self, other: &Picture) -> bool {
        !self.ids.is_disjoint(&other.ids)
    }
}

/// How many marks with one alt text are compared by their names; a page
/// with more (a hostile one) compares the later ones with these.
const MARKS_COMPARED: usize = 256;

/// Pictures seen so far, to ask whether another image shows one of them.
/// Two images show the same picture when one of their files is the same
/// picture (see [`identity`]), or either has no file; when they link to
/// the same page (a logo in the header and the footer, a story's
/// teaser at two sizes; see [`link_target`]); when both are marks whose
/// alt calls them a logo (one brand's mark in two files); when their files are one name's variants in one
/// folder (`thanks_desktop.png`, `thanks_tablet.png`); or when both are marks (logos, icons, avatars,
/// buttons) whose file names do not name different things.
#[derive(Debug, Default)]
pub struct Pictures {
    ids: HashSet<String>,
    fileless: bool,
    links: HashSet<String>,
    logos: bool,
    marks: Vec<(HashSet<String>, bool)>,
    variants: HashSet<String>,
}

impl Pictures {
    /// `picture` shows one of the pictures seen.
    pub fn shows(&self, picture: &Picture) -> bool {
        // A picture with no file (a `data:` stand-in a script replaces, or
        // no address) shows nothing to tell apart from any other.
        if picture.ids.is_empty() || self.fileless || !self.ids.is_disjoint(&picture.ids) {
            return true;
        }
        if picture
            .link
            .as_ref()
            .is_some_and(|l| self.links.contains(l))
            || (picture.logo && self.logos)
            || picture.variants.iter().any(|v| self.variants.contains(v))
        {
            return true;
        }
        picture.mark.as_ref().is_some_and(|(words, marked)| {
            self.marks
                .iter()
                .any(|(seen, seen_marked)| names_agree((seen, *seen_marked), (words, *marked)))
        })
    }

    /// Remember `picture` as seen.
    pub fn add(&mut self, picture: Picture) {
        self.fileless |= picture.ids.is_empty();
        self.ids.extend(picture.ids);
        self.links.extend(picture.link);
        self.logos |= picture.logo;
        self.variants.extend(picture.variants);
        if let Some(mark) = picture.mark
            && self.marks.len() < MARKS_COMPARED
        {
            self.marks.push(mark);
        }
    }
}

/// The words of two marks' file names agree: one's words are among the
/// other's (`logo` and `logo-header`, `twitter` and `twitter_bw`,
/// `ico_sp_tw` and `btn_tw`), and they say something: words, or a mark
/// word in both (two bare numbers or sizes say nothing).
fn names_agree(
    (a, a_marked): (&HashSet<String>, bool),
    (b, b_marked): (&HashSet<String>, bool),
) -> bool {
    let said = !(a.is_empty() && b.is_empty()) || (a_marked && b_marked);
    said && (a.is_subset(b) || b.is_subset(a))
}

/// The page a link leads to: its `href` without the fragment and without
/// the query parameters that only say where the click came from
/// (`?source=follow_footer`, `utm_medium=…`), which make no other page.
fn link_target(href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let Some((page, query)) = href.split_once('?') else {
        return href.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            !(p.is_empty()
                || key.starts_with("utm_")
                // A campaign id (`n_cid`, `mc_cid`, `icid`, `ncid`).
                || key.ends_with("_cid")
                || TRACKING_PARAMS.contains(&key.as_str()))
        })
        .collect();
    if kept.is_empty() {
        page.to_string()
    } else {
        format!("{page}?{}", kept.join("&"))
    }
}

/// Query parameters that say where a click came from, not which page.
const TRACKING_PARAMS: &[&str] = &[
    "source", "ref", "ref_src", "referrer", "fbclid", "gclid", "cmp", "cmpid", "ocid", "cid",
    "icid", "ncid", "intcmp", "int_cmp", "mc_eid", "share",
];

/// The path of an address: no scheme, host, query or fragment; lowercased.
fn path_of(url: &str) -> String {
    let url = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    match url.find("//") {
        Some(i)
            if url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ':') =>
        {
            let rest = &url[i + 2..];
            rest.find('/').map_or("", |j| &rest[j..]).to_string()
        }
        _ => url,
    }
}

/// An address reduced to the picture it names, in up to two forms:
///
/// - the path without scheme, host, query and fragment; without a size or
///   density variant in the file name (`-300x200`, `@2x`, `_2x`,
///   `-scaled`, `-800w`); without path segments that are only a size
///   (`/96/`, `/w_300,h_200/`, `/600x400/`); lowercased;
/// - when the file name is distinctive (at least five characters with a
///   digit: `38966.jpg`, `gzonxhes6bl4p9k4gzpl.jpg`), the file name under
///   its date folders alone, so that size folders (`std_m/`, `sq_m/`) and
///   signature segments (`/s--LikxhIZs--/`) do not make another picture.
pub fn identity(url: &str) -> Vec<String> {
    let path = path_of(url);
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let Some(file) = segments.pop() else {
        return Vec::new();
    };
    segments.retain(|s| !is_size(s));
    // Number folders right above the file, too big for a day or month and
    // not a year, are a rendition size (`/96/`, `/160/160/`).
    while segments.last().is_some_and(|s| {
        s.parse::<u32>()
            .is_ok_and(|n| n > 31 && !(1900..=2100).contains(&n))
    }) {
        segments.pop();
    }
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    // SPIP's thumbnail cache signs each size with five hex digits
    // (`cache-vignettes/L326xH184/arton18655-3dfab.jpg`).
    let stem = if segments.contains(&"cache-vignettes") {
        stem.rsplit_once('-')
            .filter(|(_, sign)| sign.len() == 5 && sign.chars().all(|c| c.is_ascii_hexdigit()))
            .map_or(stem, |(head, _)| head)
    } else {
        stem
    };
    // Drupal renames a file uploaded again under a name it holds by adding
    // `_0` (`fairkom_0.png`, then `fairkom_0_0.png`): one picture.
    // The name as written is kept too: it is distinctive wherever the
    // file is stored (an image style's copy under `styles/…/public/`).
    let drupal = segments.first() == Some(&"sites") && segments.contains(&"files");
    let mut renamed = stem;
    while drupal && let Some(head) = renamed.strip_suffix("_0") {
        renamed = head;
    }
    let mut out = Vec::new();
    // One upload's folder, named by its number, holding its renditions
    // under a hash each (`…/20201111183146349/detail_42ac0e61….jpg` and
    // `…/tabloid_0913bfa6….jpg`): the folder is the picture.
    if let Some(folder) = segments.last()
        && folder.len() >= 12
        && folder.bytes().all(|b| b.is_ascii_digit())
        && stem.split_once('_').is_some_and(|(rendition, hash)| {
            !rendition.is_empty()
                && rendition.bytes().all(|b| b.is_ascii_alphabetic())
                && hash.len() >= 16
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    {
        out.push(format!("@{folder}"));
    }
    let stems = if renamed == stem {
        vec![stem]
    } else {
        vec![renamed, stem]
    };
    for stem in stems {
        let stem = strip_variants(without_asset_id(stem));
        out.push(format!("{}/{stem}.{ext}", segments.join("/")));
        if let Some(asset) = without_rendition_code(&stem) {
            out.push(format!("{}/{asset}.{ext}", segments.join("/")));
        }
        if stem.chars().count() >= 5
            && stem.contains(|c: char| c.is_ascii_digit())
            && !is_size(&stem)
        {
            let dates: Vec<&str> = segments.iter().copied().filter(|s| is_date(s)).collect();
            out.push(format!("#{}/{stem}.{ext}", dates.join("/")));
        }
    }
    out
}

/// A file stem without the asset number a CMS puts before the uploaded
/// name (`_84456972_p072315al-0500` → `p072315al-0500`): one upload
/// stored twice gets two numbers.
fn without_asset_id(stem: &str) -> &str {
    stem.strip_prefix('_')
        .and_then(|rest| rest.split_once('_'))
        .filter(|(id, name)| {
            id.len() >= 5 && id.chars().all(|c| c.is_ascii_digit()) && !name.is_empty()
        })
        .map_or(stem, |(_, name)| name)
}

/// A file stem without the rendition code a CMS writes after the
/// picture's asset number (`Vreni-Frost-Instagram-261000-detailrn` and
/// `…-261000-detailm` are one picture in two sizes): a code of letters
/// alone, two to ten of them, after a number of five digits or more.
fn without_rendition_code(stem: &str) -> Option<&str> {
    let (head, code) = stem.rsplit_once(['-', '_'])?;
    let number = head.rsplit(['-', '_']).next().unwrap_or_default();
    (number.len() >= 5
        && number.chars().all(|c| c.is_ascii_digit())
        && (2..=10).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_alphabetic()))
    .then_some(head)
}

/// A file stem without its size and density variants, a few at most
/// (`-300x200@2x-scaled`): a stem of thousands of `@2x` is not read again
/// for each.
fn strip_variants(stem: &str) -> String {
    let mut stem = stem;
    for _ in 0..MAX_VARIANTS {
        let before = stem.len();
        for suffix in ["@2x", "@3x", "_2x", "-2x", "-scaled"] {
            if let Some(s) = stem.strip_suffix(suffix) {
                stem = s;
            }
        }
        if let Some((head, tail)) = stem.rsplit_once(['-', '_'])
            && is_size(tail)
        {
            stem = head;
        }
        if stem.len() == before {
            break;
        }
    }
    stem.to_string()
}

/// How many rounds of variants [`strip_variants`] takes off a stem.
const MAX_VARIANTS: usize = 8;

/// A year, month or day folder.
fn is_date(s: &str) -> bool {
    s.parse::<u32>()
        .is_ok_and(|n| (1900..=2100).contains(&n) || (s.len() == 2 && (1..=31).contains(&n)))
}

/// The folders and the file stem of an address, as written (not
/// lowercased, so that `icon__keyGold` splits into its words).
fn folders_and_stem(url: &str) -> (&str, &str) {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = match path.split_once("//") {
        Some((scheme, rest))
            if scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ':') =>
        {
            rest.find('/').map_or("", |j| &rest[j..])
        }
        _ => path,
    };
    let (folders, file) = path.rsplit_once('/').unwrap_or(("", path));
    (
        folders,
        file.rsplit_once('.').map_or(file, |(stem, _)| stem),
    )
}

/// A file named as a variant (a variant word in its name:
/// `thanksforsubscribing_tablet.png`): its folder and its name without the
/// variant words, which its other variants share.
fn variant_of(url: &str) -> Option<String> {
    let (folders, stem) = folders_and_stem(url);
    let parts: Vec<String> = crate::a11y::word_parts(stem).collect();
    let rest: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|w| !VARIANT_WORDS.contains(w))
        .collect();
    (rest.len() < parts.len() && !rest.is_empty())
        .then(|| format!("{}/{}", folders.to_lowercase(), rest.join("-")))
}

/// `300x200`, `800w`, `w_300,h_200`, `c_fill,w_600`: a size, not a name.
fn is_size(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    s.split_once('x')
        .is_some_and(|(w, h)| digits(w) && digits(h))
        // SPIP's `L326xH184`.
        || s.strip_prefix('l')
            .and_then(|r| r.split_once("xh"))
            .is_some_and(|(w, h)| digits(w) && digits(h))
        || s.strip_suffix('w').is_some_and(digits)
        // A rendition's folder: `landscape_225`, `thumb_300`.
        || s.split_once('_').is_some_and(|(k, n)| {
            digits(n)
                && matches!(
                    k,
                    "landscape" | "portrait" | "square" | "thumb" | "thumbnail" | "width" | "size" | "crop"
                )
        })
        || (s.contains('_')
            && s.split(',').all(|p| {
                p.split_once('_')
                    .is_some_and(|(k, _)| k.len() <= 2 && k.chars().all(|c| c.is_ascii_lowercase()))
            }))
}

/// Words of a mark's file name that name a variant of the same mark: where
/// it is shown, its size, its colours.
const VARIANT_WORDS: &[&str] = &[
    "header", "footer", "nav", "mobile", "desktop", "sp", "pc", "sm", "md", "lg", "xl", "xs",
    "small", "big", "large", "dark", "light", "white", "black", "color", "colour", "mono", "bw",
    "inverse", "reverse", "reversed", "tablet", "default", "neutral", "generic",
];

/// The words of a file name that say what it shows: letters only, two or
/// more of them, not a mark word (`logo`, `icon`…) or a variant word
/// (`header`, `dark`, `sm`…): `roomie_logo.svg` → roomie;
/// `logo-header.6e34c8.svg` → nothing; `tw-icon-circle.svg` → tw, circle;
/// `AA8esnO.img` → nothing. And whether its path has a mark word
/// (`/avatar/jane/50x50.jpg`, `icon_key.gif`).
fn name_words(url: &str) -> (Vec<String>, bool) {
    let (folders, stem) = folders_and_stem(url);
    let marked = crate::a11y::word_parts(folders)
        .chain(crate::a11y::word_parts(stem))
        .any(|w| MARK_WORDS.contains(&w.as_str()));
    let parts: Vec<String> = crate::a11y::word_parts(stem).collect();
    let words = parts
        .into_iter()
        .filter(|w| {
            w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && !MARK_WORDS.contains(&w.as_str())
                && !VARIANT_WORDS.contains(&w.as_str())
        })
        .collect();
    (words, marked)
}

#[cfg(test)]
mod tests {
    use super::{identity, link_target, name_words, variant_of};

    #[test]
    fn a_link_leads_to_its_page_wherever_the_click_came_from() {
        assert_eq!(
            link_target("/voodoo-engineering?source=follow_footer-----follow_footer-"),
            link_target("/voodoo-engineering?source=post_page-----d6e62af173e2-----")
        );
        assert_eq!(
            link_target("/story?id=4&utm_source=tw#comments"),
            "/story?id=4"
        );
        assert_ne!(link_target("/story?id=4"), link_target("/story?id=5"));
        // A campaign id says which link was clicked, not which page opens.
        assert_eq!(
            link_target("http://bizgate.nikkei.co.jp/?n_cid=TPRN0016"),
            link_target("http://bizgate.nikkei.co.jp/")
        );
        assert_eq!(link_target("/world?icid=nav&page=2"), "/world?page=2");
    }

    fn same(a: &str, b: &str) -> bool {
        let b = identity(b);
        identity(a).iter().any(|i| b.contains(i))
    }

    #[test]
    fn sizes_and_hosts_do_not_make_another_picture() {
        assert!(same(
            "https://cdn.example.com/uploads/2024/05/flood-300x200.jpg?v=2",
            "/uploads/2024/05/flood.jpg"
        ));
        assert!(same("/img/96/author.png", "/img/160/author.png"));
        assert!(same(
            "https://miro.medium.com/fit/c/160/160/1*v.jpeg",
            "https://miro.medium.com/fit/c/96/96/1*v.jpeg"
        ));
        assert!(same("/a/logo@2x.png", "/a/logo.png"));
        assert!(same(
            "https://res.example.com/image/upload/w_300,h_200/boat.jpg",
            "https://res.example.com/image/upload/c_fill,w_800/boat.jpg"
        ));
        assert!(!same("/img/flood-1.jpg", "/img/flood-2.jpg"));
        // Drupal's name for a file uploaded again.
        assert!(same(
            "/sites/default/files/inline-images/fairkom_0_0_0.png",
            "/sites/default/files/inline-images/fairkom_0.png"
        ));
        assert!(!same(
            "/sites/default/files/inline-images/chart_1.png",
            "/sites/default/files/inline-images/chart_0.png"
        ));
        assert!(!same("/2024/05/a.jpg", "/2024/06/a.jpg"));
        assert!(same(
            "local/cache-vignettes/L326xH184/arton18655-3dfab.jpg",
            "local/cache-vignettes/L222xH125/arton18655-3b5d4.jpg"
        ));
        assert!(!same(
            "local/cache-vignettes/L326xH184/arton18655-3dfab.jpg",
            "local/cache-vignettes/L326xH184/arton18656-3dfab.jpg"
        ));
        // A rendition code after the asset number.
        assert!(same(
            "/news/media/27/Vreni-Frost-Instagram-261000-detailrn.jpeg",
            "/news/media/27/Vreni-Frost-Instagram-261000-detailm.jpeg"
        ));
        assert!(!same(
            "/news/media/27/Vreni-Frost-Instagram-261000-detailrn.jpeg",
            "/news/media/26/Vreni-Frost-Instagram-259443-detailrn.jpeg"
        ));
        // Not a short suffix telling two shots apart.
        assert!(!same("/img/shoot-123456-a.jpg", "/img/shoot-123456-b.jpg"));
        // One upload's numbered folder, its renditions under a hash each.
        assert!(same(
            "https://icdn.lenta.ru/images/2020/11/11/18/20201111183146349/detail_42ac0e615699f8dbf3bfd6c3428eaf28.jpg",
            "https://icdn.lenta.ru/images/2020/11/11/18/20201111183146349/tabloid_0913bfa6c9544644c4b57d88fd687222.jpg"
        ));
        assert!(!same(
            "https://icdn.lenta.ru/images/2020/11/11/18/20201111183146349/detail_42ac0e615699f8dbf3bfd6c3428eaf28.jpg",
            "https://icdn.lenta.ru/images/2020/11/11/19/20201111190011222/detail_0913bfa6c9544644c4b57d88fd687222.jpg"
        ));
    }

    #[test]
    fn a_distinctive_file_name_is_one_picture_in_any_folder() {
        assert!(same("/imgs/std_m/38966.jpg", "/imgs/sq_m/38966.jpg"));
        assert!(same(
            "http://i.example-img.com/image/upload/s--LikxhIZs--/c_fill,w_120/gzonxhes6bl4p9k4gzpl.jpg",
            "http://i.example-img.com/image/upload/c_fill,w_120/gzonxhes6bl4p9k4gzpl.jpg"
        ));
        // Camera names repeat from one month's folder to the next.
        assert!(!same(
            "/uploads/2019/05/DSC01234.jpg",
            "/uploads/2019/06/DSC01234.jpg"
        ));
        assert!(!same("/imgs/std_m/38966.jpg", "/imgs/std_m/38967.jpg"));
        // A size is no name: avatars stored as `<user>/50x50.jpg`.
        assert!(!same(
            "http://s8.example.tw/avatar/blogbackup/0/0/zoomcrop/50x50.jpg",
            "http://s6.example.tw/avatar/letyoung/0/0/zoomcrop/50x50.jpg"
        ));
    }

    #[test]
    fn name_words_leave_out_marks_ids_and_sizes() {
        let words = |url| name_words(url).0;
        assert_eq!(words("/assets/roomie_logo.svg"), ["roomie"]);
        assert_eq!(
            name_words("/assets/logo-header.6e34c81346bc43475ffd572e6c2eb3e1.svg"),
            (vec![], true)
        );
        assert_eq!(
            words("/icons/tw-icon-circle-tw.svg"),
            ["tw", "circle", "tw"]
        );
        assert_eq!(
            name_words("https://img.example.com/entityid/AA8esnO.img?h=100"),
            (vec![], false)
        );
        assert_eq!(
            words("/uploads/ICONE-Cesf-250px-e1410889748631.png"),
            ["cesf"]
        );
        assert_eq!(
            words("//www.example.jp/images/icon/top/icon__keyGold.svg"),
            ["key", "gold"]
        );
        assert!(name_words("http://s9.example.tw/avatar/jane/0/0/zoomcrop/50x50.jpg").1);
    }

    #[test]
    fn device_variants_share_a_name() {
        let a = variant_of("/dam/subscribe/thanksforsubscribing_tablet.png");
        assert!(a.is_some());
        assert_eq!(
            a,
            variant_of("/dam/subscribe/thanksforsubscribing_desktop.png")
        );
        assert_ne!(
            variant_of("/img/flood-1-mobile.jpg"),
            variant_of("/img/flood-2-desktop.jpg")
        );
        assert_eq!(variant_of("/img/flood.jpg"), None);
    }
}
