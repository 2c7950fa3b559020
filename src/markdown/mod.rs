//! Markdown articles, as newsrooms and static sites write them: parsed
//! with pulldown-cmark (GFM tables, footnotes, strikethrough), with their
//! front matter, Hugo `figure` shortcodes and raw HTML, every item keeping
//! its byte span in the `.md` file. `article::markdown` turns this into the
//! article model the rules read.
//!
//! Raw HTML (`<figure>…</figure>`, `<img …>`, comments) goes through the
//! HTML path: it is parsed as one document made of the file with every
//! byte outside the raw HTML blanked (newlines kept), so its spans are
//! spans of the `.md` file. The Markdown text between an inline tag and
//! its closing tag (`<a href="/">home</a>`) is kept too: it is the
//! element's content.
//!
//! Files written one line per paragraph with no blank lines (CMS and wire
//! exports, like the seed article) would be one CommonMark paragraph; such
//! a file is read line by line instead (see [`one_line_per_paragraph`]).

mod attributes;
mod chunks;
mod divs;
pub mod front_matter;
mod myst;
mod shortcodes;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::diagnostic::{Reach, Span};
use crate::html::Document;
pub use chunks::ChunkImage;
pub use front_matter::{Field, FrontMatter};
pub use myst::Directive;
pub use shortcodes::Shortcode;

/// The Markdown a site's generator reads, when its project file says so:
/// a `.md` file in a Quarto project (a `_quarto.yml` above it) is Pandoc
/// Markdown, and one in a Jupyter Book or mystmd project (`myst.yml`, or
/// Jupyter Book 1's `_toc.yml`) or in a Sphinx project whose `conf.py`
/// loads MyST-Parser or MyST-NB is MyST, whatever the file itself shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Pandoc,
    Myst,
}

impl Dialect {
    /// The project files that say which Markdown a folder's files are.
    pub const PROJECT_FILES: &[(&str, Dialect)] = &[
        ("_quarto.yml", Dialect::Pandoc),
        ("_quarto.yaml", Dialect::Pandoc),
        ("myst.yml", Dialect::Myst),
        ("_toc.yml", Dialect::Myst),
    ];

    /// A Sphinx project's configuration, `conf.py`: its Markdown is MyST
    /// when it loads MyST-Parser or MyST-NB (`extensions = ["myst_parser"]`).
    pub const SPHINX_CONFIG: &str = "conf.py";

    /// The dialect a Sphinx `conf.py`'s text gives.
    pub fn of_sphinx_config(text: &str) -> Option<Dialect> {
        [
            "\"myst_parser\"",
            "'myst_parser'",
            "\"myst_nb\"",
            "'myst_nb'",
        ]
        .iter()
        .any(|name| text.contains(name))
        .then_some(Dialect::Myst)
    }
}

/// The value written for `name` among `pairs` (name, value, the value's
/// span): a shortcode's parameters, a directive's options, the attribute
/// list after a picture.
pub fn value_named<'a>(pairs: &'a [(String, String, Span)], name: &str) -> Option<(&'a str, Span)> {
    pairs
        .iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, value, span)| (value.as_str(), *span))
}

/// Each line of `text` without its line break, with the offset it starts at.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.strip_suffix('\n').unwrap_or(line)))
    })
}

/// A parsed Markdown article.
pub struct MarkdownDocument {
    pub source: String,
    pub front_matter: Option<FrontMatter>,
    /// The raw HTML of the file, parsed in place (see the module doc).
    pub html: Document,
    pub blocks: Vec<Block>,
    pub images: Vec<MdImage>,
    pub links: Vec<MdLink>,
    pub shortcodes: Vec<Shortcode>,
    /// Read one line per paragraph.
    pub line_mode: bool,
    /// The content of each Quarto figure div (`::: {#fig-storm}` … `:::`),
    /// in source order: its last paragraph captions the picture in it.
    pub figure_divs: Vec<Span>,
    /// The pictures R code chunks show (`knitr::include_graphics`).
    pub chunk_images: Vec<ChunkImage>,
    /// A MyST document (Jupyter Book, MyST-Parser): a picture is a figure
    /// when a `{figure}` directive makes it one.
    pub myst: bool,
    /// MyST `{figure}` and `{image}` directives.
    pub directives: Vec<Directive>,
}

