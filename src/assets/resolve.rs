//! Where an image or track URL points: a file under the article's tree or
//! an asset root, bytes inline in a `data:` URI, or somewhere presslint does
//! not look (the web, other schemes).
//!
//! Resolution is lexical first (so `../../etc/passwd` is refused before any
//! file system call), then physical: a candidate that exists is
//! canonicalised and must still lie inside an allowed directory, which
//! catches symbolic links pointing out of the tree.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, LazyLock, OnceLock};

use data_url::DataUrl;
use percent_encoding::percent_decode_str;
use regex::Regex;

use crate::source::RealPaths;

/// The directories one article's references resolve against.
#[derive(Clone, Debug)]
pub struct Roots {
    /// Relative references (`photo.jpg`, `../img/a.png`) resolve against
    /// the article's own directory.
    pub article_dir: PathBuf,
    /// Root-relative references (`/images/a.png`) resolve against each of
    /// these in turn; the first that has the file wins.
    pub assets: Vec<PathBuf>,
    /// The asset roots were given (`--assets`, a config's `assets`). When
    /// not, the site root is looked for (see [`resolve`]) and a reference
    /// with no place to look is [`Target::Unresolved`], not missing.
    pub configured: bool,
    /// The article's tree (the directory given on the command line).
    tree: PathBuf,
    /// Nothing outside these is ever read: the asset roots and the
    /// article's tree. Absolute and lexically normalised.
    allowed: Dirs,
    /// The same, with symbolic links resolved.
    allowed_real: Dirs,
    /// Canonical paths, shared by the run's files.
    real: Arc<RealPaths>,
}

impl Roots {
    /// `tree` is the article's tree (the directory given on the command
    /// line); `assets` the asset roots (when empty, `tree` is the root).
    pub fn new(article_dir: PathBuf, tree: PathBuf, assets: Vec<PathBuf>) -> Roots {
        Roots::with_real_paths(article_dir, tree, assets, Arc::default())
    }

    /// [`Roots::new`], resolving paths through `real`, which the run's
    /// files share so that each directory is resolved once per run.
    pub fn with_real_paths(
        article_dir: PathBuf,
        tree: PathBuf,
        assets: Vec<PathBuf>,
        real: Arc<RealPaths>,
    ) -> Roots {
        let configured = !assets.is_empty();
        let assets = if assets.is_empty() {
            vec![tree.clone()]
        } else {
            assets
        };
        let mut allowed = Dirs::default();
        let mut allowed_real = Dirs::default();
        for dir in assets.iter().chain(std::iter::once(&tree)) {
            let dir = normalize(&absolute(dir));
            allowed_real.insert(real.or_given(&dir));
            allowed.insert(dir);
        }
        Roots {
            article_dir,
            assets,
            configured,
            tree,
            allowed,
            allowed_real,
            real,
        }
    }

    /// Also allow reading under `dir` (the project directory, where the
    /// `presslint.toml` that applies is), without making it an asset root.
    pub fn allow(&mut self, dir: &Path) {
        let dir = normalize(&absolute(dir));
        if !self.allowed.dirs.contains(&dir) {
            self.allowed_real.insert(self.real.or_given(&dir));
            self.allowed.insert(dir);
        }
    }

    fn allows(&self, path: &Path) -> bool {
        let path = normalize(&absolute(path));
        self.allowed.holds(&path)
    }

    fn allows_real(&self, path: &Path) -> bool {
        self.allowed_real.holds(path)
    }
}

/// A set of directories that tells whether a path lies in one of them.
/// A path is looked up by its ancestors, not against every directory (a
/// config of thousands of roots, each giving a root-relative reference a
/// candidate), and only by the ancestors as deep as some directory of the
/// set: hashing each ancestor of a path hundreds of levels deep was the
/// square of its length.
#[derive(Clone, Debug, Default)]
struct Dirs {
    dirs: HashSet<PathBuf>,
    /// How many components the directories have.
    depths: HashSet<usize>,
}

impl Dirs {
    fn insert(&mut self, dir: PathBuf) {
        self.depths.insert(dir.components().count());
        self.dirs.insert(dir);
    }

    /// Whether `path` is one of the directories or below one.
    fn holds(&self, path: &Path) -> bool {
        let depth = path.components().count();
        path.ancestors()
            .zip((0..=depth).rev())
            .any(|(dir, depth)| self.depths.contains(&depth) && self.dirs.contains(dir))
    }
}

