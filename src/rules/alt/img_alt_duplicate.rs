//! Two different images in one article with the same alt text. A reader
//! who cannot see them cannot tell them apart.

use std::collections::{HashMap, HashSet};

use crate::a11y::normalize;
use crate::article::Image;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "img-alt-duplicate",
    group: "alt",
    severity: Severity::Warning,
    summary: "Two different images share the same alt text",
    doc: include_str!("../../../rules/img-alt-duplicate.md"),
    check,
    ..Rule::DEFAULTS
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut first_seen: HashMap<String, (crate::diagnostic::Span, HashSet<String>)> = HashMap::new();
    let mut out = Vec::new();
    for (img, alt) in ctx.article.images_with_alt() {
        let key = normalize(alt.value).to_lowercase();
        let picture = identities(ctx, img);
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, (alt.span, picture));
            }
            Some((first, first_picture)) if !same_picture(first_picture, &picture) => {
                out.push(
                    Diagnostic::new(alt.span, "this alt text is the same as another image's")
                        .help("say what is different about this picture")
                        .label(*first, "first used here"),
                );
            }
            Some(_) => {}
        }
    }
    out
}

/// Two images show the same picture when any of their files is the same
/// picture (or neither has a file).
fn same_picture(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    (a.is_empty() && b.is_empty()) || !a.is_disjoint(b)
}

/// What identifies the picture behind each of an image's addresses.
fn identities(ctx: &Context<'_>, img: &Image<'_>) -> HashSet<String> {
    ctx.article
        .references_of(img)
        .filter(|r| !r.is_data_uri())
        .map(|r| identity(r.url))
        .filter(|id| !id.is_empty())
        .collect()
}

/// An address reduced to the picture it names: no scheme, host, query or
/// fragment; no size or density variant (`-300x200`, `@2x`, `_2x`,
/// `-scaled`, `-800w`) in the file name; no path segment that is only a
/// size (`/96/`, `/w_300,h_200/`, `/600x400/`); lowercased.
fn identity(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default().to_lowercase();
    let path = match url.find("//") {
        Some(i) if url[..i].chars().all(|c| c.is_ascii_alphanumeric() || c == ':') => {
            let rest = &url[i + 2..];
            rest.find('/').map_or("", |j| &rest[j..])
        }
        _ => url.as_str(),
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let file = segments.pop().unwrap_or_default();
    segments.retain(|s| !is_size(s));
    // Number folders right above the file, too big for a day or month and
    // not a year, are a rendition size (`/96/`, `/160/160/`).
    while segments.last().is_some_and(|s| {
        s.parse::<u32>()
            .is_ok_and(|n| n > 31 && !(1900..=2100).contains(&n))
    }) {
        segments.pop();
    }
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let mut stem = stem.to_string();
    loop {
        let before = stem.len();
        for suffix in ["@2x", "@3x", "_2x", "-2x", "-scaled"] {
            if let Some(s) = stem.strip_suffix(suffix) {
                stem = s.to_string();
            }
        }
        if let Some((head, tail)) = stem.rsplit_once(['-', '_'])
            && is_size(tail)
        {
            stem = head.to_string();
        }
        if stem.len() == before {
            break;
        }
    }
    format!("{}/{stem}.{ext}", segments.join("/"))
}

/// `300x200`, `800w`, `w_300,h_200`, `c_fill,w_600`: a size, not a name.
fn is_size(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    s.split_once('x').is_some_and(|(w, h)| digits(w) && digits(h))
        || s.strip_suffix('w').is_some_and(digits)
        || (s.contains('_')
            && s.split(',').all(|p| {
                p.split_once('_')
                    .is_some_and(|(k, _)| k.len() <= 2 && k.chars().all(|c| c.is_ascii_lowercase()))
            }))
}

#[cfg(test)]
mod tests {
    use super::identity;

    #[test]
    fn sizes_and_hosts_do_not_make_another_picture() {
        let a = identity("https://cdn.example.com/uploads/2024/05/flood-300x200.jpg?v=2");
        assert_eq!(a, identity("/uploads/2024/05/flood.jpg"));
        assert_eq!(identity("/img/96/author.png"), identity("/img/160/author.png"));
        assert_eq!(
            identity("https://miro.medium.com/fit/c/160/160/1*v.jpeg"),
            identity("https://miro.medium.com/fit/c/96/96/1*v.jpeg")
        );
        assert_eq!(identity("/a/logo@2x.png"), identity("/a/logo.png"));
        assert_eq!(
            identity("https://res.example.com/image/upload/w_300,h_200/boat.jpg"),
            identity("https://res.example.com/image/upload/c_fill,w_800/boat.jpg")
        );
        assert_ne!(identity("/img/flood-1.jpg"), identity("/img/flood-2.jpg"));
        assert_ne!(identity("/2024/05/a.jpg"), identity("/2024/06/a.jpg"));
    }
}
