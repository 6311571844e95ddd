//! Links and properties a subject or a domain publishes in its WebFinger
//! document beside the addresses: an OpenID Connect issuer, an avatar, an
//! ActivityPub actor, a role. Each carries a visibility, decided on like an
//! address's by [`super::privacy`].
//!
//! The same types are the input (create, merge patch, import) and what is
//! stored; [`DocumentLink::checked`] and [`check_properties`] are the one
//! validation path for subjects and domains alike.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    AllOfBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type,
};
use utoipa::{PartialSchema, ToSchema};

use super::input::{FieldError, not_null};
use super::jrd::NAME;
use super::text::codepoint;
use super::visibility::Visibility;

/// At most this many links, and this many properties, per subject or domain.
pub const MAX_ENTRIES: usize = 32;
/// At most this many titles, and properties, per link.
const MAX_LINK_MEMBERS: usize = 16;
/// The longest URI accepted in a rel, href, template or property name.
const MAX_URI: usize = 2048;
/// The longest property value or title, in characters.
const MAX_VALUE: usize = 1024;
const MAX_TITLE: usize = 256;

/// The schemes an `href` (or a template, once expanded) may use: ones a
/// client can follow or hand to an application without running code.
/// Never `javascript:`, `data:`, `file:` and the like.
pub const SAFE_SCHEMES: [&str; 13] = [
    "https", "http", "acct", "mailto", "xmpp", "sip", "sips", "tel", "h323", "urn", "did", "geo",
    "wss",
];

/// A link of a WebFinger document (RFC 7033 §4.4.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentLink {
    /// An absolute URI, or a registered relation type (RFC 8288), e.g. `self`.
    #[schema(
        example = "http://openid.net/specs/connect/1.0/issuer",
        max_length = 2048,
        format = "link-rel",
        pattern = r"^[a-z][a-z0-9.-]{0,63}$|^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9][!-~]*$"
    )]
    pub rel: String,
    /// The target (an absolute `https`, `http`, `acct`, `mailto`, `xmpp`,
    /// `sip`, `sips`, `tel`, `h323`, `urn`, `did`, `geo` or `wss` URI); one
    /// of `href` and `template`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    #[schema(
        example = "https://login.example.com",
        max_length = 2048,
        format = "link-href",
        pattern = r"^(https?|wss)://[a-z0-9.-]*[a-z](:[0-9]{1,4})?([/?#][!-~]*)?$|^(acct|mailto|xmpp|sips?|tel|h323|urn|did|geo):[A-Za-z0-9][!-~]*$",
        nullable = false
    )]
    pub href: Option<String>,
    /// A URI template (RFC 6570) with at least one expression, e.g.
    /// `https://example.com/auth?user={uri}`; one of `href` and `template`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    #[schema(
        max_length = 2048,
        format = "link-template",
        pattern = r"^https?://[a-z0-9.-]*[a-z]/[!-z|~]*\{[A-Za-z0-9_.]{1,32}\}[!-z|~]*$",
        nullable = false
    )]
    pub template: Option<String>,
    /// The target's media type.
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "not_null"
    )]
    #[schema(
        example = "application/activity+json",
        max_length = 256,
        format = "media-type",
        pattern = r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(;[ -~]*)?$",
        nullable = false
    )]
    pub media_type: Option<String>,
    /// Language tag (or `und`) → title.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schema(schema_with = titles_schema)]
    pub titles: BTreeMap<String, String>,
    /// URI → value (or null).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schema(schema_with = link_properties_schema)]
    pub properties: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub visibility: Visibility,
}

/// Text without control characters, as the schema states it (the server
/// also refuses invisible and bidirectional-control characters).
const TEXT_PATTERN: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";
/// An absolute URI, as the schema states it: a scheme, then printable
/// ASCII starting with a letter or digit.
const URI_PATTERN: &str = r"^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9][!-~]*$";

