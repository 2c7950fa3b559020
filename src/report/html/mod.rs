//! The HTML report (`--format html`): one self-contained file for people
//! who would rather look than read JSON. A summary (counts by severity and
//! by rule, with a bar chart in inline SVG, the worst files first), then
//! each article: a card per image with its thumbnail, alt text, caption
//! and findings, and the article's other findings with their source.
//!
//! Nothing is loaded from anywhere: the styles, the script and the
//! thumbnails are in the file, and a Content-Security-Policy allows only
//! them (the style and script by their hashes, images only as `data:`).
//! Every string from an article is escaped. Each file's section is
//! rendered as its report arrives and kept until the end, when the
//! summary, which needs the totals, is written before them; the sources
//! themselves are not kept.

mod article;
mod page;
mod snippet;
mod summary;
mod thumbs;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use base64::Engine as _;
use sha2::Digest as _;

pub use page::{Alt, CaptionView, Card, FileView, OutlineItem, Page};
pub use thumbs::{MAX_SIDE, Preview, Thumbnail, Thumbnails};

use super::{Reporter, Sink, Summary};
use crate::FileReport;
use crate::diagnostic::Severity;
use crate::source::InputError;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// What the summary needs of one file.
struct FileRow {
    anchor: String,
    path: String,
    title: Option<String>,
    /// Errors, warnings, infos.
    counts: [usize; 3],
}

/// Renders each file's section as it comes; writes the whole page at the end.
#[derive(Default)]
pub struct Html {
    sections: String,
    files: Vec<FileRow>,
    by_rule: BTreeMap<&'static str, [usize; 3]>,
    /// Thumbnail ids (per run) to their class number in this page, in the
    /// order first shown, and the stylesheet rules that show them.
    thumbs: HashMap<usize, usize>,
    thumb_css: String,
    images: usize,
}

impl Html {
    /// The class that shows a thumbnail, its rule added on first use.
    fn thumb_class(&mut self, thumb: &Thumbnail) -> String {
        let next = self.thumbs.len();
        let n = *self.thumbs.entry(thumb.id).or_insert_with(|| {
            let _ = writeln!(
                self.thumb_css,
                ".t{next}{{background-image:url(data:image/jpeg;base64,{});aspect-ratio:{}/{}}}",
                thumb.jpeg_base64, thumb.width, thumb.height
            );
            next
        });
        format!("t{n}")
    }
}

pub fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl Reporter for Html {
    fn file(&mut self, file: &FileReport, _out: &mut Sink) {
        let anchor = format!("f{}", self.files.len() + 1);
        let mut counts = [0; 3];
        for d in &file.diagnostics {
            counts[severity_index(d.severity)] += 1;
            self.by_rule.entry(d.rule).or_default()[severity_index(d.severity)] += 1;
        }
        self.images += file.page.as_ref().map_or(0, |p| p.cards.len());
        let mut section = std::mem::take(&mut self.sections);
        article::render(&mut section, file, &anchor, &mut |t| self.thumb_class(t));
        self.sections = section;
        self.files.push(FileRow {
            anchor,
            path: file.path.clone(),
            title: file.page.as_ref().and_then(|p| p.title.clone()),
            counts,
        });
    }

    fn finish(&mut self, summary: &Summary, errors: &[InputError], out: &mut Sink) {
        let style = format!("{STYLE}{}", self.thumb_css);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             img-src data:; style-src '{}'; script-src '{}'; base-uri 'none'; form-action 'none'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <title>presslint report: {}</title>\n<style>{style}</style>\n</head>\n<body>\n",
            sha256(&style),
            sha256(SCRIPT),
            esc(&summary.sentence()),
        );
        out.push_str(
            "<a class=\"skip\" href=\"#articles\">Skip to the articles</a>\n\
             <header>\n<h1>presslint report</h1>\n",
        );
        let _ = writeln!(
            out,
            "<div class=\"sentence\">{}</div>\n</header>\n<main>",
            esc(&summary.sentence())
        );
        summary::render(
            out,
            &summary::Totals {
                summary,
                files: &self.files,
                by_rule: &self.by_rule,
                images: self.images,
            },
        );
        summary::filters(out, &self.by_rule);
        out.push_str("<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">Articles</h2>\n");
        if self.files.is_empty() {
            out.push_str("<div class=\"empty\">No files were linted.</div>\n");
        }
        out.push_str(&self.sections);
        out.push_str("</section>\n");
        if !errors.is_empty() {
            out.push_str("<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">Inputs that could not be read</h2>\n<ul>\n");
            for e in errors {
                let _ = writeln!(
                    out,
                    "<li><code>{}</code>: {}</li>",
                    esc(&e.path),
                    esc(&e.message)
                );
            }
            out.push_str("</ul>\n</section>\n");
        }
        summary::rule_pages(out, &self.by_rule);
        let _ = write!(
            out,
            "</main>\n<footer>Written by presslint {} from the same findings as <code>--format json</code>.</footer>\n\
             <script>{SCRIPT}</script>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION")
        );
    }
}

/// A CSP source for inline text: `sha256-…`.
fn sha256(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Text for HTML content: `&`, `<` and `>` escaped, and control
/// characters, bidirectional overrides and line separators shown as
/// escapes (see `report::escape`). Quotes stay: the report's source
/// snippets are full of them.
pub fn esc(text: &str) -> String {
    escaped(text, false)
}

/// Text for a quoted attribute value: as [`esc`], and quotes escaped.
pub fn attr(text: &str) -> String {
    escaped(text, true)
}

fn escaped(text: &str, quotes: bool) -> String {
    let text = super::escape::terminal(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &crate::Report) -> String {
    super::render_all(&mut Html::default(), report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            attr("\"><img src=x onerror='alert(1)'>"),
            "&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;"
        );
        assert_eq!(
            esc("\"><img src=x onerror='alert(1)'>"),
            "\"&gt;&lt;img src=x onerror='alert(1)'&gt;"
        );
        assert_eq!(esc("a\u{202e}b & c\n"), "a\\u{202e}b &amp; c\\n");
    }

    #[test]
    fn hashes_are_the_csp_form() {
        // echo -n "" | openssl dgst -sha256 -binary | base64
        assert_eq!(
            sha256(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }
}
