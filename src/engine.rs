//! Runs the rules over one source: selection, severities, sorting.

use serde_json::Map;

use crate::article::Article;
use crate::assets::Assets;
use crate::config::ActiveRule;
use crate::diagnostic::Diagnostic;
use crate::html::Document;
use crate::rules::{self, Context, Rule};
use crate::suppress;

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

    pub fn allows(&self, rule: &Rule) -> bool {
        (self.select.is_empty() || Self::matches(&self.select, rule))
            && !Self::matches(&self.ignore, rule)
    }

    /// The selected rules at their default severities and options.
    pub fn active(&self) -> Vec<ActiveRule> {
        rules::RULES
            .iter()
            .filter(|r| self.allows(r))
            .map(|rule| ActiveRule {
                rule,
                severity: rule.severity,
                options: Map::new(),
            })
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

/// Lint one article with the given rules, then apply the inline
/// suppressions written in its document; diagnostics come back sorted by
/// position, then rule id.
pub fn lint(
    doc: &Document,
    article: &Article<'_>,
    active: &[ActiveRule],
    assets: &Assets,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = active
        .iter()
        .flat_map(|active| {
            let ctx = Context {
                article,
                options: &active.options,
                assets,
            };
            (active.rule.check)(&ctx).into_iter().map(|mut d| {
                d.rule = active.rule.id;
                d.severity = active.severity;
                d
            })
        })
        .collect();
    let ids: Vec<&str> = active.iter().map(|a| a.rule.id).collect();
    let unused = active
        .iter()
        .find(|a| a.rule.id == suppress::UNUSED)
        .map(|a| a.severity);
    out = suppress::apply(doc, out, &ids, unused);
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
