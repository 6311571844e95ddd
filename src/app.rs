//! Wiring: bind sockets, open the store, load the directory, serve.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use anyhow::Context;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::backoff::Backoff;
use crate::config::Config;
use crate::directory::{self, Directory};
use crate::dns::{Dns, DnsListeners};
use crate::http::serve::{ConnectionLimits, serve_plain};
use crate::http::webfinger::Scheme;
use crate::http::{self, AppState};
use crate::service::{DnssecService, SubjectService, TokenService};
use crate::store::{self, Store, StoreError, StoreOptions, SubjectQuery};
use axum::Extension;

/// Every socket, bound before anything starts (port 0 works).
pub struct Listeners {
    pub http: TcpListener,
    pub https: Option<TcpListener>,
    pub dns: DnsListeners,
}

impl Listeners {
    pub async fn bind(config: &Config) -> anyhow::Result<Listeners> {
        let http = TcpListener::bind(config.http.listen)
            .await
            .with_context(|| format!("binding HTTP on {}", config.http.listen))?;
        let https = match config.https.listen {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("binding HTTPS on {addr}"))?,
            ),
            None => None,
        };
        let dns = DnsListeners::bind(&config.dns)
            .await
            .with_context(|| format!("binding DNS on {}", config.dns.listen))?;
        Ok(Listeners { http, https, dns })
    }

    pub fn http_addr(&self) -> SocketAddr {
        self.http.local_addr().expect("bound socket")
    }

    pub fn https_addr(&self) -> Option<SocketAddr> {
        self.https
            .as_ref()
            .map(|l| l.local_addr().expect("bound socket"))
    }

    pub fn dns_addr(&self) -> SocketAddr {
        self.dns.local_addr()
    }
}

/// A built application: store open and migrated, directory not yet loaded.
pub struct App {
    pub config: Arc<Config>,
    pub store: Arc<dyn Store>,
    pub directory: Arc<Directory>,
    /// Every change to a subject from outside HTTP (CLI import, demo).
    pub subjects: SubjectService,
    /// Token changes from the command line.
    pub tokens: TokenService,
    /// The signing keys of DNSSEC zones.
    pub dnssec: DnssecService,
    pub dns: Arc<Dns>,
}

/// The process-wide Prometheus recorder (installable once per process).
pub fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets(&[
                    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                    0.5, 1.0, 2.5, 5.0,
                ])
                .ok()?
                .install_recorder()
                .ok()
        })
        .clone()
}

/// Open the store, retrying with backoff while the database is down.
pub async fn open_store(
    config: &Config,
    shutdown: &CancellationToken,
) -> anyhow::Result<Arc<dyn Store>> {
    let url = config.database.url.expose();
    let options = StoreOptions {
        acquire_timeout: Duration::from_millis(config.database.acquire_timeout_ms),
    };
    let opened = while_unavailable("opening the database", shutdown, || async {
        let store = store::open_with(url, &options).await?;
        store.migrate().await?;
        Ok(store)
    })
    .await?;
    opened.ok_or_else(|| anyhow::anyhow!("stopped while waiting for the database"))
}

/// Open the hot standby `database.read_url` names, retrying with backoff
/// while it is down. Never migrated: it replays the primary's schema, so
/// it is used once it has replayed what the primary had written after
/// `app` migrated it. None when `shutdown` came first.
async fn open_standby(
    app: &App,
    url: &str,
    shutdown: &CancellationToken,
) -> anyhow::Result<Option<Arc<dyn Store>>> {
    let options = StoreOptions {
        acquire_timeout: Duration::from_millis(app.config.database.acquire_timeout_ms),
    };
    let migrated = while_unavailable("reading the primary's position", shutdown, || {
        app.store.wal_position()
    });
    let Some(migrated) = migrated.await? else {
        return Ok(None);
    };
    while_unavailable("opening the standby database", shutdown, || async {
        let standby = store::open_with(url, &options).await?;
        let replayed = standby.wal_position().await?;
        if replayed < migrated {
            return Err(StoreError::Unavailable(
                "the standby has not replayed the primary's schema yet".into(),
            ));
        }
        Ok(standby)
    })
    .await
}

