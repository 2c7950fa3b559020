//! Positions through the real binary, in every report format and every way
//! an article's bytes can be stored: the same small news article, written at
//! test time as UTF-8 (LF, CR-only and CRLF line ends, with and without a
//! byte-order mark), windows-1252, UTF-16LE and UTF-16BE with a byte-order
//! mark, and with a malformed byte sequence just before a finding (UTF-8,
//! Shift_JIS, UTF-16), must get the same findings at the same places from
//! every format:
//!
//! * line and column (1-based, columns counting Unicode scalar values of the
//!   decoded text) agree across human, json, jsonl, sarif, github and junit,
//!   and with what the test computes from the text itself;
//! * JSON `start`/`end` and SARIF `byteOffset`/`byteLength` index the file's
//!   bytes: sliced there, the file holds the flagged markup as stored;
//! * SARIF `charOffset`/`charLength` index the decoded text;
//! * labels (a caption rule points at the caption's text) are located the
//!   same way.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use encoding_rs::{Encoding, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use regex::Regex;
use serde_json::Value;

/// The rules the article triggers, and nothing else, so that every finding
/// is one the test expects.
const RULES: &str = "img-alt-missing,img-file-missing,caption-credit-missing";

/// The article: `{charset}` is declared, `{lead}` is text before the first
/// finding on its line, `{place}` is a non-ASCII word used throughout
/// (including in an attribute value that is itself flagged). Tabs indent the
/// figure: a tab is one column.
const ARTICLE: &str = "<!DOCTYPE html>
<html lang=\"fr\">
<head>
<meta charset=\"{charset}\">
<title>Summit at the {place}</title>
</head>
<body>
<article>
<h1>Summit at the {place}</h1>
<p>{lead}<img src=\"a.jpg\"></p>
<figure>
\t<img src=\"photos/{place}.jpg\" alt=\"The president at the {place}\">
\t<figcaption>The president greets his guests at the {place}.</figcaption>
</figure>
</article>
</body>
</html>
";

/// A finding the article must produce: its rule, the decoded text its span
/// covers (unique in the article), and the text its label covers, if any.
struct Expect {
    rule: &'static str,
    flagged: String,
    label: Option<String>,
}

fn expected(place: &str) -> Vec<Expect> {
    let expect = |rule, flagged: &str, label: Option<String>| Expect {
        rule,
        flagged: flagged.to_string(),
        label,
    };
    vec![
        expect("img-alt-missing", "<img src=\"a.jpg\">", None),
        expect("img-file-missing", "a.jpg", None),
        expect("img-file-missing", &format!("photos/{place}.jpg"), None),
        expect(
            "caption-credit-missing",
            "<figcaption>",
            Some(format!("The president greets his guests at the {place}.")),
        ),
    ]
}

/// One stored form of the article.
struct Case {
    /// The file name, which says what the case is.
    name: &'static str,
    bytes: Vec<u8>,
    /// The text as a browser decodes it: what lines, columns and character
    /// offsets count.
    text: String,
    /// How the text is stored, to find a flagged text's bytes in the file.
    encoding: &'static Encoding,
    place: &'static str,
}

fn article(charset: &str, lead: &str, place: &str) -> String {
    ARTICLE
        .replace("{charset}", charset)
        .replace("{lead}", lead)
        .replace("{place}", place)
}

/// `text` in `encoding`, which must be able to store it all (the UTF-16
/// encoders of `encoding_rs` write UTF-8, so those are done here).
fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    if encoding == UTF_16LE {
        return text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    }
    if encoding == UTF_16BE {
        return text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    }
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot store {text:?}", encoding.name());
    bytes.into_owned()
}

/// A case whose text has U+FFFD where the file has `malformed` bytes.
fn with_malformed(
    name: &'static str,
    text: String,
    encoding: &'static Encoding,
    bom: &[u8],
    malformed: &[u8],
    place: &'static str,
) -> Case {
    let mut bytes = bom.to_vec();
    for (i, piece) in text.split('\u{FFFD}').enumerate() {
        if i > 0 {
            bytes.extend_from_slice(malformed);
        }
        bytes.extend(encode(piece, encoding));
    }
    Case {
        name,
        bytes,
        text,
        encoding,
        place,
    }
}

