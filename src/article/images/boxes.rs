//! Whether the layout keeps an image's box while it loads: a container
//! at a common ratio or holding its proportions with padding, a fixed
//! height, an out-of-flow or fixed bar, a size in the image's own style.

use scraper::{ElementRef, Node};

use crate::a11y;
use crate::html::{self, Attribute};

/// How many children of a container are looked at for a placeholder
/// `<canvas>` beside its picture.
const PLACEHOLDER_SIBLINGS: usize = 8;

/// How far above an image the container that keeps its box may be.
const BOX_LEVELS: usize = 3;

/// Classes that take a box out of the page's flow: the utility classes for
/// it (Tailwind's and atomic CSS's `absolute`, Bootstrap's
/// `position-absolute`, Atomizer's `Pos(a)` as Yahoo writes it), and
/// Foundation's dropdown, a hover card its style sheet places over the
/// page.
const OUT_OF_FLOW_CLASSES: &[&str] = &["absolute", "position-absolute", "Pos(a)", "f-dropdown"];

/// Classes that fix a bar to the window: Bootstrap's `position-fixed`,
/// `fixed-top` and `fixed-bottom`, Bootstrap 3's `navbar-fixed-top` and
/// `navbar-fixed-bottom`, `fixed` (Tailwind's utility, Foundation's top
/// bar) and Atomizer's `Pos(f)`. Nothing inside such a bar, however deep,
/// moves the page's text when it loads.
const FIXED_CLASSES: &[&str] = &[
    "fixed",
    "Pos(f)",
    "position-fixed",
    "fixed-top",
    "fixed-bottom",
    "navbar-fixed-top",
    "navbar-fixed-bottom",
];

/// How far above an image a container of fixed height may be.
const FIXED_HEIGHT_LEVELS: usize = 8;

/// A container that keeps the box of the image in it (see
/// [`super::Image::boxed`]), or takes it out of the page's flow
/// (`position:absolute` or `fixed`), where its size moves no text.
pub(super) fn boxed(vis: &a11y::Visibility, img: ElementRef<'_>) -> bool {
    // A row of fixed height keeps its box however deep the picture sits
    // in it (a member list's `style="height:40px"` rows), whether its
    // style or the page's style sheet fixes it.
    if img
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(FIXED_HEIGHT_LEVELS)
        .any(|el| fixed_height(el) || vis.fixes_height(el))
    {
        return true;
    }
    // A bar fixed to the window holds whatever is in it.
    if img.ancestors().filter_map(ElementRef::wrap).any(|el| {
        a11y::style(el, "position").is_some_and(|v| v.eq_ignore_ascii_case("fixed"))
            || el.value().attribute("class").is_some_and(|classes| {
                classes
                    .split_ascii_whitespace()
                    .any(|c| FIXED_CLASSES.contains(&c))
            })
    }) {
        return true;
    }
    // The page's style sheet holds the image's own box (`.hero__media {
    // position: absolute }`, `img.lead { aspect-ratio: 3 / 2 }`), or its
    // own style or class takes it out of the flow (an avatar's `Pos(a)`).
    if vis.holds_box(img) || out_of_flow(img) {
        return true;
    }
    img.ancestors()
        .filter_map(ElementRef::wrap)
        .take(BOX_LEVELS)
        .any(|el| {
            ratio_class(el)
                // The page's own style sheet holds the box
                // (`.image-wrapper { height: 0; padding-bottom: 56.25% }`).
                || vis.holds_box(el)
                || a11y::style(el, "aspect-ratio").is_some_and(|v| v != "auto")
                || percent_padding(el)
                || out_of_flow(el)
                // A `<canvas>` beside the picture holds the box at the
                // canvas's proportions (a React image's placeholder), and so
                // does an empty element with a percentage padding (`<div
                // class="placeholderImage" style="padding-bottom:56.25%">`)
                // or a class naming a ratio (`m-card--image-aspect-ratio-pusher`)
                // under a picture the stylesheet lays over it. It is among
                // a wrapper's first few children: a page's long run of
                // siblings is not searched once per image.
                || html::first_elements(el.children(), PLACEHOLDER_SIBLINGS)
                    .any(|c| c.value().name() == "canvas" || spacer(vis, c))
        })
}

