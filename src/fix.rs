//! `presslint check --fix`: apply the fixes rules attach to their
//! diagnostics (today: `img-unsized`'s width and height from the image
//! file), editing the source only inside each fix's span, so every other
//! byte stays as it was. Files are replaced atomically (a temporary file in
//! the same directory, renamed over the original). Running it again changes
//! nothing, because fixed markup no longer triggers the rule.
//! `--fix --dry-run` prints the changes as a unified diff instead.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// Files that could not be fixed, one line each.
    pub errors: Vec<String>,
}

/// The source with every fix of `diagnostics` applied, and how many fixes
/// were applied; `None` when there is nothing to fix. Fixes whose edits
/// overlap an earlier fix are left out (a second run picks them up).
pub fn apply(source: &str, diagnostics: &[Diagnostic]) -> Option<(String, usize)> {
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
    if count == 0 {
        return None;
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
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

/// A unified diff between two versions of a file, as `diff -u` prints it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    // `a/` and `b/` as git writes them, so `git apply` or `patch -p1` can
    // apply the diff of a relative path.
    let (a, b) = if Path::new(path).is_absolute() {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

/// Lint `paths` with `settings` and fix what can be fixed: write the
/// files, or for a dry run only compute the diff.
pub fn run(paths: &[PathBuf], settings: &Settings, dry_run: bool) -> Result<Outcome, String> {
    let mut outcome = Outcome::default();
    let errors = crate::lint_paths_with(paths, settings, |file| {
        fix_file(&file, &settings.stdin_name, dry_run, &mut outcome);
    })?;
    outcome.errors.extend(errors.iter().map(|e| format!("{e}")));
    Ok(outcome)
}

fn fix_file(file: &FileReport, stdin_name: &str, dry_run: bool, outcome: &mut Outcome) {
    let Some((fixed, count)) = apply(&file.source, &file.diagnostics) else {
        return;
    };
    let path = Path::new(&file.path);
    let is_stdin = file.path == stdin_name && !path.is_file();
    if dry_run {
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
    // Only write over the bytes that were linted: a file that is not
    // valid UTF-8 (decoded with replacements) or changed meanwhile is left alone.
    match std::fs::read(path) {
        Ok(bytes) if bytes == file.source.as_bytes() => {}
        Ok(_) => {
            outcome.errors.push(format!(
                "{}: not fixed: the file is not valid UTF-8 or changed while presslint ran",
                file.path
            ));
            return;
        }
        Err(err) => {
            outcome.errors.push(format!(
                "{}: not fixed: cannot read it again ({err})",
                file.path
            ));
            return;
        }
    }
    match write_atomically(path, fixed.as_bytes()) {
        Ok(()) => {
            outcome.files += 1;
            outcome.fixes += count;
        }
        Err(message) => outcome.errors.push(message),
    }
}

/// Replace `path` with `bytes` through a temporary file in the same
/// directory (same permissions), renamed over it once complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str, err: std::io::Error| {
        format!("{}: not fixed: cannot {what} ({err})", path.display())
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let permissions = std::fs::metadata(path)
        .map_err(|e| fail("read its permissions", e))?
        .permissions();
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(
            ".{name}.{}.{attempt}.presslint-fix",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => break (tmp, file),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(err) => return Err(fail("create a temporary file next to it", err)),
        }
    };
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::set_permissions(&tmp, permissions))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(err) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write it", err));
    }
    Ok(())
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
}
