//! The SDK's own checks applied to command-line values before anything is sent: codes by
//! prefix (`paystack::codes`), emails and references (`paystack::validate`) and amounts given in
//! subunits (`paystack::Amount`).
//!
//! The spec types every code as a plain string, so which code a field holds is listed here,
//! following the SDK's typed handlers (`recipient: impl Into<RecipientCode>`...).

use paystack::codes::{
    AuthorizationCode, BulkChargeCode, CustomerCode, PaymentRequestCode, PlanCode, RecipientCode,
    SplitCode, SubaccountCode, SubscriptionCode, TransferCode, VirtualTerminalCode,
};
use paystack::ValidationError;
use serde_json::{Map, Value};

use crate::error::{Failure, Result};
use crate::spec::{Kind, Op};

/// Where a value goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Path,
    Query,
    Body,
}

/// A kind of Paystack code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Customer,
    Recipient,
    Transfer,
    Authorization,
    Plan,
    Subscription,
    Split,
    Subaccount,
    PaymentRequest,
    BulkCharge,
    VirtualTerminal,
}

impl Code {
    /// The SDK's prefix check for this kind.
    fn parse(self, value: &str) -> Result<(), ValidationError> {
        match self {
            Code::Customer => CustomerCode::parse_code(value).map(drop),
            Code::Recipient => RecipientCode::parse_code(value).map(drop),
            Code::Transfer => TransferCode::parse_code(value).map(drop),
            Code::Authorization => AuthorizationCode::parse_code(value).map(drop),
            Code::Plan => PlanCode::parse_code(value).map(drop),
            Code::Subscription => SubscriptionCode::parse_code(value).map(drop),
            Code::Split => SplitCode::parse_code(value).map(drop),
            Code::Subaccount => SubaccountCode::parse_code(value).map(drop),
            Code::PaymentRequest => PaymentRequestCode::parse_code(value).map(drop),
            Code::BulkCharge => BulkChargeCode::parse_code(value).map(drop),
            Code::VirtualTerminal => VirtualTerminalCode::parse_code(value).map(drop),
        }
    }

    /// The prefix, for examples in help text.
    pub fn prefix(self) -> &'static str {
        match self {
            Code::Customer => CustomerCode::PREFIX,
            Code::Recipient => RecipientCode::PREFIX,
            Code::Transfer => TransferCode::PREFIX,
            Code::Authorization => AuthorizationCode::PREFIX,
            Code::Plan => PlanCode::PREFIX,
            Code::Subscription => SubscriptionCode::PREFIX,
            Code::Split => SplitCode::PREFIX,
            Code::Subaccount => SubaccountCode::PREFIX,
            Code::PaymentRequest => PaymentRequestCode::PREFIX,
            Code::BulkCharge => BulkChargeCode::PREFIX,
            Code::VirtualTerminal => VirtualTerminalCode::PREFIX,
        }
    }
}

/// What Paystack takes in a code's place, besides the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Also {
    Nothing,
    Id,
    Email,
    IdOrEmail,
}

/// The code a field holds, if it holds one, and what else it accepts.
pub fn code_field(op: &Op, place: Place, name: &str) -> Option<(Code, Also)> {
    use Also::*;
    if place == Place::Path {
        return Some(match (op.area.as_str(), name) {
            ("customers", "code") => (Code::Customer, Email),
            ("bulk-charges", "code") => (Code::BulkCharge, Id),
            ("plans", "code") => (Code::Plan, Id),
            ("subaccounts", "code") => (Code::Subaccount, Id),
            ("subscriptions", "code") => (Code::Subscription, Id),
            ("transfers", "code") => (Code::Transfer, Id),
            ("transfer-recipients", "code") => (Code::Recipient, Id),
            ("virtual-terminals", "code") => (Code::VirtualTerminal, Nothing),
            ("payment-requests", "id") => (Code::PaymentRequest, Id),
            _ => return None,
        });
    }
    Some(match name {
        // Lists filter by a recipient's id or code; a transfer is sent to a code only.
        "recipient" if place == Place::Query => (Code::Recipient, Id),
        "recipient" => (Code::Recipient, Nothing),
        "authorization_code" | "authorization" => (Code::Authorization, Nothing),
        "transfer_code" => (Code::Transfer, Nothing),
        "split_code" => (Code::Split, Nothing),
        // The settlement filter's `subaccount` also takes an id or `none`: left unchecked.
        "subaccount" if place == Place::Query => return None,
        "subaccount" | "subaccount_code" | "bearer_subaccount" => (Code::Subaccount, Nothing),
        "customer_code" => (Code::Customer, Nothing),
        "customer" => (Code::Customer, IdOrEmail),
        "plan" => (Code::Plan, Id),
        "code" if op.area == "subscriptions" => (Code::Subscription, Nothing),
        _ => return None,
    })
}

