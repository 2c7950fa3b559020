//! `presslint check --fix`: apply the fixes rules attach to their
//! diagnostics (today: `img-unsized`'s width and height from the image
//! file), editing the source only inside each fix's span, so every other
//! byte stays as it was. Files are replaced atomically (see
//! [`crate::report::output::replace`]), keeping their owner, group and
//! permissions; an article reached through a symbolic link is fixed in the
//! file the link names, and the link stays. Running it again changes
//! nothing, because fixed markup no longer triggers the rule.
//! `--fix --dry-run` prints the changes as a unified diff instead.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Edit};
use crate::{FileReport, Settings};

/// What a fix run did (or, for a dry run, would do).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files changed (or that would change).
    pub files: usize,
    /// Fixes applied (or that would be).
    pub fixes: usize,
    /// The unified diff of every change, for `--dry-run`.
    pub diff: String,
    /// Files that could not be fixed (or shown in the diff), one line each.
    pub errors: Vec<String>,
    /// Inputs that could not be read, one line each.
    pub unreadable: Vec<String>,
}

/// The source with every fix of `diagnostics` applied, and how many fixes
/// were applied; `None` when there is nothing to fix. Fixes whose edits
/// overlap an earlier fix are left out (a second run picks them up).
pub fn apply(source: &str, diagnostics: &[Diagnostic]) -> Option<(String, usize)> {
    let (chosen, count) = choose(source, diagnostics);
    if count == 0 {
        return None;
    }
    let mut out = String::with_capacity(source.len() + 64 * chosen.len());
    let mut at = 0;
    for edit in chosen {
        out.push_str(&source[at..edit.span.start]);
        out.push_str(&edit.text);
        at = edit.span.end;
    }
    out.push_str(&source[at..]);
    Some((out, count))
}

/// The edits [`apply`] makes, sorted and disjoint, and how many fixes they
/// come from: each fix whose edits are valid in `source` and do not
/// overlap an earlier fix's. An editor applies these itself.
pub fn choose<'d>(source: &str, diagnostics: &'d [Diagnostic]) -> (Vec<&'d Edit>, usize) {
    let mut fixes: Vec<&[Edit]> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| f.edits.as_slice()))
        .filter(|edits| !edits.is_empty())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.span.start).min());
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut count = 0;
    let mut end = 0;
    for edits in fixes {
        let start = edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let valid = edits.iter().all(|e| {
            e.span.start <= e.span.end
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
                && e.span.end <= source.len()
        });
        if !valid || (count > 0 && start < end) {
            continue;
        }
        end = edits.iter().map(|e| e.span.end).max().unwrap_or(start);
        chosen.extend(edits);
        count += 1;
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, count)
}

/// How long a file's diff may look for the fewest changed lines.
const DIFF_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// A unified diff between two versions of a file, as `diff -u` prints it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    // `a/` and `b/` as git writes them, so `git apply` or `patch -p1` can
    // apply the diff of a relative path.
    let (a, b) = if Path::new(path).is_absolute() {
        (header_name("", path), header_name("", path))
    } else {
        (header_name("a/", path), header_name("b/", path))
    };
    // Myers' diff takes time in the lines times the lines changed: a file
    // of 80,000 lines, each fixed, took 37 s. Past the deadline the diff
    // is approximated: still a patch that applies, with larger hunks.
    similar::TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

/// A file name for a `---` or `+++` line, quoted the way git quotes it: a
/// name with a control character (a newline would end the header line and
/// let the rest of the name pass for diff lines), a quote, a backslash or a
/// non-ASCII character is written in double quotes with C escapes
/// (`"a/odd\nname.html"`, `"a/\303\251t\303\251.html"`), which
/// `git apply` and GNU `patch` read back; a name with a space is followed
/// by a tab, so that the space is not taken for the end of the name.
fn header_name(prefix: &str, path: &str) -> String {
    let name = format!("{prefix}{path}");
    let needs_quotes = name
        .bytes()
        .any(|b| !(0x20..0x7f).contains(&b) || b == b'"' || b == b'\\');
    if !needs_quotes {
        return if name.contains(' ') {
            format!("{name}\t")
        } else {
            name
        };
    }
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for b in name.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\x07' => out.push_str("\\a"),
            b'\x08' => out.push_str("\\b"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\x0b' => out.push_str("\\v"),
            b'\x0c' => out.push_str("\\f"),
            b'\r' => out.push_str("\\r"),
            b if !(0x20..0x7f).contains(&b) => out.push_str(&format!("\\{b:03o}")),
            b => out.push(char::from(b)),
        }
    }
    out.push('"');
    out
}

/// Lint `paths` with `settings` and fix what can be fixed: write the
/// files, or for a dry run only compute the diff. `narrow` drops the
/// findings that are not to be fixed (`--changed-lines`).
pub fn run(
    paths: &[std::path::PathBuf],
    settings: &Settings,
    dry_run: bool,
    narrow: impl Fn(&mut FileReport),
) -> Result<Outcome, String> {
    let mut outcome = Outcome::default();
    let unreadable = crate::lint_paths_with(paths, settings, |mut file| {
        narrow(&mut file);
        fix_file(&file, settings, dry_run, &mut outcome);
    })?;
    outcome
        .unreadable
        .extend(unreadable.iter().map(|e| format!("{e}")));
    Ok(outcome)
}

