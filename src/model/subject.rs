//! Subjects (people and role accounts) and the addresses they own.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use super::address::{Address, AddressError, Kind, canonical_host, split_scheme};
use super::discoverable::Discoverable;
use super::links::{DocumentLink, DocumentProperty};
use super::visibility::Visibility;

/// Why a subject field is invalid.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SubjectError {
    #[error(
        "handle must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"
    )]
    Handle,
    #[error("domain must be a DNS name")]
    Domain,
    #[error("display_name must be at most 256 characters without control characters")]
    DisplayName,
    #[error("label must be at most 64 characters without control characters")]
    Label,
    #[error("{0}")]
    Address(#[from] AddressError),
}

/// A local handle, lowercased: `alice` in `acct:alice@example.com`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle(String);

impl Handle {
    pub fn parse(input: &str) -> Result<Handle, SubjectError> {
        let h = input.trim().to_ascii_lowercase();
        let ok = (1..=64).contains(&h.len())
            && h.starts_with(|c: char| c.is_ascii_alphanumeric())
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        ok.then_some(Handle(h)).ok_or(SubjectError::Handle)
    }
    /// A handle a store wrote itself, already valid (skips checks at load).
    pub fn trusted(handle: String) -> Handle {
        debug_assert_eq!(Handle::parse(&handle).as_ref(), Ok(&Handle(handle.clone())));
        Handle(handle)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A subject domain: a lowercased DNS name (IDNA), never an IP literal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Domain(String);

impl Domain {
    pub fn parse(input: &str) -> Result<Domain, SubjectError> {
        let host = canonical_host(input.trim()).map_err(|_| SubjectError::Domain)?;
        if host.starts_with('[')
            || host.parse::<std::net::Ipv4Addr>().is_ok()
            || !host.contains('.')
        {
            return Err(SubjectError::Domain);
        }
        Ok(Domain(host))
    }
    /// A domain a store wrote itself, already canonical (skips IDNA at load).
    pub fn trusted(domain: String) -> Domain {
        debug_assert_eq!(Domain::parse(&domain).as_ref(), Ok(&Domain(domain.clone())));
        Domain(domain)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `acct:handle@domain` (RFC 7565), a subject's canonical id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Acct {
    pub handle: Handle,
    pub domain: Domain,
}

impl Acct {
    pub fn parse(input: &str) -> Result<Acct, AddressError> {
        let bad = || AddressError::Acct(input.to_owned());
        let (scheme, rest) = split_scheme(input.trim()).ok_or(AddressError::NoScheme)?;
        if !scheme.eq_ignore_ascii_case("acct") {
            return Err(bad());
        }
        let (user, host) = rest.rsplit_once('@').ok_or_else(bad)?;
        Ok(Acct {
            handle: Handle::parse(user).map_err(|_| bad())?,
            domain: Domain::parse(host).map_err(|_| bad())?,
        })
    }
}

impl Acct {
    /// The `acct:` URI of `handle` at `domain`, both already canonical.
    pub fn uri(handle: &str, domain: &str) -> String {
        let mut uri = String::with_capacity("acct:@".len() + handle.len() + domain.len());
        uri.push_str("acct:");
        uri.push_str(handle);
        uri.push('@');
        uri.push_str(domain);
        uri
    }

    /// Is `key` the `acct:` URI of `handle` at `domain`? Compared piece by
    /// piece, without building the URI.
    pub fn is_uri(key: &str, handle: &str, domain: &str) -> bool {
        key.strip_prefix("acct:")
            .and_then(|k| k.strip_prefix(handle))
            .and_then(|k| k.strip_prefix('@'))
            .is_some_and(|k| k == domain)
    }
}

impl fmt::Display for Acct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Acct::uri(self.handle.as_str(), self.domain.as_str()))
    }
}

/// Where vCards of subjects are served: `/vcard/<handle>@<domain>.vcf`.
pub const VCARD_PATH: &str = "/vcard/";

