//! Finding, reading and decoding the files to lint, and the source file
//! value that carries their text and positions into the reports.

mod decode;
mod file;
mod position;
mod real_path;

pub use decode::{Decoded, OffsetMap, decode_html, decode_text};
pub use file::{Location, SourceFile};
pub use position::{ColumnUnit, LineIndex, floor_char_boundary};
pub use real_path::RealPaths;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A file or directory that could not be linted. Shown as one line naming
/// the path and what to do.
#[derive(Debug, Clone)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> InputError {
    InputError {
        path: path.display().to_string(),
        message: io_hint(err).0,
    }
}

pub enum Input {
    Stdin,
    File(PathBuf),
}

const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// The extensions linted in directories unless `--ext` or the config's
/// `extensions` say otherwise.
pub const DEFAULT_EXTENSIONS: &[&str] = &["html", "htm", "md", "markdown", "qmd", "rmd"];

/// Every extension a directory walk picks up (a config's `extensions`
/// chooses among them).
pub const KNOWN_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "md", "markdown", "mdown", "mkd", "mdx", "qmd", "rmd",
];

/// What an article is written in, by its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Html,
    Markdown,
}

impl Kind {
    /// Markdown for `.md`, `.markdown`, `.mdown`, `.mkd`, `.mdx`, and
    /// Quarto's `.qmd` and R Markdown's `.Rmd`; HTML otherwise.
    pub fn of(path: &str) -> Kind {
        let ext = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" | "qmd" | "rmd" => Kind::Markdown,
            _ => Kind::Html,
        }
    }
}

/// A repository's own documents, which sit beside articles but are not
/// articles: skipped when walking a directory (named on the command line,
/// they are linted).
fn is_repository_doc(path: &Path) -> bool {
    const DOCS: &[&str] = &[
        "readme",
        "changelog",
        "changes",
        "license",
        "licence",
        "contributing",
        "code_of_conduct",
        "security",
        "notice",
        "authors",
    ];
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| DOCS.contains(&s.to_ascii_lowercase().as_str()))
}

/// Whether a file's extension is one of `extensions` (without dots, any
/// case).
pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expand the command-line paths: files as given, directories walked for
/// files with one of `extensions` (sorted, skipping hidden directories,
/// `target/` and `node_modules/`, and README, CHANGELOG, LICENSE and the
/// like), `-` for standard input.
pub fn discover(paths: &[PathBuf], extensions: &[String]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => errors.push(io_error(path, &err)),
            Ok(meta) if meta.is_dir() => {
                let walk = walkdir::WalkDir::new(path)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0
                            || !e.file_type().is_dir()
                            || !e
                                .file_name()
                                .to_str()
                                .is_some_and(|n| n.starts_with('.') || SKIPPED_DIRS.contains(&n))
                    });
                for entry in walk {
                    match entry {
                        Ok(e)
                            if e.file_type().is_file()
                                && has_extension(e.path(), extensions)
                                && !is_repository_doc(e.path()) =>
                        {
                            inputs.push(Input::File(e.into_path()))
                        }
                        Ok(_) => {}
                        Err(err) => errors.push(InputError {
                            path: err.path().unwrap_or(path).display().to_string(),
                            message: format!("could not be walked ({err})"),
                        }),
                    }
                }
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    (inputs, errors)
}

/// The most bytes read from one article unless `--max-file-size` says
/// otherwise: far above any real article (the largest page of the corpus is
/// under 6 MB), far below what would exhaust memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The most bytes read from a `presslint.toml`.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The most bytes read from a baseline: about a million findings.
pub const MAX_BASELINE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a file could not be read: a sentence saying what to do, for
/// `path: <this>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn io_hint(err: &std::io::Error) -> ReadError {
    ReadError(match err.kind() {
        std::io::ErrorKind::NotFound => {
            format!("no such file or directory; check the path ({err})")
        }
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied; check the file's permissions ({err})")
        }
        _ => format!("could not be read ({err})"),
    })
}

fn too_large(limit: u64) -> ReadError {
    ReadError(format!(
        "is larger than {}; raise the limit with --max-file-size if it really is one file",
        human_bytes(limit)
    ))
}

/// `32 MiB`, `512 KiB`, `100 bytes`.
pub fn human_bytes(n: u64) -> String {
    if n >= 1024 * 1024 && n.is_multiple_of(1024 * 1024) {
        format!("{} MiB", n / (1024 * 1024))
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// Read a whole regular file of at most `limit` bytes. FIFOs, devices and
/// sockets are refused before they are opened (opening a FIFO blocks until
/// a writer comes; `/dev/zero` never ends), and a file that grows past
/// `limit` while it is read is refused too: memory stays bounded.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_hint(&e))?;
    if meta.is_dir() {
        return Err(ReadError("is a directory; give a file".into()));
    }
    if !meta.is_file() {
        return Err(ReadError(
            "is not a regular file (a FIFO, socket or device); give a file".into(),
        ));
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let file = std::fs::File::open(path).map_err(|e| io_hint(&e))?;
    read_to_limit(file, limit, meta.len() as usize)
}

/// Read a stream to its end, refusing it once it passes `limit` bytes.
pub fn read_to_limit(reader: impl Read, limit: u64, hint: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint.min(limit as usize));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_hint(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// Read an article file (see [`read_bounded`]).
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    read_bounded(path, limit).map_err(|e| InputError {
        path: path.display().to_string(),
        message: e.0,
    })
}

/// Read standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, InputError> {
    read_to_limit(std::io::stdin().lock(), limit, 0).map_err(|e| InputError {
        path: "-".into(),
        message: e.0,
    })
}

/// `--shard K/N`: this runner's share of the files, chosen by a stable hash
/// of each path so that N runners cover every file exactly once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let parsed = s.split_once('/').and_then(|(k, n)| {
            Some((k.trim().parse::<u64>().ok()?, n.trim().parse::<u64>().ok()?))
        });
        match parsed {
            Some((index, count)) if count >= 1 && (1..=count).contains(&index) => {
                Ok(Shard { index, count })
            }
            _ => Err(format!(
                "`{s}` is not a shard: use K/N with 1 ≤ K ≤ N, e.g. 2/4"
            )),
        }
    }
}

impl Shard {
    /// Whether this path belongs to this shard. The path is hashed as
    /// found (without a leading `./`), so every runner must be given the
    /// same paths from the same directory.
    pub fn contains(&self, path: &Path) -> bool {
        let text = path.to_string_lossy();
        let text = text.strip_prefix("./").unwrap_or(&text);
        crate::hash::fnv1a(text.as_bytes()) % self.count == self.index - 1
    }
}
