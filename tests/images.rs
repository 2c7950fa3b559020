//! Images and caption tracks checked against the real files: how
//! references resolve (and the ones that must never be read), the shared
//! probe cache, `--fix`, the caption rules' metadata hints, and (when
//! `../shared/` is present) the classification of the 143-image corpus
//! against its `images.tsv`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn presslint() -> Command {
    let mut cmd = Command::cargo_bin("presslint").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn fixture_image(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/images/media/2025/01/18")
            .join(name),
    )
    .unwrap()
}

/// (line, rule) → messages, from a JSON report of one file.
fn by_line(output: &std::process::Output) -> BTreeMap<(u64, String), Vec<String>> {
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut out: BTreeMap<(u64, String), Vec<String>> = BTreeMap::new();
    for d in report["files"][0]["diagnostics"].as_array().unwrap() {
        out.entry((
            d["span"]["line"].as_u64().unwrap(),
            d["rule"].as_str().unwrap().to_string(),
        ))
        .or_default()
        .push(format!(
            "{} | {}",
            d["message"].as_str().unwrap(),
            d["help"].as_str().unwrap()
        ));
    }
    out
}

fn messages<'a>(
    found: &'a BTreeMap<(u64, String), Vec<String>>,
    line: u64,
    rule: &str,
) -> &'a [String] {
    found
        .get(&(line, rule.to_string()))
        .map_or(&[], Vec::as_slice)
}

/// A site tree: the article in `site/news/`, images beside it, under
/// `site/img/` (the default root), under `site/public/` (an --assets
/// root) and under `site/static/` (a config root), and a file outside.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let png = fixture_image("coastguard-warning.png");
    write(&site.join("news/local.png"), &png);
    write(&site.join("img/root.png"), &png);
    write(&site.join("public/img/asset.png"), &png);
    write(&site.join("static/img/config.png"), &png);
    write(&site.join("img/my photo.png"), &png);
    write(&dir.path().join("outside/secret.png"), &png);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("outside/secret.png"),
        site.join("news/linked.png"),
    )
    .unwrap();
    (dir, site)
}

const ARTICLE: &str =
    "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><h1>T</h1>
<img src=\"local.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"missing.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"/img/root.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"/img/asset.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"../img/root.png?v=3#top\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"../../outside/secret.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"../../../../../../etc/passwd\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"file:///etc/passwd\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"C:\\Windows\\win.ini\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"linked.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"https://cdn.example.com/x.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"//cdn.example.com/x.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"/img/my%20photo.png\" width=\"640\" height=\"360\" alt=\"a\">
<img src=\"/etc/passwd\" width=\"640\" height=\"360\" alt=\"a\">
</body></html>
";

