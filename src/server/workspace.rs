//! The documents an editor has open and how each is linted: the config
//! found the way `presslint check` finds it (the nearest `presslint.toml`
//! above the file), image files resolved against the workspace folder the
//! file is in, the editor's text rather than the file on disk.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lsp_types::Uri;

use super::convert;
use crate::FileReport;
use crate::assets::{self, Roots};
use crate::config::{ActiveRule, Resolver};
use crate::engine::Selection;

/// One open document: the editor's text and what linting it found.
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    /// The last lint of `text`; `None` once the text changed.
    pub linted: Option<FileReport>,
    /// When a change's lint is due (changes are linted once typing pauses).
    pub due: Option<Instant>,
}

/// How a document is linted: its rules and where its files are.
pub struct Setup {
    pub name: String,
    pub rules: Vec<ActiveRule>,
    /// What the config adds to the article model (`[captions] photo`).
    pub options: crate::article::Options,
    pub roots: Option<Roots>,
}

pub struct Workspace {
    /// The workspace folders the editor opened, longest first.
    folders: Vec<PathBuf>,
    settings: crate::Settings,
    pub documents: HashMap<String, Document>,
}

impl Workspace {
    pub fn new(mut folders: Vec<PathBuf>) -> Workspace {
        folders.sort_by_key(|f| std::cmp::Reverse(f.as_os_str().len()));
        Workspace {
            folders,
            settings: settings(),
            documents: HashMap::new(),
        }
    }

    /// Forget every config read: the next lint reads `presslint.toml` again.
    pub fn reload_config(&mut self) {
        self.settings = settings();
        for doc in self.documents.values_mut() {
            doc.linted = None;
        }
    }

    /// The rules and roots for a document, or the config error (one line
    /// naming the file and what is wrong) that stops it being linted.
    pub fn setup(&self, uri: &Uri) -> Result<Setup, String> {
        let name = convert::document_name(uri);
        let Some(path) = convert::file_path(uri) else {
            // An unsaved buffer: the defaults, and no files around it.
            let rules = Selection::default().active();
            return Ok(Setup {
                name,
                options: crate::config::article_options(&rules),
                rules,
                roots: None,
            });
        };
        let tree = self.tree_of(&path);
        let rules = self.settings.rules_for(&path)?;
        Ok(Setup {
            name,
            options: self.settings.article_options_for(&path, &rules)?,
            rules,
            roots: Some(self.settings.roots_for(&path, &tree)?),
        })
    }

    /// The article's tree: the workspace folder it is in, else its directory.
    fn tree_of(&self, path: &Path) -> PathBuf {
        self.folders
            .iter()
            .find(|f| path.starts_with(f))
            .cloned()
            .unwrap_or_else(|| path.parent().unwrap_or(Path::new("/")).to_path_buf())
    }
}

fn settings() -> crate::Settings {
    // Without an explicit config file, nothing is read until a file is linted.
    let configs = Resolver::new(None).expect("no config file is read yet");
    crate::Settings::new(Selection::default(), configs, String::new())
}

/// Lint `text` as set up; image files are probed afresh, so an image
/// replaced on disk is seen on the next lint. A bug that panics on this
/// text is an error, not the end of the server.
pub fn lint(setup: &Setup, text: &str) -> Result<FileReport, String> {
    let cache = assets::Cache::default();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::lint_article_with(
            setup.name.clone(),
            text.to_string(),
            &setup.rules,
            &setup.options,
            setup.roots.as_ref(),
            &cache,
        )
    }))
    .map_err(|panic| {
        format!(
            "{}: internal error while linting ({}); please report it with the file",
            setup.name,
            crate::panics::describe(&panic)
        )
    })
}
