//! The source file value: the decoded text a file was linted as, its
//! encoding, and the one place byte spans become report positions.

use std::collections::HashMap;
use std::ops::Deref;

use encoding_rs::{Encoding, UTF_8};
use serde::Serialize;

use super::decode::{Decoded, OffsetMap};
use super::position::LineIndex;
use crate::diagnostic::{Diagnostic, Span};

/// A linted file's text, carried in the report so that every reporter
/// computes positions the same way, from an index built once.
pub struct SourceFile {
    text: String,
    pub encoding: &'static Encoding,
    offsets: OffsetMap,
    index: LineIndex,
}

/// Where a span is, as every report format gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 0-based byte offsets into the file as stored (end exclusive).
    pub start: usize,
    pub end: usize,
    /// 1-based; columns count Unicode scalar values of the decoded text.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// 0-based offsets in Unicode scalar values of the decoded text.
    #[serde(skip)]
    pub char_start: usize,
    #[serde(skip)]
    pub char_end: usize,
}

impl SourceFile {
    pub fn new(decoded: Decoded) -> SourceFile {
        let index = LineIndex::new(&decoded.text);
        SourceFile::with_index(decoded, index)
    }

    /// The file value from a line index already built for its text.
    pub fn with_index(decoded: Decoded, index: LineIndex) -> SourceFile {
        SourceFile {
            text: decoded.text,
            encoding: decoded.encoding,
            offsets: decoded.offsets,
            index,
        }
    }

    /// Text that was never bytes in a file (a test, an editor buffer):
    /// offsets are its own.
    pub fn from_text(text: String) -> SourceFile {
        SourceFile::new(Decoded {
            text,
            encoding: UTF_8,
            offsets: OffsetMap::default(),
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Whether the decoded text is byte for byte the file (UTF-8, no
    /// byte-order mark, nothing replaced): only then can a fix be written
    /// back by splicing the text.
    pub fn is_verbatim(&self) -> bool {
        self.encoding == UTF_8 && self.offsets.is_identity()
    }

    /// 1-based line and column of a decoded offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.index.line_col(&self.text, offset)
    }

    /// The file byte offset of a decoded offset.
    pub fn file_offset(&self, offset: usize) -> usize {
        let offset = super::position::floor_char_boundary(&self.text, offset);
        self.offsets.to_file(offset)
    }

    /// A span's positions in every unit the reports use.
    pub fn locate(&self, span: Span) -> Location {
        let (line, column) = self.line_col(span.start);
        let (end_line, end_column) = self.line_col(span.end);
        let start = super::position::floor_char_boundary(&self.text, span.start);
        let end = super::position::floor_char_boundary(&self.text, span.end.max(span.start));
        Location {
            start: self.offsets.to_file(start),
            end: self.offsets.to_file(end),
            line,
            column,
            end_line,
            end_column,
            char_start: self.index.chars_before(&self.text, start),
            char_end: self.index.chars_before(&self.text, end),
        }
    }
}

impl SourceFile {
    /// See [`fingerprint`]: what baselines and SARIF key a finding by.
    pub fn fingerprint(&self, rule: &str, span: Span) -> u64 {
        fingerprint(rule, &self.text, span)
    }

    /// [`SourceFile::fingerprint`] of each finding, in order. Findings of
    /// one rule on one span share it: a comment suppressing thousands of
    /// rules it does not need draws a finding for each, all on the whole
    /// comment, which was read again for each.
    pub fn fingerprints(&self, diagnostics: &[Diagnostic]) -> Vec<u64> {
        let mut known: HashMap<(&str, Span), u64> = HashMap::new();
        diagnostics
            .iter()
            .map(|d| {
                *known
                    .entry((d.rule, d.span))
                    .or_insert_with(|| self.fingerprint(d.rule, d.span))
            })
            .collect()
    }
}

/// The fingerprint of a finding before its occurrence number: a hash of the
/// rule id and the flagged source text with runs of whitespace collapsed, so
/// it survives lines moving and re-indentation but not an edit to the
/// flagged markup itself.
pub fn fingerprint(rule: &str, source: &str, span: Span) -> u64 {
    let flagged = source.get(span.start..span.end).unwrap_or("");
    let mut key = String::with_capacity(rule.len() + 1 + flagged.len());
    key.push_str(rule);
    key.push('\0');
    for (i, word) in flagged.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(word);
    }
    crate::hash::fnv1a(key.as_bytes())
}

impl Deref for SourceFile {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_position_and_layout_but_not_rule_or_markup() {
        let a = "<p>\n<img src=\"a.jpg\">";
        let b = "<div><p>x</p>\n\n  <img   src=\"a.jpg\">";
        let span_a = Span::new(4, a.len());
        let span_b = Span::new(b.find("<img").unwrap(), b.len());
        assert_eq!(
            fingerprint("img-alt-missing", a, span_a),
            fingerprint("img-alt-missing", b, span_b)
        );
        assert_ne!(
            fingerprint("img-alt-missing", a, span_a),
            fingerprint("img-alt-filename", a, span_a)
        );
        let c = "<p>\n<img src=\"b.jpg\">";
        assert_ne!(
            fingerprint("img-alt-missing", a, span_a),
            fingerprint("img-alt-missing", c, span_a)
        );
    }

    #[test]
    fn latin1_file_offsets_are_file_bytes() {
        let bytes = b"<meta charset=latin1><p>caf\xe9 <img src=a.jpg></p>";
        let file = SourceFile::new(super::super::decode::decode_html(bytes));
        let at = file.text().find("<img").unwrap();
        let loc = file.locate(Span::new(at, at + 4));
        assert_eq!(&bytes[loc.start..loc.end], b"<img");
        assert_eq!(loc.line, 1);
        assert_eq!(loc.column, 30);
        assert_eq!(loc.char_start, 29);
    }
}
