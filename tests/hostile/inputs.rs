//! Hostile inputs: files that never end, block, or are too large to read.

use crate::support::*;

/// A FIFO named on the command line would block forever on open; it is
/// refused with one line naming it, and the other file is still reported.
#[test]
fn a_fifo_is_refused_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let fifo = dir.path().join("pipe.html");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let output = run_in(
        dir.path(),
        &["check", "--format", "json", "pipe.html", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("pipe.html: is not a regular file"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(reported_paths(&json(&output)), ["story.html"]);
}

/// `/dev/zero` as an article, a config or a baseline is refused, not read
/// until memory runs out.
#[test]
fn devices_are_refused_as_article_config_and_baseline() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let output = run_in(dir.path(), &["check", "/dev/zero", "story.html"], secs(20));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: is not a regular file"));
    assert!(stdout(&output).contains("img-alt-missing"));

    let output = run_in(
        dir.path(),
        &["check", "--config", "/dev/zero", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: cannot read config: is not a regular file"));

    let output = run_in(
        dir.path(),
        &["check", "--baseline", "/dev/zero", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: cannot read baseline: is not a regular file"));
}

/// A file over `--max-file-size` is named and skipped; standard input is
/// bounded the same way.
#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let mut big = ONE_FINDING.to_string();
    big.push_str(&"<p>The harbour reopened on Tuesday.</p>\n".repeat(2000));
    write(dir.path(), "big.html", &big);
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--max-file-size",
            "64K",
            "--format",
            "json",
            "big.html",
            "story.html",
        ],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("big.html: is larger than 64 KiB"),
        "{}",
        stderr(&output)
    );
    assert_eq!(reported_paths(&json(&output)), ["story.html"]);

    let output = run_stdin(
        dir.path(),
        &["check", "--max-file-size", "64K", "-"],
        big.into_bytes(),
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("-: is larger than 64 KiB"),
        "{}",
        stderr(&output)
    );

    let output = run_in(
        dir.path(),
        &["check", "--max-file-size", "lots", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
}
