//! The article model of a Markdown file: the model of its raw HTML (built
//! as for any page), with the Markdown images, shortcodes, front matter,
//! headings and links added, each with its span in the `.md` file, and the
//! figures found the ways writers caption pictures in Markdown.

use super::attr::Attr;
use super::build;
use super::figures::{Caption, Figure, FigureKind, Placement, Provided};
use super::images::{Image, Reference, Slot, Syntax};
use super::named::{Block, Heading, Link};
use super::{Article, DocumentFacts, Options};
use crate::diagnostic::{Reach, Span};
use crate::markdown::{BlockKind, Dialect, Field, MarkdownDocument};
use std::path::{Component, Path};
use std::sync::Arc;

use crate::text;

pub fn build<'d>(md: &'d MarkdownDocument, options: &Options, path: &Path) -> Article<'d> {
    let mut article = build::build(&md.html, options);
    let agencies: std::sync::Arc<[String]> = options.agencies.clone().into();
    let source = md.source.as_str();
    article.source = source;
    let front = md.front_matter.as_ref();
    let field = |key: &str| front.and_then(|f| f.get(key));
    let attr = |f: &'d Field| Attr::written(source, &f.value, f.span);
    let opening_headline = md
        .blocks
        .first()
        .filter(|b| b.kind == BlockKind::Heading(1) && !b.nested);
    let named_title = front
        .filter(|_| field("title").is_none() && opening_headline.is_none())
        .and_then(|_| collection_title(path));
    article.document = DocumentFacts {
        // A front matter that cannot be read says nothing either way. A
        // Hugo headless bundle is never a page: other pages include it.
        full_document: front.is_some_and(|f| f.readable)
            && field("headless").is_none_or(|h| h.value.trim() != "true"),
        markdown: true,
        front_matter: front.map(|f| f.span),
        html_tag: None,
        base: None,
        lang: field("lang").or(field("language")).map(attr),
        lang_bound: false,
        // Without a `title`, a `# Headline` opening the body is the page's
        // title: Docusaurus, MkDocs, VitePress and GitHub Pages' Jekyll
        // take it from there. Failing that, Jekyll titles a document of a
        // collection after its file name.
        title: field("title")
            .map(|t| (t.span, !t.value.trim().is_empty()))
            .or(opening_headline.map(|b| (b.span, !b.text.trim().is_empty())))
            .or(named_title.as_ref().and(front).map(|f| (f.span, true))),
        head_tag: None,
        body_tag: None,
        headline_line: false,
        reviews_or_guides: false,
    };
    // The front matter's title is the page's headline; so is the title
    // Jekyll makes of the file's name, which its layouts show as
    // `page.title`. Pandoc's templates (Quarto, R Markdown) leave out the
    // title block of an empty `title: ""`.
    let pandoc = pandoc_document(path) || options.dialect == Some(Dialect::Pandoc);
    let myst = md.myst || options.dialect == Some(Dialect::Myst);
    let headline = field("title")
        .map(|t| (t.span, t.value.as_str()))
        .filter(|(_, text)| !(pandoc && text.trim().is_empty()))
        .or(named_title
            .as_deref()
            .zip(front)
            .map(|(name, f)| (f.span, name)));
    if let Some((tag, text)) = headline {
        article.headings.push(Heading {
            tag,
            level: 1,
            empty: text.trim().is_empty(),
            slot: false,
            widths: crate::a11y::ALL_WIDTHS,
            text: crate::a11y::normalize(text),
            layout_copy: false,
            title_match: super::headline::TitleMatch::Exact(text.chars().count()),
        });
    }
    // Whether a link covers a block is one search, not a walk over every
    // link for every block.
    let links = Reach::new(md.links.iter().map(|l| l.span));
    for block in &md.blocks {
        article.blocks.push(Block {
            span: block.span,
            heading: block.kind != BlockKind::Paragraph,
            text: crate::a11y::normalize(&block.text),
            emphasised: block.italic || block.bold,
            // The paragraph is one link (give or take a bullet or a colon).
            linked: links
                .furthest_end_before(block.span.start + 4)
                .is_some_and(|end| end + 3 >= block.span.end),
            nested: block.nested,
            media: false,
            rule_after: block.rule_after,
            code_after: block.code_after,
            article: None,
        });
        if let BlockKind::Heading(level) = block.kind {
            article.headings.push(Heading {
                tag: block.span,
                level,
                empty: block.text.trim().is_empty(),
                slot: false,
                widths: crate::a11y::ALL_WIDTHS,
                text: crate::a11y::normalize(&block.text),
                layout_copy: false,
                title_match: super::headline::TitleMatch::None,
            });
        }
    }
    for link in &md.links {
        article.links.push(Link {
            tag: link.span,
            // MyST writes the text of a link left empty: its target's
            // title, or its address.
            unnamed: link.text.trim().is_empty()
                && link.title.trim().is_empty()
                && !link.generated_text
                && !myst,
            copy: false,
            nested: false,
            vendor: false,
        });
    }

    let mut figures = Vec::new();
    // Markdown images; one standing alone in its paragraph (or on its
    // first line, a caption on the lines after) is a figure, captioned by
    // the `<figcaption>` of a raw-HTML `<figure>` around it, else by those
    // lines, else by the paragraph after it when that is wholly emphasised or
    // starts "Caption:", else by its title, else by its alt text when the
    // alt holds a credit (the caption written into the alt).
    // The block each picture stands alone in.
    let alone: std::collections::HashMap<usize, usize> = md
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(b, block)| Some((block.only_image?, b)))
        .collect();
    // A picture standing alone in a raw-HTML `<figure>` is captioned by
    // its `<figcaption>`.
    let wrappers = super::figures::wrapped::wrappers(&md.html);
    for (i, image) in md.images.iter().enumerate() {
        let block = alone.get(&i).copied();
        let wrapper = block.and(super::figures::wrapped::around(&wrappers, image.span.start));
        let src = Attr::written(source, &image.src, image.src_span);
        let bracketed = (!image.alt.trim().is_empty())
            .then(|| Attr::written(source, &image.alt, image.alt_span));
        // Quarto's `{fig-alt="…"}` (Pandoc's `{alt="…"}` on a figure): the
        // alt text, apart from the caption.
        let given = |wanted: &str| {
            image
                .attributes
                .iter()
                .find(|(name, value, _)| name == wanted && !value.trim().is_empty())
                .map(|(_, value, span)| Attr::written(source, value, *span))
        };
        let fig_alt = given("fig-alt");
        // A Quarto figure div's last paragraph captions the picture in it.
        let div_caption = block.and_then(|b| {
            let caption = div_caption(md, image.span, md.blocks[b].span)?;
            let written = source.get(caption.span.start..caption.span.end)?.trim_end();
            let span = Span::new(caption.span.start, caption.span.start + written.len());
            Some(read_caption(span, caption.text.trim(), &agencies, false))
        });
        // Pandoc's implicit figure: the words between the brackets of a
        // picture alone in its paragraph are its caption, and its alt text
        // too unless `fig-alt` gives one.
        let implicit = div_caption.is_none()
            && block.is_some_and(|b| md.blocks[b].caption_line.is_none())
            && (pandoc || fig_alt.is_some());
        let syntax = if implicit || div_caption.is_some() {
            Syntax::Pandoc
        } else {
            Syntax::Markdown
        };
        let own_alt = fig_alt.or_else(|| given("alt").filter(|_| syntax == Syntax::Pandoc));
        let bracket_caption = bracketed
            .as_ref()
            .filter(|_| implicit)
            .map(|b| read_caption(b.span, b.value, &agencies, own_alt.is_none()));
        // `fig-alt` is the alt text wherever Quarto finds it.
        let alt = own_alt.or(bracketed);
        let wrapped = wrapper.map(|w| w.caption(&md.html, &agencies));
        // Or on the lines after the picture's, in its paragraph.
        let caption_line = block.and_then(|b| {
            let b = &md.blocks[b];
            b.caption_line
                .map(|line| read_caption(line, &b.text, &agencies, false))
        });
        let caption = wrapped
            .or(div_caption)
            .or(bracket_caption)
            .or(caption_line)
            .or_else(|| {
                // Not a paragraph holding the next picture and its caption.
                let next = md
                    .blocks
                    .get(block? + 1)
                    .filter(|n| n.kind == BlockKind::Paragraph && n.only_image.is_none())?;
                let text = next.text.trim();
                (next.italic || text.to_lowercase().starts_with("caption:"))
                    .then(|| read_caption(next.span, text, &agencies, false))
            })
            .or_else(|| {
                let span = image.title_span?;
                (block.is_some() && !image.title.trim().is_empty())
                    .then(|| read_caption(span, &image.title, &agencies, false))
            })
            .or_else(|| {
                let alt = alt.as_ref()?;
                (block.is_some() && text::strong_credit(alt.value).is_some())
                    .then(|| read_caption(alt.span, alt.value, &agencies, true))
            });
        let caption_in_alt = caption.as_ref().is_some_and(|c| c.in_alt);
        // MyST makes figures with its `{figure}` directive: there, a
        // picture alone in its paragraph is a figure only when captioned.
        let in_figure = block.is_some() && (!myst || caption.is_some());
        let index = push_image(
            &mut article,
            syntax,
            image.span,
            alt,
            Some(src),
            in_figure,
            caption_in_alt,
            !image.title.trim().is_empty(),
        );
        article.images[index].link = image.link.as_deref();
        // `{: width="800" height="533"}` after it: the size it is drawn at.
        let size = |name: &str| {
            crate::markdown::value_named(&image.attributes, name)
                .map(|(value, span)| Attr::written(source, value, span))
        };
        article.images[index].width = size("width");
        article.images[index].height = size("height");
        if in_figure {
            let photo = wrapper
                .zip(caption.as_ref())
                .is_none_or(|(w, c)| w.photo(c, &image.src, options.photo.as_deref()));
            let mut card = figure(image.span, index, caption, Provided::default());
            card.photo = photo;
            // `[![alt](src)](/other-story)`: a card for the page it opens
            // (a video's thumbnail, a project's screenshot), as a picture
            // linked away in HTML is; a link to the picture's file is not.
            card.links_away = image
                .link
                .as_deref()
                .is_some_and(super::figures::href_leads_away);
            figures.push(card);
        }
    }
    // Pictures that R chunks show: a figure each, captioned by the
    // chunk's `fig.cap`; knitr writes that caption into the alt text when
    // `fig.alt` gives none.
    for chunk in &md.chunk_images {
        let attr = |(value, span): &'d (String, Span)| Attr::written(source, value, *span);
        let caption_in_alt = chunk.alt.is_none() && chunk.caption.is_some();
        let index = push_image(
            &mut article,
            Syntax::Chunk,
            chunk.src.1,
            chunk.alt.as_ref().or(chunk.caption.as_ref()).map(attr),
            Some(attr(&chunk.src)),
            true,
            caption_in_alt,
            false,
        );
        let caption = chunk
            .caption
            .as_ref()
            .map(|(text, span)| read_caption(*span, text, &agencies, caption_in_alt));
        figures.push(figure(chunk.src.1, index, caption, Provided::default()));
    }
    // MyST `{figure}` and `{image}` directives: the argument is the
    // picture, `:alt:` its alt text, and a figure's caption is the first
    // paragraph of its body.
    let mut figure_bodies = Vec::new();
    for directive in &md.directives {
        let attr = |(value, span): (&'d str, Span)| Attr::written(source, value, span);
        let src = directive
            .argument
            .as_ref()
            .map(|(value, span)| attr((value.as_str(), *span)));
        let index = push_image(
            &mut article,
            Syntax::Directive,
            directive.fence,
            directive.option("alt").map(attr).filter(|a| !a.is_blank()),
            src,
            directive.figure,
            false,
            false,
        );
        // `:width: 800px` or `:width: 800`: drawn that many pixels wide,
        // which the file is checked against. A percentage or another
        // unit (`80%`, `20em`) is drawn relative to the page.
        let pixels = |name: &str| {
            directive
                .option(name)
                .filter(|(value, _)| in_pixels(value))
                .map(attr)
        };
        article.images[index].width = pixels("width");
        article.images[index].height = pixels("height");
        if !directive.figure {
            continue;
        }
        let body = directive.body;
        figure_bodies.push(body);
        let first = md.blocks.partition_point(|b| b.span.start < body.start);
        let caption = md.blocks[first..]
            .iter()
            .take_while(|b| b.span.end <= body.end)
            .find(|b| b.kind == BlockKind::Paragraph && !b.text.trim().is_empty())
            .map(|b| {
                let written = source[b.span.start..b.span.end].trim_end();
                let span = Span::new(b.span.start, b.span.start + written.len());
                read_caption(span, b.text.trim(), &agencies, false)
            });
        figures.push(figure(directive.span, index, caption, Provided::default()));
    }
    // A figure's body is its caption and legend, not the story's
    // paragraphs.
    if !figure_bodies.is_empty() {
        let bodies = Reach::new(figure_bodies);
        for block in &mut article.blocks {
            block.media |= bodies
                .furthest_end_before(block.span.start + 1)
                .is_some_and(|end| end >= block.span.end);
        }
    }
    // Hugo figure shortcodes: src, alt, caption, attr (the credit); a
    // theme's image shortcode is a figure when it has a caption or a credit.
    for code in &md.shortcodes {
        let get = |name: &str| {
            code.get(name)
                .map(|(value, span)| Attr::written(source, value, span))
        };
        let Some(src) = get("src") else { continue };
        let captioned = ["caption", "attr"]
            .iter()
            .any(|name| get(name).is_some_and(|v| !v.is_blank()));
        let in_figure = !code.image || captioned;
        let index = push_image(
            &mut article,
            if code.include {
                Syntax::Include
            } else {
                Syntax::Shortcode
            },
            code.span,
            get("alt").filter(|a| !a.is_blank()),
            Some(src),
            in_figure,
            false,
            get("title").is_some_and(|t| !t.is_blank()),
        );
        article.images[index].width = get("width");
        article.images[index].height = get("height");
        if !in_figure {
            continue;
        }
        let caption = get("caption")
            .filter(|c| !c.is_blank())
            .map(|c| read_caption(c.span, c.value, &agencies, false));
        let provided = Provided {
            credit: get("attr").is_some_and(|a| !a.is_blank()),
            ..Provided::default()
        };
        figures.push(figure(code.span, index, caption, provided));
    }
    // The front matter's picture: a figure when the front matter captions
    // or credits it, else the page's preview image.
    if let Some(image) = field("image").filter(|f| !f.value.trim().is_empty()) {
        let caption_field = field("caption").filter(|c| !c.value.trim().is_empty());
        let credit = field("credit").is_some_and(|c| !c.value.trim().is_empty());
        if caption_field.is_some() || credit {
            let index = push_image(
                &mut article,
                Syntax::FrontMatter,
                image.span,
                field("image_alt").map(attr).filter(|a| !a.is_blank()),
                Some(attr(image)),
                true,
                false,
                false,
            );
            let caption = caption_field.map(|c| read_caption(c.span, &c.value, &agencies, false));
            let provided = Provided {
                credit,
                ..Provided::default()
            };
            figures.push(figure(image.span, index, caption, provided));
        } else {
            article.references.push(Reference {
                image: None,
                slot: Slot::OgImage,
                url: attr(image).url(),
                span: image.span,
                shown: true,
            });
        }
    }
    for figure in &mut figures {
        let image = &article.images[figure.images[0]];
        let alt = image.alt.as_ref().map(|a| a.value);
        let caption = figure.caption.as_ref().map(|c| c.text.as_str());
        // The picture's address says what it is, as in HTML: a PNG
        // screenshot, a GIF animation, a file named for a chart.
        let src = image.src.map(|s| s.url());
        figure.photo = !figure.links_away
            && super::photo::words_say_photo(alt, caption)
            && src.is_none_or(|src| super::photo::address_says_photo(src, caption));
    }
    article.figures.extend(figures);
    in_source_order(&mut article);
    article
}

