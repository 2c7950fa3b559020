//! A short line standing between paragraphs that reads as a subheading
//! (no closing punctuation, a few words, or wholly bold) but is a plain
//! paragraph. It looks like a heading, but screen-reader users who move
//! through an article by its headings never reach it, and the article's
//! outline skips the section.
//!
//! It reads the article's blocks in order (`<p>` elements and headings in
//! HTML; paragraphs, or lines in a file written one line per paragraph, in
//! Markdown). A line counts when the paragraphs on both sides are prose, so
//! the kicker and headline above the story, a byline, a "Read more" link
//! and a photo credit are left alone.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Block;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    id: "heading-fake",
    group: "heading",
    severity: Severity::Warning,
    summary: "A short line between paragraphs reads as a subheading but is not marked up as one",
    doc: include_str!("../../../rules/heading-fake.md"),
    check,
    ..Rule::DEFAULTS
};

/// The most words and characters a subheading has.
const MAX_WORDS: usize = 10;
const MAX_CHARS: usize = 80;

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let blocks = &ctx.article.blocks;
    let markdown = ctx.article.document.markdown;
    let interview = is_interview(blocks);
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let (Some(before), Some(after)) = (i.checked_sub(1).and_then(|p| blocks.get(p)), blocks.get(i + 1)) else {
            continue;
        };
        // A line before a thematic break closes its section; a plain one
        // right before a code listing introduces it ("The summary methods
        // yield").
        if !reads_as_subheading(block)
            || block.rule_after
            || block.code_after && !block.emphasised
            || !is_prose(before)
            || !is_prose(after)
            || block.article != before.article
            || asks_the_speaker_after(block, after)
            || interview && block.emphasised && is_plain_question(&block.text)
        {
            continue;
        }
        let help = if markdown {
            format!("make it a heading, e.g. `## {}`, so readers who move by headings reach it", block.text)
        } else {
            "make it a heading (<h2>…</h2>, or the level its section needs) so readers who move by headings reach it; style it with CSS".to_string()
        };
        out.push(
            Diagnostic::new(block.span, format!("\"{}\" reads as a subheading but is not marked up as one", block.text))
                .help(help),
        );
    }
    out
}

/// A short standalone paragraph with no closing punctuation, or wholly
/// bold or emphasised.
fn reads_as_subheading(block: &Block) -> bool {
    let text = block.text.as_str();
    let words = text.split_whitespace().count();
    if block.heading
        || block.nested
        || block.linked
        || block.media
        || words == 0
        || words > MAX_WORDS
        || text.chars().count() > MAX_CHARS
        || !text.chars().any(char::is_alphabetic)
        || !starts_like_a_title(text)
        || looks_like_code_or_score(text)
        || is_byline_or_credit(text)
        || is_page_furniture(text)
        || is_date(text)
        || is_statistic(text)
        || is_label_line(text)
        || is_pull_quote(text)
        || runs_on(text)
        || is_ornamented(text)
        || has_timestamp(text)
    {
        return false;
    }
    // A bold or emphasised question still reads as a subheading
    // ("**What happens next?**"); a run of marks ("thinking???", "Really?!")
    // is an outburst in the text, not a title.
    !ends_sentence(text) || (block.emphasised && is_plain_question(text))
}

/// Ends with one question mark and no other mark before it.
fn is_plain_question(text: &str) -> bool {
    text.trim_end_matches(['*', '_'])
        .strip_suffix('?')
        .is_some_and(|rest| !rest.ends_with(['?', '!', '.']))
}

/// Words that address the reader or the person asked.
const SECOND_PERSON: &[&str] = &[
    "you", "your", "yours", "du", "dich", "dir", "dein", "deine", "sie", "ihnen", "ihr", "ihre",
    "vous", "votre", "vos", "tu", "ton", "ta", "tes", "usted", "ustedes", "su", "sus",
];

/// How many bold questions put to "you" make a page an interview.
const INTERVIEW_QUESTIONS: usize = 3;

