//! Edge cases of each rule, table-driven: (rule, markup, how many times the
//! rule must fire).

use presslint::engine::Selection;

fn count(rule: &str, html: &str) -> usize {
    let selection = Selection {
        select: vec![rule.to_string()],
        ignore: Vec::new(),
    };
    presslint::lint_source("case.html".into(), html.to_string(), &selection.active())
        .diagnostics
        .len()
}

const DOC: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>";

#[test]
fn cases() {
    let cases: &[(&str, &str, usize)] = &[
        // img-alt-missing: exemptions and other names
        ("img-alt-missing", "<img src=a.jpg>", 1),
        ("img-alt-missing", "<img src=a.jpg alt=''>", 0),
        ("img-alt-missing", "<img src=a.jpg role=presentation>", 0),
        ("img-alt-missing", "<img src=a.jpg role=none>", 0),
        ("img-alt-missing", "<img src=a.jpg role=none tabindex=0>", 1),
        ("img-alt-missing", "<img src=a.jpg aria-hidden=true>", 0),
        (
            "img-alt-missing",
            "<div aria-hidden=TRUE><img src=a.jpg></div>",
            0,
        ),
        ("img-alt-missing", "<img src=a.jpg hidden>", 0),
        (
            "img-alt-missing",
            "<div style='display: none'><img src=a.jpg></div>",
            0,
        ),
        (
            "img-alt-missing",
            "<img src=a.jpg aria-label='Kim in Amur'>",
            0,
        ),
        ("img-alt-missing", "<img src=a.jpg aria-label='  '>", 1),
        (
            "img-alt-missing",
            "<span id=c>Kim in Amur</span><img src=a.jpg aria-labelledby=c>",
            0,
        ),
        (
            "img-alt-missing",
            "<img src=a.jpg aria-labelledby=missing>",
            1,
        ),
        ("img-alt-missing", "<img src=a.jpg title='Kim in Amur'>", 0),
        ("img-alt-missing", "<noscript><img src=a.jpg></noscript>", 0),
        ("img-alt-missing", "<template><img src=a.jpg></template>", 0),
        // img-alt-whitespace
        ("img-alt-whitespace", "<img src=a.jpg alt='  '>", 1),
        ("img-alt-whitespace", "<img src=a.jpg alt='&nbsp;'>", 1),
        ("img-alt-whitespace", "<img src=a.jpg alt=''>", 0),
        // img-alt-filename
        ("img-alt-filename", "<img src=a.jpg alt='DSC_1234.jpg'>", 1),
        (
            "img-alt-filename",
            "<img src=a.jpg alt='IMG_20240101_101010'>",
            1,
        ),
        ("img-alt-filename", "<img src=a.jpg alt='photo.png'>", 1),
        (
            "img-alt-filename",
            "<img src=a.jpg alt='https://cdn.example.com/a.jpg'>",
            1,
        ),
        (
            "img-alt-filename",
            "<img src='/x/kim-putin_0913.webp' alt='kim-putin_0913'>",
            1,
        ),
        (
            "img-alt-filename",
            "<img src=a.jpg alt='Kim Jong Un at the cosmodrome'>",
            0,
        ),
        // img-alt-placeholder
        ("img-alt-placeholder", "<img src=a.jpg alt='Photo'>", 1),
        ("img-alt-placeholder", "<img src=a.jpg alt='image.'>", 1),
        ("img-alt-placeholder", "<img src=a.jpg alt='spacer'>", 1),
        (
            "img-alt-placeholder",
            "<img src=a.jpg alt='Photographer Jung Yeon-je'>",
            0,
        ),
        // img-alt-redundant-words: word boundaries, case, position
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='Image of Putin and Kim'>",
            1,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='A photo of the summit'>",
            1,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='PICTURE OF the launch pad'>",
            1,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='Kim at the cosmodrome, photo'>",
            1,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='Imagery of the launch pad'>",
            0,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='Photographer at the summit'>",
            0,
        ),
        (
            "img-alt-redundant-words",
            "<img src=a.jpg alt='A photographic exhibition'>",
            0,
        ),
        ("img-alt-redundant-words", "<img src=a.jpg alt='photo'>", 0),
        // img-alt-too-long
        (
            "img-alt-too-long",
            &format!("<img src=a.jpg alt='{}'>", "x".repeat(151)),
            1,
        ),
        (
            "img-alt-too-long",
            &format!("<img src=a.jpg alt='{}'>", "x".repeat(150)),
            0,
        ),
        // img-alt-duplicate
        (
            "img-alt-duplicate",
            "<img src=a.jpg alt='Kim'><img src=b.jpg alt='kim'>",
            1,
        ),
        (
            "img-alt-duplicate",
            "<img src=a.jpg alt='Kim'><img src=a.jpg alt='Kim'>",
            0,
        ),
        (
            "img-alt-duplicate",
            "<img src=a.jpg alt=''><img src=b.jpg alt=''>",
            0,
        ),
        // names
        ("role-img-name-missing", "<div role=img class=map></div>", 1),
        (
            "role-img-name-missing",
            "<div role=img aria-label='Map of Amur province'></div>",
            0,
        ),
        (
            "role-img-name-missing",
            "<span role='img presentation'></span>",
            1,
        ),
        (
            "svg-img-name-missing",
            "<svg role=img><circle r=4></circle></svg>",
            1,
        ),
        (
            "svg-img-name-missing",
            "<svg role=img><title>Shells produced per year</title></svg>",
            0,
        ),
        (
            "svg-img-name-missing",
            "<svg role=img aria-hidden=true></svg>",
            0,
        ),
        (
            "svg-img-name-missing",
            "<svg><circle role=graphics-symbol r=4></circle></svg>",
            1,
        ),
        ("svg-img-name-missing", "<svg aria-hidden=true></svg>", 0),
        (
            "input-image-alt-missing",
            "<input type=image src=search.png>",
            1,
        ),
        (
            "input-image-alt-missing",
            "<input type=IMAGE src=search.png alt=' '>",
            1,
        ),
        (
            "input-image-alt-missing",
            "<input type=image src=search.png alt=Search>",
            0,
        ),
        (
            "input-image-alt-missing",
            "<input type=image src=search.png value=Search>",
            1,
        ),
        (
            "area-alt-missing",
            "<map name=m><area href=/north shape=rect coords=0,0,1,1></map>",
            1,
        ),
        (
            "area-alt-missing",
            "<map name=m><area shape=rect coords=0,0,1,1></map>",
            0,
        ),
        (
            "area-alt-missing",
            "<map name=m><area href=/north alt='North Korea'></map>",
            0,
        ),
        (
            "object-name-missing",
            "<object data=chart.svg type=image/svg+xml></object>",
            1,
        ),
        (
            "object-name-missing",
            "<object data=chart.svg title='Shell output, 2022-2023'></object>",
            0,
        ),
        (
            "iframe-title-missing",
            "<iframe src=https://www.youtube.com/embed/x></iframe>",
            1,
        ),
        (
            "iframe-title-missing",
            "<iframe src=x title=' '></iframe>",
            1,
        ),
        (
            "iframe-title-missing",
            "<iframe src=x title='Video: the summit'></iframe>",
            0,
        ),
        (
            "iframe-title-missing",
            "<iframe src=x tabindex=-1></iframe>",
            0,
        ),
        ("iframe-title-missing", "<iframe src=x hidden></iframe>", 0),
        ("link-name-missing", "<a href=/x></a>", 1),
        ("link-name-missing", "<a href=/x><img src=a.jpg></a>", 1),
        (
            "link-name-missing",
            "<a href=/x><img src=a.jpg alt='Home'></a>",
            0,
        ),
        (
            "link-name-missing",
            "<a href=/x><i class=icon aria-hidden=true></i></a>",
            1,
        ),
        (
            "link-name-missing",
            "<a href=/x aria-label='Share on Facebook'><i aria-hidden=true></i></a>",
            0,
        ),
        (
            "link-name-missing",
            "<a href=/x><svg><title>Share</title></svg></a>",
            0,
        ),
        ("link-name-missing", "<a name=top></a>", 0),
        (
            "link-name-missing",
            "<a href=/x><i class='fa fa-comments' title=Comments></i></a>",
            0,
        ),
        (
            "link-name-missing",
            "<a href=/x><noscript class=loading-lazy><img src=a.jpg alt='Issue 8'></noscript></a>",
            0,
        ),
        (
            "link-name-missing",
            "<a href=/x><noscript><img src=a.jpg alt='Issue 8'></noscript></a>",
            1,
        ),
        (
            "link-name-missing",
            "<a href=/x title='Back to top'></a>",
            0,
        ),
        ("link-name-missing", "<span role=link tabindex=0></span>", 1),
        // headings
        ("heading-order", "<h1>A</h1><h3>B</h3>", 1),
        (
            "heading-order",
            "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h4>E</h4>",
            1,
        ),
        ("heading-order", "<h2>A</h2><h3>B</h3><h1>C</h1>", 0),
        (
            "heading-order",
            "<h3>First heading may be any level</h3><h4>B</h4>",
            0,
        ),
        (
            "heading-order",
            "<h1>A</h1><div role=heading aria-level=4>B</div>",
            1,
        ),
        ("heading-order", "<h1>A</h1><h3 hidden>B</h3>", 0),
        (
            "heading-h1-missing",
            &format!(
                "{DOC}<h2>Rescue efforts</h2><p>Crews rescued dozens of drivers from flooded roads overnight.</p>"
            ),
            1,
        ),
        // The headline written as a paragraph: the title repeated.
        (
            "heading-h1-missing",
            "<!DOCTYPE html><title>Floods close roads | The Courier</title><p class=title>Floods close roads</p>",
            1,
        ),
        // Nothing to mark up: a heading and no text, or text and no headline.
        ("heading-h1-missing", &format!("{DOC}<h2>A</h2>"), 0),
        (
            "heading-h1-missing",
            "<!DOCTYPE html><title>Document</title><p>Lorem ipsum dolor sit amet, consectetur.</p>",
            0,
        ),
        ("heading-h1-missing", &format!("{DOC}<h1>A</h1>"), 0),
        ("heading-h1-missing", "<h2>A fragment</h2>", 0),
        ("heading-h1-multiple", "<h1>A</h1><h1>B</h1><h1>C</h1>", 2),
        (
            "heading-h1-multiple",
            "<h1>A</h1><h1 aria-hidden=true>B</h1>",
            0,
        ),
        ("heading-empty", "<h2></h2>", 1),
        ("heading-empty", "<h2> &nbsp; </h2>", 1),
        ("heading-empty", "<h2><img src=logo.png alt=''></h2>", 1),
        (
            "heading-empty",
            "<h2><img src=logo.png alt='Al Jazeera'></h2>",
            0,
        ),
        ("heading-empty", "<h2 aria-label='Latest'></h2>", 0),
        ("heading-empty", "<h2><span title='Latest'></span></h2>", 0),
        // A slot a script fills, with its list.
        (
            "heading-empty",
            "<h3 id=top-head></h3><div></div><ul id=top-list></ul>",
            0,
        ),
        ("heading-empty", "<h3></h3><ul><li>Story</li></ul>", 1),
        (
            "heading-empty",
            "<h2><span aria-hidden=true>x</span></h2>",
            1,
        ),
        // document
        ("document-lang", "<!DOCTYPE html><html><title>T</title>", 1),
        (
            "document-lang",
            "<!DOCTYPE html><html lang=''><title>T</title>",
            1,
        ),
        (
            "document-lang",
            "<!DOCTYPE html><html lang=english><title>T</title>",
            1,
        ),
        (
            "document-lang",
            "<!DOCTYPE html><html lang=en-GB><title>T</title>",
            0,
        ),
        ("document-lang", "<p>A fragment</p>", 0),
        (
            "document-title",
            "<!DOCTYPE html><html lang=en><head></head>",
            1,
        ),
        (
            "document-title",
            "<!DOCTYPE html><html lang=en><title> </title>",
            1,
        ),
        (
            "document-title",
            "<!DOCTYPE html><html lang=en><svg><title>x</title></svg>",
            1,
        ),
        (
            "document-title",
            "<!DOCTYPE html><html lang=en><title>Putin hosts Kim</title>",
            0,
        ),
        ("document-title", "<p>A fragment</p>", 0),
        // media
        (
            "video-captions-missing",
            "<video controls src=a.mp4></video>",
            1,
        ),
        (
            "video-captions-missing",
            "<video controls src=a.mp4><track kind=descriptions src=d.vtt></video>",
            1,
        ),
        (
            "video-captions-missing",
            "<video controls src=a.mp4><track kind=captions src=c.vtt></video>",
            0,
        ),
        (
            "video-captions-missing",
            "<video controls src=a.mp4><track src=c.vtt></video>",
            0,
        ),
        (
            "video-captions-missing",
            "<video autoplay muted loop src=bg.mp4></video>",
            0,
        ),
        // A slideshow's credit line linking to the agency's page is a
        // credit, so the slide is a captioned photo (RIA Novosti's).
        (
            "caption-date-missing",
            "<div class=slide><div class=photoview><span class=photoview__copyright><a href=/docs/copyright.html>© RIA Novosti / Alexei Kudenko</a></span><span class=photoview__desc-text><p>Hundreds of people took to the streets with flags.</p></span><img src=/images/2020/11/10/1583877919.jpg alt='People with flags on a street' width=600 height=338></div></div>",
            1,
        ),
        // A block of schema.org microdata for machines is not drawn.
        (
            "link-name-missing",
            "<div class=article__meta itemscope itemtype=https://schema.org/Article><div itemprop=mainEntityOfPage>https://example.ru/20201112/story.html</div><a itemprop=url href=https://example.ru/20201112/story.html></a><div itemprop=headline>Lavrov: no Turkish peacekeepers</div><div itemprop=datePublished>2020-11-12T12:37</div></div>",
            0,
        ),
        (
            "link-name-missing",
            "<div itemscope itemtype=https://schema.org/Person><a itemprop=url href=/people/lavrov></a><span itemprop=name>Sergei Lavrov</span></div>",
            1,
        ),
        // A date a script writes into an empty <time>.
        (
            "link-name-missing",
            "<a href='/story?comment=2390458' class=live__item__date><time class=time data-date=1610544493></time></a>",
            0,
        ),
        // An avatar Atomizer's classes take out of the flow.
        (
            "img-unsized",
            "<div class='Mih(84px)'><img class='Bdrs(48%) Pos(a) W(84px) H(84px)' src=/avatars/kc2.jpg alt=''></div>",
            0,
        ),
        // A plain line before a highlighter's wrapper introduces its code.
        (
            "heading-fake",
            "<p>The harbour authority published the tide readings as a CSV file, one line per reading, and the council's data desk loaded them into a table.</p><p>You will also need to add a new repository</p><div class=geshifilter><pre>&lt;repository&gt;…&lt;/repository&gt;</pre></div><p>Then build the project and run the loader against the readings from the winter storms.</p>",
            0,
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(rule, html, expected)| {
            let got = count(rule, html);
            (got != *expected).then(|| format!("{rule}: expected {expected}, got {got}: {html}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn cases_from_review() {
    let cases: &[(&str, &str, usize)] = &[
        (
            "img-alt-duplicate",
            "<img src='data:image/gif;base64,R0lGOD' data-src=/g/1.webp alt='Rescuers carry a child'><img src='data:image/gif;base64,R0lGOD' data-src=/g/2.webp alt='Rescuers carry a child'>",
            1,
        ),
        (
            "role-img-name-missing",
            "<svg role=img aria-label=Map><g role=img><title>Kherson</title></g></svg>",
            0,
        ),
        (
            "heading-order",
            "<h2 role=tab>Timeline</h2><h4>Reaction</h4>",
            0,
        ),
        (
            "heading-order",
            "<h1>A</h1><h3 role=none aria-label=B>B</h3>",
            1,
        ),
    ];
    for (rule, html, expected) in cases {
        assert_eq!(count(rule, html), *expected, "{rule}: {html}");
    }
}

/// A page that captions and credits none of its photos is not reported,
/// but a Markdown draft is: its captions may all still be to write.
#[test]
fn a_page_without_any_caption_is_left_alone_but_not_a_draft() {
    let selection = Selection {
        select: vec!["figure-caption-missing".to_string()],
        ignore: Vec::new(),
    };
    let lint = |name: &str, source: &str| {
        presslint::lint_source(name.into(), source.to_string(), &selection.active())
            .diagnostics
            .len()
    };
    let markdown = "# Valencia floods\n\n![Residents wade through waist-deep water](/images/2024/10/30/street.webp)\n\nThe water rose overnight.\n\n![Cars piled against a bridge](/images/2024/10/30/paiporta-cars.webp)\n";
    assert_eq!(lint("draft.md", markdown), 2);
    let html = format!(
        "{DOC}<h1>Valencia floods</h1><figure><img src=\"/images/2024/10/30/street.webp\" alt=\"Residents wade through waist-deep water\"></figure><p>The water rose overnight.</p><figure><img src=\"/images/2024/10/30/paiporta-cars.webp\" alt=\"Cars piled against a bridge\"></figure>"
    );
    assert_eq!(lint("page.html", &html), 0);
    // One credited photo is enough to show the page captions its photos.
    let credited = html.replacen(
        "</figure>",
        "<figcaption>Residents wade through a street in Paiporta. (Jorge Ferrer/AFP)</figcaption></figure>",
        1,
    );
    assert_eq!(lint("page.html", &credited), 1);
}

/// A short line before a thematic break closes its section, in Markdown as
/// in HTML; the same line before the next paragraph opens one.
#[test]
fn a_line_before_a_thematic_break_is_no_subheading() {
    let selection = Selection {
        select: vec!["heading-fake".to_string()],
        ignore: Vec::new(),
    };
    let lint = |source: &str| {
        presslint::lint_source("story.md".into(), source.to_string(), &selection.active())
            .diagnostics
            .len()
    };
    let opens = "The council voted on Tuesday to close the harbour road for the winter.\n\nWhat the residents say\n\nResidents said they had not been told about the closure before the vote.\n";
    assert_eq!(lint(opens), 1);
    let closes = opens.replace(
        "What the residents say\n\n",
        "What the residents say\n\n---\n\n",
    );
    assert_eq!(lint(&closes), 0);
}
