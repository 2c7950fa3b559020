//! A `<video>` that may have sound (it is not `muted`) without a captions or
//! subtitles track. Deaf and hard-of-hearing readers miss what is said.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "video-captions-missing",
    group: "media",
    severity: Severity::Error,
    summary: "A video with sound has no captions track",
    doc: include_str!("../../../rules/video-captions-missing.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .videos
        .iter()
        .filter(|video| !video.muted && !video.captioned && video.sourced && !video.advert)
        .map(|video| {
            Diagnostic::new(video.tag, "this video has no captions track")
                .help("add <track kind=\"captions\" src=\"….vtt\" srclang=\"en\"> inside the <video>, or mark a silent video muted")
        })
        .collect()
}
