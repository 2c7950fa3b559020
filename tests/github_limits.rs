//! `--format github` within GitHub's annotation limits (10 error, 10
//! warning and 10 notice annotations per step): past them, the most
//! severe are annotated, the rest are plain log lines, and a last notice
//! says so; nothing is dropped without a word.

use assert_cmd::Command;

const RULES: &str = "img-alt-missing,img-alt-placeholder,unused-suppression,heading-order";

/// An article with `errors` images without alt, `warnings` with alt
/// "photo" and `infos` suppressions that suppress nothing.
fn article(errors: usize, warnings: usize, infos: usize) -> String {
    let mut s = String::from("<html lang=en><title>Storm</title><h1>Storm</h1>\n");
    for _ in 0..infos {
        s.push_str("<!-- presslint-disable-next-line heading-order -- reason -->\n<p>Wind.</p>\n");
    }
    for _ in 0..errors {
        s.push_str("<img src=\"data:,\">\n");
    }
    for _ in 0..warnings {
        s.push_str("<img src=\"data:,\" alt=\"photo\">\n");
    }
    s
}

fn github(article: &str, extra: &[&str]) -> (Vec<String>, Option<i32>) {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .args(["check", "--format", "github", "--select", RULES])
        .args(["--stdin-filename", "news/storm.html"])
        .args(extra)
        .arg("-")
        .write_stdin(article)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    (
        text.lines().map(String::from).collect(),
        output.status.code(),
    )
}

fn count(lines: &[String], prefix: &str) -> usize {
    lines.iter().filter(|l| l.starts_with(prefix)).count()
}

#[test]
fn within_the_limits_every_finding_is_an_annotation_in_order() {
    let (lines, code) = github(&article(10, 10, 10), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 30);
    assert_eq!(count(&lines, "::error "), 10);
    assert_eq!(count(&lines, "::warning "), 10);
    assert_eq!(count(&lines, "::notice "), 10);
    // In the order found: the suppressions come first in the article.
    assert!(lines[0].starts_with("::notice file=news/storm.html,line=2,"));
}

#[test]
fn past_the_limits_the_most_severe_are_annotated_and_a_notice_says_so() {
    let (lines, code) = github(&article(13, 12, 11), &[]);
    assert_eq!(code, Some(1));
    // 36 findings: 10 errors, 10 warnings and 9 notices annotated (the
    // tenth notice is the summary), 7 as plain lines.
    assert_eq!(count(&lines, "::error "), 10);
    assert_eq!(count(&lines, "::warning "), 10);
    assert_eq!(count(&lines, "::notice file="), 9);
    assert_eq!(count(&lines, "presslint: news/storm.html:"), 7);
    assert_eq!(lines.len(), 10 + 10 + 9 + 7 + 1);
    let annotations: Vec<&String> = lines.iter().filter(|l| l.starts_with("::")).collect();
    let severities: Vec<&str> = annotations[..29]
        .iter()
        .map(|l| l[2..].split(' ').next().unwrap())
        .collect();
    let mut sorted = severities.clone();
    sorted.sort_by_key(|s| ["error", "warning", "notice"].iter().position(|k| k == s));
    assert_eq!(severities, sorted, "most severe first");
    assert!(
        lines.contains(
            &"presslint: news/storm.html:34:1: error [img-alt-missing] this image has no alt text"
                .to_string()
        ),
        "{lines:#?}"
    );
    let notice = lines.last().unwrap();
    assert!(notice.starts_with("::notice title=presslint::36 problems (13 errors, 12 warnings, 11 infos); GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, so the 29 most severe are annotated and the other 7 "), "{notice}");
    assert!(
        notice.ends_with("in the full report: this step's log"),
        "{notice}"
    );
}

#[test]
fn the_notice_names_the_report_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presslint.log");
    let (stdout, code) = github(&article(11, 0, 0), &["--output", path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    let report = std::fs::read_to_string(&path).unwrap();
    let notice = report.lines().last().unwrap();
    assert!(
        notice.ends_with(&format!("in the full report: {}", path.display())),
        "{notice}"
    );
    assert_eq!(
        report.lines().filter(|l| l.starts_with("::error ")).count(),
        10
    );
    assert_eq!(
        report
            .lines()
            .filter(|l| l.starts_with("presslint: "))
            .count(),
        1
    );
}
