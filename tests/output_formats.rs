//! The output formats through the real binary: the golden output of every
//! format on a small fixed input, SARIF validated against the official
//! SARIF 2.1.0 schema, JUnit XML parsed, JSON Lines compared with the JSON
//! report, GitHub workflow commands escaped, and `--output`.

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// Findings with secondary labels (duplicate alt, heading order) and markup
/// characters in the flagged text.
const STORY: &str = "<article>\n  <h2>Summit</h2>\n  <figure>\n    <img src=\"/gc4/images/kim.webp\">\n    <figcaption>Kim Jong Un in Amur province. [AFP]</figcaption>\n  </figure>\n  <img src=\"a.jpg\" alt=\"Kim & Putin, 100% <together>\">\n  <img src=\"b.jpg\" alt=\"Kim & Putin, 100% <together>\">\n  <h4>Reaction</h4>\n</article>\n";
const CLEAN: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Kim visits Russia</title></head>\n<body>\n<h1>Kim visits Russia</h1>\n<p>MOSCOW -- The two leaders met on Wednesday.</p>\n</body>\n</html>\n";
/// Multibyte text before the finding (columns count code points) and a file
/// name that needs escaping in a URI and in a workflow command.
const ODD: &str = "<p>Café — <img src=\"x.png\" alt=\"photo\"></p>\n";
const ODD_NAME: &str = "odd, 100%.html";

const FORMATS: &[&str] = &[
    "human", "json", "sarif", "github", "junit", "jsonl", "summary",
];

fn presslint() -> Command {
    let mut cmd = Command::cargo_bin("presslint").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A directory holding `news/` with the three small articles.
fn news() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    fs::write(news.join("story.html"), STORY).unwrap();
    fs::write(news.join("clean.html"), CLEAN).unwrap();
    fs::write(news.join(ODD_NAME), ODD).unwrap();
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    presslint().current_dir(dir).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn fixtures() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")
}

#[test]
fn golden_output_of_every_format() {
    let dir = news();
    for format in FORMATS {
        let output = run_in(dir.path(), &["check", "--format", format, "news"]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stderr.is_empty(), "{format}");
        insta::assert_snapshot!(format!("format_{format}"), stdout(&output));
    }
}

#[test]
fn every_format_reports_a_clean_run_and_exits_0() {
    let dir = news();
    for format in FORMATS {
        let output = run_in(
            dir.path(),
            &["check", "--format", format, "news/clean.html"],
        );
        assert_eq!(output.status.code(), Some(0), "{format}");
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/sarif/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema["id"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    jsonschema::validator_for(&schema).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_matches_the_official_schema() {
    let validator = sarif_validator();
    let dir = news();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "news",
            fixtures(),
            "missing.html",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors = schema_errors(&validator, &log);
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 20, "the fixtures have findings");
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let fingerprint = result["partialFingerprints"]["presslint/v1"]
            .as_str()
            .unwrap();
        assert!(fingerprint.len() > 17, "{fingerprint}");
    }
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert_eq!(
            rule["helpUri"],
            format!("https://github.com/presslint/presslint/blob/main/rules/{id}.md")
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("rules/{id}.md"))
                .exists()
        );
    }
    // The unreadable input is a failed execution with a notification.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "missing.html"
    );

    // The validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!schema_errors(&validator, &broken).is_empty());
}

