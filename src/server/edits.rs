//! An editor's incremental changes applied to a document's text.
//!
//! One `didChange` can carry thousands of edits, each against the text
//! the edits before it left. Each edit's position is found in a rope
//! (`ropey`, which keeps line-break and UTF-16 counts per node) in time
//! logarithmic in the text, and applied there, so a change of N edits
//! costs the text's length twice (into the rope and back) plus N small
//! steps, where rebuilding a line index and splicing the text for each
//! edit cost N times the text's length.

use lsp_types::{Position, TextDocumentContentChangeEvent};
use ropey::Rope;

use crate::source::ColumnUnit;

/// Apply `changes` to `text` in order: a change without a range replaces
/// the whole text; a range's positions count columns in `unit`, and are
/// clamped as [`char_index`] says (a reversed range is its start).
pub fn apply(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>, unit: ColumnUnit) {
    let mut rope: Option<Rope> = None;
    for change in changes {
        let Some(range) = change.range else {
            rope = None;
            *text = change.text;
            continue;
        };
        let rope = rope.get_or_insert_with(|| Rope::from_str(text));
        let start = char_index(rope, range.start, unit);
        let end = char_index(rope, range.end, unit).max(start);
        rope.remove(start..end);
        rope.insert(start, &change.text);
    }
    if let Some(rope) = rope {
        *text = String::from(&rope);
    }
}