/// The element's own style or class takes it out of the page's flow
/// (`position: absolute`, [`OUT_OF_FLOW_CLASSES`]).
fn out_of_flow(el: ElementRef<'_>) -> bool {
    a11y::style(el, "position").is_some_and(|v| v.eq_ignore_ascii_case("absolute"))
        || el.value().attribute("class").is_some_and(|classes| {
            classes
                .split_ascii_whitespace()
                .any(|c| OUT_OF_FLOW_CLASSES.contains(&c))
        })
}

/// A class that names a box drawn at a ratio: `aspect-ratio-4x3`,
/// `RatioFrame`, `ratio-16x9`, `four-by-three`, `th__2000_857`, `500x375`,
/// `thumb16_9`, `ar-1-1`,
/// and Bootstrap 4's `embed-responsive`.
fn ratio_class(el: ElementRef<'_>) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes.split_ascii_whitespace().any(|class| {
            if class == "embed-responsive" {
                return true;
            }
            let parts: Vec<String> = a11y::word_parts(class).collect();
            parts.iter().any(|p| {
                p.starts_with("ratio")
                    || p == "aspect"
                    || is_ratio(p)
                    || p.split_once('x').is_some_and(|(w, h)| is_pixel_size(w, h))
            }) || parts
                .windows(3)
                .any(|w| w[1] == "by" && is_ratio_term(&w[0]) && is_ratio_term(&w[2]))
                || parts.windows(2).any(|w| is_pixel_size(&w[0], &w[1]))
                || parts.windows(2).any(|w| common_ratio(&w[0], &w[1]))
                || parts
                    .windows(3)
                    .any(|w| w[0] == "ar" && common_ratio_terms(&w[1], &w[2]))
        })
    })
}

/// The proportions pictures are cropped to, width by height.
const COMMON_RATIOS: &[(u32, u32)] = &[
    (16, 9),
    (9, 16),
    (4, 3),
    (3, 4),
    (3, 2),
    (2, 3),
    (1, 1),
    (21, 9),
    (5, 4),
    (4, 5),
    (2, 1),
];

/// Two class parts that are a width and a height in one of the common
/// proportions, written apart after a ratio's abbreviation (`ar-1-1`,
/// `ar-16-9`).
fn common_ratio_terms(w: &str, h: &str) -> bool {
    let (Ok(w), Ok(h)) = (w.parse::<u32>(), h.parse::<u32>()) else {
        return false;
    };
    COMMON_RATIOS.contains(&(w, h))
}

/// A class part that is a word ending in a picture's width, and the next
/// part its height, in one of the common proportions (`thumb16_9`): not
/// a grid's `span6_12`, nor a fraction of the parent's width (`w-3/4`,
/// whose digits stand alone).
fn common_ratio(w: &str, h: &str) -> bool {
    let word = w.trim_end_matches(|c: char| c.is_ascii_digit());
    if word.is_empty() || word.len() == w.len() {
        return false;
    }
    common_ratio_terms(&w[word.len()..], h)
}

/// The most elements an empty placeholder may nest (`<div
/// class="…aspect-ratio-wrapper"><div class="…aspect-ratio-pusher">`).
const SPACER_NODES: usize = 4;

/// An element with no content whose padding (inline or from the page's
/// style sheet) is a percentage of its width, or a box (not a picture)
/// whose class names a ratio: it holds a box at the picture's proportions.
/// No content: no text and no picture, maybe a few empty elements nested
/// in it (a ratio wrapper around its pusher).
fn spacer(vis: &a11y::Visibility, el: ElementRef<'_>) -> bool {
    let picture = |e: ElementRef<'_>| {
        matches!(
            e.value().name(),
            "img"
                | "video"
                | "iframe"
                | "object"
                | "embed"
                | "input"
                | "svg"
                | "canvas"
                | "picture"
        )
    };
    (percent_padding(el) || vis.holds_box(el) || (!picture(el) && ratio_class(el)))
        && el.descendants().nth(SPACER_NODES * 2).is_none()
        && el.descendants().skip(1).all(|c| match c.value() {
            Node::Text(t) => t.trim().is_empty(),
            Node::Comment(_) => true,
            Node::Element(_) => ElementRef::wrap(c).is_some_and(|e| !picture(e)),
            _ => false,
        })
}

