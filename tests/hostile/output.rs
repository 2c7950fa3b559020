//! Hostile inputs: output an article could break, flood or forge, and
//! positions in files that are not plain UTF-8.

use crate::support::*;

const FORMATS: &[&str] = &[
    "human", "json", "sarif", "github", "junit", "jsonl", "summary",
];

/// Terminal control characters that must never reach a terminal or a log.
fn assert_no_controls(text: &str, what: &str) {
    for c in ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{what}: raw {c:?} in output:\n{text}");
    }
}

/// Every format parses as what it claims to be.
fn assert_valid_document(format: &str, out: &str) {
    match format {
        "json" | "sarif" => {
            serde_json::from_str::<serde_json::Value>(out)
                .unwrap_or_else(|e| panic!("{format} is not JSON: {e}"));
        }
        "jsonl" => {
            for line in out.lines() {
                serde_json::from_str::<serde_json::Value>(line)
                    .unwrap_or_else(|e| panic!("jsonl line is not JSON: {e}"));
            }
        }
        "junit" => {
            let mut reader = quick_xml::Reader::from_str(out);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("junit is not XML: {e}"),
                }
            }
        }
        _ => {}
    }
}

/// miette's renderer panicked on a finding past column 65,535, which every
/// minified page has; the human report now shows a window of the line.
#[test]
fn a_finding_past_column_65535_is_framed() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<p>{}<img src=\"a.jpg\"></p>", "x".repeat(70_000));
    write(dir.path(), "minified.html", &page);
    write(dir.path(), "clean.html", CLEAN);
    let output = run_in(
        dir.path(),
        &["check", "minified.html", "clean.html"],
        secs(30),
    );
    assert_no_crash(&output);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("--> minified.html:1:70004\n"), "{out}");
    assert!(out.contains("in 2 files."), "{out}");
    assert!(out.len() < 4_000, "{} bytes", out.len());
}

/// A one-line file with thousands of findings: each frame is a window,
/// not the whole line again (this once printed 120 MB for 30 KB).
#[test]
fn long_lines_are_windowed_not_reprinted() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<p>{}</p>", "<img src=\"a.jpg\">".repeat(2_000));
    write(dir.path(), "gallery.html", &page);
    let output = run_in(
        dir.path(),
        &["check", "--select", "img-alt-missing", "gallery.html"],
        secs(60),
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert_eq!(out.matches("error[img-alt-missing]").count(), 2_000);
    assert!(out.len() < 2_000 * 1_000, "{} bytes", out.len());
}

/// 100,000 findings on one line: positions come from an index with
/// checkpoints, not from recounting the line per finding.
#[test]
fn a_hundred_thousand_findings_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<p>é{}</p>", "<img src=x>".repeat(100_000));
    write(dir.path(), "flood.html", &page);
    for format in ["json", "human"] {
        let output = run_in(
            dir.path(),
            &[
                "check",
                "--select",
                "img-alt-missing",
                "--format",
                format,
                "flood.html",
            ],
            secs(120),
        );
        assert_eq!(output.status.code(), Some(1), "{format}");
        if format == "json" {
            let report = json(&output);
            let last = &report["files"][0]["diagnostics"][99_999]["span"];
            assert_eq!(last["column"], 5 + 11 * 99_999);
        }
    }
}

/// 20,000 pictures, each with findings, in the HTML report: every finding
/// was matched against every picture's card, and every card filtered all
/// the findings (3.7 s in a release build; 0.29 s for 5,000). Each finding
/// still lands on its picture's card.
#[test]
fn many_pictures_in_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let pictures: String = (0..20_000)
        .map(|i| format!("<img src=\"p{i}.jpg\">\n"))
        .collect();
    write(
        dir.path(),
        "gallery.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Gallery</title></head><body>\n{pictures}</body></html>"
        ),
    );
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--select",
            "img-alt-missing",
            "--format",
            "html",
            "gallery.html",
        ],
        secs(60),
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert_valid_document("html", &out);
    // The last picture's card holds its finding.
    let last = out
        .rfind("p19999.jpg")
        .expect("the last picture has a card");
    assert!(out[last..].contains("img-alt-missing"));
}

/// 40,000 figures, and a Markdown article of 40,000 headings, in the HTML
/// report: each picture's card looked through every figure for its own,
/// and each heading through every block for its text. Both are found by
/// a map now; the last figure's card and the last heading are shown.
#[test]
fn many_figures_and_headings_in_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let figures: String = (0..40_000)
        .map(|i| format!("<figure><img src=\"p{i}.jpg\" alt=\"Boats {i}\"></figure>\n"))
        .collect();
    write(
        dir.path(),
        "gallery.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Gallery</title></head><body>\n{figures}</body></html>"
        ),
    );
    let headings: String = (0..40_000)
        .map(|i| format!("## Part {i}\n\nThe harbour, part {i}.\n\n"))
        .collect();
    write(dir.path(), "parts.md", format!("# Harbour\n\n{headings}"));
    let output = run_in(
        dir.path(),
        &["check", "--format", "html", "gallery.html", "parts.md"],
        secs(60),
    );
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    let out = stdout(&output);
    assert_valid_document("html", &out);
    assert!(out.contains("p39999.jpg"));
    assert!(out.contains("Part 39999"));
}

