//! Limits that keep one client from exhausting the server: HTTP and DNS
//! connections (slow or idle clients, one source holding every slot), and
//! the shape of what one subject or one import line may be.
//!
//! Every test client is on loopback; distinct sources are client sockets
//! bound to 127.0.0.2, 127.0.0.3, … (all of 127/8 is local on Linux).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::support::app::{Backend, Go, TestApp, assert_problem};
use crate::support::dns::{NUMBER, framed, query};
use crate::support::server::id;
use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::RecordType;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// The longest any single step here may take before the test fails.
const BOUND: Duration = Duration::from_secs(10);

fn source(last: u8) -> IpAddr {
    IpAddr::from([127, 0, 0, last])
}

/// A TCP connection to `server` from the loopback address `from`.
async fn connect_from(from: IpAddr, server: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(from, 0)).unwrap();
    socket.connect(server).await.unwrap()
}

/// Read until the server closes the connection; what it sent first.
/// Fails the test if the server keeps it open longer than `within`.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Vec<u8> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server kept the connection open");
    received
}

/// Read one HTTP/1.1 response (with a Content-Length) from `stream`: its
/// status and body, or None when the server closed the connection instead.
async fn read_response(stream: &mut (impl AsyncRead + Unpin)) -> Option<(u16, Vec<u8>)> {
    let mut received = Vec::new();
    let mut buf = [0u8; 4096];
    tokio::time::timeout(BOUND, async {
        loop {
            let n = stream.read(&mut buf).await.ok()?;
            if n == 0 {
                return None;
            }
            received.extend_from_slice(&buf[..n]);
            let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n") else {
                continue;
            };
            let head = String::from_utf8_lossy(&received[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map(|v| v.trim().parse().unwrap())
                .expect("a Content-Length");
            let body = &received[end + 4..];
            if body.len() >= length {
                let status = head.split(' ').nth(1)?.parse().ok()?;
                return Some((status, body[..length].to_vec()));
            }
        }
    })
    .await
    .expect("an answer or a close in time")
}

/// Send `GET /healthz` on a keep-alive connection: the answer's status, or
/// None when the server closed the connection instead.
async fn healthz_on(stream: &mut TcpStream) -> Option<u16> {
    let request = b"GET /healthz HTTP/1.1\r\nHost: callsign.test\r\n\r\n";
    stream.write_all(request).await.ok()?;
    read_response(stream).await.map(|(status, _)| status)
}

/// A connection from `from` that the server admitted (it answered a
/// request and stays open), or None when the server closed it.
async fn held_connection(from: IpAddr, server: SocketAddr) -> Option<TcpStream> {
    let mut stream = connect_from(from, server).await;
    match healthz_on(&mut stream).await {
        Some(200) => Some(stream),
        Some(status) => panic!("healthz answered {status}"),
        None => None,
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_request_head_is_closed() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.http.header_read_timeout_secs = 1).await;
    // An HTTP/1 head cut short, and a few bytes too short to tell HTTP/1
    // from an HTTP/2 preface: both are closed once the timeout passes.
    for partial in [
        &b"GET /healthz HTTP/1.1\r\nHost: callsign.test\r\nX-Slow: "[..],
        &b"GET /"[..],
    ] {
        let mut stream = connect_from(source(2), app.http).await;
        stream.write_all(partial).await.unwrap();
        let answer = read_until_closed(&mut stream, BOUND).await;
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "only a timeout answer, if any: {answer}"
        );
    }
    // A client that connects and sends nothing at all is closed too.
    let mut silent = connect_from(source(2), app.http).await;
    read_until_closed(&mut silent, BOUND).await;
    // Requests keep working meanwhile.
    let mut stream = connect_from(source(2), app.http).await;
    assert_eq!(healthz_on(&mut stream).await, Some(200));
}

