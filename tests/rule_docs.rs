//! Every rule has a page in `rules/`, every page has a rule, and the
//! examples on each page are executed.
//!
//! A ```` ```html bad ```` block must trigger the page's rule exactly where
//! its `<!-- expect: … -->` annotations say; a ```` ```html good ```` block
//! must not trigger it. Each page needs at least one of each.
//!
//! Annotations (parsed by `common::annotations`) sit on the line where a
//! diagnostic starts and list rule ids separated by commas, an id repeated
//! when the rule fires more than once on the line. An item may pin the
//! column where the diagnostic starts (1-based, in Unicode characters) and
//! a fragment of its message, in double quotes:
//!
//! ```text
//! <!-- expect: img-too-small col=34 "600 pixels" -->
//! ```
//!
//! A block may set the page's rule's options, as a JSON object after
//! `options=` in the fence's info string:
//!
//! ```text
//! ```html bad options={"og_min_width":700}
//! ```
//!
//! The options go into a generated `presslint.toml` (`[rules]` with the
//! rule's table), read and validated as any config file is, so a misspelt
//! option or a value of the wrong type fails the example. Other rules run at
//! their defaults. An example with options must come out differently
//! without them (the options are what it shows), and every option of every
//! rule needs such an example. Every failure names the page and the line of
//! its block.

mod common;

use std::path::Path;

use presslint::config::{ActiveRule, Config};
use presslint::rules::Rule;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::{Map, Value};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Bad,
    Good,
}

/// An executable example: a ```` ```html bad|good [options={…}] ```` block.
struct Example {
    kind: Kind,
    options: Map<String, Value>,
    body: String,
    /// The line of the page where the block's fence is.
    page_line: usize,
}

/// What an example's fence says: bad or good, and the rule's options.
type Fence = (Kind, Map<String, Value>);

/// The info string of a fenced block: `None` for blocks that are not
/// examples (```` ```toml ````, a plain ```` ```html ````), an error for an
/// `html` block whose words are not understood.
fn parse_info(info: &str) -> Result<Option<Fence>, String> {
    let info = info.trim();
    let Some(rest) = info.strip_prefix("html") else {
        return Ok(None);
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return Ok(None);
    }
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Ok(None);
    }
    let (word, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let kind = match word {
        "bad" => Kind::Bad,
        "good" => Kind::Good,
        other => {
            return Err(format!(
                "`{other}`: an example is `html bad` or `html good`"
            ));
        }
    };
    let rest = rest.trim();
    if rest.is_empty() {
        return Ok(Some((kind, Map::new())));
    }
    let json = rest
        .strip_prefix("options=")
        .ok_or_else(|| format!("`{rest}`: after bad/good, only `options={{…}}`"))?;
    match serde_json::from_str(json) {
        Ok(Value::Object(options)) => Ok(Some((kind, options))),
        Ok(_) => Err(format!("`{json}`: options are a JSON object")),
        Err(e) => Err(format!("`{json}`: options are not JSON: {e}")),
    }
}

/// A page's examples, or the problems with its fences.
fn examples(page: &str) -> (Vec<Example>, Vec<String>) {
    let line_of = |offset: usize| page[..offset].lines().count() + 1;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut current: Option<Example> = None;
    for (event, range) in Parser::new(page).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => match parse_info(&info) {
                Ok(Some((kind, options))) => {
                    current = Some(Example {
                        kind,
                        options,
                        body: String::new(),
                        page_line: line_of(range.start),
                    })
                }
                Ok(None) => {}
                Err(e) => errors.push(format!("line {}: {e}", line_of(range.start))),
            },
            Event::Text(text) => {
                if let Some(example) = &mut current {
                    example.body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(current.take()),
            _ => {}
        }
    }
    (out, errors)
}

/// The `presslint.toml` that sets `options` for `rule`.
fn config_text(rule: &Rule, options: &Map<String, Value>) -> Result<String, String> {
    let table = toml::Value::try_from(options).map_err(|e| e.to_string())?;
    let mut rules = toml::Table::new();
    rules.insert(rule.id.to_string(), table);
    let mut config = toml::Table::new();
    config.insert("rules".to_string(), toml::Value::Table(rules));
    toml::to_string(&config).map_err(|e| e.to_string())
}