fn cases() -> Vec<Case> {
    const PLACE: &str = "Élysée";
    // Two-byte, three-byte and four-byte UTF-8 before the finding.
    const LEAD: &str = "Élysée café — 😀 ";
    let utf8 = article("utf-8", LEAD, PLACE);
    let plain = |name, text: String, bom: &[u8]| {
        let mut bytes = bom.to_vec();
        bytes.extend(text.as_bytes());
        Case {
            name,
            bytes,
            text,
            encoding: UTF_8,
            place: PLACE,
        }
    };
    let utf16 = |name, encoding: &'static Encoding, bom: &[u8]| {
        let text = article("utf-16", LEAD, PLACE);
        let mut bytes = bom.to_vec();
        bytes.extend(encode(&text, encoding));
        Case {
            name,
            bytes,
            text,
            encoding,
            place: PLACE,
        }
    };
    // windows-1252: `é` is the byte 0xE9, `—` 0x97, curly quotes 0x93/0x94
    // (each three bytes once decoded).
    let latin = article("windows-1252", "Élysée café — “vue” ", PLACE);
    vec![
        plain("utf8-lf.html", utf8.clone(), b""),
        plain("utf8-cr.html", utf8.replace('\n', "\r"), b""),
        plain("utf8-crlf.html", utf8.replace('\n', "\r\n"), b""),
        plain("utf8-bom.html", utf8.clone(), b"\xEF\xBB\xBF"),
        Case {
            name: "windows-1252.html",
            bytes: encode(&latin, WINDOWS_1252),
            text: latin,
            encoding: WINDOWS_1252,
            place: PLACE,
        },
        utf16("utf16le-bom.html", UTF_16LE, b"\xFF\xFE"),
        utf16("utf16be-bom.html", UTF_16BE, b"\xFE\xFF"),
        // A malformed sequence right before the finding: one U+FFFD in the
        // text for however many bytes in the file.
        with_malformed(
            "utf8-malformed.html",
            article("utf-8", "Élysée café \u{FFFD}", PLACE).replace('\n', "\r\n"),
            UTF_8,
            b"",
            // A three-byte sequence cut short: one U+FFFD.
            b"\xE2\x82",
            PLACE,
        ),
        with_malformed(
            "shift-jis-malformed.html",
            article("shift_jis", "東京駅で \u{FFFD}", "東京"),
            SHIFT_JIS,
            b"",
            // A lead byte whose trail is `<`: the decoder gives U+FFFD and
            // reads the `<` again.
            b"\x82",
            "東京",
        ),
        with_malformed(
            "utf16le-lone-surrogate.html",
            article("utf-16", "Élysée 😀 \u{FFFD}", PLACE),
            UTF_16LE,
            b"\xFF\xFE",
            // A high surrogate followed by `<` instead of a low surrogate.
            b"\x00\xD8",
            PLACE,
        ),
    ]
}