/// Pandoc Markdown: a Quarto document (`.qmd`) or an R Markdown one
/// (`.Rmd`), where a captioned picture alone in its paragraph is a figure.
fn pandoc_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("qmd") || e.eq_ignore_ascii_case("rmd"))
}

/// How many figure divs, from the last that opens before a picture, are
/// looked at for the one it is in (they nest, a layout's columns in a
/// figure).
const DIV_DEPTH: usize = 8;

/// The caption of the Quarto figure div a picture (standing alone in the
/// block `alone`) is in: the div's last paragraph, when it comes after the
/// picture's and holds no picture.
fn div_caption(
    md: &MarkdownDocument,
    picture: Span,
    alone: Span,
) -> Option<&crate::markdown::Block> {
    let opened = md.figure_divs.partition_point(|d| d.start <= picture.start);
    let div = md.figure_divs[..opened]
        .iter()
        .rev()
        .take(DIV_DEPTH)
        .find(|d| picture.end <= d.end)?;
    let before_end = md.blocks.partition_point(|b| b.span.start < div.end);
    let last = md.blocks[..before_end]
        .iter()
        .rev()
        .find(|b| b.kind == BlockKind::Paragraph)?;
    (last.span.start >= alone.end && last.only_image.is_none() && !last.text.trim().is_empty())
        .then_some(last)
}

