//! Frames, objects and players the article does not own: advertising
//! slots, ad networks' frames and tracking helpers. Their markup comes from
//! a third party at load time, so a finding on them is not fixable from
//! the article; the name and caption rules leave them alone.

use scraper::ElementRef;

use crate::a11y;
use crate::html::Attribute;

/// Words in a class or id that mark an advertising slot (`ad-slot`,
/// `GoogleDfpAd`, `cnx-ad-slot`, `adsbygoogle`, `sponsored-video`), and
/// the ad networks whose name sites give their slots (`medianet`,
/// `ligatus`, `module__nativo`, Alibaba's `tanxssp`, Yahoo! Japan's `yads`).
const AD_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adsbygoogle",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "dfp",
    "gpt",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "zergnet",
    "revcontent",
    "openx",
    "medianet",
    "ligatus",
    "nativo",
    "tanxssp",
    "yads",
];

/// Hosts that serve advertising, and frames that only run scripts.
const AD_HOSTS: &[&str] = &[
    "doubleclick.net",
    "googlesyndication.com",
    "googleadservices.com",
    "2mdn.net",
    "adnxs.com",
    "amazon-adsystem.com",
    "criteo.com",
    "taboola.com",
    "outbrain.com",
    "pos.baidu.com",
    "cpro.baidu.com",
    "vi-serve.com",
    "l.qq.com",
    "3lift.com",
    "dianomi.com",
    "outbrainimg.com",
    "mathtag.com",
    "zergnet.com",
    "revcontent.com",
    "afp.alicdn.com",
    "turn.com",
    "exelator.com",
    "distroscale.com",
    "jsrdn.com",
    "pixanalytics.com",
    "adfox.ru",
    "adriver.ru",
    "adocean.pl",
    "rcm.amazon.com",
    "adform.net",
    "smartadserver.com",
    "rubiconproject.com",
    "pubmatic.com",
    "adition.com",
    "teads.tv",
    "sharethrough.com",
    "serving-sys.com",
    "flashtalking.com",
    "grmtas.com",
    "gourmetads.com",
    "gemini.yahoo.com",
];

/// The element, or an element a few levels around it, is an advertising
/// slot, or it loads from an ad network.
pub fn is_advert(el: ElementRef<'_>) -> bool {
    let address = ["src", "data"]
        .iter()
        .filter_map(|a| a11y::attr(el, a))
        .any(|src| src.trim().to_ascii_lowercase().starts_with("javascript:") || on_ad_host(src));
    address
        || a11y::attr(el, "title").is_some_and(|t| t.trim().eq_ignore_ascii_case("advertisement"))
        || self_and_ancestors(el, SLOT_LEVELS)
            .take_while(|a| a.value().name() != "body")
            // A slot named as an ad's, or a link to an ad network (a
            // player's "Powered by DistroScale" logo).
            .any(|a| {
                marked_as_ad(a)
                    || (a.value().name() == "a" && a11y::attr(a, "href").is_some_and(on_ad_host))
            })
}

/// The page an ad's AdChoices icon opens: the industry's opt-out sites,
/// or Yahoo's page on the ads it shows (`…/privacy/us/yahoo/relevantads.html`).
fn ad_choices(href: &str) -> bool {
    let url = href.trim().to_ascii_lowercase();
    ["aboutads.info", "youradchoices.com", "youradchoices.ca"]
        .iter()
        .any(|host| host_is(&url, host))
        || url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .ends_with("/relevantads.html")
}

/// The address is on an ad network's host ([`AD_HOSTS`]).
fn on_ad_host(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    AD_HOSTS.iter().any(|host| host_is(&url, host))
}

/// The element or its parent is named as an advertising slot: a title or
/// link the ad network writes into its slot (`ad--sponsor-content__title`,
/// the links of a `tanxssp` unit). Closer than [`is_advert`]: a rail with
/// an ad word in its name also holds the site's own headings and links.
pub fn in_ad_slot(el: ElementRef<'_>) -> bool {
    // A link to an ad network's click counter (`c.l.qq.com/lclick?…`) is
    // the network's too, and so is an ad's AdChoices icon.
    a11y::attr(el, "href").is_some_and(|href| on_ad_host(href) || ad_choices(href))
        || std::iter::once(el)
            .chain(el.parent().and_then(ElementRef::wrap))
            .any(marked_as_ad)
}

