//! Every file presslint writes goes through here: the rendered report
//! (standard output, or a file with `--output`), the baseline
//! (`--write-baseline`) and the fixed articles (`--fix`).
//!
//! Files are replaced atomically ([`replace`]): the bytes go to a temporary
//! file with a random name (`.presslint-XXXXXX.tmp`) in the destination's
//! directory, which is synced and renamed over the destination only once
//! complete, so a reader (or an upload step) never sees half a file and a
//! failed run leaves the previous one alone. The temporary file is removed
//! on every error path. A file being replaced keeps its owner, group and
//! permission bits (set-user-ID and set-group-ID are dropped), and a
//! read-only one is refused.
//!
//! A report going to a file is spooled while the run goes on into an
//! anonymous file in the system's temporary directory (unlinked from the
//! start, so memory stays flat and a killed run leaves nothing behind),
//! and copied into place when the run ends: the temporary file next to
//! the destination exists only while it is written.

use std::fs::Metadata;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub enum Output {
    Stdout,
    /// The report so far, and where it goes.
    File {
        dest: PathBuf,
        spool: std::io::BufWriter<std::fs::File>,
    },
}

/// One line naming the destination, what went wrong and what to do.
/// `what` is the kind of file: "report", "baseline".
pub fn error(what: &str, dest: &Path, err: &std::io::Error) -> String {
    let hint = match err.kind() {
        ErrorKind::NotFound => "its directory does not exist; create it first",
        ErrorKind::PermissionDenied => "permission denied; check the permissions",
        ErrorKind::IsADirectory => "it is a directory; name a file",
        ErrorKind::NotADirectory => "a part of the path is not a directory",
        _ => "could not be written",
    };
    format!(
        "cannot write the {what} to {}: {hint} ({err})",
        dest.display()
    )
}

impl Output {
    /// Standard output for `None`; otherwise check now that the file can
    /// be written, so an unwritable destination fails before any linting.
    pub fn open(dest: Option<&Path>) -> Result<Output, String> {
        let Some(dest) = dest else {
            return Ok(Output::Stdout);
        };
        check_writable(dest).map_err(|e| error("report", dest, &e))?;
        let spool = tempfile::tempfile().map_err(|e| {
            format!("cannot create a temporary file for the report ({e}); check TMPDIR")
        })?;
        Ok(Output::File {
            dest: dest.to_path_buf(),
            spool: std::io::BufWriter::new(spool),
        })
    }

