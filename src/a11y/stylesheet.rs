//! The page's own `<style>` sheets, as far as they hide things: rules whose
//! selector is one simple compound selector (`.modal`, `#signin-popup`,
//! `div.print-only`) and that set `display: none` or `visibility: hidden`,
//! at the top level or under `@media screen` / `@media all`. An element is
//! taken as hidden only when no rule anywhere in the sheets (any media,
//! any order) shows it, so a popup opened by a class, or a block hidden on
//! phones and shown on wide screens, stays visible. Selectors with
//! combinators or pseudo-classes (`:hover`, `.menu li`) are left out,
//! since whether they apply depends on more than the markup. Parsed with
//! cssparser, matched with the selectors scraper uses.

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser,
};
use std::collections::HashMap;

use scraper::{ElementRef, Selector};

/// What a rule does to the elements it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `display: none`: not drawn, not exposed.
    NotDrawn,
    /// `visibility: hidden`: not exposed, its box kept.
    Invisible,
    /// `display` or `visibility` set to show it.
    Shown,
}

/// The hiding and showing rules of a page's style sheets, by the class or
/// id their selector requires (so an element is matched against the rules
/// that can match it, not all of them).
#[derive(Default)]
pub struct Styles {
    by_class: HashMap<String, Vec<(Selector, Effect)>>,
    by_id: HashMap<String, Vec<(Selector, Effect)>>,
    other: Vec<(Selector, Effect)>,
}

/// The most `<style>` text read from one page, and the most rules kept.
const MAX_CSS_BYTES: usize = 512 * 1024;
const MAX_RULES: usize = 2000;

impl Styles {
    /// Read the rules of each style sheet's text, in document order.
    pub fn read<'a>(sheets: impl Iterator<Item = &'a str>) -> Styles {
        let mut styles = Styles::default();
        let mut budget = MAX_CSS_BYTES;
        for css in sheets {
            if css.len() > budget {
                break;
            }
            budget -= css.len();
            let mut parser = Parser::new(css);
            let mut rules = Vec::new();
            for _ in StyleSheetParser::new(&mut parser, &mut Rules(&mut rules)) {}
            for (text, selector, effect) in rules {
                if styles.len() >= MAX_RULES {
                    return styles;
                }
                let bucket = match key(&text) {
                    Key::Class(c) => styles.by_class.entry(c).or_default(),
                    Key::Id(i) => styles.by_id.entry(i).or_default(),
                    Key::Other => &mut styles.other,
                };
                bucket.push((selector, effect));
            }
        }
        styles
    }

    fn len(&self) -> usize {
        self.by_class
            .values()
            .chain(self.by_id.values())
            .map(Vec::len)
            .sum::<usize>()
            + self.other.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_class.is_empty() && self.by_id.is_empty() && self.other.is_empty()
    }

    /// How the sheets hide `el`: `None` when no rule hides it, or some
    /// rule shows it. The page's `<html>` and `<body>` are never hidden
    /// (`html { display: none }` until a script runs is an anti-flicker
    /// trick, not a hidden page).
    pub fn effect(&self, el: ElementRef<'_>) -> Option<Effect> {
        if matches!(el.value().name(), "html" | "body") {
            return None;
        }
        let el_value = el.value();
        let classes = el_value
            .attr("class")
            .into_iter()
            .flat_map(str::split_ascii_whitespace)
            .filter_map(|c| self.by_class.get(c));
        let ids = el_value.attr("id").and_then(|i| self.by_id.get(i.trim()));
        let candidates = classes
            .chain(ids)
            .chain(std::iter::once(&self.other))
            .flatten();
        let mut hidden = None;
        for (selector, effect) in candidates {
            if selector.matches(&el) {
                match effect {
                    Effect::Shown => return None,
                    Effect::NotDrawn => hidden = Some(Effect::NotDrawn),
                    Effect::Invisible => {
                        hidden = hidden.or(Some(Effect::Invisible));
                    }
                }
            }
        }
        hidden
    }
}

/// Collects the rules of one sheet into the list: each selector's text,
/// the selector, and what it does.
struct Rules<'s>(&'s mut Vec<(String, Selector, Effect)>);

/// What a simple selector requires of an element first: a class, an id,
/// or something else (a type, an attribute).
enum Key {
    Class(String),
    Id(String),
    Other,
}

fn key(selector: &str) -> Key {
    let end = |s: &str| s.find(['.', '#', '[']).unwrap_or(s.len());
    if let Some(i) = selector.find('.') {
        let rest = &selector[i + 1..];
        return Key::Class(rest[..end(rest)].to_string());
    }
    if let Some(i) = selector.find('#') {
        let rest = &selector[i + 1..];
        return Key::Id(rest[..end(rest)].to_string());
    }
    Key::Other
}