/// One address of a subject with its privacy settings. Its kind is its
/// URI's scheme ([`SubjectAddress::kind`]), never stored apart from it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SubjectAddress {
    pub id: Uuid,
    pub uri: Address,
    pub visibility: Visibility,
    pub discoverable: Discoverable,
    pub priority: u16,
    pub label: Option<String>,
    /// A ported number's routing number (RFC 4694 `rn`), canonical E.164;
    /// only a `tel:` address has one.
    #[serde(default)]
    pub routing_number: Option<String>,
}

impl SubjectAddress {
    pub fn kind(&self) -> Kind {
        self.uri.kind()
    }

    /// The URI that routes to this address: a ported number in its RFC 4694
    /// form (`tel:+N;npdi;rn=+R`), every other address as its URI.
    pub fn routed_uri(&self) -> std::borrow::Cow<'_, str> {
        match &self.routing_number {
            Some(rn) => super::address::ported_uri(&self.uri, rn).into(),
            None => self.uri.as_str().into(),
        }
    }
}

/// A person or role account and all of its addresses. Its `acct:` URI
/// derives from handle and domain ([`Subject::acct`]), never stored apart
/// from them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Subject {
    pub id: Uuid,
    pub handle: Handle,
    pub domain: Domain,
    pub display_name: String,
    /// Who may see the display name (the caller name) in answers.
    #[serde(default)]
    pub display_name_visibility: Visibility,
    pub discoverable: Discoverable,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In presentation order ([`Subject::sort_addresses`]).
    pub addresses: Vec<SubjectAddress>,
    /// Links of its WebFinger document besides the addresses, in order.
    #[serde(default)]
    pub links: Vec<DocumentLink>,
    /// Properties of its WebFinger document besides the display name.
    #[serde(default)]
    pub properties: BTreeMap<String, DocumentProperty>,
}

impl Subject {
    /// `acct:handle@domain` (RFC 7565), the subject's canonical id.
    pub fn acct(&self) -> String {
        Acct::uri(self.handle.as_str(), self.domain.as_str())
    }

    /// The URI answers name the subject by: its `acct:` URI, or the number
    /// itself for a number of a block without an owner.
    pub fn subject_uri(&self) -> String {
        if self.is_unowned_number() {
            return format!("tel:+{}", self.handle.as_str());
        }
        self.acct()
    }

    /// Is this a number of a block without an owner (answering as itself,
    /// in no subject domain)?
    pub fn is_unowned_number(&self) -> bool {
        self.domain.as_str() == super::block::UNOWNED
    }

    /// The URL of the subject's vCard under a deployment's public base URL
    /// (`https://host`): `<base>/vcard/<handle>@<domain>.vcf`. `None` for a
    /// number without an owner, which has no `acct:` URI to name it by.
    pub fn vcard_url(&self, base: &str) -> Option<String> {
        (!self.is_unowned_number()).then(|| {
            format!(
                "{base}{VCARD_PATH}{}@{}.vcf",
                self.handle.as_str(),
                self.domain.as_str()
            )
        })
    }

    /// Is `key` this subject's `acct:` URI? Without building it.
    pub fn is_acct(&self, key: &str) -> bool {
        Acct::is_uri(key, self.handle.as_str(), self.domain.as_str())
    }

    /// Keep addresses in their presentation order.
    pub fn sort_addresses(&mut self) {
        self.addresses
            .sort_by(|a, b| (a.priority, a.kind(), &a.uri).cmp(&(b.priority, b.kind(), &b.uri)));
    }

    pub fn address(&self, id: Uuid) -> Option<&SubjectAddress> {
        self.addresses.iter().find(|a| a.id == id)
    }

    /// The strong HTTP entity tag of this version.
    pub fn etag(&self) -> String {
        format!("\"{}\"", self.version)
    }
}

macro_rules! string_serde {
    ($t:ty, $parse:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

string_serde!(Address, |s: &str| Address::parse(s, None));
string_serde!(Handle, Handle::parse);
string_serde!(Domain, Domain::parse);
