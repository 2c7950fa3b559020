//! A `srcset` value, and each of its URLs (and the whole value) resolved
//! as a reference with no files around it, which decodes `data:` URIs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslint::assets::{resolve, srcset};

fuzz_target!(|data: &[u8]| {
    let value = String::from_utf8_lossy(data);
    for candidate in srcset::parse(&value) {
        let _ = resolve::resolve(candidate.url, None);
    }
    let _ = resolve::resolve(&value, None);
    let _ = resolve::percent_decode(&value);
});
