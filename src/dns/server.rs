//! The receive loops: one OS thread per UDP socket (several sockets share
//! the port through SO_REUSEPORT, and the kernel spreads clients over
//! them), and a tokio task per TCP connection.
//!
//! UDP answers need no I/O besides the two syscalls, so a plain blocking
//! loop per socket is the cheapest shape: no task spawn, no readiness
//! bookkeeping, one reusable buffer each.

use std::net::{IpAddr, SocketAddr};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

use super::answer::{Reply, Responder, Transport};
use super::xfr;
use crate::config::DnsConfig;
use crate::connections::ConnectionBudget;

/// How often an idle UDP loop looks at the stop flag.
pub const UDP_POLL: Duration = Duration::from_millis(200);
/// Local counters are published to metrics this often (in packets).
const METRICS_EVERY: u64 = 4096;

pub fn udp_loop(socket: std::net::UdpSocket, responder: Arc<Responder>, stop: Arc<AtomicBool>) {
    // Room for any datagram, so an oversized one is parsed as what it is.
    let mut buf = vec![0u8; 65_536];
    let mut out = Vec::with_capacity(4096);
    let (mut received, mut answered) = (0u64, 0u64);
    let publish = |received: &mut u64, answered: &mut u64| {
        metrics::counter!("callsign_dns_queries_total", "transport" => "udp").increment(*received);
        metrics::counter!("callsign_dns_responses_total", "transport" => "udp")
            .increment(*answered);
        (*received, *answered) = (0, 0);
    };
    while !stop.load(Ordering::Relaxed) {
        let (n, peer) = match socket.recv_from(&mut buf) {
            Ok(r) => r,
            Err(e) => {
                if !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock
                        | std::io::ErrorKind::TimedOut
                        | std::io::ErrorKind::Interrupted
                ) {
                    tracing::warn!(error = %e, "DNS UDP receive failed");
                    std::thread::sleep(Duration::from_millis(10));
                }
                publish(&mut received, &mut answered);
                continue;
            }
        };
        received += 1;
        let reply = std::panic::catch_unwind(AssertUnwindSafe(|| {
            responder.respond(&buf[..n], peer.ip(), Transport::Udp, &mut out)
        }));
        match reply {
            Ok(Reply::Send) => {
                if socket.send_to(&out, peer).is_ok() {
                    answered += 1;
                }
            }
            Ok(_) => {}
            Err(_) => tracing::error!(%peer, "bug: answering a DNS query panicked"),
        }
        if received >= METRICS_EVERY {
            publish(&mut received, &mut answered);
        }
    }
    publish(&mut received, &mut answered);
}

/// How DNS TCP connections are admitted and timed.
pub struct TcpLimits {
    /// Query clients: a total and a per-source cap.
    pub queries: Arc<ConnectionBudget>,
    /// Sources allowed to transfer (secondaries): their own slots, which
    /// query clients cannot take.
    pub transfers: Arc<ConnectionBudget>,
    /// Until the first query: short, so a client that asks nothing frees
    /// its slot quickly.
    pub first_query: Duration,
    /// Between queries, and for a client to take an answer.
    pub idle: Duration,
}

impl TcpLimits {
    pub fn new(config: &DnsConfig) -> TcpLimits {
        let transfers = config.tcp_max_transfer_connections;
        TcpLimits {
            queries: ConnectionBudget::new(
                "dns_tcp",
                config.tcp_max_connections,
                config.tcp_max_per_ip,
                Vec::new(),
            ),
            // Secondaries are few and known: no per-source cap among them.
            transfers: ConnectionBudget::new("dns_transfer", transfers, transfers, Vec::new()),
            first_query: Duration::from_millis(config.tcp_first_query_timeout_ms),
            idle: Duration::from_millis(config.tcp_idle_timeout_ms),
        }
    }
}

pub async fn serve_tcp(
    listener: TcpListener,
    responder: Arc<Responder>,
    limits: Arc<TcpLimits>,
    shutdown: CancellationToken,
) {
    loop {
        let accepted = tokio::select! {
            _ = shutdown.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                let budget = if responder.may_transfer(peer.ip()) {
                    &limits.transfers
                } else {
                    &limits.queries
                };
                let slot = match budget.admit(peer.ip()) {
                    Ok(slot) => slot,
                    Err(refused) => {
                        tracing::debug!(%peer, %refused, "DNS TCP connection closed");
                        continue;
                    }
                };
                let (responder, limits) = (responder.clone(), limits.clone());
                let shutdown = shutdown.clone();
                tokio::spawn(async move {
                    connection(stream, peer, &responder, &limits, shutdown).await;
                    drop(slot);
                });
            }
            Err(e) => {
                // Out of file descriptors, say: back off instead of spinning.
                tracing::warn!(error = %e, "DNS TCP accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Length-prefixed messages (RFC 1035 §4.2.2), answered in order.
async fn connection(
    mut stream: TcpStream,
    peer: SocketAddr,
    responder: &Responder,
    limits: &TcpLimits,
    shutdown: CancellationToken,
) {
    let _ = stream.set_nodelay(true);
    let ip: IpAddr = peer.ip();
    let mut msg = Vec::new();
    let mut out = Vec::with_capacity(4096);
    let mut frame = Vec::with_capacity(4096);
    let mut wait = limits.first_query;
    loop {
        let read = async {
            let len = stream.read_u16().await? as usize;
            msg.resize(len, 0);
            stream.read_exact(&mut msg).await
        };
        let read = tokio::select! {
            _ = shutdown.cancelled() => return,
            read = tokio::time::timeout(wait, read) => read,
        };
        if !matches!(read, Ok(Ok(_))) {
            return;
        }
        wait = limits.idle;
        metrics::counter!("callsign_dns_queries_total", "transport" => "tcp").increment(1);
        let written = answer_tcp(
            responder,
            &msg,
            ip,
            &mut out,
            &mut frame,
            &mut stream,
            limits.idle,
        )
        .await;
        if let Err(e) = written {
            tracing::debug!(%peer, error = %e, "DNS TCP client went away");
            return;
        }
    }
}

/// Answer one message of a TCP connection onto `to`: its answer framed
/// (RFC 1035 §4.2.2), a whole zone transfer, or nothing. `out` and
/// `frame` are the connection's reusable buffers.
pub async fn answer_tcp(
    responder: &Responder,
    msg: &[u8],
    peer: IpAddr,
    out: &mut Vec<u8>,
    frame: &mut Vec<u8>,
    to: &mut (impl AsyncWrite + Unpin),
    idle: Duration,
) -> std::io::Result<()> {
    match responder.respond(msg, peer, Transport::Tcp, out) {
        Reply::Send => {
            frame.clear();
            frame.extend_from_slice(&(out.len() as u16).to_be_bytes());
            frame.extend_from_slice(out);
            // A client that sends queries but never reads the answers
            // must not hold its slot forever.
            tokio::time::timeout(idle, to.write_all(frame))
                .await
                .unwrap_or_else(|_| Err(std::io::ErrorKind::TimedOut.into()))
        }
        Reply::Nothing => Ok(()),
        Reply::Transfer {
            zone,
            ixfr_from,
            signer,
        } => xfr::transfer(responder, msg, zone, ixfr_from, signer, to).await,
    }
}
