//! A `presslint.toml`.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = presslint::config::Config::parse(Path::new("presslint.toml"), text);
    }
});
