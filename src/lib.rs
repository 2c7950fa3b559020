//! presslint: an accessibility and caption linter for news articles.
//!
//! # Using presslint from another program
//!
//! A CMS, a static-site build or an editorial tool can lint an article in
//! process, without the command line. The stable surface is small and is
//! what the crate root exports:
//!
//! - [`lint_source`] lints one text (HTML, or Markdown when the name ends
//!   in `.md`), with no files around it; [`lint_article`] also resolves
//!   and probes the images and caption tracks it references, against
//!   [`assets::Roots`]; [`lint_bytes`] decodes a file's bytes first, as a
//!   browser would. Each gives a [`FileReport`].
//! - [`lint_paths`] lints files and directories as `presslint check` does,
//!   with the configs it finds ([`Settings`]), into a [`Report`].
//! - [`FileReport`] holds [`Diagnostic`]s: the rule id, a [`Severity`], a
//!   byte [`Span`], the message, a help line, labels and, for some rules,
//!   a [`Fix`]. [`SourceFile::locate`](source::SourceFile::locate) (through
//!   `FileReport::source`) turns a span into lines and columns.
//! - Rule metadata: [`RULES`] lists every [`Rule`] (id, group, default
//!   severity, summary, its page, whether it reads files and can fix);
//!   [`find_rule`] looks one up; [`Selection`] picks rules by id or group
//!   as `--select` and `--ignore` do, and [`Selection::active`] gives the
//!   [`ActiveRule`]s the lint functions take.
//!
//! Everything else (`article`, `html`, `assets`, the `report` formats, …)
//! is public so the tests and tools in this repository can reach it, but
//! may change between versions.
//!
//! ```
//! use presslint::{Selection, Severity, lint_source};
//!
//! let html = r#"<html lang="en"><title>Floods</title><h1>Floods</h1>
//! <figure><img src="data:," alt="photo">
//! <figcaption>Rescuers in Porto Alegre, Brazil, on May 5. [Ana Lima/Agency]</figcaption></figure>"#;
//! // Every rule but those about image files, at its default severity.
//! let rules = Selection { ignore: vec!["image".into()], ..Selection::default() }.active();
//! let report = lint_source("story.html".into(), html.into(), &rules);
//! let finding = &report.diagnostics[0];
//! assert_eq!(finding.rule, "img-alt-placeholder");
//! assert_eq!(finding.severity, Severity::Warning);
//! let at = report.source.locate(finding.span);
//! assert_eq!((at.line, at.column), (2, 32));
//! assert_eq!(&html[finding.span.start..finding.span.end], "photo");
//! let rule = presslint::find_rule(finding.rule).unwrap();
//! assert_eq!(rule.group, "alt");
//! ```
//!
//! `examples/cms_hook.rs` is a fuller example: a pre-publish check that
//! blocks an article on errors and prints each finding with its rule's
//! summary.
//!
//! # How it is built
//!
//! The flow: `source` finds and reads files, `config` says which rules run
//! on each and how, `html` parses them with exact spans, `assets` resolves
//! and probes the images and tracks they use, `rules` check the result
//! (caption rules through `text`), `engine` runs the rules and applies
//! `suppress`ions, `baseline` hides known findings, `report` renders,
//! `fix` writes the fixes that were asked for, and `server` speaks the
//! Language Server Protocol to editors.

pub mod a11y;
pub mod article;
pub mod assets;
pub mod baseline;
pub mod changed_lines;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod git;
pub mod hash;
pub mod html;
pub mod markdown;
pub mod panics;
pub mod report;
pub mod rules;
pub mod server;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::config::ActiveRule;
pub use crate::diagnostic::{Diagnostic, Edit, Fix, Label, Severity, Span};
pub use crate::engine::Selection;
pub use crate::rules::{RULES, Rule, find as find_rule};
pub use crate::source::SourceFile;

use crate::article::Article;
use crate::html::Document;
use crate::source::{Input, InputError};

