//! ENUM DNS through real sockets: the wire rules, live changes, zone
//! transfers and NOTIFY, and real DNS software (Knot, zone checkers) as
//! peers. One test binary, one module per area.

#[path = "../support/mod.rs"]
mod support;

mod block_equivalence;
mod blocks;
mod caller;
mod dnssec;
mod kamailio;
mod knot;
mod live;
mod ported;
mod rollover;
mod tsig;
mod wire;
mod xfr;
