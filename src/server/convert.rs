//! Between presslint's values and the protocol's: byte spans and ranges
//! in the position encoding the editor negotiated, findings and LSP
//! diagnostics, `file:` URIs and paths.

use std::path::PathBuf;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, PositionEncodingKind, Range, Uri,
};

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::report::{message_with_help, rule_url};
use crate::source::{ColumnUnit, SourceFile};

/// The encoding the server speaks: UTF-8 when the editor offers it (no
/// counting at all), else UTF-16, the protocol's default.
pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> (PositionEncodingKind, ColumnUnit) {
    if offered.is_some_and(|list| list.contains(&PositionEncodingKind::UTF8)) {
        (PositionEncodingKind::UTF8, ColumnUnit::Utf8)
    } else {
        (PositionEncodingKind::UTF16, ColumnUnit::Utf16)
    }
}

/// A byte span of `source` as a protocol range.
pub fn range(source: &SourceFile, span: Span, unit: ColumnUnit) -> Range {
    let at = |offset| {
        let (line, character) = source.index().position(source.text(), offset, unit);
        Position::new(to_u32(line), to_u32(character))
    };
    Range::new(at(span.start), at(span.end.max(span.start)))
}

/// A protocol position as a byte offset into `text`.
pub fn offset(source: &SourceFile, position: Position, unit: ColumnUnit) -> usize {
    source.index().offset(
        source.text(),
        position.line as usize,
        position.character as usize,
        unit,
    )
}

/// A protocol range as a byte span.
pub fn span(source: &SourceFile, range: Range, unit: ColumnUnit) -> Span {
    let start = offset(source, range.start, unit);
    Span::new(start, offset(source, range.end, unit).max(start))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A finding as the editor shows it: the span, the message and help, the
/// rule id linking to its page, and the labels as related locations.
pub fn diagnostic(
    uri: &Uri,
    source: &SourceFile,
    d: &Diagnostic,
    unit: ColumnUnit,
) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(source, label.span, unit)),
            message: label.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(source, d.span, unit),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: rule_url(d.rule)
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("presslint".into()),
        message: message_with_help(d),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The path of a `file:` URI (percent-decoded); `None` for any other
/// scheme (an unsaved buffer) or a URI that names no local file.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    if bytes.contains(&0) {
        return None;
    }
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

/// The name a document is linted under: its path, or for an unsaved
/// buffer the last segment of its URI (which still says HTML or Markdown).
pub fn document_name(uri: &Uri) -> String {
    match file_path(uri) {
        Some(path) => path.display().to_string(),
        None => {
            let text = uri.as_str();
            let text = text.split(['?', '#']).next().unwrap_or(text);
            let last = text.rsplit(['/', ':']).next().unwrap_or(text);
            percent_encoding::percent_decode_str(last)
                .decode_utf8_lossy()
                .into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().unwrap()
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            file_path(&uri("file:///home/desk/news/caf%C3%A9%20story.html")),
            Some(PathBuf::from("/home/desk/news/café story.html"))
        );
        assert_eq!(
            file_path(&uri("file://localhost/srv/a.md")),
            Some(PathBuf::from("/srv/a.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(file_path(&uri("file:///a%00b.html")), None);
        assert_eq!(document_name(&uri("untitled:draft.md")), "draft.md");
    }

    #[test]
    fn encodings_prefer_utf8_when_offered() {
        assert_eq!(negotiate(None).1, ColumnUnit::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(negotiate(Some(&offered)).1, ColumnUnit::Utf8);
        let offered = [PositionEncodingKind::UTF32];
        assert_eq!(negotiate(Some(&offered)).1, ColumnUnit::Utf16);
    }

    #[test]
    fn spans_and_ranges_round_trip_in_utf16() {
        let source = SourceFile::from_text("<p>😀 é</p>\n<img src=a.jpg>".into());
        let at = source.text().find("<img").unwrap();
        let span = Span::new(at, at + 4);
        let r = range(&source, span, ColumnUnit::Utf16);
        assert_eq!((r.start.line, r.start.character), (1, 0));
        let p = source.text().find("é").unwrap();
        let r = range(&source, Span::new(p, p + 2), ColumnUnit::Utf16);
        assert_eq!((r.start.character, r.end.character), (6, 7));
        assert_eq!(
            super::span(&source, r, ColumnUnit::Utf16),
            Span::new(p, p + 2)
        );
    }
}
