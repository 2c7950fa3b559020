//! presslint: an accessibility and caption linter for news articles.
//!
//! The flow: `source` finds and reads files, `config` says which rules run
//! on each and how, `html` parses them with exact spans, `assets` resolves
//! and probes the images and tracks they use, `rules` check the result
//! (caption rules through `text`), `engine` runs the rules and applies
//! `suppress`ions, `baseline` hides known findings, `report` renders, and
//! `fix` writes the fixes that were asked for.

pub mod a11y;
pub mod assets;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod git;
pub mod hash;
pub mod html;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::ActiveRule;
use crate::diagnostic::Diagnostic;
use crate::engine::Selection;
use crate::html::Document;
use crate::source::{Input, InputError};

/// The result of linting one file.
pub struct FileReport {
    /// The path as given on the command line or as found by the walk.
    pub path: String,
    pub source: Arc<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Set when only part of the file was linted, with the reason on one
    /// line ("line 12: elements nested deeper than 512 levels; …").
    pub incomplete: Option<String>,
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
        let mut roots = assets::Roots::new(article_dir, tree.to_path_buf(), roots);
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

    /// Whether a discovered input is in this run (changed files, shard).
    fn includes(&self, input: &Input) -> bool {
        let Input::File(path) = input else {
            return true;
        };
        self.shard.is_none_or(|shard| shard.contains(path))
            && self
                .only
                .as_ref()
                .is_none_or(|only| std::fs::canonicalize(path).is_ok_and(|p| only.contains(&p)))
    }

    /// The selected rules for a file, at the levels and options its config gives.
    pub fn rules_for(&self, file: &Path) -> Result<Vec<ActiveRule>, String> {
        let config = self.configs.for_file(file)?;
        let mut rules = config.rules_for(file);
        rules.retain(|r| self.selection.allows(r.rule));
        Ok(rules)
    }
}

/// Lint one source text, with no files around it: image and track
/// references are only checked when they are `data:` URIs.
pub fn lint_source(path: String, text: String, rules: &[ActiveRule]) -> FileReport {
    lint_article(path, text, rules, None, &assets::Cache::default())
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
    let doc = Document::parse(text);
    let assets = if rules.iter().any(|r| rules::uses_assets(r.rule)) {
        assets::collect(&doc, roots, cache)
    } else {
        assets::Assets::default()
    };
    let diagnostics = engine::lint(&doc, rules, &assets);
    let incomplete = doc.truncated.map(|cut| {
        let (line, _) = source::LineIndex::new(doc.source()).line_col(doc.source(), cut.offset);
        format!(
            "line {line}: {}; the rest of the file was not linted (flatten the markup)",
            cut.reason
        )
    });
    FileReport {
        path,
        source: Arc::new(doc.into_source()),
        diagnostics,
        incomplete,
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
    let (inputs, mut errors) = source::discover(paths);
    // Resolve every file's rules first: a bad config lints nothing.
    let inputs = inputs
        .into_iter()
        .filter(|input| settings.includes(input))
        .map(|input| {
            let (rules, roots) = match &input {
                Input::Stdin => {
                    let name = Path::new(&settings.stdin_name);
                    (settings.rules_for(name)?, settings.stdin_roots()?)
                }
                Input::File(path) => (
                    settings.rules_for(path)?,
                    Some(settings.roots_for(path, &tree_of(paths, path))?),
                ),
            };
            Ok((input, rules, roots))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let stdin_name = settings.stdin_name.as_str();
    let lint_one = |(input, rules, roots): (Input, Vec<ActiveRule>, Option<assets::Roots>)| -> Result<FileReport, InputError> {
        let (name, text) = match input {
            Input::Stdin => (stdin_name.to_string(), source::read_stdin(settings.max_file_bytes)?),
            Input::File(path) => {
                let text = source::read_file(&path, settings.max_file_bytes)?;
                (path.display().to_string(), text)
            }
        };
        Ok(lint_article(
            name,
            text,
            &rules,
            roots.as_ref(),
            &settings.asset_cache,
        ))
    };
    let (sender, finished) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            inputs
                .into_par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (i, input)| {
                    // The receiver lives until every sender is gone.
                    let _ = sender.send((i, lint_one(input)));
                });
        });
        // Results arrive in any order; hand them on in input order.
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, result) in finished {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                match result {
                    Ok(file) => on_file(file),
                    Err(err) => errors.push(err),
                }
            }
        }
    });
    Ok(errors)
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