#[tokio::test]
async fn connections_over_the_per_ip_or_total_cap_are_closed_and_slots_come_back() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.http.max_connections_per_ip = 3;
        c.http.max_connections = 6;
        // Nothing here may time out by itself while the test runs.
        c.http.header_read_timeout_secs = 120;
    })
    .await;

    // One client takes its share; its next connection is closed at once,
    // while another client is still served.
    let mut first = Vec::new();
    for _ in 0..3 {
        first.push(
            held_connection(source(2), app.http)
                .await
                .expect("admitted"),
        );
    }
    assert!(
        held_connection(source(2), app.http).await.is_none(),
        "a 4th connection from one client is closed"
    );
    let second = held_connection(source(3), app.http)
        .await
        .expect("another client is served");

    // Fill the rest of the total (the harness may hold one connection of
    // its own from 127.0.0.1), then every newcomer is closed.
    let mut rest = Vec::new();
    while let Some(c) = held_connection(source(4), app.http).await {
        rest.push(c);
        assert!(rest.len() <= 2, "more connections held than the total cap");
    }
    assert!(
        !rest.is_empty(),
        "the total leaves room beyond 4 connections"
    );
    assert!(held_connection(source(5), app.http).await.is_none());

    // A closed connection gives its slot back.
    drop(first.pop());
    let mut admitted = None;
    for _ in 0..250 {
        admitted = held_connection(source(5), app.http).await;
        if admitted.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(admitted.is_some(), "a freed slot is given to a new client");
    drop((second, rest));
}

#[tokio::test]
async fn http2_prior_knowledge_works_and_clients_are_told_apart_by_ip() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.webfinger.rate_per_second = 1;
        c.webfinger.burst = 1;
    })
    .await;
    let client = |from: u8| {
        reqwest::Client::builder()
            .no_proxy()
            .http2_prior_knowledge()
            .local_address(source(from))
            .build()
            .unwrap()
    };
    let webfinger = app.url("/.well-known/webfinger?resource=acct:nobody@example.com");
    let (a, b) = (client(2), client(3));
    let r = a.get(&webfinger).send().await.unwrap();
    assert_eq!(r.version(), reqwest::Version::HTTP_2);
    assert_eq!(r.status(), 404);
    // The rate limit is per client IP: the connection's peer address.
    assert_eq!(a.get(&webfinger).send().await.unwrap().status(), 429);
    assert_eq!(b.get(&webfinger).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn webfinger_answers_within_the_request_timeout_when_the_database_hangs() {
    use sqlx::Connection;
    let app = TestApp::spawn_with(Backend::Postgres, |c| c.http.request_timeout_secs = 1).await;
    // Hold the token table locked: a token seen for the first time is looked
    // up there, and that lookup now waits.
    let mut locker = sqlx::PgConnection::connect(app.config.database.url.expose())
        .await
        .unwrap();
    let mut lock = locker.begin().await.unwrap();
    sqlx::query("LOCK TABLE token IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let answer = tokio::time::timeout(
        BOUND,
        app.finger("resource=acct:alice@example.com")
            .bearer_auth("a-token-never-seen-before")
            .go(),
    )
    .await
    .expect("WebFinger answers within the request timeout");
    assert_eq!(answer.status(), 503);
    lock.rollback().await.unwrap();
}

// --- DNS over TCP -----------------------------------------------------------

fn naptr_query(id: u16) -> Vec<u8> {
    let mut msg = query(NUMBER, RecordType::NAPTR, None);
    msg.metadata.id = id;
    framed(&msg)
}

fn axfr_query() -> Vec<u8> {
    framed(&query("e164.arpa.", RecordType::AXFR, None))
}

/// Send one framed query on `stream`; the answer, or None if the server
/// closed the connection instead.
async fn ask(stream: &mut TcpStream, query: &[u8]) -> Option<Message> {
    stream.write_all(query).await.ok()?;
    let frame = tokio::time::timeout(BOUND, async {
        let len = stream.read_u16().await.ok()? as usize;
        let mut buf = vec![0u8; len];
        stream.read_exact(&mut buf).await.ok()?;
        Some(buf)
    })
    .await
    .expect("an answer or a close in time")?;
    Some(Message::from_vec(&frame).unwrap())
}

/// A DNS TCP connection from `from` that answers a query and stays open.
async fn held_dns(from: IpAddr, server: SocketAddr) -> Option<TcpStream> {
    let mut stream = connect_from(from, server).await;
    let answer = ask(&mut stream, &naptr_query(7)).await?;
    assert_eq!(answer.metadata.id, 7);
    Some(stream)
}

#[tokio::test]
async fn a_dns_tcp_client_that_asks_nothing_is_closed_quickly() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.tcp_first_query_timeout_ms = 300;
        c.dns.tcp_idle_timeout_ms = 60_000;
    })
    .await;
    // Well within the 10 s an idle connection was given before.
    let within = Duration::from_secs(5);
    let mut silent = connect_from(source(2), app.dns).await;
    read_until_closed(&mut silent, within).await;
    // A client that asked keeps the longer wait between queries: it still
    // gets an answer after the first-query timeout has passed.
    let mut active = held_dns(source(2), app.dns).await.expect("answered");
    let mut probe = connect_from(source(3), app.dns).await;
    read_until_closed(&mut probe, within).await;
    assert!(ask(&mut active, &naptr_query(8)).await.is_some());
}

