//! What an image's address says by its file's name alone: a spacer, a
//! spinner, a tracking beacon, a live count badge, a drawing or a picture
//! of text, a file name used as alt text, a script's template.

use std::sync::LazyLock;

use regex::Regex;

use crate::a11y;

/// An address that only tells an analytics service a page was read: a
/// beacon path (`/pixel…`, `…beacon…`, `/logger/`, `/counter/`, Adobe's `/b/ss/`,
/// `facebook.com/tr`) or an analytics host (`b.scorecardresearch.com/p?…`).
pub fn is_beacon(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    let (host, path) = match url.find("//") {
        Some(i) => {
            let rest = &url[i + 2..];
            rest.find('/')
                .map_or((rest, ""), |j| (&rest[..j], &rest[j..]))
        }
        None => ("", url.as_str()),
    };
    [
        "/pixel",
        "beacon",
        "/b/ss/",
        "/logger/",
        "/counter/",
        "/counter?",
        "/track/",
    ]
    .iter()
    .any(|m| path.contains(m))
        // A statistics host's image with the page's data in its query
        // (`stats.bbc.co.uk/o.gif?~RS~s~RS~News…`).
        || (["stats.", "analytics.", "metrics."]
            .iter()
            .any(|p| host.starts_with(p))
            && path.contains('?'))
        || counting_script(path)
        || url.contains("facebook.com/tr")
        || BEACON_HOSTS.iter().any(|h| {
            host.strip_suffix(h)
                .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
        })
}

/// A server script that counts views, shown as an image
/// (`/bitrix/counter.php?id=1339559`, `/cgi-bin/count.cgi`, `hit.asp`).
fn counting_script(path: &str) -> bool {
    let file = path.split(['?', '#']).next().unwrap_or("");
    let file = file.rsplit('/').next().unwrap_or("");
    file.rsplit_once('.').is_some_and(|(stem, ext)| {
        matches!(ext, "php" | "asp" | "aspx" | "cgi" | "pl" | "jsp")
            && matches!(
                stem,
                "counter" | "count" | "hit" | "hits" | "track" | "tracker" | "pixel" | "beacon"
            )
    })
}

/// A spacer's address: a transparent GIF or PNG named for what it is
/// (`x.gif`, `1px.gif`, `spacer.gif`, `icon_blank.gif`, `clear.png`; not
/// `x.png`), put where a style sheet draws a sprite or keeps a gap. It is
/// a pixel or two, whatever the page does with it.
pub fn is_spacer(url: &str) -> bool {
    // A one-letter name is a spacer's only as a GIF (`x.gif`; `x.png` may
    // be anything).
    file_named_for(
        url,
        &["gif", "png"],
        SPACER_WORDS,
        SPACER_FILLERS,
        |word, ext| word.len() > 1 || ext == "gif",
    )
}

/// A spinner's address: an animation named for what it shows while a
/// script loads what replaces it (`loading.gif`, `ajax-loader.gif`,
/// `spinner-32.svg`, `working.gif`).
pub fn is_spinner(url: &str) -> bool {
    file_named_for(
        url,
        &["gif", "png", "svg", "webp"],
        SPINNER_WORDS,
        SPINNER_FILLERS,
        |_, _| true,
    )
}

/// An alt text that says only that something is loading ("Loading…",
/// "Please wait"): a spinner's, whatever its file is called
/// (`facebook-loading.gif` in a share form).
pub fn says_loading(alt: &str) -> bool {
    let said = alt.trim().trim_end_matches(['.', '…', ' ']).to_lowercase();
    matches!(
        said.as_str(),
        "loading" | "please wait" | "loading, please wait"
    )
}

