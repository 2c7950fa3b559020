//! Which news photos were supplied rather than taken to report the story:
//! pictures credited to a source, a social-media account or the story's
//! own subject, pictures of something centuries old, headshots beside a
//! biography line, and the pictures of a review or a how-to guide (see
//! `super::genre`). Their captions are asked for a credit, not for when
//! and where the picture was taken.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::Caption;
use super::photo::has_phrase;

/// The story the figures illustrate: the lowercased text of its headings
/// and paragraphs, and the publication's name as the page's title gives
/// it. Read once per article, by [`mark`].
struct Story {
    text: String,
    /// The words of `text`: a name with a word the story never uses is
    /// not named there, found without reading the story again for each
    /// caption.
    words: HashSet<String>,
    site: String,
    /// How many times the story names each name asked, up to three (see
    /// [`Story::times_named`]): a credit repeated under a thousand
    /// pictures is looked for once.
    named: RefCell<HashMap<String, usize>>,
    /// How many bytes of the story the searches have read (see
    /// [`MAX_STORY_READ`]).
    read: Cell<usize>,
}

/// The most bytes of the story all searches for credited names read on
/// one page, past which a name counts as not named: thousands of
/// pictures, each credited to another organisation, read the whole story
/// once each (30 s for 32,000 in a script written without spaces, whose
/// names the story's word list cannot rule out). A story of 100 KB is
/// read 2,000 times before this.
const MAX_STORY_READ: usize = 200 << 20;

/// Mark the article's supplied news photos, reading the story once and
/// only when a captioned news photo needs it.
pub fn mark(mut article: super::Article<'_>) -> super::Article<'_> {
    let captioned = |f: &super::Figure| f.photo && f.caption.is_some();
    if article.figures.iter().any(captioned) {
        let story = Story::of(&article);
        let supplied: Vec<bool> = article
            .figures
            .iter()
            .map(|f| {
                captioned(f)
                    && (article.document.reviews_or_guides
                        || handed_out(&article, f)
                        || f.caption.as_ref().is_some_and(|c| {
                            !story.asks_when_and_where(c, f.provided.credit_line.as_deref())
                        }))
            })
            .collect();
        for (figure, supplied) in article.figures.iter_mut().zip(supplied) {
            figure.supplied = supplied;
        }
    }
    article
}

/// The figure's picture names a stock library in its alt text, its
/// credit line or its address, where its caption does not (see
/// [`super::photo::stock_named`]), its alt text or credit line credits a
/// space agency ("(Credit: Nasa)"), or its address is a video's thumbnail
/// (see [`super::photo::video_frame`]).
fn handed_out(article: &super::Article<'_>, figure: &super::Figure) -> bool {
    let images: Vec<_> = article.images_of(figure).collect();
    // The figure's own credit line is read with the alt texts (a
    // `<div class="image-credit">` crediting "Jupiterimages").
    let alts: Vec<&str> = images
        .iter()
        .filter_map(|img| img.alt.as_ref().map(|a| a.value))
        .chain(figure.provided.credit_line.as_deref())
        .collect();
    let addresses: Vec<&str> = images
        .iter()
        .flat_map(|img| article.references_of(img).map(|r| r.url))
        .collect();
    super::photo::stock_named(&alts, &addresses)
        || super::photo::video_frame(&addresses)
        || alts.iter().any(|alt| {
            crate::text::strong_credit(alt)
                .and_then(|f| alt.get(f.start..f.end))
                .is_some_and(|credit| {
                    credit_parts(credit).iter().any(|p| {
                        let name = organisation_name(p);
                        SPACE_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(&name))
                    })
                })
        })
}

impl Story {
    fn of(article: &super::Article<'_>) -> Story {
        let mut text = String::new();
        for block in article.blocks.iter().filter(|b| !b.nested || b.heading) {
            text.push_str(&block.text.to_lowercase());
            text.push('\n');
        }
        let site = article
            .document
            .title
            .and_then(|(tag, _)| {
                let after = article.source().get(tag.end..)?;
                let mut end = after.find("</").unwrap_or(after.len()).min(400);
                while !after.is_char_boundary(end) {
                    end -= 1;
                }
                Some(&after[..end])
            })
            .map(site_of_title)
            .unwrap_or_default();
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        Story {
            text,
            words,
            site,
            named: RefCell::default(),
            read: Cell::new(0),
        }
    }

