//! Canonical paths with each directory resolved once per run.
//!
//! `std::fs::canonicalize` asks the kernel about every component of the
//! path, each lookup walking the path so far, so one call costs the square
//! of the depth. Once per file that is nothing at a dozen levels; in a tree
//! nested hundreds deep, with every image reference and every file of the
//! run canonicalised a few times, it was seconds. Here a directory, once
//! resolved, is remembered, and a path below it costs one `lstat` per new
//! component.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct RealPaths {
    /// Directories met, as written and as resolved, each to its canonical path.
    dirs: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl RealPaths {
    /// `path` made absolute, with symbolic links and `..` resolved, as
    /// `std::fs::canonicalize` gives it; an error if it does not exist (or
    /// a link in it dangles).
    pub fn of(&self, path: &Path) -> std::io::Result<PathBuf> {
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()?.join(path)
        };
        // `..` goes up from where the path so far really is (past a link,
        // that is the link's target's parent): resolve, then go up.
        let mut plain = PathBuf::new();
        for component in absolute.components() {
            match component {
                Component::CurDir => {}
                Component::ParentDir => {
                    let (real, is_dir) = self.resolve_plain(&plain)?;
                    if !is_dir {
                        return Err(std::io::ErrorKind::NotADirectory.into());
                    }
                    plain = real;
                    plain.pop();
                }
                other => plain.push(other),
            }
        }
        self.resolve_plain(&plain).map(|(real, _)| real)
    }

    /// [`RealPaths::of`], or `path` as given when it cannot be resolved.
    pub fn or_given(&self, path: &Path) -> PathBuf {
        self.of(path).unwrap_or_else(|_| path.to_path_buf())
    }

    /// An absolute path of plain names resolved, and whether it is a
    /// directory.
    fn resolve_plain(&self, path: &Path) -> std::io::Result<(PathBuf, bool)> {
        // Up to the nearest directory already resolved, or the root.
        let mut pending = Vec::new();
        let mut real = {
            let dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            let mut at = path;
            loop {
                if let Some(real) = dirs.get(at) {
                    break real.clone();
                }
                match at.parent() {
                    Some(parent) if at.file_name().is_some() => {
                        pending.push(at);
                        at = parent;
                    }
                    _ => break at.to_path_buf(),
                }
            }
        };
        // Then down, one name at a time.
        let mut is_dir = true;
        let mut resolved = Vec::new();
        for at in pending.into_iter().rev() {
            let meta = std::fs::symlink_metadata(at)?;
            (real, is_dir) = if meta.file_type().is_symlink() {
                let target = std::fs::canonicalize(at)?;
                let is_dir = target.is_dir();
                (target, is_dir)
            } else {
                (real.join(at.file_name().unwrap_or_default()), meta.is_dir())
            };
            if is_dir {
                resolved.push((at.to_path_buf(), real.clone()));
                resolved.push((real.clone(), real.clone()));
            }
        }
        if !resolved.is_empty() {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            dirs.extend(resolved);
        }
        Ok((real, is_dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_canonicalize_through_links_and_dots() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("a/b/c")).unwrap();
        std::fs::write(root.join("a/b/c/story.html"), "<p>x</p>").unwrap();
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("a/b"), root.join("elsewhere/link")).unwrap();
        let paths = real_paths_to_try(&root);
        let real = RealPaths::default();
        // Twice: the second time from what the first remembered.
        for _ in 0..2 {
            for path in &paths {
                assert_eq!(
                    real.of(path).ok(),
                    std::fs::canonicalize(path).ok(),
                    "{}",
                    path.display()
                );
            }
        }
    }

    fn real_paths_to_try(root: &Path) -> Vec<PathBuf> {
        let mut paths = vec![
            root.join("a/b/c/story.html"),
            root.join("a/b/c"),
            root.join("a/b/../b/c/story.html"),
            root.join("a/b/c/missing.html"),
            root.join("a/b/c/story.html/below"),
            root.to_path_buf(),
        ];
        if cfg!(unix) {
            paths.push(root.join("elsewhere/link/c/story.html"));
            paths.push(root.join("elsewhere/link/../c"));
        }
        paths
    }
}
