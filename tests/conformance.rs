//! W3C ACT rule test cases (../shared/conformance/act): for the ACT rules
//! this linter covers, a `failed` case must make one of the mapped rules
//! fire and a `passed` or `inapplicable` case must not. Prints the agreement
//! and fails below 90% or on a disagreement not listed in docs/conformance.md.

use std::path::Path;

use presslint::engine::Selection;

const MAPPING: &[(&str, &[&str])] = &[
    (
        "23a2a8",
        &[
            "img-alt-missing",
            "img-alt-whitespace",
            "role-img-name-missing",
        ],
    ),
    ("59796f", &["input-image-alt-missing"]),
    ("7d6734", &["svg-img-name-missing"]),
    ("8fc3b6", &["object-name-missing"]),
    ("ffd0e9", &["heading-empty"]),
    ("cae760", &["iframe-title-missing"]),
    ("2779a5", &["document-title"]),
    ("b5c3f8", &["document-lang"]),
    ("bf051a", &["document-lang"]),
    ("c487ae", &["link-name-missing", "area-alt-missing"]),
];

#[test]
fn act_rules_agreement() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/act");
    let Ok(index) = std::fs::read_to_string(root.join("index.json")) else {
        eprintln!("ACT test cases not found at {}; skipping", root.display());
        return;
    };
    let index: serde_json::Value = serde_json::from_str(&index).unwrap();
    let documented =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conformance.md"))
            .unwrap_or_default();
    let (mut total, mut agree) = (0, 0);
    let mut undocumented = Vec::new();
    for case in index["testcases"].as_array().unwrap() {
        let id = case["rule_id"].as_str().unwrap();
        let Some((_, rules)) = MAPPING.iter().find(|(act, _)| *act == id) else {
            continue;
        };
        let file = case["file"].as_str().unwrap();
        let outcome = case["outcome"].as_str().unwrap();
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        let selection = Selection {
            select: rules.iter().map(|r| r.to_string()).collect(),
            ignore: Vec::new(),
        };
        let report = presslint::lint_source(file.to_string(), source, &selection.active());
        let fired = !report.diagnostics.is_empty();
        let ok = fired == (outcome == "failed");
        total += 1;
        if ok {
            agree += 1;
        } else {
            let fired: Vec<_> = report.diagnostics.iter().map(|d| d.rule).collect();
            println!("disagree: {file} (expected {outcome}, presslint reported {fired:?})");
            if !documented.contains(file) {
                undocumented.push(file.to_string());
            }
        }
    }
    let rate = agree as f64 / total as f64;
    println!("ACT agreement: {agree}/{total} = {:.1}%", rate * 100.0);
    assert!(total > 100, "expected the mapped ACT cases, found {total}");
    assert!(rate >= 0.90, "agreement {:.1}% is below 90%", rate * 100.0);
    assert!(
        undocumented.is_empty(),
        "disagreements not listed in docs/conformance.md: {undocumented:?}"
    );
}
