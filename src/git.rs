//! `--changed-since REF`: the files git says changed since a ref, plus
//! untracked ones, through the `git` command line (`--changed-lines`
//! runs git through here too; see `changed_lines`).
//!
//! The ref comes from the command line of a CI job, often from a variable
//! a pull request can influence, so it is checked before git sees it and
//! passed after `--end-of-options` (git 2.24 or later): `--output=FILE`
//! must never reach git as an option. File names are read NUL-separated
//! (`-z`), so names git would otherwise quote (non-ASCII, newlines) are
//! found.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Run git in `dir` for `flag` (which error messages name); its output.
pub(crate) fn git(flag: &str, dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| {
            format!("{flag} needs the `git` command ({e}); install git or drop the flag")
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        return Err(format!("{flag}: `git {}` failed: {first}", args.join(" ")));
    }
    Ok(output.stdout)
}

/// The top directory of the repository around `dir`.
pub(crate) fn toplevel(flag: &str, dir: &Path) -> Result<PathBuf, String> {
    let top = git(flag, dir, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        format!(
            "{flag} needs a git repository, and {} is not inside one",
            dir.display()
        )
    })?;
    let top = top.strip_suffix(b"\n").unwrap_or(&top);
    Ok(PathBuf::from(OsStr::from_bytes(top)))
}

/// Paths of untracked files (not ignored), NUL-separated, relative to `top`.
pub(crate) fn untracked(flag: &str, top: &Path) -> Result<Vec<PathBuf>, String> {
    let output = git(
        flag,
        top,
        &["ls-files", "-z", "--others", "--exclude-standard"],
    )?;
    Ok(paths(top, &output).collect())
}

/// Refuse what cannot be a ref and could be read as something else: an
/// option (`-…`), or text with control characters or whitespace.
pub fn check_ref(reference: &str) -> Result<(), String> {
    check_ref_for("--changed-since", reference)
}

/// [`check_ref`] for the flag `flag`, which the error names.
pub(crate) fn check_ref_for(flag: &str, reference: &str) -> Result<(), String> {
    let problem = if reference.is_empty() {
        "is empty"
    } else if reference.starts_with('-') {
        "starts with `-`, so git would read it as an option"
    } else if reference.chars().any(char::is_control) {
        "contains a control character"
    } else if reference.chars().any(char::is_whitespace) {
        "contains whitespace"
    } else {
        return Ok(());
    };
    Err(format!(
        "{flag}: `{}` is not a git ref: it {problem}; give a branch, tag or commit such as origin/main",
        reference.escape_debug()
    ))
}

/// The paths in NUL-separated git output, joined to `top`.
fn paths(top: &Path, output: &[u8]) -> impl Iterator<Item = PathBuf> {
    output
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| top.join(OsStr::from_bytes(name)))
}

/// Canonical paths of files changed since `reference` (committed, staged or
/// not) and of untracked files, in the repository around `dir`.
pub fn changed_since(dir: &Path, reference: &str) -> Result<HashSet<PathBuf>, String> {
    const FLAG: &str = "--changed-since";
    check_ref(reference)?;
    let top = toplevel(FLAG, dir)?;
    let changed = git(
        FLAG,
        &top,
        &[
            "diff",
            "--name-only",
            "--no-renames",
            "-z",
            "--end-of-options",
            reference,
            "--",
        ],
    )?;
    Ok(paths(&top, &changed)
        .chain(untracked(FLAG, &top)?)
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_that_could_be_options_are_refused() {
        for bad in [
            "",
            "-p",
            "--output=/tmp/x",
            "main\n",
            "a b",
            "a\tb",
            "x\x1b[2J",
        ] {
            assert!(check_ref(bad).is_err(), "{bad:?} was accepted");
        }
        for good in [
            "HEAD",
            "origin/main",
            "HEAD~3",
            "v1.2.0",
            "a1b2c3d",
            "main@{1}",
        ] {
            assert_eq!(check_ref(good), Ok(()));
        }
        let err = check_ref("--output=/tmp/x").unwrap_err();
        assert!(err.contains("`--output=/tmp/x`"), "{err}");
    }

    #[test]
    fn nul_separated_names_are_kept_whole() {
        let found: Vec<PathBuf> =
            paths(Path::new("/r"), b"\xc3\xa9t\xc3\xa9.html\0odd\nname.html\0").collect();
        assert_eq!(
            found,
            [
                PathBuf::from("/r/été.html"),
                PathBuf::from("/r/odd\nname.html")
            ]
        );
    }
}