    /// The story names `name` (lowercased) as [`names`] reads it.
    fn names(&self, name: &str) -> bool {
        self.times_named(name) > 0
    }

    /// The story names `name` more than twice: what it is about, not
    /// someone it mentions.
    fn names_often(&self, name: &str) -> bool {
        name.chars().count() >= 3 && self.times_named(name) > 2
    }

    /// How many times the story names `name`, counted up to three (see
    /// [`names`]), read once per name and within [`MAX_STORY_READ`].
    fn times_named(&self, name: &str) -> usize {
        let spaced = name.is_ascii() || !name.chars().any(is_unspaced_script);
        if spaced
            && name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| !w.is_empty() && !self.words.contains(w))
        {
            return 0;
        }
        if let Some(&times) = self.named.borrow().get(name) {
            return times;
        }
        let read = self.read.get();
        if read >= MAX_STORY_READ {
            return 0;
        }
        self.read.set(read + self.text.len());
        let times = whole_names(&self.text, name).take(3).count();
        self.named.borrow_mut().insert(name.to_string(), times);
        times
    }

    /// Whether a news photo's caption is asked when and where the picture
    /// was taken. Not when the picture was supplied rather than taken to
    /// report the story: its credit names where it was taken from (a
    /// source, a social-media account), or hands it out from the story's
    /// own subject (an organisation the story names, a space agency); nor
    /// when it shows something centuries old. Its credit is still asked.
    /// A credit the figure gives in an element of its own (`credit_line`,
    /// `<div class="Figure-credit">(Walt Disney Co.)</div>`) is read when
    /// the caption's text has none.
    fn asks_when_and_where(&self, caption: &Caption, credit_line: Option<&str>) -> bool {
        let text = &caption.text;
        let credit = caption
            .analysis()
            .credit
            .and_then(|f| Some((f.start, text.get(f.start..f.end)?)));
        let parts = credit
            .map(|(_, c)| credit_parts(c))
            .or_else(|| credit_line.map(credit_parts))
            .unwrap_or_default();
        let platform = |p: &str| {
            p.starts_with('@') || PLATFORMS.iter().any(|name| p.eq_ignore_ascii_case(name))
        };
        // A credit given with "via", at the start or closing the caption
        // ("… keyboard via iFixit"), names where the picture was taken
        // from; "Image via Getty Images": an agency took it.
        let via = credit.is_some_and(|(start, c)| {
            c.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("via "))
                || text[..start]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("via"))
        });
        let sourced = (via
            || taken_from_elsewhere(text)
            || parts.iter().any(|p| web_address(p) && !self.press(p)))
            && !parts.iter().any(|p| is_agency(p));
        // The rest of the caption, without its credit or the credit line
        // the caption's text may end with.
        let rest = match credit {
            Some((start, credit)) => {
                format!("{} {}", &text[..start], &text[start + credit.len()..])
            }
            None => credit_line.map_or(text.to_string(), |line| text.replacen(line.trim(), " ", 1)),
        };
        !(sourced
            || platform(text.trim().trim_end_matches('.'))
            || parts.iter().any(|p| platform(p))
            || historical(text)
            || artwork(text)
            || still(text, &parts)
            || stock_library_alone(&parts)
            || bio_line(text)
            || general_statement(&rest)
            || self.handout(&parts, &rest))
    }

    /// The credit names an organisation, not a person, a news agency or a
    /// publication, and that organisation is a space agency, a company
    /// named in its legal form, or is named in the story or in the rest of
    /// the caption: the picture is its handout ("Credit: Tyvak" under
    /// "Tyvak plans to…").
    fn handout(&self, parts: &[String], rest: &str) -> bool {
        if parts.is_empty() || parts.iter().any(|p| self.press(p) || is_agency(p)) {
            return false;
        }
        if parts.iter().any(|p| looks_like_person(p)) {
            // A person's name: the photographer, unless the story is about
            // them ("Marc Cain" under a fashion label's pictures, named
            // again and again in the story).
            return parts
                .iter()
                .all(|p| self.names_often(&organisation_name(p)));
        }
        let rest = rest.to_lowercase();
        parts.iter().any(|p| {
            let name = organisation_name(p);
            // A company named in its legal form ("© Thinking Machines
            // Corporation") hands out its own picture.
            in_legal_form(p)
                || emergency_service(&name)
                || SPACE_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(&name))
                || name.chars().count() >= 3 && (self.names(&name) || names(&rest, &name))
                // "Image: SixThirty" for the story's "Six Thirty".
                || spaced_words(p).is_some_and(|spaced| self.names(&spaced))
        })
    }

    /// A publication's name or its staff ("Harare Herald", "Atlas staff",
    /// the publication's own name as its title gives it).
    fn press(&self, part: &str) -> bool {
        has_phrase(part, &crate::text::data::CAPTION_WORDS.credit_outlet)
            || has_phrase(part, &["staff"])
            || {
                let name = organisation_name(part);
                name.chars().count() >= 2 && names(&self.site, &name)
            }
    }
}

