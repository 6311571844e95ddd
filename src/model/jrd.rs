//! The WebFinger vocabulary (RFC 7033): the JSON Resource Descriptor, read
//! from other servers and written by ours, and the relations and
//! properties this service speaks.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use super::Kind;

/// The media type of a JRD.
pub const JRD: &str = "application/jrd+json";
/// A person's profile page (an `https:` address).
pub const PROFILE_PAGE: &str = "http://webfinger.net/rel/profile-page";
/// The property holding the subject's display name.
pub const NAME: &str = "http://schema.org/name";

/// Link relation of each address kind in a JRD.
pub fn rel(kind: Kind) -> &'static str {
    match kind {
        Kind::Https => PROFILE_PAGE,
        Kind::Tel => "https://callsign.invalid/rel/tel",
        Kind::Sip | Kind::Sips => "https://callsign.invalid/rel/sip",
        Kind::Xmpp => "https://callsign.invalid/rel/xmpp",
        Kind::Mailto => "https://callsign.invalid/rel/mailto",
        Kind::H323 => "https://callsign.invalid/rel/h323",
    }
}

// Written, every field is present (`links` is `[]` when empty). Read, a
// remote JRD is taken as leniently as RFC 7033 allows: any member may be
// missing or null, property values may be null, and unknown members are
// ignored.
/// A JSON Resource Descriptor.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct Jrd {
    /// The subject's `acct:` URI.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schema(required = true)]
    pub subject: String,
    /// Every address the caller may see, canonical, by priority.
    #[serde(default)]
    #[schema(required = true)]
    pub aliases: Vec<String>,
    #[serde(default)]
    #[schema(value_type = BTreeMap<String, String>, required = true)]
    pub properties: BTreeMap<String, Option<String>>,
    /// Always present, `[]` when empty.
    #[serde(default)]
    #[schema(required = true)]
    pub links: Vec<Link>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct Link {
    #[serde(default, deserialize_with = "null_as_default")]
    #[schema(value_type = String, required = true)]
    pub rel: Cow<'static, str>,
    #[serde(default, deserialize_with = "null_as_default")]
    #[schema(required = true)]
    pub href: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "ignore_malformed"
    )]
    pub titles: Option<BTreeMap<String, String>>,
}

impl Jrd {
    /// A property's value, when present and not null.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties.get(name)?.as_deref()
    }
}

/// `null` read as the type's default: remote servers write either.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A member the resolver does not use, dropped rather than failing the
/// whole document when a remote server writes it oddly.
fn ignore_malformed<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_jrds_keep_their_shape() {
        let jrd = Jrd {
            subject: "acct:a@example.com".into(),
            aliases: vec![],
            properties: BTreeMap::from([(NAME.to_owned(), Some("A".to_owned()))]),
            links: vec![Link {
                rel: rel(Kind::Tel).into(),
                href: "tel:+1".into(),
                titles: None,
            }],
        };
        assert_eq!(
            serde_json::to_string(&jrd).unwrap(),
            r#"{"subject":"acct:a@example.com","aliases":[],"properties":{"http://schema.org/name":"A"},"links":[{"rel":"https://callsign.invalid/rel/tel","href":"tel:+1"}]}"#
        );
        let empty = Jrd::default();
        assert!(
            serde_json::to_string(&empty)
                .unwrap()
                .ends_with(r#""links":[]}"#)
        );
    }

    #[test]
    fn remote_jrds_are_read_leniently() {
        let jrd: Jrd = serde_json::from_value(serde_json::json!({
            "subject": null,
            "properties": {"http://schema.org/name": null, "x": "y"},
            "links": [
                {"rel": null, "href": "xmpp:a@b.example", "titles": {"en": 1}},
                {"type": "text/html"}
            ],
            "expires": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        assert_eq!(jrd.subject, "");
        assert_eq!(jrd.property(NAME), None);
        assert_eq!(jrd.property("x"), Some("y"));
        assert_eq!(jrd.links[0].href, "xmpp:a@b.example");
        assert_eq!(jrd.links[0].titles, None);
        assert_eq!(jrd.links[1].href, "");
    }
}
