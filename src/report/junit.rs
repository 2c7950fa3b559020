//! JUnit XML, for CI systems that show test reports: one test suite, one
//! test case per linted file, one `<failure>` per diagnostic, and an
//! `<error>` test case for each input that could not be read.

use std::fmt::Write as _;

use super::{Reporter, Sink, Summary, escape};
use crate::FileReport;
use crate::source::InputError;

/// Escape text for a double-quoted XML attribute: the five markup
/// characters become entities; tab, line feed and carriage return become
/// character references (a parser would otherwise fold them into spaces);
/// characters XML 1.0 does not allow at all (other C0 controls, U+FFFE,
/// U+FFFF) become U+FFFD.
pub fn escape_attr(text: &str) -> String {
    escape(text, true)
}

/// Escape text for XML element content: as [`escape_attr`], except that
/// quotes, tabs and line feeds stay as they are.
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' if attribute => out.push_str("&#10;"),
            '"' | '\'' | '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The test cases, rendered as each file is done (the header needs the
/// totals, so they are printed at the end); no source is kept.
#[derive(Default)]
pub struct Junit {
    cases: String,
    files: usize,
    failures: usize,
}

impl Reporter for Junit {
    fn file(&mut self, file: &FileReport, _out: &mut Sink) {
        self.files += 1;
        let out = &mut self.cases;
        let path = escape_attr(&file.path);
        let open = format!("    <testcase name=\"{path}\" classname=\"presslint\" file=\"{path}\"");
        if file.diagnostics.is_empty() {
            let _ = writeln!(out, "{open}/>");
            return;
        }
        self.failures += 1;
        let _ = writeln!(out, "{open}>");
        // The body is text a CI log may show: every part is escaped for a
        // terminal, so only the line breaks put here start a line.
        let shown = escape::terminal(&file.path);
        for d in &file.diagnostics {
            let (line, column) = file.source.line_col(d.span.start);
            let mut body = format!(
                "{shown}:{line}:{column}: {}[{}] {}",
                d.severity.as_str(),
                d.rule,
                escape::terminal(&d.message)
            );
            if !d.help.is_empty() {
                let _ = write!(body, "\nhelp: {}", escape::terminal(&d.help));
            }
            for label in &d.labels {
                let (line, column) = file.source.line_col(label.span.start);
                let _ = write!(
                    body,
                    "\n{shown}:{line}:{column}: {}",
                    escape::terminal(&label.message)
                );
            }
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                escape_attr(d.rule),
                escape_attr(&format!("{}: {}", d.severity.as_str(), d.message)),
                escape_text(&body)
            );
        }
        let _ = writeln!(out, "    </testcase>");
    }

    fn finish(&mut self, _summary: &Summary, errors: &[InputError], out: &mut Sink) {
        let tests = self.files + errors.len();
        let failures = self.failures;
        let count = errors.len();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"presslint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{count}\">"
        );
        let _ = writeln!(
            out,
            "  <testsuite name=\"presslint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{count}\">"
        );
        out.push_str(&std::mem::take(&mut self.cases));
        for err in errors {
            let path = escape_attr(&err.path);
            let _ = writeln!(
                out,
                "    <testcase name=\"{path}\" classname=\"presslint\" file=\"{path}\">\n      <error type=\"unreadable\" message=\"{}\"/>\n    </testcase>",
                escape_attr(&err.message)
            );
        }
        out.push_str("  </testsuite>\n</testsuites>\n");
    }
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Junit::default(), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        let alt = r#"<img alt="Tom & Jerry's">"#;
        let escaped = "&lt;img alt=&quot;Tom &amp; Jerry&apos;s&quot;&gt;";
        assert_eq!(escape_attr(alt), escaped);
        assert_eq!(escape_text(alt), r#"&lt;img alt="Tom &amp; Jerry's"&gt;"#);
    }

    #[test]
    fn attributes_keep_whitespace_as_references() {
        assert_eq!(escape_attr("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
        assert_eq!(escape_text("a\tb\nc\rd"), "a\tb\nc&#13;d");
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(
            escape_text("\u{0}x\u{1b}\u{ffff}é"),
            "\u{fffd}x\u{fffd}\u{fffd}é"
        );
    }
}
