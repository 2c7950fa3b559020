//! Runs the rules over one source: selection, severities, sorting.

use serde_json::Map;

use crate::diagnostic::Diagnostic;
use crate::html::Document;
use crate::rules::{self, Context, Rule};

/// Which rules run. Empty `select` means all of them.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// Check that every name is a rule id or a group; the error names the
    /// unknown one and the nearest valid name.
    pub fn validate(&self) -> Result<(), String> {
        for name in self.select.iter().chain(&self.ignore) {
            if rules::find(name).is_none() && !rules::groups().contains(&name.as_str()) {
                let nearest = nearest_rule_name(name);
                return Err(format!(
                    "unknown rule or group `{name}`{}; `presslint rules` lists them",
                    nearest
                        .map(|n| format!(" (did you mean `{n}`?)"))
                        .unwrap_or_default()
                ));
            }
        }
        Ok(())
    }

    fn matches(names: &[String], rule: &Rule) -> bool {
        names.iter().any(|n| n == rule.id || n == rule.group)
    }

    pub fn enabled(&self) -> Vec<&'static Rule> {
        rules::RULES
            .iter()
            .copied()
            .filter(|r| self.select.is_empty() || Self::matches(&self.select, r))
            .filter(|r| !Self::matches(&self.ignore, r))
            .collect()
    }
}

/// The valid rule id or group closest to `name`, if any is close.
pub fn nearest_rule_name(name: &str) -> Option<&'static str> {
    rules::RULES
        .iter()
        .map(|r| r.id)
        .chain(rules::groups())
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= candidate.len() / 3 + 1)
        .min()
        .map(|(_, candidate)| candidate)
}

/// Lint one parsed document with the given rules; diagnostics come back
/// sorted by position, then rule id.
pub fn lint(doc: &Document, rules: &[&'static Rule]) -> Vec<Diagnostic> {
    let options = Map::new();
    let ctx = Context {
        doc,
        options: &options,
    };
    let mut out: Vec<Diagnostic> = rules
        .iter()
        .flat_map(|rule| {
            (rule.check)(&ctx).into_iter().map(|mut d| {
                d.rule = rule.id;
                d.severity = rule.severity;
                d
            })
        })
        .collect();
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
