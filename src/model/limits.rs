//! How large one subject may grow (the `[limits]` configuration section).
//!
//! A subject's size is not only its own: every number it publishes carries
//! a NAPTR for every address of the subject, so its records in each zone
//! (and in every transfer) grow as numbers × addresses. Unbounded, one
//! subject with 1,000 numbers put a million records in the zone.

use serde::{Deserialize, Serialize};

use super::address::Kind;
use super::input::FieldError;
use super::subject::SubjectAddress;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Most addresses one subject may list, of every kind together.
    pub addresses_per_subject: usize,
    /// Most `tel:` numbers one subject may list. With the defaults a
    /// subject publishes at most 16 × 64 = 1,024 NAPTRs per zone.
    pub numbers_per_subject: usize,
    /// Most digits a number block without an explicit `length` may leave
    /// open after its prefix: such a block covers every length up to 15
    /// digits, so a short prefix would claim a whole country.
    pub block_free_digits: usize,
}

impl Default for Limits {
    /// 64 addresses is far above any person's (a handful of numbers, SIP,
    /// XMPP and mail addresses) and keeps a subject's JSON around 16 KB,
    /// well under the default body limit; 16 numbers covers work, home,
    /// mobile and several direct-dial extensions.
    fn default() -> Self {
        Limits {
            addresses_per_subject: 64,
            numbers_per_subject: 16,
            block_free_digits: 6,
        }
    }
}

impl Limits {
    /// The one check of a subject's final address list, wherever it is
    /// written from (create, merge patch, add address, import).
    pub fn check(&self, addresses: &[SubjectAddress]) -> Result<(), FieldError> {
        if addresses.len() > self.addresses_per_subject {
            return Err(FieldError::new(
                "addresses",
                format!(
                    "a subject lists at most {} addresses (limits.addresses_per_subject); this one would list {}",
                    self.addresses_per_subject,
                    addresses.len()
                ),
            ));
        }
        let numbers = addresses.iter().filter(|a| a.kind() == Kind::Tel).count();
        if numbers > self.numbers_per_subject {
            return Err(FieldError::new(
                "addresses",
                format!(
                    "a subject lists at most {} tel: numbers (limits.numbers_per_subject); this one would list {numbers}",
                    self.numbers_per_subject
                ),
            ));
        }
        Ok(())
    }
}