/// How class names begin on the buttons of share widgets, which their
/// script fills with an icon and a name at load time, or writes whole:
/// AddThis (`addthis_button_twitter`), AddToAny (`a2a_button_facebook`,
/// its `a2a_dd` menu button), Gigya (`gig-button-container`) and
/// Socialite (`<a class="socialite twitter-share">`, which its script
/// replaces with the network's button) and bShare (`<div
/// class="bshare-custom">`, `<a class="bshareDiv">`); and Google's
/// website translator, whose script writes its gadget and icon
/// (`<div class="goog-te-gadget">`); and Twitter's buttons, an empty
/// `<a class="twitter-share-button">` that its `widgets.js` replaces with
/// a titled frame, and note's (`<a class="note-social-button">`), which
/// its script replaces the same way.
const SHARE_BUTTONS: &[&str] = &[
    "addthis_button_",
    "a2a_button_",
    "a2a_dd",
    "gig-button",
    "socialite",
    "bshare",
    "goog-te-",
    "twitter-share-button",
    "twitter-follow-button",
    "twitter-hashtag-button",
    "twitter-mention-button",
    "hupso_",
    "note-social-button",
];

/// How far above an element its share button may be: Gigya draws its
/// buttons as tables, the icon five levels inside.
const SHARE_LEVELS: usize = 6;

/// The element is, or is inside, a share widget's button (see
/// [`SHARE_BUTTONS`]): the widget's script names and draws it, so the
/// page cannot.
pub fn in_share_button(el: ElementRef<'_>) -> bool {
    self_and_ancestors(el, SHARE_LEVELS).any(|e| {
        e.value().attribute("class").is_some_and(|classes| {
            classes
                .split_ascii_whitespace()
                .any(|c| SHARE_BUTTONS.iter().any(|p| c.starts_with(p)))
        })
    })
}

