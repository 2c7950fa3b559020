//! JSON Lines: one object per diagnostic, written as each file finishes, so
//! a huge archive needs no memory for the whole report. Each object is a
//! diagnostic of the JSON report (same fields) plus the file's `path`.

use serde::Serialize;

use super::json::{self, JsonDiagnostic};
use super::{Reporter, Sink, Summary};
use crate::FileReport;
use crate::source::InputError;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
}

pub struct Jsonl;

impl Reporter for Jsonl {
    fn file(&mut self, file: &FileReport, out: &mut Sink) {
        for d in &file.diagnostics {
            let line = Line {
                path: &file.path,
                diagnostic: json::diagnostic(file, d),
            };
            out.push_str(&serde_json::to_string(&line).unwrap_or_default());
            out.push('\n');
        }
    }

    fn finish(&mut self, _summary: &Summary, _errors: &[InputError], _out: &mut Sink) {}
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Jsonl, report)
}
