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
            if tools::needs_currency(op) {
                return Err(Failure::Guard(
                    "amount caps are set: state the amount and currency of this call so they \
                     can be checked; nothing was sent"
                        .into(),
                ));
            }
            // Continues a flow whose amount was checked when it began (an OTP, a PIN).
            return Ok(());
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
}
