//! Who may see an address: a setting that subjects and addresses carry,
//! and that [`super::project`] reads. It depends on nothing else in the model.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who may see an address in any answer.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone: WebFinger, ENUM, lookup.
    #[default]
    Public,
    /// Callers with a `lookup` or `admin` token; never in DNS.
    Authenticated,
    /// The admin API only.
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Authenticated => "authenticated",
            Visibility::Private => "private",
        }
    }
}

impl FromStr for Visibility {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "public" => Ok(Visibility::Public),
            "authenticated" => Ok(Visibility::Authenticated),
            "private" => Ok(Visibility::Private),
            other => Err(format!("unknown visibility `{other}`")),
        }
    }
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
