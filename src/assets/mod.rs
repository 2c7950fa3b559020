//! The files an article points at: images (and `og:image`) and caption
//! tracks. Before the rules run on a document, [`collect`] resolves every
//! reference (see [`resolve`]) and probes each file through the run's
//! shared [`Cache`], so a file used by a hundred articles is read once and
//! rules stay pure: they look results up with [`Assets::image`] and
//! [`Assets::track`].

pub mod metadata;
pub mod probe;
pub mod resolve;
pub mod srcset;
pub mod webvtt;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::article::Article;
pub use probe::{Format, ImageInfo, heif, svg};
pub use resolve::Roots;

/// A caption file's verdict: its cue count, or the first problem.
pub type TrackFile = Result<webvtt::Cues, webvtt::Problem>;

/// What one reference in the markup turned out to be.
#[derive(Debug)]
pub enum Asset<T> {
    /// On the web, another scheme, or no files around the article (a doc
    /// example, standard input without a tree): not checked.
    NotChecked,
    /// No such file; the paths tried, for the message.
    Missing { tried: Vec<String> },
    /// Not read: the reference leads outside the allowed directories.
    Refused { reason: String },
    /// A local path presslint has no place to look for: no asset root is
    /// known (see `resolve::Target::Unresolved`).
    Unresolved,
    /// The file (or `data:` bytes) and what was found in it.
    Found {
        /// The path for messages; `None` for a `data:` URI.
        file: Option<String>,
        /// The file that was read (its canonical path); `None` for a
        /// `data:` URI.
        path: Option<PathBuf>,
        /// The format the file name's extension (or the `data:` media
        /// type) claims.
        claimed: Option<Format>,
        info: Arc<T>,
    },
}

static NOT_CHECKED_IMAGE: Asset<ImageInfo> = Asset::NotChecked;
static NOT_CHECKED_TRACK: Asset<TrackFile> = Asset::NotChecked;

/// The files one document references, ready for the rules.
#[derive(Debug, Default)]
pub struct Assets {
    images: HashMap<String, Asset<ImageInfo>>,
    tracks: HashMap<String, Asset<TrackFile>>,
}

impl Assets {
    /// An image reference (`src`, a `srcset` candidate, `og:image`) as written.
    pub fn image(&self, url: &str) -> &Asset<ImageInfo> {
        self.images.get(key(url)).unwrap_or(&NOT_CHECKED_IMAGE)
    }

    /// A `<track src>` as written.
    pub fn track(&self, url: &str) -> &Asset<TrackFile> {
        self.tracks.get(key(url)).unwrap_or(&NOT_CHECKED_TRACK)
    }

    /// The probe result of an image reference, when the file was found.
    pub fn image_info(&self, url: &str) -> Option<&ImageInfo> {
        match self.image(url) {
            Asset::Found { info, .. } => Some(info),
            _ => None,
        }
    }
}

fn key(url: &str) -> &str {
    url.trim_matches(|c: char| c.is_ascii_whitespace())
}

type Slot<T> = Arc<OnceLock<Arc<T>>>;

/// Probe results for one run, shared by every file and thread: each
/// distinct file is read once, however many articles use it.
#[derive(Default)]
pub struct Cache {
    images: Mutex<HashMap<PathBuf, Slot<ImageInfo>>>,
    tracks: Mutex<HashMap<PathBuf, Slot<TrackFile>>>,
    probes: AtomicUsize,
}

impl Cache {
    fn slot<T>(map: &Mutex<HashMap<PathBuf, Slot<T>>>, path: &Path) -> Slot<T> {
        // A poisoned lock only means another thread panicked mid-insert;
        // the map itself is still usable.
        let mut map = map.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(path.to_path_buf()).or_default().clone()
    }

    /// The probe of an image file (canonical path), probing it on first use.
    pub fn image(&self, path: &Path) -> Arc<ImageInfo> {
        Self::slot(&self.images, path)
            .get_or_init(|| {
                self.probes.fetch_add(1, Ordering::Relaxed);
                Arc::new(probe::probe_file(path))
            })
            .clone()
    }

    /// The verdict on a caption file (canonical path), read on first use.
    pub fn track(&self, path: &Path) -> Arc<TrackFile> {
        Self::slot(&self.tracks, path)
            .get_or_init(|| {
                self.probes.fetch_add(1, Ordering::Relaxed);
                Arc::new(read_track(path))
            })
            .clone()
    }

    /// How many files have been read so far.
    pub fn probes(&self) -> usize {
        self.probes.load(Ordering::Relaxed)
    }
}

