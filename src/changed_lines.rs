//! `--changed-lines REF`: keep only the findings on lines a pull request
//! added or modified, so a gate on an old archive judges the change and
//! not the archive.
//!
//! The lines come from `git diff -U0 --find-renames REF` (the working tree
//! against the ref: committed, staged or not), so a renamed file counts
//! only its edited lines; an untracked file counts whole. A finding is
//! kept when any line of its span is within `--changed-lines-context N`
//! lines of a changed one. The ref is checked as for `--changed-since`.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::FileReport;
use crate::git;

const FLAG: &str = "--changed-lines";

/// The lines of a file that changed.
#[derive(Debug, PartialEq, Eq)]
enum Lines {
    /// A new (untracked) file: every line.
    All,
    /// 1-based inclusive ranges, sorted, as the diff lists them.
    Ranges(Vec<(usize, usize)>),
}

/// The changed lines of every changed file, by canonical path.
pub struct ChangedLines {
    files: HashMap<PathBuf, Lines>,
    context: usize,
}

impl ChangedLines {
    /// The lines changed since `reference` in the repository around `dir`;
    /// `context` lines around each count as changed too.
    pub fn since(dir: &Path, reference: &str, context: usize) -> Result<ChangedLines, String> {
        git::check_ref_for(FLAG, reference)?;
        let top = git::toplevel(FLAG, dir)?;
        let diff = git::git(
            FLAG,
            &top,
            &[
                "-c",
                "core.quotePath=false",
                "diff",
                "-U0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--find-renames",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                "--end-of-options",
                reference,
                "--",
            ],
        )?;
        let mut files = HashMap::new();
        for (path, ranges) in parse_diff(&diff) {
            if let Ok(path) = std::fs::canonicalize(top.join(path)) {
                files.insert(path, Lines::Ranges(ranges));
            }
        }
        for path in git::untracked(FLAG, &top)? {
            if let Ok(path) = std::fs::canonicalize(path) {
                files.insert(path, Lines::All);
            }
        }
        Ok(ChangedLines { files, context })
    }

    /// The files with changed lines (canonical paths): only these can keep
    /// findings, so only these need linting.
    pub fn files(&self) -> HashSet<PathBuf> {
        self.files.keys().cloned().collect()
    }

    /// Drop the findings of `file` that touch no changed line.
    pub fn filter(&self, file: &mut FileReport) {
        let lines = std::fs::canonicalize(&file.path)
            .ok()
            .and_then(|path| self.files.get(&path));
        let Some(lines) = lines else {
            file.diagnostics.clear();
            return;
        };
        let source = &file.source;
        let index = source.index();
        file.diagnostics.retain(|d| {
            let first = index.line(d.span.start);
            let last = index.line(d.span.end.max(d.span.start)).max(first);
            touches(lines, first, last, self.context)
        });
    }
}

/// Whether lines `first..=last` come within `context` lines of a change.
fn touches(lines: &Lines, first: usize, last: usize, context: usize) -> bool {
    let Lines::Ranges(ranges) = lines else {
        return true;
    };
    // The first range that does not end (with its context) before `first`.
    let i = ranges.partition_point(|&(_, end)| end.saturating_add(context) < first);
    ranges
        .get(i)
        .is_some_and(|&(start, _)| start.saturating_sub(context) <= last)
}

/// The added or modified lines of each file in a `git diff -U0` (paths
/// relative to the repository's top, as the `+++ b/…` lines name them).
/// Hunk bodies are skipped by their line counts, so an added line that
/// reads `++ x` is not taken for a file header.
fn parse_diff(diff: &[u8]) -> Vec<(PathBuf, Vec<(usize, usize)>)> {
    let mut out: Vec<(PathBuf, Vec<(usize, usize)>)> = Vec::new();
    let mut current: Option<usize> = None;
    let mut lines = diff.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix(b"+++ ") {
            current = file_name(name).map(|path| {
                out.push((path, Vec::new()));
                out.len() - 1
            });
        } else if line.starts_with(b"@@ ")
            && let Some((old, (start, count))) = hunk_header(line)
        {
            if let (Some(i), true) = (current, count > 0) {
                out[i].1.push((start, start + count - 1));
            }
            // Skip the hunk's body: `old` removed and `count` added lines,
            // and any "\ No newline at end of file".
            let mut left = old + count;
            while left > 0 || lines.peek().is_some_and(|l| l.starts_with(b"\\")) {
                match lines.next() {
                    Some(l) if l.starts_with(b"\\") => {}
                    Some(_) => left -= 1,
                    None => break,
                }
            }
        }
    }
    out.retain(|(_, ranges)| !ranges.is_empty());
    for (_, ranges) in &mut out {
        ranges.sort_unstable();
    }
    out
}

