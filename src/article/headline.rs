//! Whether a page's headline is written on it without being a heading: a
//! line of the body that repeats the page's title (or a part of it), is
//! set in a large font, or has a class that names it the headline. A page with neither and no headings at all (a
//! few paragraphs of placeholder text, a fragment wrapped in `<body>`) has
//! no headline to mark up.

use std::collections::HashSet;

use scraper::{ElementRef, Node};

use crate::a11y;
use crate::html::{Attribute, Document};

/// What separates a title's parts: the headline, the section, the site.
const SEPARATORS: &[&str] = &[
    " - ", " – ", " — ", " | ", " · ", " • ", " :: ", " « ", " » ", " ‹ ", " › ", " / ", "_",
    "\u{3000}",
];

/// The fewest characters a part of a title needs to be looked for.
const MIN_CHARS: usize = 4;

/// The most pieces on each side of the longest, itself included, a run of
/// a title's pieces may take: a title is a headline, a section or two and
/// the site, and a longer run of separators (a file name of underscores)
/// would make every run of them a key.
const MAX_RUN: usize = 4;

/// The most words a line in a large font, or named a headline, may have to
/// read as one.
const MAX_WORDS: usize = 20;

/// A line of the body a reader sees that repeats the `<title>` or the
/// `og:title`, whole or one of its parts, or a short line set in a large
/// `<font>` or whose class names it the headline.
pub fn written(doc: &Document) -> bool {
    let titles = title_parts(doc);
    let vis = &doc.visibility;
    doc.elements()
        .filter(|el| !vis.is_hidden(*el) && !vis.is_inert(*el))
        .filter(|el| !a11y::holds_no_text(el.value().name()) && el.value().name() != "title")
        .any(|el| {
            large_font(el)
                || named_headline(el)
                || el.children().any(|c| match c.value() {
                    Node::Text(text) => {
                        let line = key(text);
                        !line.is_empty() && titles.contains(&line)
                    }
                    _ => false,
                })
        })
}

/// The `<title>` and the `og:title`, as written.
fn titles(doc: &Document) -> (Option<String>, Option<String>) {
    let title = doc
        .elements_named("title")
        .next()
        .map(|t| t.text().collect::<String>());
    let og = doc
        .elements_named("meta")
        .find(|m| {
            m.value()
                .attribute("property")
                .is_some_and(|p| p.eq_ignore_ascii_case("og:title"))
        })
        .and_then(|m| m.value().attribute("content"))
        .map(str::to_string);
    (title, og)
}

