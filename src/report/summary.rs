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

use super::{Reporter, Sink, Summary, escape, plural};
use crate::FileReport;
use crate::diagnostic::Severity;
use crate::rules::RULES;
use crate::source::InputError;

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

/// Counts per rule and per file, printed at the end; only the counts are
/// kept, not the files.
#[derive(Default)]
pub struct SummaryTable {
    by_rule: HashMap<(&'static str, Severity), usize>,
    /// Files with findings: path, errors, warnings, infos.
    files: Vec<(String, [usize; 3])>,
    clean: usize,
}

impl Reporter for SummaryTable {
    fn file(&mut self, file: &FileReport, _out: &mut Sink) {
        if file.diagnostics.is_empty() {
            self.clean += 1;
            return;
        }
        let mut counts = [0; 3];
        for d in &file.diagnostics {
            *self.by_rule.entry((d.rule, d.severity)).or_insert(0) += 1;
            counts[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
        self.files
            .push((escape::terminal(&file.path).into_owned(), counts));
    }

    fn finish(&mut self, summary: &Summary, errors: &[InputError], out: &mut Sink) {
        let mut text = String::new();
        let mut rules: Vec<_> = self.by_rule.iter().map(|(k, n)| (*k, *n)).collect();
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
            table(&mut text, &rows, &[false, false, true]);
            text.push('\n');
        }
        if !self.files.is_empty() {
            let mut rows = vec![vec![
                "file".to_string(),
                "errors".into(),
                "warnings".into(),
                "infos".into(),
            ]];
            rows.extend(self.files.iter().map(|(path, c)| {
                vec![
                    path.clone(),
                    c[0].to_string(),
                    c[1].to_string(),
                    c[2].to_string(),
                ]
            }));
            table(&mut text, &rows, &[false, true, true, true]);
            if self.clean > 0 {
                let _ = writeln!(text, "{} not listed.", plural(self.clean, "clean file"));
            }
            text.push('\n');
        }
        if !errors.is_empty() {
            let _ = writeln!(text, "{} could not be read.", plural(errors.len(), "input"));
        }
        let _ = writeln!(text, "{}", summary.sentence());
        out.push_str(&text);
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut SummaryTable::default(), report)
}