fn read_caption(span: Span, text: &str, agencies: &Arc<[String]>, in_alt: bool) -> Caption {
    Caption::new(
        span,
        Placement::Figcaption,
        Some(span),
        crate::a11y::normalize(text),
        agencies,
        in_alt,
    )
}

fn figure(tag: Span, image: usize, caption: Option<Caption>, provided: Provided) -> Figure {
    Figure {
        tag,
        images: vec![image],
        kind: FigureKind::Figure,
        photo: true,
        supplied: false,
        copy: false,
        caption,
        links_away: false,
        provided,
    }
}

/// Add an image and its `src` reference; its index.
#[allow(clippy::too_many_arguments)]
fn push_image<'d>(
    article: &mut Article<'d>,
    syntax: Syntax,
    tag: Span,
    alt: Option<Attr<'d>>,
    src: Option<Attr<'d>>,
    in_figure: bool,
    caption_in_alt: bool,
    titled: bool,
) -> usize {
    let index = article.images.len();
    let first = article.references.len();
    let (drawing, of_text) = super::images::file_says(src.map(|s| s.url()));
    if let Some(src) = src.filter(|s| !s.url().is_empty()) {
        article.references.push(Reference {
            image: Some(index),
            slot: Slot::Src,
            url: src.url(),
            span: src.span,
            // `{{ page.cover }}`: a template's variable, no file to look for.
            shown: !super::images::is_template(src.url()),
        });
    }
    article.images.push(Image {
        syntax,
        tag,
        alt,
        src,
        srcset: None,
        width: None,
        height: None,
        references: first..article.references.len(),
        exposed: true,
        rendered: true,
        presentational: false,
        aria_named: false,
        titled,
        in_figure,
        caption_in_alt,
        has_srcset: false,
        lazy: None,
        object_fit: None,
        styled_size: false,
        sheet_sized: false,
        insert_at: None,
        vendor: false,
        mark: false,
        logo: false,
        link: None,
        unfilled: false,
        alt_overridden: false,
        in_button: false,
        boxed: false,
        component_sized: false,
        drawing,
        of_text,
    });
    index
}

