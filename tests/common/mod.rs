//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use presslint::engine::Selection;
use presslint::source::LineIndex;

/// `<!-- expect: rule-a, rule-b -->` annotations: (line, rule) → count.
/// An annotation sits on the line where the diagnostic starts.
pub fn expectations(source: &str) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for (i, line) in source.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("<!-- expect:") {
            let after = &rest[at + "<!-- expect:".len()..];
            let Some(end) = after.find("-->") else { break };
            for rule in after[..end].split(',') {
                let rule = rule.trim();
                if !rule.is_empty() {
                    *out.entry((i + 1, rule.to_string())).or_insert(0) += 1;
                }
            }
            rest = &after[end..];
        }
    }
    out
}

/// What presslint reports on a source, in the same shape as `expectations`.
pub fn findings(source: &str) -> BTreeMap<(usize, String), usize> {
    let rules = Selection::default().active();
    let report = presslint::lint_source("test.html".into(), source.to_string(), &rules);
    let index = LineIndex::new(source);
    let mut out = BTreeMap::new();
    for d in &report.diagnostics {
        let (line, _) = index.line_col(source, d.span.start);
        *out.entry((line, d.rule.to_string())).or_insert(0) += 1;
    }
    out
}
