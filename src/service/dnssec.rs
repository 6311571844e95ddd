//! [`DnssecService`]: the signing keys of the zones `dns.dnssec` names,
//! made on first use and shared through the database, for the DNS server,
//! the admin API and the command line alike.

use std::sync::Arc;

use anyhow::Context;

use crate::config::DnsConfig;
use crate::dns::keys::{self, ZoneKey};
use crate::store::Store;
use crate::store::dnssec::ACTIVE;

/// Finds (or makes) zone keys. Cheap to clone.
#[derive(Clone)]
pub struct DnssecService {
    store: Arc<dyn Store>,
    config: Arc<DnsConfig>,
}

/// A signed zone's apex, as the store names it: lowercase, no final dot.
pub fn zone_name(zone: &str) -> String {
    zone.trim_end_matches('.').to_ascii_lowercase()
}

impl DnssecService {
    pub fn new(store: Arc<dyn Store>, config: &DnsConfig) -> DnssecService {
        DnssecService {
            store,
            config: Arc::new(config.clone()),
        }
    }

    /// Is `zone` one of `dns.dnssec`?
    pub fn is_signed(&self, zone: &str) -> bool {
        let zone = zone_name(zone);
        self.config.dnssec.iter().any(|z| zone_name(&z.to_string()) == zone)
    }

    /// The zones `dns.dnssec` names, as the store names them.
    pub fn zones(&self) -> Vec<String> {
        self.config.dnssec.iter().map(|z| zone_name(&z.to_string())).collect()
    }

    /// The key `zone` signs with; made and stored when the zone has none
    /// (replicas starting at once end up with the first writer's key).
    /// None when the zone is not signed.
    pub async fn active_key(&self, zone: &str) -> anyhow::Result<Option<ZoneKey>> {
        if !self.is_signed(zone) {
            return Ok(None);
        }
        let zone = zone_name(zone);
        let mut stored = self.store.dnssec_keys(&zone).await?;
        if stored.is_empty() {
            let candidate = keys::generate(&zone, self.config.dnssec_algorithm)?;
            stored = self.store.ensure_dnssec_key("dnssec", candidate).await?;
        }
        let active = stored
            .iter()
            .rev()
            .find(|k| k.state == ACTIVE)
            .with_context(|| format!("no active DNSSEC key stored for {zone}"))?;
        Ok(Some(ZoneKey::new(active)?))
    }
}
