//! The bundled example articles, HTML in `fixtures/` and Markdown (and
//! Quarto's Pandoc Markdown) in `fixtures/markdown/`: each documents itself with `<!-- expect: rule-id -->`
//! annotations (which may pin a column and a message fragment, see
//! `common::annotations`) that must match what presslint reports exactly,
//! and the binary's JSON and human output on each is snapshotted. A file
//! that must stay as it came (the seed article) has its expectations in a
//! sidecar, `NAME.expect` next to it (see `common::sidecar`).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixtures, as paths relative to `fixtures/`: the HTML pages, then
/// the Markdown articles.
fn fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names = Vec::new();
    for (dir, exts) in [("", &[".html"][..]), ("markdown", &[".md", ".qmd"][..])] {
        let mut found: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| exts.iter().any(|ext| n.ends_with(ext)))
            .map(|n| {
                if dir.is_empty() {
                    n
                } else {
                    format!("{dir}/{n}")
                }
            })
            .collect();
        found.sort();
        names.extend(found);
    }
    names
}

fn path_of(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A snapshot's name for a fixture: `seed-article.html`,
/// `markdown__seed-article.md`.
fn snapshot_name(name: &str) -> String {
    name.replace('/', "__")
}

/// What a fixture expects: its sidecar's lines if it has one, else its
/// annotations.
fn expected(name: &str) -> Vec<common::Expectation> {
    let path = path_of(name);
    let sidecar = path.with_extension("expect");
    let source = std::fs::read_to_string(&path).unwrap();
    let annotations = common::annotations(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
    match std::fs::read_to_string(&sidecar) {
        Ok(text) => {
            assert!(
                annotations.is_empty(),
                "{name}: has both annotations and a sidecar"
            );
            common::sidecar(&text).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()))
        }
        Err(_) => annotations,
    }
}

fn run(args: &[&str]) -> String {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn fixture_sets() {
    let names = fixtures();
    let html = names.iter().filter(|n| n.ends_with(".html")).count();
    let markdown = names.iter().filter(|n| n.starts_with("markdown/")).count();
    assert!(html >= 5, "expected the bundled HTML fixtures");
    assert!(markdown >= 7, "expected the bundled Markdown fixtures");
    // Every sidecar belongs to a fixture.
    let dir = path_of("markdown");
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "expect") {
            assert!(
                ["md", "qmd"]
                    .iter()
                    .any(|ext| path.with_extension(ext).is_file()),
                "{}: no Markdown file next to it",
                path.display()
            );
        }
    }
}

#[test]
fn annotations_match_findings() {
    let mut fired = BTreeSet::new();
    let mut differences = Vec::new();
    for name in fixtures() {
        let diagnostics = common::file_diagnostics(&path_of(&name));
        let found = common::counted(&diagnostics);
        let expected = expected(&name);
        let wanted = common::count(&expected);
        let keys: BTreeSet<_> = found.keys().chain(wanted.keys()).collect();
        for key in keys {
            let (f, w) = (
                found.get(key).copied().unwrap_or(0),
                wanted.get(key).copied().unwrap_or(0),
            );
            if f != w {
                differences.push(format!(
                    "{name}:{} {}: found {f}, expected {w}",
                    key.0, key.1
                ));
            }
        }
        let unmet = common::unmet_pins(&expected, &diagnostics);
        differences.extend(unmet.into_iter().map(|u| format!("{name}: {u}")));
        fired.extend(found.keys().map(|(_, rule)| rule.clone()));
    }
    assert!(
        differences.is_empty(),
        "findings differ from annotations:\n{}",
        differences.join("\n")
    );
    for rule in presslint::rules::RULES {
        assert!(
            fired.contains(rule.id) || common::NEED_A_TREE.contains(&rule.id),
            "no fixture exercises {}",
            rule.id
        );
    }
}

#[test]
fn json_snapshots() {
    for name in fixtures() {
        let path = format!("fixtures/{name}");
        insta::assert_snapshot!(
            format!("json__{}", snapshot_name(&name)),
            run(&["check", "--format", "json", &path])
        );
    }
}

#[test]
fn human_snapshots() {
    for name in fixtures() {
        let path = format!("fixtures/{name}");
        insta::assert_snapshot!(
            format!("human__{}", snapshot_name(&name)),
            run(&["check", &path])
        );
    }
}