/// A paragraph or heading.
#[derive(Clone, Debug)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// Its text, with the alt text of images left out.
    pub text: String,
    /// All of its text is emphasised (`*…*`, `_…_`).
    pub italic: bool,
    /// All of its text is strong (`**…**`).
    pub bold: bool,
    /// It holds one image (index into `images`) and no text, or one image
    /// on its first line and, on the lines after it, only a caption: text
    /// wholly emphasised or starting `Caption:` (see `caption_line`).
    pub only_image: Option<usize>,
    /// The caption written on the lines after the image's, in the same
    /// paragraph (`![…](…)` then `*Boats in Hull. [AP]*` on the next line).
    pub caption_line: Option<Span>,
    /// Inside a list, quote, table or footnote.
    pub nested: bool,
    /// A thematic break (`---`) follows it.
    pub rule_after: bool,
    /// A code block follows it: it introduces the code.
    pub code_after: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
}

/// `![alt](src "title")`.
#[derive(Clone, Debug)]
pub struct MdImage {
    pub span: Span,
    pub alt: String,
    pub alt_span: Span,
    pub src: String,
    pub src_span: Span,
    pub title: String,
    pub title_span: Option<Span>,
    /// The destination of the Markdown link it is in (`[![alt](src)](href)`).
    pub link: Option<String>,
    /// The `key=value` pairs of the attribute list written straight after
    /// it (`{: width="800"}`): name, value, the value's span.
    pub attributes: Vec<(String, String, Span)>,
}

/// `[text](href "title")`.
#[derive(Clone, Debug)]
pub struct MdLink {
    pub span: Span,
    /// Its text, the alt text of images inside it included.
    pub text: String,
    pub title: String,
    /// The renderer writes its text, whatever the document: a Quarto
    /// interlink (quartodoc's ``[](`quartodoc.Builder`)``, with a role,
    /// ``[](:function:`print`)``) gets the name of the object it points
    /// at, and a MyST cross-reference to another project or page
    /// (``[](xref:guide)``) its target's title. (In a MyST document every
    /// link left empty does: see `MarkdownDocument::myst`.)
    pub generated_text: bool,
}