#[test]
fn references_resolve_and_escapes_are_refused() {
    let (_dir, site) = site();
    write(&site.join("news/story.html"), ARTICLE.as_bytes());
    // Linting the site: the default root is `site/`.
    let output = presslint()
        .args(["check", "--format", "json", "--select", "img-file-missing"])
        .arg(&site)
        .output()
        .unwrap();
    let found = by_line(&output);
    let missing = |line| messages(&found, line, "img-file-missing");
    assert!(missing(2).is_empty(), "relative, beside the article");
    assert!(
        missing(3)[0].contains("does not exist (tried "),
        "{:?}",
        missing(3)
    );
    assert!(
        missing(3)[0].contains("site/news/missing.png"),
        "{:?}",
        missing(3)
    );
    assert!(
        missing(4).is_empty(),
        "root-relative, under the default root"
    );
    assert!(
        missing(5)[0].contains("site/img/asset.png"),
        "not under the default root: {:?}",
        missing(5)
    );
    assert!(
        missing(6).is_empty(),
        "query and fragment ignored, .. inside the tree"
    );
    for line in [7, 8] {
        assert!(
            missing(line).is_empty(),
            "above the tree, with no asset root: nowhere known to look, and not read: {:?}",
            missing(line)
        );
    }
    assert!(missing(9)[0].contains("absolute file system path"));
    assert!(missing(10)[0].contains("absolute file system path"));
    #[cfg(unix)]
    assert!(
        missing(11)[0].contains("symbolic link to a file outside"),
        "{:?}",
        missing(11)
    );
    assert!(
        missing(12).is_empty() && missing(13).is_empty(),
        "the web is not fetched"
    );
    assert!(missing(14).is_empty(), "percent-escapes decoded");
    assert!(
        missing(15).is_empty(),
        "no folder around the article holds `etc`: not looked for, so not missing: {:?}",
        missing(15)
    );
    // It is counted once, as a reference presslint had no place to look for.
    let output = presslint()
        .args(["check", "--format", "json", "--select", "assets-unresolved"])
        .arg(&site)
        .output()
        .unwrap();
    let found = by_line(&output);
    let unresolved = messages(&found, 7, "assets-unresolved");
    assert!(
        unresolved.len() == 1
            && unresolved[0].contains("3 image and caption file references")
            && unresolved[0].contains("`../../outside/secret.png`"),
        "{unresolved:?}"
    );

    // --assets replaces the default root for root-relative paths.
    let output = presslint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "img-file-missing",
            "--assets",
        ])
        .arg(site.join("public"))
        .arg(&site)
        .output()
        .unwrap();
    let found = by_line(&output);
    assert!(messages(&found, 5, "img-file-missing").is_empty());
    assert!(messages(&found, 4, "img-file-missing")[0].contains("public/img/root.png"));
    // With the site's roots known, leaving them is an error, still not read.
    for line in [7, 8] {
        assert!(
            messages(&found, line, "img-file-missing")[0]
                .contains("leads outside the article's directory tree"),
            "{line}: {found:?}"
        );
    }

    // `assets` in presslint.toml, relative to the config file.
    write(
        &site.join("presslint.toml"),
        b"assets = [\"static\", \"img/..\"]\n",
    );
    let output = presslint()
        .args(["check", "--format", "json", "--select", "img-file-missing"])
        .arg(site.join("news/story.html"))
        .output()
        .unwrap();
    let found = by_line(&output);
    assert!(
        messages(&found, 4, "img-file-missing").is_empty(),
        "{found:?}"
    );
    assert!(messages(&found, 5, "img-file-missing")[0].contains("static/img/asset.png"));
}

#[test]
fn nothing_is_read_outside_the_tree_even_when_it_exists() {
    // The refused file exists and is a valid image: it must not be probed.
    let (_dir, site) = site();
    write(
        &site.join("news/story.html"),
        b"<img src=\"../../outside/secret.png\" alt=\"\"><img src=\"local.png\" alt=\"\">",
    );
    let settings = presslint::Settings::new(
        presslint::engine::Selection::default(),
        presslint::config::Resolver::new(None).unwrap(),
        "<stdin>".into(),
    );
    presslint::lint_paths(&[site.join("news")], &settings).unwrap();
    assert_eq!(settings.asset_cache.probes(), 1, "only local.png was read");
}

#[test]
fn each_image_is_probed_once_per_run() {
    let dir = tempfile::tempdir().unwrap();
    let png = fixture_image("coastguard-warning.png");
    for name in ["a.png", "b.png", "c.png"] {
        write(&dir.path().join("img").join(name), &png);
    }
    for i in 0..40 {
        write(
            &dir.path().join(format!("news/{i:02}.html")),
            b"<img src=\"/img/a.png\" alt=\"\"><img src=\"../img/b.png\" alt=\"\"><img src=\"/img/c.png\" srcset=\"/img/a.png 640w, /img/c.png 1280w\" alt=\"\">",
        );
    }
    let settings = presslint::Settings::new(
        presslint::engine::Selection::default(),
        presslint::config::Resolver::new(None).unwrap(),
        "<stdin>".into(),
    );
    let report = presslint::lint_paths(&[dir.path().to_path_buf()], &settings).unwrap();
    assert_eq!(report.files.len(), 40);
    assert_eq!(settings.asset_cache.probes(), 3);
    // The srcset says 1280w for a 640-pixel file, in every article.
    let mismatches = report
        .files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.rule == "img-srcset-mismatch")
        .count();
    assert_eq!(mismatches, 40);
}

