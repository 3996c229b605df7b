//! Checks on arguments that Paystack would refuse, run before anything is sent.

use super::error::{Result, ValidationError};
use super::{Amount, Currency, RecipientType, SplitType};
use crate::generated::types;

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

/// Checks an amount that a customer pays (a transaction, a charge, a page, a plan, a payment
/// request): the currency's minimum, and Paystack's documented per-transaction maximum
/// ([`Amount::TRANSACTION_MAXIMUM`]).
pub(crate) fn check_transaction_amount(amount: Amount, currency: Option<&Currency>) -> Result<()> {
    check_amount(amount, currency)?;
    amount.check_transaction_maximum()?;
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

/// A bare host name: no scheme, path, port or spaces, and at least one dot.
pub(crate) fn check_domain(value: &str) -> Result<(), ValidationError> {
    non_empty("domain_name", value)?;
    let bad = |reason: &str| ValidationError::Invalid {
        field: "domain_name",
        reason: format!("{value:?} {reason}"),
    };
    if value.contains("://") {
        return Err(bad("has a scheme; give the host name only"));
    }
    if value.contains(['/', ':', '?', '#']) {
        return Err(bad("has a path or port; give the host name only"));
    }
    if value.chars().any(char::is_whitespace) {
        return Err(bad("contains spaces"));
    }
    if !value.contains('.') || value.starts_with('.') || value.ends_with('.') {
        return Err(bad("is not a domain name"));
    }
    Ok(())
}

/// Checks one entry of a batch: authorization, amount, reference and partial-debit floor.
pub(crate) fn check_bulk_charge_item(item: &types::BulkChargeItem) -> Result<(), ValidationError> {
    non_empty("authorization", &item.authorization)?;
    item.amount.check_positive()?;
    item.amount.check_transaction_maximum()?;
    if let Some(r) = &item.reference {
        transaction_reference(r)?;
    }
    if let Some(least) = item.at_least {
        least.check_positive()?;
        if least > item.amount {
            return Err(ValidationError::Invalid {
                field: "at_least",
                reason: format!("{least} is more than the amount {}", item.amount),
            });
        }
    }
    Ok(())
}

/// A PIN or OTP: not empty, digits only.
pub(crate) fn check_digits(field: &'static str, value: &str) -> Result<(), ValidationError> {
    non_empty(field, value)?;
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValidationError::Invalid {
            field,
            reason: "only digits are allowed".into(),
        });
    }
    Ok(())
}

/// A country argument: two ASCII uppercase letters (ISO 3166-1 alpha-2, e.g. `NG`).
pub(crate) fn country_code(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(ValidationError::Invalid {
            field,
            reason: format!("{value:?} is not a two-letter uppercase country code such as NG"),
        })
    }
}

/// A Nigerian Bank Verification Number: exactly 11 digits.
pub(crate) fn check_bvn(value: &str) -> Result<(), ValidationError> {
    if value.len() == 11 && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ValidationError::Invalid {
            field: "bvn",
            reason: "a BVN is exactly 11 digits".into(),
        })
    }
}

pub(crate) fn check_account(account: &types::CustomerBankAccount) -> Result<(), ValidationError> {
    non_empty("account.number", &account.number)?;
    non_empty("account.bank_code", &account.bank_code)
}

pub(crate) fn check_address(address: &types::CustomerAddress) -> Result<(), ValidationError> {
    non_empty("address.street", &address.street)?;
    non_empty("address.city", &address.city)?;
    non_empty("address.state", &address.state)
}

/// A share must be positive; a percentage share cannot pass 100.
pub(crate) fn check_share(
    share: i64,
    split_type: Option<&SplitType>,
) -> Result<(), ValidationError> {
    if share <= 0 {
        return Err(ValidationError::Invalid {
            field: "share",
            reason: format!("{share} is not positive"),
        });
    }
    if split_type == Some(&SplitType::Percentage) && share > 100 {
        return Err(ValidationError::Invalid {
            field: "share",
            reason: format!("{share} is more than 100 percent"),
        });
    }
    Ok(())
}

/// A slug, as used in storefront and page addresses: letters, digits, `-` and `_`.
pub(crate) fn check_slug(value: &str) -> Result<(), ValidationError> {
    non_empty("slug", value)?;
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
    {
        return Err(ValidationError::Invalid {
            field: "slug",
            reason: format!("{value:?} may only hold letters, digits, '-' and '_'"),
        });
    }
    Ok(())
}

