//! MyST Markdown, as Jupyter Book, MyST-Parser (Sphinx) and mystmd sites
//! write it: directives fenced with backticks (```` ```{note} ````) or
//! colons (`:::{figure} boats.jpg`), their `:key: value` options (or a
//! `---` YAML block) under the fence, `(label)=` targets and `%` comments.
//!
//! CommonMark reads a backtick directive as a code block and a colon one
//! as text; MyST renders the body of most directives as Markdown. So the
//! fences, options, targets and comments of the directives whose body is
//! Markdown are markup, blanked in the copy CommonMark reads, and the body
//! is read as the article's text; the bodies of directives that hold code
//! (`{code-cell}`, `{math}`, `{toctree}`) stay code. A `{figure}` or
//! `{image}` directive is kept with its argument (the picture) and options
//! (`:alt:`): a figure's caption is the first paragraph of its body.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Span;

/// A `{figure}` or `{image}` directive, as offsets into the text read.
#[derive(Clone, Debug)]
pub struct Directive {
    /// `{figure}` rather than `{image}`.
    pub figure: bool,
    /// From the opening fence to the end of the closing one (or of the
    /// text, when it is never closed).
    pub span: Span,
    /// The opening fence line.
    pub fence: Span,
    /// The picture's address: the text after `{figure}` on the fence line.
    pub argument: Option<(String, Span)>,
    /// Its options: name, value, span of the value.
    pub options: Vec<(String, String, Span)>,
    /// Its body, after the options: a figure's caption and legend.
    pub body: Span,
}

impl Directive {
    pub fn option(&self, name: &str) -> Option<(&str, Span)> {
        super::value_named(&self.options, name)
    }
}

/// What MyST syntax a text holds.
#[derive(Default)]
pub struct Myst {
    /// The text is MyST: it has a directive or role only MyST writes, or a
    /// `(label)=` target.
    pub found: bool,
    pub directives: Vec<Directive>,
    /// Lines that are markup (fences and options of directives whose body
    /// is Markdown, targets, comments), without their line breaks.
    pub markup: Vec<Range<usize>>,
    /// The bodies of colon-fenced directives that hold code: CommonMark
    /// would read them as text.
    pub code: Vec<Range<usize>>,
    /// The bodies of the other directives whose body is Markdown
    /// (admonitions, margins, sidebars, cards, tabs): asides, as a quote
    /// or a list item is, not the story's own paragraphs.
    pub asides: Vec<Range<usize>>,
}

/// Directives whose body MyST renders as Markdown. A backtick-fenced
/// directive not named here is left a code block, as CommonMark reads it
/// (R Markdown's and Quarto's ```` ```{r} ```` and ```` ```{python} ````
/// chunks are code).
const CONTENT: &[&str] = &[
    "admonition",
    "aside",
    "attention",
    "card",
    "caution",
    "container",
    "danger",
    "deprecated",
    "div",
    "dropdown",
    "epigraph",
    "error",
    "exercise",
    "figure",
    "grid",
    "grid-item",
    "grid-item-card",
    "highlights",
    "hint",
    "image",
    "important",
    "list-table",
    "margin",
    "note",
    "pull-quote",
    "seealso",
    "sidebar",
    "solution",
    "tab-item",
    "tab-set",
    "table",
    "tip",
    "topic",
    "versionadded",
    "versionchanged",
    "warning",
];

/// Directives whose body is code or data, not Markdown, even between
/// colons.
const CODE: &[&str] = &[
    "bibliography",
    "code",
    "code-block",
    "code-cell",
    "csv-table",
    "eval-rst",
    "glossary",
    "graphviz",
    "include",
    "literalinclude",
    "math",
    "mermaid",
    "raw",
    "sourcecode",
    "tableofcontents",
    "toctree",
];

/// A fence line: backticks, tildes or colons, then `{name}` and the
/// directive's argument, or (backticks and tildes only) a code block's
/// info string.
static FENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(`{3,}|~{3,}|:{3,})[ \t]*(?:\{([A-Za-z][\w:+.-]*)\}[ \t]*([^\n]*?))?[ \t]*\r?$|^[ \t]*(`{3,}|~{3,})[^\n]*$")
        .expect("MyST fence regex")
});

/// A directive option: `:alt: Boats in Hull`.
static OPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*:([A-Za-z][\w-]*):(?:[ \t]+([^\n]*?))?[ \t]*\r?$").expect("option regex")
});

/// An option in a YAML block: `alt: Boats in Hull`.
static YAML_OPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[ \t]*([A-Za-z][\w-]*):(?:[ \t]+["']?([^\n]*?)["']?)?[ \t]*\r?$"#)
        .expect("YAML option regex")
});

