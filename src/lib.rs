//! presslint: an accessibility and caption linter for news articles.
//!
//! The flow: `source` finds and reads files, `html` parses them with exact
//! spans, `rules` check the parsed document, `engine` runs the selected
//! rules, `report` renders the results.

pub mod a11y;
pub mod cli;
pub mod diagnostic;
pub mod engine;
pub mod html;
pub mod report;
pub mod rules;
pub mod source;

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::engine::Selection;
use crate::html::Document;
use crate::rules::Rule;
use crate::source::{Input, InputError};

/// The result of linting one file.
pub struct FileReport {
    /// The path as given on the command line or as found by the walk.
    pub path: String,
    pub source: Arc<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of a run: every file that was linted, and every input that
/// could not be read.
#[derive(Default)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub errors: Vec<InputError>,
}

/// Lint one source text.
pub fn lint_source(path: String, text: String, rules: &[&'static Rule]) -> FileReport {
    let doc = Document::parse(text);
    let diagnostics = engine::lint(&doc, rules);
    FileReport {
        path,
        source: Arc::new(doc.into_source()),
        diagnostics,
    }
}

/// Lint files and directories (`-` is standard input), in parallel, keeping
/// the order in which the inputs were found.
pub fn lint_paths(paths: &[PathBuf], stdin_name: &str, selection: &Selection) -> Report {
    let rules = selection.enabled();
    let (inputs, mut errors) = source::discover(paths);
    let results: Vec<Result<FileReport, InputError>> = inputs
        .into_par_iter()
        .map(|input| {
            let (name, text) = match input {
                Input::Stdin => (stdin_name.to_string(), source::read_stdin()?),
                Input::File(path) => {
                    let text = source::read_file(&path)?;
                    (path.display().to_string(), text)
                }
            };
            Ok(lint_source(name, text, &rules))
        })
        .collect();
    let mut files = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(err) => errors.push(err),
        }
    }
    Report { files, errors }
}