#[test]
fn sarif_regions_agree_with_the_json_report() {
    let dir = news();
    let sarif: Value =
        serde_json::from_slice(&run_in(dir.path(), &["check", "--format", "sarif", "news"]).stdout)
            .unwrap();
    let json: Value =
        serde_json::from_slice(&run_in(dir.path(), &["check", "--format", "json", "news"]).stdout)
            .unwrap();
    let diagnostics: Vec<&Value> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .collect();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics.len());
    for (result, d) in results.iter().zip(diagnostics) {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let span = &d["span"];
        assert_eq!(region["startLine"], span["line"]);
        assert_eq!(region["startColumn"], span["column"]);
        assert_eq!(region["endLine"], span["end_line"]);
        assert_eq!(region["endColumn"], span["end_column"]);
        assert_eq!(region["byteOffset"], span["start"]);
        assert_eq!(
            region["byteLength"].as_u64().unwrap(),
            span["end"].as_u64().unwrap() - span["start"].as_u64().unwrap()
        );
        let labels = d["labels"].as_array().unwrap();
        let related = result["relatedLocations"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        assert_eq!(related.len(), labels.len());
        for (r, l) in related.iter().zip(labels) {
            assert_eq!(r["message"]["text"], l["message"]);
            assert_eq!(
                r["physicalLocation"]["region"]["byteOffset"],
                l["span"]["start"]
            );
        }
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "news/odd%2C%20100%25.html"
    );
}

fn fingerprints(source: &str) -> Vec<(String, u64, String)> {
    let output = presslint()
        .args([
            "check",
            "--format",
            "sarif",
            // Only the markup's findings: the image rules add some on the same tags.
            "--ignore",
            "image",
            "--stdin-filename",
            "story.html",
            "-",
        ])
        .write_stdin(source)
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
                r["partialFingerprints"]["presslint/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn sarif_fingerprints_follow_findings_when_lines_move() {
    let before = fingerprints(STORY);
    // Three new lines on top and the article re-indented.
    let moved = format!(
        "<p>Updated</p>\n<p>at noon</p>\n\n{}",
        STORY.replace("\n  ", "\n      ")
    );
    let after = fingerprints(&moved);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.0, a.0);
        assert_eq!(b.1 + 3, a.1, "the finding moved down three lines");
        assert_eq!(b.2, a.2, "{}: same fingerprint", b.0);
    }
    let all: std::collections::HashSet<_> = before.iter().map(|f| &f.2).collect();
    assert_eq!(all.len(), before.len(), "fingerprints are distinct");
    // Editing the flagged markup changes the fingerprint.
    let edited = fingerprints(&STORY.replace("kim.webp", "kim-2.webp"));
    assert_ne!(before[0].2, edited[0].2);
    assert_eq!(before[1..], edited[1..]);
}

#[test]
fn junit_is_well_formed_with_a_test_case_per_file_and_a_failure_per_diagnostic() {
    let dir = news();
    let odd_name = "a&b <\"c\">\u{1}'.html";
    fs::write(dir.path().join("news").join(odd_name), ODD).unwrap();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "junit",
            "news",
            fixtures(),
            "missing.html",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let xml = stdout(&output);
    let json: Value = serde_json::from_slice(
        &run_in(
            dir.path(),
            &["check", "--format", "json", "news", fixtures()],
        )
        .stdout,
    )
    .unwrap();
    let files = json["files"].as_array().unwrap();
    let diagnostics: usize = files
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();

    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut testcases, mut failures, mut errors) = (0, 0, 0);
    let mut names = Vec::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                match e.name().as_ref() {
                    "testcase" => {
                        testcases += 1;
                        let name = e.try_get_attribute("name").unwrap().unwrap();
                        names.push(
                            name.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                    "failure" => failures += 1,
                    "error" => errors += 1,
                    _ => {}
                }
            }
            Ok(_) => {}
            Err(err) => panic!(
                "not well-formed at {}: {err}\n{xml}",
                reader.error_position()
            ),
        }
    }
    assert_eq!(testcases, files.len() + 1);
    assert_eq!(failures, diagnostics);
    assert_eq!(errors, 1);
    // Markup characters round-trip; the control character, which XML 1.0
    // cannot carry, became U+FFFD.
    assert!(
        names.contains(&"news/a&b <\"c\">\u{fffd}'.html".to_string()),
        "{names:?}"
    );
}