fn text(max: usize, nullable: bool) -> Schema {
    let kind = if nullable {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::new(Type::String)
    };
    ObjectBuilder::new()
        .schema_type(kind)
        .max_length(Some(max))
        .pattern(Some(TEXT_PATTERN))
        .into()
}

/// An object whose member names match `names` and whose values are `values`.
fn map(names: &str, max_name: usize, values: RefOr<Schema>, max: usize) -> Schema {
    ObjectBuilder::new()
        .property_names(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(names))
                .max_length(Some(max_name)),
        ))
        .additional_properties(Some(values))
        .max_properties(Some(max))
        .into()
}

fn titles_schema() -> Schema {
    map(
        r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$",
        35,
        text(MAX_TITLE, false).into(),
        MAX_LINK_MEMBERS,
    )
}

fn link_properties_schema() -> Schema {
    map(
        URI_PATTERN,
        MAX_URI,
        text(MAX_VALUE, true).into(),
        MAX_LINK_MEMBERS,
    )
}

/// The schema of a subject's or a domain's properties: URI → property.
pub fn properties_schema() -> Schema {
    map(
        URI_PATTERN,
        MAX_URI,
        RefOr::Ref(utoipa::openapi::Ref::from_schema_name("DocumentProperty")),
        MAX_ENTRIES,
    )
}

/// The schema of a link as derived, with the rule JSON Schema states
/// apart: exactly one of `href` and `template`.
pub fn with_one_target(derived: RefOr<Schema>) -> RefOr<Schema> {
    let target = |member: &str| ObjectBuilder::new().required(member);
    AllOfBuilder::new()
        .item(derived)
        .item(
            OneOfBuilder::new()
                .item(target("href"))
                .item(target("template")),
        )
        .into()
}

/// [`properties_schema`] in a merge patch: `null` removes them all, and a
/// member set to `null` removes that property.
pub fn properties_patch_schema() -> Schema {
    let Schema::Object(mut object) = properties_schema() else {
        unreachable!("an object schema")
    };
    object.schema_type = SchemaType::from_iter([Type::Object, Type::Null]);
    Schema::Object(object)
}

impl DocumentLink {
    /// The link checked and normalised; errors name `field.member`.
    pub fn checked(mut self, field: &str) -> Result<DocumentLink, FieldError> {
        let at = |member: &str| format!("{field}.{member}");
        check_rel(&self.rel).map_err(|e| FieldError::new(at("rel"), e))?;
        match (&self.href, &self.template) {
            (Some(href), None) => check_href(href).map_err(|e| FieldError::new(at("href"), e))?,
            (None, Some(t)) => check_template(t).map_err(|e| FieldError::new(at("template"), e))?,
            (Some(_), Some(_)) => {
                return Err(FieldError::new(
                    at("template"),
                    "give either href or template, not both",
                ));
            }
            (None, None) => {
                return Err(FieldError::new(at("href"), "missing (or give a template)"));
            }
        }
        if let Some(t) = &self.media_type {
            check_media_type(t).map_err(|e| FieldError::new(at("type"), e))?;
        }
        if self.titles.len() > MAX_LINK_MEMBERS {
            return Err(FieldError::new(
                at("titles"),
                format!("at most {MAX_LINK_MEMBERS} titles"),
            ));
        }
        let mut titles = BTreeMap::new();
        for (tag, title) in std::mem::take(&mut self.titles) {
            let field = format!("{field}.titles.{tag}");
            check_language(&tag).map_err(|e| FieldError::new(&field, e))?;
            check_text(&title, MAX_TITLE).map_err(|e| FieldError::new(&field, e))?;
            titles.insert(tag, title);
        }
        self.titles = titles;
        if self.properties.len() > MAX_LINK_MEMBERS {
            return Err(FieldError::new(
                at("properties"),
                format!("at most {MAX_LINK_MEMBERS} properties"),
            ));
        }
        let mut properties = BTreeMap::new();
        for (name, value) in std::mem::take(&mut self.properties) {
            let field = format!("{field}.properties.{name}");
            check_absolute_uri(&name).map_err(|e| FieldError::new(&field, e))?;
            if let Some(v) = &value {
                check_text(v, MAX_VALUE).map_err(|e| FieldError::new(&field, e))?;
            }
            properties.insert(name, value);
        }
        self.properties = properties;
        Ok(self)
    }
}

