//! Replicas: `callsign serve` processes (the real binary) sharing one
//! PostgreSQL. A write on one is answered by the others' DNS and WebFinger
//! through the change feed (LISTEN/NOTIFY: the safety-net poll is set to a
//! minute, far beyond every wait here); with PostgreSQL stopped, every
//! replica keeps answering reads, refuses writes with 503 + Retry-After and
//! says so in /healthz; when it returns, every replica catches up.

mod support;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{RData, RecordType};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::{Connection, PgConnection};
use support::dns::{NaptrFields, enum_name, naptr, naptrs, parse, query, udp_raw_wait};
use support::pg::Cluster;
use tokio::time::Instant;

const ADMIN: &str = "replica-test-admin";
/// How long a replica may take to show another's write. The poll runs once
/// a minute, so only the change feed can meet this.
const FEED_WAIT: Duration = Duration::from_secs(5);
/// Generous bounds for what waits on PostgreSQL starting or stopping.
const OUTAGE_WAIT: Duration = Duration::from_secs(30);

const ALICE_TEL: &str = "+12125550100";
const BOB_TEL: &str = "+12125550177";
const CAROL_TEL: &str = "+12125550188";

/// One `callsign serve` process on ephemeral loopback ports.
struct Replica {
    name: &'static str,
    child: Child,
    http: SocketAddr,
    dns: SocketAddr,
    logs: Arc<Mutex<Vec<String>>>,
    client: reqwest::Client,
}

impl Replica {
    /// Start and wait until it listens (its directory may still be loading).
    async fn spawn(name: &'static str, database_url: &str) -> Replica {
        let mut child = Command::new(env!("CARGO_BIN_EXE_callsign"))
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
        Replica {
            name,
            child,
            http,
            dns,
            logs,
            client: reqwest::Client::builder()
                .no_proxy()
                .timeout(OUTAGE_WAIT)
                .build()
                .unwrap(),
        }
    }

    /// Start and wait until its directory is loaded.
    async fn start(name: &'static str, database_url: &str) -> Replica {
        let replica = Replica::spawn(name, database_url).await;
        replica.wait_ready(OUTAGE_WAIT).await;
        replica
    }

