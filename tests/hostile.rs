//! Hostile inputs through the real binary: each input class that once
//! crashed, hung, exhausted memory, forged output or wrote where it should
//! not is generated here at test time (nothing large is committed) and must
//! now end with the documented exit code, a one-line error where one is
//! due, within a time bound far above the expected time, and with the other
//! files of the same run still reported. `docs/robustness.md` maps each
//! class to its test.

#[path = "common/mod.rs"]
mod common;
#[path = "hostile/support.rs"]
mod support;

#[path = "hostile/assets.rs"]
mod assets;
#[path = "hostile/html.rs"]
mod html;
#[path = "hostile/inputs.rs"]
mod inputs;
#[path = "hostile/markdown.rs"]
mod markdown;
#[path = "hostile/output.rs"]
mod output;
#[path = "hostile/writes.rs"]
mod writes;