fn read_track(path: &Path) -> TrackFile {
    const LIMIT: u64 = 32 * 1024 * 1024;
    let problem = |message: String| webvtt::Problem { line: 0, message };
    let meta = std::fs::metadata(path).map_err(|e| problem(format!("cannot be read ({e})")))?;
    if meta.is_dir() {
        return Err(problem("is a directory".into()));
    }
    if !meta.is_file() {
        return Err(problem("is not a regular file".into()));
    }
    if meta.len() > LIMIT {
        return Err(problem(format!(
            "is {} MB, too large for a caption file",
            meta.len() / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| problem(format!("cannot be read ({e})")))?;
    webvtt::validate(&bytes)
}

/// A reference read against the page's `<base href>`, as browsers read
/// it: with a base on the web, every reference but a `data:` URI is on the
/// web; with a root-relative base (`/news/2024/`), a relative path is under
/// it.
fn against_base<'a>(url: &'a str, base: Option<&str>) -> std::borrow::Cow<'a, str> {
    let Some(base) = base.filter(|b| !b.is_empty()) else {
        return url.into();
    };
    let has_scheme = |u: &str| {
        u.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
    };
    if has_scheme(url) || url.starts_with("//") {
        return url.into();
    }
    if has_scheme(base) || base.starts_with("//") {
        return format!("https://base.invalid/{url}").into();
    }
    if base.starts_with('/') && !url.starts_with('/') {
        let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
        return format!("{dir}{url}").into();
    }
    url.into()
}

/// Where a reference leads, before any file is read.
enum Plan {
    Done(Asset<()>),
    File {
        path: PathBuf,
        shown: String,
        claimed: Option<Format>,
    },
    Bytes {
        bytes: Result<Vec<u8>, String>,
        claimed: Option<Format>,
    },
}

fn plan(url: &str, roots: Option<&Roots>) -> Plan {
    use resolve::{Located, Target};
    match resolve::resolve(url, roots) {
        Target::Remote | Target::Other => Plan::Done(Asset::NotChecked),
        Target::Refused(reason) => Plan::Done(Asset::Refused { reason }),
        Target::Unresolved => Plan::Done(Asset::Unresolved),
        Target::Data { media_type, bytes } => Plan::Bytes {
            claimed: Format::from_media_type(&media_type),
            bytes,
        },
        Target::Files(candidates) => {
            let Some(roots) = roots else {
                return Plan::Done(Asset::NotChecked);
            };
            match resolve::locate(&candidates, roots) {
                Located::Found { path, real } => Plan::File {
                    claimed: path
                        .extension()
                        .and_then(|e| e.to_str())
                        .and_then(Format::from_extension),
                    shown: resolve::display(&path),
                    path: real,
                },
                Located::Missing(tried) => Plan::Done(Asset::Missing {
                    tried: tried.iter().map(|p| resolve::display(p)).collect(),
                }),
                Located::Refused(reason) => Plan::Done(Asset::Refused { reason }),
            }
        }
    }
}

fn finish<T>(done: Asset<()>) -> Asset<T> {
    match done {
        Asset::NotChecked | Asset::Found { .. } => Asset::NotChecked,
        Asset::Missing { tried } => Asset::Missing { tried },
        Asset::Refused { reason } => Asset::Refused { reason },
        Asset::Unresolved => Asset::Unresolved,
    }
}

/// Resolve and probe every image and track an article references (the
/// model's one list of references). `roots` is `None` when the article has
/// no files around it: then only `data:` URIs are looked at.
pub fn collect(article: &Article<'_>, roots: Option<&Roots>, cache: &Cache) -> Assets {
    let mut urls: Vec<&str> = article.references.iter().map(|r| key(r.url)).collect();
    urls.sort_unstable();
    urls.dedup();
    let base = article.document.base.map(|b| b.url());
    let images = urls
        .par_iter()
        .map(|&url| {
            let site = resolve::site_path(url);
            let url_read = site.as_deref().unwrap_or(url);
            let asset = match plan(&against_base(url_read, base), roots) {
                Plan::Done(done) => finish(done),
                Plan::File {
                    path,
                    shown,
                    claimed,
                } => Asset::Found {
                    file: Some(shown),
                    claimed,
                    info: cache.image(&path),
                    path: Some(path),
                },
                Plan::Bytes { bytes, claimed } => Asset::Found {
                    file: None,
                    path: None,
                    claimed,
                    info: Arc::new(match bytes {
                        Ok(bytes) => probe::probe_bytes(&bytes),
                        Err(why) => ImageInfo::unreadable(why),
                    }),
                },
            };
            (url.to_string(), asset)
        })
        .collect();
    let mut track_list: Vec<&str> = article
        .tracks
        .iter()
        .filter_map(|t| t.src.map(|s| key(s.value)))
        .filter(|u| !u.is_empty())
        .collect();
    track_list.sort_unstable();
    track_list.dedup();
    let tracks = track_list
        .into_iter()
        .map(|url| {
            let asset = match plan(&against_base(url, base), roots) {
                Plan::Done(done) => finish(done),
                Plan::File {
                    path,
                    shown,
                    claimed: _,
                } => Asset::Found {
                    file: Some(shown),
                    claimed: None,
                    info: cache.track(&path),
                    path: Some(path),
                },
                Plan::Bytes { bytes, .. } => Asset::Found {
                    file: None,
                    path: None,
                    claimed: None,
                    info: Arc::new(match bytes {
                        Ok(bytes) => webvtt::validate(&bytes),
                        Err(message) => Err(webvtt::Problem { line: 0, message }),
                    }),
                },
            };
            (url.to_string(), asset)
        })
        .collect();
    Assets { images, tracks }
}