/// The character index of a protocol position in `rope`, as
/// [`crate::source::LineIndex::offset`] finds its byte offset: lines end
/// at `\n`, `\r\n` or `\r`; a line past the last is the end of the text;
/// a column past the end of its line is the end of the line (before its
/// line break), and one inside a character (half a surrogate pair, a byte
/// inside a UTF-8 sequence) is that character's start.
pub fn char_index(rope: &Rope, position: Position, unit: ColumnUnit) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    // The line's end before its line break (the last line has none).
    let mut end = rope.line_to_char(line + 1);
    if end > start && rope.char(end - 1) == '\n' {
        end -= 1;
    }
    if end > start && rope.char(end - 1) == '\r' {
        end -= 1;
    }
    let column = position.character as usize;
    match unit {
        ColumnUnit::Utf32 => start + column.min(end - start),
        ColumnUnit::Utf8 => {
            let first = rope.char_to_byte(start);
            if column >= rope.char_to_byte(end) - first {
                return end;
            }
            rope.byte_to_char(first + column)
        }
        ColumnUnit::Utf16 => {
            let first = rope.char_to_utf16_cu(start);
            if column >= rope.char_to_utf16_cu(end) - first {
                return end;
            }
            rope.utf16_cu_to_char(first + column)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineIndex;
    use lsp_types::Range;

    const UNITS: [ColumnUnit; 3] = [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32];

    /// The byte offset of a position, through the rope.
    fn offset(text: &str, line: u32, character: u32, unit: ColumnUnit) -> usize {
        let rope = Rope::from_str(text);
        rope.char_to_byte(char_index(&rope, Position::new(line, character), unit))
    }

    /// ASCII, `é` (2 bytes), `€` (3 bytes), `😀` (4 bytes, a surrogate
    /// pair), lines ending at `\r\n`, `\r` and `\n`, an empty line, and a
    /// last line without a line break.
    const MIXED: &str = "aé€😀b\r\n😀x\ry\n\n€😀";

    #[test]
    fn columns_in_each_encoding() {
        // Line 0 is `aé€😀b`: bytes 0, 1, 3, 6, 10, and its end at 11.
        let cases: [(ColumnUnit, &[u32]); 3] = [
            (ColumnUnit::Utf8, &[0, 1, 3, 6, 10, 11]),
            (ColumnUnit::Utf16, &[0, 1, 2, 3, 5, 6]),
            (ColumnUnit::Utf32, &[0, 1, 2, 3, 4, 5]),
        ];
        for (unit, columns) in cases {
            for (&column, byte) in columns.iter().zip([0, 1, 3, 6, 10, 11]) {
                assert_eq!(offset(MIXED, 0, column, unit), byte, "{unit:?} {column}");
            }
        }
        // Line 1 (`😀x`, ending at a lone `\r`) starts after the `\r\n`.
        assert_eq!(offset(MIXED, 1, 0, ColumnUnit::Utf16), 13);
        assert_eq!(offset(MIXED, 1, 2, ColumnUnit::Utf16), 17);
        assert_eq!(offset(MIXED, 2, 0, ColumnUnit::Utf8), 19);
        // The empty line, and the last, without a line break.
        assert_eq!(offset(MIXED, 3, 0, ColumnUnit::Utf32), 21);
        assert_eq!(offset(MIXED, 4, 1, ColumnUnit::Utf32), 25);
        assert_eq!(offset(MIXED, 4, 3, ColumnUnit::Utf16), 29);
    }

    #[test]
    fn inside_a_character_is_its_start() {
        // Half of the surrogate pair of `😀` (UTF-16 columns 3 and 4).
        assert_eq!(offset(MIXED, 0, 4, ColumnUnit::Utf16), 6);
        assert_eq!(offset(MIXED, 1, 1, ColumnUnit::Utf16), 13);
        assert_eq!(offset(MIXED, 4, 2, ColumnUnit::Utf16), 25);
        // Inside the UTF-8 bytes of `é`, `€` and `😀`.
        assert_eq!(offset(MIXED, 0, 2, ColumnUnit::Utf8), 1);
        for column in [4, 5] {
            assert_eq!(offset(MIXED, 0, column, ColumnUnit::Utf8), 3);
        }
        for column in 7..=9 {
            assert_eq!(offset(MIXED, 0, column, ColumnUnit::Utf8), 6);
        }
    }

    #[test]
    fn past_the_line_or_the_text_is_clamped() {
        for unit in UNITS {
            // Before the line break, whichever it is.
            assert_eq!(offset(MIXED, 0, 99, unit), 11, "{unit:?}");
            assert_eq!(offset(MIXED, 1, 99, unit), 18, "{unit:?}");
            assert_eq!(offset(MIXED, 2, u32::MAX, unit), 20, "{unit:?}");
            assert_eq!(offset(MIXED, 3, 1, unit), 21, "{unit:?}");
            assert_eq!(offset(MIXED, 4, 99, unit), MIXED.len(), "{unit:?}");
            // Past the last line: the end of the text.
            assert_eq!(offset(MIXED, 5, 0, unit), MIXED.len(), "{unit:?}");
            assert_eq!(offset(MIXED, u32::MAX, u32::MAX, unit), MIXED.len());
            // A text ending in a line break has an empty line after it.
            assert_eq!(offset("a\r\n", 1, 5, unit), 3, "{unit:?}");
            assert_eq!(offset("a\r", 1, 0, unit), 2, "{unit:?}");
            assert_eq!(offset("", 0, 3, unit), 0, "{unit:?}");
        }
    }

    #[test]
    fn every_position_agrees_with_the_line_index() {
        let text = MIXED.repeat(3) + "\r\r\n\n\r😀";
        let index = LineIndex::new(&text);
        for unit in UNITS {
            for line in 0..index.line_count() as u32 + 2 {
                for column in 0..40 {
                    assert_eq!(
                        offset(&text, line, column, unit),
                        index.offset(&text, line as usize, column as usize, unit),
                        "{unit:?} {line}:{column}"
                    );
                }
            }
        }
    }

    /// A small deterministic generator (xorshift).
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn text(&mut self, most: usize) -> String {
            let pieces = ["a", "é", "€", "😀", "\r", "\n", "\r\n"];
            (0..self.below(most + 1))
                .map(|_| pieces[self.below(pieces.len())])
                .collect()
        }

        /// Mostly in or near the text, sometimes far past it.
        fn position(&mut self, lines: usize) -> Position {
            let line = match self.below(20) {
                0 => u32::MAX,
                _ => self.below(lines + 2) as u32,
            };
            let character = match self.below(20) {
                0 => u32::MAX,
                _ => self.below(12) as u32,
            };
            Position::new(line, character)
        }
    }

    /// The edits one at a time, as the server applied them before: a line
    /// index of the whole text for each.
    fn one_at_a_time(
        text: &mut String,
        changes: &[TextDocumentContentChangeEvent],
        unit: ColumnUnit,
    ) {
        for change in changes {
            let Some(range) = change.range else {
                text.clone_from(&change.text);
                continue;
            };
            let index = LineIndex::new(text);
            let at = |p: Position| index.offset(text, p.line as usize, p.character as usize, unit);
            let (start, end) = (at(range.start), at(range.end));
            text.replace_range(start..end.max(start), &change.text);
        }
    }

    #[test]
    fn many_edits_in_one_change_apply_as_one_at_a_time() {
        let mut random = Random(0x9E37_79B9_7F4A_7C15);
        for unit in UNITS {
            for round in 0..40 {
                let original = random.text(60);
                let mut lines = original.lines().count() + 1;
                let mut changes = Vec::new();
                for _ in 0..200 {
                    let text = random.text(4);
                    lines += text.matches(['\n', '\r']).count();
                    let range = if random.below(100) == 0 {
                        None
                    } else {
                        // Reversed ranges too: the start wins.
                        let (start, end) = (random.position(lines), random.position(lines));
                        Some(Range::new(start, end))
                    };
                    changes.push(TextDocumentContentChangeEvent {
                        range,
                        range_length: None,
                        text,
                    });
                }
                let mut want = original.clone();
                one_at_a_time(&mut want, &changes, unit);
                let mut got = original.clone();
                apply(&mut got, changes, unit);
                assert_eq!(got, want, "{unit:?}, round {round}, from {original:?}");
            }
        }
    }
}
