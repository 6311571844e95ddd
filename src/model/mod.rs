//! The domain: addresses, subjects, privacy. Depends on nothing else here.

mod address;
mod audience;
mod block;
mod discoverable;
mod domain;
mod exposure;
mod input;
pub mod jrd;
mod json;
mod limits;
pub mod links;
mod patch;
mod privacy;
mod reverse;
mod subject;
mod text;
pub mod uri;
mod userpart;
mod visibility;

pub use address::{Address, AddressError, Kind, parse_ported, parse_routing_number, ported_uri};
pub use audience::{Audiences, MAX_AUDIENCES, admit, audience_name};
pub use block::{Block, BlockInput, Blocks, Template, merge_patch};
pub use discoverable::Discoverable;
pub use domain::{DomainInput, DomainProfile, XMPP_BOSH, XMPP_WEBSOCKET};
pub use exposure::{ChannelExposure, ViewerExposure, exposure};
pub use input::{
    AddressInput, DEFAULT_PRIORITY, FieldError, SubjectInput, check_routing, check_unique,
    deserialize_priority, display_name, label, not_null, routing_number,
};
pub use limits::Limits;
pub use links::{DocumentLink, DocumentProperty};
pub use patch::{AddressPatch, SubjectPatch, present};
pub use privacy::{
    Projection, Scope, Viewer, keys, project, visible_addresses, visible_links, visible_name,
    visible_properties,
};
pub use subject::{Acct, Domain, Handle, Subject, SubjectAddress, SubjectError, VCARD_PATH};
pub use text::{TextError, clean_text, free_text};
pub use uri::{DirectoryKey, PercentError, percent_decode, percent_encode};
pub use visibility::Visibility;

#[cfg(test)]
mod proptests;
