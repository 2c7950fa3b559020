//! `--changed-lines REF` through the real binary, in a git repository made
//! for the test: only findings on added or modified lines are reported,
//! renamed files count only their edits, untracked files count whole.

mod common;
use common::git;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// Three images without alt text, on lines 3, 5 and 7.
const STORY: &str = "<article>\n  <h2>Harbour</h2>\n  <img src=\"data:,\">\n  <p>The wall held.</p>\n  <img src=\"data:,\">\n  <p>Boats were moored.</p>\n  <img src=\"data:,\">\n</article>\n";

/// `(path, rule, line)` of every finding of `presslint check --format json`.
fn findings(dir: &Path, args: &[&str]) -> (Vec<(String, String, u64)>, Option<i32>) {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "json", "--select", "img-alt-missing"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    let mut out = Vec::new();
    for file in report["files"].as_array().into_iter().flatten() {
        for d in file["diagnostics"].as_array().unwrap() {
            out.push((
                file["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
            ));
        }
    }
    (out, output.status.code())
}

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["kept.html", "edited.html", "moved.html"] {
        fs::write(d.join(name), STORY).unwrap();
    }
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    dir
}

#[test]
fn only_findings_on_added_lines_are_reported() {
    let dir = repository();
    let d = dir.path();
    // edited.html: line 5 is rewritten (still no alt), a line with a new
    // image is added after line 7.
    let edited = STORY
        .replacen(
            "  <img src=\"data:,\">\n  <p>Boats",
            "  <img src=\"data:,\" class=wide>\n  <p>Boats",
            1,
        )
        .replace("</article>", "  <img src=\"data:,\" class=new>\n</article>");
    fs::write(d.join("edited.html"), edited).unwrap();
    // moved.html is renamed, and only its first image gets a caption line
    // above it: a moved file counts its edits, not every line.
    git(d, &["mv", "moved.html", "renamed.html"]);
    let renamed = STORY.replacen("  <img", "  <p>Caption</p>\n  <img", 1);
    fs::write(d.join("renamed.html"), renamed).unwrap();
    git(d, &["add", "renamed.html"]);
    // An untracked file counts whole.
    fs::write(d.join("new.html"), STORY).unwrap();

    let (all, code) = findings(d, &["."]);
    assert_eq!(all.len(), 13, "{all:?}");
    assert_eq!(code, Some(1));

    let (changed, code) = findings(d, &["--changed-lines", "HEAD", "."]);
    assert_eq!(
        changed,
        [
            ("./edited.html".into(), "img-alt-missing".into(), 5),
            ("./edited.html".into(), "img-alt-missing".into(), 8),
            ("./new.html".into(), "img-alt-missing".into(), 3),
            ("./new.html".into(), "img-alt-missing".into(), 5),
            ("./new.html".into(), "img-alt-missing".into(), 7),
        ],
    );
    assert_eq!(code, Some(1));

    // With context, the image below the renamed file's new line counts.
    let (context, _) = findings(
        d,
        &[
            "--changed-lines",
            "HEAD",
            "--changed-lines-context",
            "1",
            "renamed.html",
        ],
    );
    assert_eq!(
        context,
        [("renamed.html".into(), "img-alt-missing".into(), 4)]
    );

    // Nothing changed: nothing reported, exit 0.
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "edits"]);
    let (none, code) = findings(d, &["--changed-lines", "HEAD", "."]);
    assert_eq!(none, []);
    assert_eq!(code, Some(0));
}

#[test]
fn a_bad_ref_or_no_repository_is_one_line() {
    let dir = repository();
    for (args, expected) in [
        (vec!["--changed-lines=--output=x", "."], "is not a git ref"),
        (vec!["--changed-lines", "no-such-ref", "."], "failed"),
        (vec!["--changed-lines-context", "2", "."], "--changed-lines"),
    ] {
        let output = Command::cargo_bin("presslint")
            .unwrap()
            .current_dir(dir.path())
            .arg("check")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let outside = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(outside.path())
        .args(["check", "--changed-lines", "HEAD", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--changed-lines needs a git repository"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn fix_writes_only_the_changed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let photo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/images/media/2025/01/18/sandbags-quay.jpg"
    );
    fs::copy(photo, d.join("quay.jpg")).unwrap();
    let old = "<p>Archive</p>\n<img src=\"quay.jpg\" alt=\"The quay\">\n";
    fs::write(d.join("story.html"), old).unwrap();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    let new = format!("{old}<p>Update</p>\n<img src=\"quay.jpg\" alt=\"The quay at noon\">\n");
    fs::write(d.join("story.html"), &new).unwrap();
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(d)
        .args([
            "check",
            "--fix",
            "--dry-run",
            "--changed-lines",
            "HEAD",
            "story.html",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8(output.stdout).unwrap();
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with("+<")).collect();
    assert_eq!(
        added,
        ["+<img src=\"quay.jpg\" alt=\"The quay at noon\" width=\"1200\" height=\"800\">"],
        "{diff}"
    );
}