/// 1-based line and column (in scalar values) of a char offset; lines end
/// at `\n`, `\r\n` or a lone `\r`.
fn line_col(text: &str, char_offset: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (mut line, mut column) = (1, 1);
    for (i, &c) in chars[..char_offset].iter().enumerate() {
        if c == '\n' || (c == '\r' && chars.get(i + 1) != Some(&'\n')) {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The only char offset of `needle` in `text`.
fn char_offset(text: &str, needle: &str) -> usize {
    let mut hits = text.match_indices(needle);
    let (at, _) = hits
        .next()
        .unwrap_or_else(|| panic!("{needle:?} not in the article"));
    assert!(hits.next().is_none(), "{needle:?} is not unique");
    text[..at].chars().count()
}

/// The only byte offset of `needle` in `bytes`.
fn byte_offset(bytes: &[u8], needle: &[u8]) -> usize {
    let mut hits = bytes
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i);
    let at = hits.next().expect("flagged bytes are in the file");
    assert!(hits.next().is_none(), "flagged bytes are not unique");
    at
}

/// Where a report says a finding is. Formats that do not give a field
/// leave it `None`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    rule: String,
    start: (usize, usize),
    end: Option<(usize, usize)>,
    labels: Option<Vec<(usize, usize)>>,
}

/// A span as the JSON report and SARIF give it, to be checked against the
/// file's bytes and text.
#[derive(Debug)]
struct Offsets {
    bytes: (usize, usize),
    chars: Option<(usize, usize)>,
}

/// Everything one format said about one file: positions, and the offsets
/// of each finding and each of its labels (JSON, JSON Lines and SARIF).
#[derive(Default)]
struct Reported {
    found: Vec<Found>,
    offsets: Vec<(String, Offsets)>,
}

const FORMATS: &[&str] = &["human", "json", "jsonl", "sarif", "github", "junit"];

fn run(dir: &Path, format: &str, names: &[&str]) -> String {
    let output = Command::cargo_bin("presslint")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        // The folder is the site root: a root-relative path that is not
        // there is a missing file.
        .args([
            "check", "--assets", ".", "--select", RULES, "--format", format,
        ])
        .args(names)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("reports are UTF-8")
}

fn num(v: &Value) -> usize {
    v.as_u64().unwrap_or_else(|| panic!("not a number: {v}")) as usize
}

/// A diagnostic of the JSON report or of JSON Lines.
fn json_diagnostic(d: &Value, out: &mut Reported) {
    let rule = d["rule"].as_str().unwrap().to_string();
    let span = &d["span"];
    let labels = d["labels"].as_array().unwrap();
    out.found.push(Found {
        rule: rule.clone(),
        start: (num(&span["line"]), num(&span["column"])),
        end: Some((num(&span["end_line"]), num(&span["end_column"]))),
        labels: Some(
            labels
                .iter()
                .map(|l| (num(&l["span"]["line"]), num(&l["span"]["column"])))
                .collect(),
        ),
    });
    for (i, s) in std::iter::once(span)
        .chain(labels.iter().map(|l| &l["span"]))
        .enumerate()
    {
        let what = if i == 0 {
            rule.clone()
        } else {
            format!("{rule} label")
        };
        out.offsets.push((
            what,
            Offsets {
                bytes: (num(&s["start"]), num(&s["end"])),
                chars: None,
            },
        ));
    }
}

fn sarif_region(region: &Value) -> ((usize, usize), (usize, usize), Offsets) {
    let byte = num(&region["byteOffset"]);
    let char = num(&region["charOffset"]);
    (
        (num(&region["startLine"]), num(&region["startColumn"])),
        (num(&region["endLine"]), num(&region["endColumn"])),
        Offsets {
            bytes: (byte, byte + num(&region["byteLength"])),
            chars: Some((char, char + num(&region["charLength"]))),
        },
    )
}

/// Parse one format's report into what it says about each file.
fn parse(format: &str, report: &str) -> BTreeMap<String, Reported> {
    let mut files: BTreeMap<String, Reported> = BTreeMap::new();
    match format {
        "json" => {
            let v: Value = serde_json::from_str(report).unwrap();
            for file in v["files"].as_array().unwrap() {
                let out = files
                    .entry(file["path"].as_str().unwrap().to_string())
                    .or_default();
                for d in file["diagnostics"].as_array().unwrap() {
                    json_diagnostic(d, out);
                }
            }
        }
        "jsonl" => {
            for line in report.lines() {
                let d: Value = serde_json::from_str(line).unwrap();
                let out = files
                    .entry(d["path"].as_str().unwrap().to_string())
                    .or_default();
                json_diagnostic(&d, out);
            }
        }
        "sarif" => {
            let v: Value = serde_json::from_str(report).unwrap();
            for result in v["runs"][0]["results"].as_array().unwrap() {
                let rule = result["ruleId"].as_str().unwrap().to_string();
                let physical = &result["locations"][0]["physicalLocation"];
                let path = physical["artifactLocation"]["uri"].as_str().unwrap();
                let out = files.entry(path.to_string()).or_default();
                let (start, end, offsets) = sarif_region(&physical["region"]);
                out.offsets.push((rule.clone(), offsets));
                let mut labels = Vec::new();
                for related in result["relatedLocations"]
                    .as_array()
                    .map_or(&[][..], Vec::as_slice)
                {
                    let (at, _, offsets) = sarif_region(&related["physicalLocation"]["region"]);
                    labels.push(at);
                    out.offsets.push((format!("{rule} label"), offsets));
                }
                out.found.push(Found {
                    rule,
                    start,
                    end: Some(end),
                    labels: Some(labels),
                });
            }
        }
        "human" => {
            let header = Regex::new(r"^(?:error|warning|info)\[([a-z-]+)\]: ").unwrap();
            let arrow = Regex::new(r"^\s*--> (.+):(\d+):(\d+)$").unwrap();
            let mut rule = None;
            for line in report.lines() {
                if let Some(c) = header.captures(line) {
                    rule = Some(c[1].to_string());
                } else if let Some(c) = arrow.captures(line) {
                    let rule = rule.take().expect("a location follows a header");
                    files
                        .entry(c[1].to_string())
                        .or_default()
                        .found
                        .push(Found {
                            rule,
                            start: (c[2].parse().unwrap(), c[3].parse().unwrap()),
                            end: None,
                            labels: None,
                        });
                }
            }
        }
        "github" => {
            let command = Regex::new(
                r"^::(?:error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.*)$",
            )
            .unwrap();
            let label = Regex::new(r"^(\d+):(\d+): ").unwrap();
            // Past GitHub's annotation limits, a finding is a plain log
            // line with its start, and a last notice sums up.
            let plain =
                Regex::new(r"^presslint: (.+?):(\d+):(\d+): (?:error|warning|info) \[([a-z-]+)\] ")
                    .unwrap();
            for line in report.lines() {
                if line.starts_with("::notice title=presslint::") {
                    continue;
                }
                if let Some(c) = plain.captures(line) {
                    files
                        .entry(c[1].to_string())
                        .or_default()
                        .found
                        .push(Found {
                            rule: c[4].to_string(),
                            start: (c[2].parse().unwrap(), c[3].parse().unwrap()),
                            end: None,
                            labels: None,
                        });
                    continue;
                }
                let c = command
                    .captures(line)
                    .unwrap_or_else(|| panic!("not a workflow command: {line}"));
                let n = |i: usize| c[i].parse::<usize>().unwrap();
                let labels = c[7]
                    .split("%0A")
                    .filter_map(|part| label.captures(part))
                    .map(|l| (l[1].parse().unwrap(), l[2].parse().unwrap()))
                    .collect();
                files
                    .entry(c[1].to_string())
                    .or_default()
                    .found
                    .push(Found {
                        rule: c[6].to_string(),
                        start: (n(2), n(3)),
                        end: Some((n(4), n(5))),
                        labels: Some(labels),
                    });
            }
        }
        "junit" => {
            let failure =
                Regex::new(r#"(?s)<failure type="([a-z-]+)"[^>]*>(.*?)</failure>"#).unwrap();
            let first =
                Regex::new(r"^(.+?):(\d+):(\d+): (?:error|warning|info)\[([a-z-]+)\] ").unwrap();
            for f in failure.captures_iter(report) {
                let mut lines = f[2].lines();
                let head = lines.next().unwrap_or("");
                let c = first
                    .captures(head)
                    .unwrap_or_else(|| panic!("not a finding: {head}"));
                assert_eq!(&c[4], &f[1]);
                let path = c[1].to_string();
                let label =
                    Regex::new(&format!(r"^{}:(\d+):(\d+): ", regex::escape(&path))).unwrap();
                let labels = lines
                    .filter_map(|l| label.captures(l))
                    .map(|l| (l[1].parse().unwrap(), l[2].parse().unwrap()))
                    .collect();
                files.entry(path).or_default().found.push(Found {
                    rule: c[4].to_string(),
                    start: (c[2].parse().unwrap(), c[3].parse().unwrap()),
                    end: None,
                    labels: Some(labels),
                });
            }
        }
        other => panic!("no parser for {other}"),
    }
    files
}

/// What the case must report, every field known.
fn expected_found(case: &Case) -> Vec<Found> {
    let at = |needle: &str| {
        let start = char_offset(&case.text, needle);
        (
            line_col(&case.text, start),
            line_col(&case.text, start + needle.chars().count()),
        )
    };
    let mut out: Vec<Found> = expected(case.place)
        .into_iter()
        .map(|e| {
            let (start, end) = at(&e.flagged);
            Found {
                rule: e.rule.to_string(),
                start,
                end: Some(end),
                labels: Some(e.label.iter().map(|l| at(l).0).collect()),
            }
        })
        .collect();
    out.sort();
    out
}

/// Whether `found` says what `expected` says, on the fields it gives.
fn agrees(found: &Found, expected: &Found) -> bool {
    found.rule == expected.rule
        && found.start == expected.start
        && found.end.is_none_or(|e| Some(e) == expected.end)
        && found
            .labels
            .as_ref()
            .is_none_or(|l| Some(l) == expected.labels.as_ref())
}

/// Check the byte and char offsets a format gave for a case: each span must
/// cover, in the file's bytes and in the decoded text, exactly one of the
/// flagged texts or labels of a finding of that rule.
fn check_offsets(case: &Case, format: &str, reported: &Reported, failures: &mut Vec<String>) {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for e in expected(case.place) {
        wanted.push((e.rule.to_string(), e.flagged));
        if let Some(label) = e.label {
            wanted.push((format!("{} label", e.rule), label));
        }
    }
    for (what, offsets) in &reported.offsets {
        let (start, end) = offsets.bytes;
        let ok_bytes = wanted.iter().any(|(rule, text)| {
            rule == what
                && case.bytes.get(start..end) == Some(&encode(text, case.encoding)[..])
                && byte_offset(&case.bytes, &encode(text, case.encoding)) == start
        });
        if !ok_bytes {
            let stored = case.bytes.get(start..end).unwrap_or(&[]);
            failures.push(format!(
                "{} ({format}): {what}: bytes {start}..{end} hold {:?}, not what it flags",
                case.name,
                String::from_utf8_lossy(stored)
            ));
        }
        if let Some((from, to)) = offsets.chars {
            let text: String = case.text.chars().skip(from).take(to - from).collect();
            let ok_chars = wanted.iter().any(|(rule, flagged)| {
                rule == what && *flagged == text && char_offset(&case.text, flagged) == from
            });
            if !ok_chars {
                failures.push(format!(
                    "{} ({format}): {what}: chars {from}..{to} hold {text:?}, not what it flags",
                    case.name
                ));
            }
        }
    }
    let spans = wanted.len();
    if reported.offsets.len() != spans {
        failures.push(format!(
            "{} ({format}): {} spans with offsets, expected {spans}",
            case.name,
            reported.offsets.len()
        ));
    }
}

#[test]
fn every_format_places_every_finding_alike_in_every_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases();
    for case in &cases {
        fs::write(dir.path().join(case.name), &case.bytes).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    let mut failures = Vec::new();
    for format in FORMATS {
        let report = run(dir.path(), format, &names);
        let mut files = parse(format, &report);
        for case in &cases {
            let reported = files.remove(case.name).unwrap_or_default();
            let expected = expected_found(case);
            let mut found = reported.found.clone();
            found.sort();
            let matches = found.len() == expected.len()
                && found.iter().zip(&expected).all(|(f, e)| agrees(f, e));
            if !matches {
                failures.push(format!(
                    "{} ({format}): positions differ\nexpected {expected:?}\nfound    {found:?}",
                    case.name
                ));
            }
            if matches!(*format, "json" | "jsonl" | "sarif") {
                check_offsets(case, format, &reported, &mut failures);
            }
        }
        assert!(
            files.is_empty(),
            "{format}: unexpected files {:?}",
            files.keys()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_json_report_names_each_legacy_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases();
    for case in &cases {
        fs::write(dir.path().join(case.name), &case.bytes).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    let report: Value = serde_json::from_str(&run(dir.path(), "json", &names)).unwrap();
    for file in report["files"].as_array().unwrap() {
        let name = file["path"].as_str().unwrap();
        let case = cases.iter().find(|c| c.name == name).unwrap();
        let expected = (case.encoding != UTF_8).then(|| case.encoding.name());
        assert_eq!(file["encoding"].as_str(), expected, "{name}");
    }
}
