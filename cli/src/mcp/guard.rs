//! The money rules of `paystack mcp`, checked before anything is sent: read-only mode, amount
//! caps per call and per session (each with its currency), and the recipient allow-list.

use std::collections::BTreeMap;
use std::sync::Mutex;

use paystack::Amount;

use super::args::Money;
use super::tools;
use crate::error::{Failure, Result};
use crate::spec::Op;

/// The rules one server runs under.
#[derive(Debug, Default)]
pub struct Policy {
    pub read_only: bool,
    /// Money may move without a confirmation from the human (clients without elicitation).
    pub allow_money: bool,
    /// Per call: currency → most subunits.
    pub max_amount: BTreeMap<String, i64>,
    /// Per session: currency → most subunits in total.
    pub max_session: BTreeMap<String, i64>,
    /// Allowed recipient codes; empty means any.
    pub recipients: Vec<String>,
    /// What this session has sent so far: currency → subunits.
    pub(super) spent: Mutex<BTreeMap<String, i64>>,
}

/// `NGN:50000,USD:100` → `{NGN: 5000000, USD: 10000}` (major units in, subunits kept).
pub fn parse_caps(flag: &str, text: &str) -> Result<BTreeMap<String, i64>> {
    let mut caps = BTreeMap::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (cur, amount) = part.split_once(':').ok_or_else(|| {
            Failure::Validation(format!(
                "--{flag} {part:?}: give CURRENCY:AMOUNT in major units, e.g. NGN:50000"
            ))
        })?;
        let cur = cur.trim().to_ascii_uppercase();
        if !tools::CURRENCIES.contains(&cur.as_str()) {
            return Err(Failure::Validation(format!(
                "--{flag}: {cur:?} is not one of {}",
                tools::CURRENCIES.join(", ")
            )));
        }
        caps.insert(cur, Amount::from_major(amount)?.subunits());
    }
    Ok(caps)
}

/// Whether a money-moving operation continues one made earlier (`charges submit-pin`,
/// `transfers finalize`, `refunds retry`), by the spec's action names.
fn continues_flow(op: &Op) -> bool {
    ["submit-", "finalize", "resend", "retry"]
        .iter()
        .any(|p| op.action.starts_with(p))
}

/// Subunits as major units for messages: `5000000` → `50000.00`.
pub fn major(subunits: i64) -> String {
    format!("{}.{:02}", subunits / 100, (subunits % 100).abs())
}

impl Policy {
    /// Refuses a call the rules do not allow, saying which rule.
    pub fn check(&self, op: &Op, money: &Money) -> Result<()> {
        if self.read_only && !tools::is_read(op) {
            return Err(Failure::Guard(format!(
                "the server runs with --read-only; {} {} is a write",
                op.method, op.path
            )));
        }
        if !self.recipients.is_empty() {
            if let Some(r) = money
                .recipients
                .iter()
                .find(|r| !self.recipients.contains(r))
            {
                return Err(Failure::Guard(format!(
                    "recipient {r} is not in the allow-list (--recipients {}); nothing was sent",
                    self.recipients.join(",")
                )));
            }
        }
        if !op.moves_money || (self.max_amount.is_empty() && self.max_session.is_empty()) {
            return Ok(());
        }
        let (Some(total), Some(cur)) = (money.total, money.currency.as_deref()) else {
            // A step of a flow whose amount was checked when it began (a PIN, an OTP, a
            // retried refund) has no amount of its own.
            if continues_flow(op) {
                return Ok(());
            }
            return Err(Failure::Guard(
                "amount caps are set and this call does not state its amount and currency, \
                 so they cannot be checked; state them (or use a toolset without this \
                 operation); nothing was sent"
                    .into(),
            ));
        };
        if let Some(cap) = self.cap(&self.max_amount, "max-amount", cur)? {
            if total > cap {
                return Err(Failure::Guard(format!(
                    "{cur} {} is over the per-call cap --max-amount {cur}:{}; nothing was sent",
                    major(total),
                    major(cap)
                )));
            }
        }
        if let Some(cap) = self.cap(&self.max_session, "max-session", cur)? {
            let spent = self.spent(cur);
            if spent.saturating_add(total) > cap {
                return Err(Failure::Guard(format!(
                    "{cur} {} would bring this session to {cur} {}, over the session cap \
                     --max-session {cur}:{}; nothing was sent",
                    major(total),
                    major(spent.saturating_add(total)),
                    major(cap)
                )));
            }
        }
        Ok(())
    }

