//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` line per diagnostic, which the runner turns into inline
//! annotations on the pull request, no SARIF upload permission needed.
//!
//! ```text
//! ::error file=story.html,line=4,col=5,endLine=4,endColumn=38,title=img-alt-missing::this image has no alt text%0Ahelp: …
//! ```

use std::fmt::Write as _;

use super::escape::push_escaped;
use super::{Reporter, Sink, Summary, message_with_help};
use crate::FileReport;
use crate::diagnostic::Severity;
use crate::source::InputError;

/// Escape a command's message: `%`, `\r` and `\n` the runner's way (a
/// command is one line), and any other character unsafe in a log as a
/// visible escape (see `escape`).
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => push_escaped(&mut out, c),
        }
    }
    out
}

/// Escape a property value: as [`escape_data`], and `:` and `,`, which
/// separate properties from each other and from the message.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The annotations of each kind (error, warning, notice) GitHub shows per
/// step. GitHub documents "10 warning annotations, 10 error annotations,
/// and 10 notice annotations per step" and "50 annotations per job"
/// (actions/toolkit, docs/problem-matchers.md, "Limitations"); the rest
/// are dropped without a word. One run of presslint annotates at most 30,
/// so it stays within a job's 50.
pub const ANNOTATIONS_PER_STEP: usize = 10;

/// Workflow commands, within GitHub's limits. Up to the limit of each
/// kind, annotations are kept (at most 30 lines) and written at the end,
/// in the order found; a finding past its kind's limit is written at once
/// as a plain log line (`presslint: path:line:col: severity [rule] …`),
/// which the runner does not read as a command. When any finding went
/// past the limit, the annotations come most severe first, and a last
/// notice says how many findings there are, how many are annotated, and
/// where the full report is (`--output`'s file, or the step's log).
#[derive(Default)]
pub struct Github {
    /// `--output`'s path, named in the notice.
    report_path: Option<String>,
    /// Annotations kept for the end, in the order found, each with its
    /// plain line.
    kept: Vec<(Severity, String, String)>,
    /// Findings and input errors, annotated or not.
    total: usize,
    /// Findings written as plain lines.
    overflow: usize,
}

impl Github {
    /// A reporter whose overflow notice names `report_path` as the full report.
    pub fn new(report_path: Option<String>) -> Github {
        Github {
            report_path,
            ..Github::default()
        }
    }

    fn room(&self, severity: Severity) -> bool {
        self.kept.iter().filter(|(s, ..)| *s == severity).count() < ANNOTATIONS_PER_STEP
    }

    /// Keep an annotation, or past its kind's limit write `plain` now.
    fn add(
        &mut self,
        severity: Severity,
        annotation: String,
        plain: impl FnOnce() -> String,
        out: &mut Sink,
    ) {
        self.total += 1;
        if self.room(severity) {
            self.kept.push((severity, annotation, plain()));
        } else {
            self.overflow += 1;
            let _ = writeln!(out, "presslint: {}", plain());
        }
    }
}

impl Reporter for Github {
    fn file(&mut self, file: &FileReport, out: &mut Sink) {
        let path = escape_property(&file.path);
        for d in &file.diagnostics {
            let at = file.source.locate(d.span);
            let mut message = message_with_help(d);
            for label in &d.labels {
                let (line, column) = file.source.line_col(label.span.start);
                let _ = write!(message, "\n{line}:{column}: {}", label.message);
            }
            let annotation = format!(
                "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                escape_property(d.rule),
                escape_data(&message)
            );
            let plain = || {
                let mut line = String::new();
                for c in format!(
                    "{}:{}:{}: {} [{}] {}",
                    file.path,
                    at.line,
                    at.column,
                    d.severity.as_str(),
                    d.rule,
                    d.message
                )
                .chars()
                {
                    push_escaped(&mut line, c);
                }
                line
            };
            self.add(d.severity, annotation, plain, out);
        }
    }

    fn finish(&mut self, summary: &Summary, errors: &[InputError], out: &mut Sink) {
        for err in errors {
            let text = err.to_string();
            let annotation = format!("::error title=presslint::{}", escape_data(&text));
            let plain = || {
                let mut line = String::from("error: ");
                text.chars().for_each(|c| push_escaped(&mut line, c));
                line
            };
            self.add(Severity::Error, annotation, plain, out);
        }
        if self.overflow > 0 {
            // The notice below takes a notice's place.
            if !self.room(Severity::Info)
                && let Some(i) = self.kept.iter().rposition(|(s, ..)| *s == Severity::Info)
            {
                let (_, _, plain) = self.kept.remove(i);
                self.overflow += 1;
                let _ = writeln!(out, "presslint: {plain}");
            }
            self.kept.sort_by_key(|(s, ..)| std::cmp::Reverse(*s));
        }
        for (_, annotation, _) in &self.kept {
            let _ = writeln!(out, "{annotation}");
        }
        if self.overflow > 0 {
            let report = self
                .report_path
                .as_deref()
                .map_or("this step's log".into(), escape_data);
            let inputs = match errors.len() {
                0 => String::new(),
                n => format!(", {n} unreadable inputs"),
            };
            let _ = writeln!(
                out,
                "::notice title=presslint::{} problems ({} errors, {} warnings, {} infos{inputs}); GitHub shows at most {n} error, {n} warning and {n} notice annotations per step, so the {} most severe are annotated and the other {} are the lines starting `presslint: ` in the full report: {report}",
                self.total,
                summary.errors,
                summary.warnings,
                summary.infos,
                self.kept.len(),
                self.overflow,
                n = ANNOTATIONS_PER_STEP,
            );
        }
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Github::default(), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% done\r\nnext: a, b"),
            "100%25 done%0D%0Anext: a, b"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("C:\\news\\a,b%.html\n"),
            "C%3A\\news\\a%2Cb%25.html%0A"
        );
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_property("%3A:"), "%253A%3A");
    }
}
