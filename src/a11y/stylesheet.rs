//! The page's own `<style>` sheets, as far as they hide things: rules whose
//! selector is one simple compound selector (`.modal`, `#signin-popup`,
//! `div.print-only`), or such compounds joined by descendant or child
//! combinators (`.article-share .sd-sharing > h3`), and that set `display:
//! none` or `visibility: hidden`, at the top level or under `@media
//! screen` / `@media all`. An element is
//! taken as hidden only when no rule anywhere in the sheets (any media,
//! any order) that is at least as specific shows it, so a popup opened by
//! a class, or a block hidden on phones and shown on wide screens, stays
//! visible, while `img { display: block }` does not show an
//! `img.fallback` its own class hides. Rules that hold a box
//! at a ratio (`padding-bottom: 56.25%`, `aspect-ratio: 16 / 9`) or take
//! it out of the flow (`position: absolute`) are kept too, for the pictures
//! placed in such a box; those may also come from rules for ranges of
//! screen widths (`@media screen and (min-width: 64em)`) that together
//! cover every width. A rule that gives an image both a width and a
//! height sizes it, as Lighthouse counts it, also when its selector goes
//! through ancestors (`.card img`), unless a rule at least as specific
//! frees either. Selectors with sibling combinators or pseudo-classes
//! (`:hover`, `.tab + .panel`) are left out, since whether they match
//! depends on more than the markup: a menu shown on hover is hidden at
//! load, as the page first draws it. Rules for readers without scripts
//! (`.no-js .gallery img`) are left out too: a template writes `<html
//! class="no-js">`, and its script has replaced that class by the time
//! readers see the page. Parsed with cssparser, matched with the
//! selectors scraper uses.

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser,
};
use std::cell::Cell;
use std::collections::HashMap;

use scraper::{ElementRef, Selector};

use crate::html::Attribute;

/// What a rule does to the elements it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `display: none`: not drawn, not exposed.
    NotDrawn,
    /// `visibility: hidden`: not exposed, its box kept.
    Invisible,
    /// `display` or `visibility` set to show it.
    Shown,
    /// A box whose content moves no text when it arrives: held at a
    /// ratio (a percentage `padding-bottom` or `padding-top`, an
    /// `aspect-ratio`) or taken out of the flow (`position: absolute`).
    HoldsBox,
    /// That padding, ratio or position set to something else
    /// (`padding-bottom: 0` on wide screens): the box is not held there.
    FreesBox,
    /// A `height` in pixels: the box keeps its height whatever loads
    /// inside it (`.avatar-frame { height: 75px }`).
    FixesHeight,
    /// The height set to something else (`height: auto` on phones).
    FreesHeight,
    /// A width and a height that do not wait for the file (`.jLgjau img
    /// { width: 40px; height: 40px }`): an image matched has its size, as
    /// Lighthouse counts it.
    SetsSize,
    /// The width or the height set back to `auto`: the image waits for
    /// its file again.
    FreesSize,
}

/// The hiding and showing rules of a page's style sheets.
#[derive(Default)]
pub struct Styles {
    /// Rules of one compound selector (`.modal`, `img.hero`).
    simple: Buckets,
    /// Rules through ancestors that size images (`.card img`), and those
    /// that hide or show (`.share .sd-sharing > h3`): kept apart, as they
    /// need the element's ancestors too, and each is met only by the
    /// question it answers.
    chain_sizes: Buckets,
    chain_shows: Buckets,
    /// How many rules elements have met so far: past [`MAX_VISITS`], the
    /// sheets say nothing more about the page.
    visits: Cell<usize>,
    /// How many ancestors rules through them may have walked so far: past
    /// [`MAX_STEPS`], likewise.
    steps: Cell<usize>,
}

/// The most rules all elements of one page meet (each a hash lookup's
/// list entry, maybe a selector match): a page's sheets cost a bounded
/// time however many rules share a key (20,000 `p[data-x="…"]` rules over
/// 60,000 paragraphs).
const MAX_VISITS: usize = 20_000_000;

/// The most ancestors the rules through them may walk on one page: each
/// match of one counts the element's depth.
const MAX_STEPS: usize = 20_000_000;

/// How many class comparisons count as one more visit (see
/// [`Styles::spend_on_match`]).
const MATCH_UNITS: usize = 16;

/// Rules by the class, id, attribute or type their subject requires, so
/// that an element meets the rules that can match it, not all of them.
#[derive(Default)]
struct Buckets {
    by_class: HashMap<String, Vec<StyleRule>>,
    by_id: HashMap<String, Vec<StyleRule>>,
    by_attr: HashMap<String, Vec<StyleRule>>,
    by_type: HashMap<String, Vec<StyleRule>>,
    other: Vec<StyleRule>,
}

impl Buckets {
    fn push(&mut self, key: Key, rule: StyleRule) {
        match key {
            Key::Class(c) => self.by_class.entry(c).or_default().push(rule),
            Key::Id(i) => self.by_id.entry(i).or_default().push(rule),
            Key::Attr(a) => self.by_attr.entry(a).or_default().push(rule),
            Key::Type(t) => self.by_type.entry(t).or_default().push(rule),
            Key::Other => self.other.push(rule),
        }
    }

