//! `If-Match` (RFC 9110 §13.1.1) as the service sees it: already parsed.

use super::ServiceError;

/// An `If-Match` precondition: `*`, or entity tags of which one must be the
/// subject's current ETag.
#[derive(Debug, PartialEq)]
pub enum IfMatch {
    Any,
    Tags(Vec<EntityTag>),
}

#[derive(Debug, PartialEq)]
pub struct EntityTag {
    pub weak: bool,
    pub opaque: String,
}

impl IfMatch {
    /// Strong comparison: a weak tag never matches, a well-formed tag that
    /// names another version simply does not match (412, not 400).
    pub fn matches(&self, version: i64) -> bool {
        match self {
            IfMatch::Any => true,
            IfMatch::Tags(tags) => {
                let current = version.to_string();
                tags.iter().any(|t| !t.weak && t.opaque == current)
            }
        }
    }

    /// Fail as stale unless the subject at `version` satisfies the precondition.
    pub fn check(precondition: Option<&IfMatch>, version: i64) -> Result<(), ServiceError> {
        match precondition {
            Some(p) if !p.matches(version) => Err(ServiceError::Stale { current: version }),
            _ => Ok(()),
        }
    }
}
