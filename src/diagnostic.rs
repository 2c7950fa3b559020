//! What a rule reports: a byte span in the source, a message, a help line and
//! optional secondary labels. Line/column are derived when a report is built.

use serde::Serialize;

/// A byte range in the original source (`start` inclusive, `end` exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Spans sorted by start, each with the furthest end among those starting
/// no later: how far the spans starting before a point reach is one
/// search, not a walk over all of them each time it is asked (a
/// Markdown paragraph asking whether a link or a shortcode covers it).
pub struct Reach {
    starts: Vec<usize>,
    furthest: Vec<usize>,
}

impl Reach {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Reach {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable();
        let furthest = spans
            .iter()
            .scan(0, |end, s| {
                *end = s.end.max(*end);
                Some(*end)
            })
            .collect();
        Reach {
            starts: spans.iter().map(|s| s.start).collect(),
            furthest,
        }
    }

    /// The furthest end among the spans that start before `at`.
    pub fn furthest_end_before(&self, at: usize) -> Option<usize> {
        let before = self.starts.partition_point(|&start| start < at);
        before.checked_sub(1).map(|i| self.furthest[i])
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding. Rules fill in span, message, help and labels; the engine
/// stamps the rule id and the configured severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub help: String,
    pub labels: Vec<Label>,
    /// A safe, automatic correction (`presslint check --fix`), if any.
    pub fix: Option<Fix>,
}

/// Replace the source under `span` with `text` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Edits that correct a diagnostic without changing anything else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, for `--fix` summaries ("add width and height").
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: "",
            severity: Severity::Error,
            span,
            message: message.into(),
            help: String::new(),
            labels: Vec::new(),
            fix: None,
        }
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }
}