    fn is_empty(&self) -> bool {
        self.by_class.is_empty()
            && self.by_id.is_empty()
            && self.by_attr.is_empty()
            && self.by_type.is_empty()
            && self.other.is_empty()
    }

    /// The rules that may match `el`: by its classes, its id, its
    /// attributes' names, its type, and those keyed by none.
    fn candidates<'s>(&'s self, el: ElementRef<'s>) -> impl Iterator<Item = &'s StyleRule> + 's {
        let el_value = el.value();
        let classes = el_value
            .attribute("class")
            .into_iter()
            .flat_map(str::split_ascii_whitespace)
            .filter_map(|c| self.by_class.get(c));
        let ids = el_value
            .attribute("id")
            .and_then(|i| self.by_id.get(i.trim()));
        let attrs = (!self.by_attr.is_empty())
            .then(|| {
                el_value
                    .attrs()
                    .filter_map(|(name, _)| self.by_attr.get(name))
            })
            .into_iter()
            .flatten();
        let types = self.by_type.get(el_value.name());
        classes
            .chain(ids)
            .chain(attrs)
            .chain(types)
            .chain(std::iter::once(&self.other))
            .flatten()
    }
}

/// The classes and ids of an element's ancestors: a rule through
/// ancestors that requires one they lack cannot match, and is not run.
/// Kept as counts, so that a walk over the document adds an element's
/// marks when it opens and takes them away when it closes.
#[derive(Default)]
pub struct AncestorMarks<'a> {
    classes: HashMap<&'a str, u32>,
    ids: HashMap<&'a str, u32>,
    /// How many ancestors there are: what matching a rule through them
    /// may walk.
    depth: usize,
}

impl<'a> AncestorMarks<'a> {
    /// The marks above `el`, gathered from its ancestors (for asking
    /// about one element outside a walk).
    #[cfg(test)]
    pub fn of(el: ElementRef<'a>) -> AncestorMarks<'a> {
        let mut marks = AncestorMarks::default();
        for a in el.ancestors().filter_map(ElementRef::wrap) {
            marks.push(a);
        }
        marks
    }

    /// Add `el`'s classes and id: the walk goes below it.
    pub fn push(&mut self, el: ElementRef<'a>) {
        self.count(el, true);
        self.depth += 1;
    }

    /// Take `el`'s classes and id away: the walk leaves it.
    pub fn pop(&mut self, el: ElementRef<'a>) {
        self.count(el, false);
        self.depth = self.depth.saturating_sub(1);
    }

    fn count(&mut self, el: ElementRef<'a>, add: bool) {
        fn step<'a>(counts: &mut HashMap<&'a str, u32>, mark: &'a str, add: bool) {
            if add {
                *counts.entry(mark).or_default() += 1;
            } else if let Some(n) = counts.get_mut(mark) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(mark);
                }
            }
        }
        let el = el.value();
        for class in el
            .attribute("class")
            .into_iter()
            .flat_map(str::split_ascii_whitespace)
        {
            step(&mut self.classes, class, add);
        }
        if let Some(id) = el.attribute("id") {
            step(&mut self.ids, id.trim(), add);
        }
    }

    /// Every class and id `rule` requires above its subject is there.
    fn allow(&self, rule: &StyleRule) -> bool {
        rule.above.iter().all(|key| match key {
            Key::Class(c) => self.classes.contains_key(c.as_str()),
            Key::Id(i) => self.ids.contains_key(i.as_str()),
            Key::Attr(_) | Key::Type(_) | Key::Other => true,
        })
    }
}

/// One selector and what its rule does to what it matches.
struct StyleRule {
    selector: Selector,
    /// For a rule through ancestors, the class or id each compound above
    /// its subject requires (`.card` in `.card > .media img`).
    above: Vec<Key>,
    effect: Effect,
    /// (ids, classes and attributes, types), compared as the cascade does.
    specificity: (u16, u16, u16),
    /// The screen widths it applies at (see [`Widths`]).
    widths: Widths,
    /// How many classes, ids, attributes and pseudo-classes the selector
    /// tests: matching it against an element of many classes costs about
    /// that many times their number (see [`Styles::matches`]).
    tests: usize,
}

/// The screen widths a rule applies at, in CSS pixels, from and to
/// (`@media screen and (min-width: 37.5em) and (max-width: 63.994em)`);
/// a rule outside a width query applies at [`ALL_WIDTHS`].
type Widths = (f64, f64);

const ALL_WIDTHS: Widths = (0.0, f64::INFINITY);

/// The widest gap between two width ranges that still join them: sheets
/// end one range a fraction below where the next starts (`max-width:
/// 599.9px`, `min-width: 600px`).
const WIDTH_GAP: f64 = 1.0;

/// The ranges together cover every screen width.
fn cover_all_widths(mut ranges: Vec<Widths>) -> bool {
    ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut reached = 0.0;
    for (from, to) in ranges {
        if from > reached + WIDTH_GAP {
            return false;
        }
        reached = f64::max(reached, to);
    }
    reached == f64::INFINITY
}