/// A property of a WebFinger document: a value (or null) and who may see it.
///
/// As JSON, a public property is its value alone (`"sales"` or `null`);
/// any other is `{"value": …, "visibility": …}`. Both forms are accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentProperty {
    pub value: Option<String>,
    pub visibility: Visibility,
}

/// The long form of a property.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PropertyObject {
    #[schema(schema_with = property_value_schema)]
    value: Option<String>,
    #[serde(default)]
    visibility: Visibility,
}

fn property_value_schema() -> Schema {
    text(MAX_VALUE, true)
}

impl Serialize for DocumentProperty {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.visibility == Visibility::Public {
            return self.value.serialize(s);
        }
        PropertyObject {
            value: self.value.clone(),
            visibility: self.visibility,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for DocumentProperty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        match value {
            serde_json::Value::Null => Ok(DocumentProperty {
                value: None,
                visibility: Visibility::Public,
            }),
            serde_json::Value::String(s) => Ok(DocumentProperty {
                value: Some(s),
                visibility: Visibility::Public,
            }),
            object @ serde_json::Value::Object(_) => {
                let o: PropertyObject =
                    serde_json::from_value(object).map_err(serde::de::Error::custom)?;
                Ok(DocumentProperty {
                    value: o.value,
                    visibility: o.visibility,
                })
            }
            _ => Err(serde::de::Error::custom(
                "a property is a string, null, or {\"value\": …, \"visibility\": …}",
            )),
        }
    }
}

/// A property: its value (`null` allowed), public; or an object with
/// `value` and `visibility`.
impl PartialSchema for DocumentProperty {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(text(MAX_VALUE, true))
            .item(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                PropertyObject::name(),
            )))
            .into()
    }
}

impl ToSchema for DocumentProperty {
    fn name() -> std::borrow::Cow<'static, str> {
        "DocumentProperty".into()
    }
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((PropertyObject::name().into(), PropertyObject::schema()));
        PropertyObject::schemas(schemas);
    }
}

/// Links checked and normalised, as `field[i]`.
pub fn check_links(links: Vec<DocumentLink>, field: &str) -> Result<Vec<DocumentLink>, FieldError> {
    if links.len() > MAX_ENTRIES {
        return Err(FieldError::new(
            field,
            format!("at most {MAX_ENTRIES} links"),
        ));
    }
    links
        .into_iter()
        .enumerate()
        .map(|(i, l)| l.checked(&format!("{field}[{i}]")))
        .collect()
}

/// Properties checked and normalised, as `field.URI`.
pub fn check_properties(
    properties: BTreeMap<String, DocumentProperty>,
    field: &str,
) -> Result<BTreeMap<String, DocumentProperty>, FieldError> {
    if properties.len() > MAX_ENTRIES {
        return Err(FieldError::new(
            field,
            format!("at most {MAX_ENTRIES} properties"),
        ));
    }
    properties
        .into_iter()
        .map(|(name, p)| {
            let at = format!("{field}.{name}");
            check_absolute_uri(&name).map_err(|e| FieldError::new(&at, e))?;
            if name == NAME {
                return Err(FieldError::new(
                    at,
                    "is the display name: set display_name instead",
                ));
            }
            if let Some(v) = &p.value {
                check_text(v, MAX_VALUE).map_err(|e| FieldError::new(&at, e))?;
            }
            Ok((name, p))
        })
        .collect()
}

/// A title or a property value: kept as given (a value may be an
/// identifier, where trimming or normalising would change it), at most
/// `max` characters, no control characters.
fn check_text(text: &str, max: usize) -> Result<(), String> {
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(format!("contains {}, a control character", codepoint(c)));
    }
    if text.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    Ok(())
}

