//! Byte offsets into lines and columns, in time independent of how long
//! the line is: a page minified onto one line can carry a hundred thousand
//! findings, and each must not recount the line from its start.

/// Characters are counted from checkpoints this many bytes apart.
const BLOCK: usize = 256;

/// Line starts and character-count checkpoints of a text, built once per
/// file.
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]`: Unicode scalar values before block `k`'s start, the
    /// char boundary at or before `k * BLOCK`. Empty for ASCII text, where
    /// bytes and characters coincide.
    chars: Vec<usize>,
    /// `wide[k]`: characters outside the Basic Multilingual Plane (two
    /// UTF-16 code units each) before the same boundary. Empty when there
    /// are none.
    wide: Vec<usize>,
}

/// What a column counts: the position encodings editors negotiate
/// (LSP's `utf-8`, `utf-16`, `utf-32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Bytes of the UTF-8 text.
    Utf8,
    /// UTF-16 code units: a character outside the Basic Multilingual
    /// Plane (an emoji) counts two.
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        let checkpoints = |count: fn(&[u8]) -> usize| {
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut total = 0;
            let mut prev = 0;
            for k in 0..=bytes.len() / BLOCK {
                let start = floor_char_boundary(text, k * BLOCK);
                total += count(&bytes[prev..start]);
                out.push(total);
                prev = start;
            }
            out
        };
        let chars = if text.is_ascii() {
            Vec::new()
        } else {
            checkpoints(count_chars)
        };
        let wide = if bytes.iter().any(|&b| b >= 0xF0) {
            checkpoints(count_wide)
        } else {
            Vec::new()
        };
        LineIndex {
            starts,
            chars,
            wide,
        }
    }

    /// 1-based line and column of a byte offset into `text` (the text the
    /// index was built from); columns count Unicode scalar values. An
    /// offset inside a character counts as that character's start.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.chars_before(text, offset) - self.chars_before(text, self.starts[line]);
        (line + 1, column + 1)
    }

    /// The 1-based line of a byte offset, without counting columns.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte offset where 1-based `line` starts, if there is one.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Unicode scalar values in `text[..offset]`; `offset` on a boundary.
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        if self.chars.is_empty() {
            return offset;
        }
        let k = offset / BLOCK;
        let start = floor_char_boundary(text, k * BLOCK);
        self.chars[k] + count_chars(&text.as_bytes()[start..offset])
    }
}

impl LineIndex {
    /// 0-based line and column of a byte offset, the column counted in
    /// `unit` from the line's start (what an editor's protocol speaks).
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = match unit {
            ColumnUnit::Utf8 => offset - start,
            ColumnUnit::Utf32 => self.chars_before(text, offset) - self.chars_before(text, start),
            ColumnUnit::Utf16 => self.utf16_before(text, offset) - self.utf16_before(text, start),
        };
        (line, column)
    }

    /// The byte offset of a 0-based line and a column counted in `unit`:
    /// the inverse of [`LineIndex::position`]. A line past the end is the
    /// end of the text; a column past the end of its line (or inside a
    /// character) is the end of the line (that character's start).
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        let mut counted = 0;
        for (i, c) in content.char_indices() {
            let width = match unit {
                ColumnUnit::Utf8 => c.len_utf8(),
                ColumnUnit::Utf16 => c.len_utf16(),
                ColumnUnit::Utf32 => 1,
            };
            if counted + width > column {
                return start + i;
            }
            counted += width;
        }
        start + content.len()
    }

    /// UTF-16 code units in `text[..offset]`; `offset` on a boundary.
    fn utf16_before(&self, text: &str, offset: usize) -> usize {
        let chars = self.chars_before(text, offset);
        if self.wide.is_empty() {
            return chars;
        }
        let k = offset / BLOCK;
        let start = floor_char_boundary(text, k * BLOCK);
        chars + self.wide[k] + count_wide(&text.as_bytes()[start..offset])
    }
}

/// Characters of four UTF-8 bytes (two UTF-16 code units): their lead bytes.
fn count_wide(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xF0).count()
}

/// Scalar values in UTF-8 bytes: every byte that is not a continuation.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_multibyte() {
        let text = "a\r\nbé\rc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // after "bé" (1 + 2 bytes)
        assert_eq!(idx.line_col(text, 6), (2, 3));
        assert_eq!(idx.line_col(text, 7), (3, 1));
        assert_eq!(idx.line_col(text, 9), (4, 1));
        assert_eq!(idx.line_col(text, text.len()), (4, 2));
    }

    #[test]
    fn checkpoints_agree_with_counting() {
        let text = "é€😀a\n".repeat(300) + &"ü".repeat(700);
        let idx = LineIndex::new(&text);
        let mut line = 1;
        let mut column = 1;
        for (offset, ch) in text.char_indices() {
            assert_eq!(idx.line_col(&text, offset), (line, column), "at {offset}");
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        assert_eq!(idx.line_col(&text, text.len()), (line, column));
    }

    #[test]
    fn utf16_and_utf8_columns_round_trip() {
        // An emoji is two UTF-16 units and four bytes; `é` one unit, two bytes.
        let text = "ab\r\né😀<img>\n".repeat(200) + &"😀".repeat(300) + "<img>";
        let idx = LineIndex::new(&text);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Utf32] {
            let mut line = 0;
            let mut column = 0;
            for (offset, ch) in text.char_indices() {
                if ch == '\r' {
                    continue;
                }
                if ch == '\n' {
                    line += 1;
                    column = 0;
                    continue;
                }
                assert_eq!(
                    idx.position(&text, offset, unit),
                    (line, column),
                    "{unit:?} at {offset}"
                );
                assert_eq!(
                    idx.offset(&text, line, column, unit),
                    offset,
                    "{unit:?} back at {offset}"
                );
                {
                    column += match unit {
                        ColumnUnit::Utf8 => ch.len_utf8(),
                        ColumnUnit::Utf16 => ch.len_utf16(),
                        ColumnUnit::Utf32 => 1,
                    };
                }
            }
        }
        let at = text.rfind("<img>").unwrap();
        assert_eq!(idx.position(&text, at, ColumnUnit::Utf16), (400, 600));
        assert_eq!(idx.position(&text, at, ColumnUnit::Utf8), (400, 1200));
        // Past the end of a line: its end, before the line break.
        assert_eq!(idx.offset(&text, 0, 99, ColumnUnit::Utf16), 2);
        assert_eq!(idx.offset(&text, 9999, 0, ColumnUnit::Utf16), text.len());
    }
}