impl MarkdownDocument {
    pub fn parse(source: String) -> MarkdownDocument {
        let (front_matter, body) = front_matter::split(&source);
        let line_mode = one_line_per_paragraph(&source[body..]);
        let divs = divs::find(&source[body..]);
        let myst = myst::find(&source[body..]);
        let mut markup = divs.fences.clone();
        markup.extend(myst.markup.iter().cloned());
        if myst.found {
            markup.extend(myst::comments(&source[body..]));
        }
        let read = reading_copy(&source, body, &markup);
        let mut walk = Walk::default();
        if line_mode {
            let mut at = body;
            for line in source[body..].split_inclusive('\n') {
                if !line.trim().is_empty() {
                    walk.parse(&read, at..at + line.trim_end().len());
                }
                at += line.len();
            }
        } else {
            walk.parse(&read, body..source.len());
        }
        // A picture's address holding a Liquid tag is the file's text; the
        // attribute list after a picture is its own.
        if read != source {
            for image in &mut walk.images {
                let span = image.src_span;
                if read.get(span.start..span.end) != source.get(span.start..span.end) {
                    image.src = source[span.start..span.end].to_string();
                }
                let after = image.span.end;
                if let Some(len) = source.get(after..).and_then(attributes::list_at_start) {
                    image.attributes = attributes::pairs(&source, after..after + len);
                }
            }
        }
        // What code shortcodes hold is code shown as written, and what an
        // MDX comment holds is not shown at all: neither is the article's
        // blocks, pictures, links or markup.
        let mut listings = shortcodes::code_ranges(&source, body);
        listings.extend(mdx_comments(&source, body));
        listings.extend(myst.code.iter().map(|r| body + r.start..body + r.end));
        // A MyST embed (`![](#label)`, `![](xref:guide#figure)`) shows
        // content from elsewhere, not a picture.
        listings.extend(
            walk.images
                .iter()
                .filter(|i| i.src.starts_with("xref:") || myst.found && i.src.starts_with('#'))
                .map(|i| i.span.start..i.span.end),
        );
        if !listings.is_empty() {
            let reach = Reach::new(listings.iter().map(|r| Span::new(r.start, r.end)));
            let outside = |s: Span| {
                reach
                    .furthest_end_before(s.end)
                    .is_none_or(|end| end <= s.start)
            };
            walk.blocks.retain(|b| outside(b.span));
            walk.links.retain(|l| outside(l.span));
            // Blocks name their picture by its index: renumber.
            let mut index = Vec::with_capacity(walk.images.len());
            let mut kept = Vec::new();
            for image in walk.images.drain(..) {
                let keep = outside(image.span);
                index.push(keep.then_some(kept.len()));
                if keep {
                    kept.push(image);
                }
            }
            walk.images = kept;
            for block in &mut walk.blocks {
                block.only_image = block.only_image.and_then(|i| index[i]);
            }
            walk.code.extend(listings.iter().cloned());
        }
        let mut masked = vec![b' '; source.len()];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                masked[i] = b'\n';
            }
        }
        for r in &walk.html {
            masked[r.clone()].copy_from_slice(&source.as_bytes()[r.clone()]);
        }
        for r in &listings {
            for (i, b) in source.as_bytes()[r.clone()].iter().enumerate() {
                masked[r.start + i] = if *b == b'\n' { b'\n' } else { b' ' };
            }
        }
        // Only whole characters were copied, the rest is ASCII.
        let masked = String::from_utf8(masked).unwrap_or_default();
        let shortcodes = shortcodes::find(&source, body, &walk.code);
        let chunk_images = chunks::find(&source, &walk.code);
        // A paragraph that is a shortcode is not prose: one that overlaps
        // a shortcode.
        let reach = Reach::new(shortcodes.iter().map(|s| s.span));
        walk.blocks.retain(|b| {
            reach
                .furthest_end_before(b.span.end)
                .is_none_or(|end| end <= b.span.start)
        });
        // What an admonition, a margin or a sidebar holds is an aside.
        if !myst.asides.is_empty() {
            let asides = Reach::new(
                myst.asides
                    .iter()
                    .map(|r| Span::new(body + r.start, body + r.end)),
            );
            for block in &mut walk.blocks {
                block.nested |= asides
                    .furthest_end_before(block.span.start + 1)
                    .is_some_and(|end| end >= block.span.end);
            }
        }
        let shift = |s: Span| Span::new(body + s.start, body + s.end);
        let directives = myst
            .directives
            .into_iter()
            .map(|mut d| {
                d.span = shift(d.span);
                d.fence = shift(d.fence);
                d.body = shift(d.body);
                if let Some((_, span)) = &mut d.argument {
                    *span = shift(*span);
                }
                for (_, _, span) in &mut d.options {
                    *span = shift(*span);
                }
                d
            })
            .collect();
        MarkdownDocument {
            html: Document::parse(masked),
            front_matter,
            blocks: walk.blocks,
            images: walk.images,
            links: walk.links,
            shortcodes,
            line_mode,
            figure_divs: divs
                .figures
                .iter()
                .map(|r| Span::new(body + r.start, body + r.end))
                .collect(),
            chunk_images,
            myst: myst.found,
            directives,
            source,
        }
    }
}