/// A relation type: an absolute URI, or a registered name (RFC 8288
/// `reg-rel-type`: a lower-case letter, then lower-case letters, digits,
/// `.` and `-`).
fn check_rel(rel: &str) -> Result<(), String> {
    let registered = rel.starts_with(|c: char| c.is_ascii_lowercase())
        && rel
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if registered && rel.len() <= 64 {
        return Ok(());
    }
    check_absolute_uri(rel).map(drop).map_err(|e| {
        format!("{e} (a relation is an absolute URI or a registered name such as `self`)")
    })
}

/// An absolute URI (any scheme), without spaces or controls.
fn check_absolute_uri(text: &str) -> Result<url::Url, String> {
    if text.len() > MAX_URI {
        return Err(format!("must be at most {MAX_URI} bytes"));
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces or control characters".into());
    }
    let url = url::Url::parse(text).map_err(|e| format!("must be an absolute URI ({e})"))?;
    Ok(url)
}

/// An href: an absolute URI in one of [`SAFE_SCHEMES`].
fn check_href(href: &str) -> Result<(), String> {
    let url = check_absolute_uri(href)?;
    if !SAFE_SCHEMES.contains(&url.scheme()) {
        return Err(format!(
            "scheme `{}` is not allowed (allowed: {})",
            url.scheme(),
            SAFE_SCHEMES.join(", ")
        ));
    }
    Ok(())
}

/// A URI template (RFC 6570): at least one `{expression}`, and with its
/// expressions filled in, an href.
fn check_template(template: &str) -> Result<(), String> {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    let mut expressions = 0;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("has a `}` without its `{`".into());
        }
        filled.push_str(&rest[..open]);
        let close = rest[open..].find('}').ok_or("has a `{` without its `}`")?;
        let expression = &rest[open + 1..open + close];
        let body = expression.trim_start_matches(['+', '#', '.', '/', ';', '?', '&']);
        let valid = !body.is_empty()
            && body.split(',').all(|var| {
                let var = var.trim_end_matches('*');
                let var = var.split_once(':').map_or(var, |(name, prefix)| {
                    if prefix.chars().all(|c| c.is_ascii_digit()) && !prefix.is_empty() {
                        name
                    } else {
                        ""
                    }
                });
                !var.is_empty()
                    && var
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '%')
            });
        if !valid {
            return Err(format!(
                "`{{{expression}}}` is not a URI template expression"
            ));
        }
        filled.push('x');
        expressions += 1;
        rest = &rest[open + close + 1..];
    }
    filled.push_str(rest);
    if expressions == 0 {
        return Err("has no `{…}` expression: use href for a fixed URI".into());
    }
    check_href(&filled)
}

/// A media type (RFC 6838 `type/subtype`), parameters allowed.
fn check_media_type(text: &str) -> Result<(), String> {
    let bad = || "must be a media type such as `application/activity+json`".to_owned();
    if text.len() > 256 || text.chars().any(|c| c.is_control()) {
        return Err(bad());
    }
    let essence = text.split(';').next().unwrap_or("").trim();
    let (kind, subtype) = essence.split_once('/').ok_or_else(bad)?;
    let name = |s: &str| {
        (1..=127).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&^_.+-".contains(c))
    };
    if name(kind) && name(subtype) {
        Ok(())
    } else {
        Err(bad())
    }
}

