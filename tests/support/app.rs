//! A callsign server in-process on ephemeral ports, started through the
//! real entry point (`App::build`, `App::run`).

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use callsign::app::{App, Listeners};
use callsign::config::{Config, Secret};
use callsign::directory::Directory;
use callsign::dns::Dns;
use callsign::model::Subject;
use callsign::store::{Store, Write};
use reqwest::{RequestBuilder, Response};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use super::server::Server;

pub const ADMIN: &str = "test-admin-secret";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The app on its ports; HTTP and DNS requests to it through `Server`,
/// which it dereferences to.
pub struct TestApp {
    pub server: Server,
    pub https: Option<SocketAddr>,
    /// The DNS side of the app (zones, serials), beside its socket.
    pub enum_dns: Arc<Dns>,
    pub store: Arc<dyn Store>,
    pub directory: Arc<Directory>,
    pub config: Config,
    shutdown: CancellationToken,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _dir: tempfile::TempDir,
    _db: Option<super::pg::TestDb>,
}

/// A configuration for tests: ephemeral loopback ports, no rate limit.
pub fn test_config(database_url: &str) -> Config {
    let mut config = Config::default();
    config.database.url = Secret::new(database_url);
    config.http.listen = "127.0.0.1:0".parse().unwrap();
    config.dns.listen = "127.0.0.1:0".parse().unwrap();
    config.admin_token = Some(Secret::new(ADMIN));
    config.webfinger.rate_per_second = 0;
    config.directory.poll_interval_ms = 100;
    // Tests never reach past loopback: remote lookups are switched on only
    // by tests that point them at another test instance.
    config.resolver.enabled = false;
    config
}

/// Let `config`'s resolver reach `peer`, another running server: its DNS
/// for ENUM, its HTTP for WebFinger at `domain`, for anonymous callers
/// too, with step timeouts that hold on a busy machine.
pub fn resolve_through(config: &mut Config, peer: &Server, domain: &str) {
    config.resolver.enabled = true;
    config.resolver.anonymous = true;
    config.resolver.enum_servers = vec![peer.dns].into();
    config.resolver.webfinger_hosts = format!("{domain}=http://{}", peer.http).parse().unwrap();
    config.resolver.step_timeout_ms = 3000;
    config.resolver.total_timeout_ms = 8000;
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(Backend::Sqlite, |_| {}).await
    }

    pub async fn spawn_with(backend: Backend, tweak: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::spawn_seeded(backend, Vec::new(), tweak).await
    }

    /// Start with `seed` already stored, so the directory loads it at
    /// startup the way a restarted server loads its database.
    pub async fn spawn_seeded(
        backend: Backend,
        seed: Vec<Subject>,
        tweak: impl FnOnce(&mut Config),
    ) -> TestApp {
        init_logs();
        let dir = tempfile::tempdir().unwrap();
        let (url, db) = match backend {
            Backend::Sqlite => (super::sqlite_url(&dir), None),
            Backend::Postgres => {
                let db = super::pg::fresh_database().await;
                (db.url.clone(), Some(db))
            }
        };
        let mut config = test_config(&url);
        tweak(&mut config);
        TestApp::start(config, seed, dir, db).await
    }

    async fn start(
        config: Config,
        seed: Vec<Subject>,
        dir: tempfile::TempDir,
        db: Option<super::pg::TestDb>,
    ) -> TestApp {
        let shutdown = CancellationToken::new();
        let listeners = Listeners::bind(&config).await.expect("bind");
        let (http, https, dns) = (
            listeners.http_addr(),
            listeners.https_addr(),
            listeners.dns_addr(),
        );
        let app = App::build(config.clone(), &shutdown).await.expect("build");
        let (store, directory) = (app.store.clone(), app.directory.clone());
        let enum_dns = app.dns.clone();
        for subject in seed {
            store
                .write("test", "subject.create", Write::Create(subject))
                .await
                .expect("seeding the store");
        }
        let task = tokio::spawn(app.run(listeners, shutdown.clone()));
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        let app = TestApp {
            server: Server::new(http, dns, client),
            https,
            enum_dns,
            store,
            directory,
            config,
            shutdown,
            task: Some(task),
            _dir: dir,
            _db: db,
        };
        app.wait_ready().await;
        app
    }

    /// Poll `/readyz`; never sleep-and-hope.
    pub async fn wait_ready(&self) {
        for _ in 0..500 {
            if let Ok(r) = self.client.get(self.url("/readyz")).send().await
                && r.status() == 200
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("callsign did not become ready");
    }

    /// Stop and wait until every server task has finished.
    pub async fn stop(mut self) {
        self.shutdown.cancel();
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }

    /// Everything the store holds, to prove a rejected request wrote nothing.
    pub async fn snapshot(&self) -> (i64, String) {
        use futures::TryStreamExt;
        let serial = self.store.last_serial().await.unwrap();
        let lines: Vec<bytes::Bytes> = callsign::store::ndjson::export(self.store.as_ref())
            .try_collect()
            .await
            .unwrap();
        let text = lines
            .iter()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect();
        (serial, text)
    }
}

impl std::ops::Deref for TestApp {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// Send a request the test expects to reach the server: the response, or a
/// panic naming the transport failure.
#[allow(async_fn_in_trait)]
pub trait Go {
    async fn go(self) -> Response;
}

impl Go for RequestBuilder {
    async fn go(self) -> Response {
        self.send().await.expect("the request reaches the server")
    }
}

/// Assert a problem+json response: status, and a detail or field naming the fault.
pub async fn assert_problem(response: Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "unexpected status");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json",
        "errors are problem+json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert!(body["type"].as_str().unwrap().starts_with("https://"));
    body
}

fn init_logs() {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
            .with_test_writer()
            .try_init();
    }
}
