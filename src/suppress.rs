//! Inline suppressions:
//!
//! - `<!-- presslint-disable-next-line rule-a, rule-b -- reason -->`
//! - `<!-- presslint-disable rule-a -->` … `<!-- presslint-enable rule-a -->`
//!   (without rule ids: every rule; an unclosed range runs to the end)
//! - `data-presslint-ignore="rule-a"` on an element: it and its descendants.
//!
//! How each suppression was used is handed to the rules that run after
//! suppressions (`unused-suppression` reports those that suppress nothing).

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Span};
use crate::html::{Attribute, Document};
use crate::source::LineIndex;

#[derive(Clone, Copy)]
enum Scope {
    /// Diagnostics starting on this 1-based line.
    Line(usize),
    /// Diagnostics starting in this byte range.
    Range(usize, usize),
}

/// One inline suppression and how it was used.
pub struct Suppression {
    /// Where the suppression is written (comment or attribute value).
    pub at: Span,
    scope: Scope,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// Whether each entry of `rules` (or the whole, when empty) suppressed
    /// something.
    pub used: Vec<bool>,
}

/// The suppressions of one article after they were applied.
#[derive(Default)]
pub struct Suppressions {
    pub list: Vec<Suppression>,
    /// The rules that ran on the article.
    pub active: Vec<&'static str>,
}

impl Suppression {
    fn new(at: Span, scope: Scope, rules: Vec<String>) -> Self {
        let used = vec![false; rules.len().max(1)];
        Suppression {
            at,
            scope,
            rules,
            used,
        }
    }
}

