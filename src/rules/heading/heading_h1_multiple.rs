//! More than one level-one heading. Readers jumping to the headline land on
//! the wrong one (a site logo, a sidebar title).

use std::collections::HashMap;

use crate::article::{Heading, TitleMatch};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-h1-multiple",
    group: "heading",
    severity: Severity::Warning,
    summary: "A page has more than one level-one heading",
    doc: include_str!("../../../rules/heading-h1-multiple.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    // An empty heading takes no place in the outline: heading-empty
    // reports it, and removing it is the usual fix.
    let h1s: Vec<&Heading> = ctx
        .article
        .headings
        .iter()
        .filter(|h| h.level == 1 && !h.empty)
        .collect();
    if h1s.len() < 2 {
        return Vec::new();
    }
    // The headline: the level-one heading that repeats the most of the
    // page's title. When a site logo or a menu's label comes first, the
    // headline is the one kept and the others are reported, before it or
    // after it; else the first is kept.
    let headline = h1s
        .iter()
        .enumerate()
        .filter(|(_, h)| h.title_match != TitleMatch::None)
        .max_by_key(|&(i, h)| (h.title_match, std::cmp::Reverse(i)))
        .map_or(0, |(i, _)| i);
    let order = std::iter::once(headline).chain((0..h1s.len()).filter(|&i| i != headline));
    // A level-one heading is a second one where an earlier one is shown at
    // the same screen width: copies of a header written once per width
    // (`hidden-xs`, `visible-sm`) are never seen together. The first
    // level-one heading shown at each width, so each is looked up once.
    let mut first_at: [Option<&Heading>; 8] = [None; 8];
    // Each earlier text, and whether a heading with it was a layout copy:
    // looked up once a heading, however many there are.
    let mut seen: HashMap<&str, bool> = HashMap::new();
    let mut out = Vec::new();
    for i in order {
        let h = h1s[i];
        // A copy of an earlier level-one heading, with its text, in a block
        // named for one device (`id="logoMobile"` beside `id="logo"`): the
        // style sheet shows one of the two.
        let copy = seen
            .get(h.text.as_str())
            .is_some_and(|earlier_copy| *earlier_copy || h.layout_copy);
        *seen.entry(h.text.as_str()).or_default() |= h.layout_copy;
        let bits = (0..8).filter(|b| h.widths & (1 << b) != 0);
        if copy {
            continue;
        }
        if let Some(first) = bits.clone().find_map(|b| first_at[b]) {
            out.push(if i < headline {
                Diagnostic::new(h.tag, "this level-one heading comes before the headline")
                    .help("keep <h1> for the headline alone: mark a site name or a menu's label up as text, or as a lower heading")
                    .label(first.tag, "the headline")
            } else {
                Diagnostic::new(h.tag, "this is a second level-one heading")
                    .help("keep one <h1> for the headline and use <h2> for sections")
                    .label(first.tag, "first level-one heading")
            });
        }
        for b in bits {
            first_at[b].get_or_insert(h);
        }
    }
    out
}
