//! An article's bytes, read as an HTML page, as a Markdown article, as a
//! Quarto document (Pandoc Markdown) and as a page of a MyST project:
//! decoding, the parse and every rule, with `data:` images and tracks
//! probed in memory, then every report format; the document formats must
//! parse.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use presslint::config::ActiveRule;
use presslint::engine::Selection;
use presslint::report;

fn rules() -> &'static [ActiveRule] {
    static RULES: OnceLock<Vec<ActiveRule>> = OnceLock::new();
    RULES.get_or_init(|| Selection::default().active())
}

fuzz_target!(|data: &[u8]| {
    let mut files: Vec<_> = ["fuzz.html", "_posts/2024-05-01-fuzz.md", "posts/fuzz.qmd"]
        .into_iter()
        .map(|name| {
            presslint::lint_bytes(
                name.into(),
                data,
                rules(),
                None,
                &presslint::assets::Cache::default(),
            )
        })
        .collect();
    let mut myst = presslint::config::article_options(rules());
    myst.dialect = Some(presslint::markdown::Dialect::Myst);
    files.push(presslint::lint_bytes_with(
        "book/fuzz.md".into(),
        data,
        rules(),
        &myst,
        None,
        &presslint::assets::Cache::default(),
    ));
    let report = presslint::Report {
        files,
        errors: Vec::new(),
        baseline: None,
    };
    let style = report::human::Style {
        color: false,
        width: 80,
    };
    let _ = report::human::render_report(&report, style);
    let _ = report::github::render(&report);
    let _ = report::junit::render(&report);
    let _ = report::summary::render(&report);
    for json in [report::json::render(&report), report::sarif::render(&report)] {
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    }
    for line in report::jsonl::render(&report).lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("valid JSON line");
    }
});
