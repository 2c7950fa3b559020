//! What the image files' embedded metadata (IPTC, XMP, EXIF) says about
//! a figure's picture, in the words rules use: shared by the caption rules,
//! whose help quotes it, and `caption-metadata-mismatch`, which compares
//! it with the caption.

use crate::article::Figure;
use crate::assets::metadata::{Fields, Metadata, Standard};
use crate::rules::Context;
use crate::rules::image::own_files;

/// The embedded metadata of the first of the figure's images with any
/// (in its `src` or `srcset` files).
pub fn embedded<'a>(ctx: &Context<'a>, figure: &Figure) -> Option<&'a Metadata> {
    ctx.article.images_of(figure).find_map(|img| {
        own_files(ctx, img)
            .map(|info| &info.metadata)
            .find(|m| !m.is_empty())
    })
}

/// The name of the date field in a metadata standard.
pub fn date_field(standard: Standard) -> &'static str {
    match standard {
        Standard::Iptc => "Date Created",
        Standard::Xmp => "DateCreated",
        Standard::Exif => "DateTimeOriginal",
    }
}

/// What a caption can lack that the image file may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    Credit,
    Date,
    Place,
}

/// A caption rule's help, with what the image file's embedded metadata
/// says about the element the caption lacks appended ("…; the image
/// file's IPTC By-line is 'Jane Doe' and its Credit Line 'AP'"), when
/// the file has it.
pub fn help_with_metadata(
    ctx: &Context<'_>,
    figure: &Figure,
    element: Element,
    help: &str,
) -> String {
    let Some(meta) = embedded(ctx, figure) else {
        return help.to_string();
    };
    let standards = [
        (Standard::Iptc, &meta.iptc),
        (Standard::Xmp, &meta.xmp),
        (Standard::Exif, &meta.exif),
    ];
    let hint = match element {
        Element::Credit => standards
            .into_iter()
            .find(|(_, f)| f.credit.is_some() || !f.byline.is_empty() || f.source.is_some())
            .map(|(standard, fields)| describe_credit(standard, fields)),
        Element::Date => meta.date().map(|(standard, date)| {
            format!("{} {} is {date}", standard.label(), date_field(standard))
        }),
        Element::Place => standards.into_iter().find_map(|(standard, f)| {
            let parts: Vec<&str> = [&f.sublocation, &f.city, &f.state, &f.country]
                .into_iter()
                .filter_map(|p| p.as_deref())
                .collect();
            (!parts.is_empty())
                .then(|| format!("{} location is '{}'", standard.label(), parts.join(", ")))
        }),
    };
    match hint {
        Some(hint) => format!("{help}; the image file's {hint}"),
        None => help.to_string(),
    }
}

/// "IPTC By-line is 'Tom Pryce' and its Credit Line 'PA'".
pub fn describe_credit(standard: Standard, f: &Fields) -> String {
    let (byline, credit, source) = match standard {
        Standard::Iptc => ("By-line", "Credit Line", "Source"),
        Standard::Xmp => ("creator", "Credit", "Source"),
        Standard::Exif => ("Artist", "credit", "source"),
    };
    let mut parts = Vec::new();
    if !f.byline.is_empty() {
        parts.push((byline, f.byline.join("; ")));
    }
    if let Some(c) = &f.credit {
        parts.push((credit, c.clone()));
    }
    if let Some(s) = &f.source
        && parts.len() < 2
    {
        parts.push((source, s.clone()));
    }
    let mut out = format!("{} ", standard.label());
    for (i, (name, value)) in parts.iter().enumerate() {
        match i {
            0 => out.push_str(&format!("{name} is '{value}'")),
            _ => out.push_str(&format!(" and its {name} '{value}'")),
        }
    }
    out
}
