//! ENUM: an authoritative DNS server for NAPTR records (RFC 6116).
//!
//! Shape: the directory feeds [`EnumIndex`] through [`Index::apply`]
//! (O(size of the change)); each UDP socket has a blocking receive loop on
//! its own thread, TCP connections are tokio tasks, and all of them answer
//! through one [`answer::Responder`] over one wire parser.
//!
//! Why not hickory-server's `Server`: it spawns a task and decodes a whole
//! `Message` (allocating every name and record) per query, its AXFR is a
//! single message and it has no NOTIFY, so the hot path, transfers and
//! notifies would all have been ours anyway. hickory-proto still does the
//! record encoding (NAPTR, SOA, NS built from fields), and hickory's
//! client-side types check the wire format in the tests.

mod answer;
pub(crate) mod fuzz;
mod index;
pub mod keys;
mod naptr;
mod number;
mod presign;
#[cfg(test)]
mod proptests;
mod regexp;
mod rrl;
mod server;
mod sign;
mod tsig;
mod wire;
mod xfr;
mod zone;
mod zonefile;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use socket2::{Domain, Protocol, Socket, Type};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::config::{DnsConfig, Keyed};
use crate::directory::{Directory, Index};
use crate::service::DnssecService;
use crate::store::Change;

pub use index::EnumIndex;
pub use presign::Progress as PresignProgress;
pub use tsig::generate as generate_tsig_key;

/// A number's NAPTR records as dig prints them (see [`Dns::naptr_view`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NaptrView {
    /// What a NAPTR query for the number's name gets, zone by zone.
    pub query: Vec<String>,
    /// What a zone transfer carries at that name.
    pub transfer: Vec<String>,
    /// The query is answered from a block's records (its wildcard).
    pub in_block: bool,
}

/// The DNS side of callsign: its zone index and its server.
pub struct Dns {
    config: DnsConfig,
    responder: Arc<answer::Responder>,
    index: Arc<EnumIndex>,
    notify: Vec<Keyed<SocketAddr>>,
    /// Where signing keys come from, once [`Dns::sign_with`] ran.
    dnssec: std::sync::OnceLock<DnssecService>,
    keys_changed: Arc<KeysChanged>,
    /// Signatures made at answer time, by every signer so far.
    signatures_made: Arc<std::sync::atomic::AtomicU64>,
}

/// Wakes the key reloader when the change log records a key change (made
/// by this process or another replica).
#[derive(Default)]
struct KeysChanged(tokio::sync::Notify);

impl Index for KeysChanged {
    fn apply(&self, _: i64, _: Option<&crate::model::Subject>, _: Option<&crate::model::Subject>) {}

    fn alters(&self, _: Option<&crate::model::Subject>, _: Option<&crate::model::Subject>) -> bool {
        false
    }

    fn other_change(&self, change: &Change) {
        if change.operation.starts_with("dnssec.") {
            self.0.notify_one();
        }
    }
}

/// How long the key follower waits with no roll under way: key changes
/// wake it earlier through the change log.
const KEY_RELOAD_IDLE: std::time::Duration = std::time::Duration::from_secs(3600);
/// Waking this long after a key's transition time, the wall clock has
/// surely passed it (timers run on another clock).
const TRANSITION_SLACK: std::time::Duration = std::time::Duration::from_millis(5);
/// After a failed reload, the next attempt.
const KEY_RELOAD_RETRY: chrono::TimeDelta = chrono::TimeDelta::seconds(5);

/// Sockets bound before the server starts (port 0 works): several UDP
/// sockets on one port (SO_REUSEPORT) and a TCP listener on the same port.
pub struct DnsListeners {
    pub udp: Vec<std::net::UdpSocket>,
    pub tcp: TcpListener,
}

/// Kernel receive buffer per UDP socket: absorbs bursts while a loop is busy.
const UDP_RECEIVE_BUFFER: usize = 4 << 20;

fn udp_socket(addr: SocketAddr) -> std::io::Result<std::net::UdpSocket> {
    let socket = Socket::new(Domain::for_address(addr), Type::DGRAM, Some(Protocol::UDP))?;
    socket.set_reuse_port(true)?;
    // Best effort: the kernel caps it at net.core.rmem_max.
    let _ = socket.set_recv_buffer_size(UDP_RECEIVE_BUFFER);
    socket.bind(&addr.into())?;
    socket.set_read_timeout(Some(server::UDP_POLL))?;
    Ok(socket.into())
}

