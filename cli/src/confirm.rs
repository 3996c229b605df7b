//! The question a money-moving command asks: the action, the amount with its currency, who
//! gets or pays it, and the reference, e.g.
//! `Transfer NGN 500.00 to Ada Lovelace (RCP_x1y2z3, Access Bank ****6789), reference
//! payout-2026-12-0001`.

use serde_json::{Map, Value};

use crate::output::major_units;
use crate::request::Request;
use crate::spec::Op;

/// The request in words. `found` is the record the CLI looked up, when it could: the
/// transfer's recipient, the transfer an OTP releases, or the payment a refund returns.
/// Without it, codes and references stand in.
pub fn summary(op: &Op, req: &Request, found: Option<&Value>) -> String {
    let mut out = verb(op);
    match &req.body {
        Some(Value::Array(items)) => out.push_str(&batch(items, None)),
        Some(Value::Object(map)) => match map.get("transfers").and_then(Value::as_array) {
            Some(items) => out.push_str(&batch(items, text(map, "currency"))),
            None => out.push_str(&one(op, map, found)),
        },
        _ => {}
    }
    if !op.path_params.is_empty() {
        out.push_str(&format!(" ({} {})", req.method, req.path));
    }
    out
}

/// The action, from the operation; other operations are named by their summary.
fn verb(op: &Op) -> String {
    let verb = match op.id.as_str() {
        "transfer_initiate" | "transfer_bulk" => "Transfer",
        "transfer_finalize" => "Release transfer",
        "refund_create" => "Refund",
        "charge_create" | "transaction_chargeAuthorization" | "bulkCharge_initiate" => "Charge",
        "transaction_partialDebit" => "Debit up to",
        "subscription_create" => "Subscribe",
        _ => return op.summary.trim_end_matches('.').to_string(),
    };
    verb.to_string()
}

fn text<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    map.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn subunits(v: Option<&Value>) -> Option<i64> {
    v.and_then(|v| v.as_i64().or_else(|| v.as_str()?.trim().parse().ok()))
}

/// An amount with its currency, or a note that the integration's default currency applies.
fn money(subunits: i64, currency: Option<&str>) -> String {
    match currency {
        Some(c) => major_units(subunits, Some(c)),
        None => format!(
            "{} (in the integration's default currency)",
            major_units(subunits, None)
        ),
    }
}

/// One payment, transfer, refund or subscription.
fn one(op: &Op, map: &Map<String, Value>, found: Option<&Value>) -> String {
    let mut out = String::new();
    let found_text = |name: &str| {
        found
            .and_then(|r| r[name].as_str())
            .filter(|s| !s.is_empty())
    };
    let currency = text(map, "currency").or_else(|| found_text("currency"));
    if let Some(code) = text(map, "transfer_code") {
        // A transfer waiting for its OTP: what it pays is in the transfer record.
        out.push_str(&format!(" {code}"));
        if let Some(n) = subunits(found.and_then(|r| r.get("amount"))) {
            out.push_str(&format!(": {}", money(n, currency)));
        }
        if let Some(r) = found.map(|f| &f["recipient"]).filter(|r| r.is_object()) {
            let code = r["recipient_code"].as_str().unwrap_or("recipient");
            out.push_str(&format!(" to {}", who(code, Some(r))));
        }
        if let Some(reference) = found_text("reference") {
            out.push_str(&format!(", reference {reference}"));
        }
        return out;
    }
    match subunits(map.get("amount").or_else(|| map.get("refund_amount"))) {
        Some(n) => out.push_str(&format!(" {}", money(n, currency))),
        None if op.id == "refund_create" => match subunits(found.and_then(|r| r.get("amount"))) {
            Some(n) => out.push_str(&format!(" {} (the full amount)", money(n, currency))),
            None => out.push_str(" the full amount"),
        },
        None => {}
    }
    if let Some(code) = text(map, "recipient") {
        out.push_str(&format!(" to {}", who(code, found)));
    }
    if let Some(auth) = text(map, "authorization_code").or_else(|| text(map, "authorization")) {
        let payer = text(map, "email").or_else(|| text(map, "customer"));
        match payer {
            Some(p) => out.push_str(&format!(" from {p} ({auth})")),
            None => out.push_str(&format!(" from {auth}")),
        }
    } else if let Some(customer) = text(map, "email").or_else(|| text(map, "customer")) {
        out.push_str(&format!(" from {customer}"));
    }
    if let Some(plan) = text(map, "plan") {
        out.push_str(&format!(" to plan {plan}"));
    }
    if let Some(transaction) = text(map, "transaction") {
        out.push_str(&format!(" of transaction {transaction}"));
        if let Some(email) = found.and_then(|r| r["customer"]["email"].as_str()) {
            out.push_str(&format!(" (paid by {email})"));
        }
    }
    if let Some(reference) = text(map, "reference") {
        out.push_str(&format!(", reference {reference}"));
    }
    out
}

/// `Ada Lovelace (RCP_x1y2z3, Access Bank ****6789)`, or the code alone.
fn who(code: &str, recipient: Option<&Value>) -> String {
    let Some(r) = recipient else {
        return code.to_string();
    };
    let details = &r["details"];
    let name = r["name"]
        .as_str()
        .or_else(|| details["account_name"].as_str())
        .filter(|n| !n.is_empty());
    let mut about = vec![code.to_string()];
    let bank = details["bank_name"].as_str().filter(|b| !b.is_empty());
    let account = details["account_number"]
        .as_str()
        .filter(|a| !a.is_empty())
        .map(mask);
    match (bank, account) {
        (Some(b), Some(a)) => about.push(format!("{b} {a}")),
        (Some(b), None) => about.push(b.to_string()),
        (None, Some(a)) => about.push(a),
        (None, None) => {}
    }
    match name {
        Some(n) => format!("{n} ({})", about.join(", ")),
        None => about.join(", "),
    }
}

