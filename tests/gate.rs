//! CI gating through the real binary: --max-warnings, baselines,
//! --changed-since and --shard.

mod common;
use common::git;
use std::fs;
use std::path::Path;

use assert_cmd::Command;

const STORY: &str = "<article>\n  <h2>Summit</h2>\n  <img src=\"/gc4/images/kim.webp\">\n  <h4>Reaction</h4>\n</article>\n";

fn presslint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("presslint").unwrap();
    cmd.current_dir(dir);
    cmd
}

fn json(dir: &Path, args: &[&str]) -> (serde_json::Value, Option<i32>) {
    let output = presslint(dir)
        // The image rules need image files; these stories have none.
        .args(["check", "--format", "json", "--ignore", "image"])
        .args(args)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&output.stdout).unwrap_or_default(),
        output.status.code(),
    )
}

fn paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn max_warnings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.html"),
        "<h2>A</h2><h4>B</h4><h2>C</h2><h5>D</h5>",
    )
    .unwrap();
    presslint(dir.path())
        .args(["check", "a.html"])
        .assert()
        .code(0);
    presslint(dir.path())
        .args(["check", "--max-warnings", "2", "a.html"])
        .assert()
        .code(0);
    presslint(dir.path())
        .args(["check", "--max-warnings", "1", "a.html"])
        .assert()
        .code(1);
}

#[test]
fn baseline_round_trip_survives_an_edit_above_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("story.html"), STORY).unwrap();
    // Writing a baseline accepts today's findings.
    presslint(d)
        .args([
            "check",
            "--ignore",
            "image",
            "--write-baseline",
            "baseline.json",
            "story.html",
        ])
        .assert()
        .code(0);
    let (report, code) = json(d, &["--baseline", "baseline.json", "story.html"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        0
    );
    assert_eq!(
        report["summary"]["baseline"],
        serde_json::json!({"matched": 2, "fixed": 0})
    );

    // An edit above the findings moves them down: still known.
    fs::write(
        d.join("story.html"),
        format!("<p>MOSCOW -- Updated at 10:00.</p>\n<p>New paragraph.</p>\n{STORY}"),
    )
    .unwrap();
    let (report, code) = json(d, &["--baseline", "./baseline.json", "./story.html"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        0
    );

    // A new problem is reported; a fixed one is counted as fixed.
    let edited = STORY.replace(
        "<img src=\"/gc4/images/kim.webp\">",
        "<img src=\"/gc4/images/kim.webp\" alt=\"Kim Jong Un\">",
    ) + "<img src=\"/gc4/images/putin.webp\">\n";
    fs::write(d.join("story.html"), edited).unwrap();
    let (report, code) = json(d, &["--baseline", "baseline.json", "story.html"]);
    assert_eq!(code, Some(1));
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["span"]["line"], 6);
    assert_eq!(
        report["summary"]["baseline"],
        serde_json::json!({"matched": 1, "fixed": 1})
    );

    let output = presslint(d)
        .args(["check", "--baseline", "missing.json", "story.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.json"));
}

#[test]
fn changed_since_lints_changed_and_untracked_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["old.html", "edited.html", "staged.html"] {
        fs::write(d.join(name), STORY).unwrap();
    }
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    fs::write(d.join("edited.html"), format!("{STORY}<p>Update</p>")).unwrap();
    fs::write(d.join("staged.html"), format!("{STORY}<p>Staged</p>")).unwrap();
    git(d, &["add", "staged.html"]);
    fs::write(d.join("new.html"), STORY).unwrap();
    let (report, _) = json(d, &["--changed-since", "HEAD", "."]);
    assert_eq!(
        paths(&report),
        ["./edited.html", "./new.html", "./staged.html"]
    );

    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("a.html"), STORY).unwrap();
    let output = presslint(outside.path())
        .args(["check", "--changed-since", "HEAD", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs a git repository"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

/// git quotes names with non-ASCII bytes (`"\303\251t\303\251.html"`)
/// unless asked for NUL-separated output: a changed `été.html` must be
/// linted, and so must a name with spaces.
#[test]
fn changed_since_lints_changed_files_whatever_their_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("école")).unwrap();
    for name in [
        "été.html",
        "two words.html",
        "école/brève.html",
        "same.html",
    ] {
        fs::write(d.join(name), STORY).unwrap();
    }
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    for name in ["été.html", "two words.html", "école/brève.html"] {
        fs::write(d.join(name), format!("{STORY}<p>Update</p>")).unwrap();
    }
    let (report, _) = json(d, &["--changed-since", "HEAD", "."]);
    assert_eq!(
        paths(&report),
        ["./two words.html", "./école/brève.html", "./été.html"]
    );
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..40 {
        fs::write(d.join(format!("story-{i:02}.html")), STORY).unwrap();
    }
    let (all, _) = json(d, &["."]);
    let mut union = Vec::new();
    for k in 1..=3 {
        let (report, _) = json(d, &["--shard", &format!("{k}/3"), "."]);
        let part = paths(&report);
        assert!(
            !part.is_empty() && part.len() < 40,
            "shard {k} has {}",
            part.len()
        );
        union.extend(part);
    }
    union.sort();
    assert_eq!(union, paths(&all));
    presslint(d)
        .args(["check", "--shard", "4/3", "."])
        .assert()
        .code(2);
    presslint(d)
        .args(["check", "--shard", "0/3", "."])
        .assert()
        .code(2);
}