#[test]
fn data_uris_are_decoded_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAMzMzP///ywAAAAAAQABAAACAkQBADs=\" width=\"1\" height=\"1\" alt=\"\">
<img src=\"data:image/jpeg;base64,R0lGODlhAQABAIAAAMzMzP///ywAAAAAAQABAAACAkQBADs=\" width=\"1\" height=\"1\" alt=\"\">
<img src=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\" alt=\"\">
<img src=\"data:image/png;base64,%%%\" width=\"1\" height=\"1\" alt=\"\">
<video controls><track kind=\"captions\" src=\"data:text/vtt,WEBVTT%0A%0A00:00.000 --%3E 00:01,000%0Ahi\"></video>
";
    write(&dir.path().join("a.html"), page.as_bytes());
    let output = presslint()
        .args(["check", "--format", "json"])
        .arg(dir.path().join("a.html"))
        .output()
        .unwrap();
    let found = by_line(&output);
    assert!(!found.keys().any(|(line, _)| *line == 1), "{found:?}");
    // GIF bytes labelled image/jpeg: browsers sniff them, and no server
    // sends a data: URI's type, so the format is not questioned.
    assert!(!found.keys().any(|(line, _)| *line == 2), "{found:?}");
    assert!(messages(&found, 3, "img-file-broken")[0].contains("this data: URI (image/png)"));
    assert!(messages(&found, 4, "img-file-broken")[0].contains("not valid base64"));
    assert!(
        messages(&found, 5, "track-file-invalid")[0].contains("line 3"),
        "{found:?}"
    );
}

#[test]
fn fix_inserts_sizes_byte_exact_atomic_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("img/wide.jpg"),
        &fixture_image("sandbags-quay.jpg"),
    );
    write(
        &dir.path().join("img/rotated.jpg"),
        &fixture_image("lifeboat-crew-portrait.jpg"),
    );
    let original = "<!DOCTYPE html>\r\n<html lang=\"uk\"><head><title>Київ</title></head><body><h1>Київ — «пункт»</h1>\r\n\
<img src=\"/img/wide.jpg\" alt=\"Мішки з піском\">\r\n\
<IMG SRC=/img/rotated.jpg ALT='Стерновий' />\r\n\
<img src=\"/img/wide.jpg\" width=\"600\" alt=\"x\"><img src=\"/img/missing.jpg\" alt=\"y\">\r\n\
<img src=\"https://cdn.example.com/a.jpg\" alt=\"z\">\r\n</body></html>\r\n";
    let article = dir.path().join("story.html");
    write(&article, original.as_bytes());

    // A dry run prints a diff and writes nothing.
    let (code, diff) = fix_dry_run(&article);
    assert_eq!(code, Some(1));
    assert!(
        diff.contains(
            "+<img src=\"/img/wide.jpg\" alt=\"Мішки з піском\" width=\"1200\" height=\"800\">\r\n"
        ),
        "{diff}"
    );
    assert_eq!(fs::read_to_string(&article).unwrap(), original);

    presslint()
        .args(["check", "--fix"])
        .arg(&article)
        .assert()
        .code(1);
    let fixed = fs::read_to_string(&article).unwrap();
    let expected = original
        .replace(
            "alt=\"Мішки з піском\">",
            "alt=\"Мішки з піском\" width=\"1200\" height=\"800\">",
        )
        // Stored 1200×800, turned upright by its EXIF orientation.
        .replace(
            "ALT='Стерновий' />",
            "ALT='Стерновий' width=\"800\" height=\"1200\" />",
        )
        .replace(
            "width=\"600\" alt=\"x\">",
            "width=\"600\" alt=\"x\" height=\"400\">",
        );
    assert_eq!(fixed, expected);
    // No temporary file left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // A second run changes nothing.
    presslint()
        .args(["check", "--fix"])
        .arg(&article)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&article).unwrap(), expected);
    presslint()
        .args(["check", "--fix", "--dry-run"])
        .arg(&article)
        .assert()
        .code(0)
        .stdout("");
    // Without --fix nothing is ever written.
    presslint().arg("check").arg(&article).assert().code(1);
    assert_eq!(fs::read_to_string(&article).unwrap(), expected);
}