/// The most `<style>` text read from one page, and the most rules kept:
/// of simple selectors, and of each kind of selector through ancestors
/// (sizing, hiding or showing), which never crowd out one another.
const MAX_CSS_BYTES: usize = 2 * 1024 * 1024;
const MAX_RULES: usize = 10_000;
const MAX_CHAIN_RULES: usize = 4_000;

impl Styles {
    /// Read the rules of each style sheet's text, in document order.
    pub fn read<'a>(sheets: impl Iterator<Item = &'a str>) -> Styles {
        let mut styles = Styles::default();
        let mut budget = MAX_CSS_BYTES;
        // Rules kept: simple ones, and each kind through ancestors.
        let (mut simple, mut sizing, mut showing) = (0, 0, 0);
        for css in sheets {
            if css.len() > budget {
                break;
            }
            budget -= css.len();
            let mut parser = Parser::new(css);
            let mut rules = Vec::new();
            for _ in StyleSheetParser::new(&mut parser, &mut Rules(&mut rules)) {}
            for (text, selector, effect, widths) in rules {
                let (bucket, kept, most) = if is_simple(&text) {
                    if simple >= MAX_RULES {
                        return styles;
                    }
                    (&mut styles.simple, &mut simple, MAX_RULES)
                } else if matches!(effect, Effect::SetsSize | Effect::FreesSize) {
                    (&mut styles.chain_sizes, &mut sizing, MAX_CHAIN_RULES)
                } else {
                    (&mut styles.chain_shows, &mut showing, MAX_CHAIN_RULES)
                };
                if *kept >= most {
                    continue;
                }
                *kept += 1;
                let parts: Vec<&str> = compounds(&text).collect();
                let (subject, above) = parts.split_last().unwrap_or((&"", &[]));
                bucket.push(
                    key(subject),
                    StyleRule {
                        selector,
                        above: above.iter().map(|c| key(c)).collect(),
                        effect,
                        specificity: specificity(&text),
                        widths,
                        tests: text.matches(['.', '#', '[', ':']).count(),
                    },
                );
            }
        }
        styles
    }

    pub fn is_empty(&self) -> bool {
        self.simple.is_empty() && self.chain_sizes.is_empty() && self.chain_shows.is_empty()
    }

    /// Count one more rule met; false once the page's budget is spent.
    fn visit(&self) -> bool {
        self.spend(1)
    }

    /// Count `units` more visits' worth of work; false once the page's
    /// budget is spent.
    fn spend(&self, units: usize) -> bool {
        let n = self.visits.get();
        self.visits.set(n.saturating_add(units));
        n < MAX_VISITS
    }

    /// Count matching `rule` against an element of `classes` classes: a
    /// rule of 40 class tests against elements of 256 classes is thousands
    /// of comparisons, not one visit (3 minutes for one 2 MB page of them
    /// while the budget counted visits alone). A rule of a few tests
    /// against an element of a few classes costs nothing more.
    fn spend_on_match(&self, rule: &StyleRule, classes: usize) -> bool {
        self.spend(rule.tests.saturating_mul(classes) / MATCH_UNITS)
    }

    /// Whether `rule` matches `el`, `None` once the page's budget is
    /// spent. A rule through ancestors may walk each of them: those are
    /// counted against [`MAX_STEPS`], so that 20,000 such rules over
    /// paragraphs 500 elements deep take a bounded time too.
    fn matches(
        &self,
        rule: &StyleRule,
        el: ElementRef<'_>,
        classes: usize,
        marks: &AncestorMarks<'_>,
    ) -> Option<bool> {
        if !marks.allow(rule) {
            return Some(false);
        }
        if !self.spend_on_match(rule, classes) {
            return None;
        }
        if !rule.above.is_empty() {
            let n = self.steps.get();
            self.steps.set(n.saturating_add(marks.depth));
            if n >= MAX_STEPS {
                return None;
            }
        }
        Some(rule.selector.matches(&el))
    }

    /// How the sheets hide `el`: `None` when no rule hides it, or some
    /// rule at least as specific as the most specific one that hides it
    /// shows it. The page's `<html>` and `<body>` are never hidden
    /// (`html { display: none }` until a script runs is an anti-flicker
    /// trick, not a hidden page).
    pub fn effect(&self, el: ElementRef<'_>, marks: &AncestorMarks<'_>) -> Option<Effect> {
        if matches!(el.value().name(), "html" | "body") {
            return None;
        }
        // The highest specificity among the matching rules of each kind.
        // A rule hides only when it does at every width: a block hidden
        // width by width (a footnote popup under three width queries) is
        // shown width by width by interaction, which is left unread.
        let (mut not_drawn, mut invisible, mut shown) = (None, None, None);
        let classes = el.value().classes().count();
        for rule in self
            .simple
            .candidates(el)
            .chain(self.chain_shows.candidates(el))
        {
            if !self.visit() {
                return None;
            }
            let most = match rule.effect {
                Effect::NotDrawn if rule.widths == ALL_WIDTHS => &mut not_drawn,
                Effect::Invisible if rule.widths == ALL_WIDTHS => &mut invisible,
                Effect::Shown => &mut shown,
                _ => continue,
            };
            if self.matches(rule, el, classes, marks)? {
                *most = (*most).max(Some(rule.specificity));
            }
        }
        let hides = not_drawn.max(invisible)?;
        // Not drawn wins over invisible: a box not drawn is not seen
        // either way.
        (shown < Some(hides)).then(|| {
            if not_drawn.is_some() {
                Effect::NotDrawn
            } else {
                Effect::Invisible
            }
        })
    }

    /// A rule gives `el` a box at a ratio (see [`Effect::HoldsBox`]), and
    /// no rule, at any screen width, takes it away.
    pub fn holds_box(&self, el: ElementRef<'_>, marks: &AncestorMarks<'_>) -> bool {
        self.holds(el, Effect::HoldsBox, Effect::FreesBox, marks)
    }

    /// A rule gives `el` a height in pixels (see [`Effect::FixesHeight`]),
    /// and no rule, at any screen width, sets it to something else.
    pub fn fixes_height(&self, el: ElementRef<'_>, marks: &AncestorMarks<'_>) -> bool {
        self.holds(el, Effect::FixesHeight, Effect::FreesHeight, marks)
    }

    /// Rules give the image `el` a width and a height at every screen
    /// width (see [`Effect::SetsSize`]), and none sets either back to
    /// `auto` at any.
    /// A rule that frees the size counts against one that sets it only
    /// when it is at least as specific (`img { height: auto }`, a reset,
    /// does not undo `.jLgjau img { height: 40px }`).
    pub fn sizes(&self, el: ElementRef<'_>, marks: &AncestorMarks<'_>) -> bool {
        let (mut sets, mut frees) = (Vec::new(), Vec::new());
        let classes = el.value().classes().count();
        for rule in self
            .simple
            .candidates(el)
            .chain(self.chain_sizes.candidates(el))
        {
            if !self.visit() {
                return false;
            }
            let list = match rule.effect {
                Effect::SetsSize => &mut sets,
                Effect::FreesSize => &mut frees,
                _ => continue,
            };
            match self.matches(rule, el, classes, marks) {
                Some(true) => list.push((rule.specificity, rule.widths)),
                Some(false) => {}
                None => return false,
            }
        }
        let held: Vec<Widths> = sets
            .iter()
            .filter(|(at, _)| frees.iter().all(|(free, _)| free < at))
            .map(|(_, widths)| *widths)
            .collect();
        !held.is_empty() && cover_all_widths(held)
    }

    /// Rules matching `el` have the effect `hold` at every screen width,
    /// and none has `free` at any.
    /// Rules of one compound selector, and rules through ancestors (`.item
    /// .hem { padding: 0 0 61% }`), kept with those that hide or show.
    fn holds(
        &self,
        el: ElementRef<'_>,
        hold: Effect,
        free: Effect,
        marks: &AncestorMarks<'_>,
    ) -> bool {
        let mut held = Vec::new();
        let classes = el.value().classes().count();
        for rule in self
            .simple
            .candidates(el)
            .chain(self.chain_shows.candidates(el))
        {
            if !self.visit() {
                return false;
            }
            if rule.effect != hold && rule.effect != free {
                continue;
            }
            match self.matches(rule, el, classes, marks) {
                Some(true) if rule.effect == free => return false,
                Some(true) => held.push(rule.widths),
                Some(false) => {}
                None => return false,
            }
        }
        !held.is_empty() && cover_all_widths(held)
    }
}

