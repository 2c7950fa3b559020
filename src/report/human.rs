//! The human report: for each finding a header, the file position and a
//! code frame with the flagged markup underlined (`^` for the finding,
//! `-` for its labels), then the help; a summary line at the end.
//!
//! Frames show a window around each span, never a whole long line: a
//! minified page is one line of a megabyte. Everything printed from the
//! article or its path is escaped (see `escape`), and the work per frame is
//! bounded by the window, not by the line.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::escape::{self, push_escaped};
use super::{Reporter, Sink, Summary};
use crate::FileReport;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::source::SourceFile;

pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// Streams frames file by file; the summary line at the end.
pub struct Human {
    style: Style,
}

impl Human {
    pub fn new(style: Style) -> Human {
        Human { style }
    }
}

impl Reporter for Human {
    fn file(&mut self, file: &FileReport, out: &mut Sink) {
        for d in &file.diagnostics {
            frame(out, file, d, &self.style);
            out.push('\n');
        }
    }

    fn finish(&mut self, summary: &Summary, errors: &[crate::source::InputError], out: &mut Sink) {
        // Said before the count, as the summary format says it: "No
        // problems found in 0 files." alone reads as a clean run.
        if !errors.is_empty() {
            out.push_str(&super::plural(errors.len(), "input"));
            out.push_str(" could not be read.\n");
        }
        out.push_str(&summary.sentence());
        out.push('\n');
    }
}

/// ANSI colours, or nothing.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// One thing to underline: a span, its mark and its message.
struct Mark<'a> {
    span: Span,
    primary: bool,
    message: &'a str,
}

/// One row of the frame: a window `[from, to)` of a line, and the marks
/// that start in it.
struct Row<'a> {
    line: usize,
    from: usize,
    to: usize,
    marks: Vec<&'a Mark<'a>>,
}

fn frame(out: &mut Sink, file: &FileReport, d: &Diagnostic, style: &Style) {
    let paint = Paint { on: style.color };
    let source = &*file.source;
    let color = severity_color(d.severity);
    let (line, column) = source.line_col(d.span.start);
    let _ = writeln!(
        out,
        "{}: {}",
        paint.wrap(color, &format!("{}[{}]", d.severity.as_str(), d.rule)),
        paint.wrap("1", &escape::terminal(&d.message))
    );

    let mut marks = vec![Mark {
        span: d.span,
        primary: true,
        message: "",
    }];
    marks.extend(d.labels.iter().map(|l| Mark {
        span: l.span,
        primary: false,
        message: &l.message,
    }));
    // Room for the source on a row: the width less the gutter and the
    // ellipses, and never so little that nothing is seen.
    let room = style.width.saturating_sub(12).max(40);
    let rows = rows(source, &marks, line, room);
    let gutter = rows
        .iter()
        .map(|r| r.line)
        .max()
        .unwrap_or(line)
        .to_string()
        .len();
    let bar = paint.wrap("1;34", "|");
    let _ = writeln!(
        out,
        "{:gutter$}{} {}:{line}:{column}",
        "",
        paint.wrap("1;34", "-->"),
        escape::terminal(&file.path)
    );
    let _ = writeln!(out, "{:gutter$} {bar}", "");
    let mut previous: Option<usize> = None;
    for row in &rows {
        if previous.is_some_and(|p| row.line > p + 1) {
            let _ = writeln!(out, "{}", paint.wrap("1;34", "..."));
        }
        previous = Some(row.line);
        let (start, end) = line_bounds(source, row.line);
        let mut shown = String::new();
        if row.from > start {
            shown.push('…');
        }
        let lead = width_of(&shown);
        shown.push_str(&render(&source[row.from..row.to]));
        if row.to < end {
            shown.push('…');
        }
        let number = paint.wrap("1;34", &format!("{:>gutter$}", row.line));
        let _ = writeln!(out, "{number} {bar} {}", shown.trim_end());
        for mark in &row.marks {
            let s = mark.span.start.clamp(row.from, row.to);
            let e = mark.span.end.clamp(s, row.to);
            let col = lead + width_of(&render(&source[row.from..s]));
            let len = width_of(&render(&source[s..e])).max(1);
            let glyph = if mark.primary { "^" } else { "-" };
            let underline = glyph.repeat(len);
            let underline = if mark.primary {
                paint.wrap(color, &underline)
            } else {
                paint.wrap("1;34", &underline)
            };
            let message = escape::terminal(mark.message);
            let _ = writeln!(
                out,
                "{:gutter$} {bar} {:col$}{underline}{}{message}",
                "",
                "",
                if message.is_empty() { "" } else { " " }
            );
        }
    }
    let _ = writeln!(out, "{:gutter$} {bar}", "");
    if !d.help.is_empty() {
        let _ = writeln!(
            out,
            "{:gutter$} {} {}",
            "",
            paint.wrap("1;34", "="),
            paint.wrap("1", &format!("help: {}", escape::terminal(&d.help)))
        );
    }
}

