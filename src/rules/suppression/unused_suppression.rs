//! A `presslint-disable…` comment or `data-presslint-ignore` attribute that
//! suppresses nothing: the problem was fixed, or the rule id is misspelt.
//! Stale suppressions hide the next real problem on that line.
//!
//! It runs after the suppressions were applied to the other rules'
//! findings (`Stage::Suppressions`), from how each one was used.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{self, Context, Rule, Stage};

pub static RULE: Rule = Rule {
    id: "unused-suppression",
    group: "suppression",
    severity: Severity::Info,
    summary: "An inline suppression suppresses nothing",
    doc: include_str!("../../../rules/unused-suppression.md"),
    check,
    stage: Stage::Suppressions,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(suppressions) = ctx.suppressions else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in &suppressions.list {
        let unused = |message: String| {
            Diagnostic::new(s.at, message).help("remove the suppression, or fix the rule id")
        };
        if s.rules.is_empty() {
            if !s.used[0] {
                out.push(unused("this suppression suppresses nothing".into()));
            }
            continue;
        }
        for (rule, used) in s.rules.iter().zip(&s.used) {
            if rules::find(rule).is_none() {
                out.push(unused(format!("`{rule}` is not a presslint rule")));
            } else if !*used && suppressions.active.contains(&rule.as_str()) {
                out.push(unused(format!(
                    "this suppression of `{rule}` suppresses nothing"
                )));
            }
        }
    }
    out
}
