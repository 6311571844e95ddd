//! Untrusted input for subjects and addresses, and its one validation path.
//!
//! The admin API and the NDJSON import both deserialise into these types and
//! turn them into a [`Subject`] here, so both reject the same things with
//! the same words.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::address::{Kind, parse_ported, parse_routing_number};
use super::discoverable::Discoverable;
use super::links::{DocumentLink, DocumentProperty, check_links, check_properties};
use super::subject::{Domain, Handle, Subject, SubjectAddress};
use super::text::free_text;
use super::visibility::Visibility;

/// A field of the input and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldError {
    /// JSON path of the field, e.g. `addresses[2].uri`.
    pub field: String,
    pub reason: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: impl ToString) -> FieldError {
        FieldError {
            field: field.into(),
            reason: reason.to_string(),
        }
    }
}

/// An address as submitted.
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    /// Any accepted spelling; canonicalised on the way in.
    #[schema(
        example = "tel:+1-212-555-0100",
        min_length = 1,
        max_length = 512,
        format = "address"
    )]
    pub uri: String,
    /// Needed only for bare forms such as `alice@example.com` (xmpp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub discoverable: Option<Discoverable>,
    /// Lower comes first; default 100.
    #[serde(default, deserialize_with = "deserialize_priority")]
    #[schema(nullable = false, maximum = 65535)]
    pub priority: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        max_length = 64,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        format = "free-text"
    )]
    pub label: Option<String>,
    /// For a ported `tel:` number: the routing number (RFC 4694 `rn`) of
    /// the network now serving it, E.164 with its `+`. Also accepted as
    /// `uri: "tel:+N;npdi;rn=+R"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "+12155550199", max_length = 32, format = "e164")]
    pub routing_number: Option<String>,
}

/// A subject as submitted (create, import).
#[derive(Clone, Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubjectInput {
    #[schema(
        example = "alice",
        min_length = 1,
        max_length = 64,
        pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
    )]
    pub handle: String,
    #[schema(
        example = "example.com",
        max_length = 253,
        pattern = r"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
    )]
    pub domain: String,
    #[serde(default)]
    #[schema(
        max_length = 256,
        pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$",
        format = "free-text"
    )]
    pub display_name: Option<String>,
    /// Who may see the display name (the caller name); public by default.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub display_name_visibility: Option<Visibility>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub discoverable: Option<Discoverable>,
    #[serde(default)]
    pub addresses: Vec<AddressInput>,
    /// WebFinger links besides the addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 32)]
    pub links: Vec<DocumentLink>,
    /// WebFinger properties besides the display name: URI → value, or
    /// `{"value", "visibility"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schema(schema_with = super::links::properties_schema)]
    pub properties: BTreeMap<String, DocumentProperty>,
}

pub const DEFAULT_PRIORITY: u16 = 100;

/// A member that may be absent but is never `null`: for a member with a
/// default, `null` would quietly mean "the default", and in a merge patch
/// it means "remove", which a required member cannot be.
pub fn not_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    match Option::<T>::deserialize(d)? {
        Some(v) => Ok(Some(v)),
        None => Err(serde::de::Error::custom(
            "must not be null (leave the member out instead)",
        )),
    }
}

/// A display name: [`free_text`] of at most 256 characters.
pub fn display_name(input: &str) -> Result<String, FieldError> {
    free_text(input, 256).map_err(|e| FieldError::new("display_name", e))
}

/// An address label: [`free_text`] of at most 64 characters, `None` when empty.
pub fn label(input: &str, field: &str) -> Result<Option<String>, FieldError> {
    let label = free_text(input, 64).map_err(|e| FieldError::new(join(field, "label"), e))?;
    Ok(Some(label).filter(|l| !l.is_empty()))
}

/// A priority as JSON means it: `5` and `5.0` are the same number (RFC 8259
/// has one number type, and JSON Schema's `integer` admits both); fractions,
/// numbers outside 0–65535 and `null` are refused.
pub fn deserialize_priority<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    let n: f64 = not_null(d)?.expect("not_null never answers None");
    if n.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&n) {
        Ok(Some(n as u16))
    } else {
        Err(serde::de::Error::custom(format!(
            "{n} is not a whole number from 0 to 65535"
        )))
    }
}

/// `field.member`, or just `member` at the top level.
fn join(field: &str, member: &str) -> String {
    if field.is_empty() {
        member.to_owned()
    } else {
        format!("{field}.{member}")
    }
}

