//! Where a rendered report goes: standard output, or a file (`--output`)
//! written atomically: into a temporary file in the same directory, renamed
//! over the destination only once complete, so a reader (or an upload step)
//! never sees half a report, and a failed run leaves any previous one alone.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout,
    File(Pending),
}

/// A temporary file on its way to `dest`; removed if never finished.
pub struct Pending {
    dest: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// One line naming the destination, what went wrong and what to do.
fn error(dest: &Path, err: &std::io::Error) -> String {
    let hint = match err.kind() {
        ErrorKind::NotFound => "its directory does not exist; create it first",
        ErrorKind::PermissionDenied => "permission denied; check the directory's permissions",
        ErrorKind::IsADirectory => "it is a directory; name a file",
        _ => "could not be written",
    };
    format!(
        "cannot write the report to {}: {hint} ({err})",
        dest.display()
    )
}

impl Output {
    /// Standard output for `None`; otherwise create the temporary file now,
    /// so an unwritable destination fails before any linting is done.
    pub fn open(dest: Option<&Path>) -> Result<Output, String> {
        let Some(dest) = dest else {
            return Ok(Output::Stdout);
        };
        if dest.is_dir() {
            return Err(error(dest, &std::io::Error::from(ErrorKind::IsADirectory)));
        }
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = dest
            .file_name()
            .map_or_else(|| "report".into(), |n| n.to_string_lossy());
        let mut attempt = 0;
        loop {
            let tmp = dir.join(format!(
                ".{name}.{}.{attempt}.presslint-tmp",
                std::process::id()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(file) => {
                    return Ok(Output::File(Pending {
                        dest: dest.to_path_buf(),
                        tmp,
                        file: Some(BufWriter::new(file)),
                    }));
                }
                Err(err) if err.kind() == ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(err) => return Err(error(dest, &err)),
            }
        }
    }

    pub fn write(&mut self, text: &str) -> Result<(), String> {
        match self {
            Output::Stdout => {
                // A closed pipe (e.g. `| head`) is not an error worth reporting.
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
                Ok(())
            }
            Output::File(pending) => {
                let file = pending.file.as_mut().expect("not yet finished");
                file.write_all(text.as_bytes())
                    .map_err(|e| error(&pending.dest, &e))
            }
        }
    }

    /// Flush, then put the file in place.
    pub fn finish(self) -> Result<(), String> {
        let Output::File(mut pending) = self else {
            let _ = std::io::stdout().lock().flush();
            return Ok(());
        };
        let file = pending.file.take().expect("not yet finished");
        let result = file
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&pending.tmp, &pending.dest));
        if let Err(err) = result {
            let _ = std::fs::remove_file(&pending.tmp);
            return Err(error(&pending.dest, &err));
        }
        Ok(())
    }
}
