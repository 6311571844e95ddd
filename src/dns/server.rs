//! The receive loops: one OS thread per UDP socket (several sockets share
//! the port through SO_REUSEPORT, and the kernel spreads clients over
//! them), and a tokio task per TCP connection.
//!
//! UDP answers need no I/O besides receiving and sending, so a plain
//! blocking loop per socket is the cheapest shape: no task spawn, no
//! readiness bookkeeping, reusable buffers, and datagrams taken and
//! answered in batches.

use std::io::{IoSlice, IoSliceMut};
use std::net::{IpAddr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::socket::{
    ControlMessage, MsgFlags, MultiHeaders, SockaddrStorage, recvmmsg, sendmmsg,
};
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
/// Datagrams taken from the kernel, and answers handed back, per syscall.
pub const UDP_BATCH: usize = 32;
/// Room for any datagram, so an oversized one is parsed as what it is.
const DATAGRAM_MAX: usize = 65_536;

/// One socket's receive loop: up to [`UDP_BATCH`] queries per `recvmmsg`
/// (it returns as soon as one is there, with whatever else has queued up
/// behind it), their answers back in one `sendmmsg`. Under load that is
/// two syscalls per batch instead of two per query; a lone query is
/// answered as soon as it is read.
pub fn udp_loop(socket: std::net::UdpSocket, responder: Arc<Responder>, stop: Arc<AtomicBool>) {
    let fd = socket.as_raw_fd();
    let mut bufs: Vec<Box<[u8]>> = (0..UDP_BATCH)
        .map(|_| vec![0u8; DATAGRAM_MAX].into_boxed_slice())
        .collect();
    let mut outs: Vec<Vec<u8>> = (0..UDP_BATCH).map(|_| Vec::with_capacity(4096)).collect();
    // Separate headers for each direction: sending points the headers at
    // the answers' addresses, receiving at the headers' own storage. A
    // socket's family never changes, so the address length the kernel
    // leaves in the receive headers is right for the next call too.
    let mut receive = MultiHeaders::<SockaddrStorage>::preallocate(UDP_BATCH, None);
    let mut send = MultiHeaders::<SockaddrStorage>::preallocate(UDP_BATCH, None);
    // This batch's queries: buffer slot, length, sender.
    let mut queries: Vec<(usize, usize, SocketAddr)> = Vec::with_capacity(UDP_BATCH);
    let mut peers: Vec<Option<SockaddrStorage>> = Vec::with_capacity(UDP_BATCH);
    let mut counts = UdpCounts::default();
    while !stop.load(Ordering::Relaxed) {
        queries.clear();
        let received = {
            let mut slots = bufs.iter_mut();
            let mut iovs: [[IoSliceMut<'_>; 1]; UDP_BATCH] = std::array::from_fn(|_| {
                [IoSliceMut::new(slots.next().expect("a buffer per slot"))]
            });
            recvmmsg(
                fd,
                &mut receive,
                iovs.iter_mut(),
                MsgFlags::MSG_WAITFORONE,
                None,
            )
            .map(|received| {
                for (slot, msg) in received.enumerate() {
                    if let Some(peer) = msg.address.as_ref().and_then(socket_addr) {
                        queries.push((slot, msg.bytes, peer));
                    }
                }
            })
        };
        if let Err(e) = received {
            if !matches!(e, Errno::EAGAIN | Errno::EINTR) {
                tracing::warn!(error = %e, "DNS UDP receive failed");
                std::thread::sleep(Duration::from_millis(10));
            }
            counts.publish();
            continue;
        }
        counts.received += queries.len() as u64;
        // Answers go into `outs` in the order of `peers`.
        peers.clear();
        for &(slot, len, peer) in &queries {
            let out = &mut outs[peers.len()];
            let reply = std::panic::catch_unwind(AssertUnwindSafe(|| {
                responder.respond(&bufs[slot][..len], peer.ip(), Transport::Udp, out)
            }));
            match reply {
                Ok(Reply::Send) => peers.push(Some(SockaddrStorage::from(peer))),
                Ok(_) => {}
                Err(_) => tracing::error!(%peer, "bug: answering a DNS query panicked"),
            }
        }
        counts.answered += send_all(fd, &mut send, &outs[..peers.len()], &peers);
        if counts.received >= METRICS_EVERY {
            counts.publish();
        }
    }
    counts.publish();
}

/// Send `answers[i]` to `peers[i]`, as few `sendmmsg` calls as it takes;
/// an answer the kernel refuses (its error is the first of a call) is
/// skipped. How many were sent.
fn send_all(
    fd: RawFd,
    headers: &mut MultiHeaders<SockaddrStorage>,
    answers: &[Vec<u8>],
    peers: &[Option<SockaddrStorage>],
) -> u64 {
    let mut sent = 0;
    let mut next = 0;
    while next < answers.len() {
        let mut rest = answers[next..].iter();
        let iovs: [[IoSlice<'_>; 1]; UDP_BATCH] =
            std::array::from_fn(|_| [IoSlice::new(rest.next().map_or(&[][..], Vec::as_slice))]);
        let count = answers.len() - next;
        let no_control: [ControlMessage<'_>; 0] = [];
        match sendmmsg(
            fd,
            headers,
            &iovs[..count],
            &peers[next..],
            no_control,
            MsgFlags::empty(),
        ) {
            Ok(results) => {
                let n = results.count();
                sent += n as u64;
                // A short count: the next answer failed, and is the
                // first of the next call, whose error skips it.
                next += n.max(1);
            }
            Err(e) => {
                tracing::debug!(error = %e, "DNS UDP answer not sent");
                next += 1;
            }
        }
    }
    sent
}

/// Local counters, published to metrics in bulk.
#[derive(Default)]
struct UdpCounts {
    received: u64,
    answered: u64,
}

impl UdpCounts {
    fn publish(&mut self) {
        metrics::counter!("callsign_dns_queries_total", "transport" => "udp")
            .increment(self.received);
        metrics::counter!("callsign_dns_responses_total", "transport" => "udp")
            .increment(self.answered);
        (self.received, self.answered) = (0, 0);
    }
}

/// The sender of a datagram, from the kernel's address storage.
fn socket_addr(storage: &SockaddrStorage) -> Option<SocketAddr> {
    if let Some(v4) = storage.as_sockaddr_in() {
        return Some(SocketAddr::V4((*v4).into()));
    }
    storage
        .as_sockaddr_in6()
        .map(|v6| SocketAddr::V6((*v6).into()))
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
