//! Which figures hold news photographs. The caption rules that ask for a
//! credit, a date and a place are about news photos: a chart, a
//! screenshot, a logo, a map, a video player, an author's headshot or a
//! thumbnail of another story is a figure too, but a photo desk would not
//! ask it who took it, when and where.
//!
//! A site can say what its photo figures are with a CSS selector
//! (`[captions] photo` in `presslint.toml`); otherwise the figure's own
//! words decide: the class, id and role of the figure and of the page
//! sections around it, the image's address and alt text, and the caption.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Selector};

use crate::a11y::{self, word_parts};
use crate::html::{Attribute, Document};

/// What is known about one figure when it is classified.
pub struct Seen<'a> {
    /// The `<figure>` or the element used as one.
    pub element: ElementRef<'a>,
    /// Its images.
    pub images: &'a [ElementRef<'a>],
    /// With no image yet, the alt text its `<noscript>` picture gives.
    pub lazy_alt: Option<&'a str>,
    /// Every address its images give (`src`, `srcset`, `<picture>`
    /// sources, lazy-loading attributes; `data:` URIs left out).
    pub addresses: &'a [&'a str],
    /// The caption element and its text as read.
    pub caption: Option<(ElementRef<'a>, &'a str)>,
    /// Every image links to another page: a teaser card.
    pub links_away: bool,
    /// The page's byline credits an artist for its pictures (see
    /// [`byline_credits_artist`]).
    pub artist_in_byline: bool,
}

/// Words in the class, id or role of a figure, its caption or its image
/// that say the picture is not a news photo (with [`NOT_STORY_WORDS`]).
const NOT_PHOTO_WORDS: &[&str] = &[
    "video",
    "videos",
    "playlist",
    "chart",
    "charts",
    "graph",
    "graphs",
    "graphic",
    "graphics",
    "infographic",
    "diagram",
    "map",
    "maps",
    "screenshot",
    "screenshots",
    "illustration",
    "illustrations",
    "logo",
    "logos",
    "icon",
    "icons",
    "avatar",
    "avatars",
    "headshot",
    "headshots",
    "mugshot",
    "author",
    "authors",
    "byline",
    "bio",
    "advertisement",
    "sponsor",
    "product",
    "products",
    "shop",
    "shopping",
    "affiliate",
    "newsletter",
    "podcast",
    "tweet",
    "twitter",
    "instagram",
    "sprite",
    "emoji",
    "badge",
    "nav",
    "navigation",
    "menu",
    "cartoon",
    "cartoons",
    "comic",
    "comics",
];

/// A class word naming a media player, alone or run together with its
/// maker's or kind's name (`player`, `cnnplayer`, `vidplayer`,
/// `jwplayer`), not a game's `multiplayer`.
fn names_player(word: &str) -> bool {
    word.ends_with("player") && word != "multiplayer"
}

/// Words in an image's address that say what kind of picture it is
/// (`/assets/site-logo.png`, `/avatars/96/jane.jpg`).
const NOT_PHOTO_ADDRESS: &[&str] = &[
    // A press clipping, a clip of a document (`Acknowledgements_Clip_Grey.jpg`)
    // or of a video.
    "clip",
    "logo",
    "logos",
    "icon",
    "icons",
    "avatar",
    "avatars",
    "headshot",
    "headshots",
    "sprite",
    "chart",
    "charts",
    "graph",
    "diagram",
    "infographic",
    "cutaway",
    "screenshot",
    "screenshots",
    "emoji",
    "badge",
    "placeholder",
    "map",
    "maps",
];

/// A book's ISBN-13 (`9782809712735_large.jpg`): the picture is the book's
/// cover, as shops and review pages name them.
fn is_isbn(word: &str) -> bool {
    word.len() == 13
        && (word.starts_with("978") || word.starts_with("979"))
        && word.chars().all(|c| c.is_ascii_digit())
}

/// Phrases of two words in an image's address that name a drawing.
const NOT_PHOTO_ADDRESS_PHRASES: &[&str] = &["cut away", "cross section", "mock up", "book cover"];

/// The file names YouTube gives a video's thumbnails
/// (`/vi/…/maxresdefault.jpg`): a frame of the video, handed out with it.
const VIDEO_FRAME_ADDRESS: &[&str] = &["maxresdefault", "hqdefault", "mqdefault", "sddefault"];

/// A picture whose address is a video's thumbnail (see
/// [`VIDEO_FRAME_ADDRESS`]): a frame of a trailer or a clip, to credit
/// but not to date or place.
pub fn video_frame(addresses: &[&str]) -> bool {
    addresses
        .iter()
        .any(|src| address_words(src).any(|w| VIDEO_FRAME_ADDRESS.contains(&w.as_str())))
}

/// Stock libraries named in an image's address (`…-unsplash.jpg`,
/// `/istockphoto-1234.jpg`).
const STOCK_ADDRESS: &[&str] = &[
    "unsplash",
    "istock",
    "istockphoto",
    "pexels",
    "pixabay",
    "shutterstock",
    "clipdealer",
];

/// A picture whose alt text or address names a stock library ("Credit:
/// iStock" in the alt, `…-unsplash.jpg`) when its caption does not: a
/// stock picture, to credit but not to date or place.
pub fn stock_named(alts: &[&str], addresses: &[&str]) -> bool {
    alts.iter().any(|alt| has_phrase(alt, NOT_NEWS_SOURCES))
        || addresses
            .iter()
            .any(|src| address_words(src).any(|w| STOCK_ADDRESS.contains(&w.as_str())))
}

