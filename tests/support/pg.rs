//! PostgreSQL for tests: a fresh database per test.
//!
//! The server is the one `CALLSIGN_TEST_DATABASE_URL` names (any database
//! on it the user may connect to and create databases from), or else one
//! throwaway cluster per test process, started on first use from the
//! installed server binaries and stopped by a watchdog when the process
//! exits.

#![allow(dead_code)]

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tokio::sync::OnceCell;
use url::Url;

/// A database of its own for one test, dropped (best effort) with it.
pub struct TestDb {
    pub url: String,
    name: String,
    server: Url,
}

/// The URL of a database on the test server from which others are created.
static SERVER: OnceCell<Url> = OnceCell::const_new();

/// Create an empty database for one test.
pub async fn fresh_database() -> TestDb {
    let server = SERVER
        .get_or_init(|| async {
            match std::env::var("CALLSIGN_TEST_DATABASE_URL") {
                Ok(url) => Url::parse(&url).expect("CALLSIGN_TEST_DATABASE_URL is not a URL"),
                Err(_) => tokio::task::spawn_blocking(start_cluster)
                    .await
                    .expect("starting PostgreSQL"),
            }
        })
        .await;
    let name = format!("callsign_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = PgConnection::connect(server.as_str())
        .await
        .unwrap_or_else(|e| panic!("connecting to the test PostgreSQL at {server}: {e}"));
    sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("creating database {name}: {e}"));
    let _ = conn.close().await;
    let mut url = server.clone();
    url.set_path(&format!("/{name}"));
    TestDb {
        url: url.to_string(),
        name,
        server: server.clone(),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop may run on a runtime's thread, where blocking on another
        // future panics: use a thread with a runtime of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut conn = PgConnection::connect(server.as_str()).await.ok()?;
                // FORCE closes connections the store's pool still holds.
                let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                sqlx::raw_sql(AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await
                    .ok()?;
                conn.close().await.ok()
            })
        });
        let _ = dropped.join();
    }
}

/// Start a cluster in a temporary directory on a free loopback port and
/// return the URL of its `postgres` database. Blocking.
fn start_cluster() -> Url {
    let bin = server_binaries();
    let root = tempfile::Builder::new()
        .prefix("callsign-pg-")
        .tempdir()
        .expect("creating a temporary directory")
        .keep();
    // initdb and postgres refuse to run as root.
    let as_postgres = running_as_root();
    if as_postgres {
        run(Command::new("chown")
            .arg("-R")
            .arg("postgres:postgres")
            .arg(&root));
    }
    let data = root.join("data");
    let log = root.join("postgres.log");
    run(server_command(&bin.join("initdb"), as_postgres)
        .arg("--pgdata")
        .arg(&data)
        .args(["--username=postgres", "--auth=trust", "--encoding=UTF8"])
        .args(["--locale=C", "--no-sync", "--no-instructions"]));
    spawn_watchdog(&bin.join("pg_ctl"), &data, &root, as_postgres);
    let mut last_error = String::new();
    // A free port may be taken again before the server binds it: retry.
    for _ in 0..5 {
        let port = free_port();
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
             -c max_connections=300",
            root.display()
        );
        let output = server_command(&bin.join("pg_ctl"), as_postgres)
            .arg("--pgdata")
            .arg(&data)
            .arg("--log")
            .arg(&log)
            .args(["--wait", "--timeout=60", "--options", &options, "start"])
            .stdin(Stdio::null())
            .output()
            .expect("running pg_ctl");
        if output.status.success() {
            return Url::parse(&format!("postgres://postgres@127.0.0.1:{port}/postgres"))
                .expect("a valid URL");
        }
        last_error = format!(
            "{}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }
    panic!(
        "PostgreSQL did not start in {}:\n{last_error}",
        root.display()
    );
}

/// The `bin` directory of the newest installed PostgreSQL server.
fn server_binaries() -> PathBuf {
    let mut found: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry
                .file_name()
                .to_str()?
                .split('.')
                .map(|part| part.parse().ok())
                .collect::<Option<Vec<u32>>>()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    if let Some((_, bin)) = found.pop() {
        return bin;
    }
    let hint = if std::env::var("CI").is_ok_and(|v| v == "true") {
        "CI must install the PostgreSQL server (e.g. apt-get install postgresql) \
         or provide a server in CALLSIGN_TEST_DATABASE_URL"
    } else {
        "install the PostgreSQL server (e.g. apt-get install postgresql) or set \
         CALLSIGN_TEST_DATABASE_URL=postgres://user@host/postgres"
    };
    panic!(
        "PostgreSQL tests need a server: CALLSIGN_TEST_DATABASE_URL is not set and no \
         server binaries were found in /usr/lib/postgresql/*/bin; {hint}"
    );
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let uids = status.lines().find_map(|l| l.strip_prefix("Uid:"))?;
            Some(uids.split_whitespace().next()? == "0")
        })
        .unwrap_or(false)
}

/// A command for a server binary, as the `postgres` user when we are root.
fn server_command(program: &Path, as_postgres: bool) -> Command {
    if as_postgres {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=postgres", "--regid=postgres", "--init-groups"])
            .arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

fn run(cmd: &mut Command) {
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"));
    assert!(
        output.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Stop the cluster and remove its directory once this process is gone,
/// however it ends. Runs as us (not as `postgres`) so it may watch our pid.
#[allow(
    clippy::zombie_processes,
    reason = "the watchdog outlives this process"
)]
fn spawn_watchdog(pg_ctl: &Path, data: &Path, root: &Path, as_postgres: bool) {
    const SCRIPT: &str = r#"pid=$1 data=$2 root=$3; shift 3
while kill -0 "$pid" 2>/dev/null; do sleep 1; done
"$@" --pgdata "$data" stop --mode=immediate >/dev/null 2>&1
rm -rf "$root""#;
    let stop = server_command(pg_ctl, as_postgres);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(SCRIPT)
        .arg("callsign-pg-watchdog")
        .arg(std::process::id().to_string())
        .arg(data)
        .arg(root)
        .arg(stop.get_program())
        .args(stop.get_args())
        // Its own process group: a Ctrl-C aimed at the tests must not
        // kill the watchdog before it cleans up.
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd.spawn().expect("starting the PostgreSQL watchdog");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("binding a free loopback port")
        .port()
}