/// The result of linting one file.
pub struct FileReport {
    /// The path as given on the command line or as found by the walk.
    pub path: String,
    /// The text as linted, its encoding and positions.
    pub source: Arc<source::SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Set when only part of the file was linted, with the reason on one
    /// line ("line 12: elements nested deeper than 512 levels; …").
    pub incomplete: Option<String>,
    /// What the HTML report shows of the article beyond its findings; read
    /// only when that report is asked for (`Settings::thumbnails`).
    pub page: Option<Box<report::html::Page>>,
}

/// The result of a run: every file that was linted, and every input that
/// could not be read.
#[derive(Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub errors: Vec<InputError>,
    /// Set when a baseline filtered the findings.
    pub baseline: Option<baseline::Outcome>,
}

/// How a run is set up: which rules (command line), where configs come
/// from, what standard input is called.
pub struct Settings {
    pub selection: Selection,
    pub configs: config::Resolver,
    pub stdin_name: String,
    /// Lint only these files (canonical paths), e.g. those changed since a git ref.
    pub only: Option<std::collections::HashSet<PathBuf>>,
    /// Lint only this runner's share of the files.
    pub shard: Option<source::Shard>,
    /// `--assets DIR`: where root-relative image paths resolve, before the
    /// config's `assets`.
    pub assets: Vec<PathBuf>,
    /// Image and track probes, shared by every file of the run.
    pub asset_cache: assets::Cache,
    /// The largest article read, in bytes (`--max-file-size`).
    pub max_file_bytes: u64,
    /// `--ext`: the extensions of the files linted in directories, over
    /// the configs' `extensions`.
    pub extensions: Option<Vec<String>>,
    /// Set for `--format html`: each file's report carries its
    /// [`report::html::Page`], with thumbnails made through this cache.
    pub thumbnails: Option<report::html::Thumbnails>,
}

impl Settings {
    pub fn new(selection: Selection, configs: config::Resolver, stdin_name: String) -> Settings {
        Settings {
            selection,
            configs,
            stdin_name,
            only: None,
            shard: None,
            assets: Vec::new(),
            asset_cache: assets::Cache::default(),
            max_file_bytes: source::DEFAULT_MAX_FILE_BYTES,
            extensions: None,
            thumbnails: None,
        }
    }

    /// The directories a file's image references resolve against: the
    /// article's own directory for relative paths; `--assets`, then the
    /// config's `assets`, else `tree` (the directory given on the command
    /// line) for root-relative ones. Nothing outside these and `tree` is read.
    pub fn roots_for(&self, file: &Path, tree: &Path) -> Result<assets::Roots, String> {
        let config = self.configs.for_file(file)?;
        let mut roots = self.assets.clone();
        roots.extend(config.assets.iter().cloned());
        let article_dir = match file.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut roots = assets::Roots::with_real_paths(
            article_dir,
            tree.to_path_buf(),
            roots,
            self.configs.real_paths().clone(),
        );
        // A project with a presslint.toml is the article's tree too.
        if config.path.is_some() {
            roots.allow(&config.root);
        }
        Ok(roots)
    }

    /// Standard input has no place on disk: its image references are only
    /// looked up when asset roots are given (`--assets`, or `assets` in the
    /// config that applies to `--stdin-filename`); relative ones then
    /// resolve against `--stdin-filename`'s directory.
    pub fn stdin_roots(&self) -> Result<Option<assets::Roots>, String> {
        let name = Path::new(&self.stdin_name);
        let config = self.configs.for_file(name)?;
        if self.assets.is_empty() && config.assets.is_empty() {
            return Ok(None);
        }
        self.roots_for(name, Path::new(".")).map(Some)
    }

