//! A summary for people: how many problems each rule found and which files
//! have them, without the code frames.
//!
//! ```text
//! rule             severity  count
//! img-alt-missing  error         3
//! heading-order    warning       1
//!
//! file             errors  warnings  infos
//! news/a.html           2         1      0
//! news/b.html           1         0      0
//! 7 clean files not listed.
//!
//! Found 4 problems (3 errors, 1 warning, 0 infos) in 9 files.
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Summary, plural};
use crate::Report;
use crate::diagnostic::Severity;
use crate::rules::RULES;

/// Rows of cells as a table, columns two spaces apart; `right[c]` aligns
/// column `c` to the right (numbers), otherwise to the left.
fn table(out: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let widths: Vec<usize> = (0..right.len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let width = widths[c];
            if c > 0 {
                line.push_str("  ");
            }
            if right[c] {
                let _ = write!(line, "{cell:>width$}");
            } else {
                let _ = write!(line, "{cell:<width$}");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();

    // Per rule (and severity, should configuration ever give one rule two),
    // most frequent first, ties in the order of the rule table.
    let mut by_rule: HashMap<(&str, Severity), usize> = HashMap::new();
    for d in report.files.iter().flat_map(|f| &f.diagnostics) {
        *by_rule.entry((d.rule, d.severity)).or_insert(0) += 1;
    }
    let mut rules: Vec<_> = by_rule.into_iter().collect();
    let position = |id: &str| RULES.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
    rules.sort_by(|((a, sa), na), ((b, sb), nb)| {
        nb.cmp(na)
            .then(position(a).cmp(&position(b)))
            .then(a.cmp(b))
            .then(sb.cmp(sa))
    });
    if !rules.is_empty() {
        let mut rows = vec![vec!["rule".into(), "severity".into(), "count".into()]];
        rows.extend(rules.iter().map(|((rule, severity), n)| {
            vec![
                rule.to_string(),
                severity.as_str().to_string(),
                n.to_string(),
            ]
        }));
        table(&mut out, &rows, &[false, false, true]);
        out.push('\n');
    }

    // Per file with problems, in the order the files were found.
    let mut rows = vec![vec![
        "file".to_string(),
        "errors".into(),
        "warnings".into(),
        "infos".into(),
    ]];
    let mut clean = 0;
    for file in &report.files {
        if file.diagnostics.is_empty() {
            clean += 1;
            continue;
        }
        let count = |s: Severity| {
            file.diagnostics
                .iter()
                .filter(|d| d.severity == s)
                .count()
                .to_string()
        };
        rows.push(vec![
            file.path.clone(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
        ]);
    }
    if rows.len() > 1 {
        table(&mut out, &rows, &[false, true, true, true]);
        if clean > 0 {
            let _ = writeln!(out, "{} not listed.", plural(clean, "clean file"));
        }
        out.push('\n');
    }

    if !report.errors.is_empty() {
        let _ = writeln!(
            out,
            "{} could not be read.",
            plural(report.errors.len(), "input")
        );
    }
    let _ = writeln!(out, "{}", Summary::of(report).sentence());
    out
}