/// Put images, references, figures, headings and links in source order,
/// as the rules expect (the Markdown items were added after the raw
/// HTML's).
fn in_source_order(article: &mut Article<'_>) {
    let mut order: Vec<usize> = (0..article.images.len()).collect();
    order.sort_by_key(|&i| article.images[i].tag.start);
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let old_images = std::mem::take(&mut article.images);
    let old_refs = std::mem::take(&mut article.references);
    let mut images: Vec<Option<Image<'_>>> = old_images.into_iter().map(Some).collect();
    for &old in &order {
        let mut image = images[old].take().expect("each image once");
        let first = article.references.len();
        for r in &old_refs[image.references.clone()] {
            article.references.push(Reference {
                image: Some(new_index[old]),
                ..r.clone()
            });
        }
        image.references = first..article.references.len();
        article.images.push(image);
    }
    article
        .references
        .extend(old_refs.into_iter().filter(|r| r.image.is_none()));
    for figure in &mut article.figures {
        figure.images.iter_mut().for_each(|i| *i = new_index[*i]);
    }
    article.figures.sort_by_key(|f| f.tag.start);
    article.headings.sort_by_key(|h| h.tag.start);
    article.blocks.sort_by_key(|b| b.span.start);
    article.links.sort_by_key(|l| l.tag.start);
}