    /// Whether a discovered input is in this run (changed files, shard,
    /// and for a file found in a directory, its extension).
    fn includes(&self, input: &Input, named: &[PathBuf]) -> Result<bool, String> {
        let Input::File(path) = input else {
            return Ok(true);
        };
        if self.extensions.is_none() && !named.contains(path) {
            let config = self.configs.for_file(path)?;
            if !source::has_extension(path, &config.extensions) {
                return Ok(false);
            }
        }
        Ok(self.shard.is_none_or(|shard| shard.contains(path))
            && self
                .only
                .as_ref()
                .is_none_or(|only| only.contains(&self.configs.real_path(path))))
    }

    /// The selected rules for a file, at the levels and options its config gives.
    pub fn rules_for(&self, file: &Path) -> Result<Vec<ActiveRule>, String> {
        let config = self.configs.for_file(file)?;
        let mut rules = config.rules_for(&self.configs.real_path(file));
        rules.retain(|r| self.selection.allows(r.rule));
        Ok(rules)
    }

    /// What a file's config contributes to its article model, with `rules`
    /// (from [`Settings::rules_for`]).
    pub fn article_options_for(
        &self,
        file: &Path,
        rules: &[ActiveRule],
    ) -> Result<article::Options, String> {
        Ok(crate::article::Options {
            dialect: self.configs.dialect_for(file),
            ..self.configs.for_file(file)?.article_options(rules)
        })
    }
}

/// Lint one source text, with no files around it: image and track
/// references are only checked when they are `data:` URIs.
pub fn lint_source(path: String, text: String, rules: &[ActiveRule]) -> FileReport {
    lint_article(path, text, rules, None, &assets::Cache::default())
}

/// Lint a file's bytes, decoded as `source::decode_html` says (byte-order
/// mark, valid UTF-8, `<meta charset>`, else UTF-8 with replacements), with
/// positions in the report pointing into these bytes.
pub fn lint_bytes(
    path: String,
    bytes: &[u8],
    rules: &[ActiveRule],
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
) -> FileReport {
    let options = config::article_options(rules);
    lint_bytes_with(path, bytes, rules, &options, roots, cache)
}

/// [`lint_bytes`] with the article options a config gives (see
/// [`Settings::article_options_for`]).
pub fn lint_bytes_with(
    path: String,
    bytes: &[u8],
    rules: &[ActiveRule],
    options: &article::Options,
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
) -> FileReport {
    decode_and_lint(path, bytes, rules, options, roots, cache, None)
}

/// [`lint_bytes_with`], and with `thumbnails` the page the HTML report shows.
fn decode_and_lint(
    path: String,
    bytes: &[u8],
    rules: &[ActiveRule],
    options: &article::Options,
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
    thumbnails: Option<&report::html::Thumbnails>,
) -> FileReport {
    let decoded = match source::Kind::of(&path) {
        source::Kind::Html => source::decode_html(bytes),
        source::Kind::Markdown => source::decode_text(bytes),
    };
    lint_decoded(path, decoded, rules, options, roots, cache, thumbnails)
}

/// Lint one source text whose image and track references resolve against
/// `roots` (see [`Settings::roots_for`]), probing files through `cache`.
pub fn lint_article(
    path: String,
    text: String,
    rules: &[ActiveRule],
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
) -> FileReport {
    lint_article_with(
        path,
        text,
        rules,
        &config::article_options(rules),
        roots,
        cache,
    )
}

/// [`lint_article`] with the article options a config gives (see
/// [`Settings::article_options_for`]).
pub fn lint_article_with(
    path: String,
    text: String,
    rules: &[ActiveRule],
    options: &article::Options,
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
) -> FileReport {
    let decoded = source::Decoded {
        text,
        encoding: encoding_rs::UTF_8,
        offsets: source::OffsetMap::default(),
    };
    lint_decoded(path, decoded, rules, options, roots, cache, None)
}

