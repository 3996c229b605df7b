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

    /// Parses a major-unit decimal such as `"1,500.75"` into subunits (150075) exactly.
    ///
    /// Only one spelling is accepted, so that no amount can be read two ways:
    ///
    /// - ASCII digits, with an optional `.` followed by one or two decimals (`150`, `150.7`,
    ///   `150.75`);
    /// - optional thousands separators in the whole part, `,` or `_` (one kind per amount),
    ///   each followed by exactly three digits (`1,234,567.89`, `1_000`).
    ///
    /// Everything else is refused with [`ValidationError::AmountSyntax`], which says what is
    /// wrong and how to write it instead: a decimal comma (`2,50`, `1.234,56`), groups that are
    /// not three digits (`1,0,0`), spaces, signs, exponents, non-ASCII digits, `.5`, `5.` and
    /// the empty string. More than two decimals is [`ValidationError::AmountPrecision`]; it is
    /// never rounded.
    ///
    /// ```
    /// use paystack::{Amount, AmountSyntax, ValidationError};
    /// assert_eq!(Amount::from_major("1,500.75")?.subunits(), 150_075);
    /// assert!(matches!(
    ///     Amount::from_major("2,50"),
    ///     Err(ValidationError::AmountSyntax { problem: AmountSyntax::DecimalComma, .. })
    /// ));
    /// # Ok::<(), ValidationError>(())
    /// ```
    pub fn from_major(text: &str) -> Result<Self, ValidationError> {
        let syntax = |problem| ValidationError::AmountSyntax {
            text: clip(text),
            problem,
        };
        let (whole, frac) = split_major(text).map_err(syntax)?;
        if frac.len() > 2 {
            return Err(ValidationError::AmountPrecision(clip(text)));
        }
        let mut subunits: i64 = 0;
        for digit in whole.bytes().chain(frac.bytes()).chain(
            // Pads one decimal to two: "1.5" is 150 subunits.
            std::iter::repeat_n(b'0', 2 - frac.len()),
        ) {
            subunits = subunits
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(digit - b'0')))
                .ok_or(ValidationError::AmountOverflow)?;
        }
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

    /// Paystack's documented maximum for one transaction: 10,000,000 in major units
    /// (1,000,000,000 subunits). Amounts a customer pays above it are refused before sending.
    pub const TRANSACTION_MAXIMUM: i64 = 1_000_000_000;

    /// Checks that an amount a customer pays is within [`Amount::TRANSACTION_MAXIMUM`].
    pub fn check_transaction_maximum(self) -> Result<(), ValidationError> {
        if self.0 > Self::TRANSACTION_MAXIMUM {
            return Err(ValidationError::AmountAboveTransactionMaximum {
                amount: self.0,
                maximum: Self::TRANSACTION_MAXIMUM,
            });
        }
        Ok(())
    }

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

/// Why a major-unit amount was refused by [`Amount::from_major`].
///
/// Each problem's message says how to write the amount instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AmountSyntax {
    /// Nothing was given.
    Empty,
    /// A space or other whitespace, anywhere.
    Whitespace,
    /// A leading `+` or `-`.
    Sign,
    /// An exponent (`1e3`).
    Exponent,
    /// A digit outside ASCII `0`-`9` (Arabic-Indic, full-width...).
    NonAsciiDigit,
    /// A character that has no place in an amount (a currency symbol, a letter...).
    Character,
    /// A comma or `_` followed by fewer or more than three digits, which reads as a decimal
    /// comma (`2,50`, `1.234,56`).
    DecimalComma,
    /// Thousands groups that are not three digits each (`1,0,0`, `12,34,567`), or a
    /// separator at the start, at the end or next to the point.
    Grouping,
    /// Both `,` and `_` as separators in one amount.
    MixedSeparators,
    /// More than one `.`.
    TwoPoints,
    /// No digit before the point (`.5`).
    NoWholePart,
    /// A point with no decimals after it (`5.`).
    NoDecimals,
}

