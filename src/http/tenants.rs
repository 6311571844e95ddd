//! Tenant isolation: which subject domains each `Host` serves, on every
//! HTTP channel that answers from the directory (WebFinger, lookup).
//!
//! Configured as `host=domain1 domain2` entries. With none, every Host
//! serves every domain. A Host that is not listed serves nothing. `tel:`
//! resources have no host of their own: they are answered on every Host
//! whose tenant holds the subject that owns the number.
//!
//! Channels read the directory through a [`TenantView`], so the rule is
//! decided here once: a subject the Host may not see is not there at all,
//! and answers exactly like an unknown key.
//!
//! A number of a block without an owner lives in no subject domain, so no
//! tenant holds it: with tenants configured, it is answered on no Host
//! (DNS, which has no Host, still publishes it). Give the block an owner
//! to serve its numbers under that owner's tenant.

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::Tenant;
use crate::directory::Directory;
use crate::model::{Domain, DomainProfile, Subject};
use crate::resolve::Local;

#[derive(Debug, Default)]
pub struct Tenants {
    by_host: HashMap<String, Vec<Domain>>,
}

impl Tenants {
    /// The domains each listed Host serves; a Host listed twice keeps its
    /// last entry.
    pub fn new(entries: &[Tenant]) -> Tenants {
        let by_host = entries
            .iter()
            .map(|t| (t.host.clone(), t.domains.clone()))
            .collect();
        Tenants { by_host }
    }

    /// May a request for `host` see a subject of `domain`?
    pub fn serves(&self, host: Option<&str>, domain: &str) -> bool {
        if self.by_host.is_empty() {
            return true;
        }
        host.and_then(|h| self.by_host.get(h))
            .is_some_and(|domains| domains.iter().any(|d| d.as_str() == domain))
    }

    /// The directory as a request naming `host` (lower-case, no port, no
    /// trailing dot) sees it.
    pub fn view<'a>(&'a self, directory: &'a Directory, host: Option<String>) -> TenantView<'a> {
        TenantView {
            directory,
            tenants: self,
            host,
        }
    }
}

/// The subjects one request's Host may see.
pub struct TenantView<'a> {
    directory: &'a Directory,
    tenants: &'a Tenants,
    host: Option<String>,
}

impl TenantView<'_> {
    /// The subject owning `key` (or the number of a block it falls in), if
    /// this Host serves its domain; no privacy applied yet.
    pub fn get(&self, key: &str) -> Option<Arc<Subject>> {
        self.directory.find(key).filter(|s| {
            if s.is_unowned_number() {
                self.tenants.by_host.is_empty()
            } else {
                self.tenants.serves(self.host.as_deref(), s.domain.as_str())
            }
        })
    }
}

#[async_trait::async_trait]
impl Local for TenantView<'_> {
    async fn find(&self, key: &str) -> Option<Arc<Subject>> {
        self.get(key)
    }

    /// Every domain of the directory stays ours whatever the Host: its
    /// addresses are answered locally (here: not found), never fetched.
    async fn serves(&self, domain: &str) -> bool {
        self.directory.holds_domain(domain)
    }

    fn domain_profile(&self, domain: &str) -> Option<Arc<DomainProfile>> {
        self.directory.domain_profile(domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ListEntry;

    #[test]
    fn hosts_see_only_their_domains() {
        let t = Tenants::new(&[
            Tenant::parse_entry("a.example=example.com example.org").unwrap(),
            Tenant::parse_entry("b.example=example.net").unwrap(),
        ]);
        assert!(t.serves(Some("a.example"), "example.org"));
        assert!(!t.serves(Some("a.example"), "example.net"));
        assert!(!t.serves(Some("c.example"), "example.com"));
        assert!(!t.serves(None, "example.com"));
        assert!(Tenants::default().serves(None, "example.com"));
    }
}