/// One finding with 160,000 labels (a `<picture>` of that many missing
/// sources), human format: each label looked through every row of the
/// frame for its own (10 s in a release build). Labels come in source
/// order, so only the last row can take one; the last label is shown.
#[test]
fn one_finding_with_thousands_of_labels_in_the_human_report() {
    let dir = tempfile::tempdir().unwrap();
    let sources: String = (0..160_000)
        .map(|i| format!("<source srcset=\"m{i}.jpg 1x\">\n"))
        .collect();
    write(
        dir.path(),
        "picture.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>\n\
             <picture>\n{sources}<img src=\"boats.jpg\" alt=\"Boats in the harbour\"></picture>\n</body></html>"
        ),
    );
    let output = run_in(
        dir.path(),
        &["check", "--select", "img-srcset-mismatch", "picture.html"],
        secs(60),
    );
    // A warning: the run passes, and the last label is shown.
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("m159999.jpg"));
}

/// A file name holding a newline and a workflow command: no format puts
/// the command at the start of a line, and stderr does not either.
#[test]
fn file_names_cannot_forge_ci_commands() {
    let dir = tempfile::tempdir().unwrap();
    let name = "story\n::error file=ci.yml,line=1::forged\u{1b}[2J.html";
    write(dir.path(), name, ONE_FINDING);
    for format in FORMATS {
        let output = run_in(dir.path(), &["check", "--format", format, "."], secs(30));
        assert_eq!(output.status.code(), Some(1), "{format}");
        let out = stdout(&output);
        assert_valid_document(format, &out);
        assert_no_controls(&out, format);
        for line in out.lines() {
            assert!(
                !line.starts_with("::error file=ci.yml"),
                "{format}: forged command: {line}"
            );
        }
        if *format == "github" {
            assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
        }
    }
    // Unreadable inputs are named on stderr, escaped.
    let output = run_in(
        dir.path(),
        &["check", "no\n::error::such\u{1b}]0;x\u{7}.html"],
        secs(30),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_no_controls(&err, "stderr");
    assert!(err.lines().all(|l| l.starts_with("presslint:")), "{err}");
}

/// ESC, OSC, BEL and CR from alt text, src, captions and comments are
/// escaped in the formats a terminal or log shows, and the document
/// formats stay valid.
#[test]
fn control_characters_in_articles_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head><body><h1>Storm</h1>\n\
        <figure><img src=\"\u{1b}]0;owned\u{7}a.jpg\" alt=\"\u{1b}[31mred\rjpg\u{202e}gpj.exe\">\
        <figcaption>Waves \u{1b}[2J hit the pier.\r [AP]</figcaption></figure>\n\
        <!-- presslint-disable-next-line img-alt-missing \u{1b}[5m -->\n<p>ok</p>\n</body></html>\n";
    write(dir.path(), "story.html", page);
    for format in FORMATS {
        let output = run_in(
            dir.path(),
            &["check", "--format", format, "story.html"],
            secs(30),
        );
        assert_no_crash(&output);
        let out = stdout(&output);
        assert_valid_document(format, &out);
        if !matches!(*format, "json" | "sarif" | "jsonl" | "junit") {
            assert_no_controls(&out, format);
        }
        assert_no_controls(&stderr(&output), "stderr");
    }
}

