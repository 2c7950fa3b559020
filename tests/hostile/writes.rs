//! Hostile inputs: writes. `--fix`, `--output` and `--write-baseline` write
//! only where they were asked to, keep what they replace as it was (owner,
//! group, mode, links), leave no temporary file behind, and exit 2 when a
//! write they were asked for failed.

use crate::common::git;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use crate::support::*;

/// A 4×3 grey PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x00, 0x00, 0x91, 0x9f, 0xf1,
    0x1a, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x40, 0x01, 0x00,
    0x00, 0x0f, 0x00, 0x01, 0xb5, 0x56, 0x29, 0x3e, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// An article whose only finding is `img-unsized`, which `--fix` fixes.
const UNSIZED: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Harbour reopens</title></head>\n<body>\n<h1>Harbour reopens after storm</h1>\n<img src=\"dot.png\" alt=\"The harbour wall\">\n</body>\n</html>\n";

const FIXED_TAG: &str = "<img src=\"dot.png\" alt=\"The harbour wall\" width=\"4\" height=\"3\">";

/// `UNSIZED` at `name` in `dir`, with its image.
fn unsized_article(dir: &Path, name: &str) -> std::path::PathBuf {
    write(dir, "dot.png", PNG);
    write(dir, name, UNSIZED)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Run as root on a file of another user with a set-user-ID bit, `--fix`
/// once gave the file to root and kept the bit. Owner, group and mode are
/// kept now; set-user-ID and set-group-ID are dropped.
#[test]
fn fix_keeps_owner_group_and_mode_and_drops_setuid() {
    let dir = tempfile::tempdir().unwrap();
    let article = unsized_article(dir.path(), "story.html");
    let as_root = std::os::unix::fs::chown(&article, Some(1000), Some(1000)).is_ok();
    fs::set_permissions(&article, fs::Permissions::from_mode(0o6754)).unwrap();
    let output = run_in(dir.path(), &["check", "--fix", "story.html"], secs(30));
    assert_no_crash(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::read_to_string(&article).unwrap().contains(FIXED_TAG));
    let meta = fs::metadata(&article).unwrap();
    if as_root {
        assert_eq!((meta.uid(), meta.gid()), (1000, 1000));
    }
    assert_eq!(meta.permissions().mode() & 0o7777, 0o754);
    assert_eq!(names(dir.path()), ["dot.png", "story.html"]);
}

/// A symbolic link given on the command line is fixed in the file it
/// names; the link stays a link (it was replaced by a fixed copy, and
/// the file it named left unfixed).
#[test]
fn fix_writes_through_a_symbolic_link_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let article = unsized_article(dir.path(), "story.html");
    let link = dir.path().join("alias.html");
    std::os::unix::fs::symlink("story.html", &link).unwrap();
    let output = run_in(dir.path(), &["check", "--fix", "alias.html"], secs(30));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("story.html"),
        "the link changed"
    );
    assert!(fs::read_to_string(&article).unwrap().contains(FIXED_TAG));
    assert_eq!(names(dir.path()), ["alias.html", "dot.png", "story.html"]);
}

/// A read-only file is refused (it was rewritten), a hard-linked one too
/// (the links were split); each is named on one line, the findings are
/// still reported, the other file is fixed, and the run exits 2 (it
/// exited 0 with fixes that had failed).
#[test]
fn fix_refuses_read_only_and_hard_linked_files_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let read_only = unsized_article(dir.path(), "read-only.html");
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    let linked = unsized_article(dir.path(), "linked.html");
    fs::hard_link(&linked, dir.path().join("other-name.html")).unwrap();
    let fine = unsized_article(dir.path(), "fine.html");
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--fix",
            "--format",
            "json",
            "read-only.html",
            "linked.html",
            "fine.html",
        ],
        secs(30),
    );
    assert_no_crash(&output);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("read-only.html: not fixed: the file is read-only"),
        "{err}"
    );
    assert!(
        err.contains("linked.html: not fixed: the file has 2 hard links"),
        "{err}"
    );
    assert_eq!(err.matches("not fixed").count(), 2, "{err}");
    assert_eq!(fs::read_to_string(&read_only).unwrap(), UNSIZED);
    assert_eq!(
        fs::metadata(&read_only).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(fs::read_to_string(&linked).unwrap(), UNSIZED);
    assert_eq!(fs::metadata(&linked).unwrap().nlink(), 2);
    assert!(fs::read_to_string(&fine).unwrap().contains(FIXED_TAG));
    // What could not be fixed is still reported.
    let report = json(&output);
    assert_eq!(
        reported_paths(&report),
        ["read-only.html", "linked.html", "fine.html"]
    );
    assert_eq!(report["summary"]["warnings"], 2);
}

