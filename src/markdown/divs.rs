//! Fenced divs: a line of three or more colons opens a block and a bare one
//! closes it (Pandoc and Quarto `::: {#fig-storm}`, Docusaurus and
//! VitePress `:::note`, markdown-it-container `::: warning`). CommonMark
//! knows none of them and would read each fence as text: the first line of
//! the paragraph after it, so a picture under `::: {#fig-storm}` would not
//! stand alone. The fences are blanked in the copy CommonMark reads, and a
//! Quarto figure div (an id starting `fig-`) is kept: its last paragraph is
//! the caption of the picture in it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A fence line: colons, then nothing, a MyST directive with its argument
/// (`:::{figure} boats.jpg`), an attribute list (`{#fig-storm
/// .wide}`), or a word (`note`, `warning`) with maybe a title after it
/// (Docusaurus `:::tip[Mind the tide]`, `::: warning Mind the tide`), and
/// maybe closing colons.
static FENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]{0,3}(:{3,})[ \t]*(\{[A-Za-z][\w:+.-]*\}[ \t]+[^\n]*?|\{[^{}\n]*\}|[\w-]+(?:\[[^\]\n]*\]|[ \t]+[^:\n]*)?)?[ \t]*:*[ \t]*\r?$",
    )
    .expect("fence regex")
});

/// The fences of `text` and its Quarto figure divs, as offsets into it.
#[derive(Default)]
pub struct Divs {
    /// Every fence line, opening or closing (without its line break).
    pub fences: Vec<Range<usize>>,
    /// From the end of a figure div's opening fence to the start of its
    /// closing one (or the end of the text, when it is never closed).
    pub figures: Vec<Range<usize>>,
}

/// Find the fenced divs of `text`. A fence with a word or an attribute
/// list opens a div; a bare one closes the innermost open one, or opens
/// one when none is open.
pub fn find(text: &str) -> Divs {
    let mut divs = Divs::default();
    // Open divs: whether each is a figure, and where its content starts.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        if let Some(fence) = content
            .contains(":::")
            .then(|| FENCE.captures(content))
            .flatten()
        {
            divs.fences.push(at..at + content.len());
            match fence.get(2) {
                None if !open.is_empty() => {
                    let (figure, start) = open.pop().expect("an open div");
                    if figure {
                        divs.figures.push(start..at);
                    }
                }
                label => open.push((
                    label.is_some_and(|l| is_figure(l.as_str())),
                    at + line.len(),
                )),
            }
        }
        at += line.len();
    }
    for (figure, start) in open {
        if figure {
            divs.figures.push(start..text.len());
        }
    }
    divs.figures.sort_by_key(|r| r.start);
    divs
}

/// An attribute list whose id starts `fig-`: a Quarto figure.
fn is_figure(label: &str) -> bool {
    label.starts_with('{')
        && label
            .trim_matches(['{', '}'])
            .split_ascii_whitespace()
            .any(|token| token.starts_with("#fig-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_divs_and_their_fences() {
        let text = "Intro.\n\n::: {#fig-storm}\n![](storm.jpg)\n\nWaves in Hull.\n:::\n\n:::note\nA note.\n:::\n\n:::tip[Mind the tide]\nText.\n:::\n\n::: warning Mind the tide\nText.\n:::\n";
        let divs = find(text);
        assert_eq!(divs.fences.len(), 8);
        assert_eq!(&text[divs.fences[0].clone()], "::: {#fig-storm}");
        assert_eq!(divs.figures.len(), 1);
        assert_eq!(
            &text[divs.figures[0].clone()],
            "![](storm.jpg)\n\nWaves in Hull.\n"
        );
    }

    #[test]
    fn nested_divs_close_innermost_first() {
        let text = "::: {#fig-a}\n::: {.column}\n![](a.jpg)\n:::\n\nCaption.\n:::\n";
        let divs = find(text);
        assert_eq!(divs.figures.len(), 1);
        assert!(text[divs.figures[0].clone()].ends_with("Caption.\n"));
    }

    #[test]
    fn colons_in_prose_are_not_fences() {
        let divs = find("Time::: it says so.\nA ratio of 3:::4.\n");
        assert!(divs.fences.is_empty());
    }
}
