//! `[http]`, `[https]` and `[tls]`: the HTTP listeners and their limits.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Plain-HTTP listener (port 0 picks a free port).
    pub listen: SocketAddr,
    /// Largest JSON request body accepted, in bytes.
    pub body_limit: usize,
    /// Largest NDJSON import body accepted over HTTP, in bytes.
    pub import_limit: u64,
    /// Per-request timeout, in seconds.
    pub request_timeout_secs: u64,
    /// Connections held at once over HTTP and HTTPS together; more are
    /// closed as they arrive.
    pub max_connections: usize,
    /// Connections held at once per client IP (IPv6: per /64). Trusted
    /// proxies (`webfinger.trusted_proxies`) count in the total only.
    pub max_connections_per_ip: usize,
    /// Time a client has to send a complete request head (and to finish a
    /// TLS handshake), seconds; also how long an idle HTTP/1 keep-alive
    /// connection waits for its next request.
    pub header_read_timeout_secs: u64,
    /// A connection with no request in flight on which nothing moves for
    /// this long is closed (idle HTTP/2, clients that stop reading), seconds.
    pub idle_timeout_secs: u64,
    /// Serve the admin console under `/admin` on these listeners.
    pub console: bool,
    /// How long a console session lasts after sign-in, seconds.
    pub console_session_secs: u64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct HttpsConfig {
    /// HTTPS listener; needs `tls.cert` and `tls.key`.
    pub listen: Option<SocketAddr>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    /// PEM certificate chain.
    pub cert: Option<PathBuf>,
    /// PEM private key.
    pub key: Option<PathBuf>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            listen: ([127, 0, 0, 1], 8080).into(),
            body_limit: 1024 * 1024,
            import_limit: 4 * 1024 * 1024 * 1024,
            request_timeout_secs: 300,
            max_connections: 10_000,
            max_connections_per_ip: 256,
            header_read_timeout_secs: 10,
            idle_timeout_secs: 60,
            console: true,
            console_session_secs: 8 * 3600,
        }
    }
}
