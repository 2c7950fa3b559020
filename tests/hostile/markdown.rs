//! Hostile Markdown: front matter that expands, brackets that nest, and
//! thousands of captioned pictures. Each is linted beside a clean article,
//! which must still be reported; the bounds are for debug builds.

use std::time::Duration;

use crate::support::*;

fn lint_beside_clean(name: &str, text: &str, limit: Duration) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, text);
    write(dir.path(), "clean.html", CLEAN);
    let output = run_in(
        dir.path(),
        &["check", "--format", "json", name, "clean.html"],
        limit,
    );
    assert_no_crash(&output);
    let code = output.status.code().unwrap_or(-1);
    assert!(matches!(code, 0 | 1), "{code}: {}", stderr(&output));
    let report = json(&output);
    assert_eq!(reported_paths(&report), [name, "clean.html"]);
    report
}

/// A front matter of 30,000 keys (240 KB, under the size read): each key's
/// value was looked for from the top of the block, 2.9 s for 20,000 keys
/// in a release build and four times as long for twice as many (about 23 s
/// for these in a debug build). The last key's value is still found.
#[test]
fn front_matter_of_many_keys() {
    let mut text = String::from("---\n");
    // Four-letter keys, `aaaa: 1` on: short lines, many keys.
    let letters: Vec<char> = ('a'..='z').collect();
    for i in 0..30_000 {
        let key: String = [i / 17_576, i / 676, i / 26, i]
            .iter()
            .map(|&n| letters[n % 26])
            .collect();
        text.push_str(&format!("{key}: 1\n"));
    }
    text.push_str("title: Storm closes the harbour\n---\n# Storm closes the harbour again\n");
    let report = lint_beside_clean("keys.md", &text, secs(10));
    let second = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "heading-h1-multiple")
        .expect("the body's `#` heading is a second level-one heading");
    let title = &second["labels"][0]["span"];
    let (start, end) = (
        title["start"].as_u64().unwrap() as usize,
        title["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Storm closes the harbour");
}

/// YAML aliases nested nine deep: a billion values if expanded (5.5 GB and
/// 15 s before aliases were refused). The block is not read, and not
/// reported as a front matter without a title either.
#[test]
fn front_matter_alias_bomb() {
    let mut text = String::from("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    text.push_str("title: Storm\n---\nThe harbour reopened on Tuesday after the storm.\n");
    let report = lint_beside_clean("bomb.md", &text, secs(20));
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert!(!rules.contains(&"document-title"), "{rules:?}");
}

/// 20,000 captioned pictures: linear in their number (it once looked up
/// each picture's paragraph among all paragraphs).
#[test]
fn many_captioned_pictures() {
    let mut text = String::from("The gallery opened on Saturday.\n\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "![Boats in the harbour, view {i}](/img/{i}.jpg)\n\n*Boats in Hull, England, on May {}. [Jane Doe/AP]*\n\n",
            i % 28 + 1
        ));
    }
    lint_beside_clean("gallery.md", &text, secs(60));
}

/// Brackets opened two hundred thousand times and never closed.
#[test]
fn unclosed_image_brackets() {
    let text = format!("{}x](a.jpg)\n", "![".repeat(200_000));
    lint_beside_clean("brackets.md", &text, secs(20));
}

/// 80,000 Hugo shortcodes between paragraphs took 8 s in a release build:
/// each paragraph was compared with every shortcode. 32,000 pictures
/// nested in each other's alt text took 6 s: each read its whole text for
/// the bracket closing its alt. Both now cost one pass.
#[test]
fn many_shortcodes_or_nested_pictures() {
    let text = format!(
        "# Harbour\n\n{}",
        "{{< figure src=\"boats.jpg\" alt=\"Boats\" >}}\n\nThe harbour reopened on Tuesday.\n\n"
            .repeat(40_000)
    );
    let report = lint_beside_clean("shortcodes.md", &text, secs(60));
    let not_sized = count_rule(&report["files"][0], "img-unsized");
    assert_eq!(not_sized, 40_000);
    let text = format!(
        "# Harbour\n\n{}in the harbour{}\n",
        "![Boats ".repeat(32_000),
        "](boats.jpg)".repeat(32_000)
    );
    let report = lint_beside_clean("nested.md", &text, secs(60));
    let missing = count_rule(&report["files"][0], "img-file-missing");
    assert_eq!(missing, 32_000);
}

