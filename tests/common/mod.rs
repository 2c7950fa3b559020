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

/// What presslint reports on a file on disk, resolved the way `presslint
/// check FILE` resolves it (its config, its images relative to it).
pub fn file_findings(path: &std::path::Path) -> BTreeMap<(usize, String), usize> {
    let settings = presslint::Settings::new(
        Selection::default(),
        presslint::config::Resolver::new(None).unwrap(),
        "<stdin>".into(),
    );
    let report = presslint::lint_paths(&[path.to_path_buf()], &settings).unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let source = &report.files[0].source;
    let index = LineIndex::new(source);
    let mut out = BTreeMap::new();
    for d in &report.files[0].diagnostics {
        let (line, _) = index.line_col(source, d.span.start);
        *out.entry((line, d.rule.to_string())).or_insert(0) += 1;
    }
    out
}

/// What presslint reports on a rule page's example: linted as a file in
/// `rules/` (nothing around it), with root-relative image paths (`/media/…`)
/// resolving under `fixtures/images/`, where the examples' images are.
pub fn example_findings(source: &str) -> BTreeMap<(usize, String), usize> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let roots = presslint::assets::Roots::new(
        root.join("rules"),
        root.join("rules"),
        vec![root.join("fixtures/images")],
    );
    let rules = Selection::default().active();
    let report = presslint::lint_article(
        "rules/example.html".into(),
        source.to_string(),
        &rules,
        Some(&roots),
        &presslint::assets::Cache::default(),
    );
    let index = LineIndex::new(source);
    let mut out = BTreeMap::new();
    for d in &report.diagnostics {
        let (line, _) = index.line_col(source, d.span.start);
        *out.entry((line, d.rule.to_string())).or_insert(0) += 1;
    }
    out
}
