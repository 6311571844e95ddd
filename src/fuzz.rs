//! Fuzz target bodies, shared by the cargo-fuzz binaries in `fuzz/` and by
//! the tests below, which replay every corpus file on each `cargo test`.
//!
//! Each target feeds its bytes to the function the server itself calls and
//! panics when a promise of that function is broken.

use axum::http::Uri;

use crate::http::webfinger::{canonical_key, parse_query};
use crate::model::{DirectoryKey, Limits, percent_decode, percent_encode};
use crate::store::ndjson::{Parsed, block_line, parse_import_line, to_input};

/// Bytes from the network through the DNS request path: see `dns::fuzz`.
pub use crate::dns::fuzz::request as dns_request;

/// A WebFinger query string and resource: percent-coding, the query
/// parser, and directory keys.
pub fn webfinger_resource(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    percent_coding(text);
    // As it arrives: the query string of a request URI, its resource
    // through the handler's own parser.
    if let Ok(uri) = format!("/.well-known/webfinger?{text}").parse::<Uri>()
        && let Ok((resource, _rels)) = parse_query(&uri)
    {
        resource_key(&resource);
    }
    // The text as given and decoded, each distinct one once (the key
    // parsers cost the most).
    directory_key(text);
    if let Ok(decoded) = percent_decode(text)
        && decoded != text
    {
        directory_key(&decoded);
    }
}

/// Decoding undoes encoding, and what decodes encodes back to itself.
fn percent_coding(text: &str) {
    assert_eq!(
        percent_decode(&percent_encode(text)).as_deref(),
        Ok(text),
        "encoded text decodes to itself"
    );
    if let Ok(decoded) = percent_decode(text) {
        assert_eq!(
            percent_decode(&percent_encode(&decoded)).as_deref(),
            Ok(decoded.as_str())
        );
    }
}

/// A canonical key parses to itself: WebFinger looks canonical resources
/// up before parsing them, so it must.
fn directory_key(raw: &str) {
    if let Ok(key) = DirectoryKey::parse(raw) {
        let canonical = key.to_string();
        assert_eq!(key.clone().into_string(), canonical);
        assert_eq!(
            DirectoryKey::parse(&canonical).as_ref(),
            Ok(&key),
            "the canonical form {canonical:?} of {raw:?} parses to itself"
        );
    }
}

/// The same promise through the WebFinger handler's resource parser.
fn resource_key(resource: &str) {
    if let Ok(Some(canonical)) = canonical_key(resource) {
        assert_eq!(
            canonical_key(&canonical).ok(),
            Some(Some(canonical.clone())),
            "the canonical resource {canonical:?} of {resource:?} is its own key"
        );
    }
}

/// Lines of an NDJSON import through the parser `callsign import` and
/// `POST /admin/import` share; what parses exports and re-imports as it was.
pub fn import_line(data: &[u8]) {
    let limits = Limits::default();
    for line in data.split(|&b| b == b'\n') {
        // The reader refuses lines that are not UTF-8 before parsing.
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        let Ok(parsed) = parse_import_line(line, &limits) else {
            continue;
        };
        let exported = exported(&parsed);
        let again = parse_import_line(&exported, &limits)
            .unwrap_or_else(|e| panic!("the export of {line:?} does not re-import: {e}"));
        assert_eq!(
            self::exported(&again),
            exported,
            "the export of {line:?} changes on re-import"
        );
    }
}

/// The export line of what an import line holds.
fn exported(parsed: &Parsed) -> String {
    match parsed {
        Parsed::Subject(subject) => serde_json::to_string(&to_input(subject)),
        Parsed::Block(block) => serde_json::to_string(&block_line(block)),
    }
    .expect("import lines serialise")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Run `target` over every file of `fuzz/corpus/<name>`: the bounded
    /// pass CI makes without a nightly toolchain.
    fn replay(name: &str, target: fn(&[u8])) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(name);
        let entries =
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        let mut replayed = 0;
        for entry in entries {
            let path = entry.expect("a corpus entry").path();
            let data = std::fs::read(&path).expect("a corpus file");
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{} fails", path.display());
            replayed += 1;
        }
        assert!(replayed >= 10, "{name}: only {replayed} corpus files");
    }

    #[test]
    fn dns_request_corpus() {
        replay("dns_request", super::dns_request);
    }

    #[test]
    fn webfinger_resource_corpus() {
        replay("webfinger_resource", super::webfinger_resource);
    }

    #[test]
    fn import_line_corpus() {
        replay("import_line", super::import_line);
    }
}
