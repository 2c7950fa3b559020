//! The real article pages in ../shared/corpus/articles: the binary exits 0
//! or 1 on every page (never panics, never errors), and every reported
//! line/column agrees with its byte offset into the file, computed here
//! independently by decoding the bytes before it in the encoding reported.

use std::path::Path;

use assert_cmd::Command;

/// 1-based line and column (in Unicode scalar values) of a byte offset,
/// counting `\n`, `\r\n` and a lone `\r` as line ends.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let (mut line, mut col) = (1, 1);
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                col = 1;
            }
            _ => col += 1,
        }
    }
    (line, col)
}

/// The text of a file's bytes up to `offset`, decoded in the encoding the
/// report names (UTF-8 when it names none), without a byte-order mark.
fn decode_prefix(bytes: &[u8], encoding: &'static encoding_rs::Encoding, offset: usize) -> String {
    let (text, _) = encoding.decode_with_bom_removal(&bytes[..offset]);
    text.into_owned()
}

fn check_span(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    span: &serde_json::Value,
    what: &str,
) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert!(
        start <= end && end <= bytes.len(),
        "{what}: span out of range"
    );
    let before_start = decode_prefix(bytes, encoding, start);
    let before_end = decode_prefix(bytes, encoding, end);
    let (line, column) = line_col(&before_start, before_start.len());
    let (end_line, end_column) = line_col(&before_end, before_end.len());
    assert_eq!(
        (
            span["line"].as_u64().unwrap(),
            span["column"].as_u64().unwrap()
        ),
        (line, column),
        "{what}: start"
    );
    assert_eq!(
        (
            span["end_line"].as_u64().unwrap(),
            span["end_column"].as_u64().unwrap()
        ),
        (end_line, end_column),
        "{what}: end"
    );
}

#[test]
fn every_corpus_page_lints_with_consistent_spans() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}; skipping", dir.display());
        return;
    };
    let mut pages: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    pages.sort();
    let (mut checked, mut diagnostics) = (0, 0);
    for page in &pages {
        let output = Command::cargo_bin("presslint")
            .unwrap()
            .args(["check", "--format", "json"])
            .arg(page)
            .output()
            .unwrap();
        let code = output.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{}: exit {code:?}\n{}",
            page.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let bytes = std::fs::read(page).unwrap();
        let files = report["files"].as_array().unwrap();
        assert_eq!(files.len(), 1);
        let encoding = files[0]["encoding"]
            .as_str()
            .map_or(encoding_rs::UTF_8, |name| {
                encoding_rs::Encoding::for_label(name.as_bytes()).unwrap()
            });
        for d in files[0]["diagnostics"].as_array().unwrap() {
            let what = format!("{} {}", page.display(), d["rule"]);
            check_span(&bytes, encoding, &d["span"], &what);
            for label in d["labels"].as_array().unwrap() {
                check_span(&bytes, encoding, &label["span"], &what);
            }
            diagnostics += 1;
        }
        checked += 1;
    }
    println!("{checked} pages, {diagnostics} diagnostics, all spans consistent");
    assert_eq!(checked, pages.len());
}
