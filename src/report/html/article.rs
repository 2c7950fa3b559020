//! One article's section: its title and path, a card per image (thumbnail,
//! alt text, caption with its credit, date and place, sizes, findings),
//! then its other findings by group, with the heading outline.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::page::{Alt, CaptionView, Card, FileView, Page};
use super::thumbs::Thumbnail;
use super::{attr, esc, snippet};
use crate::FileReport;
use crate::diagnostic::Diagnostic;
use crate::report::plural;

/// The groups of the findings that are not an image's, in the order shown,
/// with their headings.
const GROUPS: &[(&str, &str)] = &[
    ("heading", "Headings"),
    ("document", "Document"),
    ("names", "Links and names"),
    ("media", "Media"),
    ("alt", "Alt text"),
    ("caption", "Captions"),
    ("image", "Image files"),
    ("suppression", "Suppressions"),
];

pub(super) fn render(
    out: &mut String,
    file: &FileReport,
    anchor: &str,
    thumb_class: &mut dyn FnMut(&Thumbnail) -> String,
) {
    let empty = Page::default();
    let page = file.page.as_deref().unwrap_or(&empty);
    let lang = lang_attr(page);
    let heading = match &page.title {
        Some(title) => format!("<span{lang}>{}</span>", esc(title)),
        None => esc(&file.path),
    };
    let _ = writeln!(
        out,
        "<article class=\"file\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\" data-path=\"{}\">\n\
         <h3 id=\"{anchor}-h\">{heading}</h3>\n<div class=\"path\"><code>{}</code> · {} · {}</div>",
        attr(&file.path),
        esc(&file.path),
        plural(page.cards.len(), "image"),
        plural(file.diagnostics.len(), "finding"),
    );
    // Each finding goes to the first image whose markup it points into.
    let owner = owners(&page.cards, &file.diagnostics);
    if !page.cards.is_empty() {
        let _ = writeln!(
            out,
            "<h4 id=\"{anchor}-img\">Images</h4>\n<ol class=\"cards\" aria-labelledby=\"{anchor}-img\">"
        );
        let mut by_card: Vec<Vec<&Diagnostic>> = vec![Vec::new(); page.cards.len()];
        for (d, o) in file.diagnostics.iter().zip(&owner) {
            if let Some(i) = o {
                by_card[*i].push(d);
            }
        }
        for (i, (card, findings)) in page.cards.iter().zip(by_card).enumerate() {
            render_card(
                out,
                file,
                card,
                &findings,
                &format!("{anchor}-i{}", i + 1),
                &lang,
                thumb_class,
            );
        }
        out.push_str("</ol>\n");
    }
    let others: Vec<&Diagnostic> = file
        .diagnostics
        .iter()
        .zip(&owner)
        .filter(|(_, o)| o.is_none())
        .map(|(d, _)| d)
        .collect();
    if !others.is_empty() || !page.outline.is_empty() {
        let _ = writeln!(out, "<h4 id=\"{anchor}-other\">Other findings</h4>");
    }
    let group_of = |d: &Diagnostic| crate::rules::find(d.rule).map_or("", |r| r.group);
    for (group, title) in GROUPS {
        let mine: Vec<&Diagnostic> = others
            .iter()
            .copied()
            .filter(|d| group_of(d) == *group)
            .collect();
        let outline = *group == "heading" && !page.outline.is_empty();
        if mine.is_empty() && !outline {
            continue;
        }
        let _ = writeln!(out, "<div class=\"group\"><h5>{title}</h5>");
        if outline {
            render_outline(out, page);
        }
        findings(out, file, &mine);
        out.push_str("</div>\n");
    }
    let rest: Vec<&Diagnostic> = others
        .iter()
        .copied()
        .filter(|d| !GROUPS.iter().any(|(g, _)| *g == group_of(d)))
        .collect();
    if !rest.is_empty() {
        out.push_str("<div class=\"group\"><h5>Other</h5>");
        findings(out, file, &rest);
        out.push_str("</div>\n");
    }
    out.push_str("</article>\n");
}