#[tokio::test]
async fn one_dns_source_cannot_take_every_tcp_slot() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.tcp_max_per_ip = 4;
        c.dns.tcp_max_connections = 6;
        c.dns.tcp_first_query_timeout_ms = 120_000;
    })
    .await;
    let mut hog = Vec::new();
    for _ in 0..4 {
        hog.push(connect_from(source(2), app.dns).await);
    }
    // The hog's next connection is closed; it gets no answer.
    let mut fifth = connect_from(source(2), app.dns).await;
    assert!(ask(&mut fifth, &naptr_query(1)).await.is_none());
    // Another source is answered.
    let other = held_dns(source(3), app.dns)
        .await
        .expect("another source is answered");
    // The total: one more slot, then newcomers from anywhere are closed.
    let last = held_dns(source(4), app.dns).await.expect("the 6th slot");
    assert!(held_dns(source(5), app.dns).await.is_none());
    // A slot freed is taken again.
    drop(hog.pop());
    let mut again = None;
    for _ in 0..250 {
        again = held_dns(source(5), app.dns).await;
        if again.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(again.is_some(), "a freed slot is given to a new client");
    drop((other, last));
}

#[tokio::test]
async fn zone_transfers_work_while_query_clients_hold_every_tcp_slot() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.dns.tcp_max_per_ip = 8;
        c.dns.tcp_max_connections = 8;
        c.dns.tcp_first_query_timeout_ms = 120_000;
        c.dns.axfr_allow = "127.0.0.9".parse().unwrap();
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..8 {
        held.push(connect_from(source(2), app.dns).await);
    }
    let mut closed = connect_from(source(3), app.dns).await;
    assert!(
        ask(&mut closed, &naptr_query(1)).await.is_none(),
        "query budget full"
    );

    let mut secondary = connect_from(source(9), app.dns).await;
    let first = ask(&mut secondary, &axfr_query())
        .await
        .expect("the secondary is answered");
    assert_eq!(first.response_code, ResponseCode::NoError);
    assert_eq!(
        first.answers.first().map(|r| r.record_type()),
        Some(RecordType::SOA),
        "a transfer starts with the SOA"
    );
    drop(held);
}

// --- The shape of a subject, and of an import line --------------------------

fn limited(c: &mut callsign::config::Config) {
    c.limits.addresses_per_subject = 4;
    c.limits.numbers_per_subject = 2;
}

fn tel(i: u32) -> Value {
    json!({"uri": format!("tel:+1-212-555-{:04}", 100 + i)})
}

fn sip(i: u32) -> Value {
    json!({"uri": format!("sip:u{i}@example.com")})
}

async fn assert_names_addresses(response: reqwest::Response) -> Value {
    let body = assert_problem(response, 400).await;
    assert_eq!(body["field"], "addresses", "{body}");
    body
}

#[tokio::test]
async fn subjects_above_the_address_caps_are_refused_on_create_patch_and_add() {
    let app = TestApp::spawn_with(Backend::Sqlite, limited).await;
    let before = app.snapshot().await;
    let create = |addresses: Vec<Value>| {
        app.admin().try_create_subject(
            json!({"handle": "big", "domain": "example.com", "addresses": addresses}),
        )
    };
    let body =
        assert_names_addresses(create(vec![sip(1), sip(2), sip(3), sip(4), sip(5)]).await).await;
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("at most 4 addresses"),
        "{body}"
    );
    let body = assert_names_addresses(create(vec![tel(1), tel(2), tel(3)]).await).await;
    assert!(
        body["detail"].as_str().unwrap().contains("at most 2 tel:"),
        "{body}"
    );
    assert_eq!(app.snapshot().await, before, "nothing stored");

    // At the caps exactly: accepted.
    let subject = app
        .admin()
        .create_subject(json!({"handle": "full", "domain": "example.com",
                       "addresses": [tel(1), tel(2), sip(1), sip(2)]}))
        .await;
    let id = id(&subject);
    let before = app.snapshot().await;
    let r = app.admin().try_add_address(id, sip(3)).await;
    assert_names_addresses(r).await;
    let patch = json!({"addresses": [tel(1), tel(2), tel(3)]});
    let r = app.admin().try_patch_subject(id, None, patch).await;
    assert_names_addresses(r).await;
    assert_eq!(app.snapshot().await, before, "nothing stored");
}

