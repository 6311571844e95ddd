//! How a change can fail, in the service's words (HTTP maps them once).

use crate::model::FieldError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A field of the input is invalid, or the result breaks a limit.
    #[error("{0}")]
    Invalid(#[from] FieldError),
    /// No such subject, or no such address of it.
    #[error("not found")]
    NotFound,
    /// The change contradicts the subject as it is (the text says how).
    #[error("{0}")]
    Conflict(String),
    /// The precondition named another version than the current one.
    #[error("precondition failed: current version is {current}")]
    Stale { current: i64 },
    /// Every attempt of an unconditional write lost a race.
    #[error("the subject kept changing under concurrent writes; retry")]
    Busy,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ServiceError::NotFound,
            StoreError::Stale { current } => ServiceError::Stale { current },
            StoreError::Invalid(e) => ServiceError::Invalid(e),
            other => ServiceError::Store(other),
        }
    }
}
