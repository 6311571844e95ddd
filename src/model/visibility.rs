//! Who may see an address: a setting that subjects and addresses carry,
//! and that [`super::project`] reads. It depends on nothing else in the
//! model but audiences.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{PartialSchema, ToSchema};

use super::audience::{Audiences, MAX_NAME};

/// Who may see an address in any answer. As JSON, a string: `public`,
/// `authenticated`, `audience:<name>[,<name>…]` or `private`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Visibility {
    /// Anyone: WebFinger, ENUM, lookup.
    #[default]
    Public,
    /// Callers with any token; never in DNS.
    Authenticated,
    /// Callers with a token of one of these audiences, and admins; never in
    /// DNS. Never empty.
    Audience(Audiences),
    /// The admin API only.
    Private,
}

/// The prefix of an audience visibility.
const AUDIENCE: &str = "audience:";

impl Visibility {
    /// The audiences an `audience:` visibility names (none for the others).
    pub fn audiences(self) -> Audiences {
        match self {
            Visibility::Audience(set) => set,
            _ => Audiences::NONE,
        }
    }

    /// Parse with other words for the two ends (`public`, `private` here;
    /// `everyone`, `nobody` for discoverability).
    pub fn parse_as(s: &str, public: &str, private: &str) -> Result<Visibility, String> {
        if s == public {
            return Ok(Visibility::Public);
        }
        if s == private {
            return Ok(Visibility::Private);
        }
        if s == "authenticated" {
            return Ok(Visibility::Authenticated);
        }
        match s.strip_prefix(AUDIENCE) {
            Some(names) => Audiences::of(names.split(',')).map(Visibility::Audience),
            None => Err(format!(
                "unknown value `{s}` (expected {public}, authenticated, \
                 audience:<name>[,<name>…] or {private})"
            )),
        }
    }

    /// Write with other words for the two ends, as [`Visibility::parse_as`].
    pub fn write_as(self, f: &mut fmt::Formatter<'_>, public: &str, private: &str) -> fmt::Result {
        match self {
            Visibility::Public => f.write_str(public),
            Visibility::Authenticated => f.write_str("authenticated"),
            Visibility::Audience(set) => write!(f, "{AUDIENCE}{set}"),
            Visibility::Private => f.write_str(private),
        }
    }

    /// The schema of the string, with these words for the two ends, and
    /// `format` (so generated test values can name audiences that exist).
    pub fn schema_as(public: &str, private: &str, format: &str, example: &str) -> Schema {
        let name = format!("[a-z0-9][a-z0-9-]{{0,{}}}", MAX_NAME - 1);
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom(format.to_owned())))
            .pattern(Some(format!(
                "^({public}|authenticated|{private}|{AUDIENCE}{name}(,{name})*)$"
            )))
            .examples([example])
            .into()
    }
}

impl FromStr for Visibility {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Visibility::parse_as(s, "public", "private")
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_as(f, "public", "private")
    }
}

impl Serialize for Visibility {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Visibility {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialSchema for Visibility {
    fn schema() -> RefOr<Schema> {
        Visibility::schema_as("public", "private", "visibility", "public").into()
    }
}

impl ToSchema for Visibility {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_reads_back_as_written() {
        for name in ["partners", "staff"] {
            crate::model::admit(name).unwrap();
        }
        for s in [
            "public",
            "authenticated",
            "private",
            "audience:partners",
            "audience:partners,staff",
        ] {
            let v: Visibility = s.parse().unwrap();
            assert_eq!(v.to_string(), s);
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(serde_json::from_str::<Visibility>(&json).unwrap(), v);
        }
        // Names come back in one order, once each.
        let v: Visibility = "audience:staff,partners,staff".parse().unwrap();
        assert_eq!(v.to_string(), "audience:partners,staff");
    }

    #[test]
    fn bad_spellings_are_refused() {
        for s in [
            "Public",
            "audience:",
            "audience:a,",
            "audience:A",
            "everyone",
            "",
        ] {
            assert!(s.parse::<Visibility>().is_err(), "{s:?}");
        }
    }
}
