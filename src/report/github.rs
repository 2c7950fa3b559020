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

pub struct Github;

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
            let _ = writeln!(
                out,
                "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                escape_property(d.rule),
                escape_data(&message)
            );
        }
    }

    fn finish(&mut self, _summary: &Summary, errors: &[InputError], out: &mut Sink) {
        for err in errors {
            let _ = writeln!(
                out,
                "::error title=presslint::{}",
                escape_data(&err.to_string())
            );
        }
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Github, report)
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