/// A title cut at its separators: each piece, and where it lies in the
/// normalised title (so that a run of pieces keeps the separators between
/// them).
fn pieces(whole: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < whole.len() {
        match SEPARATORS.iter().find(|sep| whole[at..].starts_with(**sep)) {
            Some(sep) => {
                out.push((start, at));
                at += sep.len();
                start = at;
            }
            None => at += whole[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push((start, whole.len()));
    out
}

/// The title and `og:title`, whole and split at their separators, each
/// normalised for comparison.
fn title_parts(doc: &Document) -> HashSet<String> {
    let (title, og) = titles(doc);
    let mut parts = HashSet::new();
    for whole in title.into_iter().chain(og) {
        let whole = a11y::normalize(&whole);
        parts.extend(
            std::iter::once(whole.as_str())
                .chain(pieces(&whole).into_iter().map(|(a, b)| &whole[a..b]))
                .map(key)
                .filter(|p| p.chars().count() >= MIN_CHARS),
        );
    }
    parts
}

/// What of the page's title names its story, each as compared: the whole
/// `<title>` and `og:title`, and every run of a title's pieces that holds
/// its longest piece ("Strong & Beautiful - Pamela Reif [Rezension]" of
/// "Strong & Beautiful - Pamela Reif [Rezension] - Plentylife"; not the
/// site's name alone, "Plentylife", which a logo heading repeats).
pub struct Headline {
    /// Every key, for a heading that is all of one.
    keys: HashSet<String>,
    /// The keys of at least [`MIN_WITHIN_WORDS`] words, which a heading
    /// may open or close with; their words are counted once here, not for
    /// every heading.
    within: Vec<String>,
}

impl Headline {
    pub fn of(doc: &Document) -> Headline {
        let (title, og) = titles(doc);
        let sites = site_names(doc);
        let mut keys = Vec::new();
        for whole in title.into_iter().chain(og) {
            let whole = a11y::normalize(&whole);
            let pieces = pieces(&whole);
            let length = |i: usize| whole[pieces[i].0..pieces[i].1].trim().chars().count();
            let named = |i: usize| names_the_site(&sites, &whole[pieces[i].0..pieces[i].1]);
            let longest = (0..pieces.len())
                .max_by_key(|&i| (!named(i), length(i)))
                .unwrap_or(0);
            keys.push(key(&whole));
            let last = pieces.len().min(longest + MAX_RUN) - 1;
            for i in longest.saturating_sub(MAX_RUN - 1)..=longest {
                for j in longest..=last {
                    keys.push(key(&whole[pieces[i].0..pieces[j].1]));
                }
            }
        }
        keys.retain(|k| k.chars().count() >= MIN_CHARS);
        let keys: HashSet<String> = keys.into_iter().collect();
        let within = keys
            .iter()
            .filter(|k| k.split_whitespace().count() >= MIN_WITHIN_WORDS)
            .cloned()
            .collect();
        Headline { keys, within }
    }

    /// How a level-one heading repeats the story's part of the title. A
    /// heading that is the site's name linking to its home page is never
    /// the headline, whatever piece of the title it repeats.
    pub fn heading(&self, el: ElementRef<'_>) -> TitleMatch {
        if links_only_home(el) {
            return TitleMatch::None;
        }
        self.matched(&el.text().collect::<String>())
    }

    /// How a heading's text repeats the story's part of the title.
    pub fn matched(&self, text: &str) -> TitleMatch {
        let text = key(text);
        if self.keys.contains(&text) {
            return TitleMatch::Exact(text.chars().count());
        }
        self.within
            .iter()
            .filter(|k| {
                // Where the heading goes on, a word ends first.
                let apart = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric());
                text.strip_prefix(k.as_str())
                    .is_some_and(|rest| apart(rest.chars().next()))
                    || text
                        .strip_suffix(k.as_str())
                        .is_some_and(|rest| apart(rest.chars().next_back()))
            })
            .map(|k| k.chars().count())
            .max()
            .map_or(TitleMatch::None, TitleMatch::Within)
    }
}

/// How a level-one heading repeats the story's part of the title, ordered
/// so that the headline is the heading that matches best.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum TitleMatch {
    /// Not at all.
    #[default]
    None,
    /// It opens or closes with it, after a kicker ("Thema Verbraucherschutz
    /// Mehr Transparenz bei Preisanpassungen" of "BMJV | Transparenz bei
    /// Preisanpassungen") or before a subtitle: the characters repeated.
    Within(usize),
    /// It is all of it: the characters repeated.
    Exact(usize),
}

/// The site's names the page gives: its `og:site_name` and its
/// `application-name`, as compared. A set: each piece of the title is
/// looked up in it, and a page may repeat the tags thousands of times.
fn site_names(doc: &Document) -> HashSet<String> {
    doc.elements_named("meta")
        .filter(|m| {
            let named = |attr: &str, value: &str| {
                m.value()
                    .attribute(attr)
                    .is_some_and(|v| v.eq_ignore_ascii_case(value))
            };
            named("property", "og:site_name") || named("name", "application-name")
        })
        .filter_map(|m| m.value().attribute("content"))
        .map(key)
        .filter(|name| !name.is_empty())
        .collect()
}

/// A piece of the title is the site's name: one the page gives (see
/// [`site_names`]), or a host name ("iloveponysmag.com"), never the
/// story's part however long it is.
fn names_the_site(sites: &HashSet<String>, piece: &str) -> bool {
    let piece = key(piece);
    let host = !piece.contains(char::is_whitespace)
        && piece.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.bytes().all(|b| b.is_ascii_lowercase())
        });
    host || sites.contains(&piece)
}

/// The fewest words the part of the title a heading opens or closes with
/// needs: fewer would be a name or a section a logo or a menu repeats.
const MIN_WITHIN_WORDS: usize = 3;

/// The heading's text is a link to the site's home page (`rel="home"`,
/// `href="/"`, `https://example.com/`): the site's name set as a heading.
fn links_only_home(el: ElementRef<'_>) -> bool {
    let home: Vec<String> = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|a| a.value().name() == "a" && links_home(*a))
        .map(|a| a.text().collect())
        .collect();
    let home = key(&home.join(" "));
    !home.is_empty() && home == key(&el.text().collect::<String>())
}

/// A link to the site's home page.
fn links_home(a: ElementRef<'_>) -> bool {
    let rel_home = a.value().attribute("rel").is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("home"))
    });
    let root = a.value().attribute("href").is_some_and(|href| {
        let href = href.trim();
        let after_scheme = ["https://", "http://", "//"].iter().find_map(|s| {
            href.get(..s.len())
                .filter(|p| p.eq_ignore_ascii_case(s))
                .map(|_| &href[s.len()..])
        });
        match after_scheme {
            Some(rest) => !rest.trim_end_matches('/').contains(['/', '?', '#']),
            None => matches!(href, "/" | "./"),
        }
    });
    rel_home || root
}

