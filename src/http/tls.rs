//! The HTTPS listener (rustls), beside the plain one for deployments that
//! terminate TLS in a proxy. RFC 7033 requires HTTPS for WebFinger.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum_server::Handle;
use axum_server::tls_rustls::RustlsConfig;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::config::TlsConfig;

/// Make sure one rustls crypto provider is installed (two crates enabling
/// different providers would otherwise make rustls panic at first use).
pub fn install_crypto_provider() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
}

pub async fn serve(
    listener: TcpListener,
    tls: &TlsConfig,
    router: axum::Router,
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
    let handle = Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.cancelled().await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    axum_server::from_tcp_rustls(listener.into_std()?, config)?
        .handle(handle)
        .serve(router.into_make_service_with_connect_info::<SocketAddr>())
        .await
        .context("HTTPS server")
}
