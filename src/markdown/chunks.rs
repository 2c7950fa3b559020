//! R code chunks that show a picture: knitr's `include_graphics("photo.jpg")`
//! in an R Markdown or Quarto chunk, captioned by the chunk's `fig.cap`
//! and described by its `fig.alt`, written in the chunk's header
//! (```` ```{r flood, fig.cap="…", fig.alt="…"} ````) or on `#|` lines
//! inside it (`#| fig-cap: "…"`). The picture is in the rendered page
//! like a Markdown one, so it is checked like one; a chunk with
//! `include=FALSE` shows nothing.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Span;

/// A picture a chunk shows, with the chunk's caption and alt text: each a
/// value and the span of the text it was read from.
#[derive(Clone, Debug)]
pub struct ChunkImage {
    pub src: (String, Span),
    pub caption: Option<(String, Span)>,
    pub alt: Option<(String, Span)>,
}

/// An R chunk's opening fence and header: ```` ```{r label, key=value} ````.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*\{[rR](?:[ \t,][^}\n]*)?\}").expect("chunk regex")
});

/// A chunk option in the header: `fig.cap="…"`, `fig.alt='…'`,
/// `include=FALSE`.
static HEADER_OPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\b(fig[.-]cap|fig[.-]alt|include)[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|(TRUE|FALSE|T|F)\b)"#)
        .expect("chunk option regex")
});

/// A chunk option on a `#|` line: `#| fig-cap: "…"`, `#| include: false`.
static LINE_OPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^[ \t]*#\|[ \t]*(fig[.-]cap|fig[.-]alt|include)[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|([^\n]*?))[ \t]*\r?$"#)
        .expect("chunk line option regex")
});

/// `include_graphics(` (`knitr::` or not), then its first argument.
static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\binclude_graphics[ \t]*\([ \t]*(?:path[ \t]*=[ \t]*)?(c[ \t]*\()?")
        .expect("include_graphics regex")
});

/// A string literal.
static LITERAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'"#).expect("string regex")
});

/// How far into a call its argument is read, in bytes.
const ARGUMENT_WINDOW: usize = 4096;

/// The most pictures read from one `include_graphics(c(…))`.
const MAX_PICTURES: usize = 64;

/// The pictures the R chunks among `blocks` (code blocks of `source`, as
/// ranges) show.
pub fn find(source: &str, blocks: &[Range<usize>]) -> Vec<ChunkImage> {
    let mut out = Vec::new();
    for block in blocks {
        let Some(text) = source.get(block.clone()) else {
            continue;
        };
        let Some(opening) = OPENING.find(text) else {
            continue;
        };
        let mut caption = None;
        let mut alt = None;
        let mut shown = true;
        let header = HEADER_OPTION.captures_iter(opening.as_str());
        let lines = LINE_OPTION.captures_iter(&text[opening.end()..]);
        let options = header
            .map(|c| (c, block.start))
            .chain(lines.map(|c| (c, block.start + opening.end())));
        for (option, at) in options {
            let Some(value) = option.get(2).or(option.get(3)).or(option.get(4)) else {
                continue;
            };
            let read = (
                unescape(value.as_str()),
                Span::new(at + value.start(), at + value.end()),
            );
            match option[1].replace('-', ".").as_str() {
                "fig.cap" if !read.0.trim().is_empty() => caption = Some(read),
                "fig.alt" if !read.0.trim().is_empty() => alt = Some(read),
                "include" => {
                    shown = !matches!(read.0.trim(), "FALSE" | "F" | "false" | "no");
                }
                _ => {}
            }
        }
        if !shown {
            continue;
        }
        for call in INCLUDE.captures_iter(text) {
            let after = call.get(0).map_or(0, |m| m.end());
            // One literal, or each one of `c("a.jpg", "b.jpg")`.
            let many = call.get(1).is_some();
            // A call's argument is read within a window, so a chunk of
            // unclosed calls is not read to its end once per call.
            let rest = &text[after..];
            let mut window = rest.len().min(ARGUMENT_WINDOW);
            while !rest.is_char_boundary(window) {
                window -= 1;
            }
            let rest = &rest[..window];
            let end = if many {
                rest.find(')').unwrap_or(rest.len())
            } else {
                rest.len()
            };
            let literals = LITERAL
                .captures_iter(&rest[..end])
                .take(if many { MAX_PICTURES } else { 1 })
                // Only a literal that is the argument, not one further on.
                .take_while(|l| many || l.get(0).is_some_and(|m| m.start() == 0));
            for literal in literals {
                let Some(value) = literal.get(1).or(literal.get(2)) else {
                    continue;
                };
                let start = block.start + after + value.start();
                out.push(ChunkImage {
                    src: (
                        unescape(value.as_str()),
                        Span::new(start, start + value.len()),
                    ),
                    caption: caption.clone(),
                    alt: alt.clone(),
                });
            }
        }
    }
    out
}

/// An R string's value: `\"` and `\\` undone.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            out.push(next);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pictures(text: &str) -> Vec<ChunkImage> {
        let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
        find(text, &whole)
    }

    #[test]
    fn header_options_and_the_picture() {
        let text = "```{r flood, fig.cap=\"Water in Mill Street, Pontypridd, on November 24. [Lucy Barnes]\", fig.alt='Brown water', out.width=\"80%\"}\nknitr::include_graphics(\"media/flood.jpg\")\n```\n";
        let found = pictures(text);
        assert_eq!(found.len(), 1);
        let (src, span) = &found[0].src;
        assert_eq!(src, "media/flood.jpg");
        assert_eq!(&text[span.start..span.end], "media/flood.jpg");
        let (caption, span) = found[0].caption.as_ref().unwrap();
        assert!(caption.starts_with("Water in Mill Street"));
        assert_eq!(&text[span.start..span.end], caption);
        assert_eq!(found[0].alt.as_ref().unwrap().0, "Brown water");
    }

    #[test]
    fn quarto_option_lines_and_several_pictures() {
        let text = "```{r}\n#| label: fig-flood\n#| fig-cap: \"Mill Street on November 24\"\n#| fig-alt: Brown water\ninclude_graphics(c(\"a.jpg\", 'b.jpg'))\n```\n";
        let found = pictures(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].src.0, "b.jpg");
        assert_eq!(
            found[0].caption.as_ref().unwrap().0,
            "Mill Street on November 24"
        );
        let (alt, span) = found[0].alt.as_ref().unwrap();
        assert_eq!(alt, "Brown water");
        assert_eq!(&text[span.start..span.end], "Brown water");
    }

    #[test]
    fn hidden_chunks_other_languages_and_computed_paths() {
        assert!(pictures("```{r, include=FALSE}\ninclude_graphics(\"a.jpg\")\n```\n").is_empty());
        assert!(
            pictures("```{r}\n#| include: false\ninclude_graphics(\"a.jpg\")\n```\n").is_empty()
        );
        assert!(pictures("```{python}\ninclude_graphics(\"a.jpg\")\n```\n").is_empty());
        assert!(pictures("```r\ninclude_graphics(\"a.jpg\")\n```\n").is_empty());
        assert!(pictures("```{r}\ninclude_graphics(here(\"img\", \"a.jpg\"))\n```\n").is_empty());
    }
}
