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
        let chars = if text.is_ascii() {
            Vec::new()
        } else {
            let mut chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut count = 0;
            let mut prev = 0;
            for k in 0..=bytes.len() / BLOCK {
                let start = floor_char_boundary(text, k * BLOCK);
                count += count_chars(&bytes[prev..start]);
                chars.push(count);
                prev = start;
            }
            chars
        };
        LineIndex { starts, chars }
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
}
