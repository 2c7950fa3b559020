//! SVG files (which `imagesize` does not read): well-formedness, namespace
//! prefixes, and the size the root element declares.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::ImageInfo;
use super::source::Source;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The size an SVG document's root declares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Declared {
    /// From `width` and `height` (in px or unitless), else scaled from the
    /// `viewBox`.
    pub size: (u32, u32),
    /// Both `width` and `height` were given: the picture has a size of its
    /// own, not only proportions.
    pub intrinsic: bool,
}

/// The declared size of an SVG document, or why the file is not a valid
/// SVG.
pub fn size(bytes: &[u8]) -> Result<Option<Declared>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = NsReader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut size = None;
    let mut root = true;
    loop {
        let line = |reader: &NsReader<&[u8]>| {
            let at = (reader.buffer_position() as usize).min(bytes.len());
            bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
        };
        let (ns, event) = match reader.read_resolved_event() {
            Ok(pair) => pair,
            Err(err) => {
                return Err(format!(
                    "XML error on line {}: {}",
                    line(&reader),
                    shown(&err.to_string())
                ));
            }
        };
        let unknown_prefix = |ns: &ResolveResult| match ns {
            ResolveResult::Unknown(prefix) => Some(prefix.clone()),
            _ => None,
        };
        match event {
            Event::Start(el) | Event::Empty(el) => {
                if let Some(prefix) = unknown_prefix(&ns) {
                    return Err(format!(
                        "unbound namespace prefix `{}` on line {}",
                        shown(&prefix.to_string()),
                        line(&reader)
                    ));
                }
                let svg_namespace = match &ns {
                    ResolveResult::Bound(n) => n.as_ref() == SVG_NS,
                    _ => true,
                };
                if root && !(el.local_name().as_ref() == "svg" && svg_namespace) {
                    return Err("the root element is not <svg>".into());
                }
                for attr in el.attributes().with_checks(true) {
                    let attr = attr.map_err(|e| {
                        format!(
                            "XML error on line {}: {}",
                            line(&reader),
                            shown(&e.to_string())
                        )
                    })?;
                    let (ans, _) = reader.resolver().resolve_attribute(attr.key);
                    if let Some(prefix) = unknown_prefix(&ans) {
                        return Err(format!(
                            "unbound namespace prefix `{}` on line {}",
                            shown(&prefix.to_string()),
                            line(&reader)
                        ));
                    }
                }
                if root {
                    size = declared_size(&el);
                    root = false;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root {
        return Err("no <svg> element".into());
    }
    Ok(size)
}

/// Text from the file for a message: control characters (which could
/// drive a terminal) replaced, and at most 200 characters.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(200)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(200).is_some() {
        out.push('…');
    }
    out
}

fn declared_size(el: &BytesStart<'_>) -> Option<Declared> {
    // One pass over the attributes (a root element may have very many);
    // duplicates were refused already.
    let (mut width, mut height, mut view_box) = (None, None, None);
    for a in el.attributes().with_checks(false).flatten() {
        let slot = match a.key.as_ref() {
            "width" => &mut width,
            "height" => &mut height,
            "viewBox" => &mut view_box,
            _ => continue,
        };
        if slot.is_none() {
            *slot = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned());
        }
    }
    let length = |value: Option<String>| {
        let value = value?;
        let number = value.trim().strip_suffix("px").unwrap_or(value.trim());
        number
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
    };
    let view_box = view_box.and_then(|v| {
        let n: Vec<f64> = v
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        (n.len() == 4 && n[2] > 0.0 && n[3] > 0.0).then(|| (n[2], n[3]))
    });
    let (width, height) = (length(width), length(height));
    let intrinsic = width.is_some() && height.is_some();
    let (w, h) = match (width, height, view_box) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(vb)) => vb,
        _ => return None,
    };
    Some(Declared {
        size: (w.round().max(1.0) as u32, h.round().max(1.0) as u32),
        intrinsic,
    })
}

/// Text starting with a tag, with an `<svg` in its first 4 KB.
pub(super) fn matches(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with('<')) && text.contains("<svg")
}

/// SVG: well-formed XML with an `<svg>` root; the size from `width` and
/// `height` (in px or unitless) or the `viewBox`.
pub(super) fn probe(src: &Source<'_>, info: &mut ImageInfo) -> Result<(), String> {
    let Some(text) = src.all(8 * 1024 * 1024) else {
        return Ok(());
    };
    match size(&text) {
        Ok(declared) => {
            info.size = declared.map(|d| d.size);
            info.proportions_only = declared.is_some_and(|d| !d.intrinsic);
            Ok(())
        }
        Err(why) => Err(format!("is not a valid SVG: {why}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let svg = |s: &str| size(s.as_bytes()).map(|d| d.map(|d| (d.size, d.intrinsic)));
        assert_eq!(
            svg(r#"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="32px"/>"#),
            Ok(Some(((160, 32), true)))
        );
        assert_eq!(
            svg(
                r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 810 540"><g/></svg>"#
            ),
            Ok(Some(((810, 540), false)))
        );
        assert_eq!(
            svg(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"/>"#),
            Ok(None)
        );
    }

    #[test]
    fn invalid() {
        assert!(size(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>").is_err());
        assert!(
            size(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><x:g/></svg>")
                .unwrap_err()
                .contains("unbound namespace prefix `x`")
        );
        assert!(size(b"<html></html>").is_err());
    }
}
