//! The WebFinger vocabulary (RFC 7033): the JSON Resource Descriptor, read
//! from other servers and written by ours, and the relations and
//! properties this service speaks.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use super::Kind;
use super::links::DocumentLink;

/// The media type of a JRD.
pub const JRD: &str = "application/jrd+json";
/// A person's profile page (an `https:` address).
pub const PROFILE_PAGE: &str = "http://webfinger.net/rel/profile-page";
/// The property holding the subject's display name.
pub const NAME: &str = "http://schema.org/name";
/// The relation of a subject's vCard link: another representation of the
/// same identity (RFC 4287 §4.2.7.2, and HTML's `alternate`).
pub const VCARD_REL: &str = "alternate";
/// The media type of a subject's vCard link.
pub const VCARD_TYPE: &str = "text/vcard";

/// The base of address relation types before `webfinger.address_rel_base`
/// existed (a reserved, never resolvable domain), kept for
/// `webfinger.legacy_rels`.
pub const LEGACY_REL_BASE: &str = "https://callsign.invalid/rel/";
/// The default `webfinger.address_rel_base`.
pub const DEFAULT_REL_BASE: &str = "https://callsign.dev/rel/";

/// The relation types of address links: `{base}{tel,sip,xmpp,mailto,h323}`
/// (`sips` shares `sip`), and for an https address the widely used
/// profile-page relation; with `legacy`, each address also gets a link
/// under [`LEGACY_REL_BASE`].
#[derive(Clone, Debug)]
pub struct AddressRels {
    /// By [`Kind::ALL`] position: the relation, and the legacy one if any.
    rels: [(&'static str, Option<&'static str>); Kind::ALL.len()],
}

impl AddressRels {
    pub fn new(base: &str, legacy: bool) -> AddressRels {
        // Built once per server from its configuration and read by every
        // answer: leaked, so links borrow them for free.
        let make = |base: &str, kind: Kind| -> &'static str {
            match kind {
                Kind::Https => PROFILE_PAGE,
                Kind::Sips => Box::leak(format!("{base}sip").into_boxed_str()),
                k => Box::leak(format!("{base}{}", k.scheme()).into_boxed_str()),
            }
        };
        let rels = Kind::ALL.map(|kind| {
            let current = make(base, kind);
            let old = (legacy && kind != Kind::Https && base != LEGACY_REL_BASE)
                .then(|| make(LEGACY_REL_BASE, kind));
            (current, old)
        });
        AddressRels { rels }
    }

    /// The relations an address of `kind` is linked with: the current one,
    /// then the legacy one when that is on.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &'static str> + use<> {
        let i = Kind::ALL
            .iter()
            .position(|k| *k == kind)
            .expect("every kind is in ALL");
        let (current, old) = self.rels[i];
        std::iter::once(current).chain(old)
    }
}

impl Default for AddressRels {
    fn default() -> Self {
        AddressRels::new(DEFAULT_REL_BASE, false)
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

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Link {
    #[serde(default, deserialize_with = "null_as_default")]
    #[schema(value_type = String, required = true)]
    pub rel: Cow<'static, str>,
    /// Media type of the target.
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "ignore_malformed"
    )]
    pub media_type: Option<String>,
    /// The target; absent when the link has a `template` instead.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub href: String,
    /// A URI template (RFC 6570) in place of `href`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "ignore_malformed"
    )]
    pub template: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "ignore_malformed"
    )]
    pub titles: Option<BTreeMap<String, String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "ignore_malformed"
    )]
    #[schema(value_type = Option<BTreeMap<String, String>>)]
    pub properties: Option<BTreeMap<String, Option<String>>>,
}

impl Link {
    /// An address's link: its URI under `rel`, its label as the `und` title.
    pub fn address(rel: &'static str, uri: &str, label: Option<&str>) -> Link {
        Link {
            rel: Cow::Borrowed(rel),
            href: uri.to_owned(),
            titles: label.map(|l| BTreeMap::from([("und".to_owned(), l.to_owned())])),
            ..Link::default()
        }
    }

    /// A link to `href` of media type `media_type`.
    pub fn typed(rel: &'static str, media_type: &str, href: String) -> Link {
        Link {
            rel: Cow::Borrowed(rel),
            media_type: Some(media_type.to_owned()),
            href,
            ..Link::default()
        }
    }

    /// A published link of a subject or domain, as written.
    pub fn published(link: &DocumentLink) -> Link {
        Link {
            rel: Cow::Owned(link.rel.clone()),
            media_type: link.media_type.clone(),
            href: link.href.clone().unwrap_or_default(),
            template: link.template.clone(),
            titles: (!link.titles.is_empty()).then(|| link.titles.clone()),
            properties: (!link.properties.is_empty()).then(|| link.properties.clone()),
        }
    }
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
            links: vec![Link::address(
                AddressRels::new(LEGACY_REL_BASE, false)
                    .of(Kind::Tel)
                    .next()
                    .unwrap(),
                "tel:+1",
                None,
            )],
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
    fn address_rels_follow_the_base_and_the_legacy_switch() {
        let rels = |base, legacy, kind| AddressRels::new(base, legacy).of(kind).collect::<Vec<_>>();
        assert_eq!(
            rels("https://rel.example/", false, Kind::Sips),
            ["https://rel.example/sip"]
        );
        assert_eq!(
            rels("https://rel.example/", true, Kind::Xmpp),
            [
                "https://rel.example/xmpp",
                "https://callsign.invalid/rel/xmpp"
            ]
        );
        assert_eq!(
            rels("https://rel.example/", true, Kind::Https),
            [PROFILE_PAGE]
        );
        assert_eq!(
            rels(LEGACY_REL_BASE, true, Kind::Tel),
            ["https://callsign.invalid/rel/tel"]
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
