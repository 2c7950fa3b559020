//! Alt text that is a file name or a URL (`DSC_1234.jpg`, `IMG_20240101_101010`,
//! `https://…`), usually left behind by a CMS upload. Screen readers read it
//! out character by character.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-filename",
    group: "alt",
    severity: Severity::Warning,
    summary: "Alt text is a file name or a URL",
    doc: include_str!("../../../rules/img-alt-filename.md"),
    check,
    ..Rule::DEFAULTS
};

static FILENAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?:https?:)?//\S+                                  # a URL
          | .*\.(?:jpe?g|png|gif|webp|avif|heic|heif|svg|bmp|tiff?|jxl)   # ends with an image file extension
          | (?:DSC[NF]?|IMG|PXL|DCIM|GOPR|_MG|P)[_-]?\d{3,}\S*   # camera file names
          | \d{8}[_-]\d{6}\S*                                  # timestamp names
        )$",
    )
    .expect("valid regex")
});

/// The file name of `src` without its extension, for comparison with the
/// alt; only names that look machine-made (digits, `_` or `-`), so that
/// `alt="Reuters"` on `Reuters.svg` is not reported.
fn src_stem(src: &str) -> Option<&str> {
    let path = src.split(['?', '#']).next()?;
    let name = path.rsplit('/').next()?;
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    (stem.chars().count() > 3
        && stem.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-'))
    .then_some(stem)
}

pub fn is_filename(alt: &str, src: Option<&str>) -> bool {
    let alt = alt.trim();
    FILENAME.is_match(alt)
        || src
            .and_then(src_stem)
            .is_some_and(|stem| stem.eq_ignore_ascii_case(alt))
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.article
        .images_with_alt()
        .filter(|(img, alt)| is_filename(alt.value, img.src.map(|s| s.value)))
        .map(|(_, alt)| {
            Diagnostic::new(
                alt.span,
                format!(
                    "the alt text \"{}\" is a file name or URL",
                    alt.value.trim()
                ),
            )
            .help("replace it with a description of what the picture shows")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_filename;

    #[test]
    fn recognises_file_names() {
        for alt in [
            "DSC_1234.jpg",
            "IMG_20240101_101010",
            "photo.png",
            "https://example.com/a.jpg",
            "//cdn.example.com/x",
            "DSCN0042",
            "20240101_101010",
        ] {
            assert!(is_filename(alt, None), "{alt}");
        }
        assert!(is_filename(
            "44025-33uy6ca-highres",
            Some("/gc4/44025-33uy6ca-highres.webp")
        ));
    }

    #[test]
    fn leaves_descriptions_alone() {
        for alt in [
            "Putin and Kim at the cosmodrome",
            "A woman watches a screen in Seoul.",
            "Pi 3.14",
            "P.S. I love you",
        ] {
            assert!(!is_filename(alt, Some("/img/photo.jpg")), "{alt}");
        }
    }
}
