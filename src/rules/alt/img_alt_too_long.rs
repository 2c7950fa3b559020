//! Alt text over a length limit (150 characters by default). Screen readers
//! cannot pause or skip inside alt text; long descriptions belong in the
//! caption or the article body. Runs of whitespace count as one character.
//!
//! A map, chart or diagram gets twice the limit; a picture of text whose
//! alt transcribes it (a screenshot, a tweet, an error page) has no limit:
//! its alt has to hold the text the picture shows.

use crate::article::Image;
use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};

use crate::rules::{Context, OptionDoc, Options, Rule, RuleOptions, at_least};

pub static RULE: Rule = Rule {
    id: "img-alt-too-long",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text is longer than the limit (`max` characters)",
    doc: include_str!("../../../rules/img-alt-too-long.md"),
    options: Some(&Options::of::<Limits>(&[OptionDoc {
        name: "max",
        kind: "integer ≥ 1",
        help: "longest alt text allowed, in characters",
    }])),
    check,
    ..Rule::DEFAULTS
};

#[derive(Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub max: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max: 150 }
    }
}

impl RuleOptions for Limits {
    fn validate(&self) -> Result<(), String> {
        at_least("max", self.max, 1)
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Limits { max } = ctx.options();
    ctx.article.images_with_alt()
        .filter_map(|(img, alt)| {
            let text = crate::a11y::normalize(alt.value);
            if transcribes(img, &text) {
                return None;
            }
            let len = text.chars().count();
            let complex = is_complex(&text) || (img.drawing && !img.mark);
            let limit = if complex { 2 * max } else { max };
            (len > limit).then(|| {
                Diagnostic::new(
                    alt.span,
                    if limit == max {
                        format!("this alt text is {len} characters long, over the limit of {max}")
                    } else {
                        format!("this alt text is {len} characters long, over twice the limit of {max} that maps, charts and diagrams get")
                    },
                )
                .help(crate::rules::files::caption_in_alt(img).unwrap_or(
                    "keep alt text to what the picture shows; move context and credits into the caption",
                ))
            })
        })
        .collect()
}

/// Words that open the alt of an image that carries data: a map, a
/// chart, a diagram. Such an alt has to name more than a photo's.
const COMPLEX: &[&str] = &[
    "map",
    "chart",
    "graph",
    "diagram",
    "infographic",
    "timeline",
    "table",
    "plot",
    "flowchart",
];

/// The alt opens by saying the image is a map, chart or diagram ("Map
/// with the islands highlighted", "A chart of…").
fn is_complex(alt: &str) -> bool {
    let mut words = alt
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let first = match words.next() {
        Some(w) if matches!(w.as_str(), "a" | "an" | "the") => words.next(),
        other => other,
    };
    first.is_some_and(|w| {
        COMPLEX
            .iter()
            .any(|c| w == *c || w.strip_suffix('s') == Some(c))
    })
}

/// Words that name a picture of text when they open an alt ("Tweet from
/// …:", "The error page, saying …").
const TEXT_MEDIA: &[&str] = &[
    "tweet",
    "tweets",
    "screenshot",
    "screenshots",
    "screengrab",
    "page",
    "message",
    "notice",
    "email",
    "letter",
    "headline",
    "sign",
    "banner",
    "poster",
    "notification",
    "dialog",
];

/// What comes between the short description of a picture of text and the
/// text it shows.
const LEAD_OUTS: &[&str] = &[
    ": ",
    " saying ",
    " reading ",
    " reads ",
    " that says ",
    " which says ",
];

/// The longest description before the transcription, in words.
const LEAD_WORDS: usize = 12;

/// The alt of a picture of text transcribes it: a short description (a
/// tweet, a page, a sign: named in it, or by the file's name), then, after
/// a colon or "saying"/"reading", the text itself, which is most of the
/// alt (`Tweet from Jeanna Smialek: "Ben Bernanke's cell phone…"`).
fn transcribes(img: &Image<'_>, alt: &str) -> bool {
    let lower = alt.to_lowercase();
    let Some((at, lead_out)) = LEAD_OUTS
        .iter()
        .filter_map(|l| lower.find(l).map(|at| (at, l.len())))
        .min()
    else {
        return false;
    };
    let (lead, text) = (&lower[..at], &lower[at + lead_out..]);
    let words: Vec<&str> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= LEAD_WORDS
        && text.chars().count() > lead.chars().count()
        && (img.of_text || words.iter().any(|w| TEXT_MEDIA.contains(w)))
}