/// The rows a frame shows: the line before the finding, every line where a
/// mark starts (a mark far along a long line gets a window of its own),
/// and the line after.
fn rows<'a>(source: &SourceFile, marks: &'a [Mark<'a>], line: usize, room: usize) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = Vec::new();
    let mut sorted: Vec<&Mark> = marks.iter().collect();
    sorted.sort_by_key(|m| (m.span.start, !m.primary));
    for mark in sorted {
        let (mark_line, _) = source.line_col(mark.span.start);
        // Marks come in source order, so a mark that did not fit a row
        // starts past it, as every later mark does: only the last row may
        // take this mark, not any row made before it.
        if let Some(row) = rows.last_mut().filter(|r| {
            r.line == mark_line
                && r.from <= mark.span.start
                && mark.span.start < r.to.max(r.from + 1)
        }) {
            row.marks.push(mark);
            continue;
        }
        let (from, to) = window(source, mark_line, mark.span.start, room);
        rows.push(Row {
            line: mark_line,
            from,
            to,
            marks: vec![mark],
        });
    }
    // Context: the lines around the finding, windowed like its row.
    if let Some(primary) = rows.iter().find(|r| r.marks.iter().any(|m| m.primary)) {
        let at = primary.from;
        let mut context = Vec::new();
        for l in [line.checked_sub(1), Some(line + 1)].into_iter().flatten() {
            if l == 0 || l > source.index().line_count() || rows.iter().any(|r| r.line == l) {
                continue;
            }
            let (start, end) = line_bounds(source, l);
            if source[start..end].trim().is_empty() {
                continue;
            }
            // The same columns as the finding's row, roughly: as far in
            // as the finding's window starts, bounded by this line.
            let offset = (at - line_bounds(source, line).0).min(end - start);
            let from = crate::source::floor_char_boundary(source, start + offset);
            let (from, to) = window(source, l, from, room);
            context.push(Row {
                line: l,
                from,
                to,
                marks: Vec::new(),
            });
        }
        rows.extend(context);
    }
    rows.sort_by_key(|r| (r.line, r.from));
    rows
}

/// A window of `line` of about `room` columns that shows `anchor`, starting
/// a little before it.
pub(super) fn window(
    source: &SourceFile,
    line: usize,
    anchor: usize,
    room: usize,
) -> (usize, usize) {
    let (start, end) = line_bounds(source, line);
    let anchor = anchor.clamp(start, end);
    // Up to a quarter of the room before the anchor, if the line is long.
    let mut from = anchor;
    let mut used = 0;
    for (i, c) in source[start..anchor].char_indices().rev() {
        used += char_width(c);
        if used > room / 4 {
            break;
        }
        from = start + i;
    }
    // Show the whole line when it fits.
    if line_fits(source, start, end, room) {
        return (start, end);
    }
    let mut to = from;
    let mut used = 0;
    for (i, c) in source[from..end].char_indices() {
        used += char_width(c);
        if used > room {
            break;
        }
        to = from + i + c.len_utf8();
    }
    (from, to)
}

/// Whether `[start, end)` is at most `room` columns; looks at no more than
/// `room * 4` bytes.
fn line_fits(source: &str, start: usize, end: usize, room: usize) -> bool {
    if end - start > room * 4 {
        return false;
    }
    width_of(&render(&source[start..end])) <= room
}

/// A line's text bounds, without its line break.
pub(super) fn line_bounds(source: &SourceFile, line: usize) -> (usize, usize) {
    let index = source.index();
    let start = index.line_start(line).unwrap_or(source.len());
    let mut end = index.line_start(line + 1).unwrap_or(source.len());
    let bytes = source.as_bytes();
    while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    (start, end)
}

/// Source text as shown: tabs as four spaces, unsafe characters escaped.
fn render(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            out.push_str("    ");
        } else {
            push_escaped(&mut out, c);
        }
    }
    out
}

fn char_width(c: char) -> usize {
    if c == '\t' {
        4
    } else if escape::is_unsafe(c) {
        8
    } else {
        c.width().unwrap_or(0)
    }
}

fn width_of(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The whole report at once (the command line streams it).
pub fn render_report(report: &crate::Report, style: Style) -> String {
    super::render_all(&mut Human::new(style), report)
}
