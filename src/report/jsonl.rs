//! JSON Lines: one object per diagnostic, written as each file finishes, so
//! a huge archive needs no memory for the whole report. Each object is a
//! diagnostic of the JSON report (same fields) plus the file's `path`.

use serde::Serialize;

use super::json::{self, JsonDiagnostic};
use crate::source::LineIndex;
use crate::{FileReport, Report};

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
}

/// The lines for one file: one per diagnostic, each ending in `\n`; empty
/// for a clean file.
pub fn render_file(file: &FileReport) -> String {
    if file.diagnostics.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(&file.source);
    let mut out = String::new();
    for d in &file.diagnostics {
        let line = Line {
            path: &file.path,
            diagnostic: json::diagnostic(&index, file, d),
        };
        out.push_str(&serde_json::to_string(&line).expect("diagnostic serializes"));
        out.push('\n');
    }
    out
}

/// The whole report at once (the command line streams with [`render_file`]).
pub fn render(report: &Report) -> String {
    report.files.iter().map(render_file).collect()
}
