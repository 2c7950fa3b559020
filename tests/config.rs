//! presslint.toml and inline suppressions through the real binary.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const STORY: &str = "<article>\n  <h2>Summit</h2>\n  <img src=\"/gc4/images/kim.webp\">\n  <h4>Reaction</h4>\n</article>\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// (file name, rule, severity) of every diagnostic, and the exit code.
fn run(dir: &Path, args: &[&str]) -> (Vec<(String, String, String)>, Option<i32>, String) {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir)
        // The image rules need image files; these stories have none.
        .args(["check", "--format", "json", "--ignore", "image"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.stdout.is_empty() {
        return (Vec::new(), output.status.code(), stderr);
    }
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found = Vec::new();
    for file in report["files"].as_array().unwrap() {
        let name = Path::new(file["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for d in file["diagnostics"].as_array().unwrap() {
            found.push((
                name.clone(),
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            ));
        }
    }
    (found, output.status.code(), stderr)
}

/// The JSON report on `story.html` in `dir` (image rules off: no files
/// around it), and the exit code.
fn story_report(dir: &Path) -> (serde_json::Value, Option<i32>) {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(dir)
        .args([
            "check",
            "--format",
            "json",
            "--ignore",
            "image",
            "story.html",
        ])
        .output()
        .unwrap();
    (
        serde_json::from_slice(&output.stdout).unwrap(),
        output.status.code(),
    )
}

fn t(file: &str, rule: &str, severity: &str) -> (String, String, String) {
    (file.into(), rule.into(), severity.into())
}

#[test]
fn nearest_config_wins_and_overrides_apply_by_glob() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "presslint.toml",
        "[rules]\nheading-order = \"error\"\n\n[[overrides]]\nfiles = [\"archive/**\"]\n[overrides.rules]\nimg-alt-missing = \"warning\"\n",
    );
    write(d, "news/today.html", STORY);
    write(d, "archive/2019/old.html", STORY);
    write(
        d,
        "desk/presslint.toml",
        "[rules]\nimg-alt-missing = \"off\"\n",
    );
    write(d, "desk/draft.html", STORY);
    let (found, code, _) = run(d, &["."]);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        [
            t("old.html", "img-alt-missing", "warning"),
            t("old.html", "heading-order", "error"),
            // desk/ has its own config: nearest wins, the parent's is not merged.
            t("draft.html", "heading-order", "warning"),
            t("today.html", "img-alt-missing", "error"),
            t("today.html", "heading-order", "error"),
        ]
    );
    // Globs are relative to the config file, wherever presslint runs from.
    let (found, _, _) = run(
        d.parent().unwrap(),
        &[&format!(
            "{}/archive",
            d.file_name().unwrap().to_string_lossy()
        )],
    );
    assert_eq!(found[0], t("old.html", "img-alt-missing", "warning"));
}

#[test]
fn explicit_config_overrides_discovery_and_options_reach_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "presslint.toml", "[rules]\nimg-alt-missing = \"off\"\n");
    write(
        d,
        "ci.toml",
        "[rules]\nheading-order = \"off\"\nimg-alt-too-long = { level = \"error\", max = 10 }\n",
    );
    write(
        d,
        "story.html",
        "<p><img src=a.jpg alt=\"Kim Jong Un at the cosmodrome\"></p>\n<h2>A</h2><h4>B</h4>\n",
    );
    let (found, _, _) = run(d, &["--config", "ci.toml", "story.html"]);
    assert_eq!(found, [t("story.html", "img-alt-too-long", "error")]);
}

#[test]
fn bad_config_is_exit_2_naming_file_line_and_nearest_name_and_lints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "presslint.toml",
        "# house rules\n[rules]\nimg-alt-mising = \"off\"\n",
    );
    write(d, "story.html", STORY);
    let (found, code, stderr) = run(d, &["story.html"]);
    assert_eq!(code, Some(2));
    assert!(found.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(
            "presslint.toml:3:1: unknown rule `img-alt-mising` (did you mean `img-alt-missing`?)"
        ),
        "{stderr}"
    );

    write(
        d,
        "presslint.toml",
        "[rules]\nimg-alt-too-long = { maxx = 3 }\n",
    );
    let (_, code, stderr) = run(d, &["story.html"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("presslint.toml:2:") && stderr.contains("did you mean `max`"),
        "{stderr}"
    );

    write(d, "presslint.toml", "[rulez]\n");
    let (_, code, stderr) = run(d, &["story.html"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("presslint.toml:1:") && stderr.contains("`rules`"),
        "{stderr}"
    );

    let (_, code, stderr) = run(d, &["--config", "missing.toml", "story.html"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("missing.toml"), "{stderr}");
}

#[test]
fn init_writes_a_valid_starter_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(d)
        .arg("init")
        .assert()
        .code(0);
    let text = fs::read_to_string(d.join("presslint.toml")).unwrap();
    assert!(text.contains("img-alt-too-long"));
    Command::cargo_bin("presslint")
        .unwrap()
        .current_dir(d)
        .arg("init")
        .assert()
        .code(2);
    write(d, "story.html", STORY);
    let (found, _, _) = run(d, &["story.html"]);
    assert_eq!(found.len(), 2, "the starter changes nothing");
}

#[test]
fn every_suppression_form() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let html = "<article>
<!-- presslint-disable-next-line img-alt-missing -- archive scan -->
<img src=a.jpg>
<img src=b.jpg>
<!-- presslint-disable link-name-missing -->
<a href=/x></a>
<a href=/y></a>
<!-- presslint-enable link-name-missing -->
<a href=/z></a>
<div data-presslint-ignore=\"img-alt-missing, link-name-missing\"><p><img src=c.jpg><a href=/w></a></p></div>
<img src=d.jpg>
<!-- presslint-disable -->
<h2></h2>
</article>
";
    write(d, "story.html", html);
    let (report, _) = story_report(d);
    let lines: Vec<(u64, &str)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["span"]["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (4, "img-alt-missing"),
            (9, "link-name-missing"),
            (11, "img-alt-missing")
        ]
    );
}

