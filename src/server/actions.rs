//! Code actions: each fix a rule attaches to its finding (the fixes
//! `presslint check --fix` makes) as a quickfix, "Suppress for this line",
//! and `source.fixAll.presslint`, which applies the safe fixes only.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::{Value, json};

use super::convert;
use super::workspace::{self, Setup};
use crate::FileReport;
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::{self, Fixable};
use crate::source::ColumnUnit;

/// The kind of the action that applies every safe fix of a document.
pub const FIX_ALL: &str = "source.fixAll.presslint";

/// What the editor can do with an edit.
#[derive(Clone, Copy)]
pub struct Client {
    pub unit: ColumnUnit,
    /// It accepts snippet edits (LSP 3.18 `workspace.workspaceEdit.
    /// snippetEditSupport`), so the suppression's reason can be selected.
    pub snippets: bool,
}

/// The most findings of one request offered "Suppress for this line":
/// each offer is checked by linting the article again, so a selection
/// over thousands of findings must not lint it thousands of times.
pub const MAX_SUPPRESSIONS: usize = 10;

/// Whether a rule's fixes are safe: they change no meaning, so fix-all
/// and `presslint check --fix` apply them unasked.
fn is_safe(d: &Diagnostic) -> bool {
    rules::find(d.rule).is_some_and(|r| r.fix == Fixable::Safe)
}

/// The actions for the findings that touch `range`, of the kinds in
/// `only` (every kind when `None`).
pub fn actions(
    uri: &Uri,
    version: i32,
    setup: &Setup,
    file: &FileReport,
    range: Range,
    only: Option<&[CodeActionKind]>,
    client: Client,
) -> Vec<Value> {
    let wants = |kind: &str| {
        only.is_none_or(|kinds| {
            kinds.iter().any(|k| {
                let k = k.as_str();
                kind == k || kind.starts_with(&format!("{k}."))
            })
        })
    };
    let source = &file.source;
    let asked = convert::span(source, range, client.unit);
    // As `presslint check --fix`: Markdown is the writer's own text, its
    // findings say what to change and presslint does not rewrite it.
    let fixable = crate::source::Kind::of(&file.path) == crate::source::Kind::Html;
    let mut out = Vec::new();
    let mut checks = 0;
    if wants(CodeActionKind::QUICKFIX.as_str()) {
        let touching = file
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= asked.end && d.span.end >= asked.start);
        for d in touching {
            let shown = convert::diagnostic(uri, source, d, client.unit);
            if let Some(fix) = d.fix.as_ref().filter(|_| fixable) {
                let safety = if is_safe(d) { "safe" } else { "unsafe" };
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| edit(file, e.span, &e.text, client.unit));
                out.push(to_value(CodeAction {
                    title: format!("{} ({safety} fix)", capitalised(&fix.title)),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![shown.clone()]),
                    edit: Some(changes(uri, edits.collect())),
                    is_preferred: Some(is_safe(d)),
                    ..CodeAction::default()
                }));
            }
            if checks == MAX_SUPPRESSIONS {
                continue;
            }
            checks += 1;
            if let Some(action) = suppress(uri, version, setup, file, d, shown, client) {
                out.push(action);
            }
        }
    }
    if fixable && wants(FIX_ALL) {
        let safe: Vec<Diagnostic> = file
            .diagnostics
            .iter()
            .filter(|d| d.fix.is_some() && is_safe(d))
            .cloned()
            .collect();
        let (edits, count) = crate::fix::choose(source, &safe);
        if count > 0 {
            let edits = edits
                .iter()
                .map(|e| edit(file, e.span, &e.text, client.unit))
                .collect();
            out.push(to_value(CodeAction {
                title: format!(
                    "presslint: apply {} safe {}",
                    count,
                    if count == 1 { "fix" } else { "fixes" }
                ),
                kind: Some(CodeActionKind::new(FIX_ALL)),
                edit: Some(changes(uri, edits)),
                ..CodeAction::default()
            }));
        }
    }
    out
}