/// What a reference in the markup points at.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Local files to try, in order (several for a root-relative path and
    /// several asset roots).
    Files(Vec<PathBuf>),
    /// The bytes of a `data:` URI, or why they could not be decoded.
    Data {
        media_type: String,
        bytes: Result<Vec<u8>, String>,
    },
    /// `http:`, `https:` or protocol-relative: not fetched.
    Remote,
    /// Another scheme (`blob:`, `javascript:`, `about:`…): not a file.
    Other,
    /// Not read, and why.
    Refused(String),
    /// A local path with no place to look: no asset root was given, and no
    /// folder above the article holds its first segment, or the relative
    /// path leads into a folder that is not there or above the tree (a
    /// saved page without the site around it). Not checked, and counted.
    Unresolved,
}

/// Where a local reference was found.
#[derive(Debug, PartialEq, Eq)]
pub enum Located {
    /// The candidate that exists, and the file it is, canonicalised.
    Found { path: PathBuf, real: PathBuf },
    /// None of the candidates exists; these were tried.
    Missing(Vec<PathBuf>),
    /// The file exists but is outside the allowed directories (a symbolic
    /// link pointing out); not read.
    Refused(String),
}

/// Site variables that a Jekyll or Eleventy template puts before a
/// root-relative path: `{{ site.baseurl }}/img/a.jpg`, `{{ site.url }}{{
/// site.baseurl }}/img/a.jpg`.
static SITE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\{\{-?\s*(?:site\.(?:baseurl|base_url|url)|base_?path|baseurl)\s*-?\}\})+(/[^{}]*)$",
    )
    .expect("site prefix regex")
});

/// A path given to a filter that makes it the site's address: Jekyll's
/// `{{ "/img/a.jpg" | relative_url }}` (or `absolute_url`, or `prepend:
/// site.baseurl`), Eleventy's `{{ '/img/a.jpg' | url }}`.
static SITE_FILTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\{\{-?\s*(?:"([^"{}]*)"|'([^'{}]*)')\s*\|\s*(?:relative_url|absolute_url|url|prepend:\s*site\.baseurl)\s*-?\}\}$"#,
    )
    .expect("site filter regex")
});

/// The root-relative path a static-site template's address names (see
/// [`SITE_PREFIX`] and [`SITE_FILTER`]): these templates only put the
/// site's address before it. `None` for any other address.
pub fn site_path(url: &str) -> Option<String> {
    let url = url.trim();
    if let Some(m) = SITE_PREFIX.captures(url) {
        return Some(m[1].to_string());
    }
    let m = SITE_FILTER.captures(url)?;
    let path = m.get(1).or(m.get(2))?.as_str().trim();
    (!path.is_empty() && !path.contains("://") && !path.starts_with("//")).then(|| {
        if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        }
    })
}

/// Resolve a URL as written in an attribute (entities already decoded).
pub fn resolve(url: &str, roots: Option<&Roots>) -> Target {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace());
    // `get`: the fifth byte may fall inside a character.
    if url
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return data_uri(url);
    }
    if url.starts_with("//") || url.starts_with("\\\\") {
        return if url.starts_with("\\\\") {
            Target::Refused("is a Windows network path, not a URL".into())
        } else {
            Target::Remote
        };
    }
    if let Some(scheme) = scheme(url) {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => Target::Remote,
            "file" => Target::Refused("is an absolute file system path (file: URL)".into()),
            s if s.len() == 1 => Target::Refused("is an absolute file system path".into()),
            _ => Target::Other,
        };
    }
    let Some(roots) = roots else {
        return Target::Other;
    };
    // The path part: no query or fragment, `\` read as `/` as browsers do.
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(&path.replace('\\', "/"));
    if path.contains('\0') {
        return Target::Refused("contains a NUL byte".into());
    }
    if path.is_empty() {
        return Target::Other;
    }
    // Without asset roots, a root-relative path is looked for under the
    // site root found around the article (none found: nowhere to look).
    let mut no_root = false;
    let candidates: Vec<PathBuf> = match path.strip_prefix('/') {
        Some(rest) if !roots.configured => {
            let root = site_root(roots, rest);
            no_root = root.is_none();
            vec![join(root.as_deref().unwrap_or(&roots.tree), rest)]
        }
        Some(rest) => roots.assets.iter().map(|root| join(root, rest)).collect(),
        None => vec![join(&roots.article_dir, &path)],
    };
    if candidates.iter().any(|c| !roots.allows(c)) {
        // Without asset roots, the tree named on the command line is all
        // presslint knows of the site: a relative path climbing above it
        // (`../../../gazou/a.gif` in a page saved alone) has nowhere known
        // to be looked for. Either way, nothing outside is read.
        if !roots.configured && !path.starts_with('/') {
            return Target::Unresolved;
        }
        return Target::Refused(
            "leads outside the article's directory tree and the asset roots".into(),
        );
    }
    if no_root {
        return Target::Unresolved;
    }
    // Without asset roots, a relative path into a folder that is not there
    // (`../images/…` from a page saved alone) has nowhere to be looked for.
    if !roots.configured
        && candidates
            .iter()
            .all(|c| c.parent().is_some_and(|dir| !dir.is_dir()))
    {
        return Target::Unresolved;
    }
    Target::Files(candidates)
}