/// The publication's part of a page title: what follows the headline and
/// a separator ("Floods close roads | The Courier" → "the courier").
fn site_of_title(title: &str) -> String {
    let title = title.trim().to_lowercase();
    [" | ", " - ", " – ", " — ", " · ", " :: "]
        .iter()
        .filter_map(|sep| title.split_once(sep).map(|(_, site)| site.to_string()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Social-media platforms: a picture credited to one was taken from a
/// post there.
const PLATFORMS: &[&str] = &[
    "facebook",
    "instagram",
    "twitter",
    "youtube",
    "tiktok",
    "snapchat",
    "reddit",
    "weibo",
    "vkontakte",
    "flickr",
];

/// Space agencies: their pictures (probes, renderings, launches from their
/// own cameras) are handouts.
const SPACE_AGENCIES: &[&str] = &[
    "nasa",
    "esa",
    "jaxa",
    "roscosmos",
    "cnsa",
    "isro",
    "jpl",
    "european space agency",
];

/// Words of an organisation's name besides its legal form
/// ([`LEGAL_FORMS`]): a credit part with one is not a person's name.
const ORGANISATION_WORDS: &[&str] = &[
    "the",
    "group",
    "foundation",
    "institute",
    "university",
    "college",
    "museum",
    "agency",
    "administration",
    "department",
    "ministry",
    "office",
    "council",
    "government",
    "police",
    "studio",
    "studios",
    "pictures",
    "records",
    "entertainment",
    "games",
    "labs",
    "medialab",
    "association",
    "society",
    "center",
    "centre",
    "service",
    "services",
    "house",
    "network",
    "federation",
    "committee",
    "commission",
    "league",
    "club",
];

/// Legal-form words dropped from the end of an organisation's name before
/// it is looked for in the story ("Walt Disney Co." → "walt disney").
const LEGAL_FORMS: &[&str] = &[
    "co",
    "inc",
    "corp",
    "corporation",
    "company",
    "ltd",
    "llc",
    "plc",
    "gmbh",
];

/// The names a credit gives: its label ("Credit:", "Photo by") and
/// brackets taken off, split at slashes, pipes, commas and "via".
fn credit_parts(credit: &str) -> Vec<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^:：/]{1,25}[:：]\s*|^(?i:(?:\w+\s+){1,2}by\s+)").expect("credit label")
    });
    let credit = credit
        .trim()
        .trim_matches(|c: char| "()[]{}（）".contains(c) || c.is_whitespace());
    let credit = LABEL.replace(credit, "");
    credit
        .split(['/', '|', ',', ';'])
        .flat_map(|p| p.split(" via "))
        .map(|p| {
            p.trim()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Two to five words, all capitalised or all in lowercase, none of them
/// an organisation's: a person's name ("Brendan McDermid", "JIM WATSON",
/// "lili sams"), not "Walt Disney Co." or "The White House".
fn looks_like_person(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let particle = |w: &&str| {
        matches!(
            *w,
            "de" | "da" | "van" | "von" | "der" | "bin" | "al" | "la" | "le"
        )
    };
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let lowercase = |w: &&str| w.chars().all(|c| c.is_lowercase() || "'’-.".contains(c));
    (2..=5).contains(&words.len())
        && (words.iter().all(|w| capitalised(w) || particle(w)) || words.iter().all(lowercase))
        && !words.iter().any(|w| {
            let w = w.trim_end_matches('.').to_lowercase();
            ORGANISATION_WORDS.contains(&w.as_str()) || LEGAL_FORMS.contains(&w.as_str())
        })
}

/// A wire service or photo agency.
pub(super) fn is_agency(part: &str) -> bool {
    has_phrase(part, crate::text::data::AGENCY_NAMES.as_slice())
}

/// The organisation is named with its legal form ("Thinking Machines
/// Corporation", "Walt Disney Co.").
fn in_legal_form(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// A police force, a sheriff's office or a fire service ("West Mercia
/// Police", "NYPD" aside): what it releases (a wanted man, a crash scene, a
/// victim's snapshot) is its handout, whose when and where no desk can ask.
fn emergency_service(name: &str) -> bool {
    EMERGENCY_SERVICES.iter().any(|s| {
        name.strip_suffix(s)
            .is_some_and(|before| before.is_empty() || before.ends_with(' '))
    })
}

/// How the name of a police force, sheriff's office or fire service ends.
const EMERGENCY_SERVICES: &[&str] = &[
    "police",
    "police department",
    "police dept.",
    "police service",
    "police force",
    "constabulary",
    "sheriff's office",
    "sheriff's department",
    "sheriff’s office",
    "sheriff’s department",
    "fire department",
    "fire service",
    "fire and rescue",
];

/// A name written in one word with capitals inside ("SixThirty"), as two
/// lowercased words ("six thirty"); `None` for any other name.
fn spaced_words(name: &str) -> Option<String> {
    let name = name.trim();
    if name.contains(char::is_whitespace) || !name.chars().all(char::is_alphanumeric) {
        return None;
    }
    let mut out = String::new();
    let mut inner = false;
    for (i, c) in name.char_indices() {
        if i > 0
            && c.is_uppercase()
            && name[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase)
        {
            out.push(' ');
            inner = true;
        }
        out.extend(c.to_lowercase());
    }
    inner.then_some(out)
}

/// An organisation's name as looked for in the story: lowercased, its
/// legal form dropped.
fn organisation_name(part: &str) -> String {
    let mut words: Vec<String> = part.split_whitespace().map(|w| w.to_lowercase()).collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_FORMS.contains(&w.trim_end_matches('.')))
    {
        words.pop();
    }
    words.join(" ")
}

/// `text` (lowercased) names `name` (lowercased): as whole words, or
/// anywhere for a name in a script written without spaces.
fn names(text: &str, name: &str) -> bool {
    whole_names(text, name).next().is_some()
}

/// Where `text` holds `name` as a whole name, not inside a longer word
/// (in a script without spaces, wherever it occurs).
fn whole_names<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = usize> + 't {
    let unspaced = !name.is_ascii() && !name.contains(' ') && name.chars().any(is_unspaced_script);
    text.match_indices(name).map(|(i, _)| i).filter(move |&i| {
        unspaced || {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        }
    })
}

/// A letter of a script written without spaces between words (Japanese,
/// Chinese, Thai).
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

/// The caption says where the picture was taken from rather than who took
/// it: a source label ("Source: NASA", "Quelle: …"), a credit that starts
/// with "via", or a social-media account ending it ("Фото
/// @paulinaporizkov").
fn taken_from_elsewhere(text: &str) -> bool {
    static SOURCED: LazyLock<Regex> = LazyLock::new(|| {
        let labels = crate::text::data::alternation(
            crate::text::data::CAPTION_WORDS
                .credit_source
                .iter()
                .copied(),
        );
        Regex::new(&format!(
            r"(?m)(?:^|[\s(\[])(?i:{labels})\s*[:：]\s*\S|(?:^|[(\[])\s*(?i:(?:(?:photo|image|picture|video)s?\s+)?via)\s+\S|(?:^|[\s(\[/:：])@[\w.]{{2,}}\s*[)\]]?\s*\z"
        ))
        .expect("source pattern")
    });
    SOURCED.is_match(text)
}

/// A still of a film or a television programme: the caption says so ("A
/// still from the 1957 TV movie…"), or a studio or distributor is credited
/// ("Warner Bros.", "Credit: 20th Century Fox"). The studio hands it out;
/// when and where it was shot is the production's, not the story's.
fn still(text: &str, parts: &[String]) -> bool {
    // A credit line of its own that no credit pattern reads ("Warner
    // Bros." in the page's credit element) is the caption's last line.
    let last_line = text.lines().last().unwrap_or("");
    has_phrase(text, STILL_WORDS)
        || parts.iter().any(|p| has_phrase(p, STUDIOS))
        || (last_line.split_whitespace().count() <= 4 && has_phrase(last_line, STUDIOS))
        || title_alone(text)
}

/// The caption is a work's title in quotes and nothing else ("“Wild
/// Rose”" under a picture in a story about the film): a still of it.
fn title_alone(text: &str) -> bool {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^["“«„][^"“”«»„\n]{1,60}["”»]\.?$"#).expect("title pattern")
    });
    TITLE.is_match(text.trim())
}

