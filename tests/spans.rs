//! Exact source spans over messy markup: every element and attribute must
//! point at the bytes it was written at, whatever the tree builder did.

use presslint::diagnostic::Span;
use presslint::html::{Attribute, Document};
use scraper::ElementRef;

fn parse(src: &str) -> Document {
    Document::parse(src.to_string())
}

fn nth<'a>(doc: &'a Document, name: &'a str, n: usize) -> ElementRef<'a> {
    doc.elements_named(name)
        .nth(n)
        .unwrap_or_else(|| panic!("no {name} #{n}"))
}

fn text(doc: &Document, span: Span) -> &str {
    doc.source_text(span).expect("span on char boundaries")
}

#[test]
fn start_tag_and_attribute_value() {
    let doc = parse(r#"<p>Lead <img src="/gc4/a.webp" alt="Putin and Kim"> text</p>"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(
        text(&doc, doc.tag_span(img)),
        r#"<img src="/gc4/a.webp" alt="Putin and Kim">"#
    );
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Putin and Kim");
    assert_eq!(text(&doc, doc.attr_span(img, "src")), "/gc4/a.webp");
    assert!(!doc.spans(img).unwrap().implied);
}

#[test]
fn unquoted_single_quoted_bare_and_self_closing() {
    let doc = parse("<img alt=Kim src='k.jpg' hidden/><video controls></video>");
    let img = nth(&doc, "img", 0);
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Kim");
    assert_eq!(text(&doc, doc.attr_span(img, "src")), "k.jpg");
    assert_eq!(text(&doc, doc.attr_span(img, "hidden")), "hidden");
    assert_eq!(
        text(&doc, doc.tag_span(img)),
        "<img alt=Kim src='k.jpg' hidden/>"
    );
    let video = nth(&doc, "video", 0);
    assert_eq!(text(&doc, doc.attr_span(video, "controls")), "controls");
    // An absent attribute falls back to the start tag.
    assert_eq!(
        text(&doc, doc.attr_span(video, "muted")),
        "<video controls>"
    );
}