/// Checks one path or query value (or a body field's value) named `name`.
pub fn value(op: &Op, place: Place, name: &str, text: &str) -> Result<()> {
    let flag = |e: ValidationError| Failure::Validation(format!("{}: {e}", shown(place, name)));
    if text.trim().is_empty() {
        return Err(Failure::Validation(format!(
            "{} must not be empty",
            shown(place, name)
        )));
    }
    if let Some((code, also)) = code_field(op, place, name) {
        let id =
            matches!(also, Also::Id | Also::IdOrEmail) && text.bytes().all(|b| b.is_ascii_digit());
        let email = matches!(also, Also::Email | Also::IdOrEmail) && text.contains('@');
        if email {
            paystack::validate::email(text).map_err(flag)?;
        } else if !id {
            code.parse(text).map_err(|e| {
                let mut message = format!("{}: {e}", shown(place, name));
                match also {
                    Also::Nothing => {}
                    Also::Id => message.push_str(" (or give its numeric id)"),
                    Also::Email => message.push_str(" (or give the customer's email)"),
                    Also::IdOrEmail => message.push_str(" (or give its numeric id or email)"),
                }
                Failure::Validation(message)
            })?;
        }
    }
    if name == "email" || name.ends_with("_email") {
        paystack::validate::email(text).map_err(flag)?;
    }
    if name == "reference" {
        match op.area.as_str() {
            // Lookups by reference (`transfers verify`) take references made anywhere.
            "transfers" if op.method == "POST" => {
                paystack::validate::transfer_reference(text).map_err(flag)?
            }
            "transactions" | "charges" | "bulk-charges" => {
                paystack::validate::transaction_reference(text).map_err(flag)?
            }
            _ => {}
        }
    }
    Ok(())
}

/// How a value is named in messages: its flag, or its wire name for a path argument.
fn shown(place: Place, name: &str) -> String {
    match place {
        Place::Path => name.to_uppercase(),
        _ => format!("--{}", kebab(name)),
    }
}

fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '_' => out.push('-'),
            c if c.is_ascii_uppercase() => {
                out.push('-');
                out.push(c.to_ascii_lowercase());
            }
            c => out.push(c),
        }
    }
    out
}