/// A file name with newlines once added a whole hunk to the
/// `--fix --dry-run` diff, which `patch -p0` applied to another file.
/// Names are quoted the way git quotes them now.
#[test]
fn file_names_cannot_forge_diff_headers() {
    let dir = tempfile::tempdir().unwrap();
    let name = "story\n--- victim.html\n+++ victim.html\n@@ -1 +1 @@\n-victim\n+owned\n.html";
    unsized_article(dir.path(), name);
    write(dir.path(), "victim.html", "victim\n");
    let output = run_in(dir.path(), &["check", "--fix", "--dry-run", name], secs(30));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let diff = stdout(&output);
    let lines: Vec<&str> = diff.lines().collect();
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("--- ")).count(),
        1,
        "{diff}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("+++ ")).count(),
        1,
        "{diff}"
    );
    assert!(
        lines[0].starts_with("--- \"a/story\\n--- victim.html"),
        "{diff}"
    );
    assert!(lines[1].starts_with("+++ \"b/story\\n"), "{diff}");
    assert!(lines[2].starts_with("@@ "), "{diff}");
    assert!(!lines.contains(&"+owned"), "{diff}");

    let has_patch = std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_patch {
        return;
    }
    for strip in ["-p0", "-p1"] {
        let mut patch = std::process::Command::new("patch")
            .current_dir(dir.path())
            .args(["--dry-run", "--batch", strip])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        patch
            .stdin
            .take()
            .unwrap()
            .write_all(diff.as_bytes())
            .unwrap();
        let result = patch.wait_with_output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr)
        );
        let touched: Vec<&str> = said
            .lines()
            .filter(|l| l.starts_with("checking file") || l.starts_with("patching file"))
            .collect();
        assert!(!said.contains("'victim.html'"), "patch {strip}: {said}");
        if strip == "-p1" {
            // The right file, and only it.
            assert!(result.status.success(), "patch {strip}: {said}");
            assert_eq!(touched.len(), 1, "patch {strip}: {said}");
            assert!(touched[0].contains("story"), "patch {strip}: {said}");
        } else {
            assert!(touched.is_empty(), "patch {strip}: {said}");
        }
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.html")).unwrap(),
        "victim\n"
    );
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
    // Enough files that even a release build is still linting when the
    // kill comes (200 could finish, report written and all, in 30 ms).
    for i in 0..3000 {
        write(dir.path(), &format!("news/story-{i:04}.html"), ONE_FINDING);
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

/// A repository with one commit holding `old.html`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["config", "user.name", "Desk"]);
    git(d, &["config", "user.email", "desk@example.com"]);
    git(d, &["config", "commit.gpgsign", "false"]);
    write(d, "old.html", CLEAN);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "archive"]);
    dir
}

/// `--changed-since=--output=FILE` reached git as an option, and git wrote
/// FILE. Refs that could be options, or hold control characters or
/// whitespace, are refused with one line naming them, and nothing is
/// written or linted.
#[test]
fn changed_since_refs_cannot_be_git_options() {
    let dir = repository();
    let d = dir.path();
    let target = d.join("written-by-git.txt");
    let option = format!("--changed-since=--output={}", target.display());
    for args in [
        vec!["check", option.as_str(), "."],
        vec!["check", "--changed-since=-p", "."],
        vec!["check", "--changed-since", "HEAD\n--output=x", "."],
        vec!["check", "--changed-since", "HEAD other", "."],
    ] {
        let output = run_in(d, &args, secs(30));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("is not a git ref"), "{args:?}: {err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
        assert!(!target.exists(), "{args:?}: git wrote {}", target.display());
    }
    let output = run_in(d, &["check", &option, "."], secs(30));
    assert!(
        stderr(&output).contains(&format!("`--output={}`", target.display())),
        "{}",
        stderr(&output)
    );
}

