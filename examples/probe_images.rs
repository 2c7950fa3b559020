//! Probe image files the way `presslint check` does (headers only, through
//! the run's shared cache, in parallel) and print one TSV line per file:
//! name, format, stored width and height, bytes, EXIF orientation, broken
//! (with why), and the metadata fields found. The time taken goes to
//! standard error. Used by `scripts/bench-images.sh` and `docs/images.md`.
//!
//! ```sh
//! cargo run --release --example probe_images -- ../shared/corpus/images/*
//! ```

use std::path::PathBuf;
use std::time::Instant;

use presslint::assets::Cache;
use rayon::prelude::*;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os()
        .skip(1)
        .map(PathBuf::from)
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            p.is_file() && !name.ends_with(".tsv") && !name.ends_with(".md")
        })
        .collect();
    let cache = Cache::default();
    let start = Instant::now();
    let probes: Vec<_> = paths.par_iter().map(|p| cache.image(p)).collect();
    let elapsed = start.elapsed();
    println!("filename\tformat\twidth\theight\tbytes\torientation\tbroken\tmetadata_fields");
    for (path, info) in paths.iter().zip(&probes) {
        let (w, h) = info.size.map_or((String::new(), String::new()), |(w, h)| {
            (w.to_string(), h.to_string())
        });
        let m = &info.metadata;
        let mut fields = Vec::new();
        let any = |f: &dyn Fn(&presslint::assets::metadata::Fields) -> bool| {
            f(&m.iptc) || f(&m.xmp) || f(&m.exif)
        };
        if any(&|f| !f.byline.is_empty()) {
            fields.push("byline");
        }
        if any(&|f| f.caption.is_some()) {
            fields.push("caption");
        }
        if any(&|f| f.city.is_some()) {
            fields.push("city");
        }
        if any(&|f| f.copyright.is_some()) {
            fields.push("copyright");
        }
        if any(&|f| f.country.is_some()) {
            fields.push("country");
        }
        if any(&|f| f.credit.is_some()) {
            fields.push("credit");
        }
        if m.dates().next().is_some() {
            fields.push("date");
        }
        if any(&|f| f.headline.is_some()) {
            fields.push("headline");
        }
        if any(&|f| f.source.is_some()) {
            fields.push("source");
        }
        println!(
            "{}\t{}\t{w}\t{h}\t{}\t{}\t{}\t{}",
            path.file_name().unwrap_or_default().to_string_lossy(),
            info.format.map_or("unknown", |f| f.name()),
            info.bytes,
            info.orientation,
            info.broken
                .as_deref()
                .map_or("no".into(), |b| format!("yes: {b}")),
            fields.join(",")
        );
    }
    eprintln!(
        "probed {} files ({} reads through the cache) in {:.1} ms",
        paths.len(),
        cache.probes(),
        elapsed.as_secs_f64() * 1000.0
    );
}
