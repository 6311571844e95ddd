//! The HTTPS listener (rustls), beside the plain one for deployments that
//! terminate TLS in a proxy. RFC 7033 requires HTTPS for WebFinger.

use anyhow::Context;
use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::serve::{self, ConnectionLimits};
use crate::config::TlsConfig;

/// Make sure one rustls crypto provider is installed (two crates enabling
/// different providers would otherwise make rustls panic at first use).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

/// Serve `router` over TLS (ALPN offers h2 and http/1.1), bounded like
/// the plain listener: the handshake is the first thing a client must
/// finish within the header timeout.
pub async fn serve(
    listener: TcpListener,
    tls: &TlsConfig,
    router: axum::Router,
    limits: &ConnectionLimits,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    install_crypto_provider();
    let (cert, key) = tls
        .cert
        .as_ref()
        .zip(tls.key.as_ref())
        .context("https.listen needs tls.cert and tls.key")?;
    let config = RustlsConfig::from_pem_file(cert, key)
        .await
        .with_context(|| {
            format!(
                "loading TLS certificate {} and key {}",
                cert.display(),
                key.display()
            )
        })?;
    let acceptor = RustlsAcceptor::new(config)
        .handshake_timeout(limits.handshake_timeout())
        .acceptor(limits.acceptor());
    let server = axum_server::from_tcp(listener.into_std()?)?.acceptor(acceptor);
    serve::serve(server, router, limits, shutdown, "HTTPS").await
}
