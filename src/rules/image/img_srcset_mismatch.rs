//! A `srcset` candidate that lies: its `w` descriptor is not the file's
//! real width, or the file does not exist. Browsers pick a candidate by
//! the descriptor alone, so a wrong one means a blurry picture on one
//! screen and a wasted download on another, and a missing one a broken
//! image on exactly the screens that pick it.

use std::collections::HashMap;

use super::{found, references, shown, unreachable_message};
use crate::article::Reference;
use crate::assets::srcset::Descriptor;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-srcset-mismatch",
    group: "image",
    severity: Severity::Warning,
    summary: "A srcset candidate is missing or its w descriptor is not the file's width",
    doc: include_str!("../../../rules/img-srcset-mismatch.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

/// What is wrong with a candidate.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Problem {
    /// A descriptor where the URL should be.
    NoUrl,
    /// The file is missing or out of reach.
    Unreachable,
    /// The `w` descriptor is not the file's width.
    Width,
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // One finding per image and problem, at its first candidate; the
    // other candidates with the same problem are labels on it.
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut first: HashMap<(usize, Problem), (usize, usize)> = HashMap::new();
    for r in references(ctx) {
        let Some((problem, diagnostic)) = candidate(ctx, r) else {
            continue;
        };
        let key = r.image.map(|image| (image, problem));
        if let Some((at, more)) = key.and_then(|key| first.get_mut(&key)) {
            *more += 1;
            let label = match problem {
                Problem::NoUrl => format!("`{}` too", r.url),
                _ => format!("{} too", shown(r.url)),
            };
            out[*at].labels.push(Label {
                span: r.span,
                message: label,
            });
            continue;
        }
        if let Some(key) = key {
            first.insert(key, (out.len(), 0));
        }
        out.push(diagnostic);
    }
    for (at, more) in first.into_values().filter(|&(_, more)| more > 0) {
        let plural = if more == 1 { "" } else { "s" };
        out[at].message = format!(
            "{}; {more} other candidate{plural} of this image too",
            out[at].message
        );
    }
    out
}

/// The problem with one candidate, if it has one.
fn candidate(ctx: &Context, r: &Reference) -> Option<(Problem, Diagnostic)> {
    let descriptor = r.slot.descriptor()?;
    if looks_like_descriptor(r.url) {
        return Some((
            Problem::NoUrl,
            Diagnostic::new(
                r.span,
                format!(
                    "srcset has a descriptor, `{}`, with no URL before it; browsers request it as a file",
                    r.url
                ),
            )
            .help("put each candidate's URL before its descriptor: \"photo-800.jpg 800w\""),
        ));
    }
    if let Some(message) = unreachable_message(r.url, ctx.assets.image(r.url)) {
        return Some((
            Problem::Unreachable,
            Diagnostic::new(r.span, format!("srcset candidate {message}")).help(
                "fix the path or remove the candidate; browsers that pick it show a broken image",
            ),
        ));
    }
    let Descriptor::Width(declared) = descriptor else {
        return None;
    };
    let info = found(ctx.assets, r.url)?;
    if info.format.is_some_and(|f| f.is_vector()) {
        return None;
    }
    let (width, _) = info.display_size()?;
    (width != declared).then(|| {
        (
            Problem::Width,
            Diagnostic::new(
                r.span,
                format!(
                    "srcset says {} is {declared} px wide ({declared}w), but the file is {width} px wide",
                    shown(r.url)
                ),
            )
            .help(format!(
                "change the descriptor to {width}w, or point it at the {declared} px rendition"
            )),
        )
    })
}

/// `150w` or `2x` where a URL should be: the template left the URL out.
fn looks_like_descriptor(url: &str) -> bool {
    url.strip_suffix(['w', 'x'])
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}
