//! Hover on a finding: its message, what the image files it is about
//! turned out to be (size and format as probed), and the rule's page.

use super::workspace::Setup;
use crate::FileReport;
use crate::article::Article;
use crate::assets::{self, Asset};
use crate::diagnostic::{Diagnostic, Span};
use crate::html::Document;
use crate::markdown::MarkdownDocument;
use crate::source::Kind;

/// The hover text (Markdown) for the findings under byte `offset`, or
/// `None` when there are none.
pub fn hover(setup: &Setup, file: &FileReport, offset: usize) -> Option<String> {
    let under: Vec<&Diagnostic> = file
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .collect();
    if under.is_empty() {
        return None;
    }
    let mut out = String::new();
    for d in under {
        let rule = crate::rules::find(d.rule)?;
        if !out.is_empty() {
            out.push_str("\n\n---\n\n");
        }
        out.push_str(&format!(
            "**{}** ({}): {}\n\n",
            d.rule,
            d.severity.as_str(),
            d.message
        ));
        if rule.needs_files {
            for line in image_facts(setup, file, d.span) {
                out.push_str(&format!("- {line}\n"));
            }
            out.push('\n');
        }
        out.push_str(rule.doc);
    }
    Some(out)
}

/// One line per image file the flagged markup references: where it was
/// found and what it is ("`/media/a.jpg`: JPEG, 1200 × 800 px, 245 KB").
fn image_facts(setup: &Setup, file: &FileReport, span: Span) -> Vec<String> {
    let options = &setup.options;
    let text = file.source.text().to_string();
    match Kind::of(&file.path) {
        Kind::Html => {
            let doc = Document::parse(text);
            describe(&Article::build(&doc, options), setup, span)
        }
        Kind::Markdown => {
            let md = MarkdownDocument::parse(text);
            describe(
                &Article::from_markdown(&md, options, std::path::Path::new(&file.path)),
                setup,
                span,
            )
        }
    }
}

fn describe(article: &Article<'_>, setup: &Setup, span: Span) -> Vec<String> {
    let touches = |s: Span| s.start <= span.end && span.start <= s.end;
    let mut urls: Vec<&str> = article
        .references
        .iter()
        .filter(|r| {
            touches(r.span)
                || r.image
                    .and_then(|i| article.images.get(i))
                    .is_some_and(|img| touches(img.tag))
        })
        .map(|r| r.url)
        .collect();
    urls.dedup();
    if urls.is_empty() {
        return Vec::new();
    }
    let found = assets::collect(article, setup.roots.as_ref(), &assets::Cache::default());
    urls.into_iter()
        .map(|url| {
            let shown = crate::report::escape::terminal(url);
            match found.image(url) {
                Asset::Found { file, info, .. } => {
                    let name = file.as_deref().map_or("data: URI", |f| f);
                    let format = info
                        .format
                        .map_or("not an image format presslint knows", |f| f.label());
                    let size = info
                        .display_size()
                        .map_or(String::new(), |(w, h)| format!(", {w} × {h} px"));
                    let broken = info
                        .broken
                        .as_ref()
                        .map_or(String::new(), |why| format!("; broken: {why}"));
                    format!(
                        "`{shown}` ({name}): {format}{size}, {}{broken}",
                        kilobytes(info.bytes)
                    )
                }
                Asset::Missing { .. } => format!("`{shown}`: no such file"),
                Asset::Refused { reason } => format!("`{shown}`: not read ({reason})"),
                Asset::Unresolved => format!("`{shown}`: not checked, no asset root is known"),
                Asset::NotChecked => {
                    format!("`{shown}`: not checked (on the web or no files around the article)")
                }
            }
        })
        .collect()
}

fn kilobytes(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