/// The page is an interview written as bold questions and plain answers,
/// without the speakers' names ("**Were you involved in those
/// discussions?**"): several emphasised questions put to "you". Its
/// questions are the interviewer's turns, not the sections of an explainer
/// ("**What happens next?**").
fn is_interview(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .filter(|b| {
            b.emphasised
                && !b.heading
                && is_plain_question(&b.text)
                && b.text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| SECOND_PERSON.contains(&w.to_lowercase().as_str()))
        })
        .count()
        >= INTERVIEW_QUESTIONS
}

/// An interviewer's question in a Q&A: bold or emphasised, and answered
/// by the next paragraph, which opens with its speaker's name and a colon
/// ("**McKelvey:** Everyone needs…", "A: …").
fn asks_the_speaker_after(block: &Block, after: &Block) -> bool {
    block.emphasised
        && is_plain_question(&block.text)
        && after.text.split_once(':').is_some_and(|(speaker, _)| {
            let words: Vec<&str> = speaker.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// A line that carries a clock time, a numeric date or a time ago ("Ivan -
/// 16.08.2015 г. 10:16:23", "Posted 12/03/2014", "Alcalino Hace 28
/// minutos"): a comment's or a post's header, not a section's title.
fn has_timestamp(text: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b",
            // "2 hours ago", "Hace 28 minutos", "il y a 3 heures", "vor 2 Stunden".
            r"|(?i)\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
            r"|(?i)\bhace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?)\b",
            r"|(?i)\bil y a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?)\b",
            r"|(?i)\bvor\s+(?:\d+|einer?)\s+(?:Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?)\b",
        ))
        .expect("timestamp pattern")
    });
    STAMP.is_match(text)
}

/// A label and its value ("More: Huawei's next flagship", "Tested by: Jo
/// Lee RRP: £23.99"): a short label, then a colon, then more text.
fn is_label_line(text: &str) -> bool {
    text.split_once(": ")
        .is_some_and(|(label, rest)| label.split_whitespace().count() <= 2 && !rest.trim().is_empty())
}

/// A whole sentence quoted and set apart from the text ("»Der Zeitgeist
/// ist nun wirklich kein altruistischer«"): a pull quote, not a section's
/// title. A quoted word or phrase ("'Troubling'") is a subheading in the
/// wire style.
fn is_pull_quote(text: &str) -> bool {
    let text = text.trim();
    let open = ['"', '“', '«', '»', '„', '‘', '\''];
    let close = ['"', '”', '»', '«', '“', '’', '\''];
    text.split_whitespace().count() >= 5
        && text.starts_with(open)
        && text.trim_end_matches(['.', '!', '?']).ends_with(close)
}

/// A label framed by runs of typed symbols (`*****Notes*****`,
/// `~~~ Update ~~~`): a decoration, like a `***` scene break, not a
/// section's title. (Markdown's own emphasis markers are not in the text.)
fn is_ornamented(text: &str) -> bool {
    const ORNAMENTS: &[char] = &['*', '=', '~', '#', '+', '-', '_'];
    let text = text.trim();
    let run = |first: Option<char>, chars: &mut dyn Iterator<Item = char>| {
        first
            .filter(|c| ORNAMENTS.contains(c))
            .map_or(0, |c| chars.take_while(|&d| d == c).count())
    };
    run(text.chars().next(), &mut text.chars()) >= 3
        && run(text.chars().next_back(), &mut text.chars().rev()) >= 3
}

/// A sentence cut off before the list or quote it leads into: it ends on a
/// word that cannot end a title ("… your options are limited: either").
fn runs_on(text: &str) -> bool {
    text.split_whitespace().last().is_some_and(|last| {
        matches!(
            last.to_lowercase().as_str(),
            "either" | "or" | "and" | "but" | "the" | "a" | "an" | "of" | "to" | "with" | "for"
                | "that" | "which" | "are" | "is" | "were" | "was" | "include" | "including"
                | "as" | "via" | "then" | "than"
        )
    })
}

fn is_byline_or_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["by ", "photo", "credit", "caption", "source:", "image:", "video:", "watch:", "read more", "related"]
        .iter()
        .any(|p| lower.starts_with(p))
        || text.ends_with('|')
        || is_foreign_byline(text)
        || is_signature(text)
}

