//! The command line through the real binary: exit codes, inputs, selection,
//! the JSON contract and the rules/explain commands.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const CLEAN: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Kim visits Russia</title></head>\n<body>\n<h1>Kim visits Russia</h1>\n<p>MOSCOW -- The two leaders met on Wednesday.</p>\n</body>\n</html>\n";
const FINDINGS: &str = "<article>\n  <h2>Summit</h2>\n  <figure>\n    <img src=\"/gc4/images/kim.webp\">\n    <figcaption>Kim Jong Un in Amur province, Russia, on September 13. [Vladimir Smirnov/Pool/AFP]</figcaption>\n  </figure>\n  <h4>Reaction</h4>\n</article>\n";
const WARNINGS_ONLY: &str = "<article>\n  <h2>Summit</h2>\n  <h4>Reaction</h4>\n</article>\n";

fn presslint() -> Command {
    let mut cmd = Command::cargo_bin("presslint").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.html", CLEAN);
    write(dir.path(), "findings.html", FINDINGS);
    write(dir.path(), "warnings.html", WARNINGS_ONLY);
    let p = |name: &str| dir.path().join(name);
    presslint()
        .arg("check")
        .arg(p("clean.html"))
        .assert()
        .code(0);
    presslint()
        .arg("check")
        .arg(p("findings.html"))
        .assert()
        .code(1);
    presslint()
        .args(["check", "--fail-on", "never"])
        .arg(p("findings.html"))
        .assert()
        .code(0);
    presslint()
        .arg("check")
        .arg(p("warnings.html"))
        .assert()
        .code(0);
    presslint()
        .args(["check", "--fail-on", "warning"])
        .arg(p("warnings.html"))
        .assert()
        .code(1);
    presslint()
        .args(["check", "--fail-on", "info"])
        .arg(p("clean.html"))
        .assert()
        .code(0);
}

#[test]
fn missing_paths_are_one_line_errors_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "findings.html", FINDINGS);
    let missing = dir.path().join("no-such-dir");
    let output = presslint()
        .args(["check", "--format", "json"])
        .arg(&missing)
        .arg(dir.path().join("findings.html"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert!(stderr.contains("no such file or directory"), "{stderr}");
    let report = json(&output);
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert_eq!(report["errors"][0]["path"], missing.display().to_string());
    // The human report's closing lines say an input went unread: "No
    // problems found" alone would read as a clean run.
    let output = presslint().arg("check").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "1 input could not be read.\nNo problems found in 0 files.\n"
    );
}

#[cfg(unix)]
#[test]
fn broken_symlink_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("article.html");
    std::os::unix::fs::symlink(dir.path().join("gone.html"), &link).unwrap();
    let output = presslint().arg("check").arg(&link).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("article.html"));
}

#[test]
fn directory_walk_finds_html_and_skips_hidden_target_node_modules() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "a.html",
        "sub/b.htm",
        "sub/c.HTML",
        ".hidden/d.html",
        "node_modules/e.html",
        "target/f.html",
        "notes.txt",
    ] {
        write(dir.path(), name, FINDINGS);
    }
    let output = presslint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report = json(&output);
    let mut paths: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .replace(&dir.path().display().to_string(), "")
        })
        .collect();
    paths.sort();
    assert_eq!(paths, ["/a.html", "/sub/b.htm", "/sub/c.HTML"]);
}

#[test]
fn stdin_with_a_file_name() {
    let output = presslint()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "story.html",
            "-",
        ])
        .write_stdin(FINDINGS)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["files"][0]["path"], "story.html");
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["img-alt-missing", "img-unsized", "heading-order"]);
}

#[test]
fn select_and_ignore_take_rules_and_groups() {
    let rules_of = |args: &[&str]| -> Vec<String> {
        let output = presslint()
            .args(["check", "--format", "json", "-"])
            .args(args)
            .write_stdin(FINDINGS)
            .output()
            .unwrap();
        json(&output)["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules_of(&["--select", "heading"]), ["heading-order"]);
    assert_eq!(
        rules_of(&["--select", "img-alt-missing,heading-order"]),
        ["img-alt-missing", "heading-order"]
    );
    assert_eq!(
        rules_of(&["--ignore", "alt"]),
        ["img-unsized", "heading-order"]
    );
    assert_eq!(
        rules_of(&["--select", "heading", "--ignore", "heading-order"]),
        Vec::<String>::new()
    );
}

#[test]
fn unknown_rule_is_a_usage_error_with_a_suggestion() {
    let output = presslint()
        .args(["check", "--select", "img-alt-mising", "-"])
        .write_stdin(CLEAN)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("did you mean `img-alt-missing`"),
        "{stderr}"
    );
    presslint()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    presslint().arg("frobnicate").assert().code(2);
}

#[test]
fn json_report_matches_the_published_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/report.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.html", CLEAN);
    write(dir.path(), "findings.html", FINDINGS);
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let output = presslint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .arg(fixtures)
        .arg(dir.path().join("missing.html"))
        .output()
        .unwrap();
    let report = json(&output);
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        report["summary"]["files"],
        report["files"].as_array().unwrap().len()
    );
    // The clean file is listed with an empty list.
    let clean = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("clean.html"))
        .unwrap();
    assert_eq!(clean["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn diagnostics_are_sorted_and_spans_exact() {
    let output = presslint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(FINDINGS)
        .output()
        .unwrap();
    let report = json(&output);
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    let starts: Vec<u64> = diags
        .iter()
        .map(|d| d["span"]["start"].as_u64().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    let img = &diags[0]["span"];
    let (start, end) = (
        img["start"].as_u64().unwrap() as usize,
        img["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&FINDINGS[start..end], "<img src=\"/gc4/images/kim.webp\">");
    assert_eq!(
        (img["line"].as_u64(), img["column"].as_u64()),
        (Some(4), Some(5))
    );
}

#[test]
fn human_output_has_code_frames_and_no_color_when_piped() {
    let output = presslint()
        .args(["check", "--stdin-filename", "story.html", "-"])
        .write_stdin(FINDINGS)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "no ANSI escapes when piped");
    assert!(stdout.contains("img-alt-missing"));
    assert!(stdout.contains("--> story.html:4:5\n"), "{stdout}");
    assert!(stdout.contains("<img src=\"/gc4/images/kim.webp\">"));
    assert!(
        stdout.contains("Found 3 problems (1 error, 2 warnings, 0 infos) in 1 file."),
        "{stdout}"
    );
}

#[test]
fn rules_command_lists_every_rule_and_matches_the_readme() {
    let output = presslint().arg("rules").output().unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    for rule in presslint::rules::RULES {
        assert!(table.contains(&format!("`{}`", rule.id)));
    }
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README's rule table is out of date: paste `presslint rules` into it"
    );

    let output = presslint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let list = json(&output);
    assert_eq!(
        list.as_array().unwrap().len(),
        presslint::rules::RULES.len()
    );
    assert_eq!(list[0]["id"], "img-alt-duplicate");
    let too_long = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "img-alt-too-long")
        .unwrap();
    assert_eq!(too_long["options"][0]["name"], "max");
    assert_eq!(too_long["options"][0]["default"], 150);
}

#[test]
fn explain_prints_the_rule_page() {
    let output = presslint()
        .args(["explain", "heading-order"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("# heading-order\n")
    );
    let output = presslint()
        .args(["explain", "heading-ordr"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("heading-order")
    );
}
