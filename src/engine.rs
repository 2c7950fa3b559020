//! Runs the rules over one source: selection, severities, sorting.

use serde_json::Map;

use crate::article::Article;
use crate::assets::Assets;
use crate::config::ActiveRule;
use crate::diagnostic::Diagnostic;
use crate::html::Document;
use crate::rules::{self, Context, Rule, Stage};
use crate::source::LineIndex;
use crate::suppress::{self, Suppressions};

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
                return Err(format!(
                    "unknown rule or group `{name}`{}; `presslint rules` lists them",
                    crate::suggest::did_you_mean(rules::nearest(name))
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

/// Lint one article with the given rules, apply the inline suppressions
/// written in its document, then run the rules that report on the
/// suppressions; diagnostics come back sorted by position, then rule id.
pub fn lint(
    doc: &Document,
    lines: &LineIndex,
    article: &Article<'_>,
    active: &[ActiveRule],
    assets: &Assets,
) -> Vec<Diagnostic> {
    let run = |stage: Stage, suppressions: Option<&Suppressions>| -> Vec<Diagnostic> {
        active
            .iter()
            .filter(|a| a.rule.stage == stage)
            .flat_map(|active| {
                let ctx = Context {
                    article,
                    options: &active.options,
                    assets,
                    suppressions,
                };
                (active.rule.check)(&ctx).into_iter().map(|mut d| {
                    d.rule = active.rule.id;
                    d.severity = active.severity;
                    d
                })
            })
            .collect()
    };
    let found = run(Stage::Article, None);
    let ids = active.iter().map(|a| a.rule.id).collect();
    let (mut out, suppressions) = suppress::apply(doc, lines, found, ids);
    out.extend(run(Stage::Suppressions, Some(&suppressions)));
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