/// The folders a static-site generator serves at the site's root, beside
/// its content: `static/` (Hugo, Docusaurus, Gatsby, SvelteKit), then
/// `public/` (Astro, Next.js, Vite, VitePress).
const SERVED_FOLDERS: &[&str] = &["static", "public"];

/// The site root for a root-relative path when no asset root was given:
/// the nearest folder, from the article's own up to its tree, that holds
/// the path's first segment (`/gc4/images/a.webp` → the folder holding
/// `gc4`), or whose served folder does (`content/posts/a.md` citing
/// `/images/a.jpg` → `static/`, when `static/images` is there).
fn site_root(roots: &Roots, rest: &str) -> Option<PathBuf> {
    let first = rest.split('/').find(|s| !s.is_empty())?;
    if matches!(first, "." | "..") {
        return None;
    }
    let tree = normalize(&absolute(&roots.tree));
    let mut dir = normalize(&absolute(&roots.article_dir));
    loop {
        if dir.join(first).exists() {
            return Some(dir);
        }
        if let Some(served) = SERVED_FOLDERS
            .iter()
            .map(|name| dir.join(name))
            .find(|served| served.join(first).exists())
        {
            return Some(served);
        }
        if dir == tree || !dir.starts_with(&tree) || !dir.pop() {
            return None;
        }
    }
}

/// Find the first candidate that exists, refusing one that a symbolic link
/// takes outside the allowed directories.
pub fn locate(candidates: &[PathBuf], roots: &Roots) -> Located {
    for candidate in candidates {
        if std::fs::symlink_metadata(candidate).is_err() {
            continue;
        }
        return match roots.real.of(candidate) {
            Ok(real) if roots.allows_real(&real) => Located::Found {
                path: candidate.clone(),
                real,
            },
            Ok(_) => Located::Refused(
                "is a symbolic link to a file outside the article's directory tree and the asset roots".into(),
            ),
            // A dangling link: as good as missing.
            Err(_) => continue,
        };
    }
    Located::Missing(candidates.to_vec())
}

/// A path for messages: relative to the current directory when it is
/// inside it, so reports do not depend on where the checkout lives.
pub fn display(path: &Path) -> String {
    // The run's directory, once: made canonical, it costs a walk of every
    // component, which deep in a tree is not nothing per reference.
    static CWD: OnceLock<Option<PathBuf>> = OnceLock::new();
    let cwd = CWD.get_or_init(|| {
        let cwd = std::env::current_dir().ok()?;
        Some(std::fs::canonicalize(&cwd).unwrap_or(cwd))
    });
    let shown = cwd
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = normalize_relative(&shown);
    shown.to_string_lossy().replace('\\', "/")
}

/// `root` joined with a relative URL path, `.` and `..` resolved lexically.
fn join(root: &Path, rest: &str) -> PathBuf {
    let mut out = root.to_path_buf();
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => out.push(".."),
            part => out.push(part),
        }
    }
    out
}

/// The URL scheme, if the reference starts with one.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let scheme = &url[..end];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then_some(scheme)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Resolve `.` and `..` without touching the file system; `..` at the root
/// stays at the root.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Like `normalize`, for a relative path: a leading `..` that cannot be
/// resolved is kept.
fn normalize_relative(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                _ => parts.push(component),
            },
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

