//! [`DnssecService`]: the signing keys of the zones `dns.dnssec` names,
//! made on first use and shared through the database, for the DNS server,
//! the admin API and the command line alike.

use std::sync::Arc;

use anyhow::Context;

use crate::config::DnsConfig;
use crate::dns::keys::{self, ZoneKey, ZoneKeys};
use crate::store::{DnssecKey, Store};

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
        self.config
            .dnssec
            .iter()
            .any(|z| zone_name(&z.to_string()) == zone)
    }

    /// The zones `dns.dnssec` names, as the store names them.
    pub fn zones(&self) -> Vec<String> {
        self.config
            .dnssec
            .iter()
            .map(|z| zone_name(&z.to_string()))
            .collect()
    }

    /// The key `zone` signs with now; see [`DnssecService::keys`].
    pub async fn active_key(&self, zone: &str) -> anyhow::Result<Option<ZoneKey>> {
        let Some(keys) = self.keys(zone).await? else {
            return Ok(None);
        };
        let active = keys.into_active();
        Ok(Some(active.with_context(|| {
            format!("no active DNSSEC key stored for {zone}")
        })?))
    }

    /// `zone`'s keys and their states now; a first key is made and stored
    /// when the zone has none (replicas starting at once end up with the
    /// first writer's key). None when the zone is not signed.
    pub async fn keys(&self, zone: &str) -> anyhow::Result<Option<ZoneKeys>> {
        let Some(stored) = self.stored(zone).await? else {
            return Ok(None);
        };
        Ok(Some(ZoneKeys::at(&stored, chrono::Utc::now())?))
    }

    async fn stored(&self, zone: &str) -> anyhow::Result<Option<Vec<DnssecKey>>> {
        if !self.is_signed(zone) {
            return Ok(None);
        }
        let zone = zone_name(zone);
        let mut stored = self.store.dnssec_keys(&zone).await?;
        if stored.is_empty() {
            let candidate = keys::generate(&zone, self.config.dnssec_algorithm)?;
            stored = self.store.ensure_dnssec_key("dnssec", candidate).await?;
        }
        Ok(Some(stored))
    }

    /// Start a roll of `zone`'s key to a new one of the same algorithm (a
    /// change of algorithm would need every RRset signed twice, RFC 6781
    /// §4.1.4): published now, signing after the DNSKEY TTL and the margin,
    /// the old key removed the zone's TTL and the margin later. The store
    /// refuses a roll while one is under way (a `StoreError::Conflict`).
    /// The zone's keys as they are now; None when it is not signed.
    pub async fn roll(&self, actor: &str, zone: &str) -> anyhow::Result<Option<ZoneKeys>> {
        let Some(stored) = self.stored(zone).await? else {
            return Ok(None);
        };
        let newest = stored
            .iter()
            .rfind(|k| k.removed_at.is_none())
            .with_context(|| format!("no DNSSEC key of {zone} without a removal time"))?;
        let algorithm = u8::try_from(newest.algorithm).unwrap_or(self.config.dnssec_algorithm);
        let successor = keys::generate(&newest.zone, algorithm)?;
        let timing = self.config.roll_timing();
        let rolled = self.store.roll_dnssec_key(actor, successor, timing).await?;
        Ok(Some(ZoneKeys::at(&rolled, chrono::Utc::now())?))
    }
}
