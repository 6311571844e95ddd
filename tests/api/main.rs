//! The HTTP surface through a real server: the admin API, import and
//! export, WebFinger, the lookup API and federated resolver, operations
//! endpoints and the deployment files. One test binary, one module per area.

#[path = "../support/mod.rs"]
mod support;

mod audiences;
mod auth;
mod block_transfer;
mod blocks;
mod caller;
mod config;
mod conformance;
mod deploy;
mod discoverable;
mod federation;
mod input;
mod limits;
mod links;
mod lookup;
mod me;
mod ops;
mod ported;
mod privacy;
mod resolver;
mod subjects;
mod transfer;
mod webfinger;