fn lint_decoded(
    path: String,
    decoded: source::Decoded,
    rules: &[ActiveRule],
    options: &article::Options,
    roots: Option<&assets::Roots>,
    cache: &assets::Cache,
    thumbnails: Option<&report::html::Thumbnails>,
) -> FileReport {
    let source::Decoded {
        text,
        encoding,
        offsets,
    } = decoded;
    let lines = source::LineIndex::new(&text);
    let lint = |doc: &Document, article: &Article<'_>| {
        let assets = if thumbnails.is_some() || rules.iter().any(|r| r.rule.needs_files) {
            assets::collect(article, roots, cache)
        } else {
            assets::Assets::default()
        };
        let page = thumbnails
            .map(|thumbs| Box::new(report::html::Page::build(doc, article, &assets, thumbs)));
        (engine::lint(doc, &lines, article, rules, &assets), page)
    };
    let (text, (diagnostics, page), truncated) = match source::Kind::of(&path) {
        source::Kind::Html => {
            let doc = Document::parse(text);
            let linted = lint(&doc, &Article::build(&doc, options));
            let truncated = doc.truncated;
            (doc.into_source(), linted, truncated)
        }
        source::Kind::Markdown => {
            let md = markdown::MarkdownDocument::parse(text);
            let linted = lint(
                &md.html,
                &Article::from_markdown(&md, options, std::path::Path::new(&path)),
            );
            let truncated = md.html.truncated;
            (md.source, linted, truncated)
        }
    };
    let incomplete = truncated.map(|cut| {
        let (line, _) = lines.line_col(&text, cut.offset);
        format!(
            "line {line}: {}; the rest of the file was not linted (flatten the markup)",
            cut.reason
        )
    });
    let decoded = source::Decoded {
        text,
        encoding,
        offsets,
    };
    FileReport {
        path,
        source: Arc::new(source::SourceFile::with_index(decoded, lines)),
        diagnostics,
        incomplete,
        page,
    }
}

/// Lint files and directories (`-` is standard input), in parallel, keeping
/// the order in which the inputs were found.
///
/// A config file that cannot be read or is invalid stops the run before
/// anything is linted: the error names the file and line.
pub fn lint_paths(paths: &[PathBuf], settings: &Settings) -> Result<Report, String> {
    let mut files = Vec::new();
    let errors = lint_paths_with(paths, settings, |file| files.push(file))?;
    Ok(Report {
        files,
        errors,
        baseline: None,
    })
}