/// The text CommonMark reads: the source with each space inside a
/// one-line Liquid tag (`{{ site.baseurl }}`, `{% link a.jpg %}`) made a
/// `-`, and the attribute lists that are markup and the `markup` lines
/// (fences of fenced divs, MyST's directive fences and options) blanked
/// (see [`attributes::lists`], [`divs`] and [`myst`]). Jekyll renders Liquid before the Markdown, so
/// `![Boats]({{ site.baseurl }}/boats.jpg)` is a picture; CommonMark ends a
/// link's destination at a space and would read text. A picture with
/// `{: width="800"}` after it still stands alone, and a caption line with
/// `{: .caption}` under it is still the line after the picture. The copy
/// has the same length, so every offset into it is one into the file.
fn reading_copy<'a>(
    source: &'a str,
    body: usize,
    markup: &[Range<usize>],
) -> std::borrow::Cow<'a, str> {
    static LIQUID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{\{[^{}\n]{0,200}\}\}|\{%[^{}\n]{0,200}%\}").expect("Liquid tag regex")
    });
    let text = &source[body..];
    let mut tags = LIQUID.find_iter(text).peekable();
    let mut lists = attributes::lists(text).peekable();
    if tags.peek().is_none() && lists.peek().is_none() && markup.is_empty() {
        return source.into();
    }
    let mut bytes = source.as_bytes().to_vec();
    for tag in tags {
        for b in &mut bytes[body + tag.start()..body + tag.end()] {
            if *b == b' ' || *b == b'\t' {
                *b = b'-';
            }
        }
    }
    for list in lists {
        for b in &mut bytes[body + list.start..body + list.end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // A markup line reads as a blank line.
    for line in markup {
        bytes[body + line.start..body + line.end].fill(b' ');
    }
    // Spaces and tabs were replaced by a byte, and each attribute list
    // whole, from `{` to `}`, and each markup line: whole characters, by
    // ASCII bytes.
    String::from_utf8(bytes).map_or(source.into(), Into::into)
}

/// A link's destination whose renderer writes the link's text: an object
/// for Quarto's interlinks filter to resolve (`` `name` ``, or
/// `` :role:`name` ``), or a MyST cross-reference to another project
/// (`xref:guide/figures`) or to a page of this one (`project:figures.md`).
fn generates_text(href: &str) -> bool {
    static INTERLINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?::[\w-]+:)?`[^`\s]+`$").expect("interlink regex"));
    INTERLINK.is_match(href) || href.starts_with("xref:") || href.starts_with("project:")
}

/// MDX's comments, `{/* … */}` (MDX has no `<!-- -->`), from `body`: a
/// writer comments markup out with them (`{/* <img src="old.jpg"> */}`).
/// Plain Markdown has no use for the form, and Docusaurus reads `.md`
/// files as MDX too, so it is read as a comment in every Markdown file.
fn mdx_comments(source: &str, body: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)\{/\*.*?\*/\}").expect("MDX comment regex"));
    COMMENT
        .find_iter(&source[body..])
        .map(move |m| body + m.start()..body + m.end())
}

/// Whether the body is written one line per paragraph: at least three
/// lines, no blank line between them, and at least two of them ending a
/// sentence (so a hard-wrapped paragraph of one sentence is not).
pub fn one_line_per_paragraph(body: &str) -> bool {
    let lines: Vec<&str> = body.trim().lines().collect();
    lines.len() >= 3
        && lines.iter().all(|l| !l.trim().is_empty())
        && lines
            .iter()
            .filter(|l| l.trim_end().ends_with(['.', '!', '?', '"', '”', '’']))
            .count()
            >= 2
}

#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    images: Vec<MdImage>,
    links: Vec<MdLink>,
    /// Raw HTML ranges.
    html: Vec<Range<usize>>,
    /// Code spans and blocks, where shortcodes are not read.
    code: Vec<Range<usize>>,
    /// Where each `[` of the source closes (see [`closing_brackets`]),
    /// found once the first image asks.
    closing: Option<HashMap<usize, usize>>,
    /// How many HTML blocks with Markdown inside (see
    /// [`markdown_inside`]) are being read around the current one.
    depth: usize,
}

/// The deepest HTML blocks with Markdown inside that are read as such.
const MAX_MARKDOWN_INSIDE: usize = 8;

/// A block being read.
struct Open {
    block: Block,
    /// Depth of emphasis and strong around the current text.
    italic: usize,
    bold: usize,
    /// Text seen outside emphasis / strong.
    plain_outside_italic: bool,
    plain_outside_bold: bool,
    images: Vec<usize>,
    text_outside_images: bool,
    /// Where the text after the first line break starts, when the lines
    /// before it hold one image and nothing else.
    after_image_line: Option<usize>,
}

impl Walk {
    fn parse(&mut self, source: &str, range: Range<usize>) {
        let base = range.start;
        let text = &source[range];
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            // `## Flood warnings {#warnings}` (kramdown, Goldmark).
            | Options::ENABLE_HEADING_ATTRIBUTES;
        let mut open: Option<Open> = None;
        let mut containers = 0usize;
        // Images and links being read: (start index in images/links).
        let mut in_image: Vec<(Range<usize>, String, String, String)> = Vec::new();
        let mut in_link: Vec<(Range<usize>, String, String, String)> = Vec::new();
        // Links written inside an image's brackets: the alt text is plain
        // text, so a renderer makes no link of them.
        let mut links_in_alt = 0usize;
        // The inline HTML elements open in the current block (`<a href>`
        // before its `</a>`): the Markdown text between their tags is
        // their content in the HTML document.
        let mut inline_open: Vec<String> = Vec::new();
        // The end of an HTML block whose Markdown was read on its own.
        let mut read_inside = 0;
        for (event, r) in Parser::new_ext(text, options).into_offset_iter() {
            let r = r.start + base..r.end + base;
            match event {
                Event::Start(Tag::HtmlBlock) if self.depth < MAX_MARKDOWN_INSIDE => {
                    if let Some(block) = markdown_inside(source, r.clone()) {
                        self.html.push(block.open);
                        self.html.extend(block.close);
                        read_inside = r.end;
                        self.depth += 1;
                        self.parse(source, block.inner);
                        self.depth -= 1;
                    }
                }
                Event::Html(_) if r.end <= read_inside => {}
                Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => {
                    inline_open.clear();
                    let kind = match event {
                        Event::Start(Tag::Heading { level, .. }) => {
                            BlockKind::Heading(heading_level(level))
                        }
                        _ => BlockKind::Paragraph,
                    };
                    open = Some(Open {
                        block: Block {
                            span: Span::new(r.start, r.end),
                            kind,
                            text: String::new(),
                            italic: false,
                            bold: false,
                            only_image: None,
                            caption_line: None,
                            nested: containers > 0,
                            rule_after: false,
                            code_after: false,
                        },
                        italic: 0,
                        bold: 0,
                        plain_outside_italic: false,
                        plain_outside_bold: false,
                        images: Vec::new(),
                        text_outside_images: false,
                        after_image_line: None,
                    });
                }
                Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => {
                    inline_open.clear();
                    if let Some(mut o) = open.take() {
                        o.block.italic = !o.plain_outside_italic && !o.block.text.trim().is_empty();
                        o.block.bold = !o.plain_outside_bold && !o.block.text.trim().is_empty();
                        if o.images.len() == 1 && !o.text_outside_images {
                            o.block.only_image = o.images.first().copied();
                        } else if let Some(at) = o.after_image_line.filter(|_| o.images.len() == 1)
                            && (o.block.italic
                                || o.block
                                    .text
                                    .trim_start()
                                    .to_lowercase()
                                    .starts_with("caption:"))
                        {
                            o.block.only_image = o.images.first().copied();
                            let line = source[at..o.block.span.end].trim_end();
                            o.block.caption_line = Some(Span::new(at, at + line.len()));
                        }
                        self.blocks.push(o.block);
                    }
                }
                Event::Rule => {
                    if let Some(last) = self.blocks.last_mut() {
                        last.rule_after = true;
                    }
                }
                Event::Start(
                    Tag::List(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_),
                ) => containers += 1,
                Event::End(
                    TagEnd::List(_)
                    | TagEnd::BlockQuote(_)
                    | TagEnd::Table
                    | TagEnd::FootnoteDefinition,
                ) => containers = containers.saturating_sub(1),
                Event::Start(Tag::Emphasis) => {
                    if let Some(o) = &mut open {
                        o.italic += 1;
                    }
                }
                Event::End(TagEnd::Emphasis) => {
                    if let Some(o) = &mut open {
                        o.italic = o.italic.saturating_sub(1);
                    }
                }
                Event::Start(Tag::Strong) => {
                    if let Some(o) = &mut open {
                        o.bold += 1;
                    }
                }
                Event::End(TagEnd::Strong) => {
                    if let Some(o) = &mut open {
                        o.bold = o.bold.saturating_sub(1);
                    }
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => in_image.push((r, dest_url.to_string(), title.to_string(), String::new())),
                Event::End(TagEnd::Image) => {
                    if let Some((r, src, title, alt)) = in_image.pop() {
                        let index = self.images.len();
                        let closing = self.closing.get_or_insert_with(|| closing_brackets(source));
                        let mut md_image = image(source, r, closing, src, title, alt.clone());
                        md_image.link = in_link.last().map(|(_, _, _, href)| href.clone());
                        self.images.push(md_image);
                        if let Some((_, text, _, _)) = in_link.last_mut() {
                            text.push_str(&alt);
                        }
                        if let Some(o) = &mut open {
                            o.images.push(index);
                        }
                    }
                }
                Event::Start(Tag::Link { .. }) if !in_image.is_empty() => links_in_alt += 1,
                Event::End(TagEnd::Link) if links_in_alt > 0 => links_in_alt -= 1,
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => in_link.push((r, String::new(), title.to_string(), dest_url.to_string())),
                Event::End(TagEnd::Link) => {
                    if let Some((r, text, title, href)) = in_link.pop() {
                        self.links.push(MdLink {
                            span: Span::new(r.start, r.end),
                            text,
                            title,
                            generated_text: generates_text(&href),
                        });
                    }
                }
                Event::Text(ref t) | Event::Code(ref t) => {
                    if matches!(event, Event::Code(_)) {
                        self.code.push(r.clone());
                    }
                    if !inline_open.is_empty() {
                        self.html.push(r.clone());
                    }
                    if let Some((_, _, _, alt)) = in_image.last_mut() {
                        alt.push_str(t);
                        continue;
                    }
                    if let Some((_, text, _, _)) = in_link.last_mut() {
                        text.push_str(t);
                    }
                    if let Some(o) = &mut open {
                        o.block.text.push_str(t);
                        if !t.trim().is_empty() {
                            o.text_outside_images = true;
                            // `<em>…</em>` and `<i>` are emphasis too, and
                            // `<strong>`, `<b>` strong.
                            let inside = |names: &[&str]| {
                                inline_open.iter().any(|n| names.contains(&n.as_str()))
                            };
                            if o.italic == 0 && !inside(&["em", "i"]) {
                                o.plain_outside_italic = true;
                            }
                            if o.bold == 0 && !inside(&["strong", "b"]) {
                                o.plain_outside_bold = true;
                            }
                        }
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(o) = &mut open {
                        if o.images.len() == 1
                            && !o.text_outside_images
                            && in_image.is_empty()
                            && in_link.is_empty()
                            && o.after_image_line.is_none()
                        {
                            o.after_image_line = Some(r.end);
                        }
                        o.block.text.push(' ');
                    }
                }
                Event::Html(ref html) | Event::InlineHtml(ref html) => {
                    if matches!(event, Event::InlineHtml(_)) {
                        inline_tag(html, &mut inline_open);
                    }
                    self.html.push(r);
                    // A comment (an editor's note, a suppression) is not
                    // content: `![…](…) <!-- note -->` still stands alone.
                    let comment = html.trim_start().starts_with("<!--");
                    if let Some(o) = open.as_mut().filter(|_| !comment) {
                        o.text_outside_images = true;
                    }
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    // The paragraph just before it, with nothing between.
                    if let Some(last) = self.blocks.last_mut()
                        && source[last.span.end.min(r.start)..r.start]
                            .trim()
                            .is_empty()
                    {
                        last.code_after = true;
                    }
                    self.code.push(r);
                }
                _ => {}
            }
        }
    }
}

/// An HTML block that asks for the Markdown inside it to be read
/// (kramdown's and Python-Markdown's `markdown="1"`, MkDocs Material's
/// `<figure markdown="span">`): its start tag, the Markdown, and its end
/// tag when the block holds it.
struct MarkdownInside {
    open: Range<usize>,
    inner: Range<usize>,
    close: Option<Range<usize>>,
}

/// The block at `r` of `source`, when its start tag says `markdown`
/// (bare, `1`, `block` or `span`; `0` keeps it HTML).
fn markdown_inside(source: &str, r: Range<usize>) -> Option<MarkdownInside> {
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^[ \t]*<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?\smarkdown(?:\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1|block|span))?(?:\s[^<>]*)?>"#,
        )
        .expect("markdown attribute regex")
    });
    let block = source.get(r.clone())?;
    let start = START.captures(block)?;
    let open = r.start..r.start + start.get(0)?.end();
    let name = start.get(1)?.as_str().to_ascii_lowercase();
    let lower = block.to_ascii_lowercase();
    let close = lower
        .rfind(&format!("</{name}"))
        .filter(|&at| at >= open.end - r.start)
        .map(|at| r.start + at..r.end);
    let inner = open.end..close.as_ref().map_or(r.end, |c| c.start);
    Some(MarkdownInside { open, inner, close })
}

