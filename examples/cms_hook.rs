//! A pre-publish check as a CMS would run it, through presslint's library
//! API rather than its command line: lint the article a writer is about to
//! publish, with the image files under the site's asset folder, print each
//! finding with where it is and what its rule checks, and block publishing
//! (exit 1) when there are errors.
//!
//! ```sh
//! cargo run --example cms_hook -- fixtures/harbour-storm-photo-story.html fixtures/images
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use presslint::assets::{Cache, Roots};
use presslint::{Selection, Severity, find_rule, lint_article};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [article, assets] = args.as_slice() else {
        eprintln!("usage: cms_hook ARTICLE.html ASSET_DIR");
        return ExitCode::from(2);
    };
    // The CMS holds the text; here it comes from a file.
    let text = match std::fs::read_to_string(article) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{article}: cannot read it ({err})");
            return ExitCode::from(2);
        }
    };
    // Relative image paths resolve against the article's folder,
    // root-relative ones (`/media/…`) against the asset folder.
    let dir = Path::new(article)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let roots = Roots::new(dir.clone(), dir, vec![PathBuf::from(assets)]);
    // The desk does not want the caption-date rule before publishing.
    let selection = Selection {
        ignore: vec!["caption-date-missing".into()],
        ..Selection::default()
    };
    let report = lint_article(
        article.clone(),
        text,
        &selection.active(),
        Some(&roots),
        &Cache::default(),
    );
    let mut errors = 0;
    for d in &report.diagnostics {
        let at = report.source.locate(d.span);
        let summary = find_rule(d.rule).map_or("", |rule| rule.summary);
        println!(
            "{}:{}:{} {} {}: {}\n    ({summary})",
            report.path,
            at.line,
            at.column,
            d.severity.as_str(),
            d.rule,
            d.message
        );
        errors += usize::from(d.severity == Severity::Error);
    }
    if errors > 0 {
        println!("not published: {errors} errors to fix first");
        ExitCode::from(1)
    } else {
        println!("ready to publish");
        ExitCode::SUCCESS
    }
}