    pub fn write(&mut self, text: &str) -> Result<(), String> {
        match self {
            Output::Stdout => {
                // A closed pipe (e.g. `| head`) is not an error worth reporting.
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Output::File { spool, .. } => spool.write_all(text.as_bytes()).map_err(|e| {
                format!("cannot spool the report to a temporary file ({e}); check TMPDIR")
            })?,
        }
        Ok(())
    }

    /// Flush standard output, or write the file.
    pub fn finish(self) -> Result<(), String> {
        match self {
            Output::Stdout => {
                let _ = std::io::stdout().lock().flush();
                Ok(())
            }
            Output::File { dest, spool } => {
                let copy = |to: &mut dyn Write| -> std::io::Result<()> {
                    let mut spool = spool.into_inner().map_err(|e| e.into_error())?;
                    std::io::Seek::rewind(&mut spool)?;
                    std::io::copy(&mut spool, to).map(drop)
                };
                write_with(&dest, copy).map_err(|e| error("report", &dest, &e))
            }
        }
    }
}

/// What is at a destination named on the command line.
enum Destination {
    /// Nothing, a regular file or a symbolic link: replaced atomically by
    /// a regular file. A link is replaced, never followed, so a link
    /// planted where the report goes cannot send it elsewhere.
    Replace,
    /// A FIFO or a character device (`/dev/null`, `/dev/stdout`, a shell's
    /// `>(…)`): written into, as a shell redirection would.
    Stream,
}

fn destination(dest: &Path) -> std::io::Result<Destination> {
    let meta = match std::fs::symlink_metadata(dest) {
        Ok(meta) => meta,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(Destination::Replace),
        Err(err) => return Err(err),
    };
    let target = if meta.file_type().is_symlink() {
        match std::fs::metadata(dest) {
            Ok(target) => target,
            // A dangling link.
            Err(_) => return Ok(Destination::Replace),
        }
    } else {
        meta
    };
    let kind = target.file_type();
    if kind.is_dir() {
        Err(std::io::Error::new(
            ErrorKind::IsADirectory,
            "it is a directory",
        ))
    } else if kind.is_fifo() || kind.is_char_device() {
        Ok(Destination::Stream)
    } else if kind.is_file() {
        Ok(Destination::Replace)
    } else {
        Err(std::io::Error::new(
            ErrorKind::InvalidInput,
            "it is a block device or a socket",
        ))
    }
}

/// Fail now if `dest` cannot be written: a directory, a read-only file, a
/// directory where no file can be created.
fn check_writable(dest: &Path) -> std::io::Result<()> {
    match destination(dest)? {
        Destination::Stream => Ok(()),
        Destination::Replace => {
            if let Some(meta) = regular_file(dest)? {
                refuse_read_only(&meta)?;
            }
            // Created and removed at once.
            temporary_file(parent_dir(dest), None).map(drop)
        }
    }
}

/// Write a report or a baseline to `dest` (see [`Destination`]).
pub fn write_file(dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(dest, |to| to.write_all(bytes))
}

/// Write to `dest` (see [`Destination`]) what `fill` writes.
fn write_with(
    dest: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match destination(dest)? {
        Destination::Stream => fill(&mut std::fs::OpenOptions::new().write(true).open(dest)?),
        Destination::Replace => replace_with(dest, fill),
    }
}

/// The directory a file is in, `.` for a bare name.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// The metadata of `path` if it is a regular file (not following a link).
fn regular_file(path: &Path) -> std::io::Result<Option<Metadata>> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => Ok(Some(meta)),
        Ok(_) => Ok(None),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

fn refuse_read_only(meta: &Metadata) -> std::io::Result<()> {
    if meta.permissions().readonly() {
        return Err(std::io::Error::new(
            ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    Ok(())
}

/// An error with what presslint was doing in front.
fn context(doing: &str, err: std::io::Error) -> std::io::Error {
    std::io::Error::new(err.kind(), format!("cannot {doing}: {err}"))
}

/// A new temporary file in `dir`: with the owner, group and permission
/// bits of `like` (less set-user-ID and set-group-ID), or as a new file
/// would be created (0666 less the umask).
fn temporary_file(dir: &Path, like: Option<&Metadata>) -> std::io::Result<NamedTempFile> {
    let mode = if like.is_some() { 0o600 } else { 0o666 };
    let file = tempfile::Builder::new()
        .prefix(".presslint-")
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(|e| context(&format!("create a file in {}", dir.display()), e))?;
    if let Some(like) = like {
        let own = file.as_file().metadata()?;
        if (own.uid(), own.gid()) != (like.uid(), like.gid()) {
            std::os::unix::fs::fchown(file.as_file(), Some(like.uid()), Some(like.gid()))
                .map_err(|e| context("keep the file's owner and group", e))?;
        }
        // Set after the owner: changing the owner clears these bits anyway.
        let mode = like.permissions().mode() & 0o777;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| context("keep the file's permissions", e))?;
    }
    Ok(file)
}

/// Replace the regular file (or create the file) at `dest` with `bytes`,
/// atomically, keeping an existing file's owner, group and permissions. A
/// symbolic link at `dest` is replaced, not followed: callers that mean to
/// write through a link resolve it first. A read-only file is refused.
pub fn replace(dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(dest, |to| to.write_all(bytes))
}

/// [`replace`], with the bytes written by `fill`.
fn replace_with(
    dest: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let existing = regular_file(dest)?;
    if let Some(meta) = &existing {
        refuse_read_only(meta)?;
    }
    let mut file = temporary_file(parent_dir(dest), existing.as_ref())?;
    let mut buffered = std::io::BufWriter::new(file.as_file_mut());
    fill(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| context("write it", e))?;
    drop(buffered);
    file.as_file()
        .sync_all()
        .map_err(|e| context("write it", e))?;
    // On failure the temporary file is removed as `persist`'s error drops.
    file.persist(dest)
        .map_err(|e| context("put it in place", e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replace_keeps_mode_and_drops_setuid() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o4751)).unwrap();
        replace(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o751);
        assert_eq!(names(dir.path()), ["a.html"]);
    }

    #[test]
    fn read_only_files_and_directories_are_refused_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = replace(&path, b"new").unwrap_err();
        assert_eq!(err.to_string(), "the file is read-only");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let err = write_file(dir.path(), b"new").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::IsADirectory);
        assert_eq!(names(dir.path()), ["a.html"]);
    }

    #[test]
    fn a_symbolic_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.json");
        std::fs::write(&target, "keep").unwrap();
        let link = dir.path().join("report.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_file(&link, b"report").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(std::fs::read_to_string(&link).unwrap(), "report");
    }

    #[test]
    fn character_devices_are_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_file(Path::new("/dev/null"), b"report").unwrap();
        let kind = std::fs::symlink_metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device());
    }
}
