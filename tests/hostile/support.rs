//! Running the binary on generated inputs with a time bound.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// A clean article, linted beside every hostile input to show the rest of
/// the run is still reported.
pub const CLEAN: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Harbour reopens</title></head>\n<body>\n<h1>Harbour reopens after storm</h1>\n<p>PORTSMOUTH, England -- The harbour reopened on Tuesday.</p>\n</body>\n</html>\n";

/// An article with exactly one finding (`img-alt-missing`).
pub const ONE_FINDING: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Harbour reopens</title></head>\n<body>\n<h1>Harbour reopens after storm</h1>\n<p>The harbour reopened on Tuesday.</p>\n<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"1\" height=\"1\">\n</body>\n</html>\n";

pub fn presslint() -> Command {
    let mut cmd = Command::cargo_bin("presslint").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Run `presslint` with `args` in `dir`, failing the test if it takes
/// longer than `limit` (the process is killed then).
pub fn run_in(dir: &Path, args: &[&str], limit: Duration) -> Output {
    run(dir, args, None, limit)
}

/// Like `run_in`, with standard input.
pub fn run_stdin(dir: &Path, args: &[&str], stdin: Vec<u8>, limit: Duration) -> Output {
    run(dir, args, Some(stdin), limit)
}

fn run(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>, limit: Duration) -> Output {
    let started = Instant::now();
    let mut cmd = presslint();
    cmd.current_dir(dir).args(args).timeout(limit);
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin);
    }
    let output = cmd.output().expect("presslint runs");
    let took = started.elapsed();
    assert!(
        took < limit,
        "presslint {args:?} took {took:?}, limit {limit:?}\nstderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The JSON report, which must always be one valid document.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The paths of the files listed in a JSON report.
pub fn reported_paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

/// No process crash: exit code 0, 1 or 2, never a signal or 101 (panic).
pub fn assert_no_crash(output: &Output) {
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "exit {code:?}, stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
}

/// Debug builds are many times slower than release; bounds are set for
/// debug builds with a wide margin.
pub fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// How many findings of `rule` one file of a JSON report has.
pub fn count_rule(file: &serde_json::Value, rule: &str) -> usize {
    file["diagnostics"]
        .as_array()
        .map_or(0, |d| d.iter().filter(|d| d["rule"] == rule).count())
}