/// A target, `(boats-in-hull)=`.
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\([\w:.-]+\)=[ \t]*\r?$").expect("target regex"));

/// A role only MyST writes: ``{ref}`boats` ``, ``{numref}`fig-1` ``.
static ROLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{[a-z][\w:+-]*\}`[^`\n]+`").expect("role regex"));

/// An open fence: its character and length, and what it holds.
struct Open {
    fence: u8,
    len: usize,
    kind: Kind,
    /// Where its body starts.
    body: usize,
}

enum Kind {
    /// A code block, or a directive holding code.
    Code { colon: bool },
    /// A directive whose body is Markdown; for a figure or an image, its
    /// index in `Myst::directives`, and whether it is an aside.
    Content(Option<usize>, bool),
}

/// Find the MyST syntax of `text`.
pub fn find(text: &str) -> Myst {
    let mut myst = Myst {
        found: ROLE.is_match(text),
        ..Myst::default()
    };
    let mut open: Vec<Open> = Vec::new();
    let lines: Vec<(usize, &str)> = super::lines_at(text).collect();
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        i += 1;
        let fence = line
            .contains(['`', '~', ':'])
            .then(|| FENCE.captures(line))
            .flatten();
        // The innermost open fence closes on a bare fence as long as its.
        if let Some(top) = open.last() {
            let closes = fence.as_ref().is_some_and(|f| {
                let marks = f.get(1).or(f.get(4)).map_or("", |m| m.as_str());
                marks.as_bytes()[0] == top.fence
                    && marks.len() >= top.len
                    && f.get(2).is_none()
                    && line.trim().len() == marks.len()
            });
            if closes {
                let top = open.pop().expect("an open fence");
                match top.kind {
                    Kind::Code { colon } => {
                        if colon {
                            myst.code.push(top.body..at);
                        }
                    }
                    Kind::Content(figure, aside) => {
                        myst.markup.push(at..at + line.len());
                        if aside {
                            myst.asides.push(top.body..at);
                        }
                        if let Some(d) = figure.and_then(|d| myst.directives.get_mut(d)) {
                            d.body.end = at;
                            d.span.end = at + line.len();
                        }
                    }
                }
                continue;
            }
            if matches!(top.kind, Kind::Code { .. }) {
                continue;
            }
        }
        if TARGET.is_match(line) {
            myst.found = true;
            myst.markup.push(at..at + line.len());
            continue;
        }
        let Some(fence) = fence else {
            continue;
        };
        let marks = fence.get(1).or(fence.get(4)).map_or("", |m| m.as_str());
        let (mark, len) = (marks.as_bytes()[0], marks.len());
        let next = lines.get(i).map_or(text.len(), |(at, _)| *at);
        let Some(name) = fence.get(2).map(|m| m.as_str()) else {
            // A bare run of colons opens nothing here (fenced divs are
            // read apart); backticks or tildes open a code block.
            if mark != b':' {
                open.push(Open {
                    fence: mark,
                    len,
                    kind: Kind::Code { colon: false },
                    body: next,
                });
            }
            continue;
        };
        let content = CONTENT.contains(&name);
        let code = CODE.contains(&name) || name.contains(':') && mark != b':';
        myst.found |= content || CODE.contains(&name) || name.contains(':') || mark == b':';
        if code || !content && mark != b':' {
            open.push(Open {
                fence: mark,
                len,
                kind: Kind::Code {
                    colon: mark == b':',
                },
                body: next,
            });
            continue;
        }
        myst.markup.push(at..at + line.len());
        // The options under the fence.
        let mut options = Vec::new();
        if lines.get(i).is_some_and(|(_, l)| l.trim_end() == "---")
            && let Some(end) = lines[i + 1..]
                .iter()
                .take(64)
                .position(|(_, l)| l.trim_end() == "---")
        {
            for &(o_at, o_line) in &lines[i..=i + 1 + end] {
                myst.markup.push(o_at..o_at + o_line.len());
                if let Some(o) = YAML_OPTION.captures(o_line) {
                    options.push(option(&o, o_at));
                }
            }
            i += end + 2;
        } else {
            while let Some(o) = lines.get(i).and_then(|(_, l)| OPTION.captures(l)) {
                let (o_at, o_line) = lines[i];
                myst.markup.push(o_at..o_at + o_line.len());
                options.push(option(&o, o_at));
                i += 1;
            }
        }
        let body = lines.get(i).map_or(text.len(), |(at, _)| *at);
        let argument = fence.get(3).filter(|a| !a.as_str().is_empty()).map(|a| {
            (
                a.as_str().to_string(),
                Span::new(at + a.start(), at + a.end()),
            )
        });
        let picture = matches!(name, "figure" | "image");
        // mystmd shows a video in a figure too: it is no picture.
        let video = argument.as_ref().is_some_and(|(a, _)| is_video(a));
        let figure = (picture && !video).then(|| {
            myst.directives.push(Directive {
                figure: name == "figure",
                span: Span::new(at, text.len()),
                fence: Span::new(at + (line.len() - line.trim_start().len()), at + line.len()),
                argument,
                options,
                body: Span::new(body, text.len()),
            });
            myst.directives.len() - 1
        });
        open.push(Open {
            fence: mark,
            len,
            kind: Kind::Content(figure, !picture),
            body,
        });
    }
    // Fences never closed run to the end of the text.
    for top in open {
        match top.kind {
            Kind::Code { colon: true } => myst.code.push(top.body..text.len()),
            Kind::Content(_, true) => myst.asides.push(top.body..text.len()),
            _ => {}
        }
    }
    myst.asides.sort_by_key(|r| r.start);
    myst
}

