//! Audiences: named groups of tokens that an address can be shown to.
//!
//! Channels decide visibility for every address of every answer, so a set
//! of audiences is a bit set (`Copy`, one AND to compare): each audience
//! this process learns of (stored when it starts, created since, by it or
//! by a replica whose change it follows) is given a bit with [`admit`],
//! once, for the life of the process. Bits never reach storage or the
//! wire; names do. A name never admitted is no audience, so no input can
//! use up the bits: at most [`MAX_AUDIENCES`] audiences per process
//! lifetime, deleted ones included.

use std::fmt;
use std::sync::RwLock;

/// How many distinct audience names one process can tell apart.
pub const MAX_AUDIENCES: usize = 64;

/// The longest audience name.
pub const MAX_NAME: usize = 32;

/// The audiences admitted so far, by bit. Names are leaked: there are at most
/// [`MAX_AUDIENCES`] of them.
static NAMES: RwLock<Vec<&'static str>> = RwLock::new(Vec::new());

/// A valid audience name: 1 to 32 of `a-z`, `0-9` and `-`, not starting
/// with `-`.
pub fn audience_name(name: &str) -> Result<&str, String> {
    let valid = !name.is_empty()
        && name.len() <= MAX_NAME
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(name)
    } else {
        Err(format!(
            "`{name}` is no audience name (1 to {MAX_NAME} of a-z, 0-9 and -, not starting with -)"
        ))
    }
}

/// A set of audiences.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Audiences(u64);

impl Audiences {
    /// No audience.
    pub const NONE: Audiences = Audiences(0);

    /// The set of these names (each checked with [`audience_name`]).
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Audiences, String> {
        names
            .into_iter()
            .try_fold(Audiences::NONE, |set, name| Ok(set.with(bit(name)?)))
    }

    fn with(self, bit: u32) -> Audiences {
        Audiences(self.0 | 1 << bit)
    }

    /// The set as this process's bits, for in-memory forms only: another
    /// process gives the same names other bits.
    pub fn bits(self) -> u64 {
        self.0
    }

    /// The set [`Audiences::bits`] gave.
    pub fn from_bits(bits: u64) -> Audiences {
        Audiences(bits)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Do the two sets share an audience?
    pub fn meets(self, other: Audiences) -> bool {
        self.0 & other.0 != 0
    }

    /// Does the set hold the audience `name`?
    pub fn contains(self, name: &str) -> bool {
        NAMES
            .read()
            .expect("audience names")
            .iter()
            .position(|n| *n == name)
            .is_some_and(|b| self.0 & 1 << b != 0)
    }

    /// The names in the set, in alphabetical order.
    pub fn names(self) -> Vec<&'static str> {
        let known = NAMES.read().expect("audience names");
        let mut names: Vec<&'static str> = (0..known.len())
            .filter(|b| self.0 & 1 << b != 0)
            .map(|b| known[b])
            .collect();
        names.sort_unstable();
        names
    }
}

/// The bit of `name`, an admitted audience.
fn bit(name: &str) -> Result<u32, String> {
    let name = audience_name(name)?;
    let names = NAMES.read().expect("audience names");
    match names.iter().position(|n| *n == name) {
        Some(b) => Ok(b as u32),
        None => Err(format!("no audience is named {name}")),
    }
}

/// Make `name` an audience in this process (again: nothing changes). Only
/// for audiences the store holds or is about to hold.
pub fn admit(name: &str) -> Result<(), String> {
    let name = audience_name(name)?;
    let mut names = NAMES.write().expect("audience names");
    if names.contains(&name) {
        return Ok(());
    }
    if names.len() == MAX_AUDIENCES {
        return Err(format!(
            "at most {MAX_AUDIENCES} audiences in one server process's lifetime: \
             restart it to reuse the slots of deleted ones"
        ));
    }
    names.push(Box::leak(name.to_owned().into_boxed_str()));
    Ok(())
}

/// The names, comma-separated, in alphabetical order.
impl fmt::Display for Audiences {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(","))
    }
}

impl fmt::Debug for Audiences {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_meet_when_they_share_a_name() {
        for name in ["partners", "staff"] {
            admit(name).unwrap();
        }
        let partners = Audiences::of(["partners"]).unwrap();
        let both = Audiences::of(["staff", "partners"]).unwrap();
        let staff = Audiences::of(["staff"]).unwrap();
        assert!(partners.meets(both));
        assert!(!partners.meets(staff));
        assert!(!Audiences::NONE.meets(both));
        assert!(both.contains("staff") && !staff.contains("partners"));
        assert_eq!(both.to_string(), "partners,staff");
    }

    #[test]
    fn names_are_checked() {
        for bad in ["", "-x", "Partners", "a b", "x".repeat(33).as_str(), "é"] {
            assert!(Audiences::of([bad]).is_err(), "{bad:?}");
        }
        assert!(Audiences::of(["never-admitted"]).is_err());
        for name in ["a", "0-x", &"x".repeat(32)] {
            admit(name).unwrap();
        }
        assert!(Audiences::of(["a", "0-x", &"x".repeat(32)]).is_ok());
    }
}
