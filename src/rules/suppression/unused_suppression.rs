//! A `presslint-disable…` comment or `data-presslint-ignore` attribute that
//! suppresses nothing: the problem was fixed, or the rule id is misspelt.
//! Stale suppressions hide the next real problem on that line.
//!
//! The engine reports this one after the other rules ran, since it needs
//! their findings (see `src/suppress.rs`); this entry carries its metadata.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: crate::suppress::UNUSED,
    group: "suppression",
    severity: Severity::Info,
    summary: "An inline suppression suppresses nothing",
    doc: include_str!("../../../rules/unused-suppression.md"),
    options: &[],
    check,
};

fn check(_: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
