//! Who may find a subject by a key (its acct, or one address): the same
//! levels as [`Visibility`], named for finding: `everyone`,
//! `authenticated`, `audience:<name>[,<name>…]` or `nobody`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use super::visibility::Visibility;

/// Who may use a key to find its subject. A viewer may use it when
/// [`super::Viewer::sees`] the level, as if it were a visibility.
///
/// As JSON, `true` and `false` are accepted for `everyone` and `nobody`,
/// and written that way, so clients that know only those two read what
/// they always read; the other levels are strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Discoverable(pub Visibility);

impl Discoverable {
    pub const EVERYONE: Discoverable = Discoverable(Visibility::Public);
    pub const NOBODY: Discoverable = Discoverable(Visibility::Private);

    /// Findable by anyone: what DNS and the anonymous channels publish.
    pub fn is_everyone(self) -> bool {
        self == Discoverable::EVERYONE
    }

    /// The level as stored beside the `discoverable` flag: `None` for
    /// `everyone` and `nobody`, which the flag says alone.
    pub fn level(self) -> Option<String> {
        match self.0 {
            Visibility::Public | Visibility::Private => None,
            _ => Some(self.to_string()),
        }
    }

    /// The level from its stored flag and [`Discoverable::level`].
    pub fn stored(flag: bool, level: Option<&str>) -> Result<Discoverable, String> {
        match level {
            Some(level) => level.parse(),
            None => Ok(Discoverable::from(flag)),
        }
    }
}

impl Default for Discoverable {
    fn default() -> Self {
        Discoverable::EVERYONE
    }
}

impl From<bool> for Discoverable {
    fn from(flag: bool) -> Self {
        if flag {
            Discoverable::EVERYONE
        } else {
            Discoverable::NOBODY
        }
    }
}

impl std::str::FromStr for Discoverable {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Visibility::parse_as(s, "everyone", "nobody").map(Discoverable)
    }
}

impl fmt::Display for Discoverable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_as(f, "everyone", "nobody")
    }
}

impl Serialize for Discoverable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Visibility::Public => s.serialize_bool(true),
            Visibility::Private => s.serialize_bool(false),
            _ => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Discoverable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw<'a> {
            Flag(bool),
            Level(std::borrow::Cow<'a, str>),
        }
        match Raw::deserialize(d) {
            Ok(Raw::Flag(flag)) => Ok(Discoverable::from(flag)),
            Ok(Raw::Level(level)) => level.parse().map_err(serde::de::Error::custom),
            Err(_) => Err(serde::de::Error::custom(
                "expected true, false, everyone, authenticated, audience:<name>[,<name>…] or nobody",
            )),
        }
    }
}

impl PartialSchema for Discoverable {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Boolean))
            .item(Visibility::schema_as(
                "everyone",
                "nobody",
                "discoverable",
                "authenticated",
            ))
            .into()
    }
}

impl ToSchema for Discoverable {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_levels_read_and_write() {
        crate::model::admit("partners").unwrap();
        let read = |json: &str| serde_json::from_str::<Discoverable>(json).unwrap();
        assert_eq!(read("true"), Discoverable::EVERYONE);
        assert_eq!(read("\"everyone\""), Discoverable::EVERYONE);
        assert_eq!(read("false"), Discoverable::NOBODY);
        assert_eq!(read("\"nobody\""), Discoverable::NOBODY);
        assert_eq!(read("\"authenticated\"").0, Visibility::Authenticated);
        let partners = read("\"audience:partners\"");
        assert_eq!(
            serde_json::to_string(&partners).unwrap(),
            "\"audience:partners\""
        );
        assert_eq!(
            serde_json::to_string(&Discoverable::NOBODY).unwrap(),
            "false"
        );
        for bad in ["\"public\"", "\"private\"", "1", "null", "\"audience:\""] {
            assert!(serde_json::from_str::<Discoverable>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_stored_form_reads_back() {
        for name in ["partners", "staff"] {
            crate::model::admit(name).unwrap();
        }
        for level in [
            "everyone",
            "nobody",
            "authenticated",
            "audience:partners,staff",
        ] {
            let d: Discoverable = level.parse().unwrap();
            let stored = d.level();
            assert_eq!(
                Discoverable::stored(d.is_everyone(), stored.as_deref()),
                Ok(d)
            );
        }
    }
}