/// The file `url` names has one of `extensions`, and its name is made of
/// `words` (at least one, that `counts` for the extension), `fillers` and
/// numbers (a version or cache number: `transparent-1093278.png`) only.
fn file_named_for(
    url: &str,
    extensions: &[&str],
    words: &[&str],
    fillers: &[&str],
    counts: impl Fn(&str, &str) -> bool,
) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let name = path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let parts: Vec<String> = a11y::word_parts(stem).collect();
    extensions.contains(&ext)
        && parts
            .iter()
            .any(|w| words.contains(&w.as_str()) && counts(w, ext))
        && parts.iter().all(|w| {
            words.contains(&w.as_str())
                || fillers.contains(&w.as_str())
                || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// The words a spinner's file name is made of, with at most
/// [`SPINNER_FILLERS`] beside them.
const SPINNER_WORDS: &[&str] = &[
    "loading",
    "loader",
    "spinner",
    "spin",
    "throbber",
    "busy",
    "processing",
    "working",
    "wait",
];

/// Words a spinner's file name may hold beside its own.
const SPINNER_FILLERS: &[&str] = &[
    "ajax", "icon", "img", "image", "small", "large", "big", "white", "black", "gray", "grey",
    "dark", "light", "animated", "anim",
];

/// The words a spacer's file name is made of (`blank`, `1px`, `x`), with
/// at most [`SPACER_FILLERS`] beside them (`icon_blank`): `logo_trans.png`
/// is a logo, and a proxy's `img.png` any picture.
const SPACER_WORDS: &[&str] = &[
    "x",
    "s",
    "t",
    "px",
    "1px",
    "1x1",
    "pixel",
    "shim",
    "spacer",
    "blank",
    "clear",
    "transparent",
    "trans",
    "empty",
    // German, "empty": `leer.gif`.
    "leer",
    "spc",
];

/// Words a spacer's file name may hold beside its own: a lazy loader's
/// stand-in says what it is for (`lazyload-transparent-image-data.gif`).
const SPACER_FILLERS: &[&str] = &[
    "icon", "img", "image", "white", "gif", "data", "lazy", "lazyload",
];

/// An address whose picture a service draws from a live count: Hatena
/// Bookmark's bookmark-count badges (`b.hatena.ne.jp/entry/image/…`, a
/// site's total at `b.hatena.ne.jp/bc/…`). The badge is as wide as the
/// count it shows, which the page cannot know when it is written.
pub fn is_live_count(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    let rest = url.split_once("//").map_or(url.as_str(), |(_, rest)| rest);
    LIVE_COUNTS.iter().any(|prefix| rest.starts_with(prefix))
}

/// Where count badges are served (see [`is_live_count`]).
const LIVE_COUNTS: &[&str] = &["b.hatena.ne.jp/entry/image/", "b.hatena.ne.jp/bc/"];

/// Hosts that serve only analytics beacons.
const BEACON_HOSTS: &[&str] = &[
    "scorecardresearch.com",
    "google-analytics.com",
    "quantserve.com",
    "pixel.wp.com",
    "bat.bing.com",
    "analytics.twitter.com",
];

/// Alt text that is a file name: a URL, a name with an image file
/// extension, a camera's or a timestamp's name.
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?:https?:)?//\S+                                  # a URL
          | (?:https?%3a)?%2f%2f\S*                          # a URL, percent-encoded
          | .*\.(?:jpe?g|png|gif|webp|avif|heic|heif|svg|bmp|tiff?|jxl)   # ends with an image file extension
          | (?:DSC[NF]?|IMG|PXL|DCIM|GOPR|_MG|P)[_-]?\d{3,}\S*   # camera file names
          | \d{8}[_-]\d{6}\S*                                  # timestamp names
        )$",
    )
    .expect("valid regex")
});

