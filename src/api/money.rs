//! Money: integer amounts in a currency's subunit, never floats.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::ValidationError;
use super::Currency;

/// An amount of money in the currency's subunit: kobo, pesewas, cents.
///
/// Paystack takes and returns every amount this way, so ₦1,500.75 is `Amount` 150075.
/// Build one with [`Amount::from_subunits`] or, from user input, [`Amount::from_major`], which
/// parses the decimal exactly instead of going through a float.
///
/// The constructors refuse zero, negative and overflowing values. Amounts *decoded from
/// Paystack* are taken as sent (a fee of 0 is real), so every request re-checks the amounts it
/// sends, including the per-currency minimum ([`Amount::check_minimum`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(i64);

impl Amount {
    /// An amount given in subunits, e.g. `from_subunits(5000)` is ₦50.00 in NGN.
    pub fn from_subunits(subunits: i64) -> Result<Self, ValidationError> {
        Self::positive(subunits)
    }

    /// An amount given in whole major units (naira, cedis, rand...), multiplied by 100.
    pub fn from_major_units(units: i64) -> Result<Self, ValidationError> {
        let subunits = units
            .checked_mul(100)
            .ok_or(ValidationError::AmountOverflow)?;
        Self::positive(subunits)
    }

    /// Parses a major-unit decimal such as `"150.75"` into subunits (15075) exactly.
    ///
    /// Accepts digits with an optional `.` and at most two decimals, and optional `_` or `,`
    /// thousands separators in the whole part. Signs, exponents and extra decimals are refused
    /// rather than rounded.
    pub fn from_major(text: &str) -> Result<Self, ValidationError> {
        let bad = || ValidationError::AmountFormat(text.to_string());
        let t = text.trim();
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        let whole: String = whole.chars().filter(|c| *c != '_' && *c != ',').collect();
        if whole.is_empty() && frac.is_empty() {
            return Err(bad());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if frac.len() > 2 {
            return Err(ValidationError::AmountPrecision(text.to_string()));
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| ValidationError::AmountOverflow)?
        };
        let mut cents: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        if frac.len() == 1 {
            cents *= 10;
        }
        let subunits = whole
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .ok_or(ValidationError::AmountOverflow)?;
        Self::positive(subunits)
    }

    fn positive(subunits: i64) -> Result<Self, ValidationError> {
        if subunits <= 0 {
            return Err(ValidationError::AmountNotPositive(subunits));
        }
        if subunits > Self::CEILING {
            return Err(ValidationError::AmountAboveCeiling {
                amount: subunits,
                ceiling: Self::CEILING,
            });
        }
        Ok(Amount(subunits))
    }

    /// The largest amount this crate sends: 10^13 subunits (100 billion naira, cedis, rand...).
    ///
    /// It is far above any single payment or payout Paystack handles, so a larger value is a
    /// bug (a unit mix-up, a sum gone wrong). It also keeps amounts well below 2^53, above which
    /// JavaScript numbers, which Paystack's stack parses JSON into, lose whole units.
    pub const CEILING: i64 = 10_000_000_000_000;

    /// The smallest of Paystack's per-currency minimums (GHS 0.10), in subunits: no currency
    /// accepts less, so an amount below it is refused even when no currency is given.
    pub const SMALLEST_MINIMUM: i64 = 10;

    /// The value in subunits.
    pub fn subunits(self) -> i64 {
        self.0
    }

    /// Wraps a value exactly as Paystack sent it, with no checks (it may be zero).
    pub(crate) fn from_wire(subunits: i64) -> Self {
        Amount(subunits)
    }

    /// The smallest amount Paystack accepts for one payment in `currency`, in subunits, if
    /// Paystack documents one.
    pub fn minimum_for(currency: &Currency) -> Option<i64> {
        Some(match currency {
            Currency::NGN => 50_00,
            Currency::USD => 2_00,
            Currency::GHS => 10,
            Currency::ZAR => 1_00,
            Currency::KES => 3_00,
            Currency::XOF => 1_00,
            _ => return None,
        })
    }

    /// Checks that the amount is positive and at least Paystack's minimum for `currency`.
    pub fn check_minimum(self, currency: &Currency) -> Result<(), ValidationError> {
        self.check_positive()?;
        match Self::minimum_for(currency) {
            Some(min) if self.0 < min => Err(ValidationError::AmountBelowMinimum {
                amount: self.0,
                minimum: min,
                currency: currency.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Checks only that the amount is positive and within [`Amount::CEILING`]: for requests
    /// where no currency is known.
    pub fn check_positive(self) -> Result<(), ValidationError> {
        Self::positive(self.0).map(drop)
    }

    /// Checks an amount that will be charged or paid out in the integration's default
    /// currency, which the client does not know: it must reach the smallest minimum of any
    /// currency ([`Amount::SMALLEST_MINIMUM`]).
    pub fn check_any_minimum(self) -> Result<(), ValidationError> {
        self.check_positive()?;
        if self.0 < Self::SMALLEST_MINIMUM {
            return Err(ValidationError::AmountBelowAnyMinimum {
                amount: self.0,
                minimum: Self::SMALLEST_MINIMUM,
            });
        }
        Ok(())
    }
}

impl fmt::Display for Amount {
    /// Shows the major-unit decimal, e.g. `150.75`, with no currency symbol.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// Accepts a number or a numeric string (refund and some charge payloads send "5000").
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(super::lenient::IntVisitor)
            .map(Amount::from_wire)
    }
}