impl AddressInput {
    /// Validate into an address with a fresh id; `field` prefixes errors.
    pub fn into_address(self, field: &str) -> Result<SubjectAddress, FieldError> {
        let (uri, in_uri) = parse_ported(&self.uri, self.kind)
            .map_err(|e| FieldError::new(join(field, "uri"), e))?;
        let label = match self.label {
            Some(l) => label(&l, field)?,
            None => None,
        };
        let given = self
            .routing_number
            .as_deref()
            .map(|rn| routing_number(rn, &join(field, "routing_number")))
            .transpose()?;
        if let (Some(a), Some(b)) = (&in_uri, &given)
            && a != b
        {
            return Err(FieldError::new(
                join(field, "routing_number"),
                format!("the uri names another routing number ({a})"),
            ));
        }
        let address = SubjectAddress {
            id: Uuid::now_v7(),
            uri,
            visibility: self.visibility.unwrap_or_default(),
            discoverable: self.discoverable.unwrap_or_default(),
            priority: self.priority.unwrap_or(DEFAULT_PRIORITY),
            label,
            routing_number: given.or(in_uri),
        };
        check_routing(&address, field)?;
        Ok(address)
    }
}

/// A routing number as submitted in `field`, canonical.
pub fn routing_number(input: &str, field: &str) -> Result<String, FieldError> {
    parse_routing_number(input).map_err(|e| FieldError::new(field, format!("routing number: {e}")))
}

/// Only a number has a routing number, and never itself (a number routed
/// to itself is not ported; RFC 4694 §5.2 leaves `rn` out then).
pub fn check_routing(address: &SubjectAddress, field: &str) -> Result<(), FieldError> {
    let Some(rn) = &address.routing_number else {
        return Ok(());
    };
    match address.uri.e164() {
        None => Err(FieldError::new(
            join(field, "routing_number"),
            format!(
                "only a tel: address has a routing number, not {}",
                address.kind()
            ),
        )),
        Some(number) if number == rn => Err(FieldError::new(
            join(field, "routing_number"),
            "is the number itself: leave it out for a number that is not ported",
        )),
        Some(_) => Ok(()),
    }
}

impl SubjectInput {
    /// Validate into a new subject (version 1). Duplicate addresses within
    /// the input are rejected here; clashes with other subjects are the
    /// store's to find.
    pub fn into_subject(self, now: DateTime<Utc>) -> Result<Subject, FieldError> {
        let handle = Handle::parse(&self.handle).map_err(|e| FieldError::new("handle", e))?;
        let domain = Domain::parse(&self.domain).map_err(|e| FieldError::new("domain", e))?;
        let display_name = match self.display_name {
            Some(n) => display_name(&n)?,
            None => String::new(),
        };
        let mut addresses = Vec::with_capacity(self.addresses.len());
        for (i, a) in self.addresses.into_iter().enumerate() {
            addresses.push(a.into_address(&format!("addresses[{i}]"))?);
        }
        check_unique(&addresses)?;
        let links = check_links(self.links, "links")?;
        let properties = check_properties(self.properties, "properties")?;
        let mut subject = Subject {
            id: Uuid::now_v7(),
            handle,
            domain,
            display_name,
            display_name_visibility: self.display_name_visibility.unwrap_or_default(),
            discoverable: self.discoverable.unwrap_or_default(),
            version: 1,
            created_at: now,
            updated_at: now,
            addresses,
            links,
            properties,
        };
        subject.sort_addresses();
        Ok(subject)
    }
}

/// A subject lists each canonical address once.
pub fn check_unique(addresses: &[SubjectAddress]) -> Result<(), FieldError> {
    for (i, a) in addresses.iter().enumerate() {
        if addresses[..i].iter().any(|b| b.uri == a.uri) {
            return Err(FieldError::new(
                format!("addresses[{i}].uri"),
                format!("{} is listed twice", a.uri),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn priority_of(json: &str) -> Result<Option<u16>, String> {
        serde_json::from_str::<AddressInput>(&format!(r#"{{"uri": "tel:+12125550100"{json}}}"#))
            .map(|a| a.priority)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_priority_is_a_whole_number_however_spelled() {
        assert_eq!(priority_of(""), Ok(None));
        assert_eq!(priority_of(r#", "priority": 7"#), Ok(Some(7)));
        assert_eq!(priority_of(r#", "priority": 428.0"#), Ok(Some(428)));
        assert_eq!(priority_of(r#", "priority": 65535"#), Ok(Some(65535)));
        for bad in ["null", "1.5", "-1", "65536", "1e300", "\"1\""] {
            assert!(
                priority_of(&format!(r#", "priority": {bad}"#)).is_err(),
                "{bad}"
            );
        }
    }
}