/// ` lang="…"` for the article's own words, when its language is known.
fn lang_attr(page: &Page) -> String {
    page.lang
        .as_deref()
        .map_or(String::new(), |l| format!(" lang=\"{}\"", attr(l)))
}

/// For each finding, the first card (the lowest index) one of whose spans
/// holds the finding's start (an empty span holds its own start), found in
/// one sweep over the spans and the findings in source order rather than
/// card by card for each finding.
fn owners(cards: &[Card], diagnostics: &[Diagnostic]) -> Vec<Option<usize>> {
    let mut opens: Vec<(usize, usize)> = Vec::new();
    let mut closes: Vec<(usize, usize)> = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        for span in &card.spans {
            opens.push((span.start, i));
            closes.push((span.end.max(span.start + 1), i));
        }
    }
    opens.sort_unstable();
    closes.sort_unstable();
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&d| diagnostics[d].span.start);
    // The cards whose spans hold the offset swept to, with how many of
    // their spans do.
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    let (mut next_open, mut next_close) = (0, 0);
    let mut owner = vec![None; diagnostics.len()];
    for d in order {
        let at = diagnostics[d].span.start;
        while let Some(&(_, card)) = opens.get(next_open).filter(|(s, _)| *s <= at) {
            *open.entry(card).or_default() += 1;
            next_open += 1;
        }
        while let Some(&(_, card)) = closes.get(next_close).filter(|(e, _)| *e <= at) {
            if let Some(n) = open.get_mut(&card) {
                *n -= 1;
                if *n == 0 {
                    open.remove(&card);
                }
            }
            next_close += 1;
        }
        owner[d] = open.keys().next().copied();
    }
    owner
}

fn render_outline(out: &mut String, page: &Page) {
    out.push_str("<ol class=\"outline\" aria-label=\"Heading outline\">");
    for h in &page.outline {
        let skipped = h.skips_from.map_or(String::new(), |from| {
            let missing: Vec<String> = (from + 1..h.level).map(|l| format!("h{l}")).collect();
            format!(
                " <strong class=\"skip-mark\">skips {}</strong>",
                missing.join(", ")
            )
        });
        let text = if h.text.is_empty() {
            "<em>(empty)</em>".to_string()
        } else {
            format!("<span{}>{}</span>", lang_attr(page), esc(&h.text))
        };
        let _ = write!(
            out,
            "<li class=\"lvl lvl{}\"><span class=\"tag\">h{}</span> {text}{skipped}</li>",
            h.level.min(6),
            h.level
        );
    }
    out.push_str("</ol>\n");
}