/// A credit that is a website's address ("(onmeth.com)"): the picture was
/// taken from that site, not by a photographer for the story.
fn web_address(part: &str) -> bool {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:www\.)?[a-z0-9-]{2,63}(?:\.[a-z0-9-]{2,63})*\.(?:com|org|net|gov|edu|io|co|info|[a-z]{2}))$")
            .expect("web address pattern")
    });
    DOMAIN.is_match(part.trim())
}

/// The credit names only Shutterstock ("(Image: © Shutterstock)"): its
/// creative library. Its editorial pictures name the photographer or the
/// Rex collection ("Andrew Harnik/Shutterstock", "REX/Shutterstock").
fn stock_library_alone(parts: &[String]) -> bool {
    matches!(parts, [only] if only.eq_ignore_ascii_case("shutterstock"))
}

/// What a caption calls a still.
const STILL_WORDS: &[&str] = &[
    "a still from",
    "still from the",
    "film still",
    "movie still",
    "production still",
    "publicity still",
];

/// Film and television studios and distributors.
const STUDIOS: &[&str] = &[
    "warner bros",
    "warner brothers",
    "20th century fox",
    "20th century studios",
    "universal pictures",
    "paramount pictures",
    "sony pictures",
    "columbia pictures",
    "lionsgate",
    "focus features",
    "searchlight pictures",
    "fox searchlight",
    "a24",
    "netflix",
    "hbo",
    "amazon studios",
    "walt disney pictures",
    "walt disney studios",
    "pixar",
    "dreamworks",
    "mgm",
    "miramax",
    "new line cinema",
    "studiocanal",
    "magnolia pictures",
    "ifc films",
    "bleecker street",
    "roadside attractions",
    "annapurna pictures",
    "entertainment one",
    "marvel",
    "marvel studios",
    "lucasfilm",
];