/// Decode `%XX` escapes; invalid UTF-8 in the result is replaced.
pub fn percent_decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// A `data:` URI, processed as the Fetch standard says: the media type
/// parsed (`text/plain` when it does not parse), the body base64 when the
/// header ends in `;base64`, percent-decoded otherwise, up to a `#`.
fn data_uri(url: &str) -> Target {
    // The `data:` prefix was checked: only the comma can be missing.
    let Ok(url) = DataUrl::process(url) else {
        return Target::Data {
            media_type: String::new(),
            bytes: Err("the data: URI has no comma before its data".into()),
        };
    };
    let mime = url.mime_type();
    Target::Data {
        media_type: format!("{}/{}", mime.type_, mime.subtype),
        bytes: url
            .decode_to_vec()
            .map(|(body, _fragment)| body)
            .map_err(|e| format!("the data: URI is not valid base64 ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(dir: &Path) -> Roots {
        Roots::new(dir.join("news"), dir.to_path_buf(), vec![dir.to_path_buf()])
    }

    #[test]
    fn without_asset_roots_the_site_root_is_looked_for() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path();
        std::fs::create_dir_all(dir.join("archive/2019")).unwrap();
        std::fs::create_dir_all(dir.join("gc4/images")).unwrap();
        let r = Roots::new(dir.join("archive/2019"), dir.to_path_buf(), Vec::new());
        // `gc4` is two folders up: that is the site root.
        assert_eq!(
            resolve("/gc4/images/a.webp", Some(&r)),
            Target::Files(vec![dir.join("gc4/images/a.webp")])
        );
        // A static-site generator's served folder holds `images`.
        std::fs::create_dir_all(dir.join("static/images")).unwrap();
        assert_eq!(
            resolve("/images/a.jpg", Some(&r)),
            Target::Files(vec![dir.join("static/images/a.jpg")])
        );
        // No folder holds `media`, and `../media` is not there.
        assert_eq!(resolve("/media/a.jpg", Some(&r)), Target::Unresolved);
        assert_eq!(resolve("../media/a.jpg", Some(&r)), Target::Unresolved);
        // Next to the article: looked for, so a missing file is missing.
        assert_eq!(
            resolve("a.jpg", Some(&r)),
            Target::Files(vec![dir.join("archive/2019/a.jpg")])
        );
        // Escapes are refused before anything else.
        assert!(matches!(
            resolve("/../../etc/passwd", Some(&r)),
            Target::Refused(_)
        ));
        // A relative path above the tree: the site is not known that far,
        // so there is nowhere to look (and nothing there is read).
        assert_eq!(
            resolve("../../../gazou/a.gif", Some(&r)),
            Target::Unresolved
        );
        assert_eq!(
            resolve("../../../../etc/passwd", Some(&r)),
            Target::Unresolved
        );
    }

    #[test]
    fn site_templates_name_root_relative_paths() {
        for (url, path) in [
            ("{{ site.baseurl }}/assets/a.jpg", Some("/assets/a.jpg")),
            ("{{site.url}}{{ site.baseurl }}/a b.jpg", Some("/a b.jpg")),
            ("{{ base_path }}/images/a.png", Some("/images/a.png")),
            (
                "{{ \"/assets/a.jpg\" | relative_url }}",
                Some("/assets/a.jpg"),
            ),
            ("{{ 'img/a.jpg' | url }}", Some("/img/a.jpg")),
            ("{{- \"/a.jpg\" | prepend: site.baseurl -}}", Some("/a.jpg")),
            ("{{ site.baseurl }}/{{ page.image }}", None),
            ("{{ page.image | relative_url }}", None),
            ("{{ 'https://cdn.example/a.jpg' | url }}", None),
            ("{{ site.cdn }}/a.jpg", None),
            ("/a.jpg", None),
        ] {
            assert_eq!(site_path(url).as_deref(), path, "{url}");
        }
    }

    #[test]
    fn relative_and_root_relative() {
        let dir = Path::new("/site");
        let r = roots(dir);
        assert_eq!(
            resolve("photo.jpg?v=2#x", Some(&r)),
            Target::Files(vec![PathBuf::from("/site/news/photo.jpg")])
        );
        assert_eq!(
            resolve("../img/a%20b.png", Some(&r)),
            Target::Files(vec![PathBuf::from("/site/news/../img/a b.png")])
        );
        assert_eq!(
            resolve(" /gc4/images/a.webp ", Some(&r)),
            Target::Files(vec![PathBuf::from("/site/gc4/images/a.webp")])
        );
        let several = Roots::new(
            dir.join("news"),
            dir.to_path_buf(),
            vec![dir.join("public"), dir.join("static")],
        );
        assert_eq!(
            resolve("/a.png", Some(&several)),
            Target::Files(vec![
                PathBuf::from("/site/public/a.png"),
                PathBuf::from("/site/static/a.png")
            ])
        );
    }

    #[test]
    fn escapes_are_refused() {
        let r = roots(Path::new("/site"));
        for url in [
            "../../etc/passwd",
            "/../etc/passwd",
            "%2e%2e/%2e%2e/etc/passwd",
            "..\\..\\etc\\passwd",
            "file:///etc/passwd",
            "C:\\Windows\\win.ini",
            "c:/boot.ini",
            "\\\\server\\share\\a.jpg",
        ] {
            assert!(
                matches!(resolve(url, Some(&r)), Target::Refused(_)),
                "{url} was not refused"
            );
        }
        // Inside the tree, `..` is fine.
        assert!(matches!(
            resolve("../img/a.png", Some(&r)),
            Target::Files(_)
        ));
        // A root-relative path is a URL, not a file system path.
        assert_eq!(
            resolve("/etc/passwd", Some(&r)),
            Target::Files(vec![PathBuf::from("/site/etc/passwd")])
        );
    }

    #[test]
    fn remote_and_other_schemes() {
        let r = roots(Path::new("/site"));
        assert_eq!(
            resolve("https://cdn.example/a.jpg", Some(&r)),
            Target::Remote
        );
        assert_eq!(
            resolve("HTTP://cdn.example/a.jpg", Some(&r)),
            Target::Remote
        );
        assert_eq!(resolve("//cdn.example/a.jpg", Some(&r)), Target::Remote);
        assert_eq!(resolve("blob:https://x/1", Some(&r)), Target::Other);
        assert_eq!(resolve("javascript:void(0)", Some(&r)), Target::Other);
        // Without roots (no file around the article), local paths are not looked up.
        assert_eq!(resolve("a.jpg", None), Target::Other);
    }

    #[test]
    fn data_uris() {
        let Target::Data { media_type, bytes } = resolve("data:image/png;base64,iVBO Rw0K", None)
        else {
            panic!()
        };
        assert_eq!(media_type, "image/png");
        assert_eq!(bytes.unwrap(), b"\x89PNG\r\n");
        let Target::Data { bytes, .. } = resolve("DATA:image/svg+xml,%3Csvg%3E", None) else {
            panic!()
        };
        assert_eq!(bytes.unwrap(), b"<svg>");
        let Target::Data { bytes, .. } = resolve("data:image/png;base64,@@@", None) else {
            panic!()
        };
        assert!(bytes.is_err());
    }

    /// What a browser loads: tabs and newlines dropped, the body ending at
    /// a `#`, base64 only when `;base64` ends the header.
    #[test]
    fn data_uris_as_browsers_read_them() {
        let data = |url| match resolve(url, None) {
            Target::Data { media_type, bytes } => (media_type, bytes),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            data("data:image/svg+xml,<svg\n/>#frag"),
            ("image/svg+xml".into(), Ok(b"<svg/>".to_vec()))
        );
        assert_eq!(
            data("data:image/png;base64;x=y,iVBO"),
            ("image/png".into(), Ok(b"iVBO".to_vec()))
        );
        assert_eq!(data("data:image/png;BASE64,iVBO").1, Ok(b"\x89PN".to_vec()));
        assert_eq!(data("data:,x").0, "text/plain");
        assert_eq!(
            data("data:image/png;base64").1,
            Err("the data: URI has no comma before its data".into())
        );
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decode("caf%C3%A9%20%2e%2E"), "café ..");
        // Two hex digits or nothing is decoded.
        assert_eq!(percent_decode("%+5%2%zz%"), "%+5%2%zz%");
        assert_eq!(percent_decode("%E9"), "\u{FFFD}");
    }
}