#[test]
fn unused_suppressions_are_reported_as_info() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let html = "<article>
<!-- presslint-disable-next-line img-alt-missing -->
<img src=a.jpg alt=\"Kim\">
<p data-presslint-ignore=\"img-alt-mising\">text</p>
<!-- presslint-disable-next-line heading-order, img-alt-missing -->
<img src=b.jpg>
</article>
";
    write(d, "story.html", html);
    let (report, code) = story_report(d);
    assert_eq!(code, Some(0), "info does not fail the run");
    let found: Vec<(u64, &str, &str, &str)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["span"]["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                "unused-suppression",
                "info",
                "this suppression of `img-alt-missing` suppresses nothing"
            ),
            (
                4,
                "unused-suppression",
                "info",
                "`img-alt-mising` is not a presslint rule"
            ),
            (
                5,
                "unused-suppression",
                "info",
                "this suppression of `heading-order` suppresses nothing"
            ),
        ]
    );
    // A suppression of a rule that is not running is not "unused".
    let (found, _, _) = run(
        d,
        &[
            "--select",
            "img-alt-missing,unused-suppression",
            "story.html",
        ],
    );
    assert_eq!(
        found.iter().filter(|f| f.1 == "unused-suppression").count(),
        2
    );
}

/// A directory is walked for HTML and Markdown articles; a config's
/// `extensions` and `--ext` choose, a repository README is not an article,
/// and a file named on the command line is always linted.
#[test]
fn extensions_choose_what_a_directory_walk_lints() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "story.html",
        "<!DOCTYPE html><html><head><title>Storm</title></head><body><h1>Storm</h1></body></html>\n",
    );
    write(
        d,
        "notes.md",
        "---\ntitle: Storm notes\nlang: english\n---\nThe harbour reopened on Tuesday.\n",
    );
    write(d, "README.md", "---\nlang: nonsense\n---\n# Repository\n");
    let files = |found: &[(String, String, String)]| {
        let mut names: Vec<String> = found.iter().map(|(f, _, _)| f.clone()).collect();
        names.dedup();
        names
    };
    let (found, _, _) = run(d, &["."]);
    assert_eq!(files(&found), ["notes.md", "story.html"], "{found:?}");
    let (found, _, _) = run(d, &["--ext", "md", "."]);
    assert_eq!(files(&found), ["notes.md"]);
    write(d, "presslint.toml", "extensions = [\"html\"]\n");
    let (found, _, _) = run(d, &["."]);
    assert_eq!(files(&found), ["story.html"]);
    let (found, _, _) = run(d, &["README.md"]);
    assert_eq!(files(&found), ["README.md"]);
}

#[test]
fn captions_photo_selector_says_which_figures_hold_news_photos() {
    let dir = tempfile::tempdir().unwrap();
    let story = "<article>\n  <h1>Floods</h1>\n\
        <figure class=\"photo\"><img src=\"a.jpg\" alt=\"Residents wade through a flooded street\" width=\"600\" height=\"400\">\
        <figcaption>Residents wade through a flooded street.</figcaption></figure>\n\
        <figure class=\"promo-card\"><img src=\"b.jpg\" alt=\"Volunteers fill sandbags\" width=\"600\" height=\"400\">\
        <figcaption>Volunteers fill sandbags.</figcaption></figure>\n</article>\n";
    write(dir.path(), "story.html", story);
    let caption_lines = |found: &[(String, String, String)]| {
        found
            .iter()
            .filter(|(_, rule, _)| rule == "caption-credit-missing")
            .count()
    };
    // By default the figures' own words decide: a promo card is no news photo.
    let (found, _, _) = run(dir.path(), &["--select", "caption"]);
    assert_eq!(caption_lines(&found), 1, "{found:?}");
    // The site says which figures are photos.
    write(
        dir.path(),
        "presslint.toml",
        "[captions]\nphoto = \"figure\"\n",
    );
    let (found, _, _) = run(dir.path(), &["--select", "caption"]);
    assert_eq!(caption_lines(&found), 2, "{found:?}");
    // A selector that does not parse is a config error naming file and line.
    write(
        dir.path(),
        "presslint.toml",
        "[captions]\nphoto = \"figure[\"\n",
    );
    let (found, code, stderr) = run(dir.path(), &["--select", "caption"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(found.is_empty());
    assert!(
        stderr.contains("presslint.toml:2:9") && stderr.contains("captions.photo"),
        "{stderr}"
    );
}