/// The file name of `src` without its extension, for comparison with the
/// alt; only names that look machine-made (digits, `_` or `-`), so that
/// `alt="Reuters"` on `Reuters.svg` is not one.
fn src_stem(src: &str) -> Option<&str> {
    let path = src.split(['?', '#']).next()?;
    let name = path.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    (stem.chars().count() > 3
        && stem.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-'))
    .then_some(stem)
}

/// `alt` is a file name or a URL, or the machine-made name of `src`. A
/// name whose every part someone capitalised ("Ad-Juster" for
/// `ad-juster.png`, "Coca-Cola") is a name the file was named after.
pub fn is_file_name(alt: &str, src: Option<&str>) -> bool {
    let alt = alt.trim();
    let capitalised = alt.split('-').all(|part| {
        part.chars().next().is_some_and(char::is_uppercase) && part.chars().all(char::is_alphabetic)
    });
    FILE_NAME.is_match(alt)
        || src
            .and_then(src_stem)
            .is_some_and(|stem| stem.eq_ignore_ascii_case(alt) && (stem == alt || !capitalised))
}

/// A template placeholder where an address should be: `{other_image}`,
/// `{{ image.src }}`, `${url}`, `<%= src %>`, `%s`; not a static site's
/// template that only puts the site's address before a path (`{{
/// site.baseurl }}/img/a.jpg`, see [`crate::assets::resolve::site_path`]).
pub(in crate::article) fn is_template(url: &str) -> bool {
    ((url.contains('{') && url.contains('}')) || url.contains("<%") || url.contains("%s"))
        && crate::assets::resolve::site_path(url).is_none()
}

/// Words of a file name that say the picture is a drawing carrying data.
const DRAWING_NAMES: &[&str] = &[
    "map",
    "maps",
    "chart",
    "charts",
    "graph",
    "graphs",
    "diagram",
    "diagrams",
    "infographic",
];

/// Words of a file name that say the picture is of text.
const TEXT_NAMES: &[&str] = &[
    "screenshot",
    "screenshots",
    "screengrab",
    "screencap",
    "tweet",
    "copyright",
];

/// What the names of a picture's files say it is: a drawing that carries
/// data, a picture of text (see [`super::Image::drawing`], [`super::Image::of_text`]).
/// A resizer's address names the file in its query
/// (`/resize/762x/?url=https%3A%2F%2F…%2Fscreenshot-2022.jpg`), so the
/// name is the last segment of the decoded address. A link to the
/// image's file counts too (a thumbnail opening `File:Migration.svg`).
pub fn file_says<'a>(addresses: impl IntoIterator<Item = &'a str>) -> (bool, bool) {
    let (mut drawing, mut of_text) = (false, false);
    for address in addresses {
        if address
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
        {
            continue;
        }
        let decoded = crate::assets::resolve::percent_decode(address).to_lowercase();
        let svg = decoded.split('/').any(|segment| {
            let segment = segment.split(['?', '#', '&']).next().unwrap_or("");
            segment.ends_with(".svg") || segment.contains(".svg.")
        });
        let name = decoded.rsplit('/').next().unwrap_or("");
        let name = name.split(['?', '#']).next().unwrap_or("");
        let words: Vec<String> = a11y::word_parts(name).collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        let screen_shot = words
            .windows(2)
            .any(|w| w[0] == "screen" && matches!(w[1].as_str(), "shot" | "grab"));
        // A JPEG is a photograph's format: `…-2016-map-electors.jpg` is a
        // photo with a story's words in its name. (A `srcset` written into
        // `src` leaves its descriptor after the name: `….jpg 940w`.)
        let jpeg = name
            .split_whitespace()
            .any(|n| n.ends_with(".jpg") || n.ends_with(".jpeg"));
        drawing |= svg || (has(DRAWING_NAMES) && !jpeg);
        of_text |= screen_shot || has(TEXT_NAMES);
    }
    (drawing, of_text)
}

#[cfg(test)]
mod tests {
    use super::{file_says, is_beacon, is_file_name, is_live_count, is_spacer, is_spinner};

    #[test]
    fn view_counting_scripts_are_beacons() {
        for url in [
            "/bitrix/counter.php?id=1339559",
            "https://example.ru/cgi-bin/count.cgi?page=12",
            "/stats/hit.asp",
        ] {
            assert!(is_beacon(url), "{url}");
        }
        for url in [
            "/images/counter-protest.jpg",
            "/thumb.php?src=counter.jpg",
            "/count.php.jpg",
        ] {
            assert!(!is_beacon(url), "{url}");
        }
    }

    #[test]
    fn spinners_are_named_for_what_they_show() {
        for url in [
            "http://i.cdn.turner.com/cnn/.e/img/3.0/global/misc/loading.gif",
            "/ct2/html/images/working.gif",
            "/img/ajax-loader.gif",
            "/static/spinner-32.svg?v=3",
        ] {
            assert!(is_spinner(url), "{url}");
        }
        for url in [
            "/img/loading-dock-fire.jpg",
            "/media/spin-class.png",
            "/img/loading-bay.gif",
        ] {
            assert!(!is_spinner(url), "{url}");
        }
    }

    #[test]
    fn an_alt_that_says_loading_is_a_spinners() {
        use super::says_loading;
        for alt in ["Loading…", "Loading...", "loading", "Please wait"] {
            assert!(says_loading(alt), "{alt}");
        }
        for alt in ["Loading the ferry at Dover", "Lade", ""] {
            assert!(!says_loading(alt), "{alt}");
        }
    }