/// A writer's signature, one or two given names then the surname in
/// capitals, as French and German writers sign a post ("Eloïse BAJOU",
/// "Jean-Marc DUPONT"): a name, not a section's title.
fn is_signature(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some((surname, given)) = words.split_last() else {
        return false;
    };
    let letters = |w: &str| w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c));
    (1..=2).contains(&given.len())
        && given.iter().all(|w| {
            let mut chars = w.chars();
            letters(w)
                && chars.next().is_some_and(char::is_uppercase)
                && chars.any(char::is_lowercase)
        })
        && surname.chars().count() >= 3
        && letters(surname)
        && surname.chars().all(|c| !c.is_lowercase())
}

/// A byline in another language: "Un texte de Frédéric Zalac", "Texto de
/// …", or a short word for "by" followed by a name only ("Par Jean
/// Dupont", "Von Anna Müller", "Por María López", "Di Marco Rossi",
/// "Подготовил Михаил Генчу"). "Von
/// der Leyen unter Druck" and "Di Maio attacca" go on with words that are
/// not a name.
fn is_foreign_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    if ["un texte de ", "texte de ", "texto de ", "un texto de ", "text von ", "testo di "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    let mut words = text.split_whitespace();
    let by = words.next().unwrap_or_default().to_lowercase();
    let by = by.trim_end_matches(':');
    let name: Vec<&str> = words.collect();
    // Russian "Подготовил Михаил Генчу" (prepared by), "Автор: …", "Текст: …".
    matches!(
        by,
        "par" | "von" | "por" | "di" | "door" | "av" | "af" | "подготовил" | "подготовила" | "автор" | "текст"
    )
        && (1..=5).contains(&name.len())
        && name.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "da" | "di" | "del" | "van" | "von" | "der" | "la" | "le" | "y" | "et" | "und" | "e" | "and")
        })
}

/// Starts with a capital, a digit or an opening quote: "and add" is a
/// fragment of a sentence, not a title.
fn starts_like_a_title(text: &str) -> bool {
    text.trim_start_matches(['\'', '"', '‘', '“', '«', '*', '_'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic() && !c.is_ascii_punctuation() && c != '—')
}

/// A line of code or a command, or a result line ("Heritage d. Titusville
/// 53-9").
fn looks_like_code_or_score(text: &str) -> bool {
    text.contains(['=', '<', '>', '{', '}', '$', '|', '\\', '(', ')', '@'])
        || text
            .rsplit(' ')
            .next()
            .is_some_and(|last| last.contains('-') && last.chars().all(|c| c.is_ascii_digit() || c == '-'))
}

/// A date line ("Sept. 15, 2016").
fn is_date(text: &str) -> bool {
    text.rsplit(' ').next().is_some_and(|last| {
        last.len() == 4 && last.chars().all(|c| c.is_ascii_digit())
    }) && text.split_whitespace().count() <= 4
}

/// A figure of a fact box ("20K", "100K", "25 Years", "3.5m"): a number
/// with a suffix, or a number and a unit of count. Not a numbered section
/// ("1. Paris", "2 Methods") nor a year ("2016 Election").
fn is_statistic(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), unit, None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let digits = first.trim_end_matches(|c: char| c.is_alphabetic() || c == '%' || c == '+');
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || digits.ends_with(['.', ','])
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return false;
    }
    match unit {
        None => digits.len() < first.len(),
        Some(unit) => {
            digits.len() == first.len()
                && QUANTITY_UNITS.iter().any(|u| {
                    // "Years", "Countries": the unit and its plural.
                    let singular = match unit.strip_suffix("ies") {
                        Some(stem) => format!("{stem}y"),
                        None => unit.strip_suffix('s').unwrap_or(unit).to_string(),
                    };
                    unit.eq_ignore_ascii_case(u) || singular.eq_ignore_ascii_case(u)
                })
        }
    }
}