/// `****6789`: the last four characters of an account number.
fn mask(account: &str) -> String {
    let chars: Vec<char> = account.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("****{tail}")
}

/// A batch: how many, the total, and the first few recipients and references.
fn batch(items: &[Value], currency: Option<&str>) -> String {
    let total: i64 = items
        .iter()
        .filter_map(|i| subunits(i.get("amount")))
        .fold(0i64, i64::saturating_add);
    let list = |field: &str| -> String {
        let names: Vec<&str> = items.iter().filter_map(|i| i[field].as_str()).collect();
        let mut shown = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        if names.len() > 3 {
            shown.push_str(&format!(" and {} more", names.len() - 3));
        }
        shown
    };
    let mut out = format!(
        " {} items, {} in total",
        items.len(),
        money(total, currency)
    );
    for (field, label) in [
        ("recipient", "to"),
        ("authorization", "from"),
        ("reference", "references"),
    ] {
        let shown = list(field);
        if !shown.is_empty() {
            out.push_str(&format!(", {label} {shown}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(body: Value) -> Request {
        Request {
            method: "POST".into(),
            path: "/transfer".into(),
            query: vec![],
            body: Some(body),
        }
    }

    #[test]
    fn a_transfer_names_amount_recipient_and_reference() {
        let op = crate::spec::by_id("transfer_initiate").unwrap();
        let req = request(
            json!({"source": "balance", "amount": 50000, "currency": "NGN",
            "recipient": "RCP_x1y2z3", "reference": "payout-2026-12-0001"}),
        );
        let found = json!({"name": "Ada Lovelace", "currency": "NGN",
            "details": {"bank_name": "Access Bank", "account_number": "0123456789"}});
        assert_eq!(
            summary(op, &req, Some(&found)),
            "Transfer NGN 500.00 to Ada Lovelace (RCP_x1y2z3, Access Bank ****6789), \
             reference payout-2026-12-0001"
        );
        // Without a lookup: the code, and the recipient's currency is not known.
        let req = request(json!({"amount": 123456, "recipient": "RCP_x1y2z3",
            "reference": "payout-2026-12-0001"}));
        assert_eq!(
            summary(op, &req, None),
            "Transfer 1,234.56 (in the integration's default currency) to RCP_x1y2z3, \
             reference payout-2026-12-0001"
        );
    }

    #[test]
    fn looked_up_records_fill_in_releases_and_full_refunds() {
        let finalize = crate::spec::by_id("transfer_finalize").unwrap();
        let req = request(json!({"transfer_code": "TRF_q1", "otp": "123456"}));
        let transfer = json!({"amount": 90000, "currency": "NGN", "reference": "payout-2026-12-0009",
            "recipient": {"recipient_code": "RCP_z9", "name": "Chidi Eze",
                "details": {"bank_name": "Zenith Bank", "account_number": "2223334445"}}});
        assert_eq!(
            summary(finalize, &req, Some(&transfer)),
            "Release transfer TRF_q1: NGN 900.00 to Chidi Eze (RCP_z9, Zenith Bank ****4445), \
             reference payout-2026-12-0009"
        );
        assert_eq!(summary(finalize, &req, None), "Release transfer TRF_q1");

        let refund = crate::spec::by_id("refund_create").unwrap();
        let paid =
            json!({"amount": 250000, "currency": "GHS", "customer": {"email": "kemi@example.com"}});
        assert_eq!(
            summary(refund, &request(json!({"transaction": "order-1042"})), Some(&paid)),
            "Refund GHS 2,500.00 (the full amount) of transaction order-1042 (paid by kemi@example.com)"
        );
        assert_eq!(
            summary(
                refund,
                &request(json!({"transaction": "order-1042", "amount": 5000})),
                Some(&paid)
            ),
            "Refund GHS 50.00 of transaction order-1042 (paid by kemi@example.com)"
        );
    }

    #[test]
    fn refunds_charges_and_batches_read_as_sentences() {
        let refund = crate::spec::by_id("refund_create").unwrap();
        assert_eq!(
            summary(refund, &request(json!({"transaction": "order-1042"})), None),
            "Refund the full amount of transaction order-1042"
        );
        let charge = crate::spec::by_id("transaction_chargeAuthorization").unwrap();
        let req = request(
            json!({"amount": 2500, "currency": "GHS", "email": "ada@example.com",
            "authorization_code": "AUTH_x1", "reference": "order-7"}),
        );
        assert_eq!(
            summary(charge, &req, None),
            "Charge GHS 25.00 from ada@example.com (AUTH_x1), reference order-7"
        );
        let bulk = crate::spec::by_id("transfer_bulk").unwrap();
        let items: Vec<Value> = (1..=4)
            .map(|i| json!({"amount": 10000, "recipient": format!("RCP_{i}"), "reference": format!("payout-2026-12-000{i}")}))
            .collect();
        let req = request(json!({"currency": "NGN", "transfers": items}));
        assert_eq!(
            summary(bulk, &req, None),
            "Transfer 4 items, NGN 400.00 in total, to RCP_1, RCP_2, RCP_3 and 1 more, \
             references payout-2026-12-0001, payout-2026-12-0002, payout-2026-12-0003 and 1 more"
        );
    }
}