/// Words in an image's address that say it is a lazy image's stand-in,
/// shown until a script loads the picture from another address.
const STAND_IN_ADDRESS: &[&str] = &["placeholder", "lazyload", "blank", "spacer", "transparent"];

/// Words in the class, id or role of a section around the figure that say
/// it is not the story but a list of other stories.
const NOT_STORY_WORDS: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "teaser",
    "teasers",
    "trending",
    "promo",
    "promos",
    "outbrain",
    "taboola",
    "sponsored",
    "playlist",
    "latest",
    "deals",
    "step",
    "steps",
    "howto",
    "tease",
    "teases",
    "promotion",
    "promotions",
];

/// Words and phrases that name a kind of picture other than a photograph,
/// anywhere in an alt text or a caption; [`LEADING_WORDS`] only at the
/// start ("Map: …", "Video: …").
const NOT_PHOTO_TEXT: &[&str] = &[
    "screenshot",
    "screenshots",
    "screen shot",
    "screen grab",
    "screengrab",
    "infographic",
    "diagram",
    "illustration",
    "illustrated",
    "rendering",
    "cartoon",
    "artist's impression",
    "artist's concept",
    "artist impression",
    "artist concept",
    "product shot",
    "press image",
    "composite",
    "photo montage",
    "photomontage",
    "photo collage",
    "cross section",
    "cutaway",
    "cut away",
    "mock up",
    "mockup",
    "infografik",
    "grafik",
    "infographie",
    "infografía",
    "infografica",
];

/// Credits that say the picture was not taken to report the story: a
/// stock library (or one of Getty's creative and archive collections), or
/// a picture handed in by its subject, a company or a reader. A photo desk
/// does not ask those when and where they were taken.
const NOT_NEWS_SOURCES: &[&str] = &[
    "istock",
    "istockphoto",
    "photodisc",
    "digital vision",
    "moodboard",
    "the image bank",
    "creatas",
    "jupiterimages",
    "stockbyte",
    "thinkstock",
    "adobe stock",
    "stock adobe com",
    "unsplash",
    "pexels",
    "pixabay",
    "twenty20",
    // Stock.xchng, later FreeImages.
    "sxc hu",
    "clipdealer",
    // Shutterstock's own site: its editorial pictures are credited
    // "Name/Shutterstock", its stock ones by the site or the library first
    // (see `stock_library_first`).
    "shutterstock com",
    // A picture borrowed under a Creative Commons licence ("Foto: CC-BY-NC
    // 2.0 David Merrigan"): its author, not the desk, knows when and where.
    "cc by",
    "creative commons",
    "stock xchng",
    "freeimages",
    "classicstock",
    "dreamstime",
    "depositphotos",
    "123rf",
    "archive photos",
    "moviepix",
    "science photo library",
    "bridgeman",
    "bridgeman images",
    "universal history archive",
    "hulton archive",
    "library of congress",
    "public domain",
    "submitted photo",
    "submitted by",
    "photo submitted",
    "contributed photo",
    "courtesy",
    "handout",
    // German "courtesy of", in full and as abbreviated ("© mit frdl.
    // Gen. von …").
    "mit freundlicher genehmigung",
    "mit frdl gen",
];

/// Screenshot, illustration and figure words of languages written without
/// spaces, found inside a caption's text.
const NOT_PHOTO_CJK: &[&str] = &[
    "操作画面",
    "画面キャプチャ",
    "スクリーンショット",
    "イラスト",
];

/// Words that name the kind of picture when they start a caption or an
/// alt text.
const LEADING_WORDS: &[&str] = &[
    "map", "chart", "graph", "graphic", "video", "watch", "icon", "artwork", "list",
];

/// How many levels above a figure a video's wrapper makes its picture the
/// video's.
const VIDEO_WRAPPER_LEVELS: usize = 2;