#[tokio::test]
async fn an_import_line_above_the_address_caps_is_refused_by_line() {
    let app = TestApp::spawn_with(Backend::Sqlite, limited).await;
    let before = app.snapshot().await;
    let lines = [
        json!({"handle": "ok", "domain": "example.com", "addresses": [tel(1)]}),
        json!({"handle": "big", "domain": "example.com",
               "addresses": [tel(2), tel(3), tel(4)]}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let problem = assert_problem(app.admin().import("", body).await, 400).await;
    assert_eq!(problem["line"], 2, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("addresses"),
        "{problem}"
    );
    assert_eq!(app.snapshot().await, before, "nothing stored");
}

#[tokio::test]
async fn an_import_line_longer_than_the_body_limit_is_refused_without_reading_it_whole() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.http.body_limit = 4096).await;
    let before = app.snapshot().await;
    // One good line, then one that never ends: up to 64 MiB without a
    // newline, sent only as fast as the server reads it.
    const CHUNK: usize = 64 * 1024;
    const CHUNKS: usize = 1024;
    let mut stream = connect_from(source(2), app.http).await;
    let head = format!(
        "POST /api/v1/import HTTP/1.1\r\nHost: callsign.test\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n",
        crate::support::app::ADMIN
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    let sender = tokio::spawn(async move {
        let good = json!({"handle": "ok", "domain": "example.com"}).to_string();
        for i in 0..CHUNKS {
            let mut data = if i == 0 {
                format!("{good}\n{{\"handle\": \"").into_bytes()
            } else {
                Vec::new()
            };
            data.resize(CHUNK, b'x');
            let mut chunk = format!("{:x}\r\n", data.len()).into_bytes();
            chunk.extend_from_slice(&data);
            chunk.extend_from_slice(b"\r\n");
            if writer.write_all(&chunk).await.is_err() {
                return;
            }
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let (status, body) = read_response(&mut reader).await.expect("an answer");
    sender.abort();
    assert_eq!(status, 400);
    let problem: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem["line"], 2, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("longer than 4096 bytes"),
        "{problem}"
    );
    assert!(
        sent.load(Ordering::Relaxed) < CHUNKS / 2,
        "the server stopped reading the line early"
    );
    assert_eq!(app.snapshot().await, before, "nothing stored");
}

/// `callsign import FILE` with `env`; its exit status and standard error.
fn cli_import(dir: &tempfile::TempDir, file: &str, env: &[(&str, &str)]) -> (bool, String) {
    let database = crate::support::sqlite_url(dir);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_callsign"))
        .arg("import")
        .arg(file)
        .env("CALLSIGN_DATABASE_URL", &database)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_cli_import_applies_the_same_line_and_address_caps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.ndjson");
    let file = path.to_str().unwrap();

    let long = format!(
        "{}\n{{\"handle\": \"{}\"}}\n",
        json!({"handle": "ok", "domain": "example.com"}),
        "x".repeat(10_000)
    );
    std::fs::write(&path, long).unwrap();
    let (ok, stderr) = cli_import(&dir, file, &[("CALLSIGN_HTTP_BODY_LIMIT", "4096")]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("line 2: longer than 4096 bytes"),
        "{stderr}"
    );

    let big = json!({"handle": "big", "domain": "example.com",
                     "addresses": [tel(1), tel(2), tel(3)]});
    std::fs::write(&path, format!("{big}\n")).unwrap();
    let (ok, stderr) = cli_import(&dir, file, &[("CALLSIGN_LIMITS_NUMBERS_PER_SUBJECT", "2")]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr.contains("line 1: addresses: a subject lists at most 2 tel:"),
        "{stderr}"
    );
    let (ok, stderr) = cli_import(&dir, file, &[]);
    assert!(ok, "within the default caps: {stderr}");
}
