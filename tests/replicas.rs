//! Replicas: `callsign serve` processes (the real binary) sharing one
//! PostgreSQL. A write on one is answered by the others' DNS and WebFinger
//! through the change feed (LISTEN/NOTIFY: the safety-net poll is set to a
//! minute, far beyond every wait here); with PostgreSQL stopped, every
//! replica keeps answering reads, refuses writes with 503 + Retry-After and
//! says so in /healthz; when it returns, every replica catches up. Replicas
//! given a streaming hot standby (`database.read_url`) load and follow the
//! change log there and converge with those on the primary.

mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use hickory_proto::op::ResponseCode;
use reqwest::Method;
use serde_json::{Value, json};
use sqlx::{Connection, PgConnection};
use support::app::{ADMIN, Go};
use support::dns::{NaptrFields, naptr};
use support::pg::Cluster;
use support::server::{Server, id};
use tokio::time::Instant;

/// How long a replica may take to show another's write. The poll runs once
/// a minute, so only the change feed can meet this.
const FEED_WAIT: Duration = Duration::from_secs(5);
/// Generous bounds for what waits on PostgreSQL starting or stopping.
const OUTAGE_WAIT: Duration = Duration::from_secs(30);

const ALICE_TEL: &str = "+12125550100";
const BOB_TEL: &str = "+12125550177";
const CAROL_TEL: &str = "+12125550188";

/// One `callsign serve` process on ephemeral loopback ports, reached
/// through the shared `Server` helpers it dereferences to.
struct Replica {
    name: &'static str,
    child: Child,
    server: Server,
    logs: Arc<Mutex<Vec<String>>>,
}

impl std::ops::Deref for Replica {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

impl Replica {
    /// Start and wait until it listens (its directory may still be loading).
    async fn spawn(name: &'static str, database_url: &str) -> Replica {
        Replica::spawn_reading(name, database_url, None).await
    }

    /// [`Replica::spawn`], reading the directory from `read_url` (a hot
    /// standby of `database_url`'s server) when given.
    async fn spawn_reading(
        name: &'static str,
        database_url: &str,
        read_url: Option<&str>,
    ) -> Replica {
        let mut command = Command::new(env!("CARGO_BIN_EXE_callsign"));
        if let Some(read_url) = read_url {
            command.env("CALLSIGN_DATABASE_READ_URL", read_url);
        }
        let mut child = command
            .args(["--log-format", "json", "serve"])
            .env_remove("RUST_LOG")
            .env("CALLSIGN_LOG_FILTER", "info")
            .env("CALLSIGN_DATABASE_URL", database_url)
            .env("CALLSIGN_HTTP_LISTEN", "127.0.0.1:0")
            .env("CALLSIGN_DNS_LISTEN", "127.0.0.1:0")
            .env("CALLSIGN_DNS_UDP_SOCKETS", "1")
            .env("CALLSIGN_ADMIN_TOKEN", ADMIN)
            .env("CALLSIGN_WEBFINGER_RATE_PER_SECOND", "0")
            .env("CALLSIGN_DIRECTORY_POLL_INTERVAL_MS", "60000")
            .env("CALLSIGN_DIRECTORY_REPLICA_NAME", name)
            .env("CALLSIGN_DIRECTORY_HEARTBEAT_INTERVAL_MS", "200")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starting callsign serve");
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().expect("piped stderr");
        let lines = logs.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if std::env::var_os("TEST_LOG").is_some() {
                    eprintln!("[{name}] {line}");
                }
                if let Some(addrs) = listening(&line) {
                    let _ = tx.send(addrs);
                }
                lines.lock().unwrap().push(line);
            }
        });
        let addrs = tokio::task::spawn_blocking(move || rx.recv_timeout(OUTAGE_WAIT))
            .await
            .unwrap();
        let Ok((http, dns)) = addrs else {
            let _ = child.kill();
            panic!(
                "replica {name} did not log its addresses: {:?}",
                logs.lock().unwrap()
            );
        };
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(OUTAGE_WAIT)
            .build()
            .unwrap();
        Replica {
            name,
            child,
            server: Server::new(http, dns, client),
            logs,
        }
    }

    /// Start and wait until its directory is loaded.
    async fn start(name: &'static str, database_url: &str) -> Replica {
        let replica = Replica::spawn(name, database_url).await;
        replica.wait_ready(OUTAGE_WAIT).await;
        replica
    }

    /// [`Replica::start`] with [`Replica::spawn_reading`].
    async fn start_reading(name: &'static str, database_url: &str, read_url: &str) -> Replica {
        let replica = Replica::spawn_reading(name, database_url, Some(read_url)).await;
        replica.wait_ready(OUTAGE_WAIT).await;
        replica
    }

    async fn wait_ready(&self, within: Duration) {
        eventually(&format!("{} ready", self.name), within, async || {
            self.get("/readyz").await.status() == 200
        })
        .await;
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.request(Method::GET, path).go().await
    }

    fn logged(&self, message: &str) -> bool {
        self.logs
            .lock()
            .unwrap()
            .iter()
            .any(|line| line.contains(message))
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            for line in self.logs.lock().unwrap().iter().rev().take(40).rev() {
                eprintln!("[{}] {line}", self.name);
            }
        }
    }
}