/// Whether the figure holds a news photo.
pub fn is_photo(seen: &Seen<'_>, selector: Option<&Selector>) -> bool {
    if let Some(selector) = selector {
        return selector.matches(&seen.element);
    }
    if seen.links_away {
        return false;
    }
    // No picture at all: a template's `<img src="" alt="">` under an empty
    // `<figcaption>`, which its script has not filled.
    if seen.addresses.is_empty()
        && seen.lazy_alt.is_none()
        && !seen.images.is_empty()
        && seen.images.iter().all(|img| {
            img.value()
                .attribute("src")
                .is_some_and(|src| src.trim().is_empty())
                && img.value().attrs().all(|(name, value)| {
                    !(name.ends_with("src") || name.ends_with("srcset")) || value.trim().is_empty()
                })
        })
    {
        return false;
    }
    // With no caption of its own to say otherwise, the picture is the
    // artist's the byline names.
    if seen.artist_in_byline && seen.caption.is_none() {
        return false;
    }
    let own_marks = std::iter::once(seen.element)
        .chain(seen.caption.map(|(c, _)| c))
        .chain(seen.images.iter().copied());
    if own_marks.clone().any(|e| {
        marked(e, |w| {
            NOT_PHOTO_WORDS.contains(&w) || NOT_STORY_WORDS.contains(&w) || names_player(w)
        })
    }) {
        return false;
    }
    // The elements between the figure and its picture: a video block's
    // fallback image (`<div class="g-asset g-video"><img>`) is the video's.
    if seen.images.iter().any(|img| {
        img.ancestors().any(|a| a.id() == seen.element.id())
            && img
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != seen.element.id())
                .any(|a| marked(a, |w| matches!(w, "video" | "videos") || names_player(w)))
    }) {
        return false;
    }
    // The picture of a video's card: the figure sits in the player's own
    // wrapper (`<div class="videoContainer"><svg class="play">…<figure>`).
    if seen
        .element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(VIDEO_WRAPPER_LEVELS)
        .any(|a| marked(a, |w| matches!(w, "video" | "videos") || names_player(w)))
    {
        return false;
    }
    if seen
        .element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take_while(|a| a.value().name() != "body")
        .any(|a| {
            matches!(a.value().name(), "nav" | "footer" | "aside")
                || marked(a, |w| NOT_STORY_WORDS.contains(&w))
        })
    {
        return false;
    }
    if in_story_card(seen.element) || in_shop_card(seen.element) {
        return false;
    }
    // A player or an embed in the figure.
    if seen
        .element
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|d| matches!(d.value().name(), "video" | "iframe" | "object" | "embed"))
    {
        return false;
    }
    // A lazy image's stand-in (`/img/placeholder.png`) says nothing about
    // the picture a script puts in its place.
    let stand_in = |src: &&str| address_words(src).any(|w| STAND_IN_ADDRESS.contains(&w.as_str()));
    let mut addresses: Vec<&str> = seen
        .addresses
        .iter()
        .copied()
        .filter(|a| !stand_in(a))
        .collect();
    if addresses.is_empty() {
        addresses = seen.addresses.to_vec();
    }
    let served: Vec<String> = addresses.iter().filter_map(|a| served_address(a)).collect();
    addresses.extend(served.iter().map(String::as_str));
    if addresses_name_other_picture(&addresses) {
        return false;
    }
    // A PNG, GIF or SVG with no JPEG, WebP or AVIF version (a lazy image's
    // placeholder GIF does not count against its JPEG), unless the
    // figure's own caption credits a photographer.
    if drawing_format(&addresses)
        && !seen.caption.is_some_and(|(caption, text)| {
            caption.ancestors().any(|a| a.id() == seen.element.id())
                && (credits_photographer(text) || shows_people(text))
        })
    {
        return false;
    }
    if seen.lazy_alt.is_some_and(alt_names_other_picture) {
        return false;
    }
    for img in seen.images {
        if a11y::attr(*img, "alt").is_some_and(alt_names_other_picture) {
            return false;
        }
        if tiny(*img) || rule_line(*img) || phone_screen(*img) {
            return false;
        }
    }
    // A lazy picture's stand-in element declares the size for its script
    // (`<div class="js-delayed-image-load" data-width="624"
    // data-height="2">`): a rule between sections, as an image would be.
    if seen.images.is_empty()
        && seen
            .element
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().attribute("data-src").is_some() && rule_line(e))
    {
        return false;
    }
    if seen.caption.is_some_and(|(caption, text)| {
        caption_names_other_picture(text)
            || caption_links_to_source(caption)
            || has_phrase(text, NOT_NEWS_SOURCES)
            || stock_library_first(text)
    }) {
        return false;
    }
    if seen.images.iter().any(|img| links_to_file_page(*img)) {
        return false;
    }
    // A thumbnail that opens a PNG, GIF or SVG original: a screenshot.
    !seen.images.iter().any(|img| {
        img.ancestors()
            .filter_map(ElementRef::wrap)
            .take_while(|a| a.id() != seen.element.id())
            .find(|a| a.value().name() == "a")
            .and_then(|a| a.value().attribute("href"))
            .is_some_and(|href| format_of(href) == Some(false))
    })
}

/// Words that open a photographer's credit ("Photo: Jane Doe",
/// "Photograph by Jane Doe", "Foto: Reuters").
const PHOTO_CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photography",
    "photographed",
    "foto",
    "fotos",
];

/// The caption credits the picture to a photographer: a site that serves
/// its pictures as PNG still says which are photographs. ("Photo
/// composite by …" names another kind of picture and is caught by the
/// caption's words; a line after the figure, "Top photo by …", may
/// credit another picture, so only a caption inside the figure counts.)
fn credits_photographer(caption: &str) -> bool {
    crate::text::credit::find_all(caption, &[])
        .iter()
        .filter(|(f, _)| matches!(f.kind, "label" | "by"))
        .filter_map(|(f, _)| caption.get(f.start..f.end))
        .any(|credit| {
            words(credit)
                .first()
                .is_some_and(|w| PHOTO_CREDIT_WORDS.contains(&w.as_str()))
        })
}

/// Words after the names of the people a caption shows: "David Rolf at
/// the summit", "Priscilla Chan and Mark Zuckerberg", "Jane Doe, left,".
const AFTER_NAMES: &[&str] = &["at", "and", "with", "during"];

