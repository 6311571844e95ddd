//! callsign: one identity, every address.

pub mod model;
pub mod store;
