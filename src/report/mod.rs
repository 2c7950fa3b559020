//! Reporters: one module per output format.

pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod output;
pub mod sarif;
pub mod summary;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::InputError;
use crate::{FileReport, Report};

/// An output format, fed one file at a time in the order the files were
/// found, so a run never holds more than the file being reported (formats
/// whose header needs totals keep what they will print, not the sources).
pub trait Reporter {
    /// Whatever comes before the first file.
    fn start(&mut self, _out: &mut Sink) {}
    /// One linted file.
    fn file(&mut self, file: &FileReport, out: &mut Sink);
    /// The end: totals, and the inputs that could not be read.
    fn finish(&mut self, summary: &Summary, errors: &[InputError], out: &mut Sink);
}

/// Writes a chunk of a report somewhere; errors are one line naming where.
pub type WriteFn<'a> = dyn FnMut(&str) -> Result<(), String> + 'a;

/// Where a reporter writes: a buffer handed on in chunks to a writer (the
/// command line's output), or kept whole (tests, the library).
pub struct Sink<'a> {
    buf: String,
    target: Option<&'a mut WriteFn<'a>>,
    /// The first write that failed; later writes are dropped.
    error: Option<String>,
}

/// How much a sink buffers before writing.
const CHUNK: usize = 64 * 1024;

impl<'a> Sink<'a> {
    /// A sink that keeps everything; see [`Sink::into_string`].
    pub fn buffer() -> Sink<'static> {
        Sink {
            buf: String::new(),
            target: None,
            error: None,
        }
    }

    /// A sink that writes through `target` as it fills.
    pub fn to(target: &'a mut WriteFn<'a>) -> Sink<'a> {
        Sink {
            buf: String::with_capacity(CHUNK),
            target: Some(target),
            error: None,
        }
    }

    pub fn push_str(&mut self, text: &str) {
        self.buf.push_str(text);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    pub fn push(&mut self, c: char) {
        self.buf.push(c);
    }

    fn flush(&mut self) {
        if let Some(target) = &mut self.target {
            if self.error.is_none()
                && let Err(err) = target(&self.buf)
            {
                self.error = Some(err);
            }
            self.buf.clear();
        }
    }

    /// Write what is buffered; the first error any write met.
    pub fn finish(mut self) -> Result<(), String> {
        self.flush();
        self.error.map_or(Ok(()), Err)
    }

    /// What a [`Sink::buffer`] holds.
    pub fn into_string(self) -> String {
        self.buf
    }
}

impl std::fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// Run a reporter over a whole report held in memory.
pub fn render_all(reporter: &mut dyn Reporter, report: &Report) -> String {
    let mut out = Sink::buffer();
    reporter.start(&mut out);
    for file in &report.files {
        reporter.file(file, &mut out);
    }
    reporter.finish(&Summary::of(report), &report.errors, &mut out);
    out.into_string()
}

/// The project's home; rule pages live under `rules/` there.
pub const REPOSITORY_URL: &str = "https://github.com/presslint/presslint";

/// The web address of a rule's page, `rules/<id>.md`.
pub fn rule_url(id: &str) -> String {
    format!("{REPOSITORY_URL}/blob/main/rules/{id}.md")
}

/// A diagnostic's message with its help line, for formats that have one
/// text field: `message`, then `help: …` on a second line when there is help.
pub fn message_with_help(d: &Diagnostic) -> String {
    if d.help.is_empty() {
        d.message.clone()
    } else {
        format!("{}\nhelp: {}", d.message, d.help)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// With `--baseline`: known findings hidden, and entries now fixed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::baseline::Outcome>,
}

impl Summary {
    pub fn of(report: &Report) -> Summary {
        let mut summary = Summary {
            baseline: report.baseline,
            ..Summary::default()
        };
        for file in &report.files {
            summary.add(file);
        }
        summary
    }

    /// Count one more file.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        for d in &file.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// `Found 5 problems (3 errors, 2 warnings, 0 infos) in 9 files.`, or
    /// `No problems found in 9 files.`
    pub fn sentence(&self) -> String {
        let total = self.errors + self.warnings + self.infos;
        let files = plural(self.files, "file");
        let baseline = self.baseline.map_or(String::new(), |b| {
            format!(
                " Baseline: {} hidden, {} no longer found (fixed).",
                plural(b.matched, "known finding"),
                plural(b.fixed, "entry").replace("entrys", "entries")
            )
        });
        format!("{}{baseline}", self.counts_sentence(total, &files))
    }

    fn counts_sentence(&self, total: usize, files: &str) -> String {
        if total == 0 {
            format!("No problems found in {files}.")
        } else {
            format!(
                "Found {} ({}, {}, {}) in {files}.",
                plural(total, "problem"),
                plural(self.errors, "error"),
                plural(self.warnings, "warning"),
                plural(self.infos, "info")
            )
        }
    }
}

/// `1 file`, `2 files`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