/// The caption opens with the names of the people the picture shows
/// (each two or three capitalised words), alone or followed by where they
/// are: a site that serves its pictures as PNG still shows people in
/// them. A name followed by a verb ("Google Maps shows…") is not read so.
fn shows_people(caption: &str) -> bool {
    let tokens: Vec<&str> = caption.split_whitespace().collect();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.clone().next().is_some()
            && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-' || c == '’')
    };
    let mut at = 0;
    loop {
        let name = tokens[at..]
            .iter()
            .take(3)
            .take_while(|w| capitalised(w.trim_end_matches([',', '.'])))
            .count();
        if name < 2
            || tokens[at..at + name]
                .iter()
                .any(|w| OPENING_WORDS.contains(&w.to_lowercase().as_str()))
        {
            return false;
        }
        at += name;
        let last = tokens[at - 1];
        if at == tokens.len() || last.ends_with(',') || last.ends_with('.') {
            return true;
        }
        match tokens[at] {
            "and" if at + 1 < tokens.len() => at += 1,
            w => return AFTER_NAMES.contains(&w),
        }
    }
}

/// Capitalised words that open a caption without naming a person.
const OPENING_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "my",
    "our",
    "image",
    "photo",
    "screenshot",
];

/// How a byline credits the artist who made a story's pictures.
const ARTIST_BYLINES: &[&str] = &[
    "illustration by",
    "illustrations by",
    "illustrated by",
    "photo illustration by",
    "photo illustrations by",
    "artwork by",
    "art by",
    "drawings by",
    "animation by",
];

/// The page's byline (an element whose class, id or role names it one)
/// opens by crediting an illustrator: "Illustration by Claire Lordon" under
/// the headline says whose work the story's pictures are. A picture with
/// no caption of its own on that page is the artist's, not a news photo.
pub fn byline_credits_artist(doc: &Document) -> bool {
    doc.elements()
        // Most elements are ruled out without splitting their names.
        .filter(|el| {
            ["class", "id", "role"].iter().any(|name| {
                el.value()
                    .attribute(name)
                    .is_some_and(|v| crate::a11y::has_piece(v, "byline"))
            })
        })
        .filter(|el| marked(*el, |w| matches!(w, "byline" | "bylines")))
        .any(|el| {
            let text: String = el.text().take(8).collect();
            let text = words(&text).join(" ");
            ARTIST_BYLINES
                .iter()
                .any(|phrase| text.starts_with(&format!("{phrase} ")))
        })
}

/// How a story's credits line names the photographer of all its pictures.
const PAGE_PHOTO_CREDITS: &[&str] = &["photographs by", "photos by", "photography by"];

/// A contributor's role in brackets after their name in a credits line:
/// "by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)".
const PAGE_PHOTO_ROLES: &[&str] = &["(photography)", "(photographs)", "(photos)"];

/// The longest credits line read for a photographer (a story's paragraph
/// that happens to say "photos by" is not a credits line).
const CREDITS_LINE: usize = 300;

/// The page credits its pictures as a whole, in a short line outside any
/// figure ("Produced by …, Photographs by Lexey Swall, Written by …"; "Photos
/// by Jane Doe" under the story; a standfirst's "by Jane Doe (reporting)
/// and John Roe (photography)"): a caption there need not repeat the
/// photographer's name. Singular credits ("Photo by …") name one picture
/// and are read with that picture.
pub fn page_credits_photographs(doc: &Document) -> bool {
    doc.elements().any(|el| {
        // Every phrase says "by" or opens a bracketed role: an element
        // whose own text does neither is ruled out without copying it.
        let may_credit = el.children().any(|c| {
            c.value().as_text().is_some_and(|t| {
                t.as_bytes()
                    .windows(2)
                    .any(|w| w.eq_ignore_ascii_case(b"by") || w == b"(p")
            })
        });
        if !may_credit {
            return false;
        }
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        let own = own
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        own.chars().count() <= CREDITS_LINE
            && (PAGE_PHOTO_CREDITS.iter().any(|phrase| {
                own.match_indices(phrase).any(|(at, _)| {
                    let before = &own[..at];
                    before.is_empty() || [", ", "; ", "and "].iter().any(|s| before.ends_with(s))
                })
            }) || PAGE_PHOTO_ROLES.iter().any(|role| own.contains(role)))
            // Asked only of a credits line: the walk up stays rare.
            && !el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "figure")
            && !doc.visibility.is_hidden(el)
    })
}

/// The most nodes a story card holds.
const CARD_NODES: usize = 400;

/// The figure is the picture of an item in a list of stories: the item
/// (`<li>`, `role="listitem"`) has a headline of its own and a link to
/// another page.
fn in_story_card(figure: ElementRef<'_>) -> bool {
    let Some(item) = figure
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(6)
        .find(|a| a.value().name() == "li" || a.value().attribute("role") == Some("listitem"))
    else {
        return false;
    };
    // A card is small: an item with more in it is a section of the page
    // (and the work stays bounded however many figures it holds).
    if item.descendants().nth(CARD_NODES).is_some() {
        return false;
    }
    let outside = |d: &ElementRef<'_>| !d.ancestors().any(|a| a.id() == figure.id());
    let mut inside = item
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(outside);
    let headline = inside.clone().any(|d| {
        matches!(d.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            || d.value().attribute("role") == Some("heading")
    });
    let elsewhere = |h: &str| {
        let h = h.trim();
        !h.is_empty() && !h.starts_with('#')
    };
    // The item itself may carry the story's address for a script to
    // follow (`<li class="NewsFeed-item" data-url="/mlb/news/…">`).
    headline
        && (["data-url", "data-href", "data-link"]
            .iter()
            .any(|name| item.value().attribute(name).is_some_and(elsewhere))
            || inside.any(|d| {
                d.value().name() == "a" && d.value().attribute("href").is_some_and(elsewhere)
            }))
}

/// The caption links to where the picture comes from: an online shop (the
/// picture is the product's), a stock library, or the picture's file page
/// on a wiki (its credit
/// "Kevin" linking to `…/wiki/Kernel_panic#/media/File:Kernel-panic.jpg`).
fn caption_links_to_source(caption: ElementRef<'_>) -> bool {
    caption
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter_map(|a| a.value().attribute("href"))
        .any(|href| shop_or_stock_address(href) || file_page_address(href))
}

/// A credit that names the stock library before its contributor ("©
/// Shutterstock/racorn"), as stock pictures are credited; an editorial
/// picture names its photographer first ("Andrew Harnik/Shutterstock").
fn stock_library_first(text: &str) -> bool {
    static FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:shutterstock|istock)\s*/\s*\w").expect("stock first")
    });
    FIRST.is_match(text)
}