/// The caption is a portrait's bio line: a person's name, then the post
/// they hold ("JOHN TANZELLA is president/CEO of…", "Ana Ruiz has been
/// named director of…"): a headshot handed in for a business or people
/// column, not a picture taken at an event.
fn bio_line(text: &str) -> bool {
    static NAME_IS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s\u{200B}-\u{200D}\u{2060}\u{FEFF}]*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){1,3},?\s+(?:is|has\s+been\s+(?:named|appointed|promoted\s+to)|was\s+(?:named|appointed|promoted\s+to)|joins|has\s+joined)\s",
        )
        .expect("bio pattern")
    });
    let Some(found) = NAME_IS.find(text) else {
        return false;
    };
    let rest = text[found.end()..].to_lowercase();
    rest.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip_while(|w| matches!(*w, "the" | "a" | "an" | "its" | "new"))
        .take(3)
        .any(|w| POSTS.contains(&w))
}

/// Posts a bio line gives ("regional director", "president/CEO").
const POSTS: &[&str] = &[
    "president",
    "director",
    "ceo",
    "cfo",
    "coo",
    "chief",
    "manager",
    "partner",
    "founder",
    "co-founder",
    "chair",
    "chairman",
    "chairwoman",
    "owner",
    "principal",
    "executive",
    "officer",
    "attorney",
];