/// The element and its ancestors up to `levels` above it.
fn self_and_ancestors(el: ElementRef<'_>, levels: usize) -> impl Iterator<Item = ElementRef<'_>> {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .take(1 + levels)
}

/// The element holds a custom element with nothing in it yet
/// (`<wx-widget type="current-conditions">`), or an empty `<time>` whose
/// date is in an attribute (`<time data-date="1610544493"></time>`,
/// `<time datetime="…"></time>`), which a script writes out in the
/// reader's time zone; or it is a weather widget's template (in a block
/// whose class or id has the word `weather`), every element of which is
/// empty (`<div class="location"></div><div class="temp"></div>`): a
/// widget its script draws at load time, whose text the page does not
/// hold.
pub fn holds_unrendered_widget(el: ElementRef<'_>) -> bool {
    el.descendants().filter_map(ElementRef::wrap).any(|e| {
        let name = e.value().name();
        let empty = e.children().next().is_none();
        (name.contains('-') && !e.value().attrs().any(|(name, _)| name == "alt") && empty)
            || (name == "time"
                && empty
                && e.value().attrs().any(|(name, value)| {
                    (name == "datetime" || name.starts_with("data-")) && !value.trim().is_empty()
                }))
    }) || weather_template(el)
}

/// How far above a link its weather widget's block may be.
const WIDGET_LEVELS: usize = 3;

fn weather_template(el: ElementRef<'_>) -> bool {
    let named = self_and_ancestors(el, WIDGET_LEVELS).any(|e| {
        ["class", "id"].iter().any(|name| {
            e.value().attribute(name).is_some_and(|v| {
                v.split_ascii_whitespace()
                    .any(|w| a11y::word_parts(w).any(|p| p == "weather"))
            })
        })
    });
    named
        && el.descendants().nth(1).is_some()
        && el.descendants().skip(1).all(|n| match n.value() {
            scraper::Node::Text(t) => t.trim().is_empty(),
            scraper::Node::Element(e) => matches!(e.name(), "div" | "span" | "i" | "b"),
            _ => true,
        })
}

/// How the ids of consent managers' containers begin: the cookie banner
/// and preference centre a consent platform's script writes into the page
/// (OneTrust's `onetrust-consent-sdk`, Cookiebot's `CybotCookiebotDialog`,
/// Didomi's `didomi-host`, Quantcast's `qc-cmp2-container`, Sourcepoint's
/// `sp_message_container_…`, TrustArc's `truste-consent-track`).
const CONSENT_MANAGERS: &[&str] = &[
    "onetrust-",
    "CybotCookiebot",
    "didomi-host",
    "qc-cmp2-",
    "sp_message_container",
    "truste-consent",
];

/// How far above an element its consent platform's container may be:
/// OneTrust's preference centre holds its logo eight levels down.
const CONSENT_LEVELS: usize = 24;

/// The element is inside a consent platform's banner or preference centre
/// (see [`CONSENT_MANAGERS`]): the vendor's markup, not the article's.
pub fn in_consent_manager(el: ElementRef<'_>) -> bool {
    self_and_ancestors(el, CONSENT_LEVELS).skip(1).any(|a| {
        a.value()
            .attribute("id")
            .is_some_and(|id| CONSENT_MANAGERS.iter().any(|p| id.starts_with(p)))
    })
}

/// Class names of the blockquotes that a social network's embed script
/// replaces with its own frame (a tweet, an Instagram post, a TikTok).
const REPLACED_EMBEDS: &[&str] = &["twitter-tweet", "instagram-media", "tiktok-embed"];

/// Class names of the containers a publisher's embed script draws a
/// social post into, over a screenshot stand-in whose links it fills
/// (the BBC's `<div class="social-embed">`).
const DRAWN_EMBEDS: &[&str] = &["social-embed"];

/// The element is inside a social post's blockquote that its embed script
/// replaces at load time (`<blockquote class="twitter-tweet">`, or one
/// carrying the post's id in `data-tweetid`), or inside a container the
/// publisher's embed script draws the post into (see [`DRAWN_EMBEDS`]):
/// what is written there is a stand-in until the frame arrives.
pub fn in_replaced_embed(el: ElementRef<'_>) -> bool {
    let has = |a: &ElementRef<'_>, names: &[&str]| {
        a.value()
            .attribute("class")
            .is_some_and(|classes| classes.split_ascii_whitespace().any(|c| names.contains(&c)))
    };
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .take(SLOT_LEVELS)
        .any(|a| {
            a.value().name() == "blockquote"
                && (a.value().attribute("data-tweetid").is_some() || has(&a, REPLACED_EMBEDS))
                || has(&a, DRAWN_EMBEDS)
        })
}

/// Hosts of video player networks whose widgets bring their own markup
/// (thumbnails, carousels) at load time.
const PLAYER_HOSTS: &[&str] = &["newsinc.com", "connatix.com"];

/// An image loaded from a video player network: a thumbnail of its
/// widget's carousel, which the network writes, not the article.
pub fn from_player_network(el: ElementRef<'_>) -> bool {
    a11y::attr(el, "src").is_some_and(|src| {
        let src = src.trim().to_ascii_lowercase();
        let src = if src.starts_with("//") {
            format!("http:{src}")
        } else {
            src
        };
        PLAYER_HOSTS.iter().any(|host| host_is(&src, host))
    })
}