/// Rule ids from `rule-a, rule-b -- reason`.
fn rule_list(text: &str) -> Vec<String> {
    let list = text.split(" -- ").next().unwrap_or("");
    list.split([',', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect()
}

fn collect(doc: &Document, lines: &LineIndex) -> Vec<Suppression> {
    let source = doc.source();
    let mut out: Vec<Suppression> = Vec::new();
    // Open `disable` ranges (indices into `out`): by rule id, and all of
    // them (which a bare `enable` closes). An index may stay in these
    // lists after its range was closed through another of its rules;
    // `closed` says so. Each index leaves each list once.
    let mut open_by_rule: HashMap<String, Vec<usize>> = HashMap::new();
    let mut open_all: Vec<usize> = Vec::new();
    let mut closed: Vec<bool> = Vec::new();
    for (span, text) in &doc.comments {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("presslint-disable-next-line") {
            let line = lines.line(span.end) + 1;
            out.push(Suppression::new(*span, Scope::Line(line), rule_list(rest)));
            closed.push(true);
        } else if let Some(rest) = text.strip_prefix("presslint-disable") {
            let rules = rule_list(rest);
            for rule in &rules {
                open_by_rule
                    .entry(rule.clone())
                    .or_default()
                    .push(out.len());
            }
            open_all.push(out.len());
            out.push(Suppression::new(
                *span,
                Scope::Range(span.end, source.len()),
                rules,
            ));
            closed.push(false);
        } else if let Some(rest) = text.strip_prefix("presslint-enable") {
            let closing = rule_list(rest);
            let mut shut = |i: usize| {
                if !std::mem::replace(&mut closed[i], true)
                    && let Scope::Range(start, _) = out[i].scope
                {
                    out[i].scope = Scope::Range(start, span.start);
                }
            };
            if closing.is_empty() {
                open_all.drain(..).for_each(&mut shut);
                open_by_rule.clear();
            } else {
                for rule in &closing {
                    if let Some(open) = open_by_rule.remove(rule) {
                        open.into_iter().for_each(&mut shut);
                    }
                }
            }
        }
    }
    for el in doc.elements() {
        if let Some(value) = el.value().attribute("data-presslint-ignore") {
            let tag = doc.tag_span(el);
            let end = doc.content_span(el).map_or(tag.end, |c| c.end);
            out.push(Suppression::new(
                doc.attr_span(el, "data-presslint-ignore"),
                Scope::Range(tag.start, end),
                rule_list(value),
            ));
        }
    }
    out
}

/// Where suppressions apply, per rule (`None` for the suppressions of
/// every rule): the lines, and the byte ranges merged into disjoint ones,
/// so that whether a diagnostic is suppressed is a lookup and a binary
/// search, whatever the number of suppressions.
#[derive(Default)]
struct Coverage {
    lines: HashSet<usize>,
    /// Sorted, disjoint, inclusive.
    ranges: Vec<(usize, usize)>,
}

impl Coverage {
    fn merge(&mut self) {
        self.ranges.retain(|&(start, end)| start <= end);
        self.ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(self.ranges.len());
        for &(start, end) in &self.ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1.saturating_add(1) => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        self.ranges = merged;
    }

    fn covers(&self, line: usize, offset: usize) -> bool {
        if self.lines.contains(&line) {
            return true;
        }
        let i = self.ranges.partition_point(|&(start, _)| start <= offset);
        i > 0 && self.ranges[i - 1].1 >= offset
    }
}

/// Where the diagnostics of one rule (or of every rule) start: sorted
/// offsets and the set of lines.
#[derive(Default)]
struct Starts {
    offsets: Vec<usize>,
    lines: HashSet<usize>,
}

impl Starts {
    fn any_in(&self, scope: Scope) -> bool {
        match scope {
            Scope::Line(line) => self.lines.contains(&line),
            Scope::Range(start, end) => {
                let i = self.offsets.partition_point(|&o| o < start);
                self.offsets.get(i).is_some_and(|&o| o <= end)
            }
        }
    }
}

/// Drop suppressed diagnostics, and say how each suppression was used.
///
/// A diagnostic is suppressed when a suppression of its rule (or of every
/// rule) covers where it starts, and every such suppression counts as
/// used. Both questions are answered through indexes, so the work grows
/// with (suppressions + diagnostics) times a logarithm, not their product.
pub fn apply(
    doc: &Document,
    lines: &LineIndex,
    diagnostics: Vec<Diagnostic>,
    active: Vec<&'static str>,
) -> (Vec<Diagnostic>, Suppressions) {
    let mut suppressions = collect(doc, lines);
    if suppressions.is_empty() {
        return (diagnostics, Suppressions::default());
    }

    // Where each rule is suppressed.
    let mut coverage: HashMap<Option<&str>, Coverage> = HashMap::new();
    for s in &suppressions {
        let keys: Vec<Option<&str>> = if s.rules.is_empty() {
            vec![None]
        } else {
            s.rules.iter().map(|r| Some(r.as_str())).collect()
        };
        for key in keys {
            let c = coverage.entry(key).or_default();
            match s.scope {
                Scope::Line(line) => {
                    c.lines.insert(line);
                }
                Scope::Range(start, end) => c.ranges.push((start, end)),
            }
        }
    }
    coverage.values_mut().for_each(Coverage::merge);

    // Where each rule's diagnostics start.
    let mut starts: HashMap<Option<&str>, Starts> = HashMap::new();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let (offset, line) = (d.span.start, lines.line(d.span.start));
        for key in [None, Some(d.rule)] {
            let s = starts.entry(key).or_default();
            s.offsets.push(offset);
            s.lines.insert(line);
        }
        let suppressed = [None, Some(d.rule)]
            .iter()
            .any(|key| coverage.get(key).is_some_and(|c| c.covers(line, offset)));
        if !suppressed {
            kept.push(d);
        }
    }
    starts.values_mut().for_each(|s| s.offsets.sort_unstable());

    for s in &mut suppressions {
        if s.rules.is_empty() {
            s.used[0] = starts.get(&None).is_some_and(|d| d.any_in(s.scope));
            continue;
        }
        // A rule named twice counts as used at its first mention only.
        let mut seen = HashSet::new();
        for (i, rule) in s.rules.iter().enumerate() {
            let first = seen.insert(rule.as_str());
            s.used[i] = first
                && starts
                    .get(&Some(rule.as_str()))
                    .is_some_and(|d| d.any_in(s.scope));
        }
    }

    (
        kept,
        Suppressions {
            list: suppressions,
            active,
        },
    )
}