/// The HTTP and DNS addresses from the JSON `listening` log line.
fn listening(line: &str) -> Option<(SocketAddr, SocketAddr)> {
    let event: Value = serde_json::from_str(line).ok()?;
    let fields = &event["fields"];
    if fields["message"] != "listening" {
        return None;
    }
    Some((
        fields["http"].as_str()?.parse().ok()?,
        fields["dns"].as_str()?.parse().ok()?,
    ))
}

/// Poll `check` until it holds; fail after `within`.
async fn eventually(what: &str, within: Duration, mut check: impl AsyncFnMut() -> bool) {
    let deadline = Instant::now() + within;
    loop {
        if check().await {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn person(handle: &str, tel: &str) -> Value {
    json!({
        "handle": handle, "domain": "example.com",
        "addresses": [{"uri": format!("tel:{tel}")}, {"uri": format!("sip:{handle}@example.com")}]
    })
}

fn sip_naptr(handle: &str) -> NaptrFields {
    naptr(10, "E2U+sip", &format!("sip:{handle}@example.com"))
}

/// Does `replica` answer `handle`'s number, in DNS and WebFinger, with at
/// least its SIP address?
async fn answers(replica: &Replica, handle: &str, tel: &str) -> bool {
    let (code, records) = replica.naptr(tel).await;
    code == ResponseCode::NoError
        && records.contains(&sip_naptr(handle))
        && replica
            .webfinger(&format!("tel:{tel}"))
            .await
            .is_some_and(|jrd| {
                jrd["aliases"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(format!("sip:{handle}@example.com")))
            })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_replica_is_answered_by_the_other_through_the_feed() {
    let db = support::pg::fresh_database().await;
    let a = Replica::start("a", &db.url).await;
    let b = Replica::start("b", &db.url).await;

    let alice = a.admin().create_subject(person("alice", ALICE_TEL)).await;
    let alice = id(&alice);
    eventually("b answers alice", FEED_WAIT, async || {
        answers(&b, "alice", ALICE_TEL).await
    })
    .await;
    assert_eq!(a.soa_serial().await, b.soa_serial().await);

    // A serial drawn by a transaction that rolled back leaves a gap in the
    // change log: followers must not wait for it.
    let mut conn = PgConnection::connect(&db.url).await.unwrap();
    sqlx::raw_sql(
        "BEGIN; INSERT INTO change_log (at, actor, operation) VALUES (now(), 'test', 'gap'); \
         ROLLBACK;",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();

    // The other way round, after the gap: b adds an address, a answers it.
    b.admin()
        .add_address(alice, json!({"uri": "xmpp:alice@example.com"}))
        .await;
    let expected = vec![
        sip_naptr("alice"),
        naptr(20, "E2U+xmpp", "xmpp:alice@example.com"),
    ];
    eventually("a answers alice's new address", FEED_WAIT, async || {
        a.naptr(ALICE_TEL).await == (ResponseCode::NoError, expected.clone())
    })
    .await;
    assert_eq!(a.soa_serial().await, b.soa_serial().await);

    // Changes that publish nothing in DNS (a token, a private address)
    // leave the zone serial alone, on running replicas and on one that
    // loads after them alike.
    let soa = a.soa_serial().await;
    a.admin().create_token("reader", "lookup").await;
    let private = json!({"uri": "mailto:alice@example.com", "visibility": "private"});
    b.admin().add_address(alice, private).await;
    let c = Replica::start("c", &db.url).await;
    let serial = c.health().await["serial"].clone();
    for replica in [&a, &b] {
        eventually(
            &format!("{} applies everything", replica.name),
            FEED_WAIT,
            async || replica.health().await["serial"] == serial,
        )
        .await;
    }
    assert_eq!(
        [
            a.soa_serial().await,
            b.soa_serial().await,
            c.soa_serial().await
        ],
        [soa; 3]
    );
    assert_eq!(c.naptr(ALICE_TEL).await, (ResponseCode::NoError, expected));
    assert_eq!(a.health().await["database"], "ok");

    // Each replica's heartbeat carries the serial it applied, and any
    // replica lists them all.
    let serial = serial.as_i64().unwrap();
    eventually("b lists every replica caught up", FEED_WAIT, async || {
        replicas(&b).await
            == [
                ("a".into(), serial, "ready"),
                ("b".into(), serial, "ready"),
                ("c".into(), serial, "ready"),
            ]
    })
    .await;
    // A graceful stop removes its replica; a killed one falls silent.
    let term = Command::new("kill")
        .args(["-TERM", &c.child.id().to_string()])
        .status();
    assert!(term.unwrap().success());
    drop(a);
    eventually("b lists c gone and a silent", FEED_WAIT, async || {
        replicas(&b).await
            == [
                ("a".into(), serial, "silent"),
                ("b".into(), serial, "ready"),
            ]
    })
    .await;
}

/// `GET /api/v1/replicas` as (name, serial, state); a replica behind the
/// database's newest serial is "behind".
async fn replicas(replica: &Replica) -> Vec<(String, i64, &'static str)> {
    let list = replica.admin().get("/api/v1/replicas").await;
    let newest = list["newest_serial"].as_i64().unwrap();
    let items = list["items"].as_array().unwrap();
    items
        .iter()
        .map(|r| {
            let serial = r["serial"].as_i64().unwrap();
            assert_eq!(r["behind"].as_i64().unwrap(), newest - serial);
            let state = match (r["silent"].as_bool(), r["ready"].as_bool(), serial < newest) {
                (Some(true), ..) => "silent",
                (_, Some(false), _) => "loading",
                (.., true) => "behind",
                _ => "ready",
            };
            (r["name"].as_str().unwrap().to_owned(), serial, state)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_serve_through_a_database_outage_and_catch_up() {
    // A cluster of its own: this test stops it.
    let cluster = tokio::task::spawn_blocking(Cluster::create).await.unwrap();
    let cluster = Arc::new(cluster);
    let url = cluster.database("callsign_outage").await;
    let a = Replica::start("a", &url).await;
    let b = Replica::start("b", &url).await;
    a.admin().create_subject(person("alice", ALICE_TEL)).await;
    eventually("b answers alice", FEED_WAIT, async || {
        answers(&b, "alice", ALICE_TEL).await
    })
    .await;

    let stopping = cluster.clone();
    tokio::task::spawn_blocking(move || stopping.stop())
        .await
        .unwrap();

    // Writes fail fast, as problem+json with Retry-After; nothing is stored.
    let started = Instant::now();
    let r = a.admin().try_create_subject(person("bob", BOB_TEL)).await;
    let waited = started.elapsed();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let retry_after: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after > 0);
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["status"], 503);
    assert!(waited < Duration::from_secs(15), "a write took {waited:?}");

    // Both replicas say the database is degraded, stay ready and answer.
    for replica in [&a, &b] {
        eventually(
            &format!("{} reports degraded", replica.name),
            OUTAGE_WAIT,
            async || replica.health().await["database"] == "degraded",
        )
        .await;
        assert_eq!(replica.get("/readyz").await.status(), 200);
        let metrics = replica.metrics().await;
        assert!(
            metrics.contains("callsign_database_degraded 1"),
            "{metrics}"
        );
        assert!(
            metrics.contains("callsign_change_feed_connected 0"),
            "{metrics}"
        );
        assert!(
            answers(replica, "alice", ALICE_TEL).await,
            "{}",
            replica.name
        );
    }

    // A replica started during the outage waits for the database, says why.
    let c = Replica::spawn("c", &url).await;
    eventually("c logs that it waits", OUTAGE_WAIT, async || {
        c.logged("database unavailable")
    })
    .await;

    let starting = cluster.clone();
    tokio::task::spawn_blocking(move || starting.start())
        .await
        .unwrap();
    c.wait_ready(OUTAGE_WAIT).await;

    // Writes resume (the first may still meet a connection the restart cut).
    eventually("a accepts writes again", OUTAGE_WAIT, async || {
        let r = a
            .admin()
            .try_create_subject(person("carol", CAROL_TEL))
            .await;
        assert!(matches!(r.status().as_u16(), 201 | 503), "{}", r.status());
        r.status() == 201
    })
    .await;
    for replica in [&a, &b, &c] {
        eventually(
            &format!("{} answers carol", replica.name),
            OUTAGE_WAIT,
            async || answers(replica, "carol", CAROL_TEL).await,
        )
        .await;
        assert!(
            answers(replica, "alice", ALICE_TEL).await,
            "{}",
            replica.name
        );
        // The write refused during the outage was never stored.
        assert_eq!(replica.naptr(BOB_TEL).await.0, ResponseCode::NXDomain);
        eventually(
            &format!("{} reports ok", replica.name),
            OUTAGE_WAIT,
            async || replica.health().await["database"] == "ok",
        )
        .await;
    }
    let serials = [
        a.soa_serial().await,
        b.soa_serial().await,
        c.soa_serial().await,
    ];
    assert!(serials.iter().all(|s| *s == serials[0]), "{serials:?}");
}

/// Connections to database `name` on the server `url` names.
async fn sessions_on(url: &str, name: &str) -> i64 {
    let mut conn = PgConnection::connect(url).await.unwrap();
    let n = sqlx::query_scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = $1")
        .bind(name)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    n
}

/// The number of the `i`th subject written while a replica starts.
fn busy_tel(i: usize) -> String {
    format!("+1313555{i:04}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_on_a_hot_standby_converge_with_those_on_the_primary() {
    // A primary and a streaming standby of it, each a cluster of its own.
    const NAME: &str = "callsign_standby";
    let primary = tokio::task::spawn_blocking(Cluster::create).await.unwrap();
    let url = primary.database(NAME).await;
    let primary = Arc::new(primary);
    let source = primary.clone();
    let standby = tokio::task::spawn_blocking(move || source.standby())
        .await
        .unwrap();
    let read_url = standby.url_of(NAME);
    let standby_server = standby.url.to_string();
    assert_eq!(sessions_on(&standby_server, NAME).await, 0);

    let p = Replica::start("on-primary", &url).await;
    let s = Replica::start_reading("on-standby", &url, &read_url).await;
    // Only the replica given the standby reads there.
    assert!(sessions_on(&standby_server, NAME).await > 0);

    // A write on the primary's replica reaches the standby's through the
    // primary's change feed and the standby's replay.
    p.admin().create_subject(person("alice", ALICE_TEL)).await;
    eventually(
        "the standby's replica answers alice",
        OUTAGE_WAIT,
        async || answers(&s, "alice", ALICE_TEL).await,
    )
    .await;

    // A write on the standby's replica goes to the primary and is answered
    // applied by the replica that took it at once.
    s.admin().create_subject(person("bob", BOB_TEL)).await;
    assert!(answers(&s, "bob", BOB_TEL).await);
    eventually("the primary's replica answers bob", FEED_WAIT, async || {
        answers(&p, "bob", BOB_TEL).await
    })
    .await;
    eventually("both apply the same serial", OUTAGE_WAIT, async || {
        p.health().await["serial"] == s.health().await["serial"]
    })
    .await;
    assert_eq!(p.soa_serial().await, s.soa_serial().await);

    // The standby's lag shows in /healthz and the metrics of the replica
    // reading it, and only there; caught up, it is nothing.
    eventually(
        "the standby's lag is measured as none",
        OUTAGE_WAIT,
        async || {
            let health = s.health().await;
            health["standby_lag_serials"] == 0 && health["standby_lag_seconds"].is_f64()
        },
    )
    .await;
    let health = p.health().await;
    assert!(health.get("standby_lag_serials").is_none(), "{health}");
    let metrics = s.metrics().await;
    assert!(
        metrics.contains("callsign_standby_lag_serials 0"),
        "{metrics}"
    );
    assert!(
        metrics.contains("callsign_standby_lag_seconds"),
        "{metrics}"
    );

    // A replica started on the standby while writes go on catches up with
    // all of them.
    const WRITES: usize = 20;
    let writes = async {
        for i in 0..WRITES {
            let handle = format!("busy{i}");
            p.admin()
                .create_subject(person(&handle, &busy_tel(i)))
                .await;
        }
    };
    let ((), late) = tokio::join!(writes, Replica::start_reading("late", &url, &read_url));
    let serial = p.health().await["serial"].clone();
    for replica in [&s, &late] {
        eventually(
            &format!("{} applies every write", replica.name),
            OUTAGE_WAIT,
            async || replica.health().await["serial"] == serial,
        )
        .await;
    }
    for i in 0..WRITES {
        let handle = format!("busy{i}");
        for replica in [&p, &s, &late] {
            assert!(
                answers(replica, &handle, &busy_tel(i)).await,
                "{} answers {handle}",
                replica.name
            );
        }
    }
    let serials = [
        p.soa_serial().await,
        s.soa_serial().await,
        late.soa_serial().await,
    ];
    assert!(serials.iter().all(|s| *s == serials[0]), "{serials:?}");
    assert!(answers(&late, "alice", ALICE_TEL).await);
    assert_eq!(late.health().await["database"], "ok");

    // With the standby down, its replica says so and keeps answering from
    // memory; a write through it still goes to the primary and is answered
    // applied.
    let standby = Arc::new(standby);
    let stopping = standby.clone();
    tokio::task::spawn_blocking(move || stopping.stop())
        .await
        .unwrap();
    eventually(
        "the standby's replica reports degraded",
        OUTAGE_WAIT,
        async || s.health().await["database"] == "degraded",
    )
    .await;
    eventually("the standby's lag is unknown", OUTAGE_WAIT, async || {
        s.health().await["standby_lag_serials"].is_null()
    })
    .await;
    assert_eq!(s.get("/readyz").await.status(), 200);
    assert!(answers(&s, "alice", ALICE_TEL).await);
    s.admin().create_subject(person("carol", CAROL_TEL)).await;
    assert!(answers(&s, "carol", CAROL_TEL).await);
    eventually(
        "the primary's replica answers carol",
        FEED_WAIT,
        async || answers(&p, "carol", CAROL_TEL).await,
    )
    .await;
    let dave = "+12125550199";
    p.admin().create_subject(person("dave", dave)).await;

    // Back, the standby's replicas catch up with what they missed.
    let starting = standby.clone();
    tokio::task::spawn_blocking(move || starting.start())
        .await
        .unwrap();
    let serial = p.health().await["serial"].clone();
    for replica in [&s, &late] {
        eventually(
            &format!("{} catches up after the standby's outage", replica.name),
            OUTAGE_WAIT,
            async || {
                let health = replica.health().await;
                health["serial"] == serial && health["database"] == "ok"
            },
        )
        .await;
        assert!(answers(replica, "dave", dave).await, "{}", replica.name);
        assert!(
            answers(replica, "carol", CAROL_TEL).await,
            "{}",
            replica.name
        );
    }
    let serials = [
        p.soa_serial().await,
        s.soa_serial().await,
        late.soa_serial().await,
    ];
    assert!(serials.iter().all(|s| *s == serials[0]), "{serials:?}");
}
