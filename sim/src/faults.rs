//! Fault injection: make a call fail the way Paystack or the network fails, per request
//! (`x-sim-fault` header) or by rule, with a seeded RNG so a failing run repeats.

use serde::{Deserialize, Serialize};

/// One way to fail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Answer with this HTTP status and a Paystack-style error body (5xx, 429...).
    Status {
        /// The status to send.
        status: u16,
    },
    /// Wait this many milliseconds, then answer normally.
    Delay {
        /// How long to wait.
        ms: u64,
    },
    /// Drop the connection without a usable answer.
    Reset,
    /// Send the headers and half of the body, then drop the connection.
    Truncate,
}

impl Fault {
    /// Reads a header value: `503`, `delay=250`, `reset`, `truncate`, each optionally followed
    /// by `;after` to process the request first and lose only the answer.
    pub fn parse(value: &str) -> Option<(Fault, bool)> {
        let mut parts = value.split(';').map(str::trim);
        let head = parts.next()?;
        let after = parts.any(|p| p == "after");
        let fault = if let Some(ms) = head.strip_prefix("delay=") {
            Fault::Delay {
                ms: ms.parse().ok()?,
            }
        } else {
            match head {
                "reset" => Fault::Reset,
                "truncate" => Fault::Truncate,
                s => {
                    let status: u16 = s.parse().ok()?;
                    if !(400..=599).contains(&status) {
                        return None;
                    }
                    Fault::Status { status }
                }
            }
        };
        Some((fault, after))
    }
}

/// A standing fault: which calls it hits, how often and how many times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Operation id to hit (`transfer_initiate`); every operation when `None`.
    #[serde(default)]
    pub operation: Option<String>,
    /// What happens.
    pub fault: Fault,
    /// How many more calls to hit; unlimited when `None`.
    #[serde(default)]
    pub times: Option<u32>,
    /// Chance of hitting a matching call, from 0 to 1 (drawn from the seeded RNG).
    #[serde(default = "one")]
    pub probability: f64,
    /// Process the request first, then lose the answer (the outcome is unknown to the client).
    #[serde(default)]
    pub after: bool,
}

fn one() -> f64 {
    1.0
}

impl FaultRule {
    /// A rule that answers every call with `status`.
    pub fn status(status: u16) -> Self {
        Self::new(Fault::Status { status })
    }

    /// A rule with any fault, on every operation, every time.
    pub fn new(fault: Fault) -> Self {
        FaultRule {
            operation: None,
            fault,
            times: None,
            probability: 1.0,
            after: false,
        }
    }

    /// Only calls to this operation id.
    pub fn on(mut self, operation: impl Into<String>) -> Self {
        self.operation = Some(operation.into());
        self
    }

    /// Only the next `n` matching calls.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    /// Hit a matching call with this probability.
    pub fn probability(mut self, p: f64) -> Self {
        self.probability = p.clamp(0.0, 1.0);
        self
    }

    /// Process the call, then fail its answer.
    pub fn after(mut self) -> Self {
        self.after = true;
        self
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same faults.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The first rule that hits a call to `op`, using up one of its `times`.
pub fn pick(rules: &mut Vec<FaultRule>, rng: &mut Rng, op: Option<&str>) -> Option<(Fault, bool)> {
    let mut hit = None;
    for (i, r) in rules.iter_mut().enumerate() {
        if r.operation.as_deref().is_some_and(|o| Some(o) != op) {
            continue;
        }
        if r.probability < 1.0 && rng.next_f64() >= r.probability {
            continue;
        }
        if let Some(t) = r.times.as_mut() {
            *t = t.saturating_sub(1);
        }
        hit = Some((i, (r.fault.clone(), r.after)));
        break;
    }
    let (i, f) = hit?;
    if rules[i].times == Some(0) {
        rules.remove(i);
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values() {
        assert_eq!(
            Fault::parse("503"),
            Some((Fault::Status { status: 503 }, false))
        );
        assert_eq!(Fault::parse("reset; after"), Some((Fault::Reset, true)));
        assert_eq!(
            Fault::parse("delay=20"),
            Some((Fault::Delay { ms: 20 }, false))
        );
        assert_eq!(Fault::parse("200"), None);
        assert_eq!(Fault::parse("soon"), None);
    }

    #[test]
    fn rules_count_down_and_match_operations() {
        let mut rules = vec![FaultRule::status(500).on("balance_fetch").times(2)];
        let mut rng = Rng::new(7);
        assert!(pick(&mut rules, &mut rng, Some("customer_list")).is_none());
        assert!(pick(&mut rules, &mut rng, Some("balance_fetch")).is_some());
        assert!(pick(&mut rules, &mut rng, Some("balance_fetch")).is_some());
        assert!(pick(&mut rules, &mut rng, Some("balance_fetch")).is_none());
        assert!(rules.is_empty());
    }

    #[test]
    fn same_seed_same_faults() {
        let run = |seed| {
            let mut rules = vec![FaultRule::status(503).probability(0.5)];
            let mut rng = Rng::new(seed);
            (0..32)
                .map(|_| pick(&mut rules, &mut rng, None).is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(42), run(42));
        assert!(run(42).iter().any(|h| *h) && run(42).iter().any(|h| !*h));
    }
}
