//! Inline suppressions:
//!
//! - `<!-- presslint-disable-next-line rule-a, rule-b -- reason -->`
//! - `<!-- presslint-disable rule-a -->` … `<!-- presslint-enable rule-a -->`
//!   (without rule ids: every rule; an unclosed range runs to the end)
//! - `data-presslint-ignore="rule-a"` on an element: it and its descendants.
//!
//! A suppression that suppresses nothing is itself reported as
//! `unused-suppression`.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::html::Document;
use crate::rules;
use crate::source::LineIndex;

pub const UNUSED: &str = "unused-suppression";

enum Scope {
    /// Diagnostics starting on this 1-based line.
    Line(usize),
    /// Diagnostics starting in this byte range.
    Range(usize, usize),
}

struct Suppression {
    /// Where the suppression is written (comment or attribute value).
    at: Span,
    scope: Scope,
    /// Rule ids; empty means every rule.
    rules: Vec<String>,
    /// How many diagnostics each entry of `rules` (or the whole, when
    /// empty) suppressed.
    used: Vec<usize>,
}

impl Suppression {
    fn new(at: Span, scope: Scope, rules: Vec<String>) -> Self {
        let used = vec![0; rules.len().max(1)];
        Suppression {
            at,
            scope,
            rules,
            used,
        }
    }

    fn covers(&self, index: &LineIndex, source: &str, d: &Diagnostic) -> bool {
        match self.scope {
            Scope::Line(line) => index.line_col(source, d.span.start).0 == line,
            Scope::Range(start, end) => (start..=end).contains(&d.span.start),
        }
    }

    /// Suppress `d` if this covers it, counting the use.
    fn take(&mut self, index: &LineIndex, source: &str, d: &Diagnostic) -> bool {
        if d.rule == UNUSED || !self.covers(index, source, d) {
            return false;
        }
        if self.rules.is_empty() {
            self.used[0] += 1;
            return true;
        }
        match self.rules.iter().position(|r| r == d.rule) {
            Some(i) => {
                self.used[i] += 1;
                true
            }
            None => false,
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

fn collect(doc: &Document, index: &LineIndex) -> Vec<Suppression> {
    let source = doc.source();
    let mut out = Vec::new();
    // Open `disable` ranges: (index into out, rule or "" for all).
    let mut open: Vec<usize> = Vec::new();
    for (span, text) in &doc.comments {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("presslint-disable-next-line") {
            let line = index.line_col(source, span.end).0 + 1;
            out.push(Suppression::new(*span, Scope::Line(line), rule_list(rest)));
        } else if let Some(rest) = text.strip_prefix("presslint-disable") {
            open.push(out.len());
            out.push(Suppression::new(
                *span,
                Scope::Range(span.end, source.len()),
                rule_list(rest),
            ));
        } else if let Some(rest) = text.strip_prefix("presslint-enable") {
            let closing = rule_list(rest);
            open.retain(|&i| {
                let s = &mut out[i];
                let closes = closing.is_empty() || s.rules.iter().any(|r| closing.contains(r));
                if closes && let Scope::Range(start, _) = s.scope {
                    s.scope = Scope::Range(start, span.start);
                }
                !closes
            });
        }
    }
    for el in doc.elements() {
        if let Some(value) = el.value().attr("data-presslint-ignore") {
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

/// Drop suppressed diagnostics; add `unused-suppression` for suppressions
/// of active rules that matched nothing (when that rule is active itself,
/// at `unused_severity`).
pub fn apply(
    doc: &Document,
    diagnostics: Vec<Diagnostic>,
    active: &[&str],
    unused_severity: Option<Severity>,
) -> Vec<Diagnostic> {
    let index = LineIndex::new(doc.source());
    let mut suppressions = collect(doc, &index);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            // Every matching suppression counts as used.
            let mut suppressed = false;
            for s in suppressions.iter_mut() {
                suppressed |= s.take(&index, doc.source(), d);
            }
            !suppressed
        })
        .collect();
    let Some(severity) = unused_severity else {
        return kept;
    };
    for s in &suppressions {
        let unused = |message: String| {
            let mut d =
                Diagnostic::new(s.at, message).help("remove the suppression, or fix the rule id");
            d.rule = UNUSED;
            d.severity = severity;
            d
        };
        if s.rules.is_empty() {
            if s.used[0] == 0 {
                kept.push(unused("this suppression suppresses nothing".into()));
            }
            continue;
        }
        for (rule, used) in s.rules.iter().zip(&s.used) {
            if rules::find(rule).is_none() {
                kept.push(unused(format!("`{rule}` is not a presslint rule")));
            } else if *used == 0 && active.contains(&rule.as_str()) {
                kept.push(unused(format!(
                    "this suppression of `{rule}` suppresses nothing"
                )));
            }
        }
    }
    kept
}
