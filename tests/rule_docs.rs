//! Every rule has a page in `rules/`, every page has a rule, and the
//! examples on each page are executed: a ```` ```html bad ```` block must
//! trigger the page's rule exactly where its `<!-- expect: … -->`
//! annotations say, a ```` ```html good ```` block must not trigger it.

mod common;

use std::collections::BTreeMap;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

fn examples(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for event in Parser::new(page) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                current = Some((info.to_string(), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, body)) = &mut current {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_rule_has_a_page_and_every_page_a_rule() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".md"))
                .map(String::from)
        })
        .collect();
    pages.sort();
    let mut ids: Vec<String> = presslint::rules::RULES
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    ids.sort();
    assert_eq!(pages, ids, "rules/*.md and the rule registry differ");
    for rule in presslint::rules::RULES {
        let on_disk = std::fs::read_to_string(format!("{dir}/{}.md", rule.id)).unwrap();
        assert_eq!(on_disk, rule.doc, "{}: embedded doc is stale", rule.id);
        assert!(
            rule.doc.starts_with(&format!("# {}\n", rule.id)),
            "{}: page must start with its id",
            rule.id
        );
    }
}

#[test]
fn doc_examples_behave_as_annotated() {
    let mut failures = Vec::new();
    for rule in presslint::rules::RULES {
        let examples = examples(rule.doc);
        let bad = examples
            .iter()
            .filter(|(info, _)| info == "html bad")
            .count();
        let good = examples
            .iter()
            .filter(|(info, _)| info == "html good")
            .count();
        if bad == 0 || good == 0 {
            failures.push(format!(
                "{}: needs at least one `html bad` and one `html good` example",
                rule.id
            ));
        }
        for (info, body) in &examples {
            let only_this =
                |m: BTreeMap<(usize, String), usize>| -> BTreeMap<(usize, String), usize> {
                    m.into_iter().filter(|((_, r), _)| r == rule.id).collect()
                };
            let found = only_this(common::example_findings(body));
            match info.as_str() {
                "html bad" => {
                    let expected = only_this(common::expectations(body));
                    if expected.is_empty() {
                        failures.push(format!(
                            "{}: a bad example has no `<!-- expect: {} -->`",
                            rule.id, rule.id
                        ));
                    }
                    if found != expected {
                        failures.push(format!(
                            "{}: bad example\n{body}\nexpected {expected:?}\nfound    {found:?}",
                            rule.id
                        ));
                    }
                }
                "html good" if !found.is_empty() => {
                    failures.push(format!(
                        "{}: good example triggers it: {found:?}\n{body}",
                        rule.id
                    ));
                }
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_option_is_documented_on_its_rule_page() {
    for rule in presslint::rules::RULES {
        for option in rule.options.iter().flat_map(|o| o.fields) {
            assert!(
                rule.doc.contains("## Options") && rule.doc.contains(&format!("`{}`", option.name)),
                "{}: option `{}` is not documented on rules/{}.md",
                rule.id,
                option.name,
                rule.id
            );
        }
    }
}
