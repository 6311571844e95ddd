//! URI text shared by every channel: RFC 3986 percent-coding and the one
//! parser from a string to a directory key (WebFinger resources, lookup
//! keys and admin searches all go through [`DirectoryKey::parse`]).

use std::fmt;

use super::address::split_scheme;
use super::{Acct, Address, AddressError};

/// Why percent-encoded text cannot be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PercentError {
    #[error("`%` must be followed by two hexadecimal digits")]
    Escape,
    #[error("percent-escapes must encode UTF-8 text")]
    NotUtf8,
}

/// RFC 3986 percent-decoding: `+` is a plus, never a space.
pub fn percent_decode(text: &str) -> Result<String, PercentError> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b != b'%' {
            bytes.push(b);
            continue;
        }
        let hex = tail
            .get(..2)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .ok_or(PercentError::Escape)?;
        let hex = std::str::from_utf8(hex).map_err(|_| PercentError::Escape)?;
        bytes.push(u8::from_str_radix(hex, 16).map_err(|_| PercentError::Escape)?);
        rest = &tail[2..];
    }
    String::from_utf8(bytes).map_err(|_| PercentError::NotUtf8)
}

/// RFC 3986 percent-encoding of a query value or parameter: `unreserved`
/// characters stay, every other byte becomes `%HH`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What the directory is keyed by: a subject's `acct:` URI or one of its
/// addresses, canonical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectoryKey {
    Acct(Acct),
    Address(Address),
}

impl DirectoryKey {
    /// Parse any accepted spelling of an `acct:` URI or an address.
    pub fn parse(raw: &str) -> Result<DirectoryKey, AddressError> {
        let raw = raw.trim();
        match split_scheme(raw) {
            Some((scheme, _)) if scheme.eq_ignore_ascii_case("acct") => {
                Acct::parse(raw).map(DirectoryKey::Acct)
            }
            _ => Address::parse(raw, None).map(DirectoryKey::Address),
        }
    }

    /// The canonical key as the directory stores it.
    pub fn into_string(self) -> String {
        match self {
            DirectoryKey::Acct(acct) => acct.to_string(),
            DirectoryKey::Address(address) => address.into_string(),
        }
    }
}

impl fmt::Display for DirectoryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DirectoryKey::Acct(acct) => acct.fmt(f),
            DirectoryKey::Address(address) => f.write_str(address.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_stays_a_plus() {
        assert_eq!(
            percent_decode("tel:+12125550100").unwrap(),
            "tel:+12125550100"
        );
        assert_eq!(percent_decode("tel%3A%2B1212").unwrap(), "tel:+1212");
        assert_eq!(percent_decode("%zz"), Err(PercentError::Escape));
        assert_eq!(percent_decode("%2"), Err(PercentError::Escape));
        assert_eq!(percent_decode("%+1"), Err(PercentError::Escape));
        assert_eq!(percent_decode("%FF"), Err(PercentError::NotUtf8));
    }

    #[test]
    fn encoding_round_trips() {
        let text = "urn:uuid:f81d;x=é +";
        assert_eq!(percent_encode("a-b_c.d~"), "a-b_c.d~");
        assert_eq!(percent_encode("tel:+1"), "tel%3A%2B1");
        assert_eq!(percent_decode(&percent_encode(text)).unwrap(), text);
    }

    #[test]
    fn keys_canonicalise() {
        let key = |raw: &str| DirectoryKey::parse(raw).map(DirectoryKey::into_string);
        assert_eq!(
            key("ACCT:Alice@Example.COM").unwrap(),
            "acct:alice@example.com"
        );
        assert_eq!(
            key(" xmpp:ALICE@Example.com").unwrap(),
            "xmpp:alice@example.com"
        );
        assert_eq!(key("tel:+1-212-555-0100").unwrap(), "tel:+12125550100");
        assert_eq!(key("alice@example.com"), Err(AddressError::NoScheme));
        assert!(matches!(key("acct:nobody"), Err(AddressError::Acct(_))));
    }
}
