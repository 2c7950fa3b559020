//! Text from articles and file names made safe to print: a control
//! character (C0, DEL, C1), a bidirectional override or a line or
//! paragraph separator could move the cursor, recolour or retitle a
//! terminal, hide text, or start a new line that a CI log reads as a
//! command. Such characters are shown as escapes instead.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal or log as itself.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}'          // left-to-right / right-to-left marks
            | '\u{2028}' | '\u{2029}'        // line and paragraph separators
            | '\u{202a}'..='\u{202e}'        // bidirectional embeddings and overrides
            | '\u{2066}'..='\u{2069}'        // bidirectional isolates
            | '\u{feff}'                     // byte-order mark / zero-width no-break space
        )
}

/// `text` with every unsafe character written as an escape: `\n`, `\r`,
/// `\t`, or `\u{1b}`.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Push `c`, escaped if it is unsafe.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_are_escaped() {
        assert_eq!(terminal("a\nb"), "a\\nb");
        assert_eq!(terminal("\u{1b}]0;pwned\u{7}"), "\\u{1b}]0;pwned\\u{7}");
        assert_eq!(terminal("x\u{202e}y\u{9b}"), "x\\u{202e}y\\u{9b}");
        assert!(matches!(terminal("Café — ok"), Cow::Borrowed(_)));
    }
}