/// What a fact box counts, singular: "25 Years", "100 Million".
const QUANTITY_UNITS: &[&str] = &[
    "year", "month", "week", "day", "hour", "minute", "second", "thousand", "million",
    "billion", "trillion", "percent", "people", "person", "time", "country", "death", "job",
    "member", "mile", "km", "ton", "tonne",
];

/// Labels a page's furniture puts between paragraphs: advertising slots,
/// "Continue reading", comment counts.
fn is_page_furniture(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "advertisement",
        "sponsored",
        "continue reading",
        "story continues",
        "skip ",
        "share",
        "subscribe",
        "sign up",
        "comment",
        "connect with",
        "follow ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || lower.ends_with("more replies")
        || lower.ends_with("more reply")
}

/// Ends with sentence punctuation, closing quotes and brackets aside.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['\'', '"', '’', '”', '»', ')', ']', '*', '_'])
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', ',', '…', '。', '！', '？', '-', '—'])
}

/// A paragraph of the story: not a heading, not nested, and a sentence or
/// a long run of words.
/// Capitals throughout ("JAZZ PHARMACEUTICALS ANNOUNCES …") are a
/// headline's, not a paragraph's.
fn is_prose(block: &Block) -> bool {
    let words = block.text.split_whitespace().count();
    let shouted = !block.text.chars().any(char::is_lowercase);
    !block.heading
        && !block.nested
        && !shouted
        && words >= 4
        && (ends_sentence(&block.text) || words > 12)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    fn block(text: &str) -> Block {
        Block {
            span: Span::default(),
            heading: false,
            text: text.into(),
            emphasised: false,
            linked: false,
            nested: false,
            media: false,
            rule_after: false,
            code_after: false,
            article: None,
        }
    }

    #[test]
    fn subheadings_and_not() {
        for text in [
            "'Troubling'",
            "International isolation, desperation",
            "Eager for ammunition",
            "Von der Leyen unter Druck",
            "Di Maio attacca",
            "US FALLS",
            "Why We Love NYC",
            "2016 Election",
            "3D Printing",
            "1. Paris",
            "2 Methods",
        ] {
            assert!(reads_as_subheading(&block(text)), "{text}");
        }
        let emphasised = |text: &str| Block { emphasised: true, ..block(text) };
        assert!(reads_as_subheading(&emphasised("What happens next?")));
        assert!(!reads_as_subheading(&emphasised("What are these fucktards thinking???")));
        for text in [
            "By Entorno and AFP |",
            "He said no.",
            "What happens next:",
            "Photo: Jane Doe/AP",
            "“We will rebuild,” she said.",
            "and add",
            "— bkuhn",
            "$ adb logcat | grep x",
            "Heritage d. Titusville 53-9",
            "Advertisement",
            "90 more replies",
            "Sept. 15, 2016",
            "Connect with me @EllynJShook1",
            "*****Notes*****",
            "~~~ Update ~~~",
            "Un texte de Frédéric Zalac d'Enquête",
            "Par Jean Dupont et Marie Martin",
            "Von Anna Müller",
            "Подготовил Михаил Генчу",
            "Eloïse BAJOU",
            "What are these fucktards thinking???",
            "Ivan - 16.08.2015 г. 10:16:23",
            "Posted at 8:30 AM",
            "Alcalino Hace 28 minutos",
            "Jane 2 hours ago",
            "20K",
            "100K",
            "25 Years",
            "3.5m",
            "100 Million",
            "40 Countries",
        ] {
            assert!(!reads_as_subheading(&block(text)), "{text}");
        }
        assert!(is_prose(&block("Putin held talks with Kim in Russia's Vostochny cosmodrome.")));
        assert!(!is_prose(&block("Security")));
        assert!(!is_prose(&block("JAZZ PHARMACEUTICALS ANNOUNCES AGREEMENT TO ACQUIRE RIGHTS TO DEFIBROTIDE IN THE AMERICAS")));
        let question = Block { emphasised: true, ..block("What exactly do you give him crap about?") };
        assert!(asks_the_speaker_after(&question, &block("McKelvey: Everyone needs someone to tell them.")));
        assert!(!asks_the_speaker_after(&question, &block("He paused, and said nothing for a while.")));
    }
}