/// An address whose file is a video (`media/demo.mp4`), by its extension.
fn is_video(address: &str) -> bool {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    path.rsplit_once('.').is_some_and(|(_, ext)| {
        ["mp4", "m4v", "mov", "webm", "ogv"]
            .iter()
            .any(|v| ext.eq_ignore_ascii_case(v))
    })
}

/// An option's name, value and the value's span, from a match of
/// [`OPTION`] or [`YAML_OPTION`] on the line at `at`.
fn option(o: &regex::Captures<'_>, at: usize) -> (String, String, Span) {
    let name = o.get(1).map_or("", |m| m.as_str()).to_string();
    match o.get(2) {
        Some(v) => (
            name,
            v.as_str().to_string(),
            Span::new(at + v.start(), at + v.end()),
        ),
        None => {
            let end = at + o.get(0).map_or(0, |m| m.end());
            (name, String::new(), Span::new(end, end))
        }
    }
}

/// A MyST comment line, `% Ask the desk about this picture`.
pub fn comments(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    super::lines_at(text)
        .filter(|(_, line)| line.starts_with('%'))
        .map(|(at, line)| at..at + line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_directives_with_options_and_caption() {
        let text = "(boats)=\n```{figure} boats.jpg\n:alt: Boats in a flooded street\n:width: 80%\n\nBoats in Hull on 3 March. Jane Doe/AP\n```\n\n:::{figure} https://example.org/b.png\n---\nalt: A map\nname: map\n---\nThe flooded area.\n:::\n";
        let myst = find(text);
        assert!(myst.found);
        assert_eq!(myst.directives.len(), 2);
        let d = &myst.directives[0];
        assert!(d.figure);
        let (src, span) = d.argument.as_ref().unwrap();
        assert_eq!(src, "boats.jpg");
        assert_eq!(&text[span.start..span.end], "boats.jpg");
        let (alt, span) = d.option("alt").unwrap();
        assert_eq!(alt, "Boats in a flooded street");
        assert_eq!(&text[span.start..span.end], alt);
        assert_eq!(
            &text[d.body.start..d.body.end],
            "\nBoats in Hull on 3 March. Jane Doe/AP\n"
        );
        let d = &myst.directives[1];
        assert_eq!(d.option("alt").unwrap().0, "A map");
        assert_eq!(&text[d.body.start..d.body.end], "The flooded area.\n");
        // The target, two fences, two options; three fences, the YAML block.
        assert_eq!(myst.markup.len(), 1 + 2 + 2 + 2 + 4);
    }

    #[test]
    fn code_holds_no_directives() {
        let text = "```{code} markdown\n:::{figure} a.png\nCaption\n:::\n```\n\n```python\n```{figure} b.png\n```\n\n:::{math}\n# not a heading\n:::\n";
        let myst = find(text);
        assert!(myst.directives.is_empty());
        assert_eq!(myst.code.len(), 1);
        assert_eq!(&text[myst.code[0].clone()], "# not a heading\n");
    }

    #[test]
    fn nested_directives_close_innermost_first() {
        let text = "````{tab-set}\n```{tab-item} One\n![](a.png)\n```\n````\n";
        let myst = find(text);
        assert!(myst.found);
        assert_eq!(myst.markup.len(), 4);
        assert_eq!(myst.asides.len(), 2);
        assert_eq!(&text[myst.asides[1].clone()], "![](a.png)\n");
    }

    #[test]
    fn a_video_in_a_figure_is_no_picture() {
        let myst = find("```{figure} media/demo.mp4\nHow it works.\n```\n");
        assert!(myst.found);
        assert!(myst.directives.is_empty());
    }

    #[test]
    fn chunks_of_r_and_python_are_code_and_not_myst() {
        let myst = find("```{r, fig.cap=\"A\"}\nplot(x)\n```\n\n```{python}\n```\n");
        assert!(!myst.found);
        assert!(myst.markup.is_empty());
    }
}