/// 40,000 paragraphs, then 40,000 links, took 1.3 s in a release build:
/// every paragraph looked through every link to ask whether it is one
/// link. And 40,000 code spans, then 40,000 figure shortcodes, grew the
/// same way: every shortcode looked through every code span. Each is one
/// search or one pass now; a shortcode in code is still not a figure.
#[test]
fn many_paragraphs_before_links_or_code_before_shortcodes() {
    let n = 40_000;
    let links = format!(
        "# Boats\n\n{}{}\n",
        "The harbour reopened.\n\n".repeat(n),
        "[a](/x) ".repeat(n)
    );
    let report = lint_beside_clean("links.md", &links, secs(30));
    assert_eq!(report["summary"]["errors"], 0);
    let figure = "{{< figure src=\"a.jpg\" alt=\"Boats\" >}}";
    let shortcodes = format!(
        "# Boats\n\n{}\n\n{}`{figure}`\n",
        "`c` ".repeat(n),
        format!("{figure}\n\n").repeat(n)
    );
    let report = lint_beside_clean("shortcodes.md", &shortcodes, secs(30));
    assert_eq!(count_rule(&report["files"][0], "figure-caption-missing"), n);
}

/// Code shortcodes by the hundred thousand: pairs one after another, pairs
/// nested in one another, and starts and ends of different names that
/// never pair. Each tag is one step (a stack per name, the pairs kept in
/// order), and the picture after them is still the article's.
#[test]
fn many_code_shortcodes_paired_nested_or_unmatched() {
    let n = 100_000;
    let tail = "\n\nBoats in the harbour.\n\n![](/media/boats.jpg)\n";
    for listing in [
        "{{< code >}}<h1>x</h1>{{< /code >}}\n".repeat(n),
        format!("{}{}", "{{< code >}}".repeat(n), "{{< /code >}}".repeat(n)),
        "{{< code >}}\n{% endhighlight %}\n{{< /output >}}\n".repeat(n),
    ] {
        let text = format!("---\ntitle: Boats\n---\n\n{listing}{tail}");
        let report = lint_beside_clean("listings.md", &text, secs(30));
        let file = &report["files"][0];
        assert_eq!(count_rule(file, "img-alt-missing"), 1, "{file}");
        assert_eq!(count_rule(file, "heading-h1-multiple"), 0, "{file}");
    }
}

/// R chunks by the hundred thousand whose `include_graphics(` calls never
/// close: each call's argument is read within a window, not to the end of
/// the chunk (33 s for 200,000 unclosed `include_graphics(c(` calls in a
/// release build before the window); fenced divs nested as deep and
/// figure divs one after another; the picture after them is still read.
#[test]
fn unclosed_chunk_calls_and_deep_fenced_divs() {
    let n = 100_000;
    let tail = "\n\nBoats in the harbour.\n\n![](/media/boats.jpg)\n";
    for body in [
        format!("```{{r}}\n{}\n```\n", "include_graphics(c(".repeat(n)),
        format!("```{{r}}\n{}\n```\n", "include_graphics(".repeat(n)),
        format!("{}{}", "::: {#fig-x}\n".repeat(n), ":::\n".repeat(n)),
        "::: {#fig-x}\n![](/media/a.jpg)\n\nA caption.\n:::\n\n".repeat(n / 10),
    ] {
        let text = format!("---\ntitle: Boats\n---\n\n{body}{tail}");
        let report = lint_beside_clean("chunks.qmd", &text, secs(30));
        let file = &report["files"][0];
        assert!(count_rule(file, "img-alt-missing") >= 1, "{file}");
    }
}

/// MyST directives by the hundred thousand: nested in one another past the
/// depth followed, opened and never closed, each with a YAML option block
/// that never ends, or one directive with 200,000 option lines; 20,000
/// figure directives one after another; and `(label)=` targets, comments
/// and empty cross-references between paragraphs. The scan is one pass
/// over the lines; the picture after them is still read.
#[test]
fn many_myst_directives_nested_unclosed_or_in_a_row() {
    let n = 100_000;
    let tail = "\n\nBoats in the harbour.\n\n![](/media/boats.jpg)\n";
    for body in [
        "````{note}\n".repeat(n),
        ":::{figure} a.png\n---\n".repeat(n / 2),
        format!(
            "```{{figure}} a.png\n{}```\n",
            ":width: 80%\n".repeat(2 * n)
        ),
        "```{figure} /media/a.jpg\n:alt: Boats\n\nBoats in Hull.\n```\n\n".repeat(n / 5),
        "(t)=\n% a comment\nSee [](#t).\n\n".repeat(n / 2),
    ] {
        let text = format!("---\ntitle: Boats\n---\n\n{body}{tail}");
        let report = lint_beside_clean("myst.md", &text, secs(30));
        let file = &report["files"][0];
        assert!(count_rule(file, "img-alt-missing") >= 1, "{file}");
    }
}