/// The title Jekyll gives a document of a collection (a file under a
/// folder whose name starts with `_`: `_posts`, `_drafts`, `_tabs`) whose
/// front matter names none: its file name less the date, each word
/// capitalised (`_posts/2024-05-01-storm-hits-coast.md` is "Storm Hits
/// Coast").
fn collection_title(path: &Path) -> Option<String> {
    let in_collection = path.parent()?.components().any(|c| match c {
        Component::Normal(name) => name
            .to_str()
            .is_some_and(|n| n.len() > 1 && n.starts_with('_')),
        _ => false,
    });
    if !in_collection {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let bytes = stem.as_bytes();
    let dated = bytes.len() >= 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    let slug = if dated { &stem[11..] } else { stem }.trim_end_matches('.');
    let words: Vec<String> = slug
        .split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A MyST or docutils length in pixels: digits, maybe a decimal part,
/// with `px` or no unit (`800px`, `533`, `412.5`), read as
/// [`crate::article::Image::dimension`] reads a `width` attribute.
fn in_pixels(value: &str) -> bool {
    let value = value.trim();
    let number = value.strip_suffix("px").unwrap_or(value).trim_end();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod pixel_tests {
    use super::in_pixels;

    #[test]
    fn lengths_in_pixels() {
        for px in ["800px", "533", " 412.5 ", "0"] {
            assert!(in_pixels(px), "{px}");
        }
        for other in [
            "80%", "20em", "1e-300", "-5", "NaN", "px", "", "1.", ".5", "3 in",
        ] {
            assert!(!in_pixels(other), "{other}");
        }
    }
}

#[cfg(test)]
mod collection_tests {
    use super::collection_title;
    use std::path::Path;

    #[test]
    fn a_collection_document_is_titled_after_its_file_name() {
        let title = |p: &str| collection_title(Path::new(p));
        assert_eq!(
            title("site/_posts/2024-05-01-storm-hits-coast.md").as_deref(),
            Some("Storm Hits Coast")
        );
        assert_eq!(title("./_tabs/about.md").as_deref(), Some("About"));
        assert_eq!(
            title("_drafts/iOS-launch.markdown").as_deref(),
            Some("Ios Launch")
        );
        assert_eq!(title("site/_posts/2024-05-01-.md"), None);
        // Not a collection: a page, Hugo's section file, standard input.
        assert_eq!(title("content/news/storm.md"), None);
        assert_eq!(title("content/news/_index.md"), None);
        assert_eq!(title("<stdin>"), None);
    }
}