/// A language tag (RFC 5646 shape) or `und`.
fn check_language(tag: &str) -> Result<(), String> {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let ok = tag.len() <= 35
        && (1..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err("must be a language tag such as `en`, `de-CH` or `und`".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(value: serde_json::Value) -> Result<DocumentLink, FieldError> {
        serde_json::from_value::<DocumentLink>(value)
            .unwrap()
            .checked("links[0]")
    }

    #[test]
    fn links_are_checked_member_by_member() {
        let ok = link(serde_json::json!({
            "rel": "http://openid.net/specs/connect/1.0/issuer",
            "href": "https://login.example.com",
            "titles": {"en": " Login "}, "properties": {"http://example.com/ns/x": null}
        }))
        .unwrap();
        assert_eq!(ok.titles["en"], " Login ", "kept as given");
        assert_eq!(ok.visibility, Visibility::Public);
        link(serde_json::json!({"rel": "self", "type": "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", "href": "https://example.com/users/a"})).unwrap();
        link(
            serde_json::json!({"rel": "lrdd", "template": "https://example.com/wf?resource={uri}"}),
        )
        .unwrap();
        let cases = [
            (
                serde_json::json!({"rel": "Self", "href": "https://a.example"}),
                "links[0].rel",
            ),
            (
                serde_json::json!({"rel": "not a uri", "href": "https://a.example"}),
                "links[0].rel",
            ),
            (
                serde_json::json!({"rel": "self", "href": "javascript:alert(1)"}),
                "links[0].href",
            ),
            (
                serde_json::json!({"rel": "self", "href": "data:text/html,x"}),
                "links[0].href",
            ),
            (
                serde_json::json!({"rel": "self", "href": "/relative"}),
                "links[0].href",
            ),
            (serde_json::json!({"rel": "self"}), "links[0].href"),
            (
                serde_json::json!({"rel": "self", "href": "https://a.example", "template": "https://a.example/{uri}"}),
                "links[0].template",
            ),
            (
                serde_json::json!({"rel": "self", "template": "https://a.example/"}),
                "links[0].template",
            ),
            (
                serde_json::json!({"rel": "self", "template": "javascript:{uri}"}),
                "links[0].template",
            ),
            (
                serde_json::json!({"rel": "self", "template": "https://a.example/{u ri}"}),
                "links[0].template",
            ),
            (
                serde_json::json!({"rel": "self", "href": "https://a.example", "type": "html"}),
                "links[0].type",
            ),
            (
                serde_json::json!({"rel": "self", "href": "https://a.example", "titles": {"en us": "x"}}),
                "links[0].titles.en us",
            ),
            (
                serde_json::json!({"rel": "self", "href": "https://a.example", "properties": {"role": "x"}}),
                "links[0].properties.role",
            ),
        ];
        for (input, field) in cases {
            let e = link(input.clone()).unwrap_err();
            assert_eq!(e.field, field, "{input}: {e}");
        }
    }

    #[test]
    fn properties_have_a_short_and_a_long_form() {
        let p: BTreeMap<String, DocumentProperty> = serde_json::from_value(serde_json::json!({
            "http://example.com/ns/role": "sales",
            "http://example.com/ns/none": null,
            "http://example.com/ns/desk": {"value": "4.12", "visibility": "authenticated"},
        }))
        .unwrap();
        assert_eq!(
            p["http://example.com/ns/desk"].visibility,
            Visibility::Authenticated
        );
        let checked = check_properties(p.clone(), "properties").unwrap();
        assert_eq!(
            serde_json::to_value(&checked).unwrap(),
            serde_json::json!({
                "http://example.com/ns/desk": {"value": "4.12", "visibility": "authenticated"},
                "http://example.com/ns/none": null,
                "http://example.com/ns/role": "sales",
            })
        );
        let bad: BTreeMap<String, DocumentProperty> =
            serde_json::from_value(serde_json::json!({"role": "x"})).unwrap();
        assert_eq!(
            check_properties(bad, "properties").unwrap_err().field,
            "properties.role"
        );
        let name: BTreeMap<String, DocumentProperty> =
            serde_json::from_value(serde_json::json!({NAME: "x"})).unwrap();
        assert!(check_properties(name, "properties").is_err());
        assert!(serde_json::from_value::<DocumentProperty>(serde_json::json!(1)).is_err());
        assert!(
            serde_json::from_value::<DocumentProperty>(serde_json::json!({"value": "x", "x": 1}))
                .is_err()
        );
    }
}
