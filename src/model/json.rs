//! Subjects as JSON: what the admin API answers, exports write and the
//! change log keeps. The derived members (a subject's `acct`, an address's
//! `kind`) are written beside the fields they derive from, so readers of
//! the JSON need not derive them; reading JSON ignores them (see the
//! `Deserialize` of [`Subject`]), as the fields they came from say it all.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use uuid::Uuid;

use super::address::{Address, Kind};
use super::discoverable::Discoverable;
use super::links::{DocumentLink, DocumentProperty};
use super::subject::{Domain, Handle, Subject, SubjectAddress};
use super::visibility::Visibility;

/// One address of a subject with its privacy settings.
#[derive(Serialize, ToSchema)]
#[schema(as = SubjectAddress)]
struct AddressJson<'a> {
    id: Uuid,
    /// Canonical URI.
    #[schema(value_type = String, example = "tel:+12125550100")]
    uri: &'a Address,
    kind: Kind,
    visibility: Visibility,
    /// Who may use this address as a key to find the subject.
    discoverable: Discoverable,
    /// Lower comes first.
    priority: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    label: Option<&'a str>,
    /// A ported number's routing number (RFC 4694 `rn`), E.164.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, example = "+12155550199")]
    routing_number: Option<&'a str>,
}

/// A person or role account and all of its addresses.
#[derive(Serialize, ToSchema)]
#[schema(as = Subject)]
struct SubjectJson<'a> {
    id: Uuid,
    /// `acct:handle@domain`.
    #[schema(example = "acct:alice@example.com")]
    acct: String,
    #[schema(value_type = String, example = "alice")]
    handle: &'a Handle,
    #[schema(value_type = String, example = "example.com")]
    domain: &'a Domain,
    display_name: &'a str,
    /// Who may see the display name in WebFinger, lookup, vCard, caller
    /// name and DNS answers (absent when public).
    #[serde(skip_serializing_if = "is_public")]
    display_name_visibility: Visibility,
    /// Who may find the subject by its `acct:` URI.
    discoverable: Discoverable,
    /// Bumps on every change; the HTTP ETag.
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    /// Ordered by priority, then kind, then URI.
    #[schema(value_type = Vec<SubjectAddress>)]
    addresses: &'a [SubjectAddress],
    /// WebFinger links besides the addresses (absent when none).
    #[serde(skip_serializing_if = "no_links")]
    #[schema(value_type = Vec<DocumentLink>)]
    links: &'a [DocumentLink],
    /// WebFinger properties besides the display name (absent when none).
    #[serde(skip_serializing_if = "no_properties")]
    #[schema(schema_with = super::links::properties_schema)]
    properties: &'a BTreeMap<String, DocumentProperty>,
}

fn is_public(visibility: &Visibility) -> bool {
    *visibility == Visibility::Public
}

fn no_links(links: &&[DocumentLink]) -> bool {
    links.is_empty()
}

fn no_properties(properties: &&BTreeMap<String, DocumentProperty>) -> bool {
    properties.is_empty()
}

impl Serialize for SubjectAddress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AddressJson {
            id: self.id,
            uri: &self.uri,
            kind: self.kind(),
            visibility: self.visibility,
            discoverable: self.discoverable,
            priority: self.priority,
            label: self.label.as_deref(),
            routing_number: self.routing_number.as_deref(),
        }
        .serialize(s)
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        SubjectJson {
            id: self.id,
            acct: self.acct(),
            handle: &self.handle,
            domain: &self.domain,
            display_name: &self.display_name,
            display_name_visibility: self.display_name_visibility,
            discoverable: self.discoverable,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
            addresses: &self.addresses,
            links: &self.links,
            properties: &self.properties,
        }
        .serialize(s)
    }
}

/// The schema of a model type is the schema of its JSON form.
macro_rules! schema_of_json {
    ($model:ty, $json:ty) => {
        impl PartialSchema for $model {
            fn schema() -> RefOr<Schema> {
                <$json>::schema()
            }
        }
        impl ToSchema for $model {
            fn name() -> Cow<'static, str> {
                <$json>::name()
            }
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                <$json>::schemas(schemas)
            }
        }
    };
}

schema_of_json!(SubjectAddress, AddressJson<'static>);
schema_of_json!(Subject, SubjectJson<'static>);

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON as subjects were written when acct and kind were stored
    /// fields: the same members in the same order, byte for byte.
    const STORED: &str = concat!(
        r#"{"id":"01900000-0000-7000-8000-000000000001","acct":"acct:alice@example.com","#,
        r#""handle":"alice","domain":"example.com","display_name":"Alice","discoverable":true,"#,
        r#""version":3,"created_at":"2024-05-06T07:08:09.123456Z","#,
        r#""updated_at":"2024-05-07T07:08:09Z","addresses":["#,
        r#"{"id":"01900000-0000-7000-8000-000000000002","uri":"tel:+12125550100","kind":"tel","#,
        r#""visibility":"public","discoverable":true,"priority":10,"label":"mobile"},"#,
        r#"{"id":"01900000-0000-7000-8000-000000000003","uri":"xmpp:alice@example.com","#,
        r#""kind":"xmpp","visibility":"private","discoverable":false,"priority":100}]}"#
    );

    #[test]
    fn subjects_write_the_json_they_always_wrote() {
        let subject: Subject = serde_json::from_str(STORED).unwrap();
        assert_eq!(subject.acct(), "acct:alice@example.com");
        assert_eq!(subject.addresses[1].kind(), Kind::Xmpp);
        assert_eq!(serde_json::to_string(&subject).unwrap(), STORED);
    }
}
