//! A captions, subtitles or descriptions `<track>` whose file will not
//! work: no `src`, a missing or empty file, or text that is not WebVTT
//! (an `.srt` renamed, a cue timing with a comma). Browsers drop such a
//! track without a word, so the video plays with no captions at all.

use crate::assets::Asset;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::files::{shown, tried};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "track-file-invalid",
    group: "media",
    severity: Severity::Error,
    summary: "A captions track's file is missing, empty or not valid WebVTT",
    doc: include_str!("../../../rules/track-file-invalid.md"),
    check,
    needs_files: true,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .tracks
        .iter()
        .filter(|track| matches!(track.kind.as_str(), "captions" | "subtitles" | "descriptions"))
        .filter_map(|track| {
            let kind = &track.kind;
            let Some(src) = track.src.filter(|s| !s.url().is_empty()) else {
                return Some(
                    Diagnostic::new(track.tag, format!("this {kind} track has no src"))
                        .help("set src to the WebVTT (.vtt) file"),
                );
            };
            let (span, src) = (src.span, src.url());
            let (message, help) = match ctx.assets.track(src) {
                Asset::NotChecked | Asset::Unresolved => return None,
                Asset::Missing { tried: paths } => (
                    format!("{} does not exist ({})", shown(src), tried(paths)),
                    "fix the path or add the caption file",
                ),
                Asset::Refused { reason } => (
                    format!("{} {reason}; presslint did not read it", shown(src)),
                    "fix the path",
                ),
                Asset::Found { info, .. } => match info.as_ref() {
                    Ok(_) => return None,
                    Err(problem) if problem.line == 0 => (
                        format!("{} {}", shown(src), problem.message),
                        "browsers ignore a track they cannot parse: fix the file so the captions show",
                    ),
                    Err(problem) => (
                        format!(
                            "{} is not valid WebVTT: line {}: {}",
                            shown(src),
                            problem.line,
                            problem.message
                        ),
                        "browsers ignore a track they cannot parse: fix the file so the captions show",
                    ),
                },
            };
            Some(Diagnostic::new(span, message).help(help))
        })
        .collect()
}
