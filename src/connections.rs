//! Connection budgets: how many connections a listener holds at once, in
//! total and per client source, so that one client cannot take every slot
//! and shut everyone else out. HTTP, HTTPS and DNS over TCP each admit
//! connections through one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use ipnet::IpNet;

/// Where connections come from, as counted against the per-source cap: an
/// IPv4 address, or an IPv6 /64 (one subscriber's allocation: counting
/// single IPv6 addresses would let one client open a budget per address).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    V4(u32),
    V6(u64),
}

impl Source {
    pub fn of(ip: IpAddr) -> Source {
        match ip.to_canonical() {
            IpAddr::V4(v4) => Source::V4(v4.into()),
            IpAddr::V6(v6) => Source::V6((u128::from(v6) >> 64) as u64),
        }
    }
}

/// Why a connection was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("every connection slot is taken")]
    Full,
    #[error("this client holds its share of connections")]
    SourceFull,
}

impl Refused {
    fn reason(self) -> &'static str {
        match self {
            Refused::Full => "total",
            Refused::SourceFull => "per_source",
        }
    }
}

/// A listener's budget. Admission takes one short lock per connection,
/// nothing per request or per query.
pub struct ConnectionBudget {
    /// Names the listener in metrics (`http`, `https`, `dns_tcp`, …).
    listener: &'static str,
    total: usize,
    per_source: usize,
    /// Sources counted in the total only (trusted proxies, which carry
    /// many clients on their connections).
    exempt: Vec<IpNet>,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    total: usize,
    by_source: HashMap<Source, usize>,
}

impl ConnectionBudget {
    pub fn new(
        listener: &'static str,
        total: usize,
        per_source: usize,
        exempt: Vec<IpNet>,
    ) -> Arc<ConnectionBudget> {
        Arc::new(ConnectionBudget {
            listener,
            total,
            per_source,
            exempt,
            open: Mutex::new(Open::default()),
        })
    }

    /// Admit a connection from `ip`; the slot is held until the permit drops.
    pub fn admit(self: &Arc<Self>, ip: IpAddr) -> Result<Permit, Refused> {
        let ip = ip.to_canonical();
        let source = (!self.exempt.iter().any(|n| n.contains(&ip))).then(|| Source::of(ip));
        let admitted = self.take(source);
        match admitted {
            Ok(()) => Ok(Permit {
                budget: self.clone(),
                source,
            }),
            Err(refused) => {
                metrics::counter!("callsign_connections_refused_total",
                    "listener" => self.listener, "reason" => refused.reason())
                .increment(1);
                Err(refused)
            }
        }
    }

    fn take(&self, source: Option<Source>) -> Result<(), Refused> {
        let mut open = self.open.lock().expect("budget lock");
        if open.total >= self.total {
            return Err(Refused::Full);
        }
        if let Some(source) = source {
            let held = open.by_source.entry(source).or_insert(0);
            if *held >= self.per_source {
                return Err(Refused::SourceFull);
            }
            *held += 1;
        }
        open.total += 1;
        self.publish(open.total);
        Ok(())
    }

    fn release(&self, source: Option<Source>) {
        let mut open = self.open.lock().expect("budget lock");
        open.total -= 1;
        if let Some(source) = source
            && let Some(held) = open.by_source.get_mut(&source)
        {
            *held -= 1;
            if *held == 0 {
                // Forget the source, so the map holds only live clients.
                open.by_source.remove(&source);
            }
        }
        self.publish(open.total);
    }

    fn publish(&self, open: usize) {
        metrics::gauge!("callsign_connections_open", "listener" => self.listener).set(open as f64);
    }

    /// Connections held now.
    pub fn open(&self) -> usize {
        self.open.lock().expect("budget lock").total
    }
}

/// One admitted connection's slot.
pub struct Permit {
    budget: Arc<ConnectionBudget>,
    source: Option<Source>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.budget.release(self.source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn caps_each_source_and_the_total_and_frees_slots_on_drop() {
        let budget = ConnectionBudget::new("test", 3, 2, Vec::new());
        let a1 = budget.admit(ip("192.0.2.1")).unwrap();
        let _a2 = budget.admit(ip("192.0.2.1")).unwrap();
        assert_eq!(
            budget.admit(ip("192.0.2.1")).err(),
            Some(Refused::SourceFull)
        );
        let _b1 = budget.admit(ip("192.0.2.2")).unwrap();
        assert_eq!(budget.admit(ip("192.0.2.3")).err(), Some(Refused::Full));
        drop(a1);
        assert_eq!(budget.open(), 2);
        let _c1 = budget.admit(ip("192.0.2.3")).unwrap();
        assert!(budget.open.lock().unwrap().by_source.len() <= 3);
    }

    #[test]
    fn ipv6_clients_count_by_64_and_mapped_ipv4_as_ipv4() {
        let budget = ConnectionBudget::new("test", 10, 1, Vec::new());
        let _a = budget.admit(ip("2001:db8:1:2::1")).unwrap();
        assert_eq!(
            budget.admit(ip("2001:db8:1:2::ffff")).err(),
            Some(Refused::SourceFull)
        );
        let _b = budget.admit(ip("2001:db8:1:3::1")).unwrap();
        let _c = budget.admit(ip("192.0.2.1")).unwrap();
        assert_eq!(
            budget.admit(ip("::ffff:192.0.2.1")).err(),
            Some(Refused::SourceFull)
        );
    }

    #[test]
    fn exempt_sources_count_in_the_total_only() {
        let budget = ConnectionBudget::new("test", 3, 1, vec!["10.0.0.0/8".parse().unwrap()]);
        let _p: Vec<_> = (0..3)
            .map(|_| budget.admit(ip("10.1.2.3")).unwrap())
            .collect();
        assert_eq!(budget.admit(ip("10.1.2.3")).err(), Some(Refused::Full));
        assert_eq!(budget.open.lock().unwrap().by_source.len(), 0);
    }
}