/// A UTF-16 article (with a byte-order mark) is decoded and linted.
#[test]
fn utf16_articles_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in ONE_FINDING.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    write(dir.path(), "utf16.html", &bytes);
    let output = run_in(
        dir.path(),
        &["check", "--format", "json", "utf16.html"],
        secs(30),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let file = &report["files"][0];
    assert_eq!(file["encoding"], "UTF-16LE");
    let d = &file["diagnostics"][0];
    assert_eq!(d["rule"], "img-alt-missing");
    // The span's bytes in the file are the `<img …>` tag in UTF-16.
    let (start, end) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    let units: Vec<u16> = bytes[start..end]
        .chunks(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert!(String::from_utf16(&units).unwrap().starts_with("<img src="));
    assert_eq!(d["span"]["line"], 7);
    assert_eq!(d["span"]["column"], 1);
}

/// Offsets index the file's bytes in every format, for a Latin-1 page
/// and after invalid UTF-8, and every format agrees on line and column.
#[test]
fn positions_agree_across_formats_and_index_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let latin1: &[u8] = b"<meta charset=\"iso-8859-1\">\r\n<p>caf\xe9 \xe0 l'\xe9cole <img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"1\" height=\"1\"></p>\n";
    let broken: &[u8] = b"<p>caf\xe9\xff\xfe \r<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"1\" height=\"1\"></p>\n";
    write(dir.path(), "latin1.html", latin1);
    write(dir.path(), "broken.html", broken);
    for (name, bytes, line, column) in [
        ("latin1.html", latin1, 2, 19),
        ("broken.html", broken, 2, 1),
    ] {
        let tag = bytes.windows(4).position(|w| w == b"<img").unwrap();
        let json = json(&run_in(
            dir.path(),
            &[
                "check",
                "--select",
                "img-alt-missing",
                "--format",
                "json",
                name,
            ],
            secs(30),
        ));
        let span = &json["files"][0]["diagnostics"][0]["span"];
        assert_eq!(span["start"], tag, "{name}");
        assert_eq!(&bytes[span["end"].as_u64().unwrap() as usize - 1], &b'>');
        assert_eq!(
            (span["line"].clone(), span["column"].clone()),
            (line.into(), column.into()),
            "{name}"
        );

        let sarif: serde_json::Value = serde_json::from_str(&stdout(&run_in(
            dir.path(),
            &[
                "check",
                "--select",
                "img-alt-missing",
                "--format",
                "sarif",
                name,
            ],
            secs(30),
        )))
        .unwrap();
        let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["byteOffset"], tag, "{name}");
        assert_eq!(
            (region["startLine"].clone(), region["startColumn"].clone()),
            (line.into(), column.into())
        );

        let at = format!("{name}:{line}:{column}");
        for format in ["human", "github", "junit"] {
            let out = stdout(&run_in(
                dir.path(),
                &[
                    "check",
                    "--select",
                    "img-alt-missing",
                    "--format",
                    format,
                    name,
                ],
                secs(30),
            ));
            let expected = match format {
                "github" => format!("file={name},line={line},col={column},"),
                _ => at.clone(),
            };
            assert!(out.contains(&expected), "{format} {name}: {out}");
        }
    }
}

/// A page of 100,000 images (one million once made the JSON reporter
/// allocate 2 GB and abort): every format streams, and the run stays
/// within 1 GB of address space (with glibc's per-thread arenas limited,
/// so that the figure does not depend on thread timing): its resident peak
/// is about 250 MB in a debug build.
#[test]
fn a_hundred_thousand_images_fit_in_a_memory_cap() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><title>Gallery</title><h1>Gallery</h1>{}",
        "<img src=\"a.jpg\">".repeat(100_000)
    );
    write(dir.path(), "gallery.html", &page);
    let bin = assert_cmd::cargo::cargo_bin("presslint");
    for format in ["json", "summary"] {
        let started = std::time::Instant::now();
        let output = std::process::Command::new("sh")
            .current_dir(dir.path())
            .env("MALLOC_ARENA_MAX", "2")
            .arg("-c")
            .arg(format!(
                "ulimit -v 1000000; exec '{}' check --format {format} gallery.html",
                bin.display()
            ))
            .output()
            .unwrap();
        assert!(started.elapsed() < secs(120), "{format}: too slow");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        if format == "json" {
            let report = json(&output);
            assert_eq!(
                report["summary"]["errors"].as_u64().map(|n| n >= 100_000),
                Some(true)
            );
        }
    }
}

/// A comment suppressing 40,000 rules it does not need draws a finding for
/// each, all on the whole comment, and SARIF and baselines key each
/// finding by a hash of its markup: the comment was read again for each
/// (37 s for SARIF in a release build, as long to write or apply a
/// baseline). Each finding keeps its own SARIF fingerprint, numbered, and
/// the baseline written still takes every finding out.
#[test]
fn thousands_of_findings_on_one_long_span_in_sarif_and_baselines() {
    let dir = tempfile::tempdir().unwrap();
    let rules: Vec<String> = (0..40_000).map(|i| format!("rule-{i}")).collect();
    write(
        dir.path(),
        "story.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>\n\
             <!-- presslint-disable-next-line {} -->\n<p>Boats.</p>\n</body></html>",
            rules.join(" ")
        ),
    );
    let output = run_in(
        dir.path(),
        &["check", "--format", "sarif", "story.html"],
        secs(30),
    );
    // Warnings: the run does not fail on them.
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sarif = json(&output);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 40_000);
    let fingerprints: std::collections::HashSet<&str> = results
        .iter()
        .map(|r| r["partialFingerprints"]["presslint/v1"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), 40_000);
    let output = run_in(
        dir.path(),
        &["check", "--write-baseline", "baseline.json", "story.html"],
        secs(30),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "story.html",
        ],
        secs(30),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = &json(&output)["summary"];
    for count in ["errors", "warnings", "infos"] {
        assert_eq!(summary[count], 0, "{count}");
    }
}