/// Every rule, the page's with `options`, as a `presslint.toml` in `rules/`
/// would set them for an example there.
fn rules_with(rule: &Rule, options: &Map<String, Value>) -> Result<Vec<ActiveRule>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let text = config_text(rule, options)?;
    let config = Config::parse(&dir.join("presslint.toml"), &text)
        .map_err(|e| format!("{e}\n(the generated presslint.toml:\n{text})"))?;
    Ok(config.rules_for(&dir.join("example.html")))
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

/// What is wrong with one example of `rule`'s page, if anything.
fn check_example(rule: &Rule, example: &Example) -> Vec<String> {
    let rules = match rules_with(rule, &example.options) {
        Ok(rules) => rules,
        Err(e) => return vec![format!("options do not apply: {e}")],
    };
    let found: Vec<common::Finding> = common::example_diagnostics(&example.body, &rules)
        .into_iter()
        .filter(|f| f.rule == rule.id)
        .collect();
    let expected: Vec<common::Expectation> = match common::annotations(&example.body) {
        Ok(all) => all.into_iter().filter(|e| e.rule == rule.id).collect(),
        Err(e) => return vec![format!("annotation does not parse: {e}")],
    };
    let mut problems = Vec::new();
    let shown = |f: &common::Finding| format!("line {} col={} {:?}", f.line, f.column, f.message);
    match example.kind {
        Kind::Bad => {
            if expected.is_empty() {
                problems.push(format!(
                    "a bad example has no `<!-- expect: {} -->`",
                    rule.id
                ));
            }
            let counted_expected = {
                let mut m = std::collections::BTreeMap::new();
                for e in &expected {
                    *m.entry((e.line, e.rule.clone())).or_insert(0) += 1;
                }
                m
            };
            let counted_found = common::counted(&found);
            if counted_found != counted_expected {
                problems.push(format!(
                    "expected {counted_expected:?}\nfound    {counted_found:?}\n{}",
                    found.iter().map(shown).collect::<Vec<_>>().join("\n")
                ));
            } else {
                problems.extend(common::unmet_pins(&expected, &found));
            }
        }
        Kind::Good => {
            if !expected.is_empty() {
                problems.push(format!(
                    "a good example has `<!-- expect: {} -->` annotations",
                    rule.id
                ));
            }
            if !found.is_empty() {
                problems.push(format!(
                    "good example triggers it:\n{}",
                    found.iter().map(shown).collect::<Vec<_>>().join("\n")
                ));
            }
        }
    }
    if !example.options.is_empty() && problems.is_empty() {
        // The options must be what makes the example bad or good.
        let defaults = rules_with(rule, &Map::new()).expect("the defaults apply");
        let at_defaults = common::counted(
            &common::example_diagnostics(&example.body, &defaults)
                .into_iter()
                .filter(|f| f.rule == rule.id)
                .collect::<Vec<_>>(),
        );
        if at_defaults == common::counted(&found) {
            problems.push(
                "the options change nothing: the example reports the same at the defaults".into(),
            );
        }
    }
    problems
}

