//! Checks on arguments that Paystack would refuse, run before anything is sent.

use super::error::{Result, ValidationError};
use super::{Amount, Currency};

/// Longest transaction reference accepted. Paystack documents the characters but not a limit;
/// 100 is well above every reference seen and keeps typos such as pasted payloads out.
pub const TRANSACTION_REFERENCE_MAX: usize = 100;

/// Shortest and longest transfer reference: Paystack asks for 16 to 50 characters.
pub const TRANSFER_REFERENCE_LEN: std::ops::RangeInclusive<usize> = 16..=50;

/// A transaction reference: letters, digits, `-`, `.` and `=`.
pub fn transaction_reference(value: &str) -> Result<(), ValidationError> {
    let err = |reason| ValidationError::Reference {
        kind: "transaction",
        value: value.into(),
        reason,
    };
    if value.is_empty() {
        return Err(err("it is empty"));
    }
    if value.len() > TRANSACTION_REFERENCE_MAX {
        return Err(err("it is longer than 100 characters"));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'='))
    {
        return Err(err("only letters, digits, '-', '.' and '=' are allowed"));
    }
    Ok(())
}

/// A transfer reference (the transfer's idempotency key): lowercase letters, digits, `-` and
/// `_`, 16 to 50 characters.
pub fn transfer_reference(value: &str) -> Result<(), ValidationError> {
    let err = |reason| ValidationError::Reference {
        kind: "transfer",
        value: value.into(),
        reason,
    };
    if !TRANSFER_REFERENCE_LEN.contains(&value.len()) {
        return Err(err("it must be 16 to 50 characters long"));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
    {
        return Err(err(
            "only lowercase letters, digits, '-' and '_' are allowed",
        ));
    }
    Ok(())
}

/// An email address: one `@` with text on both sides, a dot in the domain, no spaces.
pub fn email(value: &str) -> Result<(), ValidationError> {
    let bad = || ValidationError::Email(value.to_string());
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || domain.is_empty()
        || domain.contains('@')
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || value.len() > 254
        || value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(bad());
    }
    Ok(())
}

/// A required text argument (a code, an id) that must not be blank.
pub fn non_empty(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::Empty(field));
    }
    Ok(())
}

/// Checks an amount against the currency's minimum or, without one, against the smallest
/// minimum of any currency (the integration's default currency is not known here).
pub(crate) fn check_amount(amount: Amount, currency: Option<&Currency>) -> Result<()> {
    match currency {
        Some(c) => amount.check_minimum(c)?,
        None => amount.check_any_minimum()?,
    }
    Ok(())
}

/// Ids are unsigned on our side and signed 64-bit in the spec.
pub(crate) fn to_i64(field: &'static str, v: u64) -> Result<i64> {
    i64::try_from(v).map_err(|_| {
        ValidationError::Invalid {
            field,
            reason: format!("{v} is larger than 2^63-1"),
        }
        .into()
    })
}

/// Refuses a period whose start is after its end.
pub(crate) fn check_period(
    from: Option<chrono::DateTime<chrono::Utc>>,
    to: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<()> {
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(ValidationError::Invalid {
                field: "from",
                reason: format!("{from} is after {to}"),
            }
            .into());
        }
    }
    Ok(())
}
