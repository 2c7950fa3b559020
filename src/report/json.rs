//! The JSON report. Its shape is a contract (see `schema/report.schema.json`):
//! fields may be added, none renamed. Written file by file: the header, each
//! file as it is done, then the summary and the errors.

use serde::Serialize;

use super::{Reporter, Sink, Summary};
use crate::FileReport;
use crate::diagnostic::Diagnostic;
use crate::source::{InputError, Location};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: Tool,
    files: [(); 0],
    summary: Summary,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    span: Location,
    message: &'a str,
}

#[derive(Serialize)]
pub(crate) struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: &'a str,
    span: Location,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

pub(crate) fn diagnostic<'a>(file: &FileReport, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: &d.help,
        span: file.source.locate(d.span),
        labels: d
            .labels
            .iter()
            .map(|l| JsonLabel {
                span: file.source.locate(l.span),
                message: &l.message,
            })
            .collect(),
    }
}

/// The pretty-printed report with an empty `files` list, split around it:
/// the text before the list's `[`, and after its `]`.
fn frame(summary: Summary, errors: &[InputError]) -> (String, String) {
    let report = JsonReport {
        version: 1,
        tool: Tool {
            name: "presslint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: [],
        summary,
        errors: errors
            .iter()
            .map(|e| JsonError {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
    };
    let text = serde_json::to_string_pretty(&report).unwrap_or_default();
    let marker = "\"files\": [";
    match text.find(marker) {
        Some(at) => {
            let (head, tail) = text.split_at(at + marker.len());
            (head.to_string(), tail.trim_start_matches(']').to_string())
        }
        None => (text, String::new()),
    }
}

#[derive(Default)]
pub struct Json {
    files: usize,
}

impl Reporter for Json {
    fn start(&mut self, out: &mut Sink) {
        out.push_str(&frame(Summary::default(), &[]).0);
    }

    fn file(&mut self, file: &FileReport, out: &mut Sink) {
        out.push_str(if self.files == 0 { "\n    " } else { ",\n    " });
        self.files += 1;
        out.push_str("{\n      \"path\": ");
        out.push_str(&serde_json::to_string(&file.path).unwrap_or_default());
        if file.source.encoding != encoding_rs::UTF_8 {
            out.push_str(",\n      \"encoding\": ");
            out.push_str(&serde_json::to_string(file.source.encoding.name()).unwrap_or_default());
        }
        out.push_str(",\n      \"diagnostics\": [");
        for (i, d) in file.diagnostics.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            let text = serde_json::to_string_pretty(&diagnostic(file, d)).unwrap_or_default();
            indent(out, &text, "        ");
        }
        if file.diagnostics.is_empty() {
            out.push(']');
        } else {
            out.push_str("\n      ]");
        }
        out.push_str("\n    }");
    }

    fn finish(&mut self, summary: &Summary, errors: &[InputError], out: &mut Sink) {
        if self.files > 0 {
            out.push_str("\n  ");
        }
        out.push(']');
        out.push_str(&frame(*summary, errors).1);
        out.push('\n');
    }
}

/// Write pretty JSON indented by `by` (JSON strings hold no raw newline,
/// so lines are safe to indent).
fn indent(out: &mut Sink, text: &str, by: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(by);
        out.push_str(line);
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Json::default(), report)
}
