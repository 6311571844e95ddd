//! Per-client token buckets for anonymous callers (anti-harvesting), and
//! the client address as seen through trusted proxies. A client is an IPv4
//! address or an IPv6 /64.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use dashmap::DashMap;
use ipnet::IpNet;

use crate::connections::Source;

struct Bucket {
    tokens: f64,
    last: Instant,
}

pub struct RateLimiter {
    rate: f64,
    burst: f64,
    /// Keyed like connection budgets: an IPv4 address or an IPv6 /64.
    buckets: DashMap<Source, Bucket>,
    trusted: Vec<IpNet>,
}

impl RateLimiter {
    /// `rate` requests per second with `burst` on top; rate 0 disables.
    pub fn new(rate: u32, burst: u32, trusted_proxies: &[IpNet]) -> RateLimiter {
        RateLimiter {
            rate: rate as f64,
            burst: (burst.max(1)) as f64,
            buckets: DashMap::new(),
            trusted: trusted_proxies.to_vec(),
        }
    }

    /// Take one token for `ip`; on refusal, the seconds until one is free.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        if self.rate == 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut bucket = self.buckets.entry(Source::of(ip)).or_insert(Bucket {
            tokens: self.burst,
            last: now,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / self.rate).ceil().max(1.0) as u64)
        }
    }

    /// Forget clients whose buckets are full again (bounded memory).
    pub fn sweep(&self) {
        // Limiting off: no bucket is ever made, and burst / 0 is no Duration.
        if self.rate == 0.0 {
            return;
        }
        let full_after = Duration::from_secs_f64(self.burst / self.rate);
        let now = Instant::now();
        self.buckets
            .retain(|_, b| now.duration_since(b.last) < full_after);
    }

    /// The client: the socket peer, or — only when the peer is a trusted
    /// proxy — the last address in `X-Forwarded-For` that is not one.
    pub fn client_ip(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.ip().to_canonical();
        if !self.is_trusted(peer) {
            return peer;
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|s| s.trim().parse::<IpAddr>().ok())
            .collect::<Vec<_>>();
        forwarded
            .into_iter()
            .rev()
            .find(|ip| !self.is_trusted(*ip))
            .unwrap_or(peer)
    }

    fn is_trusted(&self, ip: IpAddr) -> bool {
        self.trusted.iter().any(|n| n.contains(&ip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_refuses_past_the_burst_then_refills() {
        let limiter = RateLimiter::new(1000, 3, &[]);
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(limiter.check(ip).is_ok());
        }
        assert!(limiter.check(ip).is_err());
        std::thread::sleep(Duration::from_millis(5));
        assert!(limiter.check(ip).is_ok());
        let other: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(limiter.check(other).is_ok());
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        let key = |text: &str| Source::of(text.parse().unwrap());
        assert_eq!(
            key("2001:db8:1:2::1"),
            key("2001:db8:1:2:ffff:ffff:ffff:ffff")
        );
        assert_eq!(key("2001:db8:1:2:a:b:c:d"), key("2001:db8:1:2::"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_ne!(key("192.0.2.1"), key("192.0.2.2"));
        // IPv4-mapped IPv6 is the IPv4 client, not the ::ffff:0:0/64 bucket.
        assert_eq!(key("::ffff:192.0.2.1"), key("192.0.2.1"));
        assert_ne!(key("::ffff:192.0.2.1"), key("::ffff:192.0.2.2"));

        let limiter = RateLimiter::new(1, 2, &[]);
        for ip in ["2001:db8::1", "2001:db8::2"] {
            assert!(limiter.check(ip.parse().unwrap()).is_ok());
        }
        assert!(limiter.check("2001:db8::3".parse().unwrap()).is_err());
        assert!(limiter.check("2001:db8:0:1::3".parse().unwrap()).is_ok());
    }

    #[test]
    fn sweeping_with_limiting_off_is_a_no_op() {
        let limiter = RateLimiter::new(0, 20, &[]);
        assert!(limiter.check("192.0.2.1".parse().unwrap()).is_ok());
        limiter.sweep();
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let limiter = RateLimiter::new(1, 1, &["10.0.0.0/8".parse().unwrap()]);
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "198.51.100.7, 10.1.1.1".parse().unwrap());
        let proxy: SocketAddr = "10.0.0.5:1234".parse().unwrap();
        let stranger: SocketAddr = "203.0.113.9:1234".parse().unwrap();
        assert_eq!(
            limiter.client_ip(proxy, &headers),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            limiter.client_ip(stranger, &headers),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
    }
}
