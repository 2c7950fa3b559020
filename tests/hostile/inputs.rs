//! Hostile inputs: files that never end, block, or are too large to read.

use crate::support::*;

/// A FIFO named on the command line would block forever on open; it is
/// refused with one line naming it, and the other file is still reported.
#[test]
fn a_fifo_is_refused_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let fifo = dir.path().join("pipe.html");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let output = run_in(
        dir.path(),
        &["check", "--format", "json", "pipe.html", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("pipe.html: is not a regular file"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(reported_paths(&json(&output)), ["story.html"]);
}

/// `/dev/zero` as an article, a config or a baseline is refused, not read
/// until memory runs out.
#[test]
fn devices_are_refused_as_article_config_and_baseline() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let output = run_in(dir.path(), &["check", "/dev/zero", "story.html"], secs(20));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: is not a regular file"));
    assert!(stdout(&output).contains("img-alt-missing"));

    let output = run_in(
        dir.path(),
        &["check", "--config", "/dev/zero", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: cannot read config: is not a regular file"));

    let output = run_in(
        dir.path(),
        &["check", "--baseline", "/dev/zero", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/dev/zero: cannot read baseline: is not a regular file"));
}

/// A file over `--max-file-size` is named and skipped; standard input is
/// bounded the same way.
#[test]
fn files_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.html", ONE_FINDING);
    let mut big = ONE_FINDING.to_string();
    big.push_str(&"<p>The harbour reopened on Tuesday.</p>\n".repeat(2000));
    write(dir.path(), "big.html", &big);
    let output = run_in(
        dir.path(),
        &[
            "check",
            "--max-file-size",
            "64K",
            "--format",
            "json",
            "big.html",
            "story.html",
        ],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("big.html: is larger than 64 KiB"),
        "{}",
        stderr(&output)
    );
    assert_eq!(reported_paths(&json(&output)), ["story.html"]);

    let output = run_stdin(
        dir.path(),
        &["check", "--max-file-size", "64K", "-"],
        big.into_bytes(),
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("-: is larger than 64 KiB"),
        "{}",
        stderr(&output)
    );

    let output = run_in(
        dir.path(),
        &["check", "--max-file-size", "lots", "story.html"],
        secs(20),
    );
    assert_eq!(output.status.code(), Some(2));
}

/// A `presslint.toml` of 16,000 asset roots: each root-relative picture
/// got a candidate under each root, and each candidate was checked against
/// every root (1.5 s for 20 pictures and 4,000 roots in a release build,
/// growing with the square of the roots). Roots are a set now, a path
/// checked by its ancestors.
#[test]
fn a_config_of_thousands_of_asset_roots() {
    let dir = tempfile::tempdir().unwrap();
    let roots: Vec<String> = (0..16_000).map(|i| format!("\"r{i}\"")).collect();
    write(
        dir.path(),
        "presslint.toml",
        format!("assets = [{}]\n", roots.join(",")),
    );
    write(
        dir.path(),
        "story.html",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>{}</body></html>",
            "<p><img src=\"/photos/boats.jpg\" alt=\"Boats\" width=\"5\" height=\"5\"></p>"
                .repeat(20)
        ),
    );
    let output = run_in(
        dir.path(),
        &["check", "--format", "json", "story.html"],
        secs(60),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let missing = count_rule(&json(&output)["files"][0], "img-file-missing");
    assert_eq!(missing, 20);
}

/// 8,000 files under a `presslint.toml` of 8,000 overrides: each file was
/// matched against each override's globs in turn (11 s in a release
/// build). The overrides' globs are one set now; the override that turns
/// a rule off for a folder still does.
#[test]
fn thousands_of_overrides_over_thousands_of_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = String::new();
    for i in 0..8_000 {
        config.push_str(&format!(
            "[[overrides]]\nfiles = [\"archive{i}/**\"]\nrules = {{ img-alt-missing = \"off\" }}\n"
        ));
    }
    write(dir.path(), "presslint.toml", config);
    std::fs::create_dir_all(dir.path().join("news")).unwrap();
    std::fs::create_dir_all(dir.path().join("archive7999")).unwrap();
    for i in 0..8_000 {
        write(
            dir.path(),
            &format!("news/story{i}.html"),
            "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body><p>Boats.</p></body></html>",
        );
    }
    write(dir.path(), "archive7999/old.html", ONE_FINDING);
    write(dir.path(), "news/new.html", ONE_FINDING);
    let output = run_in(dir.path(), &["check", "--format", "json", "."], secs(60));
    let report = json(&output);
    let findings = |path: &str| {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(path)))
            .map_or(0, |f| count_rule(f, "img-alt-missing"))
    };
    assert_eq!(findings("archive7999/old.html"), 0);
    assert_eq!(findings("news/new.html"), 1);
}

/// A tree of folders 400 levels deep, with an article at every level and
/// 300 pictures beside the deepest: every path was made canonical from the
/// root each time (its config, its rules, its asset roots, each picture),
/// and each check of a path against the allowed folders hashed each of its
/// ancestors: the square of the depth per picture and per file (7.9 s for
/// 2,000 pictures 300 levels down in a release build). Folders are
/// resolved once per run now, and a path is checked only at the depths of
/// the allowed folders. What is reported must not change: every article,
/// the override matching the deepest ones, the pictures found beside the
/// deepest article and the one that is not there.
#[test]
fn a_tree_hundreds_of_folders_deep() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "presslint.toml",
        "[[overrides]]\nfiles = [\"**/d3/d4/story.html\"]\nrules = { img-alt-missing = \"off\" }\n",
    );
    let mut path = dir.path().to_path_buf();
    let mut levels = Vec::new();
    for i in 0..400 {
        path.push(format!("d{}", i % 10));
        levels.push(path.clone());
    }
    std::fs::create_dir_all(path.join("img")).unwrap();
    for level in &levels {
        std::fs::write(level.join("story.html"), ONE_FINDING).unwrap();
    }
    let mut body = String::new();
    for i in 0..300 {
        std::fs::write(path.join(format!("img/{i}.gif")), b"GIF89a").unwrap();
        body.push_str(&format!(
            "<p><img src=\"img/{i}.gif\" alt=\"Boats {i}\" width=\"5\" height=\"5\"></p>\n"
        ));
    }
    body.push_str(
        "<p><img src=\"../d9/img/gone.gif\" alt=\"Gone\" width=\"5\" height=\"5\"></p>\n",
    );
    std::fs::write(
        path.join("pictures.html"),
        format!("<!DOCTYPE html><html lang=\"en\"><head><title>Harbour</title></head><body>{body}</body></html>"),
    )
    .unwrap();
    let output = run_in(dir.path(), &["check", "--format", "json", "."], secs(60));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 401);
    // One level in ten ends in `d3/d4`, where the override turns the rule
    // off; `pictures.html` has no finding of it either.
    let silenced = files
        .iter()
        .filter(|f| count_rule(f, "img-alt-missing") == 0)
        .count();
    assert_eq!(silenced, 40 + 1);
    let pictures = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("pictures.html"))
        .unwrap();
    assert_eq!(count_rule(pictures, "img-file-missing"), 1);
    assert_eq!(count_rule(pictures, "img-alt-missing"), 0);
}