/// Run `attempt` until it succeeds or fails for another reason than an
/// unavailable database, waiting with backoff in between. None when
/// `shutdown` came first.
async fn while_unavailable<T, Attempt, Fut>(
    what: &'static str,
    shutdown: &CancellationToken,
    mut attempt: Attempt,
) -> anyhow::Result<Option<T>>
where
    Attempt: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut backoff = Backoff::new(Duration::from_millis(250), Duration::from_secs(10));
    loop {
        match attempt().await {
            Ok(value) => return Ok(Some(value)),
            Err(StoreError::Unavailable(e)) => {
                let delay = backoff.next_wait();
                tracing::warn!(error = %e, retry_in = ?delay, "database unavailable while {what}; retrying");
                tokio::select! {
                    _ = shutdown.cancelled() => return Ok(None),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
            Err(e) => return Err(e).context(what),
        }
    }
}

impl App {
    pub async fn build(config: Config, shutdown: &CancellationToken) -> anyhow::Result<App> {
        let store = open_store(&config, shutdown).await?;
        let directory = Directory::new();
        let dns = Dns::new(&config.dns, config.webfinger.public_base_url.as_deref())?;
        directory.register(dns.index());
        let dnssec = DnssecService::new(store.clone(), &config.dns);
        dns.sign_with(&dnssec).await?;
        directory.register(dns.key_changes());
        let subjects = SubjectService::new(store.clone(), directory.clone(), config.limits.clone());
        let tokens = TokenService::new(store.clone());
        Ok(App {
            config: Arc::new(config),
            store,
            directory,
            subjects,
            tokens,
            dnssec,
            dns,
        })
    }

    /// Import the sample directory when the database has no subjects.
    pub async fn load_demo(&self) -> anyhow::Result<()> {
        let empty = self
            .store
            .search(&SubjectQuery {
                limit: 1,
                ..SubjectQuery::default()
            })
            .await?
            .is_empty();
        if empty {
            let options = store::ndjson::ImportOptions::new(&self.config, false);
            let report = self
                .subjects
                .import("demo", crate::demo::NDJSON.as_bytes(), &options, &|_, _| {})
                .await?;
            tracing::info!(subjects = report.created, "loaded the demo directory");
        }
        Ok(())
    }

    /// Serve HTTP (and HTTPS) at once, load the directory, then serve DNS;
    /// everything stops on `shutdown`, letting in-flight requests finish.
    pub async fn run(
        self,
        listeners: Listeners,
        shutdown: CancellationToken,
    ) -> anyhow::Result<()> {
        let state = AppState::new(
            self.config.clone(),
            self.store.clone(),
            self.directory.clone(),
            self.dns.clone(),
            metrics_handle(),
        )?;
        let router = http::router(state.clone());
        tokio::spawn(sweep_rate_limits(state, shutdown.clone()));
        let mut tasks = tokio::task::JoinSet::new();

        if self.config.directory.heartbeat_interval_ms > 0 {
            let name = match &self.config.directory.replica_name {
                Some(name) => name.clone(),
                None => directory::default_replica_name(listeners.http.local_addr()?.port()),
            };
            let interval = Duration::from_millis(self.config.directory.heartbeat_interval_ms);
            let (directory, store) = (self.directory.clone(), self.store.clone());
            let stop = shutdown.clone();
            tasks.spawn(async move {
                directory::heartbeat(directory, store, name, interval, stop).await;
                Ok(())
            });
        }
        let limits =
            ConnectionLimits::new(&self.config.http, &self.config.webfinger.trusted_proxies);
        {
            let router = router.clone().layer(Extension(Scheme::Http));
            let (limits, stop) = (limits.clone(), shutdown.clone());
            tasks.spawn(async move { serve_plain(listeners.http, router, &limits, stop).await });
        }
        if let Some(https) = listeners.https {
            let tls = self.config.tls.clone();
            let (limits, stop) = (limits.clone(), shutdown.clone());
            let router = router.clone().layer(Extension(Scheme::Https));
            tasks.spawn(async move { http::tls::serve(https, &tls, router, &limits, stop).await });
        }

        // The directory loads and follows the change log from the hot
        // standby when there is one. This process's own writes are read
        // back from the primary (`SubjectService` catches up on the store
        // it wrote to), so a write is answered applied however far the
        // standby lags, and a standby outage never holds up a write.
        let reads = match &self.config.database.read_url {
            None => self.store.clone(),
            Some(url) => match open_standby(&self, url.expose(), &shutdown).await? {
                Some(standby) => standby,
                None => return Ok(()),
            },
        };
        if !load_directory(&self.directory, reads.as_ref(), &shutdown).await? {
            // Stopped before the directory could be loaded.
            return Ok(());
        }
        if self.config.database.read_url.is_some() {
            tasks.spawn(directory::watch_standby_lag(
                self.directory.clone(),
                self.store.clone(),
                reads.clone(),
                shutdown.clone(),
            ));
        }
        let interval = Duration::from_millis(self.config.directory.poll_interval_ms);
        tasks.spawn(directory::follow_task(
            self.directory.clone(),
            self.store.clone(),
            reads,
            interval,
            shutdown.clone(),
        ));
        tasks.spawn(
            self.dns
                .clone()
                .run(self.directory.clone(), listeners.dns, shutdown.clone()),
        );

        let mut result = Ok(());
        while let Some(done) = tasks.join_next().await {
            let outcome = done.context("server task panicked").and_then(|r| r);
            if let Err(e) = outcome {
                tracing::error!(error = %format!("{e:#}"), "server stopped");
                shutdown.cancel();
                result = result.and(Err(e));
            }
        }
        result
    }
}

/// Load the directory, retrying with backoff while the database is down.
/// False when `shutdown` came first.
async fn load_directory(
    directory: &Directory,
    store: &dyn Store,
    shutdown: &CancellationToken,
) -> anyhow::Result<bool> {
    let loaded = while_unavailable("loading the directory", shutdown, || directory.load(store));
    Ok(loaded.await?.is_some())
}

/// Forget idle rate-limit buckets now and then.
async fn sweep_rate_limits(state: AppState, shutdown: CancellationToken) {
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(60)) => state.limiter.sweep(),
        }
    }
}
