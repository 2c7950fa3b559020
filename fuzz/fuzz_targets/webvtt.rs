//! A caption track file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = presslint::assets::webvtt::validate(data);
});