/// Checks a whole body, however it was given (flags, `-f`, `--input`): its top-level fields
/// and the fields of objects in its top-level arrays (bulk transfers and charges, split
/// shares). Deeper values (metadata) are the caller's own and stay unchecked.
pub fn body(op: &Op, body: &Value) -> Result<()> {
    match body {
        Value::Object(map) => {
            fields(op, map)?;
            for item in map.values().filter_map(Value::as_array).flatten() {
                if let Value::Object(inner) = item {
                    fields(op, inner)?;
                }
            }
            Ok(())
        }
        Value::Array(items) => {
            for item in items {
                if let Value::Object(inner) = item {
                    fields(op, inner)?;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn fields(op: &Op, map: &Map<String, Value>) -> Result<()> {
    let amount_fields: Vec<&str> = op
        .body
        .iter()
        .flat_map(|b| b.fields.iter())
        .filter(|f| f.kind == Kind::Amount)
        .map(|f| f.name.as_str())
        .collect();
    for (name, v) in map {
        match v {
            Value::String(text) => value(op, Place::Body, name, text)?,
            Value::Number(_) if amount_fields.contains(&name.as_str()) || name == "amount" => {
                subunits(op, name, v)?
            }
            _ => {}
        }
    }
    Ok(())
}

/// Areas whose amounts a customer pays, which Paystack caps per transaction.
const PAID_BY_CUSTOMERS: &[&str] = &[
    "transactions",
    "charges",
    "bulk-charges",
    "pages",
    "plans",
    "payment-requests",
];

/// An amount in the body is in subunits: a whole, positive number within the SDK's ceiling,
/// and within Paystack's per-transaction maximum where a customer pays it.
fn subunits(op: &Op, name: &str, v: &Value) -> Result<()> {
    let n = v.as_i64().ok_or_else(|| {
        Failure::Validation(format!(
            "{name}: {v} is not a whole number of subunits (kobo, pesewas, cents); flags such as \
             --{} take major units like 2500.00",
            kebab(name)
        ))
    })?;
    let amount = paystack::Amount::from_subunits(n)
        .map_err(|e| Failure::Validation(format!("{name}: {e}")))?;
    if PAID_BY_CUSTOMERS.contains(&op.area.as_str()) {
        amount
            .check_transaction_maximum()
            .map_err(|e| Failure::Validation(format!("{name}: {e}")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(id: &str) -> &'static Op {
        crate::spec::table()
            .operations
            .iter()
            .find(|op| op.id == id)
            .unwrap()
    }

    #[test]
    fn a_code_of_another_kind_is_refused() {
        let transfer = op("transfer_initiate");
        let err = value(transfer, Place::Body, "recipient", "CUS_x1y2").unwrap_err();
        assert!(err.to_string().contains("RCP_"), "{err}");
        assert_eq!(err.code(), 3);
        value(transfer, Place::Body, "recipient", "RCP_x1y2").unwrap();
        // A transfer goes to a code, never an id.
        assert!(value(transfer, Place::Body, "recipient", "1234").is_err());

        let fetch = op("transferrecipient_fetch");
        value(fetch, Place::Path, "code", "1234").unwrap();
        value(fetch, Place::Path, "code", "RCP_a1").unwrap();
        assert!(value(fetch, Place::Path, "code", "TRF_a1").is_err());

        let customer = op("customer_fetch");
        value(customer, Place::Path, "code", "ada@example.com").unwrap();
        value(customer, Place::Path, "code", "CUS_a1").unwrap();
        assert!(value(customer, Place::Path, "code", "ada@").is_err());
        assert!(value(customer, Place::Path, "code", "RCP_a1").is_err());
    }

    #[test]
    fn bodies_from_files_get_the_same_checks() {
        let bulk = op("transfer_bulk");
        let good = serde_json::json!({"source": "balance", "transfers": [
            {"amount": 5000, "recipient": "RCP_a1", "reference": "payout-2026-12-0001"}]});
        body(bulk, &good).unwrap();
        for bad in [
            serde_json::json!({"transfers": [{"amount": 5000, "recipient": "CUS_a1"}]}),
            serde_json::json!({"transfers": [{"amount": 50.5, "recipient": "RCP_a1"}]}),
            serde_json::json!({"transfers": [{"amount": -5, "recipient": "RCP_a1"}]}),
            serde_json::json!({"transfers": [{"amount": 5, "reference": "short"}]}),
        ] {
            assert!(body(bulk, &bad).is_err(), "{bad}");
        }
        // A customer pays at most 10,000,000.00 in one transaction; a transfer is not capped.
        let init = op("transaction_initialize");
        body(init, &serde_json::json!({"amount": 1_000_000_000})).unwrap();
        assert!(body(init, &serde_json::json!({"amount": 1_000_000_001})).is_err());
        body(
            bulk,
            &serde_json::json!({"transfers": [{"amount": 1_000_000_001}]}),
        )
        .unwrap();
        // Metadata is the caller's own: not checked.
        let init = op("transaction_initialize");
        body(
            init,
            &serde_json::json!({"metadata": {"customer": "anything"}}),
        )
        .unwrap();
    }
}