/// A file whose name git quotes (`"\303\251t\303\251.html"`) was skipped
/// silently by `--changed-since`; names are read NUL-separated now.
#[test]
fn changed_since_finds_files_with_non_ascii_names() {
    let dir = repository();
    let d = dir.path();
    write(d, "été.html", CLEAN);
    write(d, "tab\there.html", CLEAN);
    write(d, "old.html", ONE_FINDING);
    let output = run_in(
        d,
        &["check", "--format", "json", "--changed-since", "HEAD", "."],
        secs(30),
    );
    assert_no_crash(&output);
    let mut found = reported_paths(&json(&output));
    found.sort();
    assert_eq!(found, ["./old.html", "./tab\there.html", "./été.html"]);
}

/// A presslint.toml shipped inside the linted tree set `assets = ["/"]`,
/// and `<img src="/etc/passwd">` was then opened. Asset roots from a config
/// file must lie inside its directory, once `..` and symbolic links are
/// resolved: otherwise it is a config error naming the file and the key,
/// and nothing is linted.
#[test]
fn config_asset_roots_cannot_leave_the_configs_tree() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    write(
        &site,
        "news/story.html",
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Harbour reopens</title></head>\n<body>\n<h1>Harbour reopens after storm</h1>\n<img src=\"/etc/passwd\" alt=\"The harbour wall\">\n<img src=\"/../../etc/passwd\" alt=\"The quay\">\n</body>\n</html>\n",
    );
    fs::create_dir(site.join("public")).unwrap();
    std::os::unix::fs::symlink("/", site.join("escape")).unwrap();
    for assets in ["/", "/etc", "..", "public/../..", "escape", "escape/etc"] {
        write(
            &site,
            "presslint.toml",
            format!("assets = [\"{assets}\"]\n"),
        );
        for args in [
            vec!["check", "--format", "json", "site"],
            vec!["check", "--config", "site/presslint.toml", "site"],
        ] {
            let output = run_in(dir.path(), &args, secs(30));
            assert_eq!(
                output.status.code(),
                Some(2),
                "{assets}: {}",
                stderr(&output)
            );
            let err = stderr(&output);
            assert_eq!(err.lines().count(), 1, "{assets}: {err}");
            assert!(err.contains("presslint.toml:1:11: `assets` entry"), "{err}");
            assert!(err.contains("--assets"), "{err}");
            assert!(stdout(&output).is_empty(), "{assets}: linted anyway");
        }
    }

    // Inside its tree, the references resolve there and /etc is not read.
    write(&site, "presslint.toml", "assets = [\"public\"]\n");
    let output = run_in(dir.path(), &["check", "--format", "json", "site"], secs(30));
    assert_no_crash(&output);
    let report = json(&output);
    let messages: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "img-file-missing")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("tried site/public/etc/passwd"),
        "{messages:?}"
    );
    assert!(messages[1].contains("did not read it"), "{messages:?}");
    assert!(!stdout(&output).contains("root:"));
}

/// `--fix --dry-run` on a file of 80,000 lines, each fixed: the diff took
/// time in the lines times the lines changed (37 s in a release build).
/// Past a deadline the diff is approximated, still a patch naming every
/// changed line.
#[test]
fn a_dry_run_over_thousands_of_fixed_lines_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let png = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/images/media/2025/01/09/map-thumb.png"),
    )
    .unwrap();
    write(dir.path(), "map.png", png);
    let lines: String = (0..80_000)
        .map(|i| format!("<p><img src=\"map.png\" alt=\"Map of the harbour, part {i}\"></p>\n"))
        .collect();
    write(
        dir.path(),
        "maps.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>\n{lines}</body></html>\n"
        ),
    );
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--select",
            "img-unsized",
            "--fix",
            "--dry-run",
            "maps.html",
        ],
        secs(60),
    );
    assert_no_crash(&output);
    let diff = stdout(&output);
    let added = diff.lines().filter(|l| l.starts_with("+<p><img")).count();
    assert_eq!(added, 80_000);
}