#[test]
fn jsonl_is_the_json_report_one_diagnostic_a_line() {
    let dir = news();
    let args = |format| vec!["check", "--format", format, "news", fixtures()];
    let json: Value = serde_json::from_slice(&run_in(dir.path(), &args("json")).stdout).unwrap();
    let output = run_in(dir.path(), &args("jsonl"));
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected: Vec<Value> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"].as_array().unwrap().iter().map(|d| {
                let mut d = d.clone();
                d["path"] = f["path"].clone();
                d
            })
        })
        .collect();
    assert!(expected.len() > 20);
    assert_eq!(lines, expected, "same diagnostics, in the same order");
}

#[test]
fn streaming_hands_files_on_in_the_order_they_were_found() {
    let settings = presslint::Settings::new(
        presslint::engine::Selection::default(),
        presslint::config::Resolver::new(None).unwrap(),
        "<stdin>".into(),
    );
    let paths = [std::path::PathBuf::from(fixtures())];
    let all = presslint::lint_paths(&paths, &settings).unwrap();
    let mut streamed = Vec::new();
    let errors = presslint::lint_paths_with(&paths, &settings, |file| {
        streamed.push((file.path, file.diagnostics));
    })
    .unwrap();
    assert!(errors.is_empty());
    let collected: Vec<_> = all
        .files
        .into_iter()
        .map(|f| (f.path, f.diagnostics))
        .collect();
    assert!(collected.len() >= 5);
    assert_eq!(streamed, collected);
}

#[test]
fn github_commands_are_one_line_each_and_escaped() {
    let output = presslint()
        .args([
            "check",
            "--format",
            "github",
            "--ignore",
            "image",
            "--stdin-filename",
            "news/a,b:c%.html",
            "-",
        ])
        .write_stdin(STORY)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // img-alt-missing, caption-date-missing, img-alt-duplicate, heading-order
    assert_eq!(lines.len(), 4, "one command per diagnostic: {text}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
    );
    assert!(
        lines[0].starts_with(
            "::error file=news/a%2Cb%3Ac%25.html,line=4,col=5,endLine=4,endColumn=37,title=img-alt-missing::this image has no alt text%0Ahelp: "
        ),
        "{}",
        lines[0]
    );

    // An unreadable input is an annotation too.
    let output = presslint()
        .args(["check", "--format", "github", "no-such.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).starts_with("::error title=presslint::no-such.html: "));
}

#[test]
fn output_writes_the_report_to_a_file() {
    let dir = news();
    for format in FORMATS {
        let name = format!("report.{format}");
        let output = run_in(
            dir.path(),
            &["check", "--format", format, "--output", &name, "news"],
        );
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stdout.is_empty(), "{format}: nothing on stdout");
        let expected = stdout(&run_in(dir.path(), &["check", "--format", format, "news"]));
        let written = fs::read_to_string(dir.path().join(&name)).unwrap();
        assert_eq!(written, expected, "{format}");
    }
    // An existing report is replaced; no temporary file is left behind.
    fs::write(dir.path().join("report.sarif"), "old").unwrap();
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "sarif",
            "--output",
            "report.sarif",
            "news/clean.html",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let log: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("report.sarif")).unwrap())
            .unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let mut expected: Vec<String> = FORMATS.iter().map(|f| format!("report.{f}")).collect();
    expected.push("news".into());
    expected.sort();
    assert_eq!(left, expected);
}

#[test]
fn an_unwritable_output_is_a_one_line_error_naming_it() {
    let dir = news();
    for target in ["no-such-dir/report.sarif", "news"] {
        let output = run_in(
            dir.path(),
            &["check", "--format", "sarif", "--output", target, "news"],
        );
        assert_eq!(output.status.code(), Some(2), "{target}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(target), "{stderr}");
    }
    assert!(!dir.path().join("no-such-dir").exists());
    assert_eq!(fs::read_dir(dir.path().join("news")).unwrap().count(), 3);
}
