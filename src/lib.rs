//! callsign: one identity, every address.

pub mod config;
pub mod directory;
pub mod dns;
pub mod model;
pub mod store;