#[test]
fn empty_value_points_at_the_name() {
    let doc = parse(r#"<img src="x.jpg" alt="">"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "alt");
}

#[test]
fn crlf_and_multiline_tags() {
    let src = "<p>Line one\r\n<img\r\n  src=\"a.jpg\"\r\n  alt=\"Seoul\r\nstation\">\r\n</p>";
    let doc = parse(src);
    let img = nth(&doc, "img", 0);
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Seoul\r\nstation");
    assert!(text(&doc, doc.tag_span(img)).starts_with("<img\r\n"));
    assert!(text(&doc, doc.tag_span(img)).ends_with("station\">"));
}

#[test]
fn multibyte_utf8() {
    let src = "<p>Зеленський у Києві — café</p><img alt=\"Київ, Україна\" src=\"é.jpg\">";
    let doc = parse(src);
    let img = nth(&doc, "img", 0);
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Київ, Україна");
    assert_eq!(text(&doc, doc.attr_span(img, "src")), "é.jpg");
    let p = nth(&doc, "p", 0);
    assert_eq!(
        text(&doc, doc.content_span(p).unwrap()),
        "Зеленський у Києві — café"
    );
}

#[test]
fn character_references_keep_raw_spans() {
    let doc =
        parse(r#"<img alt="Tom &amp; Jerry&#x2019;s &eacute;" src="a.jpg"><p title=a&amp>x</p>"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(img.value().attribute("alt"), Some("Tom & Jerry’s é"));
    assert_eq!(
        text(&doc, doc.attr_span(img, "alt")),
        "Tom &amp; Jerry&#x2019;s &eacute;"
    );
    let p = nth(&doc, "p", 0);
    assert_eq!(text(&doc, doc.attr_span(p, "title")), "a&amp");
}

#[test]
fn unclosed_tags() {
    let doc = parse("<p>one<p>two <img alt=a><li>x<li>y <img alt=b>");
    assert_eq!(text(&doc, doc.tag_span(nth(&doc, "p", 1))), "<p>");
    assert_eq!(text(&doc, doc.attr_span(nth(&doc, "img", 1), "alt")), "b");
    assert_eq!(text(&doc, doc.tag_span(nth(&doc, "li", 1))), "<li>");
    // <p> closed implicitly where the second <p> starts.
    let first = nth(&doc, "p", 0);
    assert_eq!(text(&doc, doc.content_span(first).unwrap()), "one");
}

#[test]
fn implied_elements_get_the_span_of_their_cause() {
    let src = "Breaking: <table><tr><td>1</td></tr></table>";
    let doc = parse(src);
    for name in ["html", "body"] {
        let el = nth(&doc, name, 0);
        assert!(doc.spans(el).unwrap().implied, "{name}");
        assert_eq!(text(&doc, doc.tag_span(el)), "Breaking: ", "{name}");
    }
    let tbody = nth(&doc, "tbody", 0);
    assert!(doc.spans(tbody).unwrap().implied);
    assert_eq!(text(&doc, doc.tag_span(tbody)), "<tr>");
    assert!(!doc.spans(nth(&doc, "tr", 0)).unwrap().implied);
    assert_eq!(text(&doc, doc.tag_span(nth(&doc, "tr", 0))), "<tr>");
    assert!(!doc.full_document);
}

#[test]
fn foster_parented_elements() {
    let src = r#"<table><img alt="Fostered" src="f.jpg"><tr><td>cell</td></tr></table>"#;
    let doc = parse(src);
    let img = nth(&doc, "img", 0);
    // The tree builder moves the image before the table; its span stays put.
    assert_eq!(
        img.parent()
            .and_then(ElementRef::wrap)
            .unwrap()
            .value()
            .name(),
        "body"
    );
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Fostered");
}

#[test]
fn adoption_agency_clones_are_implied() {
    let src = "<p><b>bold<p>next</b> after";
    let doc = parse(src);
    let bs: Vec<_> = doc.elements_named("b").collect();
    assert!(bs.len() >= 2);
    assert_eq!(text(&doc, doc.tag_span(bs[0])), "<b>");
    assert!(!doc.spans(bs[0]).unwrap().implied);
    for clone in &bs[1..] {
        assert!(doc.spans(*clone).unwrap().implied);
    }
}

#[test]
fn image_becomes_img() {
    let doc = parse(r#"<image src="old.jpg" alt="Old markup">"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(
        text(&doc, doc.tag_span(img)),
        r#"<image src="old.jpg" alt="Old markup">"#
    );
    assert!(!doc.spans(img).unwrap().implied);
}

#[test]
fn svg_attributes_are_found_case_insensitively() {
    let doc = parse(
        r#"<svg viewBox="0 0 10 10" role="img"><foreignObject width="5"></foreignObject></svg>"#,
    );
    let svg = nth(&doc, "svg", 0);
    assert_eq!(text(&doc, doc.attr_span(svg, "viewBox")), "0 0 10 10");
    assert_eq!(text(&doc, doc.attr_span(svg, "role")), "img");
    let fo = doc
        .elements()
        .find(|e| e.value().name() == "foreignObject")
        .unwrap();
    assert_eq!(text(&doc, doc.tag_span(fo)), r#"<foreignObject width="5">"#);
}

#[test]
fn uppercase_markup() {
    let doc = parse(r#"<P><IMG SRC="A.JPG" ALT="Caps"></P>"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "Caps");
}

#[test]
fn duplicate_attributes_first_wins() {
    let doc = parse(r#"<img alt="first" alt="second">"#);
    let img = nth(&doc, "img", 0);
    assert_eq!(img.value().attribute("alt"), Some("first"));
    assert_eq!(text(&doc, doc.attr_span(img, "alt")), "first");
}

#[test]
fn raw_text_elements_do_not_shift_following_spans() {
    let src = "<!doctype html><html lang=en><head><title>Putin &amp; Kim</title><style>p>a{}</style><script>if (a<b) {}</script></head><body><textarea><img alt=no></textarea><h1>Hi</h1></body></html>";
    let doc = parse(src);
    assert!(doc.full_document);
    let title = nth(&doc, "title", 0);
    assert_eq!(
        text(&doc, doc.content_span(title).unwrap()),
        "Putin &amp; Kim"
    );
    let script = nth(&doc, "script", 0);
    assert_eq!(text(&doc, doc.content_span(script).unwrap()), "if (a<b) {}");
    assert_eq!(
        doc.elements_named("img").count(),
        0,
        "textarea content is text"
    );
    assert_eq!(text(&doc, doc.tag_span(nth(&doc, "h1", 0))), "<h1>");
    assert_eq!(
        text(&doc, doc.attr_span(nth(&doc, "html", 0), "lang")),
        "en"
    );
}

#[test]
fn second_body_tag_attributes_are_merged_with_spans() {
    let doc = parse(r#"<!doctype html><body><p>x</p><body class="late">"#);
    let body = nth(&doc, "body", 0);
    assert_eq!(body.value().attribute("class"), Some("late"));
    assert_eq!(text(&doc, doc.attr_span(body, "class")), "late");
}

#[test]
fn byte_order_mark_is_not_content() {
    let src = "\u{feff}<!DOCTYPE html><html lang=\"en\"><body><img src=a.jpg></body></html>";
    let doc = parse(src);
    let html = nth(&doc, "html", 0);
    assert!(!doc.spans(html).unwrap().implied);
    assert_eq!(text(&doc, doc.attr_span(html, "lang")), "en");
    assert_eq!(
        text(&doc, doc.tag_span(nth(&doc, "img", 0))),
        "<img src=a.jpg>"
    );
}

#[test]
fn null_characters_and_comments() {
    let src = "<p>a\0b<!-- <img alt=x> --><img alt=\"after\"></p>";
    let doc = parse(src);
    assert_eq!(doc.elements_named("img").count(), 1);
    assert_eq!(
        text(&doc, doc.attr_span(nth(&doc, "img", 0), "alt")),
        "after"
    );
}

#[test]
fn figcaption_content_span() {
    let src = "<figure>\n  <img src=a.jpg alt=\"Kim\">\n  <figcaption>Kim in Amur. [AFP]</figcaption>\n</figure>";
    let doc = parse(src);
    let cap = nth(&doc, "figcaption", 0);
    assert_eq!(
        text(&doc, doc.content_span(cap).unwrap()),
        "Kim in Amur. [AFP]"
    );
}

#[test]
fn every_element_of_a_real_page_has_a_span_on_char_boundaries() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/seed-article.html"
    ))
    .unwrap_or_else(|_| "<p>ok</p>".into());
    let doc = parse(&src);
    for el in doc.elements() {
        let spans = doc
            .spans(el)
            .unwrap_or_else(|| panic!("{} has no span", el.value().name()));
        assert!(doc.source_text(spans.tag).is_some());
        if !spans.implied {
            assert!(
                text(&doc, spans.tag).starts_with('<'),
                "{}",
                el.value().name()
            );
        }
    }
}
