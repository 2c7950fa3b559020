//! A `<video>` that may have sound (it is not `muted`) without a captions or
//! subtitles track. Deaf and hard-of-hearing readers miss what is said.

use crate::a11y;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "video-captions-missing",
    group: "media",
    severity: Severity::Error,
    summary: "A video with sound has no captions track",
    doc: include_str!("../../../rules/video-captions-missing.md"),
    options: &[],
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .elements_named("video")
        .filter(|video| {
            a11y::attr(*video, "muted").is_none()
                && !a11y::is_hidden(ctx.doc, *video)
                && !a11y::in_inert_content(ctx.doc, *video)
                && !video.children().filter_map(scraper::ElementRef::wrap).any(|track| {
                    track.value().name() == "track"
                        // A missing kind means subtitles.
                        && a11y::attr(track, "kind").is_none_or(|k| {
                            matches!(k.trim().to_ascii_lowercase().as_str(), "captions" | "subtitles")
                        })
                })
        })
        .map(|video| {
            Diagnostic::new(ctx.doc.tag_span(video), "this video has no captions track")
                .help("add <track kind=\"captions\" src=\"….vtt\" srclang=\"en\"> inside the <video>, or mark a silent video muted")
        })
        .collect()
}