/// An at-rule's kind: a `@media` whose rules apply on screen, another
/// `@media` or `@supports` (whose rules may show things), or another.
enum AtPrelude {
    Screen,
    Conditional,
    Other,
}

impl<'i> QualifiedRuleParser<'i> for Rules<'_> {
    type Prelude = &'i str;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<&'i str, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        Ok(input.slice_from(start))
    }

    fn parse_block(
        &mut self,
        prelude: &'i str,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        let mut declarations = Declarations(None);
        for _ in RuleBodyParser::new(input, &mut declarations) {}
        let Some(effect) = declarations.0 else {
            return Ok(());
        };
        for part in prelude.split(',') {
            let part = part.trim();
            if is_simple(part)
                && let Ok(selector) = Selector::parse(part)
            {
                self.0.push((part.to_string(), selector, effect));
            }
        }
        Ok(())
    }
}

impl<'i> AtRuleParser<'i> for Rules<'_> {
    type Prelude = AtPrelude;
    type AtRule = ();
    type Error = ();

    fn parse_prelude(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
    ) -> Result<AtPrelude, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let media = input.slice_from(start).trim().to_ascii_lowercase();
        Ok(
            if name.eq_ignore_ascii_case("media") && matches!(media.as_str(), "screen" | "all") {
                AtPrelude::Screen
            } else if name.eq_ignore_ascii_case("media") || name.eq_ignore_ascii_case("supports") {
                AtPrelude::Conditional
            } else {
                AtPrelude::Other
            },
        )
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<(), ParseError<()>> {
        match prelude {
            AtPrelude::Screen => for _ in StyleSheetParser::new(input, self) {},
            // Only what shows counts: hidden at some widths is not hidden.
            AtPrelude::Conditional => {
                let mut inner = Vec::new();
                for _ in StyleSheetParser::new(input, &mut Rules(&mut inner)) {}
                self.0
                    .extend(inner.into_iter().filter(|(_, _, e)| *e == Effect::Shown));
            }
            AtPrelude::Other => {}
        }
        Ok(())
    }
}

/// One compound selector: type, class, id and attribute selectors only.
fn is_simple(selector: &str) -> bool {
    !selector.is_empty()
        && selector.len() <= 200
        && !selector
            .contains(|c: char| c.is_whitespace() || matches!(c, '>' | '+' | '~' | ':' | '*'))
}

/// The `display` and `visibility` of one rule's declarations: the last
/// one that hides or shows.
struct Declarations(Option<Effect>);

impl<'i> DeclarationParser<'i> for Declarations {
    type Declaration = ();
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _: &ParserState,
    ) -> Result<(), ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let value = input.slice_from(start).to_ascii_lowercase();
        let value = value.split('!').next().unwrap_or("").trim();
        if name.eq_ignore_ascii_case("display") {
            self.0 = Some(if value == "none" {
                Effect::NotDrawn
            } else {
                Effect::Shown
            });
        } else if name.eq_ignore_ascii_case("visibility") {
            self.0 = Some(if value == "hidden" || value == "collapse" {
                Effect::Invisible
            } else {
                Effect::Shown
            });
        }
        Ok(())
    }
}

impl<'i> AtRuleParser<'i> for Declarations {
    type Prelude = ();
    type AtRule = ();
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for Declarations {
    type Prelude = ();
    type QualifiedRule = ();
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, (), ()> for Declarations {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effects(css: &str, html: &str) -> Vec<Option<Effect>> {
        let styles = Styles::read(std::iter::once(css));
        let doc = scraper::Html::parse_fragment(html);
        doc.root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .map(|el| styles.effect(el))
            .collect()
    }

    #[test]
    fn simple_rules_hide_unless_a_rule_shows() {
        let css = ".modal { display: none } #promo { visibility: hidden !important }
                   .modal.open { display: block } .menu li { display: none }
                   @media screen { .print-only { display: none } }
                   @media (max-width: 600px) { .desktop { display: none } }
                   .card:hover { display: none }
                   .mobile { display: none } @media (max-width: 600px) { .mobile { display: block } }
                   html { display: none }";
        let html = r#"<div class="modal"></div><div id="promo"></div><div class="modal open"></div>
                      <li class="x"></li><p class="print-only"></p><p class="desktop"></p><p class="card"></p>
                      <p class="mobile"></p>"#;
        assert_eq!(
            effects(css, html),
            [
                Some(Effect::NotDrawn),
                Some(Effect::Invisible),
                None,
                None,
                Some(Effect::NotDrawn),
                None,
                None,
                None,
            ]
        );
    }

    #[test]
    fn broken_css_is_read_as_far_as_it_goes() {
        let css = ".a { display: none } .b { display: ; } }}} .c { display: none";
        let html = r#"<p class="a"></p><p class="b"></p><p class="c"></p>"#;
        assert_eq!(effects(css, html)[0], Some(Effect::NotDrawn));
    }
}