fn render_card(
    out: &mut String,
    file: &FileReport,
    card: &Card,
    found: &[&Diagnostic],
    id: &str,
    lang: &str,
    thumb_class: &mut dyn FnMut(&Thumbnail) -> String,
) {
    let name = card
        .url
        .as_deref()
        .map(short_name)
        .unwrap_or("(no address)");
    let (line, _) = file.source.line_col(card.at.start);
    let _ = writeln!(
        out,
        "<li class=\"card\" id=\"{id}\"><div class=\"thumb-box\">{}</div><div class=\"facts\">\
         <h5><span class=\"kind\">{}</span> <code>{}</code> <span class=\"where\">line {line}</span></h5>",
        preview(card, thumb_class),
        esc(card.kind),
        esc(name),
    );
    out.push_str("<dl>");
    if card.kind != "og:image" {
        let alt = match &card.alt {
            Alt::Missing => "<em class=\"bad\">no alt attribute</em>".to_string(),
            Alt::Empty => "<em>empty: decorative, skipped by screen readers</em>".to_string(),
            Alt::Text(text) => format!("<q{lang}>{}</q>", esc(text)),
        };
        let _ = write!(out, "<dt>Alt text</dt><dd class=\"alt\">{alt}</dd>");
        let caption = match &card.caption {
            Some(c) => caption(c, lang),
            None if card.in_figure => "<em class=\"bad\">none</em>".to_string(),
            None => "<em>not in a figure</em>".to_string(),
        };
        let _ = write!(out, "<dt>Caption</dt><dd class=\"caption\">{caption}</dd>");
    }
    // The address as written, unless the file's path says it.
    if let Some(url) = &card.url
        && !matches!(card.file, FileView::Found { .. })
    {
        let _ = write!(out, "<dt>Address</dt><dd><code>{}</code></dd>", esc(url));
    }
    let _ = write!(out, "<dt>File</dt><dd>{}</dd>", file_facts(&card.file));
    let declared = match &card.declared {
        (None, None) => "none".to_string(),
        (w, h) => format!(
            "{} × {}",
            esc(w.as_deref().unwrap_or("?")),
            esc(h.as_deref().unwrap_or("?"))
        ),
    };
    let intrinsic = match &card.file {
        FileView::Found {
            intrinsic: Some((w, h)),
            ..
        } => format!("{w} × {h} px"),
        _ => "unknown".into(),
    };
    if card.kind != "og:image" {
        let _ = write!(
            out,
            "<dt>Size</dt><dd>intrinsic {intrinsic}; declared {declared}</dd>"
        );
    } else {
        let _ = write!(out, "<dt>Size</dt><dd>intrinsic {intrinsic}</dd>");
    }
    if !card.exposed && card.kind != "og:image" {
        out.push_str("<dt>Visibility</dt><dd>hidden from screen readers</dd>");
    }
    out.push_str("</dl>\n");
    findings(out, file, found);
    if found.is_empty() {
        out.push_str("<div class=\"ok\">No findings for this image.</div>");
    }
    out.push_str("</div></li>\n");
}

/// The last part of an address, for the card's heading.
fn short_name(url: &str) -> &str {
    if url
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return "data: URI";
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    if name.is_empty() { url } else { name }
}

fn preview(card: &Card, thumb_class: &mut dyn FnMut(&Thumbnail) -> String) -> String {
    let why = match (&card.preview, &card.file) {
        (Some(Ok(thumb)), _) => {
            return format!(
                "<div class=\"thumb {}\" role=\"img\" aria-label=\"Preview of {}\"></div>",
                thumb_class(thumb),
                attr(card.url.as_deref().map(short_name).unwrap_or("the image"))
            );
        }
        (Some(Err(why)), _) => why.clone(),
        (None, FileView::NoAddress) => "the image has no address".into(),
        (None, FileView::Remote) => "the image is on the web; the report loads nothing".into(),
        (None, FileView::Unresolved) => {
            "no asset root is known for this path (--assets DIR)".into()
        }
        (None, FileView::Missing { .. }) => "the file is missing".into(),
        (None, FileView::Refused { .. }) => "the file is outside the allowed directories".into(),
        (None, FileView::Inline { .. }) => "an inline data: image is not previewed".into(),
        (None, FileView::Found { .. }) => "not previewed".into(),
    };
    format!(
        "<div class=\"placeholder\"><span>No preview:</span> {}</div>",
        esc(&why)
    )
}

