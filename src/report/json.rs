//! The JSON report. Its shape is a contract (see `schema/report.schema.json`):
//! fields may be added, none renamed.

use serde::Serialize;

use super::Summary;
use crate::diagnostic::{Diagnostic, Span};
use crate::source::LineIndex;
use crate::{FileReport, Report};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: Tool,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    span: JsonSpan,
    message: &'a str,
}

#[derive(Serialize)]
pub(crate) struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: &'a str,
    span: JsonSpan,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

pub fn locate(index: &LineIndex, text: &str, span: Span) -> JsonSpan {
    let (line, column) = index.line_col(text, span.start);
    let (end_line, end_column) = index.line_col(text, span.end);
    JsonSpan {
        start: span.start,
        end: span.end,
        line,
        column,
        end_line,
        end_column,
    }
}

pub(crate) fn diagnostic<'a>(
    index: &LineIndex,
    file: &FileReport,
    d: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: &d.help,
        span: locate(index, &file.source, d.span),
        labels: d
            .labels
            .iter()
            .map(|l| JsonLabel {
                span: locate(index, &file.source, l.span),
                message: &l.message,
            })
            .collect(),
    }
}

fn file(file: &FileReport) -> JsonFile<'_> {
    let index = LineIndex::new(&file.source);
    JsonFile {
        path: &file.path,
        diagnostics: file
            .diagnostics
            .iter()
            .map(|d| diagnostic(&index, file, d))
            .collect(),
    }
}

pub fn render(report: &Report) -> String {
    let json = JsonReport {
        version: 1,
        tool: Tool {
            name: "presslint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: report.files.iter().map(file).collect(),
        summary: Summary::of(report),
        errors: report
            .errors
            .iter()
            .map(|e| JsonError {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&json).expect("report serializes");
    out.push('\n');
    out
}