/// Collects the rules of one sheet into the list: each selector's text,
/// the selector, what it does, and at which screen widths.
struct Rules<'s>(&'s mut Vec<(String, Selector, Effect, Widths)>);

/// What a compound selector requires of an element first: a class, an
/// id, an attribute, a type, or nothing the rules are kept by (`*`).
enum Key {
    Class(String),
    Id(String),
    Attr(String),
    Type(String),
    Other,
}

fn key(selector: &str) -> Key {
    let (mut class, mut id, mut attr) = (None, None, None);
    let type_end = selector.find(['.', '#', '[']).unwrap_or(selector.len());
    let mut rest = &selector[type_end..];
    while let Some(c) = rest.chars().next() {
        if c == '[' {
            // An attribute's value may hold dots (`[data-v="1.5"]`).
            let close = rest.find(']').unwrap_or(rest.len());
            let name = rest[1..close].split(['=', '~', '|', '^', '$', '*']).next();
            attr = attr.or(name.map(|n| n.trim().to_ascii_lowercase()));
            rest = rest.get(close + 1..).unwrap_or("");
        } else {
            let body = &rest[1..];
            let end = body.find(['.', '#', '[']).unwrap_or(body.len());
            let slot = if c == '.' { &mut class } else { &mut id };
            *slot = slot.or(Some(&body[..end]));
            rest = &body[end..];
        }
    }
    let tag = &selector[..type_end];
    if let Some(c) = class {
        Key::Class(c.to_string())
    } else if let Some(i) = id {
        Key::Id(i.to_string())
    } else if let Some(a) = attr.filter(|a| !a.is_empty()) {
        Key::Attr(a)
    } else if !tag.is_empty() && tag != "*" {
        Key::Type(tag.to_ascii_lowercase())
    } else {
        Key::Other
    }
}