fn file_facts(file: &FileView) -> String {
    match file {
        FileView::NoAddress => "<em class=\"bad\">no src or srcset</em>".into(),
        FileView::Remote => "on the web, not checked".into(),
        FileView::Unresolved => "not checked: no asset root for this path".into(),
        FileView::Missing { tried } => format!(
            "<em class=\"bad\">missing</em> (looked for {})",
            tried
                .iter()
                .map(|t| format!("<code>{}</code>", esc(t)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FileView::Refused { reason } => format!("not read: {}", esc(reason)),
        FileView::Inline { format, bytes } => format!(
            "inline data: {}, {}",
            format.unwrap_or("unknown format"),
            size(*bytes)
        ),
        FileView::Found {
            path,
            format,
            bytes,
            broken,
            ..
        } => {
            let mut text = format!(
                "<code>{}</code>, {}, {}",
                esc(path),
                format.unwrap_or("unknown format"),
                size(*bytes)
            );
            if let Some(why) = broken {
                let _ = write!(text, ", <em class=\"bad\">broken: {}</em>", esc(why));
            }
            text
        }
    }
}

/// Bytes for people: `812 B`, `48.2 KB`, `3.1 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The caption with what the analysis found marked, and what it did not
/// find named.
fn caption(c: &CaptionView, lang: &str) -> String {
    let mut found: Vec<(usize, usize, &str)> =
        [(c.credit, "credit"), (c.date, "date"), (c.place, "place")]
            .into_iter()
            .filter_map(|(f, kind)| f.map(|f| (f.start, f.end, kind)))
            .filter(|(s, e, _)| c.text.get(*s..*e).is_some())
            .collect();
    found.sort();
    let mut out = format!("<span{lang}>");
    let mut at = 0;
    for (s, e, kind) in found {
        if s < at {
            continue;
        }
        out.push_str(&esc(&c.text[at..s]));
        let _ = write!(
            out,
            "<mark class=\"{kind}\" title=\"{kind}\">{}<span class=\"tag\"> ({kind})</span></mark>",
            esc(&c.text[s..e])
        );
        at = e;
    }
    out.push_str(&esc(&c.text[at..]));
    out.push_str("</span>");
    let missing: Vec<&str> = [
        (c.credit.is_none(), "credit"),
        (c.date.is_none(), "date"),
        (c.place.is_none(), "place"),
    ]
    .into_iter()
    .filter_map(|(m, kind)| m.then_some(kind))
    .collect();
    if c.in_alt {
        out.push_str(" <span class=\"note\">(read from the alt text)</span>");
    }
    if !missing.is_empty() {
        let _ = write!(
            out,
            "<span class=\"missing\">No {} found.</span>",
            missing.join(", no ")
        );
    }
    out
}

/// Findings, those at the same span together under one source snippet
/// (a caption without a credit, a date and a place is one place to look).
fn findings(out: &mut String, file: &FileReport, list: &[&Diagnostic]) {
    for run in list.chunk_by(|a, b| a.span == b.span) {
        out.push_str("<div class=\"spot\"><ul class=\"findings\">");
        for d in run {
            let at = file.source.locate(d.span);
            let _ = write!(
                out,
                "<li class=\"finding {sev}\" data-rule=\"{rule}\">\
                 <span class=\"sev\">{sev}</span> <a href=\"#rule-{rule}\">{rule}</a> \
                 {} <span class=\"where\">line {}, column {}</span>",
                esc(&d.message),
                at.line,
                at.column,
                sev = d.severity.as_str(),
                rule = attr(d.rule),
            );
            if !d.help.is_empty() {
                let _ = write!(out, "<div class=\"help\">{}</div>", esc(&d.help));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
        snippet::render(out, &file.source, run[0].span);
        out.push_str("</div>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Found;

    #[test]
    fn a_card_is_named_by_the_last_part_of_its_address() {
        assert_eq!(short_name("https://cdn.example/a/b.jpg?w=640#x"), "b.jpg");
        assert_eq!(short_name("/photos/"), "photos");
        assert_eq!(short_name("data:image/png;base64,AAAA"), "data: URI");
        assert_eq!(short_name("ééé"), "ééé");
    }

    #[test]
    fn a_caption_marks_what_was_found_and_names_what_was_not() {
        let found = |start, end| {
            Some(Found {
                start,
                end,
                kind: "test",
            })
        };
        let c = CaptionView {
            text: "Boats in Penzance <today>. [AP]".into(),
            credit: found(27, 31),
            date: None,
            place: found(9, 17),
            in_alt: false,
        };
        assert_eq!(
            caption(&c, ""),
            "<span>Boats in <mark class=\"place\" title=\"place\">Penzance<span class=\"tag\"> (place)</span></mark> \
             &lt;today&gt;. <mark class=\"credit\" title=\"credit\">[AP]<span class=\"tag\"> (credit)</span></mark></span>\
             <span class=\"missing\">No date found.</span>"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(812), "812 B");
        assert_eq!(size(48_200), "48.2 KB");
        assert_eq!(size(3_100_000), "3.1 MB");
    }
}