fn fix_file(file: &FileReport, settings: &Settings, dry_run: bool, outcome: &mut Outcome) {
    // Markdown is the writer's own text: its findings say what to change,
    // presslint does not rewrite it.
    if crate::source::Kind::of(&file.path) == crate::source::Kind::Markdown {
        return;
    }
    let Some((fixed, count)) = apply(&file.source, &file.diagnostics) else {
        return;
    };
    let path = Path::new(&file.path);
    let is_stdin = file.path == settings.stdin_name && !path.is_file();
    if dry_run {
        // A name that is not UTF-8 is shown with U+FFFD in it, which names
        // another file (or none): such a diff could not be applied.
        if !is_stdin && file.path.contains('\u{FFFD}') && !path.exists() {
            outcome.errors.push(format!(
                "{}: not shown in the diff: the file name is not valid UTF-8; rename the file",
                file.path
            ));
            return;
        }
        outcome
            .diff
            .push_str(&unified_diff(&file.path, &file.source, &fixed));
        outcome.files += 1;
        outcome.fixes += count;
        return;
    }
    if is_stdin {
        outcome.errors.push(format!(
            "{}: standard input cannot be fixed in place; use --dry-run to see the changes",
            file.path
        ));
        return;
    }
    match write_fix(path, &file.source, &fixed, settings.max_file_bytes) {
        Ok(()) => {
            outcome.files += 1;
            outcome.fixes += count;
        }
        Err(reason) => outcome
            .errors
            .push(format!("{}: not fixed: {reason}", file.path)),
    }
}

/// Write `fixed` over the file at `path`, which held `linted` when it was
/// linted (`limit` bounds the bytes read to check that).
fn write_fix(path: &Path, linted: &str, fixed: &str, limit: u64) -> Result<(), String> {
    // A symbolic link is fixed in the file it names, and stays a link.
    let real = std::fs::canonicalize(path).map_err(|e| format!("cannot find it again ({e})"))?;
    let meta = std::fs::metadata(&real).map_err(|e| format!("cannot find it again ({e})"))?;
    if meta.is_file() && meta.permissions().readonly() {
        return Err("the file is read-only".into());
    }
    // Replacing the file would split the links; writing it in place could
    // leave it half-written, in every place it is linked from.
    if meta.is_file() && meta.nlink() > 1 {
        return Err(format!(
            "the file has {} hard links, which fixing it would split; fix a copy, or remove the other links first",
            meta.nlink()
        ));
    }
    // Only write over the bytes that were linted: a file that is not valid
    // UTF-8 (decoded with replacements), changed meanwhile, or was swapped
    // for a FIFO or a device is left alone.
    match crate::source::read_bounded(&real, limit) {
        Ok(bytes) if bytes == linted.as_bytes() => {}
        Ok(_) => {
            return Err("the file is not valid UTF-8 or changed while presslint ran".into());
        }
        Err(err) => return Err(format!("cannot read it again: {err}")),
    }
    crate::report::output::replace(&real, fixed.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Span};

    fn insert(at: usize, text: &str) -> Diagnostic {
        Diagnostic::new(Span::empty(at), "x").fix(Fix {
            title: "t".into(),
            edits: vec![Edit {
                span: Span::empty(at),
                text: text.into(),
            }],
        })
    }

    #[test]
    fn applies_edits_in_order_and_nothing_else() {
        let source = "<img src=a><img src=b>";
        let (fixed, n) = apply(source, &[insert(21, " B"), insert(10, " A")]).unwrap();
        assert_eq!(fixed, "<img src=a A><img src=b B>");
        assert_eq!(n, 2);
        assert_eq!(
            apply(source, &[Diagnostic::new(Span::empty(0), "no fix")]),
            None
        );
    }

    #[test]
    fn diff_has_headers_and_hunks() {
        let diff = unified_diff("a.html", "<p>\n<img src=a>\n", "<p>\n<img src=a w>\n");
        assert!(diff.starts_with("--- a/a.html\n+++ b/a.html\n@@"), "{diff}");
        assert!(diff.contains("-<img src=a>\n+<img src=a w>\n"), "{diff}");
    }

    #[test]
    fn odd_names_are_quoted_as_git_quotes_them() {
        assert_eq!(header_name("a/", "news/a.html"), "a/news/a.html");
        assert_eq!(header_name("a/", "odd\nname.html"), "\"a/odd\\nname.html\"");
        assert_eq!(
            header_name("b/", "q\"\\\r\t\x1b.html"),
            "\"b/q\\\"\\\\\\r\\t\\033.html\""
        );
        assert_eq!(
            header_name("a/", "été.html"),
            "\"a/\\303\\251t\\303\\251.html\""
        );
        assert_eq!(header_name("a/", "with space.html"), "a/with space.html\t");
        let diff = unified_diff("x\n+++ b/victim.html\n@@ -1 +1 @@", "a\n", "b\n");
        assert_eq!(diff.lines().filter(|l| l.starts_with("+++ ")).count(), 1);
        assert!(
            !diff.lines().any(|l| l.starts_with("+++ b/victim")),
            "{diff}"
        );
    }
}
