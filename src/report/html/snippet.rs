//! A few lines of source around a finding, with its span marked: the
//! line before, the finding's line and the line after, each a window of
//! the line (a minified page is one line of a megabyte), as the human
//! report frames them.

use std::fmt::Write as _;

use super::esc;
use crate::diagnostic::Span;
use crate::report::human::{line_bounds, window};
use crate::source::SourceFile;

/// Columns of source shown per line.
const ROOM: usize = 110;

pub(super) fn render(out: &mut String, source: &SourceFile, span: Span) {
    let (line, _) = source.line_col(span.start);
    let lines = source.index().line_count();
    let (start, _) = line_bounds(source, line);
    let (from, to) = window(source, line, span.start, ROOM);
    out.push_str("<pre class=\"snippet\"><code>");
    for l in line.saturating_sub(1).max(1)..=(line + 1).min(lines) {
        let (row_from, row_to) = if l == line {
            (from, to)
        } else {
            // The same columns as the finding's window, roughly.
            let (ls, le) = line_bounds(source, l);
            let at = crate::source::floor_char_boundary(source, (ls + (from - start)).min(le));
            window(source, l, at, ROOM)
        };
        let (ls, le) = line_bounds(source, l);
        if l != line && source[ls..le].trim().is_empty() {
            continue;
        }
        let _ = write!(out, "{l:>4} ");
        if row_from > ls {
            out.push('…');
        }
        if l == line {
            let s = span.start.clamp(row_from, row_to);
            let e = span.end.clamp(s, row_to);
            out.push_str(&text(&source[row_from..s]));
            out.push_str("<mark>");
            out.push_str(&text(&source[s..e]));
            out.push_str("</mark>");
            out.push_str(&text(&source[e..row_to]));
        } else {
            out.push_str(&text(&source[row_from..row_to]));
        }
        if row_to < le {
            out.push('…');
        }
        out.push('\n');
    }
    out.push_str("</code></pre>");
}

/// Source text as shown: tabs as spaces, then escaped.
fn text(source: &str) -> String {
    esc(&source.replace('\t', "    "))
}