/// The address is one post on a social network, as a feed widget links
/// each of its tiles: an Instagram post (`instagram.com/p/…`, `/reel/…`,
/// `/tv/…`), a tweet (`twitter.com/…/status/…`, `x.com/…`), a TikTok video
/// (`tiktok.com/@…/video/…`) or a Facebook post (`facebook.com/…/posts/…`).
/// The network, its host and the post's kind, or `None`.
fn social_post(href: &str) -> Option<&'static str> {
    let url = href.trim().to_ascii_lowercase();
    let url = if url.starts_with("//") {
        format!("https:{url}")
    } else {
        url
    };
    let path = url
        .split_once("//")
        .and_then(|(_, rest)| rest.split_once('/'))
        .map_or("", |(_, p)| p);
    let segments: Vec<&str> = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .collect();
    let at = |i: usize| segments.get(i).copied().unwrap_or("");
    if host_is(&url, "instagram.com") && matches!(at(0), "p" | "reel" | "tv") && !at(1).is_empty() {
        Some("instagram")
    } else if (host_is(&url, "twitter.com") || host_is(&url, "x.com")) && at(1) == "status" {
        Some("twitter")
    } else if host_is(&url, "tiktok.com") && at(0).starts_with('@') && at(1) == "video" {
        Some("tiktok")
    } else if host_is(&url, "facebook.com") && at(1) == "posts" {
        Some("facebook")
    } else {
        None
    }
}

/// How far above a feed's tile the feed's list may be: Smash Balloon
/// wraps each tile's link in two boxes (`sbi_item` > `sbi_photo_wrap`).
const FEED_LEVELS: usize = 4;

/// How much of a feed is read for another post's link: a tile is a
/// dozen nodes, so dozens of tiles.
const FEED_NODES: usize = 512;

/// The image is a tile of a social feed widget (Smash Balloon's Instagram
/// feed, IFTTT's Instagram gallery, a "latest tweets" box): it is the
/// picture of a link to one post on a social network, beside at least one
/// other link to another post on the same network. The widget copies the
/// post's picture and its text (hashtags and all) into the tile at load
/// time: the network's content, not the article's. One picture linking to
/// the post it comes from is the article's own.
pub fn in_social_feed(img: ElementRef<'_>) -> bool {
    let Some(link) = img
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(SLOT_LEVELS)
        .find(|a| a.value().name() == "a")
    else {
        return false;
    };
    let Some(network) = a11y::attr(link, "href").and_then(social_post) else {
        return false;
    };
    let href = a11y::attr(link, "href").unwrap_or("");
    link.ancestors()
        .filter_map(ElementRef::wrap)
        .take(FEED_LEVELS)
        .take_while(|a| a.value().name() != "body")
        .any(|feed| {
            // Its first tiles show it: a page's block of thousands of
            // links is not read again for every picture in it.
            feed.descendants()
                .take(FEED_NODES)
                .filter_map(ElementRef::wrap)
                .filter(|a| a.value().name() == "a")
                .filter_map(|a| a11y::attr(a, "href"))
                .any(|other| other != href && social_post(other) == Some(network))
        })
}

/// How far above an element its ad slot may be. Further up, an element
/// named `ad-portal` or `fixable_ad` wraps the whole page, not an ad.
const SLOT_LEVELS: usize = 4;

/// A frame or object the article does not own: an advertising slot's, a
/// helper no one sees, one that shows nothing until a script fills it
/// (`about:blank`, or a frame with no address at all), or a promotion the
/// page's template loads (its address names it an ad or a promo:
/// `…/0120-tour-rr-promo.html`, `…/ad/embed/`).
pub fn is_third_party(el: ElementRef<'_>) -> bool {
    is_advert(el) || is_tiny(el) || is_blank(el) || promotes(el)
}

/// The most pixels a box may have on both sides and still be a helper no
/// one sees (Flash probes and script bridges are 1×1 or 10×10).
const HELPER_PX: f64 = 10.0;

