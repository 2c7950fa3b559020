//! What kind of story the page tells. A product review and a how-to guide
//! show things and steps rather than report news: their pictures are
//! product shots, screens and steps, which a photo desk asks for a credit
//! but not for when and where they were taken, and which need no news
//! caption.
//!
//! Read once per page, from what the page says about itself: its address
//! (`<link rel="canonical">`, else `og:url`), the schema.org type its
//! JSON-LD declares, and the words of its title.

use serde_json::Value;

use crate::html::{Attribute, Document};

/// The schema.org types of a page that reviews or guides.
const SHOWING_TYPES: &[&str] = &["Review", "HowTo", "Recipe", "Product"];

/// Words in a page title that name a review or a hands-on test where the
/// address does not: Japanese レビュー (review), 実機 (the real device in
/// hand), and ～てみた (tried it out).
const SHOWING_TITLE_WORDS: &[&str] = &["レビュー", "実機", "てみた"];

/// The page reviews a product or guides through steps (see the module
/// documentation); `linked_data` is its JSON-LD (see
/// [`super::jsonld::documents`]).
pub fn reviews_or_guides(doc: &Document, linked_data: &[Value]) -> bool {
    address(doc).is_some_and(|a| address_shows(&a))
        || super::jsonld::page_types(linked_data)
            .iter()
            .any(|t| SHOWING_TYPES.contains(&t.as_str()))
        || doc
            .elements_named("title")
            .next()
            .map(|t| t.text().collect::<String>())
            .is_some_and(|title| SHOWING_TITLE_WORDS.iter().any(|w| title.contains(w)))
}

/// The page's own address: its canonical link, else its `og:url`.
fn address(doc: &Document) -> Option<String> {
    let canonical = doc.elements_named("link").find_map(|l| {
        let rel = l.value().attribute("rel")?;
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
            .then(|| l.value().attribute("href"))
            .flatten()
    });
    canonical
        .or_else(|| {
            doc.elements_named("meta").find_map(|m| {
                m.value()
                    .attribute("property")
                    .is_some_and(|p| p.eq_ignore_ascii_case("og:url"))
                    .then(|| m.value().attribute("content"))
                    .flatten()
            })
        })
        .map(str::to_lowercase)
}

/// The address's path names a review (`/reviews/…`, `/gear-reviews/…`,
/// `/xbox-one-x-review/`, `/2017-in-review/…`), a hands-on test
/// (`…-hands-on-…`, German `…-im-Test_…`, `Testbericht`, a consumer
/// tester's `/tests/…` section) or a how-to guide (`…-how-to-…`).
fn address_shows(address: &str) -> bool {
    let address = address.to_lowercase();
    let path = address.split(['?', '#']).next().unwrap_or(&address);
    let path = path
        .split_once("://")
        .map_or(path, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    path.split('/').any(|segment| {
        matches!(segment, "review" | "reviews" | "test" | "tests")
            || segment.ends_with("-review")
            || segment.ends_with("-reviews")
            // German: "Beef-Maker-von-Aldi-im-Test_154632771.html".
            || segment.contains("-im-test")
            || segment.contains("testbericht")
            || segment
                .split('-')
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w == ["hands", "on"] || w == ["how", "to"])
    })
}

#[cfg(test)]
mod tests {
    use super::address_shows;

    #[test]
    fn addresses_of_reviews_and_guides() {
        for shows in [
            "https://www.engadget.com/2017/11/03/xbox-one-x-review/",
            "https://blisterreview.com/gear-reviews/2019-2020-line-outline",
            "https://pitchfork.com/reviews/albums/lust-for-youth/",
            "https://www.vox.com/2017-in-review/2017/12/15/16751138/best-movies-2017",
            "https://www.theverge.com/23752959/apple-vision-pro-headset-hands-on-demo",
            "https://arstechnica.com/gadgets/2016/08/the-renter-how-to-make-your-home-smarter/",
            "https://www.chip.de/test/Beef-Maker-von-Aldi-im-Test_154632771.html",
            "https://www.adac.de/rund-ums-fahrzeug/tests/kindersicherheit/kindersitztest-2018/",
        ] {
            assert!(address_shows(shows), "{shows}");
        }
        for news in [
            "https://www.nytimes.com/2019/02/21/nyregion/winter-weather-manholes-pipes.html",
            "https://nymag.com/intelligencer/2016/09/how-fox-news-women-took-down-roger-ailes.html",
            "https://www.example.com/news/pentagon-review-finds-gaps-in-training",
            "https://blisterreview.com/news/2019/crested-butte-opening-day",
            "https://www.example.com/hands-free-driving-law",
            "https://www.example.com/news/showtime-to-air-debate",
            "https://www.example.de/politik/corona-test-pflicht-fuer-reisende",
            "https://www.example.com/news/covid-tests-run-short",
        ] {
            assert!(!address_shows(news), "{news}");
        }
    }
}