/// Text as compared: whitespace collapsed, lowercased, typographic quotes
/// and ellipses as typed (a CMS curls the heading's apostrophe, not the
/// title's: "Macron’s" and "Macron's" are one headline).
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in a11y::normalize(text).to_lowercase().chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
                out.push('"')
            }
            '\u{2026}' => out.push_str("..."),
            c => out.push(c),
        }
    }
    out
}

/// Words of a class name that name an element the page's headline.
const HEADLINE_CLASSES: &[&str] = &["headline", "h1", "title", "titulo", "titre", "titel"];

/// A short line whose class names it the headline (`article-title`,
/// `headline`, `titulo`).
fn named_headline(el: ElementRef<'_>) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes
            .split_ascii_whitespace()
            .flat_map(a11y::word_parts)
            .any(|w| HEADLINE_CLASSES.contains(&w.as_str()))
    }) && short_line(el)
}

/// Some text, and at most [`MAX_WORDS`] words of it.
fn short_line(el: ElementRef<'_>) -> bool {
    let words = el
        .text()
        .flat_map(str::split_whitespace)
        .take(MAX_WORDS + 1)
        .count();
    words > 0 && words <= MAX_WORDS
}

/// `<font size="+2">` and larger (`5` to `7`), holding a short line.
fn large_font(el: ElementRef<'_>) -> bool {
    el.value().name() == "font"
        && el.value().attribute("size").is_some_and(|size| {
            let size = size.trim();
            match size.strip_prefix('+') {
                Some(step) => step.parse::<u8>().is_ok_and(|s| s >= 2),
                None => size.parse::<u8>().is_ok_and(|s| s >= 5),
            }
        })
        && short_line(el)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> bool {
        written(&Document::parse(html.to_string()))
    }

    #[test]
    fn the_headline_is_the_story_part_of_the_title_not_the_site_name() {
        let doc = Document::parse(
            "<!DOCTYPE html><title>Strong &amp; Beautiful - Pamela Reif [Rezension] - Plentylife</title>\
             <meta property=og:title content='Pamela Reif im Test'>"
                .to_string(),
        );
        let headline = Headline::of(&doc);
        assert_eq!(
            headline.matched("Strong & Beautiful - Pamela Reif [Rezension]"),
            TitleMatch::Exact(44)
        );
        assert_eq!(
            headline.matched("  pamela reif [rezension] "),
            TitleMatch::Exact(23)
        );
        assert_eq!(
            headline.matched("Pamela Reif im Test"),
            TitleMatch::Exact(19)
        );
        assert_eq!(headline.matched("Plentylife"), TitleMatch::None);
        assert_eq!(headline.matched("Strong & Beautiful"), TitleMatch::None);
    }

    #[test]
    fn the_site_name_is_never_the_story_part_of_the_title() {
        let doc = Document::parse(
            "<!DOCTYPE html><title>OUTDOOR LOVERS | iloveponysmag.com</title>".to_string(),
        );
        let headline = Headline::of(&doc);
        assert_eq!(headline.matched("Outdoor Lovers"), TitleMatch::Exact(14));
        assert_eq!(headline.matched("iloveponysmag.com"), TitleMatch::None);
        let doc = Document::parse(
            "<!DOCTYPE html><title>Bohnenviertel - Stadt Stuttgart</title>\
             <meta property=og:site_name content='Stadt Stuttgart'>"
                .to_string(),
        );
        let headline = Headline::of(&doc);
        assert_eq!(headline.matched("Bohnenviertel"), TitleMatch::Exact(13));
        assert_eq!(headline.matched("Stadt Stuttgart"), TitleMatch::None);
        // A title that is only the site's name is still matched whole.
        let doc = Document::parse("<!DOCTYPE html><title>example.com</title>".to_string());
        assert_eq!(
            Headline::of(&doc).matched("example.com"),
            TitleMatch::Exact(11)
        );
    }

    #[test]
    fn a_title_of_many_separators_keeps_few_keys() {
        let title = vec!["part"; 5000].join("_");
        let doc = Document::parse(format!("<!DOCTYPE html><title>{title}</title>"));
        let headline = Headline::of(&doc);
        assert!(
            headline.keys.len() <= 1 + MAX_RUN * MAX_RUN,
            "{}",
            headline.keys.len()
        );
        assert_eq!(headline.matched(&title), TitleMatch::Exact(title.len()));
        assert_eq!(headline.matched("part_part"), TitleMatch::Exact(9));
    }

    #[test]
    fn curled_quotes_and_angle_separators_do_not_hide_the_headline() {
        let doc = Document::parse(
            "<!DOCTYPE html><title>Macron's pension reform passes › Politics › Meedia</title>"
                .to_string(),
        );
        let headline = Headline::of(&doc);
        assert_eq!(
            headline.matched("Macron’s pension reform passes"),
            TitleMatch::Exact(30)
        );
        assert_eq!(headline.matched("Meedia"), TitleMatch::None);
    }

    #[test]
    fn a_kicker_or_a_subtitle_around_the_title_is_still_the_headline() {
        let doc = Document::parse(
            "<!DOCTYPE html><title>BMJV | Transparenz bei Preisanpassungen</title>".to_string(),
        );
        let headline = Headline::of(&doc);
        assert_eq!(
            headline.matched("Thema Verbraucherschutz Mehr Transparenz bei Preisanpassungen"),
            TitleMatch::Within(32)
        );
        assert_eq!(
            headline.matched("Transparenz bei Preisanpassungen: was gilt"),
            TitleMatch::Within(32)
        );
        assert_eq!(
            headline.matched("Transparenz bei Preisanpassungen – was gilt"),
            TitleMatch::Within(32)
        );
        // A word that only begins with the title's last word is not it.
        assert_eq!(
            headline.matched("Mehr Transparenz bei Preisanpassungenxyz"),
            TitleMatch::None
        );
        assert!(TitleMatch::Within(40) < TitleMatch::Exact(4));
    }

    #[test]
    fn the_site_name_linking_home_is_not_the_headline() {
        let doc = Document::parse(
            "<!DOCTYPE html><title>DenkanStoos April 2012 | DenkanStoos Hamburg (Stoos-Satellite)</title>\
             <meta property=og:title content='DenkanStoos April 2012'>\
             <h1 id=site-title><a href='https://denkanstoos.wordpress.com/' rel=home>DenkanStoos Hamburg (Stoos-Satellite)</a></h1>\
             <h1 class=entry-title><a href='https://denkanstoos.wordpress.com/2012/04/'>DenkanStoos April 2012</a></h1>\
             <h1><a href='/'>Stoos News</a> today and tomorrow</h1>"
                .to_string(),
        );
        let headline = Headline::of(&doc);
        let h1s: Vec<_> = doc
            .elements_named("h1")
            .map(|h| headline.heading(h))
            .collect();
        assert_eq!(
            h1s,
            [TitleMatch::None, TitleMatch::Exact(22), TitleMatch::None]
        );
        for (href, home) in [
            ("/", true),
            ("https://example.com", true),
            ("HTTPS://example.com/", true),
            ("//example.com/", true),
            ("https://example.com/news/", false),
            ("https://example.com/?p=1", false),
            ("/news", false),
            ("#top", false),
        ] {
            let doc = Document::parse(format!("<a href='{href}'>x</a>"));
            let a = doc.elements_named("a").next().unwrap();
            assert_eq!(links_home(a), home, "{href}");
        }
    }

    #[test]
    fn the_title_written_as_a_line_is_a_headline() {
        assert!(page(
            "<!DOCTYPE html><title>Floods close roads – The Courier</title>\
             <p class=title>Floods close roads</p><p>Emergency services rescued dozens.</p>"
        ));
        assert!(page(
            "<!DOCTYPE html><title>海外留学生看两会_教育频道_中国青年网</title><div>海外留学生看两会</div>"
        ));
        assert!(page(
            "<!DOCTYPE html><title>linux video</title>\
             <p><font size=\"+3\"><b>linux usability</b></font></p><p>A rant.</p>"
        ));
        assert!(page(
            "<!DOCTYPE html><title>Die Zeit</title>\
             <p class=article-title>Was heißt <em>Sozialismus</em> für Sie?</p><p>Ein Gespräch.</p>"
        ));
    }

    #[test]
    fn placeholder_pages_have_no_headline() {
        assert!(!page(
            "<!DOCTYPE html><title>Lorem ipsum dolor sit amet – My website</title>\
             <div>Lorem ipsum dolor sit amet, consectetur adipisicing elit.</div>"
        ));
        assert!(!page(
            "<!DOCTYPE html><title>Document</title><p>Lorem ipsum dolor.</p>"
        ));
        // The title itself is not a line of the body.
        assert!(!page(
            "<!DOCTYPE html><title>Floods close roads</title><p>Rain.</p>"
        ));
        // Nor is a hidden line.
        assert!(!page(
            "<!DOCTYPE html><title>Floods close roads</title><p hidden>Floods close roads</p>"
        ));
    }
}
