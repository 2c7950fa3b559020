//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use presslint::config::ActiveRule;
use presslint::engine::Selection;

/// One item of an `<!-- expect: … -->` annotation: a diagnostic of `rule`
/// starts on `line`, at `column` if pinned (1-based, in Unicode scalar
/// values), with a message containing `message` if pinned.
///
/// An annotation holds items separated by commas; an item is a rule id,
/// then optionally `col=N` and a `"message fragment"` in double quotes (no
/// `"` inside), in either order:
///
/// ```text
/// <!-- expect: img-alt-missing, img-too-small col=12 "700 pixels" -->
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expectation {
    pub line: usize,
    pub rule: String,
    pub column: Option<usize>,
    pub message: Option<String>,
}

/// Every `<!-- expect: … -->` item of a source; an error names the line of
/// an item that does not parse.
pub fn annotations(source: &str) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("<!-- expect:") {
            let after = &rest[at + "<!-- expect:".len()..];
            let Some(end) = after.find("-->") else { break };
            for item in split_items(&after[..end]) {
                let item = item.trim();
                if !item.is_empty() {
                    out.push(
                        parse_item(i + 1, item)
                            .map_err(|e| format!("line {}: `{item}`: {e}", i + 1))?,
                    );
                }
            }
            rest = &after[end..];
        }
    }
    Ok(out)
}

/// The expectations of a sidecar file, for a source that cannot carry
/// annotations (a file kept byte for byte as it came): one finding per
/// line, `LINE ITEM` where ITEM is an annotation item (`rule-id`, then
/// optionally `col=N` and a `"message fragment"`); blank lines and lines
/// starting with `#` are ignored. An error names the line that does not
/// parse.
pub fn sidecar(text: &str) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (number, item) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let at: usize =
            number.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                format!("line {}: `{line}`: starts with a line number from 1", i + 1)
            })?;
        out.push(
            parse_item(at, item.trim()).map_err(|e| format!("line {}: `{line}`: {e}", i + 1))?,
        );
    }
    Ok(out)
}

/// Expectations counted as `expectations` counts annotations.
pub fn count(expected: &[Expectation]) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for e in expected {
        *out.entry((e.line, e.rule.clone())).or_insert(0) += 1;
    }
    out
}

/// An annotation's items: split at commas outside double quotes.
fn split_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut quoted = false;
    let mut from = 0;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                items.push(&text[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[from..]);
    items
}

fn parse_item(line: usize, item: &str) -> Result<Expectation, String> {
    let mut expectation = Expectation {
        line,
        rule: String::new(),
        column: None,
        message: None,
    };
    let mut rest = item;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').ok_or("unterminated message fragment")?;
            if expectation.message.is_some() {
                return Err("more than one message fragment".into());
            }
            expectation.message = Some(quoted[..end].to_string());
            rest = &quoted[end + 1..];
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if expectation.rule.is_empty() {
            let id = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if !word.chars().all(id) {
                return Err("an item starts with a rule id".into());
            }
            expectation.rule = word.to_string();
        } else if let Some(n) = word.strip_prefix("col=") {
            let n: usize = n
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or("`col=` takes a column from 1")?;
            if expectation.column.replace(n).is_some() {
                return Err("more than one `col=`".into());
            }
        } else {
            return Err(format!(
                "unknown `{word}`: after the rule id, only `col=N` and a \"message fragment\""
            ));
        }
    }
    if expectation.rule.is_empty() {
        return Err("an item starts with a rule id".into());
    }
    Ok(expectation)
}

/// `<!-- expect: rule-a, rule-b -->` annotations: (line, rule) → count.
/// An annotation sits on the line where the diagnostic starts. Panics on
/// an annotation that does not parse.
pub fn expectations(source: &str) -> BTreeMap<(usize, String), usize> {
    count(&annotations(source).unwrap_or_else(|e| panic!("{e}")))
}

/// A diagnostic as annotations describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub line: usize,
    pub column: usize,
    pub rule: String,
    pub message: String,
}

/// The diagnostics of a report, in the shape annotations describe.
pub fn report_findings(report: &presslint::FileReport) -> Vec<Finding> {
    let source = &report.source;
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (line, column) = source.line_col(d.span.start);
            Finding {
                line,
                column,
                rule: d.rule.to_string(),
                message: d.message.clone(),
            }
        })
        .collect()
}