impl fmt::Display for AmountSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AmountSyntax::Empty => "it is empty; give an amount such as 1500 or 1500.75",
            AmountSyntax::Whitespace => "it holds whitespace; write the digits together, e.g. 1500.75 or 1,500.75",
            AmountSyntax::Sign => "it has a sign; amounts are positive, write them without + or -",
            AmountSyntax::Exponent => "it has an exponent; write every digit, e.g. 1000 not 1e3",
            AmountSyntax::NonAsciiDigit => "it has digits other than ASCII 0-9; use 0-9",
            AmountSyntax::Character => "it has a character that is not a digit, `.`, `,` or `_`; leave out currency symbols and units",
            AmountSyntax::DecimalComma => "a comma here reads as a decimal comma; use `.` for decimals (2.50), and `,` only between groups of three digits (1,234.56)",
            AmountSyntax::Grouping => "thousands separators must split the whole part into groups of exactly three digits (1,234,567.89); or leave them out",
            AmountSyntax::MixedSeparators => "it mixes `,` and `_`; use one kind of thousands separator, or none",
            AmountSyntax::TwoPoints => "it has more than one `.`; use `.` once, for decimals, and `,` for thousands",
            AmountSyntax::NoWholePart => "it has no digit before the point; write 0.50, not .50",
            AmountSyntax::NoDecimals => "it has a point with no decimals; write 5 or 5.00, not 5.",
        })
    }
}

/// At most 64 characters of refused input, for error messages.
fn clip(text: &str) -> String {
    match text.char_indices().nth(64) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Splits a major-unit amount into its whole digits (separators removed) and its decimals,
/// refusing every spelling but one.
fn split_major(text: &str) -> Result<(String, &str), AmountSyntax> {
    if text.is_empty() {
        return Err(AmountSyntax::Empty);
    }
    for c in text.chars() {
        let problem = match c {
            '0'..='9' | '.' | ',' | '_' => continue,
            c if c.is_whitespace() => AmountSyntax::Whitespace,
            '+' | '-' | '\u{2212}' => AmountSyntax::Sign,
            'e' | 'E' => AmountSyntax::Exponent,
            c if c.is_numeric() => AmountSyntax::NonAsciiDigit,
            _ => AmountSyntax::Character,
        };
        return Err(problem);
    }
    let (whole, frac) = match text.split_once('.') {
        Some((_, f)) if f.contains('.') => return Err(AmountSyntax::TwoPoints),
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if let Some(frac) = frac {
        if frac.contains([',', '_']) {
            // "1.234,56": a point for thousands and a comma for decimals.
            return Err(AmountSyntax::DecimalComma);
        }
        if frac.is_empty() {
            return Err(AmountSyntax::NoDecimals);
        }
    }
    if whole.is_empty() {
        return Err(AmountSyntax::NoWholePart);
    }
    let separator = match (whole.contains(','), whole.contains('_')) {
        (true, true) => return Err(AmountSyntax::MixedSeparators),
        (true, false) => Some(','),
        (false, true) => Some('_'),
        (false, false) => None,
    };
    let Some(separator) = separator else {
        return Ok((whole.to_string(), frac.unwrap_or("")));
    };
    let mut groups = whole.split(separator);
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 {
        return Err(AmountSyntax::Grouping);
    }
    let rest: Vec<&str> = groups.collect();
    if rest.iter().any(|g| g.len() != 3) {
        // One separator with one or two digits after it and nothing more ("2,50", "10,0") is
        // how a decimal comma looks; anything else is a broken grouping.
        return Err(
            if rest.len() == 1 && (1..=2).contains(&rest[0].len()) && frac.is_none() {
                AmountSyntax::DecimalComma
            } else {
                AmountSyntax::Grouping
            },
        );
    }
    let mut digits = String::with_capacity(whole.len());
    digits.extend(whole.chars().filter(|c| *c != separator));
    Ok((digits, frac.unwrap_or("")))
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