#[test]
fn caption_rules_quote_the_files_metadata() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/images");
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a.html"),
        b"<figure><img src=\"/media/2025/01/18/coastguard-helicopter.jpg\" width=\"1200\" height=\"800\" alt=\"A helicopter over the harbour mouth\">
<figcaption>A coastguard helicopter over the harbour.</figcaption></figure>",
    );
    let output = presslint()
        .args(["check", "--format", "json", "--assets"])
        .arg(&root)
        .arg(dir.path().join("a.html"))
        .output()
        .unwrap();
    let found = by_line(&output);
    let help = |rule| messages(&found, 2, rule).join("\n");
    assert!(
        help("caption-credit-missing")
            .contains("the image file's IPTC By-line is 'Tom Pryce' and its Credit Line 'PA'"),
        "{found:?}"
    );
    assert!(help("caption-date-missing").contains("IPTC Date Created is 2025-01-17"));
    assert!(help("caption-place-missing").contains("IPTC location is 'Porthleven'"));
}

/// One row of `images.tsv`.
struct Row {
    name: String,
    format: String,
    width: String,
    height: String,
    broken: String,
}

fn corpus() -> Option<(PathBuf, Vec<Row>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/images");
    let tsv = fs::read_to_string(dir.join("images.tsv")).ok()?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next()?.split('\t').collect();
    let col = |name| header.iter().position(|h| *h == name).unwrap();
    let (name, format, width, height, broken) = (
        col("filename"),
        col("format"),
        col("width"),
        col("height"),
        col("broken"),
    );
    let rows = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                name: f[name].into(),
                format: f[format].into(),
                width: f[width].into(),
                height: f[height].into(),
                broken: f[broken].into(),
            }
        })
        .collect();
    Some((dir, rows))
}

