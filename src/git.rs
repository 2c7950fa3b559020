//! `--changed-since REF`: the files git says changed since a ref, plus
//! untracked ones, through the `git` command line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| {
            format!("--changed-since needs the `git` command ({e}); install git or drop the flag")
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        return Err(format!(
            "--changed-since: `git {}` failed: {first}",
            args.join(" ")
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Canonical paths of files changed since `reference` (committed, staged or
/// not) and of untracked files, in the repository around `dir`.
pub fn changed_since(dir: &Path, reference: &str) -> Result<HashSet<PathBuf>, String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| {
        format!(
            "--changed-since needs a git repository, and {} is not inside one",
            dir.display()
        )
    })?;
    let top = PathBuf::from(top.trim());
    let changed = git(
        &top,
        &["diff", "--name-only", "--no-renames", reference, "--"],
    )?;
    let untracked = git(&top, &["ls-files", "--others", "--exclude-standard"])?;
    Ok(changed
        .lines()
        .chain(untracked.lines())
        .filter(|l| !l.is_empty())
        .filter_map(|l| std::fs::canonicalize(top.join(l)).ok())
        .collect())
}