/// The path of a `+++` line: `b/…` (quoted the way git quotes names with
/// unusual bytes, and followed by a tab when it holds a space), or `None`
/// for `/dev/null` (a deleted file).
fn file_name(name: &[u8]) -> Option<PathBuf> {
    let name = name.strip_suffix(b"\t").unwrap_or(name);
    let name = if name.first() == Some(&b'"') {
        unquote(name)?
    } else {
        name.to_vec()
    };
    let path = name.strip_prefix(b"b/")?;
    Some(PathBuf::from(OsStr::from_bytes(path)))
}

/// A C-quoted name as git writes it: `"b/odd\nname.html"`, octal escapes
/// for bytes (`\303\251`).
fn unquote(quoted: &[u8]) -> Option<Vec<u8>> {
    let inner = quoted.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
    let mut out = Vec::with_capacity(inner.len());
    let mut bytes = inner.iter().copied();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let escaped = bytes.next()?;
        out.push(match escaped {
            b'a' => 0x07,
            b'b' => 0x08,
            b't' => b'\t',
            b'n' => b'\n',
            b'v' => 0x0b,
            b'f' => 0x0c,
            b'r' => b'\r',
            b'0'..=b'7' => {
                let digits = [escaped, bytes.next()?, bytes.next()?];
                let text = std::str::from_utf8(&digits).ok()?;
                u8::from_str_radix(text, 8).ok()?
            }
            other => other,
        });
    }
    Some(out)
}

/// `@@ -a,b +c,d @@`: the count of removed lines, and the start and count
/// of added ones (a count left out is 1).
fn hunk_header(line: &[u8]) -> Option<(usize, (usize, usize))> {
    let text = std::str::from_utf8(line).ok()?;
    let mut parts = text.split(' ').skip(1);
    let old = parts.next()?.strip_prefix('-')?;
    let new = parts.next()?.strip_prefix('+')?;
    let range = |r: &str| -> Option<(usize, usize)> {
        match r.split_once(',') {
            Some((start, count)) => Some((start.parse().ok()?, count.parse().ok()?)),
            None => Some((r.parse().ok()?, 1)),
        }
    };
    Some((range(old)?.1, range(new)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_added_lines_and_skip_their_bodies() {
        let diff = b"diff --git a/news/a.html b/news/a.html\n\
index 1..2 100644\n\
--- a/news/a.html\n\
+++ b/news/a.html\n\
@@ -3 +3 @@\n\
-<img src=a.jpg>\n\
+<img src=a.jpg alt=\"\">\n\
@@ -10,0 +11,2 @@\n\
+++ not a header\n\
+<p>two</p>\n\
@@ -20,2 +21,0 @@\n\
-gone\n\
-gone too\n\
\\ No newline at end of file\n\
diff --git a/old.html b/new name.html\n\
similarity index 90%\n\
rename from old.html\n\
rename to new name.html\n\
--- a/old.html\n\
+++ b/new name.html\t\n\
@@ -1 +1 @@\n\
-x\n\
+y\n\
diff --git a/gone.html b/gone.html\n\
--- a/gone.html\n\
+++ /dev/null\n\
@@ -1 +0,0 @@\n\
-z\n\
--- a/\"\\303\\251t\\303\\251.md\"\n\
+++ \"b/\\303\\251t\\303\\251.md\"\n\
@@ -0,0 +1 @@\n\
+new\n";
        assert_eq!(
            parse_diff(diff),
            [
                (PathBuf::from("news/a.html"), vec![(3, 3), (11, 12)]),
                (PathBuf::from("new name.html"), vec![(1, 1)]),
                (PathBuf::from("été.md"), vec![(1, 1)]),
            ]
        );
    }

    #[test]
    fn a_span_touches_changed_lines_within_the_context() {
        let lines = Lines::Ranges(vec![(3, 3), (11, 12)]);
        assert!(touches(&lines, 3, 3, 0));
        assert!(touches(&lines, 1, 4, 0));
        assert!(touches(&lines, 12, 20, 0));
        assert!(!touches(&lines, 4, 10, 0));
        assert!(!touches(&lines, 13, 13, 0));
        assert!(touches(&lines, 13, 13, 1));
        assert!(touches(&lines, 5, 5, 2));
        assert!(!touches(&lines, 6, 8, 2));
        assert!(touches(&Lines::All, 1000, 1000, 0));
    }

    #[test]
    fn quoted_names_are_read_back() {
        assert_eq!(
            unquote(b"\"b/odd\\nname \\\"q\\\".html\"").unwrap(),
            b"b/odd\nname \"q\".html"
        );
        assert_eq!(unquote(b"\"b/bad\\"), None);
    }
}