#[test]
fn corpus_images_are_classified_as_images_tsv_says() {
    let Some((dir, rows)) = corpus() else {
        eprintln!("../shared/corpus/images not found; skipping");
        return;
    };
    assert_eq!(rows.len(), 143);
    let cache = presslint::assets::Cache::default();
    let mut disagreements = Vec::new();
    for row in &rows {
        let info = cache.image(&dir.join(&row.name));
        let format = info.format.map_or("unknown", |f| f.name());
        let expected_format = if row.format.starts_with("unknown") {
            "unknown"
        } else {
            row.format.as_str()
        };
        if format != expected_format {
            disagreements.push(format!("{}: format {format}, tsv {}", row.name, row.format));
        }
        // "unknown": no decoder could tell; "partial": a later frame failed.
        let broken = info.broken.is_some();
        let expect_broken = match row.broken.as_str() {
            "yes" => Some(true),
            "no" | "partial" => Some(false),
            _ => None,
        };
        if expect_broken.is_some_and(|b| b != broken) {
            disagreements.push(format!(
                "{}: broken {:?}, tsv {}",
                row.name, info.broken, row.broken
            ));
        }
        if row.broken != "yes" && !row.width.is_empty() {
            let size = info.size.map(|(w, h)| (w.to_string(), h.to_string()));
            if size != Some((row.width.clone(), row.height.clone())) {
                disagreements.push(format!(
                    "{}: size {:?}, tsv {}x{}",
                    row.name, info.size, row.width, row.height
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn corpus_images_wrapped_in_pages_get_the_expected_diagnostics() {
    let Some((dir, rows)) = corpus() else {
        eprintln!("../shared/corpus/images not found; skipping");
        return;
    };
    let pages = tempfile::tempdir().unwrap();
    // One page per ten images, each image on its own line.
    for (i, chunk) in rows.chunks(10).enumerate() {
        let mut page = String::from(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Corpus</title></head><body>\n",
        );
        for row in chunk {
            page.push_str(&format!("<img src=\"/{}\" alt=\"\">\n", row.name));
        }
        write(
            &pages.path().join(format!("page-{i:02}.html")),
            page.as_bytes(),
        );
    }
    let output = presslint()
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "img-file-broken,img-format-mismatch,img-format-legacy,img-file-missing",
            "--assets",
        ])
        .arg(&dir)
        .arg(pages.path())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut fired: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, file) in report["files"].as_array().unwrap().iter().enumerate() {
        for d in file["diagnostics"].as_array().unwrap() {
            let line = d["span"]["line"].as_u64().unwrap() as usize;
            let row = &rows[i * 10 + line - 2];
            fired
                .entry(row.name.clone())
                .or_default()
                .push(d["rule"].as_str().unwrap().to_string());
        }
    }
    let extension = |name: &str| {
        let ext = name.rsplit('.').next().unwrap().to_ascii_lowercase();
        presslint::assets::Format::from_extension(&ext).map(|f| f.name())
    };
    for row in &rows {
        let mut expected = Vec::new();
        let format = row.format.as_str();
        if row.broken == "yes" {
            expected.push("img-file-broken");
        } else if row.broken != "unknown" {
            if extension(&row.name).is_some_and(|e| e != format) {
                expected.push("img-format-mismatch");
            }
            if matches!(format, "bmp" | "tiff" | "ico" | "jp2" | "heif") {
                expected.push("img-format-legacy");
            }
        }
        let mut got: Vec<&str> = fired
            .get(&row.name)
            .map(|v| v.iter().map(String::as_str).collect())
            .unwrap_or_default();
        got.sort_unstable();
        expected.sort_unstable();
        if row.broken == "unknown" {
            continue;
        }
        assert_eq!(got, expected, "{}", row.name);
    }
}

#[test]
fn a_tracking_pixel_or_an_ad_stand_in_is_not_an_unresolved_reference() {
    let (_dir, site) = site();
    write(
        &site.join("news/story.html"),
        b"<p>Body.</p><img src=\"/logger/p.gif?a=1.4690347&amp;d=/2.628\" alt=\"\">
<div class=\"native-rail\"><span>From our sponsor</span><img data-native-ad-id=\"sponsored_logo\" alt=\"Sponsor logo\" src=\"/icons/native-ad-placeholder.png\"></div>",
    );
    let unresolved = |site: &std::path::Path| {
        let output = presslint()
            .args(["check", "--format", "json", "--select", "assets-unresolved"])
            .arg(site)
            .output()
            .unwrap();
        by_line(&output)
    };
    assert!(unresolved(&site).is_empty(), "{:?}", unresolved(&site));
    // A picture readers need, beside them, is still counted.
    write(
        &site.join("news/story.html"),
        b"<img src=\"/logger/p.gif\" alt=\"\"><img src=\"/gc4/images/storm.jpg\" alt=\"Waves\">",
    );
    let found = unresolved(&site);
    assert!(
        messages(&found, 1, "assets-unresolved")[0]
            .contains("`/gc4/images/storm.jpg` was not checked"),
        "{found:?}"
    );
}

#[test]
fn fix_sizes_a_lazy_image_from_its_picture_not_its_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("img/wide.jpg"),
        &fixture_image("sandbags-quay.jpg"),
    );
    // A 4×3 PNG blur in `src`, the photo in `data-src`.
    let blur = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAQAAAAe/WZNAAAADklEQVR42mNkgAJGDAYAAFEABCaLYqoAAAAASUVORK5CYII=";
    let original = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Sandbags</title></head><body><h1>Sandbags</h1>\n\
<img src=\"{blur}\" data-src=\"/img/wide.jpg\" alt=\"Sandbags on the quay\">\n\
<img src=\"{blur}\" data-src=\"/img/missing.jpg\" alt=\"The quay at dawn\">\n</body></html>\n"
    );
    let article = dir.path().join("story.html");
    write(&article, original.as_bytes());
    let (_, diff) = fix_dry_run(&article);
    assert!(
        diff.contains("alt=\"Sandbags on the quay\" width=\"1200\" height=\"800\">"),
        "{diff}"
    );
    // The placeholder's 4×3 is not the photo's size: no fix without it.
    assert!(!diff.contains("width=\"4\""), "{diff}");
    assert!(!diff.contains("alt=\"The quay at dawn\" width"), "{diff}");
}

/// `presslint check --fix --dry-run` on one article: its exit code and the
/// diff it prints.
fn fix_dry_run(article: &Path) -> (Option<i32>, String) {
    let output = presslint()
        .args(["check", "--fix", "--dry-run"])
        .arg(article)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}