    async fn wait_ready(&self, within: Duration) {
        eventually(&format!("{} ready", self.name), within, async || {
            self.get("/readyz").await.status() == 200
        })
        .await;
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.http)
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        let response = self.client.get(self.url(path)).send().await;
        response.unwrap_or_else(|e| panic!("{} GET {path}: {e}", self.name))
    }

    async fn admin(&self, method: Method, path: &str, body: Value) -> reqwest::Response {
        let response = self
            .client
            .request(method, self.url(path))
            .bearer_auth(ADMIN)
            .json(&body)
            .send()
            .await;
        response.unwrap_or_else(|e| panic!("{} {path}: {e}", self.name))
    }

    /// Create a subject; returns its id.
    async fn create(&self, body: Value) -> String {
        let r = self.admin(Method::POST, "/api/v1/subjects", body).await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
        let subject: Value = r.json().await.unwrap();
        subject["id"].as_str().unwrap().to_owned()
    }

    /// The NAPTR answer for a number, over UDP.
    async fn naptrs(&self, e164: &str) -> (ResponseCode, Vec<NaptrFields>) {
        let q = query(&enum_name(e164, "e164.arpa"), RecordType::NAPTR, None);
        let bytes = udp_raw_wait(self.dns, &q.to_vec().unwrap(), Duration::from_secs(2))
            .await
            .unwrap_or_else(|| panic!("{} answers DNS", self.name));
        let answer = parse(&bytes);
        (answer.response_code, naptrs(&answer))
    }

    async fn soa_serial(&self) -> u32 {
        let q = query("e164.arpa.", RecordType::SOA, None);
        let bytes = udp_raw_wait(self.dns, &q.to_vec().unwrap(), Duration::from_secs(2))
            .await
            .unwrap_or_else(|| panic!("{} answers DNS", self.name));
        match &parse(&bytes).answers[0].data {
            RData::SOA(soa) => soa.serial,
            other => panic!("expected SOA, got {other:?}"),
        }
    }

    /// The aliases WebFinger lists for a resource; None on 404.
    async fn webfinger(&self, resource: &str) -> Option<Vec<String>> {
        let r = self
            .get(&format!("/.well-known/webfinger?resource={resource}"))
            .await;
        if r.status() == StatusCode::NOT_FOUND {
            return None;
        }
        assert_eq!(r.status(), 200, "{} WebFinger {resource}", self.name);
        let jrd: Value = r.json().await.unwrap();
        let aliases = jrd["aliases"].as_array().expect("aliases");
        Some(
            aliases
                .iter()
                .map(|a| a.as_str().unwrap().to_owned())
                .collect(),
        )
    }

    /// `/healthz`: always 200; the body says how the database is.
    async fn health(&self) -> Value {
        let r = self.get("/healthz").await;
        assert_eq!(r.status(), 200, "{} /healthz stays 200", self.name);
        r.json().await.unwrap()
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
    let (code, records) = replica.naptrs(tel).await;
    code == ResponseCode::NoError
        && records.contains(&sip_naptr(handle))
        && replica
            .webfinger(&format!("tel:{tel}"))
            .await
            .is_some_and(|aliases| aliases.contains(&format!("sip:{handle}@example.com")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_replica_is_answered_by_the_other_through_the_feed() {
    let db = support::pg::fresh_database().await;
    let a = Replica::start("a", &db.url).await;
    let b = Replica::start("b", &db.url).await;

    let alice = a.create(person("alice", ALICE_TEL)).await;
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
    let path = format!("/api/v1/subjects/{alice}/addresses");
    let r = b
        .admin(
            Method::POST,
            &path,
            json!({"uri": "xmpp:alice@example.com"}),
        )
        .await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let expected = vec![
        sip_naptr("alice"),
        naptr(20, "E2U+xmpp", "xmpp:alice@example.com"),
    ];
    eventually("a answers alice's new address", FEED_WAIT, async || {
        a.naptrs(ALICE_TEL).await == (ResponseCode::NoError, expected.clone())
    })
    .await;
    assert_eq!(a.soa_serial().await, b.soa_serial().await);

    // Changes that publish nothing in DNS (a token, a private address)
    // leave the zone serial alone, on running replicas and on one that
    // loads after them alike.
    let soa = a.soa_serial().await;
    let r = a
        .admin(
            Method::POST,
            "/api/v1/tokens",
            json!({"name": "reader", "scope": "lookup"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let private = json!({"uri": "mailto:alice@example.com", "visibility": "private"});
    assert_eq!(b.admin(Method::POST, &path, private).await.status(), 201);
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
    assert_eq!(c.naptrs(ALICE_TEL).await, (ResponseCode::NoError, expected));
    assert_eq!(a.health().await["database"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_serve_through_a_database_outage_and_catch_up() {
    // A cluster of its own: this test stops it.
    let cluster = tokio::task::spawn_blocking(Cluster::create).await.unwrap();
    let cluster = Arc::new(cluster);
    let url = cluster.database("callsign_outage").await;
    let a = Replica::start("a", &url).await;
    let b = Replica::start("b", &url).await;
    a.create(person("alice", ALICE_TEL)).await;
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
    let r = a
        .admin(Method::POST, "/api/v1/subjects", person("bob", BOB_TEL))
        .await;
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
        let metrics = replica.get("/metrics").await.text().await.unwrap();
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
            .admin(Method::POST, "/api/v1/subjects", person("carol", CAROL_TEL))
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
        assert_eq!(replica.naptrs(BOB_TEL).await.0, ResponseCode::NXDomain);
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