/// Lint files and directories like [`lint_paths`], handing each file's
/// report to `on_file` as soon as it and every input found before it are
/// done, so the calls come in the same order as [`lint_paths`]' files while
/// the rest are still being linted. Returns the inputs that could not be
/// read. `on_file` runs on the calling thread.
pub fn lint_paths_with(
    paths: &[PathBuf],
    settings: &Settings,
    mut on_file: impl FnMut(FileReport),
) -> Result<Vec<InputError>, String> {
    let known: Vec<String> = source::KNOWN_EXTENSIONS
        .iter()
        .map(|e| e.to_string())
        .collect();
    let (inputs, mut errors) =
        source::discover(paths, settings.extensions.as_ref().unwrap_or(&known));
    // Resolve every file's rules first: a bad config lints nothing.
    let mut kept = Vec::with_capacity(inputs.len());
    for input in inputs {
        if settings.includes(&input, paths)? {
            kept.push(input);
        }
    }
    let inputs = kept
        .into_iter()
        .map(|input| {
            let (name, roots) = match &input {
                Input::Stdin => (Path::new(&settings.stdin_name), settings.stdin_roots()?),
                Input::File(path) => (
                    path.as_path(),
                    Some(settings.roots_for(path, &tree_of(paths, path))?),
                ),
            };
            let rules = settings.rules_for(name)?;
            let options = settings.article_options_for(name, &rules)?;
            Ok((input, (rules, options), roots))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let stdin_name = settings.stdin_name.as_str();
    let lint_one = |(input, (rules, options), roots): (
        Input,
        (Vec<ActiveRule>, article::Options),
        Option<assets::Roots>,
    )|
     -> Result<FileReport, InputError> {
        let (name, bytes) = match input {
            Input::Stdin => (
                stdin_name.to_string(),
                source::read_stdin(settings.max_file_bytes)?,
            ),
            Input::File(path) => {
                let bytes = source::read_file(&path, settings.max_file_bytes)?;
                (path.display().to_string(), bytes)
            }
        };
        // A bug that panics on one file must not take down the run: that
        // file becomes an error line (exit 2), the others are reported.
        let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            decode_and_lint(
                name.clone(),
                &bytes,
                &rules,
                &options,
                roots.as_ref(),
                &settings.asset_cache,
                settings.thumbnails.as_ref(),
            )
        }));
        linted.map_err(|panic| InputError {
            path: name,
            message: format!(
                "internal error while linting this file ({}); please report it with the file",
                panics::describe(&panic)
            ),
        })
    };
    // Workers take files in order and may run at most WINDOW files ahead
    // of the one being handed on, so the results waiting to be handed on
    // in order stay few however many files there are and however slow one
    // of them is.
    let threads = rayon::current_num_threads().max(1);
    let window = threads * 4;
    let queue = std::sync::Mutex::new(Queue {
        items: inputs.into_iter().enumerate().collect(),
        delivered: 0,
    });
    let ready = std::sync::Condvar::new();
    let (sender, finished) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let mut workers = 0;
        for _ in 0..threads {
            let sender = sender.clone();
            let (queue, ready, lint_one) = (&queue, &ready, &lint_one);
            let worker = move || {
                while let Some((i, input)) = queue_next(queue, ready, window) {
                    // The receiver lives until every sender is gone.
                    let _ = sender.send((i, lint_one(input)));
                }
            };
            // Deep markup is bounded by the parser, but a large stack keeps
            // any recursion left in a dependency from aborting the run.
            let spawned = std::thread::Builder::new()
                .name("presslint-lint".into())
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, worker);
            workers += usize::from(spawned.is_ok());
        }
        if workers == 0 {
            // No thread could be started: lint here, one file at a time.
            while let Some((i, input)) = lock(&queue).items.pop_front() {
                let _ = sender.send((i, lint_one(input)));
            }
        }
        drop(sender);
        // Results arrive in any order; hand them on in input order.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, result) in finished {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                match result {
                    Ok(file) => {
                        // A file cut short is reported as far as it was
                        // linted, and named as an error (exit 2).
                        if let Some(message) = &file.incomplete {
                            errors.push(InputError {
                                path: file.path.clone(),
                                message: message.clone(),
                            });
                        }
                        on_file(file)
                    }
                    Err(err) => errors.push(err),
                }
            }
            lock(&queue).delivered = next;
            ready.notify_all();
        }
    });
    Ok(errors)
}

/// Stack size of the threads that lint files.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// Files waiting to be linted, in the order found, and how many have been
/// handed on.
struct Queue<T> {
    items: std::collections::VecDeque<(usize, T)>,
    delivered: usize,
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The next file to lint, once it is within `window` of the last one
/// handed on; `None` when there are no more.
fn queue_next<T>(
    queue: &std::sync::Mutex<Queue<T>>,
    ready: &std::sync::Condvar,
    window: usize,
) -> Option<(usize, T)> {
    let mut q = lock(queue);
    loop {
        let (i, _) = q.items.front()?;
        if *i < q.delivered + window {
            return q.items.pop_front();
        }
        q = ready
            .wait(q)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    }
}

/// The directory given on the command line that a discovered file came
/// from (a file argument's parent): the article's tree.
fn tree_of(paths: &[PathBuf], file: &Path) -> PathBuf {
    let dir_of = |p: &Path| match p.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    paths
        .iter()
        .find(|p| p.as_path() != Path::new("-") && file.starts_with(p))
        .map_or_else(
            || dir_of(file),
            |p| if p.is_dir() { p.clone() } else { dir_of(p) },
        )
}
