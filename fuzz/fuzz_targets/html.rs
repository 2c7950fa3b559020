//! An article: the HTML parse and every rule, with `data:` images and
//! tracks probed in memory.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use presslint::config::ActiveRule;
use presslint::engine::Selection;

fn rules() -> &'static [ActiveRule] {
    static RULES: OnceLock<Vec<ActiveRule>> = OnceLock::new();
    RULES.get_or_init(|| Selection::default().active())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = presslint::lint_source("fuzz.html".into(), text, rules());
});
