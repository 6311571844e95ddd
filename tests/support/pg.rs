//! PostgreSQL for tests: a fresh database per test.
//!
//! The server is the one `CALLSIGN_TEST_DATABASE_URL` names (any database
//! on it the user may connect to and create databases from), or else one
//! throwaway cluster per test process, started on first use from the
//! installed server binaries and stopped by a watchdog when the process
//! exits. A test that needs to stop the server (an outage) gets a
//! [`Cluster`] of its own.

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
    // Shared by every test of the process: never dropped; the watchdog
    // stops it when the process exits.
    Box::leak(Box::new(Cluster::create())).url.clone()
}

/// A PostgreSQL cluster of its own, for a test that stops and starts it
/// (an outage). Never the server `CALLSIGN_TEST_DATABASE_URL` names, which
/// other tests share: without server binaries, this panics rather than
/// skip. Stopped and removed on drop (and by a watchdog if the process dies).
pub struct Cluster {
    /// The `postgres` database; create others from it.
    pub url: Url,
    bin: PathBuf,
    root: PathBuf,
    data: PathBuf,
    log: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl Cluster {
    /// initdb and start, on a free loopback port. Blocking. The cluster
    /// can serve streaming standbys ([`Cluster::standby`]).
    pub fn create() -> Cluster {
        let (bin, root, as_postgres) = new_root();
        let data = root.join("data");
        run(server_command(&bin.join("initdb"), as_postgres)
            .arg("--pgdata")
            .arg(&data)
            .args(["--username=postgres", "--auth=trust", "--encoding=UTF8"])
            .args(["--locale=C", "--no-sync", "--no-instructions"]));
        Cluster::start_new(bin, root, data, as_postgres)
    }

    /// A hot standby of this cluster on a port of its own: a base backup
    /// (`pg_basebackup --write-recovery-conf --wal-method=stream`) started
    /// as a read-only server that streams and replays this one's WAL.
    /// Blocking; returns once it accepts connections.
    pub fn standby(&self) -> Cluster {
        let (bin, root, as_postgres) = new_root();
        let data = root.join("data");
        run(server_command(&bin.join("pg_basebackup"), as_postgres)
            .arg("--pgdata")
            .arg(&data)
            .args(["--host=127.0.0.1", "--username=postgres"])
            .arg(format!("--port={}", self.port))
            .args(["--write-recovery-conf", "--wal-method=stream"])
            .args(["--checkpoint=fast", "--no-sync"]));
        Cluster::start_new(bin, root, data, as_postgres)
    }

    /// The URL of database `name` on this cluster (made by [`Cluster::database`]
    /// here or, for a standby, on its primary).
    pub fn url_of(&self, name: &str) -> String {
        let mut url = self.url.clone();
        url.set_path(&format!("/{name}"));
        url.to_string()
    }

    /// Start the server in `data` on a free loopback port, watched.
    fn start_new(bin: PathBuf, root: PathBuf, data: PathBuf, as_postgres: bool) -> Cluster {
        spawn_watchdog(&bin.join("pg_ctl"), &data, &root, as_postgres);
        let mut cluster = Cluster {
            url: Url::parse("postgres://postgres@127.0.0.1/postgres").expect("a valid URL"),
            log: root.join("postgres.log"),
            bin,
            root,
            data,
            port: 0,
            as_postgres,
        };
        let mut last_error = String::new();
        // A free port may be taken again before the server binds it: retry.
        for _ in 0..5 {
            cluster.port = free_port();
            match cluster.pg_ctl_start() {
                Ok(()) => {
                    cluster.url = Url::parse(&format!(
                        "postgres://postgres@127.0.0.1:{}/postgres",
                        cluster.port
                    ))
                    .expect("a valid URL");
                    return cluster;
                }
                Err(e) => last_error = e,
            }
        }
        panic!(
            "PostgreSQL did not start in {}:\n{last_error}",
            cluster.root.display()
        );
    }

    /// `pg_ctl stop -m fast`: sessions are cut, the server is gone. Blocking.
    pub fn stop(&self) {
        run(self
            .pg_ctl()
            .args(["--wait", "--timeout=60", "--mode=fast", "stop"]));
    }

    /// Start again, on the same port. Blocking.
    pub fn start(&self) {
        if let Err(e) = self.pg_ctl_start() {
            panic!("PostgreSQL did not start again:\n{e}");
        }
    }

    /// A URL for a new, empty database on this cluster.
    pub async fn database(&self, name: &str) -> String {
        let mut conn = PgConnection::connect(self.url.as_str())
            .await
            .unwrap_or_else(|e| panic!("connecting to {}: {e}", self.url));
        sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("creating database {name}: {e}"));
        let _ = conn.close().await;
        self.url_of(name)
    }

    fn pg_ctl(&self) -> Command {
        let mut cmd = server_command(&self.bin.join("pg_ctl"), self.as_postgres);
        cmd.arg("--pgdata").arg(&self.data);
        cmd
    }

    fn pg_ctl_start(&self) -> Result<(), String> {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
             -c max_connections=300 -c wal_level=replica -c hot_standby_feedback=on",
            self.port,
            self.root.display()
        );
        let output = self
            .pg_ctl()
            .arg("--log")
            .arg(&self.log)
            .args(["--wait", "--timeout=60", "--options", &options, "start"])
            .stdin(Stdio::null())
            .output()
            .expect("running pg_ctl");
        if output.status.success() {
            return Ok(());
        }
        Err(format!(
            "{}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            std::fs::read_to_string(&self.log).unwrap_or_default()
        ))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .pg_ctl()
            .args(["--mode=immediate", "stop"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A temporary directory for a cluster (owned by `postgres` when we are
/// root: the server refuses to run as root), with the server binaries.
fn new_root() -> (PathBuf, PathBuf, bool) {
    let bin = server_binaries();
    let root = tempfile::Builder::new()
        .prefix("callsign-pg-")
        .tempdir()
        .expect("creating a temporary directory")
        .keep();
    let as_postgres = running_as_root();
    if as_postgres {
        run(Command::new("chown")
            .arg("-R")
            .arg("postgres:postgres")
            .arg(&root));
    }
    (bin, root, as_postgres)
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
