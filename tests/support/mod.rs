//! Shared test harness: `mod support;` in a test file, then
//! `support::pg::fresh_database().await` or `support::sqlite_url(&dir)`.

#![allow(dead_code)]

pub mod app;
pub mod dns;
pub mod pg;
pub mod tools;

/// A SQLite database URL in `dir`; the file is created on open.
pub fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/callsign.db", dir.path().display())
}
