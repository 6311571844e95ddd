//! ENUM: an authoritative DNS server for NAPTR records.
//!
//! (Interface stub; the server is being written.)

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::{TcpListener, UdpSocket};
use tokio_util::sync::CancellationToken;

use crate::config::DnsConfig;
use crate::directory::{Directory, Index};
use crate::model::Subject;

/// The DNS side of callsign: its zone index and its server.
pub struct Dns {
    config: DnsConfig,
}

/// Sockets bound before the server starts (port 0 works).
pub struct DnsListeners {
    pub udp: Vec<UdpSocket>,
    pub tcp: TcpListener,
}

impl DnsListeners {
    pub async fn bind(config: &DnsConfig) -> std::io::Result<DnsListeners> {
        let udp = UdpSocket::bind(config.listen).await?;
        let tcp = TcpListener::bind(udp.local_addr()?).await?;
        Ok(DnsListeners {
            udp: vec![udp],
            tcp,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.tcp.local_addr().expect("bound socket")
    }
}

struct NoIndex;
impl Index for NoIndex {
    fn apply(&self, _: i64, _: Option<&Subject>, _: Option<&Subject>) {}
}

impl Dns {
    pub fn new(config: &DnsConfig) -> anyhow::Result<Arc<Dns>> {
        Ok(Arc::new(Dns {
            config: config.clone(),
        }))
    }

    /// The index to register with the directory before it loads.
    pub fn index(&self) -> Arc<dyn Index> {
        Arc::new(NoIndex)
    }

    /// Serve until `shutdown`.
    pub async fn run(
        self: Arc<Self>,
        _directory: Arc<Directory>,
        _listeners: DnsListeners,
        shutdown: CancellationToken,
    ) -> anyhow::Result<()> {
        let _ = &self.config;
        shutdown.cancelled().await;
        Ok(())
    }

    /// The zone as an RFC 1035 master file.
    pub fn zone_file(&self, _directory: &Directory, zone: &str) -> anyhow::Result<String> {
        anyhow::bail!("zone {zone} export is not built yet")
    }
}
