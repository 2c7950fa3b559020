//! How long the first caption analysis takes in a process: parsing the
//! embedded gazetteer and compiling the caption patterns, then one more
//! analysis for comparison. `cargo run --release --example gazetteer_load`
//! (figures in docs/captions.md).

use std::time::Instant;

use presslint::text::{self, gazetteer::Gazetteer};

fn main() {
    let caption = "A woman watches a television screen at a railway station in Seoul, \
                   South Korea, on January 30, 2022. [Jung Yeon-je/AFP]";
    let start = Instant::now();
    let names = Gazetteer::get().len();
    let gazetteer = start.elapsed();
    let start = Instant::now();
    let first = text::analyze(caption, &[]);
    let patterns = start.elapsed();
    let start = Instant::now();
    let _ = text::analyze(caption, &[]);
    let again = start.elapsed();
    println!(
        "gazetteer: {names} names parsed in {:.1} ms; first analysis (patterns compiled) {:.1} ms; next analysis {:.3} ms; found {:?}",
        gazetteer.as_secs_f64() * 1e3,
        patterns.as_secs_f64() * 1e3,
        again.as_secs_f64() * 1e3,
        (
            first.credit.is_some(),
            first.date.is_some(),
            first.place.is_some()
        )
    );
}
