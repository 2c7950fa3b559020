//! Hostile inputs: writes. `--fix`, `--output` and `--write-baseline` write
//! only where they were asked to, keep what they replace as it was (owner,
//! group, mode, links), leave no temporary file behind, and exit 2 when a
//! write they were asked for failed.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `--output` into a directory: the complete report, and no other file
/// (no temporary file left beside it); an existing report keeps its mode.
/// `--write-baseline` goes through the same writer.
#[test]
fn output_writes_one_complete_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let report = write(&out, "report.json", "old");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--output",
            "out/report.json",
            "--write-baseline",
            "out/baseline.json",
            "story.html",
        ],
        secs(30),
    );
    assert_no_crash(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(names(&out), ["baseline.json", "report.json"]);
    let written: serde_json::Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(reported_paths(&written), ["story.html"]);
    let findings = written["files"][0]["diagnostics"].as_array().unwrap().len();
    assert!(findings >= 1);
    assert_eq!(
        fs::metadata(&report).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let baseline: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("baseline.json")).unwrap()).unwrap();
    let recorded: u64 = baseline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["count"].as_u64().unwrap())
        .sum();
    assert_eq!(recorded, findings as u64);
}

/// A path that cannot be written is one line naming it, exit 2, before
/// anything is linted, and nothing is created.
#[test]
fn output_to_an_unwritable_path_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let read_only = write(dir.path(), "locked.json", "old");
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    for dest in [
        "missing/report.json",
        "story.html/report.json",
        ".",
        "locked.json",
    ] {
        let output = run_in(
            dir.path(),
            &["check", "--output", dest, "story.html"],
            secs(30),
        );
        assert_eq!(output.status.code(), Some(2), "{dest}: {}", stderr(&output));
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{dest}: {err}");
        assert!(
            err.contains(&format!("cannot write the report to {dest}:")),
            "{dest}: {err}"
        );
        assert!(stdout(&output).is_empty(), "{dest}");
        assert_eq!(names(dir.path()), ["locked.json", "story.html"], "{dest}");
    }
    assert_eq!(fs::read_to_string(&read_only).unwrap(), "old");
}

/// A run killed while it lints leaves nothing in the output's directory:
/// the report is written only at the end (a temporary file used to be
/// created first and left behind).
#[test]
fn a_killed_run_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(dir.path(), &format!("news/story-{i:03}.html"), ONE_FINDING);
    }
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_presslint"))
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "sarif",
            "--output",
            "out/r.sarif",
            "news",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(30));
    child.kill().unwrap();
    child.wait().unwrap();
    let left = names(&out);
    assert!(left.is_empty() || left == ["r.sarif"], "{left:?}");
}
