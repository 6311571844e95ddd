//! `[webfinger]`: caching, rate limits, trusted proxies and tenants of
//! WebFinger answers.

use serde::{Deserialize, Serialize};

use super::{Cidrs, List, Tenant};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WebFingerConfig {
    /// `Cache-Control: max-age` of WebFinger answers, seconds.
    pub max_age: u32,
    /// Anonymous requests per second allowed per client (an IPv4 address or
    /// an IPv6 /64); 0 turns limiting off.
    pub rate_per_second: u32,
    /// Burst above the steady rate.
    pub burst: u32,
    /// Proxies whose `X-Forwarded-For` is trusted (CIDRs).
    pub trusted_proxies: Cidrs,
    /// `host=domain1 domain2` entries: which subject domains each Host
    /// serves, on WebFinger and lookup alike. Empty: every Host serves
    /// every domain.
    pub tenants: List<Tenant>,
    /// Relation types of address links: this base followed by the kind
    /// (`tel`, `sip`, `xmpp`, `mailto`, `h323`); https addresses are
    /// `http://webfinger.net/rel/profile-page` whatever the base.
    pub address_rel_base: String,
    /// Also link every address under the relation types of earlier
    /// versions (`https://callsign.invalid/rel/<kind>`), for clients that
    /// filter on them.
    pub legacy_rels: bool,
    /// Where this deployment is reached from outside (`https://host`, no
    /// path): the base of the vCard URLs linked from JRDs (`alternate`,
    /// `text/vcard`) and published in ENUM (`E2U+vcard`). Unset: neither.
    pub public_base_url: Option<String>,
    /// Anonymous answers kept as bytes until the directory changes: about
    /// this many MiB of them; 0: none kept.
    pub answer_cache_mb: usize,
}

impl Default for WebFingerConfig {
    fn default() -> Self {
        WebFingerConfig {
            max_age: 300,
            answer_cache_mb: 64,
            rate_per_second: 20,
            burst: 50,
            trusted_proxies: Cidrs::default(),
            tenants: List::default(),
            address_rel_base: crate::model::jrd::DEFAULT_REL_BASE.to_owned(),
            legacy_rels: false,
            public_base_url: None,
        }
    }
}
