//! Doubling waits between retries of something that failed for a reason
//! that may pass (a database restarting, a listener that lost its peer).

use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Backoff {
    first: Duration,
    last: Duration,
    next: Option<Duration>,
}

impl Backoff {
    /// Waits start at `first` and double up to `last`.
    pub const fn new(first: Duration, last: Duration) -> Backoff {
        Backoff {
            first,
            last,
            next: None,
        }
    }

    /// The wait before the next attempt; each call doubles the following one.
    pub fn next_wait(&mut self) -> Duration {
        let wait = self.next.unwrap_or(self.first);
        self.next = Some((wait * 2).min(self.last));
        wait
    }

    /// Has a wait been handed out since the last success?
    pub fn is_retrying(&self) -> bool {
        self.next.is_some()
    }

    /// Success: the next failure starts again from `first`.
    pub fn reset(&mut self) {
        self.next = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap_and_resets() {
        let ms = Duration::from_millis;
        let mut b = Backoff::new(ms(100), ms(350));
        assert!(!b.is_retrying());
        let waits: Vec<_> = (0..4).map(|_| b.next_wait()).collect();
        assert_eq!(waits, [ms(100), ms(200), ms(350), ms(350)]);
        assert!(b.is_retrying());
        b.reset();
        assert_eq!(b.next_wait(), ms(100));
    }
}
