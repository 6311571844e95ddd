//! Serving the router over plain TCP and over TLS, both through one
//! function and one connection budget, so that neither listener can be held
//! open by clients that never finish a request.
//!
//! What bounds a connection:
//! - admission: a total cap and a per-client cap ([`ConnectionBudget`]);
//!   a connection over either is closed at once;
//! - until its first request, `http.header_read_timeout_secs` (this also
//!   covers HTTP/2 prior-knowledge detection, which hyper does not time);
//!   the TLS handshake gets as long;
//! - HTTP/1 request heads, the first and every later one on a keep-alive
//!   connection: the same header timeout (hyper's `header_read_timeout`);
//! - with no request in flight, a connection on which no byte moves for
//!   `http.idle_timeout_secs` is closed (idle HTTP/2 connections, and
//!   clients that stop reading a response);
//! - requests themselves: `http.request_timeout_secs` (the router's layer).

use std::future::{Future, Ready};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use anyhow::Context as _;
use axum_server::accept::Accept;
use axum_server::{Handle, Server};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::{Instant, Sleep};
use tokio_util::sync::CancellationToken;

use crate::config::HttpConfig;
use crate::connections::{ConnectionBudget, Permit};
use ipnet::IpNet;

/// How every HTTP and HTTPS connection is bounded.
#[derive(Clone)]
pub struct ConnectionLimits {
    budget: Arc<ConnectionBudget>,
    header_read: Duration,
    idle: Duration,
    /// How long shutdown waits for requests in flight.
    drain: Duration,
}

impl ConnectionLimits {
    /// One budget for both listeners: file descriptors are the process's.
    /// Trusted proxies carry many clients, so they count in the total only.
    pub fn new(http: &HttpConfig, trusted_proxies: &[IpNet]) -> ConnectionLimits {
        ConnectionLimits {
            budget: ConnectionBudget::new(
                "http",
                http.max_connections,
                http.max_connections_per_ip,
                trusted_proxies.to_vec(),
            ),
            header_read: Duration::from_secs(http.header_read_timeout_secs),
            idle: Duration::from_secs(http.idle_timeout_secs),
            drain: Duration::from_secs(http.request_timeout_secs),
        }
    }

    /// The acceptor that admits connections; innermost, so a refused
    /// client costs no TLS handshake.
    pub fn acceptor(&self) -> Admission {
        Admission {
            budget: self.budget.clone(),
            idle: self.idle,
        }
    }

    /// How long a TLS client has to finish its handshake.
    pub fn handshake_timeout(&self) -> Duration {
        self.header_read
    }
}

/// Serve `router` over plain HTTP (HTTP/1.1, and HTTP/2 with prior
/// knowledge) on `listener`.
pub async fn serve_plain(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: &ConnectionLimits,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let server = axum_server::from_tcp(listener.into_std()?)?.acceptor(limits.acceptor());
    serve(server, router, limits, shutdown, "HTTP").await
}

/// Serve `router` on `server` (plain or TLS) until `shutdown`, then let
/// requests in flight finish for up to the request timeout.
pub async fn serve<A>(
    mut server: Server<SocketAddr, A>,
    router: axum::Router,
    limits: &ConnectionLimits,
    shutdown: CancellationToken,
    listener: &'static str,
) -> anyhow::Result<()>
where
    A: Accept<TcpStream, ConnectionService> + Clone + Send + Sync + 'static,
    A::Stream: AsyncRead + AsyncWrite + Unpin + Send,
    A::Service:
        axum_server::service::SendService<axum::http::Request<hyper::body::Incoming>> + Send,
    A::Future: Send,
{
    server
        .http_builder()
        .http1()
        .header_read_timeout(limits.header_read);
    let handle = Handle::new();
    let stopper = handle.clone();
    let drain = limits.drain;
    tokio::spawn(async move {
        shutdown.cancelled().await;
        stopper.graceful_shutdown(Some(drain));
    });
    server
        .handle(handle)
        .first_request_timeout(limits.header_read)
        .accept_error_handler(move |peer, error| match peer {
            // Over the budget (or a failed handshake): that client only.
            Some(peer) => tracing::debug!(%peer, %error, listener, "connection closed"),
            // The listener itself (EMFILE, ENFILE): the server backs off.
            None => tracing::warn!(%error, listener, "accept failed; retrying shortly"),
        })
        .serve(router.into_make_service_with_connect_info::<SocketAddr>())
        .await
        .with_context(|| format!("{listener} server"))
}

