//! The HTML report (`check --format html`) through the real binary: what
//! the file holds, checked everywhere, and how it behaves in a real
//! browser, checked with Debian's Chromium driven by playwright-core
//! (`tests/browser/report.test.mjs`) when both are installed.
//!
//! Without `/usr/bin/chromium` or `tests/browser/node_modules` the browser
//! tests say they were skipped; with `PRESSLINT_REQUIRE_BROWSER=1` (as CI
//! runs them) a missing browser fails them.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn presslint() -> Command {
    Command::new(env!("CARGO_BIN_EXE_presslint"))
}

/// Run `check --format html` on `paths` from `dir`, writing `report.html`
/// in `out`; returns the page and the exit code.
fn html_report(dir: &Path, paths: &[&str], out: &Path) -> (String, i32) {
    let report = out.join("report.html");
    let run = presslint()
        .current_dir(dir)
        .args(["check", "--format", "html", "--output"])
        .arg(&report)
        .args(paths)
        .output()
        .unwrap();
    assert!(
        run.stdout.is_empty(),
        "--output leaves stdout empty: {}",
        String::from_utf8_lossy(&run.stdout)
    );
    let code = run.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    (fs::read_to_string(&report).unwrap(), code)
}

fn json_report(dir: &Path, paths: &[&str], out: &Path) -> PathBuf {
    let json = out.join("report.json");
    let run = presslint()
        .current_dir(dir)
        .args(["check", "--format", "json", "--output"])
        .arg(&json)
        .args(paths)
        .output()
        .unwrap();
    assert!(matches!(run.status.code(), Some(0 | 1)));
    json
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An article that tries every way into the page: markup, scripts,
/// handlers and `javascript:` URLs in alt text, captions, headings, the
/// title, addresses and the file name.
const HOSTILE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head><title></title><script>window.__pwned = 1</script><style>*{display:none}</style></head>
<body>
<h1>"><img src=x onerror="window.__pwned=1"></h1>
<h4><script>alert(1)</script>Late news</h4>
<figure>
  <img src="javascript:window.__pwned=1" alt="&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;" width="10" height="10">
  <figcaption>&lt;/style&gt;&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; Photo: <b onclick="window.__pwned=1">X</b></figcaption>
</figure>
<figure>
  <img src="pics/'><svg onload=alert(1)>.jpg" alt="</script><script>alert(2)</script>">
  <figcaption>A harbour at dawn</figcaption>
</figure>
<a href="javascript:alert(3)"><img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(4)'/>"></a>
<iframe src="https://example.com/embed"></iframe>
</body>
</html>
"#;

// --- What the page holds -------------------------------------------------

#[test]
fn the_report_is_one_self_contained_accessible_page() {
    let out = tempfile::tempdir().unwrap();
    let (html, code) = html_report(&repo(), &["fixtures/"], out.path());
    assert_eq!(code, 1, "the fixtures have errors");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let csp = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a Content-Security-Policy meta tag");
    assert!(
        csp.starts_with("default-src 'none'; img-src data:;"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe"), "{csp}");
    // Nothing is loaded from anywhere: no element that loads, no url()
    // but data: thumbnails.
    assert_only_own_elements(&html);
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap();
    assert_eq!(
        style.matches("url(").count(),
        style.matches("url(data:image/jpeg;base64,").count()
    );
    assert!(style.matches("url(").count() > 3);
    // A card per image, thumbnails decoded and shared.
    assert!(html.contains("role=\"img\" aria-label=\"Preview of"));
    assert!(html.contains("No preview:"));
    // The report itself passes presslint.
    let lint = presslint()
        .args(["check", "--format", "json"])
        .arg(out.path().join("report.html"))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
    assert_eq!(
        json["files"][0]["diagnostics"],
        serde_json::json!([]),
        "presslint finds problems in its own report"
    );
    assert_eq!(lint.status.code(), Some(0));
}

#[test]
fn the_counts_are_the_json_reports() {
    let out = tempfile::tempdir().unwrap();
    let (html, _) = html_report(&repo(), &["fixtures/"], out.path());
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(json_report(&repo(), &["fixtures/"], out.path())).unwrap(),
    )
    .unwrap();
    for (key, field) in [
        ("files", "files"),
        ("error", "errors"),
        ("warning", "warnings"),
        ("info", "infos"),
    ] {
        let shown = format!("data-count=\"{key}\">{}<", json["summary"][field]);
        assert!(html.contains(&shown), "{shown} is not in the page");
    }
    let findings: usize = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();
    assert_eq!(html.matches("<li class=\"finding ").count(), findings);
}

#[test]
fn every_string_from_an_article_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.html"), HOSTILE).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (html, _) = html_report(dir.path(), &["story.html"], out.path());
    assert_only_own_elements(&html);
    // What the article says is shown as text.
    let page = scraper::Html::parse_document(&html);
    let text: String = page.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>Late news"));
    assert!(text.contains("\"><img src=x onerror=window.__pwned=1>"));
}

#[test]
fn thumbnails_are_decoded_once_per_file_and_only_for_this_format() {
    let dir = tempfile::tempdir().unwrap();
    let photo = repo().join("fixtures/images/uploads/2024/06/12/timetable-notice.jpg");
    fs::create_dir(dir.path().join("img")).unwrap();
    fs::copy(&photo, dir.path().join("img/notice.jpg")).unwrap();
    for i in 0..3 {
        fs::write(
            dir.path().join(format!("a{i}.html")),
            "<figure><img src=\"img/notice.jpg\" alt=\"The timetable notice on the harbour office door\" width=\"800\" height=\"1100\">\
             <figcaption>The notice at the harbour office in Penzance, England, on June 12, 2024. [Harbour Office]</figcaption></figure>\n",
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let (html, _) = html_report(dir.path(), &["."], out.path());
    assert_eq!(html.matches("base64,").count(), 1, "one thumbnail, shared");
    assert_eq!(html.matches("class=\"thumb t0\"").count(), 3);
    // The caption's credit, date and place are marked.
    for kind in ["credit", "date", "place"] {
        assert!(html.contains(&format!("<mark class=\"{kind}\"")), "{kind}");
    }
}

#[test]
fn a_missing_remote_or_undecodable_image_says_why_it_has_no_preview() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("broken.jpg"),
        b"\xff\xd8\xff\xe0 not a jpeg at all",
    )
    .unwrap();
    fs::write(
        dir.path().join("story.html"),
        "<img src=\"gone.jpg\" alt=\"a\"><img src=\"https://cdn.example/p.jpg\" alt=\"b\">\
         <img src=\"broken.jpg\" alt=\"c\">\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (html, _) = html_report(dir.path(), &["."], out.path());
    assert!(html.contains("No preview:</span> the file is missing"));
    assert!(html.contains("No preview:</span> the image is on the web; the report loads nothing"));
    assert!(html.contains("No preview:</span> the file is broken"));
}

/// The page, read as a browser reads it, holds only the report's own
/// elements: one script, one style, nothing that loads or runs anything.
fn assert_only_own_elements(html: &str) {
    let page = scraper::Html::parse_document(html);
    let all = scraper::Selector::parse("*").unwrap();
    let (mut scripts, mut styles) = (0, 0);
    for el in page.select(&all) {
        let e = el.value();
        assert!(
            !matches!(
                e.name(),
                "img"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "link"
                    | "base"
                    | "source"
                    | "video"
                    | "audio"
            ),
            "a <{}> reached the page",
            e.name()
        );
        scripts += usize::from(e.name() == "script");
        styles += usize::from(e.name() == "style");
        for (name, value) in e.attrs() {
            assert!(
                !name.starts_with("on"),
                "an {name} handler reached the page"
            );
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "a javascript: URL reached the page in {name}"
            );
            assert!(
                name != "src" && name != "style",
                "a {name} attribute reached the page"
            );
        }
    }
    assert_eq!(
        (scripts, styles),
        (1, 1),
        "only the report's own script and style"
    );
}

// --- In Chromium ---------------------------------------------------------

/// Whether Chromium and the test's npm packages are installed; when not,
/// the test is skipped with a message, or fails under
/// `PRESSLINT_REQUIRE_BROWSER=1`.
fn browser_ready(test: &str) -> bool {
    let chromium = Path::new("/usr/bin/chromium").exists();
    let modules = repo()
        .join("tests/browser/node_modules/playwright-core")
        .exists()
        && repo().join("tests/browser/node_modules/axe-core").exists();
    let node = Command::new("node").arg("--version").output().is_ok();
    if chromium && modules && node {
        return true;
    }
    let missing = [
        (!chromium, "/usr/bin/chromium (apt-get install chromium)"),
        (
            !modules,
            "tests/browser/node_modules (npm ci in tests/browser)",
        ),
        (!node, "node"),
    ]
    .iter()
    .filter(|(m, _)| *m)
    .map(|(_, what)| *what)
    .collect::<Vec<_>>()
    .join(", ");
    if std::env::var_os("PRESSLINT_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
        panic!("{test}: PRESSLINT_REQUIRE_BROWSER=1 but {missing} is missing");
    }
    // Straight to standard error, past the test harness's capture, so a
    // plain `cargo test` shows it.
    let _ = writeln!(
        std::io::stderr(),
        "skipped the browser test {test}: {missing} is missing"
    );
    false
}

/// One browser at a time: the large report's timing is not measured
/// while another test's Chromium runs.
static BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn node(args: &[&std::ffi::OsStr]) {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let run = Command::new("node")
        .arg(repo().join("tests/browser/report.test.mjs"))
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("{text}");
    assert!(run.status.success(), "the browser test failed:\n{text}");
}

#[test]
fn in_chromium_the_counts_filters_and_accessibility_hold() {
    if !browser_ready("in_chromium_the_counts_filters_and_accessibility_hold") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    html_report(&repo(), &["fixtures/"], out.path());
    let json = json_report(&repo(), &["fixtures/"], out.path());
    let shot = out.path().join("report.png");
    node(&[
        out.path().join("report.html").as_os_str(),
        json.as_os_str(),
        "--screenshot".as_ref(),
        shot.as_os_str(),
    ]);
    assert!(fs::metadata(&shot).unwrap().len() > 10_000);
    // PRESSLINT_SCREENSHOT=docs/report.png refreshes the README's picture.
    if let Some(keep) = std::env::var_os("PRESSLINT_SCREENSHOT") {
        fs::copy(&shot, repo().join(keep)).unwrap();
    }
}

#[test]
fn in_chromium_nothing_from_a_hostile_article_runs() {
    if !browser_ready("in_chromium_nothing_from_a_hostile_article_runs") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.html"), HOSTILE).unwrap();
    let out = tempfile::tempdir().unwrap();
    html_report(dir.path(), &["story.html"], out.path());
    node(&[
        out.path().join("report.html").as_os_str(),
        "--hostile".as_ref(),
    ]);
}

/// 400 articles with 20 images each, 8,000 in all, drawn from the
/// fixtures' pictures: the page stays under 30 MB and opens in under 3 s.
#[test]
fn in_chromium_a_large_report_opens_quickly() {
    if !browser_ready("in_chromium_a_large_report_opens_quickly") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let images = repo().join("fixtures/images");
    let mut pictures: Vec<String> = walk(&images)
        .into_iter()
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                matches!(
                    e.to_ascii_lowercase().as_str(),
                    "jpg" | "png" | "webp" | "gif" | "svg"
                )
            })
        })
        .map(|p| {
            p.strip_prefix(&images)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    pictures.sort();
    let story = |n: usize| {
        let mut page = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Story {n}</title></head>\n<body>\n<main>\n<h1>Story {n}</h1>\n"
        );
        for i in 0..20 {
            let picture = &pictures[(n * 20 + i) % pictures.len()];
            page.push_str(&format!(
                "<figure>\n  <img src=\"/{picture}\" alt=\"Picture {i} of story {n}\">\n  \
                 <figcaption>The harbour wall after the storm. [Staff]</figcaption>\n</figure>\n"
            ));
        }
        page.push_str("</main>\n</body>\n</html>\n");
        page
    };
    for n in 0..400 {
        fs::write(dir.path().join(format!("story-{n:03}.html")), story(n)).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("report.html");
    let run = presslint()
        .current_dir(dir.path())
        .args(["check", "--format", "html", "--assets"])
        .arg(&images)
        .arg("--output")
        .arg(&report)
        .arg(".")
        .output()
        .unwrap();
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = fs::read_to_string(&report).unwrap();
    assert_eq!(html.matches("<li class=\"card\"").count(), 8000);
    let size = html.len();
    eprintln!("400 articles, 8,000 images: {:.1} MB", size as f64 / 1e6);
    assert!(size < 30_000_000, "the report is {size} bytes");
    node(&[report.as_os_str(), "--timing".as_ref(), "3000".as_ref()]);
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
