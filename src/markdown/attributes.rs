//! Attribute lists: `{: .center width="800"}` (kramdown, Jekyll's
//! Markdown), `{ width="300" }` (Python-Markdown's `attr_list`, MkDocs),
//! `{.wide #lead}` (markdown-it-attrs, Pandoc). Written straight after a
//! picture they give it a class or a size; alone on the line after a
//! paragraph they dress that paragraph (`*Boats in Hull. [AP]*` then
//! `{: .caption}`). CommonMark knows none of them and would read each as
//! text: beside a picture, text that keeps it from standing alone; under a
//! caption, a line that is not the caption's.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Span;

/// One attribute list: `{`, kramdown's optional `:`, then classes, ids
/// and `key=value` pairs, at least one of them unless the `:` is there.
/// Pandoc lets a list run on over lines (`{.lightbox` then
/// `fig-alt="…"}` on the next), never over a blank one.
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    let token = r#"(?:[.#][\w:-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))"#;
    let gap = r"(?:[ \t]*\r?\n[ \t]*|[ \t]+)";
    let edge = r"[ \t]*(?:\r?\n[ \t]*)?";
    Regex::new(&format!(
        r"\{{(?::{edge}(?:{token}(?:{gap}{token})*)?|{edge}{token}(?:{gap}{token})*){edge}\}}"
    ))
    .expect("attribute list regex")
});

static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([\w-]+)=(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'{}]+))"#).expect("pair regex")
});

/// The attribute lists of `text` (offsets into it) that are markup, not
/// prose: one written straight after a picture, a link or emphasis
/// (`)`, `*`, `_`, a backtick), or one alone on its line.
pub fn lists(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    LIST.find_iter(text)
        .filter(|m| {
            let before = &text[..m.start()];
            // Only blanks between the list and the line's ends: looked for
            // without reading the rest of a long line.
            let alone_before = before
                .trim_end_matches([' ', '\t'])
                .chars()
                .next_back()
                .is_none_or(|c| c == '\n' || c == '\r');
            let alone_after = text[m.end()..]
                .trim_start_matches([' ', '\t'])
                .chars()
                .next()
                .is_none_or(|c| c == '\n' || c == '\r');
            before.ends_with([')', '*', '_', '`']) || (alone_before && alone_after)
        })
        .map(|m| m.range())
}

/// The attribute list that starts `text`, if one does: its length.
pub fn list_at_start(text: &str) -> Option<usize> {
    LIST.find(text).filter(|m| m.start() == 0).map(|m| m.end())
}

/// The `key=value` pairs of the list at `at` in `source`: name, value
/// and the value's span.
pub fn pairs(source: &str, at: Range<usize>) -> Vec<(String, String, Span)> {
    PAIR.captures_iter(&source[at.clone()])
        .filter_map(|c| {
            let value = c.get(2).or(c.get(3)).or(c.get(4))?;
            Some((
                c[1].to_ascii_lowercase(),
                value.as_str().to_string(),
                Span::new(at.start + value.start(), at.start + value.end()),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        lists(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn lists_after_pictures_and_on_their_own_line() {
        assert_eq!(
            found("![a](b.jpg){: .center width=\"800\"}\n*Cap*\n{: .caption}\n"),
            ["{: .center width=\"800\"}", "{: .caption}"]
        );
        assert_eq!(
            found("  ![a](b.jpg){ width=\"300\" }"),
            ["{ width=\"300\" }"]
        );
        assert_eq!(
            found("![a](b.jpg){.wide #lead loading=lazy}"),
            ["{.wide #lead loading=lazy}"]
        );
        // Over two lines, as Pandoc allows; not over a blank line.
        assert_eq!(
            found("![a](b.jpg){.lightbox\n  fig-alt=\"A crowd\"}\n"),
            ["{.lightbox\n  fig-alt=\"A crowd\"}"]
        );
        assert!(found("![a](b.jpg){.lightbox\n\nfig-alt=\"A crowd\"}\n").is_empty());
    }

    #[test]
    fn braces_in_prose_and_code_are_not_lists() {
        assert!(found("Set {width=3} in the text.").is_empty());
        assert!(found("![a](b.jpg) {props.size}").is_empty());
        assert!(found("{{ site.baseurl }}").is_empty());
        assert!(found("{% include x.html %}").is_empty());
        assert!(found("{}").is_empty());
    }

    #[test]
    fn pairs_with_value_spans() {
        let src = "![a](b.jpg){: width=\"800\" height=600 .x}";
        let at = src.find('{').unwrap()..src.len();
        let pairs = pairs(src, at);
        assert_eq!(pairs[0].0, "width");
        assert_eq!(&src[pairs[0].2.start..pairs[0].2.end], "800");
        assert_eq!(pairs[1].1, "600");
    }
}
