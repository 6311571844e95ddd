//! What one expansion may spend on remote steps (`resolver.max_steps`,
//! `resolver.max_hosts`), and the `errors` entries for what the caps cut.

use std::collections::{BTreeMap, HashSet};

use super::{Step, StepFailure};
use crate::config::ResolverConfig;

/// A bound on one expansion's remote work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Cap {
    Steps,
    Hosts,
}

/// What one expansion may still spend on remote steps, and what the caps
/// cut off.
pub(super) struct Budget {
    steps_left: u32,
    max_steps: u32,
    hosts: HashSet<String>,
    max_hosts: usize,
    /// Per cap: the first target it cut off, and how many in all.
    cut: BTreeMap<Cap, (String, usize)>,
}

impl Budget {
    pub(super) fn new(config: &ResolverConfig) -> Budget {
        Budget {
            steps_left: config.max_steps,
            max_steps: config.max_steps,
            hosts: HashSet::new(),
            max_hosts: config.max_hosts as usize,
            cut: BTreeMap::new(),
        }
    }

    /// Spend a step on `step`, or record which cap refuses it.
    pub(super) fn spend(&mut self, step: &Step) -> bool {
        let refused = if self.steps_left == 0 {
            Some(Cap::Steps)
        } else if let Step::WebFinger { host, .. } = step
            && !self.hosts.contains(host)
            && self.hosts.len() >= self.max_hosts
        {
            Some(Cap::Hosts)
        } else {
            None
        };
        if let Some(cap) = refused {
            self.cut.entry(cap).or_insert((step.from(), 0)).1 += 1;
            return false;
        }
        self.steps_left -= 1;
        if let Step::WebFinger { host, .. } = step {
            self.hosts.insert(host.clone());
        }
        true
    }

    /// One failure per cap that cut the expansion short.
    pub(super) fn failures(&self) -> impl Iterator<Item = StepFailure> + '_ {
        self.cut.iter().map(|(cap, (first, count))| {
            let rule = match cap {
                Cap::Steps => format!(
                    "one lookup starts at most {} remote steps (resolver.max_steps)",
                    self.max_steps
                ),
                Cap::Hosts => format!(
                    "one lookup asks at most {} WebFinger hosts (resolver.max_hosts)",
                    self.max_hosts
                ),
            };
            let more = match count - 1 {
                0 => String::new(),
                n => format!(", nor {n} more"),
            };
            StepFailure {
                step: "limit".to_owned(),
                target: first.clone(),
                reason: format!("not looked up{more}: {rule}"),
            }
        })
    }
}