/// The address is an online shop's, a stock library's or a photo-sharing
/// site's (Flickr: a picture borrowed from its author).
fn shop_or_stock_address(href: &str) -> bool {
    let Some((_, rest)) = href.split_once("://") else {
        return false;
    };
    let host = rest
        .split(['/', '?'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    host.split('.').any(|label| {
        matches!(
            label,
            "amazon"
                | "rakuten"
                | "ebay"
                | "etsy"
                | "twenty20"
                | "unsplash"
                | "pexels"
                | "pixabay"
                | "istockphoto"
                | "shutterstock"
                | "clipdealer"
                | "flickr"
        )
    }) || host.starts_with("amzn.")
}

/// How far up from a figure a product card is looked for.
const CARD_LEVELS: usize = 3;

/// The figure is the picture of a product card: a small block around it
/// whose headline links to an online shop (a shopping gallery's item,
/// "Organic Tortilla Chips" linking to the shop under the product's
/// picture). The product's picture is the shop's, not a news photo.
fn in_shop_card(figure: ElementRef<'_>) -> bool {
    figure
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(CARD_LEVELS)
        // A card is small (and the work stays bounded).
        .take_while(|block| block.descendants().nth(CARD_NODES).is_none())
        .any(|block| {
            block.descendants().filter_map(ElementRef::wrap).any(|a| {
                a.value().name() == "a"
                    && a.value()
                        .attribute("href")
                        .is_some_and(shop_or_stock_address)
                    && (a
                        .descendants()
                        .chain(a.ancestors())
                        .filter_map(ElementRef::wrap)
                        .any(|h| {
                            matches!(h.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                        }))
            })
        })
}

/// The picture links to its own description page on a wiki
/// (`/wiki/File:Milford_Sound.jpg`, or the media viewer's
/// `/wiki/Kernel_panic#/media/File:Kernel-panic.jpg`): an encyclopedia's
/// picture, whose author, date and place are kept on that page.
fn links_to_file_page(img: ElementRef<'_>) -> bool {
    img.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "a")
        .and_then(|a| a.value().attribute("href"))
        .is_some_and(file_page_address)
}

/// A wiki's description page of a picture file (see
/// [`links_to_file_page`]).
fn file_page_address(href: &str) -> bool {
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let path = path.split('?').next().unwrap_or("");
    let viewer = fragment.strip_prefix("/media/").unwrap_or("");
    [path.rsplit('/').next().unwrap_or(""), viewer]
        .iter()
        .any(|last| {
            let last = crate::assets::resolve::percent_decode(last);
            last.split_once(':').is_some_and(|(namespace, name)| {
                !name.is_empty() && FILE_NAMESPACES.contains(&namespace.to_lowercase().as_str())
            })
        })
}

/// The names MediaWiki gives its file namespace in the larger languages.
const FILE_NAMESPACES: &[&str] = &[
    "file",
    "image",
    "datei",
    "bild",
    "fichier",
    "archivo",
    "ficheiro",
    "bestand",
    "plik",
    "файл",
    "ファイル",
    "文件",
    "파일",
];

/// The address of the picture an image proxy serves, given in its query
/// (`/images/dims?image_uri=https%3A%2F%2F…%2Fgallery-screenshot-1.jpg`,
/// `/_next/image?url=%2Fuploads%2Fsales-chart.png`): the proxy's own path
/// says nothing about the picture, that address does. Only an address of
/// a picture file counts: a page's address passed along is not the picture.
/// A proxy may serve another proxy's picture (AOL's `dims` around its own
/// `dims`): the innermost address is the picture's.
fn served_address(src: &str) -> Option<String> {
    served_within(src, PROXY_LEVELS)
}

/// How many proxies deep a served address is looked for.
const PROXY_LEVELS: usize = 3;

fn served_within(src: &str, levels: usize) -> Option<String> {
    let levels = levels.checked_sub(1)?;
    let (_, query) = src.split_once('?')?;
    let query = query.split('#').next().unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(_, value)| crate::assets::resolve::percent_decode(value))
        .filter(|value| {
            let lower = value.to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with('/')
        })
        .find_map(|value| {
            if format_of(&value.to_ascii_lowercase()).is_some() {
                Some(value)
            } else {
                served_within(&value, levels)
            }
        })
}

/// Whether an address's file is in a photo format (JPEG, WebP, AVIF,
/// HEIC), in one that screenshots, charts, diagrams, logos and animations
/// come in (PNG, GIF, SVG), or neither says (no extension).
fn format_of(src: &str) -> Option<bool> {
    let path = src
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let ext = path.rsplit_once('.').map(|(_, e)| e)?;
    // An image service's style after the extension (`.png-w600`,
    // `.jpg!thumb`, `.jpeg@2x`) leaves the format as it was.
    let ext = ext.split(['-', '!', '@']).next().unwrap_or(ext);
    match ext {
        "jpg" | "jpeg" | "webp" | "avif" | "heic" | "jxl" => Some(true),
        "png" | "gif" | "svg" => Some(false),
        _ => None,
    }
}

/// The element's class, id or role has a word part `words` accepts,
/// in a name that does not describe a state (`has-related`, `is-promo`,
/// `no-author`, `non-ad-column`).
fn marked(el: ElementRef<'_>, words: impl Fn(&str) -> bool) -> bool {
    // WordPress's post container lists the terms the story is filed under
    // as classes (`tag-deals`, `category-related`, `promo_status-promo`):
    // they say nothing of the block, which is the story itself.
    let post = el
        .value()
        .classes()
        .any(|c| c.eq_ignore_ascii_case("hentry") || c.eq_ignore_ascii_case("type-post"));
    ["class", "id", "role"].iter().any(|name| {
        if post && *name == "class" {
            return false;
        }
        el.value().attribute(name).is_some_and(|v| {
            v.split_ascii_whitespace()
                .filter(|name| {
                    let lower = name.to_ascii_lowercase();
                    !["is-", "has-", "no-", "non-", "with-", "show-", "hide-"]
                        .iter()
                        .any(|state| lower.starts_with(state))
                })
                .flat_map(word_parts)
                .any(|p| words(&p))
        })
    })
}

/// The words of an image address's path (`/images/author-logo_2x.png` →
/// images, author, logo, 2x, png).
fn address_words(src: &str) -> impl Iterator<Item = String> + '_ {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    word_parts(path)
}