/// Findings counted as `expectations` counts annotations.
pub fn counted(findings: &[Finding]) -> BTreeMap<(usize, String), usize> {
    let mut out = BTreeMap::new();
    for f in findings {
        *out.entry((f.line, f.rule.clone())).or_insert(0) += 1;
    }
    out
}

/// The expectations that pin a column or a message and have no finding of
/// their rule on their line that meets the pins (each finding meets one
/// expectation at most), described for a failure message.
pub fn unmet_pins(expected: &[Expectation], found: &[Finding]) -> Vec<String> {
    let mut used = vec![false; found.len()];
    let mut unmet = Vec::new();
    // The most pinned first, so a looser pin does not take the finding a
    // stricter one needs.
    let mut pinned: Vec<&Expectation> = expected
        .iter()
        .filter(|e| e.column.is_some() || e.message.is_some())
        .collect();
    pinned.sort_by_key(|e| !(e.column.is_some() && e.message.is_some()));
    for e in pinned {
        let meets = |f: &Finding| {
            f.line == e.line
                && f.rule == e.rule
                && e.column.is_none_or(|c| c == f.column)
                && e.message
                    .as_ref()
                    .is_none_or(|m| f.message.contains(m.as_str()))
        };
        match (0..found.len()).find(|&i| !used[i] && meets(&found[i])) {
            Some(i) => used[i] = true,
            None => {
                let there: Vec<String> = found
                    .iter()
                    .filter(|f| f.line == e.line && f.rule == e.rule)
                    .map(|f| format!("col={} {:?}", f.column, f.message))
                    .collect();
                unmet.push(format!(
                    "line {}: expected {}{}{}; found {}",
                    e.line,
                    e.rule,
                    e.column.map(|c| format!(" col={c}")).unwrap_or_default(),
                    e.message
                        .as_ref()
                        .map(|m| format!(" with a message containing {m:?}"))
                        .unwrap_or_default(),
                    if there.is_empty() {
                        "none on that line".to_string()
                    } else {
                        there.join(", ")
                    }
                ));
            }
        }
    }
    unmet
}

/// What presslint reports on a source, in the same shape as `expectations`.
pub fn findings(source: &str) -> BTreeMap<(usize, String), usize> {
    let rules = Selection::default().active();
    let report = presslint::lint_source("test.html".into(), source.to_string(), &rules);
    counted(&report_findings(&report))
}

/// What presslint reports on a file on disk, resolved the way `presslint
/// check FILE` resolves it (its config, its images relative to it).
pub fn file_diagnostics(path: &std::path::Path) -> Vec<Finding> {
    let settings = presslint::Settings::new(
        Selection::default(),
        presslint::config::Resolver::new(None).unwrap(),
        "<stdin>".into(),
    );
    let report = presslint::lint_paths(&[path.to_path_buf()], &settings).unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report_findings(&report.files[0])
}

/// `file_diagnostics` in the shape of `expectations`.
pub fn file_findings(path: &std::path::Path) -> BTreeMap<(usize, String), usize> {
    counted(&file_diagnostics(path))
}

/// Rules whose findings need a tree of files with no asset root, which the
/// fixtures and a page's examples (both linted with `fixtures/images` as
/// their root) cannot have; their page shows the report instead, and
/// `tests/images.rs` runs them on a generated tree.
#[allow(dead_code)]
pub const NEED_A_TREE: &[&str] = &["assets-unresolved"];

/// What `rules` report on a rule page's example: linted as a file in
/// `rules/` (nothing around it), with root-relative image paths (`/media/…`)
/// resolving under `fixtures/images/`, where the examples' images are.
pub fn example_diagnostics(source: &str, rules: &[ActiveRule]) -> Vec<Finding> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let roots = presslint::assets::Roots::new(
        root.join("rules"),
        root.join("rules"),
        vec![root.join("fixtures/images")],
    );
    let report = presslint::lint_article(
        "rules/example.html".into(),
        source.to_string(),
        rules,
        Some(&roots),
        &presslint::assets::Cache::default(),
    );
    report_findings(&report)
}

/// `example_diagnostics` of every rule at its defaults, in the shape of
/// `expectations`.
pub fn example_findings(source: &str) -> BTreeMap<(usize, String), usize> {
    counted(&example_diagnostics(source, &Selection::default().active()))
}

/// Run git in `dir` as a newsroom desk would commit, failing the test
/// with git's own message when it fails.
pub fn git(dir: &std::path::Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Desk",
            "-c",
            "user.email=desk@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