/// Product ids to add: at least one, each within the API's range.
pub(crate) fn product_ids(products: &[u64]) -> Result<Vec<i64>> {
    if products.is_empty() {
        return Err(ValidationError::Empty("products").into());
    }
    products.iter().map(|&p| to_i64("products", p)).collect()
}

/// A percentage must be a real number from 0 to 100.
pub(crate) fn check_percentage(value: f64) -> Result<(), ValidationError> {
    if !value.is_finite() || !(0.0..=100.0).contains(&value) {
        return Err(ValidationError::Invalid {
            field: "percentage_charge",
            reason: format!("{value} is not a percentage from 0 to 100"),
        });
    }
    Ok(())
}

/// The checks shared by single and bulk create: a name, and the account fields its type needs.
pub(crate) fn check_recipient(
    recipient_type: &RecipientType,
    name: &str,
    account_number: Option<&str>,
    bank_code: Option<&str>,
    authorization_code: Option<&str>,
) -> Result<(), ValidationError> {
    non_empty("name", name)?;
    if let Some(code) = authorization_code {
        super::codes::AuthorizationCode::from(code).check("authorization_code")?;
    }
    match recipient_type {
        RecipientType::Authorization => {
            non_empty("authorization_code", authorization_code.unwrap_or_default())
        }
        // A type this crate does not know: let Paystack judge which fields it needs.
        RecipientType::Unknown(_) => Ok(()),
        _ => {
            non_empty("account_number", account_number.unwrap_or_default())?;
            non_empty("bank_code", bank_code.unwrap_or_default())
        }
    }
}

/// Checks a destination list: not empty, and every target a non-blank number.
pub(crate) fn check_destinations(
    destinations: &[types::VirtualTerminalDestinationInput],
) -> Result<(), ValidationError> {
    if destinations.is_empty() {
        return Err(ValidationError::Empty("destinations"));
    }
    for d in destinations {
        non_empty("destinations.target", &d.target)?;
    }
    Ok(())
}

/// Checks line items and taxes: names present, amounts positive, quantities at least 1.
pub(crate) fn check_line_items(
    line_items: Option<&Vec<types::PaymentRequestLineItemInput>>,
    tax: Option<&Vec<types::PaymentRequestTaxInput>>,
) -> Result<()> {
    for item in line_items.into_iter().flatten() {
        non_empty("line_items.name", &item.name)?;
        item.amount.check_positive()?;
        if let Some(q) = item.quantity {
            if q < 1 {
                return Err(ValidationError::Invalid {
                    field: "line_items.quantity",
                    reason: format!("{q} is less than 1"),
                }
                .into());
            }
        }
    }
    for t in tax.into_iter().flatten() {
        non_empty("tax.name", &t.name)?;
        t.amount.check_positive()?;
    }
    Ok(())
}

/// Refuses a negative invoice limit (0 means no limit).
pub(crate) fn check_invoice_limit(limit: Option<i64>) -> Result<()> {
    match limit {
        Some(n) if n < 0 => Err(super::ValidationError::Invalid {
            field: "invoice_limit",
            reason: format!("{n} is negative; use 0 for no limit"),
        }
        .into()),
        _ => Ok(()),
    }
}

/// A stock count must not be negative.
pub(crate) fn check_quantity(quantity: Option<i64>) -> Result<(), ValidationError> {
    match quantity {
        Some(q) if q < 0 => Err(ValidationError::Invalid {
            field: "quantity",
            reason: format!("{q} is negative"),
        }),
        _ => Ok(()),
    }
}

/// A value Paystack requires that is given through a setter: unset is refused as empty.
pub(crate) fn required<T>(field: &'static str, value: Option<T>) -> Result<T, ValidationError> {
    value.ok_or(ValidationError::Empty(field))
}

/// Required text given through a setter: unset or blank is refused as empty.
pub(crate) fn required_text(
    field: &'static str,
    value: Option<String>,
) -> Result<String, ValidationError> {
    let value = required(field, value)?;
    non_empty(field, &value)?;
    Ok(value)
}

/// Refuses a `subaccount` or `split_code` setter with the wrong prefix.
pub(crate) fn share_codes(
    subaccount: Option<&super::codes::SubaccountCode>,
    split_code: Option<&super::codes::SplitCode>,
) -> Result<(), ValidationError> {
    if let Some(code) = subaccount {
        code.check("subaccount")?;
    }
    if let Some(code) = split_code {
        code.check("split_code")?;
    }
    Ok(())
}
