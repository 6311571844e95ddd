//! The key a lookup starts from: any accepted spelling of an address or an
//! `acct:` URI, with the endpoint (XMPP resource, SIP GRUU) kept apart.

use crate::model::{Address, AddressError, DirectoryKey, Kind, percent_decode, percent_encode};

/// The key a lookup starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    /// What the answer's `query` shows: canonical, with the XMPP resource
    /// or SIP `gr` parameter kept.
    pub query: String,
    pub(super) target: Target,
    /// The XMPP resource or SIP GRUU of an endpoint key.
    pub(super) endpoint: Option<String>,
}

/// Something a step can start from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Address(Address),
    Acct(String),
}

impl Target {
    pub(super) fn uri(&self) -> &str {
        match self {
            Target::Address(a) => a.as_str(),
            Target::Acct(s) => s,
        }
    }
}

impl Key {
    /// Parse any accepted spelling of an address or `acct:` URI.
    pub fn parse(raw: &str) -> Result<Key, AddressError> {
        let raw = raw.trim();
        let address = match DirectoryKey::parse(raw)? {
            DirectoryKey::Acct(acct) => {
                let acct = acct.to_string();
                return Ok(Key {
                    query: acct.clone(),
                    target: Target::Acct(acct),
                    endpoint: None,
                });
            }
            DirectoryKey::Address(address) => address,
        };
        let (bare, endpoint) = match address.kind() {
            Kind::Xmpp => match address.as_str().split_once('/') {
                Some((bare, resource)) => (
                    Address::parse(bare, Some(Kind::Xmpp))?,
                    Some(resource.to_owned()),
                ),
                None => (address.clone(), None),
            },
            Kind::Sip | Kind::Sips => (address.clone(), gruu(raw)),
            _ => (address.clone(), None),
        };
        let query = match (&endpoint, address.kind()) {
            (Some(gr), Kind::Sip | Kind::Sips) => {
                format!("{};gr={}", address.as_str(), percent_encode(gr))
            }
            _ => address.as_str().to_owned(),
        };
        Ok(Key {
            query,
            target: Target::Address(bare),
            endpoint,
        })
    }
}

/// The `gr` parameter of a SIP URI (RFC 5627), percent-decoded.
fn gruu(raw: &str) -> Option<String> {
    let params = raw.split('?').next()?;
    params.split(';').skip(1).find_map(|p| {
        let (name, value) = p.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("gr") || value.is_empty() {
            return None;
        }
        percent_decode(value).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_endpoint() {
        let k = Key::parse("xmpp:Alice@Example.com/phone").unwrap();
        assert_eq!(k.query, "xmpp:alice@example.com/phone");
        assert_eq!(k.target.uri(), "xmpp:alice@example.com");
        assert_eq!(k.endpoint.as_deref(), Some("phone"));
        let k = Key::parse("sip:alice@Example.com;transport=tcp;gr=urn:uuid:f81d").unwrap();
        assert_eq!(k.query, "sip:alice@example.com;gr=urn%3Auuid%3Af81d");
        assert_eq!(k.target.uri(), "sip:alice@example.com");
        assert_eq!(k.endpoint.as_deref(), Some("urn:uuid:f81d"));
        let k = Key::parse("ACCT:Alice@Example.com").unwrap();
        assert_eq!(k.query, "acct:alice@example.com");
        assert!(Key::parse("alice@example.com").is_err());
    }
}
