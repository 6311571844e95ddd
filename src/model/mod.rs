//! The domain: addresses, subjects, privacy. Depends on nothing else here.

mod address;
mod input;
mod limits;
mod privacy;
mod subject;
mod visibility;

pub use address::{Address, AddressError, Kind};
pub use input::{AddressInput, DEFAULT_PRIORITY, FieldError, SubjectInput, check_unique};
pub use limits::Limits;
pub use privacy::{Projection, Scope, Viewer, keys, project, visible_addresses};
pub use subject::{Acct, Domain, Handle, Subject, SubjectAddress, SubjectError, clean_text};
pub use visibility::Visibility;

#[cfg(test)]
mod proptests;