#[test]
fn doc_examples_behave_as_annotated() {
    let mut failures = Vec::new();
    for rule in presslint::rules::RULES {
        let page = format!("rules/{}.md", rule.id);
        let (examples, errors) = examples(rule.doc);
        for e in errors {
            failures.push(format!("{page}: {}: {e}", rule.id));
        }
        for kind in [Kind::Bad, Kind::Good] {
            if !common::NEED_A_TREE.contains(&rule.id) && !examples.iter().any(|e| e.kind == kind) {
                failures.push(format!(
                    "{page}: {}: needs at least one `html bad` and one `html good` example",
                    rule.id
                ));
                break;
            }
        }
        for example in &examples {
            let problems = check_example(rule, example);
            if !problems.is_empty() {
                let kind = match example.kind {
                    Kind::Bad => "bad",
                    Kind::Good => "good",
                };
                let options = if example.options.is_empty() {
                    String::new()
                } else {
                    format!(" options={}", Value::Object(example.options.clone()))
                };
                failures.push(format!(
                    "{page}:{}: {}: {kind} example{options}\n{}\n{}",
                    example.page_line,
                    rule.id,
                    problems.join("\n"),
                    example.body
                ));
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

/// Each page's Options section lists every option as the declaration
/// says: `- \`name\` (takes, default \`value\`): …`, the default read
/// from the rule's options struct.
#[test]
fn options_sections_match_the_declarations() {
    let mut wrong = Vec::new();
    for rule in presslint::rules::RULES {
        let section = rule
            .doc
            .split("\n## Options\n")
            .nth(1)
            .map(|rest| rest.split("\n## ").next().unwrap_or(rest))
            .unwrap_or_default();
        let Some(options) = rule.options else {
            if !section.is_empty() {
                wrong.push(format!(
                    "rules/{}.md: an Options section, but the rule has no options",
                    rule.id
                ));
            }
            continue;
        };
        let defaults = (options.defaults)();
        for field in options.fields {
            let line = format!(
                "- `{}` ({}, default `{}`)",
                field.name, field.kind, defaults[field.name]
            );
            if !section.lines().any(|l| l.starts_with(&line)) {
                wrong.push(format!(
                    "rules/{}.md: its Options section must list {line}: …",
                    rule.id
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Each page says whether and how its rule applies to Markdown articles.
#[test]
fn every_page_says_what_it_does_on_markdown() {
    for rule in presslint::rules::RULES {
        assert!(
            rule.doc.contains("\n## Markdown\n"),
            "rules/{}.md: add a `## Markdown` section saying whether the rule applies to Markdown articles",
            rule.id
        );
    }
}

#[test]
fn every_option_has_an_example() {
    let mut missing = Vec::new();
    for rule in presslint::rules::RULES {
        let (examples, _) = examples(rule.doc);
        for option in rule.options.iter().flat_map(|o| o.fields) {
            if !examples.iter().any(|e| e.options.contains_key(option.name)) {
                missing.push(format!(
                    "rules/{}.md: {}: no example sets `{}` (```html bad options={{\"{}\": …}})",
                    rule.id, rule.id, option.name, option.name
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn fence_info_and_annotations_parse() {
    assert!(matches!(parse_info("toml"), Ok(None)));
    assert!(matches!(parse_info("html"), Ok(None)));
    assert!(matches!(parse_info("htmlx bad"), Ok(None)));
    assert!(matches!(parse_info("html good"), Ok(Some((Kind::Good, o))) if o.is_empty()));
    let Ok(Some((Kind::Bad, options))) = parse_info(r#"html bad options={"max": 50}"#) else {
        panic!("options not parsed");
    };
    assert_eq!(options["max"], 50);
    assert!(parse_info("html bda").is_err());
    assert!(parse_info("html bad max=50").is_err());
    assert!(parse_info("html bad options=[1]").is_err());

    let source =
        "<p>\n<img> <!-- expect: img-alt-missing col=1 \"no alt, at all\", img-unsized -->\n";
    let parsed = common::annotations(source).unwrap();
    assert_eq!(
        parsed,
        vec![
            common::Expectation {
                line: 2,
                rule: "img-alt-missing".into(),
                column: Some(1),
                message: Some("no alt, at all".into()),
            },
            common::Expectation {
                line: 2,
                rule: "img-unsized".into(),
                column: None,
                message: None,
            },
        ]
    );
    for bad in [
        "<!-- expect: col=3 -->",
        "<!-- expect: img-alt-missing column=3 -->",
        "<!-- expect: img-alt-missing col=0 -->",
        "<!-- expect: img-alt-missing \"open -->",
        "<!-- expect: img-alt-missing \"a\" \"b\" -->",
    ] {
        assert!(common::annotations(bad).is_err(), "{bad}");
    }
    let options = Map::from_iter([("agencies".to_string(), serde_json::json!(["Echo"]))]);
    let rule = presslint::rules::find("caption-credit-missing").unwrap();
    assert!(rules_with(rule, &options).is_ok());
    let misspelt = Map::from_iter([("agency".to_string(), serde_json::json!(["Echo"]))]);
    let Err(error) = rules_with(rule, &misspelt) else {
        panic!("a misspelt option is accepted");
    };
    assert!(error.contains("no option `agency`"), "{error}");
}