/// Text that says the picture is a screenshot, chart, map, logo,
/// illustration or video, as a whole word or phrase.
fn names_other_picture(text: &str) -> bool {
    has_phrase(text, NOT_PHOTO_TEXT)
        || NOT_PHOTO_CJK.iter().any(|w| text.contains(w))
        // "…の画面", "ホーム画面": a caption or one of its sentences
        // ending in "screen" names a screenshot ("画面左" is where someone
        // stands in a photo).
        || text.split(['。', '！', '？']).any(|sentence| {
            sentence
                .trim_end_matches(|c: char| c.is_whitespace() || ".、）)".contains(c))
                .ends_with("画面")
        })
        // "Firefox logo" is the logo; "The WeWork logo is displayed outside
        // a co-working space" is a photo of a street.
        || words(text).len() <= 6 && has_phrase(text, &["logo"])
}

/// The text has one of `phrases` as whole words.
pub(super) fn has_phrase(text: &str, phrases: &[&str]) -> bool {
    let found = words(text);
    phrases.iter().any(|phrase| {
        let want = words(phrase);
        found.windows(want.len()).any(|w| w == want.as_slice())
    })
}

/// An address names a picture that is no news photo: a logo, an icon, a
/// chart, a map, a screenshot, a book's cover by its ISBN
/// (`9782809712735_large.jpg`), a cutaway.
fn addresses_name_other_picture(addresses: &[&str]) -> bool {
    addresses.iter().any(|src| {
        let words: Vec<String> = address_words(src).collect();
        words.iter().any(|w| NOT_PHOTO_ADDRESS.contains(&w.as_str()) || is_isbn(w))
            // `Radial-Tire-Cut-Away-with-Labels.jpg`
            || has_phrase(&words.join(" "), NOT_PHOTO_ADDRESS_PHRASES)
    })
}

/// The picture comes only as PNG, GIF or SVG, with no JPEG, WebP or AVIF
/// version: the formats of screenshots, charts, diagrams, logos and
/// animations.
fn drawing_format(addresses: &[&str]) -> bool {
    addresses.iter().any(|a| format_of(a) == Some(false))
        && !addresses.iter().any(|a| format_of(a) == Some(true))
}

/// What a Markdown picture's address says, as a figure's addresses do in
/// HTML: not a news photo when it names a logo, a chart, a screenshot…,
/// or when it is a PNG, GIF or SVG whose caption does not credit a
/// photographer or name the people shown.
pub fn address_says_photo(src: &str, caption: Option<&str>) -> bool {
    let served = served_address(src);
    let addresses: Vec<&str> = std::iter::once(src).chain(served.as_deref()).collect();
    let credited = caption.is_some_and(|text| credits_photographer(text) || shows_people(text));
    !addresses_name_other_picture(&addresses) && (!drawing_format(&addresses) || credited)
}

/// What an alt text and a caption alone say: not a screenshot, chart, map,
/// logo, illustration or video.
pub fn words_say_photo(alt: Option<&str>, caption: Option<&str>) -> bool {
    !alt.is_some_and(alt_names_other_picture) && !caption.is_some_and(caption_names_other_picture)
}

fn alt_names_other_picture(alt: &str) -> bool {
    names_other_picture(alt) || leads_with_kind(alt)
}

fn caption_names_other_picture(caption: &str) -> bool {
    names_other_picture(caption)
        || leads_with_kind(caption)
        || ends_with_kind(caption)
        || writers_own(caption)
}