/// An inline `height` in pixels, or a utility class for a fixed height
/// (Tailwind's `h-24`, a site's `h-121`; not Tachyons' `h-25` to `h-100`,
/// which are percentages of the parent): the box keeps its height whatever
/// the picture (`<div style="height:52px">` around a 52-pixel thumbnail).
fn fixed_height(el: ElementRef<'_>) -> bool {
    a11y::style(el, "height").is_some_and(|v| {
        a11y::keyword(&v)
            .strip_suffix("px")
            .is_some_and(|n| n.trim().parse::<f64>().is_ok_and(|n| n >= 0.0))
    }) || utility_size(el, "h-")
}

/// A utility class for a fixed size on the axis `prefix` names (`h-`,
/// `w-`): Tailwind's `h-24`, `w-12`, a site's `h-121`; not Tachyons' and
/// Bootstrap's `h-25` to `h-100`, which are percentages of the parent.
fn utility_size(el: ElementRef<'_>, prefix: &str) -> bool {
    el.value().attribute("class").is_some_and(|classes| {
        classes.split_ascii_whitespace().any(|class| {
            class.strip_prefix(prefix).is_some_and(|n| {
                n.parse::<u32>()
                    .is_ok_and(|n| n > 0 && ![25, 50, 75, 100].contains(&n))
            })
        })
    })
}

/// An inline `padding-bottom` or `padding-top` in percent: the usual
/// placeholder that holds a picture's height before it loads.
fn percent_padding(el: ElementRef<'_>) -> bool {
    ["padding-bottom", "padding-top"]
        .iter()
        .any(|p| a11y::style(el, p).is_some_and(|v| v.ends_with('%')))
}

/// A class part that is an aspect ratio: `3x2`, `16x9` (`intrinsic-3x2`).
fn is_ratio(part: &str) -> bool {
    part.split_once('x').is_some_and(|(w, h)| {
        [w, h]
            .iter()
            .all(|n| n.parse::<u32>().is_ok_and(|n| (1..=32).contains(&n)))
    })
}

/// Two class parts that are a width and a height in pixels
/// (`th__2000_857`): a box drawn at those proportions. Grid classes'
/// column counts (`col-6-12`) are too small to be pixels.
fn is_pixel_size(w: &str, h: &str) -> bool {
    let px = |s: &str| s.parse::<u32>().is_ok_and(|n| (100..=10_000).contains(&n));
    px(w) && px(h)
}

/// One side of a ratio written out: `four_by_six`, `16-by-9`.
fn is_ratio_term(part: &str) -> bool {
    part.parse::<u32>().is_ok_and(|n| (1..=32).contains(&n))
        || matches!(
            part,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "sixteen"
        )
}

/// An inline style that fixes the box: `aspect-ratio`, or a height in
/// fixed units (in the style or the `height` attribute) with a width given
/// in fixed units or as a share of the container (in the style or the
/// `width` attribute: `width="100%" style="height:170px"`, `width="100%"
/// height="50"`), neither of which waits for the file; utility classes
/// for a fixed width and height (`w-12 h-12`); or a `position` that takes
/// the image out of the page's flow.
pub(super) fn styled_size(img: ElementRef<'_>) -> bool {
    let given = |v: &str| v != "auto" && v.starts_with(|c: char| c.is_ascii_digit());
    let fixed = |v: Option<String>| v.is_some_and(|v| given(&v) && !v.contains('%'));
    a11y::style(img, "aspect-ratio").is_some_and(|v| v != "auto")
        || (utility_size(img, "w-") && utility_size(img, "h-"))
        || a11y::style(img, "position")
            .is_some_and(|v| matches!(a11y::keyword(&v), "absolute" | "fixed"))
        || ((fixed(a11y::style(img, "height"))
            || fixed(
                img.value()
                    .attribute("height")
                    .map(|v| v.trim().to_string()),
            ))
            && (a11y::style(img, "width").is_some_and(|v| given(&v))
                || img
                    .value()
                    .attribute("width")
                    .is_some_and(|v| given(v.trim()))))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ratio_classes_name_common_proportions() {
        use super::{common_ratio, common_ratio_terms};
        assert!(common_ratio("thumb16", "9"));
        assert!(common_ratio_terms("1", "1") && common_ratio_terms("16", "9"));
        assert!(!common_ratio_terms("6", "12") && !common_ratio_terms("ar", "1"));
    }
}
