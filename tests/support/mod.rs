//! Shared test harness: `mod support;` in a test file, then
//! `support::pg::fresh_database().await` or `support::sqlite_url(&dir)`.

#![allow(dead_code)]

pub mod app;
pub mod dns;
pub mod pg;
pub mod server;
pub mod tools;

/// A SQLite database URL in `dir`; the file is created on open.
pub fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/callsign.db", dir.path().display())
}

/// `callsign migrate` on a fresh SQLite database with the environment
/// `env`: its exit code and standard error. Configuration is read first,
/// so this is also the quickest way to see what startup makes of it.
pub fn migrate_with(env: &[(&str, &str)]) -> (Option<i32>, String) {
    migrate(None, env)
}

/// [`migrate_with`], with `config` as the configuration file's text.
pub fn migrate_with_file(config: &str, env: &[(&str, &str)]) -> (Option<i32>, String) {
    migrate(Some(config), env)
}

fn migrate(config: Option<&str>, env: &[(&str, &str)]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_callsign"));
    if let Some(text) = config {
        let path = dir.path().join("callsign.toml");
        std::fs::write(&path, text).unwrap();
        command.arg("--config").arg(path);
    }
    let out = command
        .arg("migrate")
        .env("CALLSIGN_DATABASE_URL", sqlite_url(&dir))
        .env("CALLSIGN_LOG_FILTER", "warn")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