    /// The cap for `cur`, when caps of this kind are set; a currency they do not cover is
    /// refused rather than left unlimited.
    fn cap(&self, caps: &BTreeMap<String, i64>, flag: &str, cur: &str) -> Result<Option<i64>> {
        if caps.is_empty() {
            return Ok(None);
        }
        match caps.get(cur) {
            Some(c) => Ok(Some(*c)),
            None => Err(Failure::Guard(format!(
                "--{flag} sets no cap for {cur} (only for {}); nothing was sent",
                caps.keys().cloned().collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    fn spent(&self, cur: &str) -> i64 {
        let spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        spent.get(cur).copied().unwrap_or(0)
    }

    /// Counts a call against the session cap just before it is sent, checking the cap again
    /// under the same lock so two calls at once cannot both slip under it. A call Paystack
    /// refused outright is given back with [`Policy::refund`].
    pub fn reserve(&self, op: &Op, money: &Money) -> Result<()> {
        let (Some(total), Some(cur)) = (money.total, &money.currency) else {
            return Ok(());
        };
        if !op.moves_money {
            return Ok(());
        }
        let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
        let entry = spent.entry(cur.clone()).or_insert(0);
        if let Some(cap) = self.max_session.get(cur) {
            if entry.saturating_add(total) > *cap {
                return Err(Failure::Guard(format!(
                    "{cur} {} would go over the session cap --max-session {cur}:{}; nothing \
                     was sent",
                    major(total),
                    major(*cap)
                )));
            }
        }
        *entry = entry.saturating_add(total);
        Ok(())
    }

    /// Gives back what [`Policy::reserve`] counted, for a call that provably moved nothing.
    pub fn refund(&self, money: &Money) {
        if let (Some(total), Some(cur)) = (money.total, &money.currency) {
            let mut spent = self.spent.lock().unwrap_or_else(|e| e.into_inner());
            let entry = spent.entry(cur.clone()).or_insert(0);
            *entry = entry.saturating_sub(total);
        }
    }
}

/// The question put to the human before money moves.
pub fn confirmation(op: &Op, money: &Money) -> String {
    let amount = match (money.total, &money.currency) {
        (Some(t), Some(c)) => format!("{c} {}", major(t)),
        (Some(t), None) => format!("{} (currency not stated)", major(t)),
        (None, _) => "not stated (continues an earlier request)".into(),
    };
    let list = |v: &[String]| {
        if v.is_empty() {
            "none given".to_string()
        } else {
            v.join(", ")
        }
    };
    format!(
        "An agent wants to move money: {} ({} {}).\nAmount: {amount}\nRecipient: {}\n\
         Reference: {}\nConfirm to send it; decline and nothing is sent.",
        op.summary,
        op.method,
        op.path,
        list(&money.recipients),
        list(&money.references)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_read_major_units_with_their_currency() {
        let caps = parse_caps("max-amount", "ngn:50000, USD:12.5").unwrap();
        assert_eq!(caps["NGN"], 5_000_000);
        assert_eq!(caps["USD"], 1_250);
        assert!(parse_caps("max-amount", "50000").is_err());
        assert!(parse_caps("max-amount", "NGN:1.234").is_err());
        assert!(parse_caps("max-amount", "ABC:10").is_err());
        assert_eq!(major(5_000_050), "50000.50");
    }

    fn transfer() -> &'static Op {
        crate::spec::find("transfers", "initiate").expect("the spec has transfers initiate")
    }

    fn money(total: i64, currency: &str) -> Money {
        Money {
            total: Some(total),
            currency: Some(currency.into()),
            ..Money::default()
        }
    }

    proptest::proptest! {
        /// Against a small model: a call goes through exactly when its currency has caps, it
        /// is within the per-call cap and the session total stays within the session cap; the
        /// session never sends more than its cap, and refusals given back free the cap again.
        #[test]
        fn caps_match_the_model(
            calls in proptest::collection::vec((1i64..20_000, 0usize..3, proptest::bool::ANY), 1..40),
        ) {
            let currencies = ["NGN", "GHS", "USD"];
            let policy = Policy {
                max_amount: BTreeMap::from([("NGN".into(), 10_000), ("GHS".into(), 5_000)]),
                max_session: BTreeMap::from([("NGN".into(), 50_000), ("GHS".into(), 9_000)]),
                ..Policy::default()
            };
            let mut model: BTreeMap<&str, i64> = BTreeMap::new();
            for (amount, c, rejected) in calls {
                let cur = currencies[c];
                let m = money(amount, cur);
                let passed = policy.check(transfer(), &m).and_then(|()| policy.reserve(transfer(), &m));
                let spent = model.get(cur).copied().unwrap_or(0);
                let expected = match (policy.max_amount.get(cur), policy.max_session.get(cur)) {
                    (Some(one), Some(all)) => amount <= *one && spent + amount <= *all,
                    _ => false,
                };
                proptest::prop_assert_eq!(passed.is_ok(), expected, "{} {} after {}", cur, amount, spent);
                if let Err(Failure::Guard(why)) = &passed {
                    proptest::prop_assert!(why.contains("--max-") && why.contains("nothing was sent"), "{}", why);
                }
                if passed.is_ok() {
                    if rejected {
                        policy.refund(&m);
                    } else {
                        *model.entry(cur).or_insert(0) += amount;
                    }
                }
                proptest::prop_assert!(policy.spent(cur) <= *policy.max_session.get(cur).unwrap_or(&0));
                proptest::prop_assert_eq!(policy.spent(cur), model.get(cur).copied().unwrap_or(0));
            }
        }
    }
}
