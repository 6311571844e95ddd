//! Response rate limiting per client network (/24 for IPv4, /56 for
//! IPv6): at most `rate` UDP answers per second each. Past the limit every
//! second answer "slips" out truncated (a real client retries over TCP,
//! which is not limited) and the others are dropped, so a spoofed victim
//! receives little and a real resolver still gets through.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

const SHARDS: usize = 16;
/// Past this many tracked networks in a shard, idle ones are forgotten.
const SHARD_CAPACITY: usize = 16_384;

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Slip,
    Drop,
}

pub struct Rrl {
    rate: u32,
    started: Instant,
    shards: [Mutex<HashMap<u64, Window>>; SHARDS],
}

#[derive(Clone, Copy)]
struct Window {
    second: u32,
    answers: u32,
}

fn network(ip: IpAddr) -> u64 {
    match ip {
        IpAddr::V4(v4) => (u32::from(v4) >> 8) as u64,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => (u32::from(v4) >> 8) as u64,
            None => (1 << 63) | ((u128::from(v6) >> 72) as u64),
        },
    }
}

impl Rrl {
    /// `None` when `rate` is 0 (limiting off).
    pub fn new(rate: u32) -> Option<Rrl> {
        (rate > 0).then(|| Rrl {
            rate,
            started: Instant::now(),
            shards: std::array::from_fn(|_| Mutex::new(HashMap::new())),
        })
    }

    pub fn check(&self, peer: IpAddr) -> Verdict {
        let net = network(peer);
        let now = self.started.elapsed().as_secs() as u32;
        let shard = (net.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) as usize % SHARDS;
        let mut windows = self.shards[shard].lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() >= SHARD_CAPACITY {
            windows.retain(|_, w| w.second == now);
        }
        let window = windows.entry(net).or_insert(Window {
            second: now,
            answers: 0,
        });
        if window.second != now {
            *window = Window {
                second: now,
                answers: 0,
            };
        }
        window.answers = window.answers.saturating_add(1);
        match window.answers.checked_sub(self.rate) {
            None | Some(0) => Verdict::Pass,
            Some(over) if over % 2 == 1 => Verdict::Slip,
            Some(_) => Verdict::Drop,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_network_and_slips_every_other() {
        let rrl = Rrl::new(3).unwrap();
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let same_net: IpAddr = "192.0.2.200".parse().unwrap();
        let other: IpAddr = "198.51.100.1".parse().unwrap();
        let verdicts: Vec<_> = (0..3).map(|_| rrl.check(a)).collect();
        assert_eq!(verdicts, [Verdict::Pass, Verdict::Pass, Verdict::Pass]);
        assert_eq!(rrl.check(same_net), Verdict::Slip);
        assert_eq!(rrl.check(a), Verdict::Drop);
        assert_eq!(rrl.check(other), Verdict::Pass);
        assert!(Rrl::new(0).is_none());
    }
}
