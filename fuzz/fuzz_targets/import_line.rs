#![no_main]

// The body lives in the library (callsign::fuzz), where `cargo test`
// replays this target's corpus too.
libfuzzer_sys::fuzz_target!(|data: &[u8]| callsign::fuzz::import_line(data));