/// The specificity of a simple selector's text (see [`is_simple`]): its
/// ids, its classes and attributes, and its type.
fn specificity(selector: &str) -> (u16, u16, u16) {
    let (mut ids, mut classes) = (0u16, 0u16);
    let mut chars = selector.chars();
    let mut in_brackets = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !in_brackets => {
                in_brackets = true;
                classes = classes.saturating_add(1);
            }
            ']' => in_brackets = false,
            '#' if !in_brackets => ids = ids.saturating_add(1),
            '.' if !in_brackets => classes = classes.saturating_add(1),
            _ => {}
        }
    }
    // One type per compound that opens with one (`.card img`: one).
    let types = compounds(selector)
        .filter(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()))
        .count();
    (ids, classes, u16::try_from(types).unwrap_or(u16::MAX))
}

/// An at-rule's kind: a `@media` whose rules apply on screen at a range
/// of widths (all of them for `@media screen` and for a `@supports`
/// feature query), another `@media` (whose rules may show things), or
/// another.
enum AtPrelude {
    Screen(Widths),
    Conditional,
    Other,
}

/// The screen widths a media query selects, when it asks only for the
/// screen (or all media) and for a minimum or maximum width in `px`, `em`
/// or `rem` (`only screen and (min-width: 0px) and (max-width: 599.9px)`).
fn media_widths(media: &str) -> Option<Widths> {
    let media = media.split_whitespace().collect::<Vec<_>>().join(" ");
    let media = media.strip_prefix("only ").unwrap_or(&media);
    let mut widths = ALL_WIDTHS;
    for (i, part) in media.split(" and ").enumerate() {
        let part = part.trim();
        if i == 0 && matches!(part, "screen" | "all") {
            continue;
        }
        let (feature, value) = part.strip_prefix('(')?.strip_suffix(')')?.split_once(':')?;
        let value = value.trim();
        let (number, scale) = if let Some(n) = value.strip_suffix("px") {
            (n, 1.0)
        } else if let Some(n) = value
            .strip_suffix("rem")
            .or_else(|| value.strip_suffix("em"))
        {
            (n, 16.0)
        } else {
            (value, 1.0)
        };
        let px = number.trim().parse::<f64>().ok()? * scale;
        match feature.trim() {
            "min-width" => widths.0 = widths.0.max(px),
            "max-width" => widths.1 = widths.1.min(px),
            _ => return None,
        }
    }
    (widths.0 <= widths.1).then_some(widths)
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
        let mut declarations = Declarations::default();
        for _ in RuleBodyParser::new(input, &mut declarations) {}
        let effects: Vec<Effect> = declarations
            .shown
            .into_iter()
            .chain(declarations.boxed.map(|held| {
                if held {
                    Effect::HoldsBox
                } else {
                    Effect::FreesBox
                }
            }))
            .chain(declarations.height.map(|fixed| {
                if fixed {
                    Effect::FixesHeight
                } else {
                    Effect::FreesHeight
                }
            }))
            .chain(
                match (declarations.sized_width, declarations.sized_height) {
                    (Some(true), Some(true)) => Some(Effect::SetsSize),
                    (Some(false), _) | (_, Some(false)) => Some(Effect::FreesSize),
                    _ => None,
                },
            )
            .collect();
        if effects.is_empty() {
            return Ok(());
        }
        for part in prelude.split(',') {
            let part = part.trim();
            let simple = is_simple(part);
            if !(simple || is_descendant_chain(part)) || without_scripts(part) {
                continue;
            }
            let Ok(selector) = Selector::parse(part) else {
                continue;
            };
            // Through ancestors, a rule sizes an image, hides and shows
            // (`.share .sd-sharing > h3 { display: none }`), or holds a
            // box at a ratio (`.item .hem { padding: 0 0 61% }`). It frees
            // none: a theme's spacing for every block of a kind (`.entry
            // .wp-block-image { padding-bottom: 0 }`) is not about the box
            // a rule of its own holds. Heights are read from simple rules
            // only: a menu's links (`.main-nav .menu > li > a { height:
            // 95px }`) are as tall as their line, and a flag in one still
            // pushes the text beside it.
            for &effect in effects.iter().filter(|e| {
                simple
                    || !matches!(
                        e,
                        Effect::FreesBox | Effect::FixesHeight | Effect::FreesHeight
                    )
            }) {
                self.0
                    .push((part.to_string(), selector.clone(), effect, ALL_WIDTHS));
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
            if let Some(widths) =
                media_widths(&media).filter(|_| name.eq_ignore_ascii_case("media"))
            {
                AtPrelude::Screen(widths)
            } else if name.eq_ignore_ascii_case("supports") {
                // A feature query asks what today's browsers support
                // (`(object-fit: cover) and (display: flex)`): its rules
                // apply; a negated one is a fallback for older browsers.
                if media.starts_with("not") {
                    AtPrelude::Other
                } else {
                    AtPrelude::Screen(ALL_WIDTHS)
                }
            } else if name.eq_ignore_ascii_case("media") {
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
            // Each rule applies where both its own query and this one do.
            AtPrelude::Screen((from, to)) => {
                let mut inner = Vec::new();
                for _ in StyleSheetParser::new(input, &mut Rules(&mut inner)) {}
                self.0
                    .extend(inner.into_iter().filter_map(|(t, s, e, (f, u))| {
                        let widths = (f64::max(from, f), f64::min(to, u));
                        (widths.0 <= widths.1).then_some((t, s, e, widths))
                    }));
            }
            // Only what shows counts: hidden under another condition is
            // not hidden, and a box held under one only is not held.
            AtPrelude::Conditional => {
                let mut inner = Vec::new();
                for _ in StyleSheetParser::new(input, &mut Rules(&mut inner)) {}
                self.0.extend(inner.into_iter().filter(|(_, _, e, _)| {
                    matches!(e, Effect::Shown | Effect::FreesBox | Effect::FreesHeight)
                }));
            }
            AtPrelude::Other => {}
        }
        Ok(())
    }
}

/// The compound selectors of a selector joined by descendant or child
/// combinators, in order (`.card`, `.media`, `img` in `.card > .media
/// img`).
fn compounds(selector: &str) -> impl Iterator<Item = &str> {
    selector
        .split(|c: char| c.is_whitespace() || c == '>')
        .filter(|p| !p.is_empty())
}

/// Compound selectors joined by descendant or child combinators
/// (`.jLgjau img`, `.card > .media img`), each of them simple.
fn is_descendant_chain(selector: &str) -> bool {
    selector.len() <= 200 && compounds(selector).all(is_simple)
}

/// The classes a page's `<html>` carries until its script replaces them
/// (Modernizr's `no-js`, and its spellings): a rule under one is for
/// readers without scripts. Pages are written with it (a template's
/// `<html class="no-js">`), and readers meet them with it gone.
const NO_SCRIPT_CLASSES: &[&str] = &["no-js", "nojs", "no-javascript"];

/// The selector applies only while the page's script has not run
/// (`.no-js .gallery img`): not what readers meet, so not read.
fn without_scripts(selector: &str) -> bool {
    selector.split(['.', ' ', '>', '[', '#']).any(|piece| {
        NO_SCRIPT_CLASSES
            .iter()
            .any(|class| piece.eq_ignore_ascii_case(class))
    })
}

/// One compound selector: type, class, id and attribute selectors only.
fn is_simple(selector: &str) -> bool {
    !selector.is_empty()
        && selector.len() <= 200
        && !selector
            .contains(|c: char| c.is_whitespace() || matches!(c, '>' | '+' | '~' | ':' | '*'))
}

/// A CSS width or height that gives a size rather than leaving it to the
/// content (`auto`, or a global keyword).
fn a_size(value: &str) -> bool {
    !value.is_empty() && !matches!(value, "auto" | "initial" | "unset" | "inherit" | "revert")
}

/// The `display` and `visibility` of one rule's declarations (the last
/// one that hides or shows), and whether they hold a box at a ratio
/// (`Some(false)`: they set the padding or ratio to something else).
#[derive(Default)]
struct Declarations {
    shown: Option<Effect>,
    boxed: Option<bool>,
    /// `Some(true)`: a `height` in pixels; `Some(false)`: another height.
    height: Option<bool>,
    /// Whether the `width` and the `height` are set to a size rather than
    /// `auto` (`None`: not set).
    sized_width: Option<bool>,
    sized_height: Option<bool>,
}

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
            self.shown = Some(if value == "none" {
                Effect::NotDrawn
            } else {
                Effect::Shown
            });
        } else if name.eq_ignore_ascii_case("visibility") {
            self.shown = Some(if value == "hidden" || value == "collapse" {
                Effect::Invisible
            } else {
                Effect::Shown
            });
        } else if name.eq_ignore_ascii_case("width") {
            self.sized_width = Some(a_size(value));
        } else if name.eq_ignore_ascii_case("height") {
            self.sized_height = Some(a_size(value));
            self.height = Some(
                value
                    .strip_suffix("px")
                    .is_some_and(|n| n.trim().parse::<f64>().is_ok_and(|n| n > 0.0)),
            );
        } else if [
            "padding",
            "padding-bottom",
            "padding-top",
            "aspect-ratio",
            "position",
        ]
        .iter()
        .any(|p| name.eq_ignore_ascii_case(p))
        {
            let held = if name.eq_ignore_ascii_case("aspect-ratio") {
                !value.is_empty() && value != "auto"
            } else if name.eq_ignore_ascii_case("position") {
                matches!(value, "absolute" | "fixed")
            } else if name.eq_ignore_ascii_case("padding") {
                // The shorthand's top (its first value) or bottom (its
                // third, or its first when it has fewer than three):
                // `padding: 0 0 61%`.
                let values: Vec<&str> = value.split_whitespace().collect();
                let bottom = values.get(2).or(values.first());
                values.first().is_some_and(|v| v.ends_with('%'))
                    || bottom.is_some_and(|v| v.ends_with('%'))
            } else {
                value.ends_with('%')
            };
            // Any one of them holding the box holds it. The shorthand only
            // holds one: `padding: 8px` is every box's spacing, and says
            // nothing of a ratio set elsewhere.
            let shorthand = name.eq_ignore_ascii_case("padding");
            if held || (self.boxed != Some(true) && !shorthand) {
                self.boxed = Some(held);
            }
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

    /// What `ask` says of each top-level element of `html` under `css`.
    fn each<T>(css: &str, html: &str, ask: impl Fn(&Styles, ElementRef<'_>) -> T) -> Vec<T> {
        let styles = Styles::read(std::iter::once(css));
        let doc = scraper::Html::parse_fragment(html);
        doc.root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .map(|el| ask(&styles, el))
            .collect()
    }

    fn holds_box(styles: &Styles, el: ElementRef<'_>) -> bool {
        styles.holds_box(el, &AncestorMarks::of(el))
    }

    fn fixes_height(styles: &Styles, el: ElementRef<'_>) -> bool {
        styles.fixes_height(el, &AncestorMarks::of(el))
    }

    fn effects(css: &str, html: &str) -> Vec<Option<Effect>> {
        each(css, html, |styles, el| {
            styles.effect(el, &AncestorMarks::of(el))
        })
    }

    /// How the sheets hide each element of `html` that `selector` picks,
    /// at any depth, in document order.
    fn effects_at(css: &str, html: &str, selector: &str) -> Vec<Option<Effect>> {
        let styles = Styles::read(std::iter::once(css));
        let doc = scraper::Html::parse_fragment(html);
        let picked = Selector::parse(selector).unwrap();
        doc.select(&picked)
            .map(|el| styles.effect(el, &AncestorMarks::of(el)))
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
    fn width_ranges_that_cover_every_width_hold_a_box_but_do_not_hide() {
        // A footnote popup laid out width by width, shown on hover or tap.
        let css = "@media screen and (min-width: 64em) { .note { position: absolute; visibility: hidden } }
                   @media screen and (max-width: 63.994em) and (min-width: 37.5em) {
                     .note { position: absolute; visibility: hidden } }
                   @media only screen and (max-width: 37.494em) and (min-width: 0) {
                     .note { position: absolute; visibility: hidden } }
                   @media (min-width: 600px) { .wide { position: absolute } }
                   @media (max-width: 599.9px) { .wide { position: absolute } }
                   @media (min-width: 900px) { .gap { position: absolute } }
                   @media (max-width: 600px) { .gap { position: absolute } }
                   @media print { .printed { position: absolute } }";
        let html = r#"<span class="note"></span><div class="wide"></div><div class="gap"></div><div class="printed"></div>"#;
        assert_eq!(each(css, html, holds_box), [true, true, false, false]);
        assert_eq!(effects(css, html), [None, None, None, None]);
        assert_eq!(
            media_widths("screen and (min-width: 2em) and (max-width: 40rem)"),
            Some((32.0, 640.0))
        );
        assert_eq!(media_widths("screen and (orientation: landscape)"), None);
        assert_eq!(media_widths("print"), None);
    }

    #[test]
    fn feature_queries_apply_and_their_negations_do_not() {
        let css =
            "@supports (object-fit: cover) and (display: flex) { .hero { position: absolute } }
                   @supports not (display: grid) { .fallback { position: absolute } }";
        let html = r#"<img class="hero"><img class="fallback">"#;
        assert_eq!(each(css, html, holds_box), [true, false]);
    }

    #[test]
    fn ratio_boxes_are_kept_beside_what_hides() {
        let css = ".image-wrapper { height: 0; padding-bottom: 56.25% }
                   .kHCVke { aspect-ratio: 16 / 9; display: none }
                   .thumb { padding-bottom: 12px } .free { aspect-ratio: auto }
                   .lead { height: 0; padding-top: 0; padding-bottom: 42.6% }
                   .footnote { position: absolute; visibility: hidden }
                   @media (min-width: 36em) { .lead { height: auto; padding-bottom: 0 } }";
        let boxes = each(
            css,
            r#"<div class="image-wrapper"></div><div class="kHCVke"></div><div class="thumb"></div><div class="free"></div><div class="lead"></div><span class="footnote"></span>"#,
            holds_box,
        );
        // Held on phones, given up on wide screens: not held.
        assert_eq!(boxes, [true, true, false, false, false, true]);
        let heights_css =
            ".avatar { height: 75px } .row { height: 40PX !important } .grow { height: auto }
                   .tall { height: 300px } @media (max-width: 600px) { .tall { height: auto } }
                   .none { height: 0 }";
        let heights = each(
            heights_css,
            r#"<div class="avatar"></div><div class="row"></div><div class="grow"></div><div class="tall"></div><div class="none"></div>"#,
            fixes_height,
        );
        assert_eq!(heights, [true, true, false, false, false]);
        // A rule that holds a box and hides still hides.
        assert_eq!(
            effects(css, r#"<div class="kHCVke"></div>"#),
            [Some(Effect::NotDrawn)]
        );
    }

    #[test]
    fn ratio_boxes_through_ancestors_and_the_padding_shorthand() {
        let css = ".item .hem { height: 0; padding: 0 0 61% }
                   .card { padding: 8px }
                   .entry .card { padding-bottom: 0 }";
        let doc = scraper::Html::parse_fragment(
            r#"<div class="item"><div class="hem"></div></div><div class="hem"></div><div class="entry"><div class="card"></div></div>"#,
        );
        let styles = Styles::read(std::iter::once(css));
        let held = |class: &str| {
            let selector = scraper::Selector::parse(class).expect("selector");
            doc.select(&selector)
                .map(|el| styles.holds_box(el, &AncestorMarks::of(el)))
                .collect::<Vec<_>>()
        };
        // Held through its ancestor, and not where the ancestor is not.
        assert_eq!(held(".hem"), [true, false]);
        // Spacing in the shorthand holds nothing, and a rule through
        // ancestors frees nothing.
        assert_eq!(held(".card"), [false]);
    }

    #[test]
    fn rules_through_ancestors_size_images_as_lighthouse_counts_them() {
        let css = "img { max-width: 100%; height: auto }
                   .jLgjau img { width: 40px; height: 40px; border-radius: 50% }
                   .card > .media img { width: 100%; height: 180px }
                   .grow img { width: 100px }
                   .tall img { width: 60px; height: 60px }
                   @media (max-width: 600px) { .tall img { height: auto } }";
        let html = r#"<div class="jLgjau"><div><img src="a.jpg"></div></div>
                      <div class="card"><div class="media"><img src="b.jpg"></div></div>
                      <div class="grow"><img src="c.jpg"></div>
                      <div class="tall"><img src="d.jpg"></div>
                      <img src="e.jpg">"#;
        let styles = Styles::read(std::iter::once(css));
        let doc = scraper::Html::parse_fragment(html);
        let img = Selector::parse("img").unwrap();
        let sized: Vec<bool> = doc
            .select(&img)
            .map(|i| styles.sizes(i, &AncestorMarks::of(i)))
            .collect();
        // The reset `img { height: auto }` is less specific than the
        // card's rules; a width alone is no size; a height given up on
        // phones is not held.
        assert_eq!(sized, [true, true, false, false, false]);
    }

    #[test]
    fn rules_for_readers_without_scripts_are_not_read() {
        let css = ".no-js .gallery img { display: none } .nojs .menu { display: none }
                   .js-gallery img { display: none }";
        let html = r#"<div class="no-js"><div class="gallery"><img src="a.jpg"></div>
                      <div class="menu"></div></div><div class="js-gallery"><img src="b.jpg"></div>"#;
        assert_eq!(
            effects_at(css, html, "img, .menu"),
            [None, None, Some(Effect::NotDrawn)]
        );
    }

    #[test]
    fn rules_through_ancestors_hide_unless_a_rule_as_specific_shows() {
        // The Times's masthead: its links block is hidden, and shown
        // again under `.hasLinks`; a menu's items shown on hover (a rule
        // with a pseudo-class, not read) are hidden at load.
        let css = ".menu li { display: none } .menu li:hover ul { display: block }
                   .css-9e9ivx { display: none } .hasLinks .css-9e9ivx { display: block }
                   .rv-player .adjust-img { visibility: hidden }
                   .story .body figure.primary { display: none }";
        let html = r#"<ul class="menu"><li>Home</li></ul><li>Away</li>
                      <section class="hasLinks"><div class="css-9e9ivx">a</div></section>
                      <section><div class="css-9e9ivx">b</div></section>
                      <div class="rv-player"><div class="adjust-img">c</div></div>
                      <div class="story"><div class="body"><figure class="primary">d</figure>
                      <figure>e</figure></div></div>"#;
        assert_eq!(
            effects_at(css, html, "li, .css-9e9ivx, .adjust-img, figure"),
            [
                Some(Effect::NotDrawn),
                None,
                None,
                Some(Effect::NotDrawn),
                Some(Effect::Invisible),
                Some(Effect::NotDrawn),
                None,
            ]
        );
    }

    #[test]
    fn a_less_specific_rule_does_not_show_what_a_class_hides() {
        let css = "img { display: block } .fallback { display: none }
                   .teaser { display: none } div.teaser { display: block }
                   #logo { visibility: hidden } .brand { visibility: visible }";
        let html = r#"<img class="fallback"><div class="teaser"></div><p class="teaser"></p>
                      <span id="logo" class="brand"></span>"#;
        assert_eq!(
            effects(css, html),
            [
                Some(Effect::NotDrawn),
                None,
                Some(Effect::NotDrawn),
                Some(Effect::Invisible)
            ]
        );
        assert_eq!(specificity("a.b.c[href]#d"), (1, 3, 1));
        assert_eq!(specificity(r#"[data-x=".y#z"]"#), (0, 1, 0));
    }

    #[test]
    fn broken_css_is_read_as_far_as_it_goes() {
        let css = ".a { display: none } .b { display: ; } }}} .c { display: none";
        let html = r#"<p class="a"></p><p class="b"></p><p class="c"></p>"#;
        assert_eq!(effects(css, html)[0], Some(Effect::NotDrawn));
    }
}