/// Declared at most 1 pixel high or wide, or at most [`HELPER_PX`] on both
/// sides, by its attributes or its inline style: a helper no one sees.
pub fn is_tiny(el: ElementRef<'_>) -> bool {
    let small = |name: &str, most: f64| {
        [
            a11y::attr(el, name).map(str::to_string),
            a11y::style(el, name),
        ]
        .into_iter()
        .flatten()
        .filter_map(|v| {
            a11y::keyword(&v)
                .trim_end_matches("px")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .any(|px| px <= most)
    };
    small("width", 1.0)
        || small("height", 1.0)
        || (small("width", HELPER_PX) && small("height", HELPER_PX))
}

/// An `<object>` whose data is `about:blank`, or an `<iframe>` that loads
/// nothing written in the page: no `src` (or an empty one, or
/// `about:blank`), no `srcdoc`, and no `data-` attribute holding an address
/// for a lazy loader. Only a script fills it (an ad network writes its ad
/// into it); what the markup holds is fallback text no browser shows.
fn is_blank(el: ElementRef<'_>) -> bool {
    let blank = |v: &str| {
        let v = v.trim();
        v.is_empty() || v.eq_ignore_ascii_case("about:blank")
    };
    match el.value().name() {
        "object" => a11y::attr(el, "data").is_some_and(blank),
        "iframe" => {
            a11y::attr(el, "src").is_none_or(blank)
                && a11y::attr(el, "srcdoc").is_none_or(|d| d.trim().is_empty())
                && !el
                    .value()
                    .attrs()
                    .any(|(name, value)| name.starts_with("data-") && value.contains('/'))
        }
        _ => false,
    }
}

/// The address of a frame names it an ad or a promotion: a word of its
/// path (`ad`, `ads`, `promo`, …) says so.
fn promotes(el: ElementRef<'_>) -> bool {
    el.value().name() == "iframe"
        && a11y::attr(el, "src").is_some_and(|src| {
            let path = src
                .split_once("//")
                .map_or(src, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
            let path = path.split(['?', '#']).next().unwrap_or("");
            // Split at punctuation only: ids in paths mix cases at random.
            path.split(|c: char| !c.is_alphanumeric())
                .map(str::to_ascii_lowercase)
                .any(|w| w == "promo" || AD_WORDS.contains(&w.as_str()))
        })
}

fn host_is(src: &str, host: &str) -> bool {
    let Some((_, rest)) = src.split_once("//") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    authority
        .strip_suffix(host)
        .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
}

/// A class or id with an advertising word, in a name that does not
/// describe a state or a neighbour (`non-ad-column`, `is-below-header-ad`,
/// `styles_adNotPlaying`, `leadArtWithZuesAds`).
pub(crate) fn marked_as_ad(el: ElementRef<'_>) -> bool {
    ["class", "id"].iter().any(|name| {
        el.value().attribute(name).is_some_and(|v| {
            v.split_ascii_whitespace().any(|name| {
                let parts: Vec<String> = crate::a11y::word_parts(name).collect();
                parts.iter().any(|p| AD_WORDS.contains(&p.as_str()))
                    && !parts.iter().any(|p| STATE_WORDS.contains(&p.as_str()))
            })
        })
    })
}

/// Words that make a class name about something else than an ad slot.
const STATE_WORDS: &[&str] = &[
    "is", "has", "no", "not", "non", "with", "without", "free", "below", "above", "after",
    "before", "near", "playing", "blocker", "blocked", "refresh",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_social_post_is_one_post_not_a_profile_or_a_share_link() {
        assert_eq!(
            social_post("https://www.instagram.com/p/B5hJlkToEwQ/"),
            Some("instagram")
        );
        assert_eq!(social_post("//instagram.com/reel/Cx1/"), Some("instagram"));
        assert_eq!(social_post("https://x.com/AP/status/1234"), Some("twitter"));
        assert_eq!(
            social_post("https://www.tiktok.com/@bbcnews/video/72"),
            Some("tiktok")
        );
        assert_eq!(
            social_post("https://www.facebook.com/bbcnews/posts/99"),
            Some("facebook")
        );
        assert_eq!(
            social_post("https://instagram.com/miamiherald/#navlink=subnav"),
            None
        );
        assert_eq!(social_post("https://twitter.com/share?text=x"), None);
        assert_eq!(
            social_post("https://www.facebook.com/sharer/sharer.php?u=x"),
            None
        );
        assert_eq!(social_post("https://example.com/p/instagram.com/"), None);
    }

    #[test]
    fn ad_hosts_match_whole_host_names() {
        assert!(host_is(
            "https://tpc.googlesyndication.com/safeframe/",
            "googlesyndication.com"
        ));
        assert!(host_is("//ad.doubleclick.net/ddm/", "doubleclick.net"));
        assert!(!host_is("https://notdoubleclick.net/", "doubleclick.net"));
        assert!(!host_is("/embed/doubleclick.net", "doubleclick.net"));
        // TripleLift's AdChoices button in its native-ad slot; Dianomi's
        // "Partner Offers" frame.
        assert!(on_ad_host(
            "https://ib.3lift.com/static/buttons/edaa/OBA_TRANS.png"
        ));
        assert!(on_ad_host("//www.dianomi.com/smartads.epl?id=2622"));
        assert!(on_ad_host(
            "https://images.outbrainimg.com/transform/v3/eyJpdSI6.jpg"
        ));
        // AdChoices icons' pages.
        assert!(ad_choices("http://optout.aboutads.info/"));
        assert!(ad_choices(
            "https://info.yahoo.com/privacy/us/yahoo/relevantads.html"
        ));
        assert!(!ad_choices(
            "https://www.buzzfeed.com/about/privacy#adchoices"
        ));
        // Alimama's banners (not the rest of Alibaba's CDN).
        assert!(on_ad_host(
            "https://afp.alicdn.com/afp-creative/creative/u1/a.jpg"
        ));
        assert!(!on_ad_host("https://img.alicdn.com/imgextra/i1/photo.jpg"));
        // Zergnet's sponsored-links widget; MediaMath's pixel.
        assert!(on_ad_host("http://img5.zergnet.com/1394710_300.jpg"));
        assert!(on_ad_host("https://pixel.mathtag.com/event/img?mt_id=1"));
    }

    fn first(html: &str) -> bool {
        let html = scraper::Html::parse_fragment(html);
        let el = html
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| matches!(e.value().name(), "iframe" | "object" | "video"))
            .unwrap();
        is_third_party(el)
    }

    #[test]
    fn helpers_blank_slots_and_promotions_are_third_party() {
        for html in [
            r#"<object data="xhr.swf" width="10" height="10"></object>"#,
            r#"<object data="t.swf" style="outline:none;width:1px;height:1px;"></object>"#,
            r#"<iframe src="/a.html" style="height: 800px" width="100%" height="0"></iframe>"#,
            r#"<object type="text/html" data="about:blank"></object>"#,
            r#"<iframe src="http://cdn.example.com/o28/tour/0120-tour-rr-promo.html"></iframe>"#,
            r#"<iframe src="https://stats.example.com/ad/embed/2008"></iframe>"#,
            r#"<video src="https://nv.vi-serve.com/vis-media/1/clip_720p.mp4"></video>"#,
            r#"<iframe src="about:blank">Your browser does not show frames</iframe>"#,
            r#"<iframe id="_mN_dy_461374455" width="100%" height="218" frameborder="0"></iframe>"#,
            r#"<iframe src="about:blank" style="width: 0px !important; height: 0px !important"></iframe>"#,
        ] {
            assert!(first(html), "{html}");
        }
        for html in [
            r#"<object data="foo.swf" width="88" height="31"></object>"#,
            r#"<iframe src="https://www.youtube.com/embed/xAdZ9kLm_3Q" width="10" height="315"></iframe>"#,
            r#"<iframe src="https://w.soundcloud.com/player/?url=ads"></iframe>"#,
            r#"<iframe data-src="https://www.example.com/embed/inset/iframe?id=youtube-video-Ll" width="800" height="450"></iframe>"#,
            r#"<iframe srcdoc="<p>Poll results</p>" width="600" height="300"></iframe>"#,
        ] {
            assert!(!first(html), "{html}");
        }
    }

    #[test]
    fn state_classes_are_not_ad_slots() {
        let html = scraper::Html::parse_fragment(
            r#"<div class="cnx-ad-slot"></div><div class="styles_adNotPlaying__yQRQY"></div>
               <div class="leadArtWithZuesAds__Figure"></div><div id="non-ad-column"></div>"#,
        );
        let marked: Vec<bool> = html
            .root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .map(marked_as_ad)
            .collect();
        assert_eq!(marked, [true, false, false, false]);
    }
}
