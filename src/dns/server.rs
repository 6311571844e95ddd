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

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use super::answer::{Reply, Responder, Transport};
use super::xfr;

/// How often an idle UDP loop looks at the stop flag.
pub const UDP_POLL: Duration = Duration::from_millis(200);
/// Concurrent TCP connections; more are closed at once.
const MAX_TCP: usize = 512;
/// A TCP connection idle this long is closed (RFC 7766 suggests seconds).
const TCP_IDLE: Duration = Duration::from_secs(10);
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

pub async fn serve_tcp(
    listener: TcpListener,
    responder: Arc<Responder>,
    shutdown: CancellationToken,
) {
    let slots = Arc::new(Semaphore::new(MAX_TCP));
    loop {
        let accepted = tokio::select! {
            _ = shutdown.cancelled() => return,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    tracing::debug!(%peer, "too many DNS TCP connections; closing");
                    continue;
                };
                let responder = responder.clone();
                let shutdown = shutdown.clone();
                tokio::spawn(async move {
                    connection(stream, peer, &responder, shutdown).await;
                    drop(slot);
                });
            }
            Err(e) => {
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
    shutdown: CancellationToken,
) {
    let _ = stream.set_nodelay(true);
    let ip: IpAddr = peer.ip();
    let mut msg = Vec::new();
    let mut out = Vec::with_capacity(4096);
    let mut frame = Vec::with_capacity(4096);
    loop {
        let read = async {
            let len = stream.read_u16().await? as usize;
            msg.resize(len, 0);
            stream.read_exact(&mut msg).await
        };
        let read = tokio::select! {
            _ = shutdown.cancelled() => return,
            read = tokio::time::timeout(TCP_IDLE, read) => read,
        };
        if !matches!(read, Ok(Ok(_))) {
            return;
        }
        metrics::counter!("callsign_dns_queries_total", "transport" => "tcp").increment(1);
        let written = match responder.respond(&msg, ip, Transport::Tcp, &mut out) {
            Reply::Send => {
                frame.clear();
                frame.extend_from_slice(&(out.len() as u16).to_be_bytes());
                frame.extend_from_slice(&out);
                stream.write_all(&frame).await
            }
            Reply::Nothing => continue,
            Reply::Transfer { zone, ixfr_from } => {
                xfr::transfer(responder, &msg, zone, ixfr_from, &mut stream).await
            }
        };
        if let Err(e) = written {
            tracing::debug!(%peer, error = %e, "DNS TCP client went away");
            return;
        }
    }
}
