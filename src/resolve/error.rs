//! Why a remote step failed. A negative answer (no such name, 404) is not
//! a failure; these are what a lookup answer lists in `errors[].reason`,
//! by their `Display` text.

use super::naptr::MAX_HOPS;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    /// The DNS query itself failed (timeout, SERVFAIL, refused).
    #[error("DNS: {0}")]
    Dns(String),
    /// NAPTR rules led through more non-terminal hops than allowed.
    #[error("more than {MAX_HOPS} non-terminal NAPTR hops")]
    TooManyHops,
    #[error("bad URL {url}: {reason}")]
    BadUrl { url: String, reason: String },
    /// The SSRF guard refused the target before connecting.
    #[error("refused: {0}")]
    Refused(String),
    /// The HTTP exchange failed: what went wrong, then its causes.
    #[error("{0}")]
    Request(String),
    /// The server answered with a status other than success, 404 or 410.
    #[error("HTTP {0}")]
    Status(reqwest::StatusCode),
    #[error("answer larger than {0} bytes")]
    TooLarge(usize),
    #[error("not a JRD: {0}")]
    NotJrd(String),
    #[error("no answer within the step timeout ({0} ms)")]
    StepTimeout(u64),
    #[error("not finished within the total timeout ({0} ms)")]
    TotalTimeout(u64),
    #[error("not looked up: the depth limit ({0}) was reached")]
    DepthLimit(u32),
}