/// Elements that have no content, so no closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Follow one inline HTML tag (`<a href="/">`, `</a>`, `<br>`) on the
/// stack of elements open in a paragraph.
fn inline_tag(html: &str, open: &mut Vec<String>) {
    let tag = html.trim();
    let Some(rest) = tag.strip_prefix('<') else {
        return;
    };
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return;
    }
    if closing {
        if let Some(at) = open.iter().rposition(|n| *n == name) {
            open.truncate(at);
        }
    } else if !tag.ends_with("/>") && !VOID.contains(&name.as_str()) {
        open.push(name);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Where each `[` of `source` is closed: brackets nest, backslashes
/// escape, a `]` with none open is passed over. Found in one pass, so that
/// images nested in each other's alt text do not each read to their end.
fn closing_brackets(source: &str) -> HashMap<usize, usize> {
    let bytes = source.as_bytes();
    let mut closing = HashMap::new();
    let mut open = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => open.push(i),
            b']' => {
                if let Some(start) = open.pop() {
                    closing.insert(start, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    closing
}

/// An image's parts located in its source `![alt](src "title")`; a
/// reference-style image points at its whole text for the URL. `closing`
/// says where the source's brackets close.
fn image(
    source: &str,
    r: Range<usize>,
    closing: &HashMap<usize, usize>,
    src: String,
    title: String,
    alt: String,
) -> MdImage {
    let text = &source[r.clone()];
    // The `]` that closes the alt.
    let close = text
        .starts_with("![")
        .then(|| closing.get(&(r.start + 1)))
        .flatten()
        .filter(|&&end| end < r.end)
        .map(|end| end - r.start);
    let whole = Span::new(r.start, r.end);
    let Some(close) = close else {
        return MdImage {
            span: whole,
            alt,
            alt_span: whole,
            src,
            src_span: whole,
            title,
            title_span: None,
            link: None,
            attributes: Vec::new(),
        };
    };
    let alt_span = Span::new(r.start + 2.min(close), r.start + close);
    let (src_span, title_span) = match text[close + 1..].strip_prefix('(') {
        Some(rest) => {
            let open = close + 2;
            let lead = rest.len() - rest.trim_start().len();
            let at = open + lead;
            let dest = &text[at..];
            let (start, len) = match dest.strip_prefix('<') {
                Some(inner) => (at + 1, inner.find('>').unwrap_or(0)),
                None => (
                    at,
                    dest.find(|c: char| c.is_whitespace() || c == ')')
                        .unwrap_or(dest.len()),
                ),
            };
            let src_span = Span::new(r.start + start, r.start + start + len);
            let title_span = (!title.is_empty())
                .then(|| text[start + len..].find(title.as_str()))
                .flatten()
                .map(|t| {
                    let s = r.start + start + len + t;
                    Span::new(s, s + title.len())
                });
            (src_span, title_span)
        }
        None => (whole, None),
    };
    MdImage {
        span: whole,
        alt,
        alt_span,
        src,
        src_span,
        title,
        title_span,
        link: None,
        attributes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_links_and_blocks_with_spans() {
        let src = "# Storm\n\nText with [a link](/x).\n\n![A boat \\[sunk\\]](/img/a.jpg \"The harbour\")\n\n*Caption [AP]*\n";
        let md = MarkdownDocument::parse(src.to_string());
        assert!(!md.line_mode);
        let img = &md.images[0];
        assert_eq!(
            &src[img.alt_span.start..img.alt_span.end],
            "A boat \\[sunk\\]"
        );
        assert_eq!(img.alt, "A boat [sunk]");
        assert_eq!(&src[img.src_span.start..img.src_span.end], "/img/a.jpg");
        let title = img.title_span.unwrap();
        assert_eq!(&src[title.start..title.end], "The harbour");
        assert_eq!(md.blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(md.blocks[2].only_image, Some(0));
        assert!(md.blocks[3].italic);
        assert_eq!(md.links[0].text, "a link");
    }

    #[test]
    fn one_line_per_paragraph_files_are_read_line_by_line() {
        let src = "Headline here\nFirst paragraph ends.\n![Alt [AFP]](/a.webp)\nSubhead\nSecond paragraph ends.\n";
        let md = MarkdownDocument::parse(src.to_string());
        assert!(md.line_mode);
        assert_eq!(md.blocks.len(), 5);
        assert_eq!(md.blocks[2].only_image, Some(0));
        assert_eq!(md.blocks[3].text, "Subhead");
    }

    #[test]
    fn a_comment_after_an_image_leaves_it_alone_in_its_paragraph() {
        let src =
            "Intro paragraph.\n\n![](/a.jpg) <!-- note: ask the desk -->\n\n![](/b.jpg) <b>x</b>\n";
        let md = MarkdownDocument::parse(src.to_string());
        assert_eq!(md.blocks[1].only_image, Some(0));
        assert_eq!(md.blocks[2].only_image, None);
    }

    #[test]
    fn raw_html_keeps_its_offsets() {
        let src = "Intro paragraph.\n\n<figure><img src=\"/a.jpg\"><figcaption>Boats [AP]</figcaption></figure>\n";
        let md = MarkdownDocument::parse(src.to_string());
        let img = md.html.elements_named("img").next().unwrap();
        let span = md.html.tag_span(img);
        assert_eq!(&src[span.start..span.end], "<img src=\"/a.jpg\">");
    }
}
