//! The domain: addresses, subjects, privacy. Depends on nothing else here.

mod address;
mod input;
mod privacy;
mod subject;

pub use address::{Address, AddressError, Kind};
pub use input::{
    AddressInput, DEFAULT_PRIORITY, FieldError, SubjectInput, check_unique, deserialize_priority,
};
pub use privacy::{Projection, Scope, Viewer, Visibility, keys, project, visible_addresses};
pub use subject::{Acct, Domain, Handle, Subject, SubjectAddress, SubjectError, clean_text};

#[cfg(test)]
mod proptests;
