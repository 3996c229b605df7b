//! How often, and how patiently, the client sends a request again.
//!
//! Which requests may be resent at all is not decided here but by each operation's
//! [`RetryClass`](super::operations::RetryClass); this policy only bounds the attempts.

use std::time::Duration;

/// Attempts and delays for resending a request after a transient failure.
///
/// Delays grow exponentially from `base_delay` up to `max_delay`, with full jitter (each delay
/// is drawn uniformly between zero and the exponential bound, so many clients that failed
/// together do not come back together). A `Retry-After` from Paystack is honoured, capped by
/// `max_delay`. No attempt starts once `max_elapsed` has passed since the first.
///
/// ```
/// use std::time::Duration;
/// let policy = paystack::RetryPolicy::default()
///     .max_attempts(5)
///     .max_elapsed(Duration::from_secs(20));
/// assert_eq!(policy.attempts(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_elapsed: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, delays from 250 ms up to 5 s, at most 30 s in all.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// One attempt: never resend.
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Total attempts, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first delay's upper bound.
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The largest delay between two attempts, `Retry-After` included.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// No attempt starts later than this after the first one.
    pub fn max_elapsed(mut self, limit: Duration) -> Self {
        self.max_elapsed = limit;
        self
    }

    /// Total attempts allowed.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest time the client waits before any resend.
    pub fn max_elapsed_time(&self) -> Duration {
        self.max_elapsed
    }

    /// The wait before attempt `next` (2 for the first resend): full jitter over an exponential
    /// bound, or Paystack's `Retry-After` when it gave one, both capped by `max_delay`.
    pub(crate) fn delay(&self, next: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(self.max_delay);
        }
        let exp = next.saturating_sub(2).min(31);
        let bound = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let nanos = u64::try_from(bound.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// Reads `Retry-After` as seconds or an HTTP date.
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_stay_within_the_exponential_bound_and_the_cap() {
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(700));
        for _ in 0..200 {
            assert!(p.delay(2, None) <= Duration::from_millis(100));
            assert!(p.delay(3, None) <= Duration::from_millis(200));
            assert!(p.delay(9, None) <= Duration::from_millis(700));
            assert!(p.delay(u32::MAX, None) <= Duration::from_millis(700));
        }
        assert_eq!(
            p.delay(2, Some(Duration::from_secs(60))),
            Duration::from_millis(700)
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            "retry-after",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }
}
