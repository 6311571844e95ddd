//! The rules of changing the directory, below HTTP and above the store and
//! the in-memory directory: one call per change, whoever asks (an HTTP
//! handler, the command line, the demo loader). Each call validates,
//! checks preconditions, writes, and brings the directory up to date before
//! it returns, so every channel answers with the change.
//!
//! Depends on `model`, `store` and `directory`; never on `http`.

mod blocks;
pub mod dnssec;
mod domains;
mod error;
mod precondition;
mod subjects;
pub mod tokens;

pub use blocks::BlockService;
pub use dnssec::DnssecService;
pub use domains::DomainService;
pub use error::ServiceError;
pub use precondition::{EntityTag, IfMatch};
pub use subjects::SubjectService;
pub use tokens::{IssuedToken, TokenService};