/// The caption is an artwork's label: its title and its maker, and nothing
/// else ("Light a Wish by OGE Group", "The Kiss by Gustav Klimt, 1908"). The
/// picture shows the work; when and where it was photographed is not news.
/// "Photo by …" names the photographer, and "Fans by the river" no maker.
fn artwork(text: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^["“‘']*(?P<title>[^:：|/()\[\]\n]{2,60}?)["”’']*\s+by\s+(?P<maker>\p{Lu}[^,.;:：|/()\[\]\n]{0,40}?)(?:,?\s*\(?\d{4}\)?)?\.?$"#,
        )
        .expect("artwork label pattern")
    });
    LABEL.captures(text.trim()).is_some_and(|c| {
        let words: Vec<String> = c["title"]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        // "Home destroyed by Hurricane Ian" is a scene and its cause.
        let done_by = last.ends_with("ed") || PARTICIPLES.contains(&last.as_str());
        // "… by AFP" credits an agency's photographer.
        !PHOTOGRAPHIC_WORDS.contains(&first.as_str()) && !done_by && !is_agency(&c["maker"])
    })
}

/// Irregular past participles that put "by" after a deed, not a work
/// ("Rescuers hit by debris", "Candidate seen by voters").
const PARTICIPLES: &[&str] = &[
    "hit", "struck", "taken", "shot", "caught", "held", "led", "seen", "made", "built", "won",
    "beaten", "driven", "thrown", "torn", "blown", "swept", "hidden", "bitten", "met", "sent",
    "brought", "given", "run", "left", "kept", "sold", "bought", "told", "found",
];

/// Words that open a photographer's credit written with "by" ("Photo by
/// …", "Footage by …"), not an artwork's title.
const PHOTOGRAPHIC_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photography",
    "image",
    "images",
    "picture",
    "pictures",
    "footage",
    "video",
    "shot",
    "foto",
    "fotos",
];

/// "Towels should always be cleaned between stays", "Plague can be easily
/// vaccinated": the caption names no one and nothing (no capitalised word
/// but a sentence's first) and says what can, should or always happens.
/// It speaks of the story's subject, not of a moment the picture shows:
/// a stock picture illustrating a topic, which is asked for its credit
/// only. A caption naming nothing that describes a scene ("Firefighters
/// battle a blaze") is still asked when and where.
fn general_statement(rest: &str) -> bool {
    let mut words = 0;
    let mut general = false;
    let mut sentence_start = true;
    for token in rest.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            sentence_start |= token.ends_with(['.', '!', '?', ':', ';']);
            continue;
        }
        // A script without capitals cannot show whether a name is there.
        if word
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
        {
            return false;
        }
        let mut chars = word.chars();
        let first = chars.next().is_some_and(char::is_uppercase);
        if chars.any(char::is_uppercase) || first && !sentence_start && word != "I" {
            return false;
        }
        words += 1;
        general |= GENERAL_WORDS.iter().any(|g| g.eq_ignore_ascii_case(word));
        sentence_start = token.ends_with(['.', '!', '?', ':', ';']);
    }
    words >= 4 && general
}

/// Words of what can, should or usually happen, not of what a picture shows.
const GENERAL_WORDS: &[&str] = &[
    "can",
    "cannot",
    "can't",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shouldn't",
    "ought",
    "always",
    "often",
    "usually",
    "sometimes",
    "never",
    "rarely",
    "typically",
];