fn edit(file: &FileReport, span: Span, text: &str, unit: ColumnUnit) -> TextEdit {
    TextEdit::new(convert::range(&file.source, span, unit), text.to_string())
}

fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

fn to_value(action: CodeAction) -> Value {
    serde_json::to_value(CodeActionOrCommand::CodeAction(action)).unwrap_or(Value::Null)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The placeholder the writer replaces with why the finding is accepted.
const REASON: &str = "reason";

/// "Suppress for this line": `<!-- presslint-disable-next-line RULE --
/// reason -->` on a line of its own above the finding, indented like it,
/// with `reason` selected when the editor takes snippets. Offered only
/// when the comment suppresses this finding and changes no other: linted
/// with the comment in place, the findings are the same but this one, and
/// with a plain comment in its place they are all the same (a comment
/// there would land inside a start tag written over several lines, or
/// split a Markdown paragraph, and is then not offered).
fn suppress(
    uri: &Uri,
    version: i32,
    setup: &Setup,
    file: &FileReport,
    d: &Diagnostic,
    shown: lsp_types::Diagnostic,
    client: Client,
) -> Option<Value> {
    // Findings about suppressions are not suppressed.
    if rules::find(d.rule).is_none_or(|r| r.stage == rules::Stage::Suppressions) {
        return None;
    }
    let source = &file.source;
    let line = source.index().line(d.span.start);
    let line_start = source.index().line_start(line)?;
    let indent: String = source[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let comment = |reason: &str| {
        format!(
            "{indent}<!-- presslint-disable-next-line {} -- {reason} -->{newline}",
            d.rule
        )
    };
    let plain = comment(REASON);
    // Findings compared by rule and flagged text, which survive the lines
    // moving down.
    let mut before: Vec<_> = file
        .diagnostics
        .iter()
        .filter(|other| !std::ptr::eq(*other, d))
        .map(|other| (other.rule, source.fingerprint(other.rule, other.span)))
        .collect();
    before.sort_unstable();
    // The findings with `inserted` written above the line, less what the
    // comment itself draws (`unused-suppression`, when it suppresses
    // nothing: then this finding is still there anyway).
    let findings_with = |inserted: &str| {
        let mut candidate = source.text().to_string();
        candidate.insert_str(line_start, inserted);
        let after = workspace::lint(setup, &candidate).ok()?;
        let range = line_start..line_start + inserted.len();
        let mut now: Vec<_> = after
            .diagnostics
            .iter()
            .filter(|other| !range.contains(&other.span.start))
            .map(|other| (other.rule, after.source.fingerprint(other.rule, other.span)))
            .collect();
        now.sort_unstable();
        Some(now)
    };
    if findings_with(&plain)? != before {
        return None;
    }
    // The finding goes because the comment suppresses it, not because a
    // comment there breaks the markup (inside a start tag written over
    // several lines, whose `-->` ends the tag): a plain comment of the
    // same shape in its place leaves every finding as it was.
    let mut all = before;
    all.push((d.rule, source.fingerprint(d.rule, d.span)));
    all.sort_unstable();
    let control = format!(
        "{indent}<!-- presslint note {} -- {REASON} -->{newline}",
        d.rule
    );
    if findings_with(&control)? != all {
        return None;
    }
    let at = convert::range(source, Span::empty(line_start), client.unit).start;
    let title = format!("Suppress {} for this line", d.rule);
    if client.snippets {
        let snippet = comment(&format!("${{1:{REASON}}}"));
        return Some(json!({
            "title": title,
            "kind": CodeActionKind::QUICKFIX,
            "diagnostics": [shown],
            "edit": {"documentChanges": [{
                "textDocument": {"uri": uri, "version": version},
                "edits": [{
                    "range": Range::new(at, at),
                    "snippet": {"kind": "snippet", "value": snippet},
                }],
            }]},
        }));
    }
    Some(to_value(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![shown]),
        edit: Some(changes(uri, vec![TextEdit::new(Range::new(at, at), plain)])),
        ..CodeAction::default()
    }))
}
