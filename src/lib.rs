//! callsign: one identity, every address.
//!
//! `app` wires the rooms together: `model` (the domain), `store` (SQLite and
//! PostgreSQL), `directory` (the in-memory index every read answers from),
//! `service` (every change to a subject, one call each, the directory
//! caught up before it returns), `http` (admin API, WebFinger) and `dns`
//! (ENUM).

pub mod app;
pub mod backoff;
pub mod config;
pub mod connections;
pub mod demo;
pub mod directory;
pub mod dns;
#[doc(hidden)]
pub mod fuzz;
pub mod http;
pub mod model;
pub mod resolve;
pub mod service;
pub mod store;