impl DnsListeners {
    pub async fn bind(config: &DnsConfig) -> std::io::Result<DnsListeners> {
        let count = match config.udp_sockets {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        // With port 0 the TCP side may find the UDP port taken: try another.
        let attempts = if config.listen.port() == 0 { 20 } else { 1 };
        let mut last_error = None;
        for _ in 0..attempts {
            let first = udp_socket(config.listen)?;
            let addr = first.local_addr()?;
            match TcpListener::bind(addr).await {
                Ok(tcp) => {
                    let mut udp = vec![first];
                    for _ in 1..count {
                        udp.push(udp_socket(addr)?);
                    }
                    return Ok(DnsListeners { udp, tcp });
                }
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.expect("at least one attempt"))
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.tcp.local_addr().expect("bound socket")
    }
}

impl Dns {
    /// The DNS side of `config`; numbers publish `E2U+vcard` records under
    /// `vcard_base` when given (`webfinger.public_base_url`).
    pub fn new(config: &DnsConfig, vcard_base: Option<&str>) -> anyhow::Result<Arc<Dns>> {
        let zones = zone::Zones::new(config)?;
        let keyring = tsig::Keyring::new(&config.tsig_keys)?;
        let notify = config.notify.to_vec();
        let index = EnumIndex::with_extras(naptr::Extras {
            vcard_base: vcard_base.map(str::to_owned),
            caller_name: config.caller_name,
        });
        let rrl = rrl::Rrl::new(config.rrl_rate);
        Ok(Arc::new(Dns {
            config: config.clone(),
            responder: Arc::new(answer::Responder::new(
                zones,
                index.clone(),
                config.axfr_allow.clone(),
                keyring,
                rrl,
            )),
            index,
            notify,
            dnssec: std::sync::OnceLock::new(),
            keys_changed: Arc::default(),
            signatures_made: Arc::default(),
        }))
    }

    /// Sign the zones `dns.dnssec` names with their keys from `service`
    /// (made now when the database has none), and follow key changes.
    pub async fn sign_with(&self, service: &DnssecService) -> anyhow::Result<()> {
        let _ = self.dnssec.set(service.clone());
        self.load_signers(service).await.map(drop)
    }

    /// Build each signed zone's signer from its keys as they are now.
    /// When a key changes state next (a roll under way), if ever.
    async fn load_signers(
        &self,
        service: &DnssecService,
    ) -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
        let validity = std::time::Duration::from_secs(self.config.dnssec_signature_validity_secs);
        let mut signers = Vec::new();
        let mut next = None;
        for zone in &self.responder.zones.zones {
            let signer = match service.keys(&zone.name.to_ascii()).await? {
                Some(keys) => {
                    if keys.next_transition.is_some() {
                        tracing::info!(zone = %zone.name, keys = %keys.summary(), next_transition = ?keys.next_transition, "DNSSEC key roll under way");
                    }
                    next = next.into_iter().chain(keys.next_transition).min();
                    sign::Signer::new(keys, validity, self.config.dnssec_signature_cache)?
                        .map(|s| Arc::new(s.counting_into(self.signatures_made.clone())))
                }
                None => None,
            };
            signers.push(signer);
        }
        self.responder.signers.store(Arc::new(signers));
        // Another active key: its signatures are made anew.
        self.index.changes.everything();
        Ok(next)
    }

    /// How far pre-signing is (see `presign`).
    pub fn presign_progress(&self) -> PresignProgress {
        presign::progress(&self.index, &self.responder)
    }

    /// Signatures made at answer time since the start (pre-made ones not
    /// counted): flat while every answer finds its signature made.
    pub fn signatures_made(&self) -> u64 {
        self.signatures_made.load(Ordering::Relaxed)
    }

    /// Reload the signing keys after every key change the directory sees,
    /// and when a roll under way moves a key to its next state: the times
    /// are in the database, so every replica moves at the same moment.
    async fn follow_keys(self: Arc<Self>, shutdown: CancellationToken) {
        let Some(service) = self.dnssec.get() else {
            return;
        };
        loop {
            let next = match self.load_signers(service).await {
                Ok(next) => next,
                Err(e) => {
                    tracing::warn!(error = %format!("{e:#}"), "reloading DNSSEC keys failed; signing with the previous ones");
                    // Try again soon rather than miss a transition.
                    Some(chrono::Utc::now() + KEY_RELOAD_RETRY)
                }
            };
            let wait = next.map_or(KEY_RELOAD_IDLE, |at| {
                (at - chrono::Utc::now()).to_std().unwrap_or_default() + TRANSITION_SLACK
            });
            tokio::select! {
                _ = shutdown.cancelled() => return,
                _ = self.keys_changed.0.notified() => {}
                _ = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// The watcher of key changes to register with the directory.
    pub fn key_changes(&self) -> Arc<dyn Index> {
        self.keys_changed.clone()
    }

    /// The index to register with the directory before it loads.
    pub fn index(&self) -> Arc<dyn Index> {
        self.index.clone()
    }

    /// The current zone serial (the same for every zone).
    pub fn serial(&self) -> u32 {
        self.index.serial()
    }

    /// Serve until `shutdown`. The directory is only watched, to send
    /// NOTIFY after changes: the index already receives every change.
    pub async fn run(
        self: Arc<Self>,
        directory: Arc<Directory>,
        listeners: DnsListeners,
        shutdown: CancellationToken,
    ) -> anyhow::Result<()> {
        let stop = Arc::new(AtomicBool::new(false));
        let mut threads = Vec::new();
        for (i, socket) in listeners.udp.into_iter().enumerate() {
            let (responder, stop) = (self.responder.clone(), stop.clone());
            let thread = std::thread::Builder::new()
                .name(format!("dns-udp-{i}"))
                .spawn(move || server::udp_loop(socket, responder, stop))
                .context("starting a DNS UDP thread")?;
            threads.push(thread);
        }
        tracing::info!(
            zones = %self.zone_list(),
            numbers = self.index.read().len(),
            serial = self.index.serial(),
            udp_sockets = threads.len(),
            "DNS serving"
        );
        if !self.config.dnssec.is_empty() {
            let (index, responder) = (self.index.clone(), self.responder.clone());
            let thread = std::thread::Builder::new()
                .name("dns-presign".into())
                .spawn(move || presign::run(index, responder))
                .context("starting the DNSSEC pre-signing thread")?;
            threads.push(thread);
        }
        tokio::spawn(self.clone().follow_keys(shutdown.clone()));
        tokio::spawn(xfr::notify_secondaries(
            self.responder.clone(),
            self.notify.clone(),
            directory,
            shutdown.clone(),
        ));
        let limits = Arc::new(server::TcpLimits::new(&self.config));
        server::serve_tcp(listeners.tcp, self.responder.clone(), limits, shutdown).await;
        stop.store(true, Ordering::Relaxed);
        self.index.changes.stop();
        tokio::task::spawn_blocking(move || threads.into_iter().for_each(|t| drop(t.join())))
            .await
            .context("stopping the DNS UDP threads")?;
        Ok(())
    }

    /// The NAPTR records of the number `digits` (E.164, no `+`) in each
    /// zone, as dig prints them: what a NAPTR query for its name is
    /// answered (the index's node: the number's own records or those of
    /// the block covering it), and what a zone transfer carries at that
    /// name (published numbers only; a block's numbers travel as its
    /// wildcard).
    pub fn naptr_view(&self, digits: &str) -> NaptrView {
        let mut view = NaptrView::default();
        let Some(key) = number::number_key(digits.as_bytes()) else {
            return view;
        };
        let relative: Vec<String> = digits.chars().rev().map(String::from).collect();
        let relative = relative.join(".");
        let ttl = self.config.ttl;
        let state = self.index.read();
        let answered = state.node(digits.as_bytes(), index::Below::Nothing);
        let published = state.published(key);
        for zone in &self.responder.zones.zones {
            let apex = zone.name.to_ascii();
            let owner = format!("{relative}.{}.", apex.trim_end_matches('.'));
            if let index::Node::Number(k, naptrs, _) = &answered {
                view.query
                    .extend(naptrs.iter(*k).map(|n| zonefile::dig_line(&owner, ttl, n)));
            }
            if let Some(p) = published {
                view.transfer.extend(
                    p.naptrs
                        .iter(key)
                        .map(|n| zonefile::dig_line(&owner, ttl, n)),
                );
            }
        }
        view.in_block = matches!(answered, index::Node::Number(..)) && published.is_none();
        view
    }

    /// How many numbers DNS publishes one by one (blocks not counted).
    pub fn published_numbers(&self) -> usize {
        self.index.read().len()
    }

    /// Each zone's apex and the SOA serial it answers with now.
    pub fn zone_serials(&self) -> Vec<(String, u32)> {
        let serial = self.index.serial();
        self.responder
            .zones
            .zones
            .iter()
            .map(|z| (z.name.to_ascii(), serial))
            .collect()
    }

    /// The configured apexes, for messages.
    fn zone_list(&self) -> String {
        let zones: Vec<String> = self.config.zones.iter().map(ToString::to_string).collect();
        zones.join(", ")
    }

    /// The zone as an RFC 1035 master file: what a zone transfer sends,
    /// under the serial the server announces (the directory's, before any
    /// change reached the index).
    pub fn zone_file(&self, directory: &Directory, zone: &str) -> anyhow::Result<String> {
        let zone = self.responder.zones.by_name(zone).with_context(|| {
            format!(
                "`{zone}` is not one of the configured zones ({})",
                self.zone_list()
            )
        })?;
        let snapshot = self.index.snapshot();
        let serial = match snapshot.serial {
            0 => directory.serial() as u32,
            s => s,
        };
        Ok(zonefile::render(zone, self.config.ttl, serial, &snapshot))
    }
}