    #[test]
    fn spacers_are_named_for_what_they_are() {
        for url in [
            "http://www.politico.com/global/v4/sprites/x.gif",
            "/images/trans.gif",
            "https://i.cdn.turner.com/cnn/.element/img/3.0/1px.gif",
            "/common/icon_blank.gif",
            "/img/spacer.png?v=2",
            "https://s.yimg.com/g/images/transparent-1093278.png",
            "/assets/lazyload-transparent-image-data.gif",
        ] {
            assert!(is_spacer(url), "{url}");
        }
        for url in [
            "/site_images/logo_trans.png",
            "/img/aaj-logo-transparent.png",
            "https://assets.rebelmouse.io/eyJhbG/img.png?width=500",
            "/media/blank-slate-cover.jpg",
            "/images/x.jpg",
            "x.png",
            "/img/lazy-image.png",
        ] {
            assert!(!is_spacer(url), "{url}");
        }
    }

    #[test]
    fn count_badges_are_live_counts() {
        assert!(is_live_count(
            "http://b.hatena.ne.jp/entry/image///phpspot.org/blog/archives/2022/06/pushinjs.html"
        ));
        assert!(is_live_count(
            "https://b.hatena.ne.jp/bc/http://phpspot.org/blog/"
        ));
        assert!(!is_live_count(
            "https://b.hatena.ne.jp/images/entry-button/button-only.gif"
        ));
        assert!(!is_live_count("/images/2022/06/pushinjs-demo.png"));
    }

    #[test]
    fn file_names_say_drawings_and_pictures_of_text() {
        let says = |url| file_says([url]);
        // (drawing, of text)
        assert_eq!(
            says("//upload.wikimedia.org/thumb/4/4b/Migration.svg/290px-Migration.svg.png"),
            (true, false)
        );
        assert_eq!(says("/wiki/File:Polynesian_Migration.svg"), (true, false));
        assert_eq!(says("/media/flood-map.png"), (true, false));
        // A JPEG named with a story's words is a photo.
        assert_eq!(
            says("/uploads/2016/popular-vote-map-electors.jpg"),
            (false, false)
        );
        // A resizer names the file in its query.
        assert_eq!(
            says(
                "https://www.politico.com/dims4/default/7f311ea/resize/762x/?url=https%3A%2F%2Fstatic.politico.com%2Fe8%2Fscreenshot-2022-10-10-194039.jpg"
            ),
            (false, true)
        );
        assert_eq!(
            says("/Screen%20Shot%202016-12-01%20at%201.15.51%20PM.png"),
            (false, true)
        );
        assert_eq!(says("/images/obj/copyright.png"), (false, true));
        assert_eq!(says("/media/2024/05/02/rally.jpg"), (false, false));
        assert_eq!(says("data:image/svg+xml,%3Csvg%3E"), (false, false));
    }

    #[test]
    fn file_names_in_alt_text() {
        for alt in [
            "DSC_1234.jpg",
            "IMG_20240101_101010",
            "photo.png",
            "https://example.com/a.jpg",
            "//cdn.example.com/x",
            "Https%3a%2f%2fimages",
            "DSCN0042",
            "20240101_101010",
        ] {
            assert!(is_file_name(alt, None), "{alt}");
        }
        assert!(is_file_name(
            "44025-33uy6ca-highres",
            Some("/gc4/44025-33uy6ca-highres.webp")
        ));
        // A CMS capitalises the first letter of the file's name.
        assert!(is_file_name(
            "Girl-at-the-bottom",
            Some("/uploads/1817/girl-at-the-bottom.png")
        ));
        assert!(is_file_name("boom-car", Some("/2010/07/boom-car.jpg")));
    }

    #[test]
    fn descriptions_are_not_file_names() {
        for alt in [
            "Putin and Kim at the cosmodrome",
            "A woman watches a screen in Seoul.",
            "Pi 3.14",
            "P.S. I love you",
        ] {
            assert!(!is_file_name(alt, Some("/img/photo.jpg")), "{alt}");
        }
        // A name someone capitalised, which the file is named after.
        assert!(!is_file_name("Ad-Juster", Some("/partners/ad-juster.png")));
    }
}
