//! Registers the rules: every `src/rules/<group>/<rule_id>.rs` becomes a
//! module of its group (the group's `mod.rs` includes
//! `OUT_DIR/rules/<group>.rs`), is listed in `rules::RULES` (by group, then
//! id), and is checked at compile time to declare the id and group its path
//! says. A new rule is its file and its page in `rules/`, nothing else.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("src/rules");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/rules") {
        let path = entry.expect("src/rules entry").path();
        if !path.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let group = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut rules: Vec<String> = std::fs::read_dir(&path)
            .expect("rule group")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter_map(|name| name.strip_suffix(".rs").map(String::from))
            .filter(|name| name != "mod")
            .collect();
        rules.sort();
        groups.push((group, rules));
    }
    groups.sort();

    let out_dir = Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules");
    std::fs::create_dir_all(&out_dir).expect("create OUT_DIR/rules");
    for (group, rules) in &groups {
        let mut out = String::new();
        for rule in rules {
            let file = dir.join(group).join(format!("{rule}.rs"));
            let id = rule.replace('_', "-");
            writeln!(out, "#[path = {:?}]", file.display().to_string()).unwrap();
            writeln!(out, "pub mod {rule};").unwrap();
            writeln!(
                out,
                "const _: () = assert!(\n    crate::rules::same({rule}::RULE.id, {id:?}) && crate::rules::same({rule}::RULE.group, {group:?}),\n    \"src/rules/{group}/{rule}.rs must declare id `{id}` and group `{group}`\"\n);"
            )
            .unwrap();
        }
        std::fs::write(out_dir.join(format!("{group}.rs")), out).expect("write group");
    }
    let mut out =
        String::from("/// Every rule, by group, then id.\npub static RULES: &[&Rule] = &[\n");
    for (group, rules) in &groups {
        for rule in rules {
            writeln!(out, "    &{group}::{rule}::RULE,").unwrap();
        }
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("registry.rs"), out).expect("write registry");
}