/// Words that name the kind of picture when they close a caption ("Line
/// Outline, 19/20 Graphic"), where they are not an adjective before a
/// noun ("graphic scenes").
const CLOSING_WORDS: &[&str] = &["graphic", "graphics"];

/// The caption ends by naming the kind of picture (see [`CLOSING_WORDS`]).
fn ends_with_kind(text: &str) -> bool {
    words(text)
        .last()
        .is_some_and(|w| CLOSING_WORDS.contains(&w.as_str()))
}

/// First-person possessives that open a caption written by the story's
/// author about their own things: "My newly streamlined inbox…".
const FIRST_PERSON: &[&str] = &["my", "mein", "meine", "mon"];

/// The caption speaks of the writer's own things (see [`FIRST_PERSON`]): a
/// snapshot or a screenshot of their own, not a news photo.
fn writers_own(text: &str) -> bool {
    words(text)
        .first()
        .is_some_and(|w| FIRST_PERSON.contains(&w.as_str()))
}

/// The text starts by naming the kind of picture ("Map: …", "A chart of
/// …"); later, "map" or "watch" is what the people shown do or look at.
fn leads_with_kind(text: &str) -> bool {
    words(text)
        .iter()
        .find(|w| !matches!(w.as_str(), "a" | "an" | "the"))
        .is_some_and(|w| LEADING_WORDS.contains(&w.as_str()))
}

/// The lowercased words of a text.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// An image declared at most 100 × 100 pixels: an icon, an avatar or a
/// thumbnail.
fn tiny(img: ElementRef<'_>) -> bool {
    let px = |name| declared_px(img, name);
    matches!((px("width"), px("height")), (Some(w), Some(h)) if w <= 100 && h <= 100)
}

/// A size attribute's whole pixels (`282`, `282px`).
fn declared_px(img: ElementRef<'_>, name: &str) -> Option<u32> {
    a11y::attr(img, name).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
}

/// An image declared in a phone screen's portrait proportions, 9:16 to
/// within one per cent, and at most a phone's width (`width="282"
/// height="501"`): a screenshot of an app, which a review shows beside
/// its text. (A news photo cropped upright is cropped 2:3 or 4:5, or 1:2,
/// as al.com's 300 × 600.)
fn phone_screen(img: ElementRef<'_>) -> bool {
    let px = |name| declared_px(img, name);
    matches!((px("width"), px("height")), (Some(w), Some(h))
        if w > 0 && w <= PHONE_WIDTH && (f64::from(w) / f64::from(h) / (9.0 / 16.0) - 1.0).abs() <= 0.01)
}

/// The widest a phone's screenshot is shown in a story, in CSS pixels.
const PHONE_WIDTH: u32 = 480;

