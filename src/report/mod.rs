//! Reporters: one module per output format.

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod output;
pub mod sarif;
pub mod summary;

use crate::Report;
use crate::diagnostic::{Diagnostic, Severity};

/// The project's home; rule pages live under `rules/` there.
pub const REPOSITORY_URL: &str = "https://github.com/presslint/presslint";

/// The web address of a rule's page, `rules/<id>.md`.
pub fn rule_url(id: &str) -> String {
    format!("{REPOSITORY_URL}/blob/main/rules/{id}.md")
}

/// A diagnostic's message with its help line, for formats that have one
/// text field: `message`, then `help: …` on a second line when there is help.
pub fn message_with_help(d: &Diagnostic) -> String {
    if d.help.is_empty() {
        d.message.clone()
    } else {
        format!("{}\nhelp: {}", d.message, d.help)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// With `--baseline`: known findings hidden, and entries now fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::baseline::Outcome>,
}

impl Summary {
    pub fn of(report: &Report) -> Summary {
        let mut summary = Summary {
            files: report.files.len(),
            baseline: report.baseline,
            ..Summary::default()
        };
        for d in report.files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// `Found 5 problems (3 errors, 2 warnings, 0 infos) in 9 files.`, or
    /// `No problems found in 9 files.`
    pub fn sentence(&self) -> String {
        let total = self.errors + self.warnings + self.infos;
        let files = plural(self.files, "file");
        let baseline = self.baseline.map_or(String::new(), |b| {
            format!(
                " Baseline: {} hidden, {} no longer found (fixed).",
                plural(b.matched, "known finding"),
                plural(b.fixed, "entry").replace("entrys", "entries")
            )
        });
        format!("{}{baseline}", self.counts_sentence(total, &files))
    }

    fn counts_sentence(&self, total: usize, files: &str) -> String {
        if total == 0 {
            format!("No problems found in {files}.")
        } else {
            format!(
                "Found {} ({}, {}, {}) in {files}.",
                plural(total, "problem"),
                plural(self.errors, "error"),
                plural(self.warnings, "warning"),
                plural(self.infos, "info")
            )
        }
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