/// The service of one connection, as axum makes it.
pub type ConnectionService =
    axum::middleware::AddExtension<axum::Router, axum::extract::ConnectInfo<SocketAddr>>;

/// Admits a connection through the budget and watches it for idleness.
#[derive(Clone)]
pub struct Admission {
    budget: Arc<ConnectionBudget>,
    idle: Duration,
}

impl<S> Accept<TcpStream, S> for Admission {
    type Stream = Watched<TcpStream>;
    type Service = Counted<S>;
    type Future = Ready<io::Result<(Watched<TcpStream>, Counted<S>)>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        std::future::ready(self.admit(stream, service))
    }
}

impl Admission {
    fn admit<S>(
        &self,
        stream: TcpStream,
        service: S,
    ) -> io::Result<(Watched<TcpStream>, Counted<S>)> {
        let peer = stream.peer_addr()?;
        let permit = self
            .budget
            .admit(peer.ip())
            .map_err(|refused| io::Error::new(io::ErrorKind::ConnectionRefused, refused))?;
        let _ = stream.set_nodelay(true);
        let requests = Arc::new(AtomicUsize::new(0));
        let stream = Watched {
            inner: stream,
            idle: self.idle,
            timer: Box::pin(tokio::time::sleep(self.idle)),
            last: Instant::now(),
            requests: requests.clone(),
            _permit: permit,
        };
        Ok((
            stream,
            Counted {
                inner: service,
                requests,
            },
        ))
    }
}

/// A connection's byte stream that ends itself once nothing has moved for
/// `idle` while no request is in flight, and that holds the connection's
/// slot in the budget until it is dropped.
pub struct Watched<S> {
    inner: S,
    idle: Duration,
    timer: Pin<Box<Sleep>>,
    /// When a byte last moved either way.
    last: Instant,
    /// Requests in flight on this connection.
    requests: Arc<AtomicUsize>,
    _permit: Permit,
}

impl<S> Watched<S> {
    /// Ready once the connection has been idle for too long.
    fn poll_expired(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let deadline = self.last + self.idle;
        if self.timer.deadline() != deadline {
            self.timer.as_mut().reset(deadline);
        }
        self.timer.as_mut().poll(cx)
    }

    fn moved(&mut self, bytes: usize) {
        if bytes > 0 {
            self.last = Instant::now();
        }
    }

    /// A write that cannot proceed: fail it once the client has read
    /// nothing for too long (it stopped reading the response).
    fn stalled<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        ready!(self.poll_expired(cx));
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "the client stopped reading",
        )))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Pending => {
                // A request being answered may take its time: only a
                // connection with nothing in flight is idle.
                if this.requests.load(Ordering::Acquire) > 0 {
                    return Poll::Pending;
                }
                // Idle too long: end of stream, and the server closes it.
                ready!(this.poll_expired(cx));
                Poll::Ready(Ok(()))
            }
            done => {
                this.moved(buf.filled().len() - before);
                done
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Pending => this.stalled(cx),
            done => {
                if let Poll::Ready(Ok(n)) = done {
                    this.moved(n);
                }
                done
            }
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write_vectored(cx, bufs) {
            Poll::Pending => this.stalled(cx),
            done => {
                if let Poll::Ready(Ok(n)) = done {
                    this.moved(n);
                }
                done
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// A connection's service, counting its requests in flight.
#[derive(Clone)]
pub struct Counted<S> {
    inner: S,
    requests: Arc<AtomicUsize>,
}

impl<S, R> tower::Service<R> for Counted<S>
where
    S: tower::Service<R>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = InFlight<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        self.requests.fetch_add(1, Ordering::AcqRel);
        InFlight {
            inner: self.inner.call(request),
            _busy: Busy(self.requests.clone()),
        }
    }
}

/// Counts a request out of its connection when dropped.
struct Busy(Arc<AtomicUsize>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

pin_project_lite::pin_project! {
    /// A request's response future, in flight until it is done or dropped.
    pub struct InFlight<F> {
        #[pin]
        inner: F,
        _busy: Busy,
    }
}

impl<F: Future> Future for InFlight<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.project().inner.poll(cx)
    }
}
