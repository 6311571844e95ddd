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
mod naptr;
mod number;
#[cfg(test)]
mod proptests;
mod regexp;
mod rrl;
mod server;
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

use crate::config::DnsConfig;
use crate::directory::{Directory, Index};

pub use index::EnumIndex;

/// The DNS side of callsign: its zone index and its server.
pub struct Dns {
    config: DnsConfig,
    responder: Arc<answer::Responder>,
    index: Arc<EnumIndex>,
    notify: Vec<SocketAddr>,
}

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
    pub fn new(config: &DnsConfig) -> anyhow::Result<Arc<Dns>> {
        let zones = zone::Zones::new(config)?;
        let axfr_allow = config.axfr_allow.to_vec();
        let notify = config.notify.to_vec();
        let index = EnumIndex::new();
        let rrl = rrl::Rrl::new(config.rrl_rate);
        Ok(Arc::new(Dns {
            config: config.clone(),
            responder: Arc::new(answer::Responder::new(
                zones,
                index.clone(),
                axfr_allow,
                rrl,
            )),
            index,
            notify,
        }))
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
            zones = ?self.config.zones,
            numbers = self.index.read().len(),
            serial = self.index.serial(),
            udp_sockets = threads.len(),
            "DNS serving"
        );
        tokio::spawn(xfr::notify_secondaries(
            self.responder.clone(),
            self.notify.clone(),
            directory,
            shutdown.clone(),
        ));
        let limits = Arc::new(server::TcpLimits::new(&self.config));
        server::serve_tcp(listeners.tcp, self.responder.clone(), limits, shutdown).await;
        stop.store(true, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || threads.into_iter().for_each(|t| drop(t.join())))
            .await
            .context("stopping the DNS UDP threads")?;
        Ok(())
    }

    /// The zone as an RFC 1035 master file: what a zone transfer sends,
    /// under the serial the server announces (the directory's, before any
    /// change reached the index).
    pub fn zone_file(&self, directory: &Directory, zone: &str) -> anyhow::Result<String> {
        let zone = self.responder.zones.by_name(zone).with_context(|| {
            format!(
                "`{zone}` is not one of the configured zones ({})",
                self.config.zones.join(", ")
            )
        })?;
        let snapshot = self.index.snapshot();
        let serial = match snapshot.serial {
            0 => directory.serial() as u32,
            s => s,
        };
        Ok(zonefile::render(
            zone,
            self.config.ttl,
            serial,
            &snapshot.numbers,
        ))
    }
}
