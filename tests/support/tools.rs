//! External programs the tests drive (dig, kdig, knotd, named-checkzone…).
//! Under `CI=true` a missing one fails the test; elsewhere the test says so
//! and skips that part.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `binary` from the system's program folders, or `None` (a failure under
/// CI, where `.ci/run` installs `package`).
pub fn require(binary: &str, package: &str) -> Option<PathBuf> {
    let found = ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]
        .iter()
        .map(|dir| Path::new(dir).join(binary))
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{binary} is required under CI (Debian package `{package}`)"
        );
        eprintln!("{binary} not installed; skipping (install the `{package}` package)");
    }
    found
}