/// An image declared as a thin strip, twenty times or more as wide as it
/// is high (`width="464" height="2"`, `data-width="1200" data-height="24"`):
/// a rule between sections of the story, drawn as a picture.
fn rule_line(img: ElementRef<'_>) -> bool {
    let px = |names: [&str; 2]| names.iter().find_map(|name| declared_px(img, name));
    matches!(
        (px(["width", "data-width"]), px(["height", "data-height"])),
        (Some(w), Some(h)) if h > 0 && w >= h * 20
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_kinds_of_picture_are_named_as_words() {
        assert!(caption_names_other_picture(
            "A screenshot of the new settings page"
        ));
        assert!(caption_names_other_picture(
            "Map: Flow of foreign fighters to Syria"
        ));
        assert!(caption_names_other_picture("Firefox logo"));
        assert!(alt_names_other_picture("A map of the flooded districts"));
        assert!(!alt_names_other_picture(
            "Three people at a lectern in front of a large fire map"
        ));
        // Not inside other words, and "map" or "watch" later in a caption
        // is what the people in the photo do.
        assert!(!caption_names_other_picture(
            "Firefighters in Maple Ridge, B.C."
        ));
        assert!(!caption_names_other_picture(
            "Protesters march past the Chartres cathedral"
        ));
        assert!(!caption_names_other_picture(
            "Residents watch the water rise in Paiporta"
        ));
    }

    #[test]
    fn phrases_with_apostrophes_and_japanese_words_are_found() {
        assert!(caption_names_other_picture(
            "An artist’s impression of the probe's descent (ESA/ATG medialab)"
        ));
        assert!(caption_names_other_picture("「WinRAR」の操作画面"));
        assert!(caption_names_other_picture(
            "こちらは前モデルでの画面。ゲームモードの選択肢がありません"
        ));
        // The phone's screen in a product photo is not a screenshot.
        assert!(!caption_names_other_picture(
            "画面は小さくても解像度は高いので実用性は十分"
        ));
        assert!(!caption_names_other_picture(
            "The artist poses with her impression of the city"
        ));
    }

    #[test]
    fn a_wiki_picture_links_to_its_file_page() {
        let links = |href: &str| {
            let html = format!(r#"<a href="{href}"><img src="/k.jpg"></a>"#);
            let doc = scraper::Html::parse_fragment(&html);
            let img = doc
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "img")
                .unwrap();
            links_to_file_page(img)
        };
        assert!(links(
            "https://en.wikipedia.org/wiki/File:Milford_Sound.jpg"
        ));
        assert!(links(
            "https://en.wikipedia.org/wiki/Kernel_panic#/media/File:Kernel-panic.jpg"
        ));
        assert!(!links("https://en.wikipedia.org/wiki/Kernel_panic"));
        assert!(!links("/news/2019/03/kernel-panic#comments"));
    }

    #[test]
    fn a_proxy_serves_the_picture_its_query_names() {
        assert_eq!(
            served_address(
                "https://o.example.com/images/dims?quality=85&image_uri=http%3A%2F%2Fo.example.com%2Fx%2FXbox%2Bscreenshot%2B1.jpg&client=a1"
            )
            .as_deref(),
            Some("http://o.example.com/x/Xbox+screenshot+1.jpg")
        );
        // AOL's proxy serving its own proxy's picture.
        assert_eq!(
            served_address(
                "https://o.example.com/images/dims?resize=980%2C640&image_uri=https%3A%2F%2Fo.example.com%2Fimages%2Fdims%3Fcrop%3D1600%252C900%26image_uri%3Dhttp%253A%252F%252Fo.example.com%252Fx%252FXbox%252Bscreenshot%252B8.jpg%26client%3Da1&client=c2"
            )
            .as_deref(),
            Some("http://o.example.com/x/Xbox+screenshot+8.jpg")
        );
        // A page's address passed along is not the picture.
        assert_eq!(
            served_address(
                "https://example.com/img/123.jpg?ref=https%3A%2F%2Fexample.com%2Fmaps-of-the-flood"
            ),
            None
        );
        assert_eq!(
            format_of("http://img.example.cn/uploads/a.png-w600"),
            Some(false)
        );
        assert_eq!(format_of("https://example.com/a.jpg!thumb"), Some(true));
        assert_eq!(
            format_of("https://example.com/dims4/resize/630x342!/quality/90/"),
            None
        );
    }

    #[test]
    fn a_byline_crediting_an_illustrator_is_found() {
        let credits = |html: &str| byline_credits_artist(&Document::parse(html.to_string()));
        assert!(credits(
            r#"<p class="byline"><span class="byline__preamble">Illustration by </span><a href="/c/claire-lordon">Claire Lordon</a></p>"#
        ));
        assert!(credits(
            r#"<div class="article-byline">Photo illustration by Mark Graves</div>"#
        ));
        // The writer's byline, and an illustrator named elsewhere.
        assert!(!credits(
            r#"<p class="byline">By Jane Doe</p><p>Illustration by Claire Lordon</p>"#
        ));
        assert!(!credits(
            r#"<p class="byline">By Jane Doe, who wrote about the art by Banksy</p>"#
        ));
    }

    #[test]
    fn a_caption_naming_a_graphic_or_the_writers_own_things_is_no_news_photo() {
        assert!(caption_names_other_picture("Line Outline, 19/20 Graphic"));
        assert!(caption_names_other_picture(
            "My newly streamlined, uncluttered inbox has a grand total of five folders."
        ));
        // An adjective before its noun, and a person's possessive.
        assert!(!caption_names_other_picture(
            "Designers at work on the festival's graphic identity"
        ));
        assert!(!caption_names_other_picture(
            "Her mother kept my letters, she says."
        ));
    }

    #[test]
    fn a_credits_line_naming_the_photographer_is_found() {
        let credits = |html: &str| page_credits_photographs(&Document::parse(html.to_string()));
        assert!(credits(
            r#"<p class="story-producer">Produced by Ana Ruiz and Josh Lee, Photographs by Lexey Swall, Written by Graham Bowley</p>"#
        ));
        assert!(credits(r#"<p><em>Photography by Dan Seifert.</em></p>"#));
        // A standfirst naming each contributor's part.
        assert!(credits(
            r#"<p>by <span itemprop="author"><a href="/profile/jane-doe">Jane Doe</a></span> (reporting) and John Roe (photography)</p>"#
        ));
        // One picture's credit, or a credit inside a figure, is that picture's.
        assert!(!credits(r#"<p><em>Photo by Dan Seifert.</em></p>"#));
        assert!(!credits(
            r#"<figure><img src="a.jpg" alt=""><figcaption>Photographs by Jane Doe</figcaption></figure>"#
        ));
        // A story's sentence that mentions photos by someone is no credits line.
        assert!(!credits(
            r#"<p>The museum shows photos by local students alongside the paintings.</p>"#
        ));
    }

    #[test]
    fn a_caption_naming_the_people_shown_is_read_as_such() {
        assert!(shows_people("David Rolf at my 2015 Next:Economy Summit"));
        assert!(shows_people("Priscilla Chan and Mark Zuckerberg"));
        assert!(shows_people("Jane Doe, left, with John Roe"));
        // A product or a place doing something, an article, one word.
        assert!(!shows_people("Google Maps shows the new route"));
        assert!(!shows_people("The New Inbox at a glance"));
        assert!(!shows_people("Settings"));
        assert!(!shows_people("Windows Terminal in dark mode"));
    }

    #[test]
    fn a_caption_linking_to_a_shop_is_a_product_shot() {
        let html = scraper::Html::parse_fragment(
            r#"<figcaption>Image: <a href="https://www.amazon.co.jp/dp/B077S361DY/">Amazon.co.jp</a></figcaption>
            <figcaption>Photo: <a href="https://www.reuters.com/photographers/">Reuters</a></figcaption>
            <figcaption>From <a href="/2019/03/amazon-warehouse-strike">our report</a></figcaption>"#,
        );
        let captions: Vec<bool> = html
            .select(&Selector::parse("figcaption").unwrap())
            .map(caption_links_to_source)
            .collect();
        assert_eq!(captions, [true, false, false]);
    }
}