/// The caption places its subject centuries back: an object or a picture
/// of the past ("A 14th century plague doctor", "pottery from the late 6th
/// century BC"), not a photo of the news. (A cathedral "which dates from
/// the 12th century" may be burning today.)
fn historical(text: &str) -> bool {
    static PAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b\d+(?:st|nd|rd|th)?[\s-]*(?:century\s+|millennium\s+)?(?:BC|B\.C\.|BCE|B\.C\.E\.)(?:\W|$)|^\W*(?:(?:a|an|the)\s+)?(?:(?:early|mid|late)[\s-]+)?\d{1,2}(?:st|nd|rd|th)[\s-]century\b",
        )
        .expect("past pattern")
    });
    PAST.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_statements_name_nothing() {
        assert!(general_statement(
            "Even luxury hotels aren’t always cleaned as often as they should be"
        ));
        assert!(general_statement("Plague can be easily vaccinated "));
        assert!(!general_statement(
            "Firefighters battle a blaze on the hillside."
        ));
        assert!(!general_statement(
            "Residents say the Thames can flood twice a year."
        ));
        assert!(!general_statement(
            "Crowds could be seen from the iPhone camera."
        ));
        assert!(!general_statement("Towels should"));
        assert!(!general_statement("タオルは常に洗うべきです can should"));
    }

    #[test]
    fn police_and_fire_services_hand_out_pictures() {
        assert!(emergency_service("west merica police"));
        assert!(emergency_service("los angeles county sheriff's department"));
        assert!(emergency_service("police"));
        assert!(!emergency_service("police gazette"));
        assert!(!emergency_service("impolice"));
        assert_eq!(spaced_words("SixThirty").as_deref(), Some("six thirty"));
        assert_eq!(spaced_words("Reuters"), None);
        assert_eq!(spaced_words("NASA"), None);
        assert_eq!(spaced_words("Jane Doe"), None);
    }

    #[test]
    fn sources_that_are_not_news_photographers() {
        assert!(super::title_alone("“Wild Rose”"));
        assert!(!super::title_alone(
            "“We are not leaving,” a protester said in Kyiv."
        ));
        assert!(super::web_address("onmeth.com"));
        assert!(super::web_address("www.example.org"));
        assert!(!super::web_address("Steve Pope"));
        assert!(!super::web_address("Getty Images"));
        let parts = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(super::stock_library_alone(&parts(&["Shutterstock"])));
        assert!(!super::stock_library_alone(&parts(&[
            "Andrew Harnik",
            "Shutterstock"
        ])));
        assert!(!super::stock_library_alone(&parts(&[
            "REX",
            "Shutterstock"
        ])));
    }

    #[test]
    fn artwork_labels() {
        for label in [
            "Light a Wish by OGE Group",
            "Spider on the bridge by Groupe LAPS",
            "Portam Civitatis by Peter Snijder",
            "“The Kiss” by Gustav Klimt, 1908.",
        ] {
            assert!(super::artwork(label), "{label}");
        }
        for caption in [
            "Photo by Joan Bardeletti",
            "Fans gather by the river in Paris",
            "Photograph by Tyrone Turner, National Geographic",
            "Protesters march past the parliament in Athens, Greece, on May 5. By Nikos Pappas",
            "Credit: Photo by Jane Doe",
            "Home destroyed by Hurricane Ian",
            "Survivors rescued by Coast Guard",
            "Rescuers hit by Falling Debris",
            "Kim Jong Un by AFP",
        ] {
            assert!(!super::artwork(caption), "{caption}");
        }
    }

    #[test]
    fn supplied_pictures_are_told_by_their_credit_and_caption() {
        assert!(bio_line(
            " JOHN TANZELLA is president/CEO of the International Travel Association."
        ));
        assert!(bio_line(
            "Ana Ruiz has been named director of sales at Cobalt Hotels."
        ));
        assert!(!bio_line(
            "Ana Ruiz speaks to reporters in Miami on Tuesday."
        ));
        // A zero-width space before the name is not seen.
        assert!(bio_line(
            "\u{200B}JAY PELHAM is president of TotalBank, a South Florida-based bank."
        ));
        assert!(still("A still from the 1957 TV movie A Day Called X.", &[]));
        assert!(still("Fantastic Beasts", &credit_parts("Warner Bros.")));
        assert!(still("Eddie Redmayne in the film.\nWarner Bros.", &[]));
        assert!(!still(
            "Crowds outside the cinema on Sunday.",
            &credit_parts("Jane Doe/AP")
        ));
        assert!(historical("A 14th century plague doctor (Image: GETTY)"));
        assert!(historical(
            "Fragment of red-figure pottery from the late 6th century BC. SIA/EFAK"
        ));
        assert!(!historical(
            "Firefighters battle the blaze at the cathedral, which dates from the 12th century."
        ));
        assert!(taken_from_elsewhere(
            "Europa above Jupiter's clouds. (Source: NASA)"
        ));
        assert!(taken_from_elsewhere(
            "Разве этой красотке дашь 53 года? Фото @paulinaporizkov"
        ));
        assert!(!taken_from_elsewhere(
            "Interest payments. Jeon Heon-Kyun/EPA, via Shutterstock"
        ));
        assert_eq!(credit_parts("(Walt Disney Co.)"), ["Walt Disney Co"]);
        assert_eq!(
            credit_parts("Credit: ESA/ATG medialab"),
            ["ESA", "ATG medialab"]
        );
        assert!(looks_like_person("Brendan McDermid"));
        assert!(looks_like_person("lili sams"));
        assert!(!looks_like_person("Walt Disney Co"));
        assert!(!looks_like_person("The White House"));
        assert!(!looks_like_person("Tyvak"));
    }
}
