//! The bundled example articles: each documents itself with
//! `<!-- expect: rule-id -->` annotations (which may pin a column and a
//! message fragment, see `common::annotations`) that must match what
//! presslint reports exactly, and the binary's JSON and human output on each is
//! snapshotted.

mod common;

use std::path::Path;

use assert_cmd::Command;

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    names.sort();
    names
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
fn annotations_match_findings() {
    let names = fixtures();
    assert!(names.len() >= 5, "expected the bundled fixtures");
    let mut fired = std::collections::BTreeSet::new();
    for name in &names {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name);
        let source = std::fs::read_to_string(&path).unwrap();
        let diagnostics = common::file_diagnostics(&path);
        let found = common::counted(&diagnostics);
        assert_eq!(
            found,
            common::expectations(&source),
            "{name}: findings (left) differ from annotations (right)"
        );
        let unmet = common::unmet_pins(&common::annotations(&source).unwrap(), &diagnostics);
        assert!(unmet.is_empty(), "{name}: {}", unmet.join("\n"));
        fired.extend(found.keys().map(|(_, rule)| rule.clone()));
    }
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
            format!("json__{name}"),
            run(&["check", "--format", "json", &path])
        );
    }
}

#[test]
fn human_snapshots() {
    for name in fixtures() {
        let path = format!("fixtures/{name}");
        insta::assert_snapshot!(format!("human__{name}"), run(&["check", &path]));
    }
}
