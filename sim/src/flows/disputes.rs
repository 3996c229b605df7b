//! Disputes: a customer disputes a paid transaction (`Simulator::open_dispute`), the merchant
//! answers before the due date, and resolving it either refunds the customer from the balance
//! (`merchant-accepted`) or keeps the money (`declined`). Each step sends its webhook, and a
//! reminder goes out once when a day is left to answer.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use crate::state::stamp;
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, World};

/// How long the merchant has to answer a new dispute, in simulated time.
pub const ANSWER_WITHIN: Duration = Duration::days(3);

/// Opens a dispute on a successful transaction, for `refund_amount` subunits (the whole
/// payment when `None`), and sends `charge.dispute.create`.
pub fn open(
    w: &mut World,
    ix: usize,
    reference: &str,
    refund_amount: Option<i64>,
) -> Result<Value, ApiErr> {
    let (_, tx) = w
        .find(ix, "transaction", reference)
        .ok_or_else(|| ApiErr::not_found("Transaction"))?;
    if tx["status"] != "success" {
        return Err(ApiErr::invalid(
            "Only a successful transaction can be disputed",
            "invalid_transaction",
        ));
    }
    let paid = as_int(tx.get("amount")).unwrap_or(0);
    let amount = refund_amount.unwrap_or(paid);
    if amount <= 0 || amount > paid {
        return Err(ApiErr::invalid(
            format!("A dispute can claim between 1 and {paid} subunits"),
            "invalid_amount",
        ));
    }
    let now = w.now();
    let dispute = json!({
        "status": "awaiting-merchant-feedback", "resolution": null, "category": "chargeback",
        "refund_amount": amount, "currency": tx["currency"], "transaction": tx,
        "transaction_reference": tx["reference"], "customer": tx["customer"],
        "domain": tx["domain"], "note": null, "attachments": null, "evidence": null,
        "dueAt": stamp(now + ANSWER_WITHIN), "resolvedAt": null,
        "history": [{"status": "awaiting-merchant-feedback", "by": "customer", "createdAt": stamp(now)}],
        "messages": [],
    });
    let dispute = w.create(ix, "dispute", dispute);
    w.emit(ix, "charge.dispute.create", dispute.clone());
    Ok(dispute)
}

/// `PUT /dispute/{id}/resolve`: accepting refunds the claimed amount from the balance;
/// declining keeps it. A resolved dispute cannot be resolved again.
fn resolve(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (pos, mut d) = w
        .find(ix, "dispute", &call.id())
        .ok_or_else(|| ApiErr::not_found("Dispute"))?;
    if d["status"] == "resolved" {
        return Err(ApiErr::invalid(
            "Dispute has already been resolved",
            "dispute_resolved",
        ));
    }
    let resolution = call.str("resolution").unwrap_or("").to_string();
    if resolution != "merchant-accepted" && resolution != "declined" {
        return Err(ApiErr::invalid(
            "resolution must be merchant-accepted or declined",
            "invalid_params",
        ));
    }
    let claimed = as_int(d.get("refund_amount")).unwrap_or(0);
    let refund = call.int("refund_amount").unwrap_or(claimed);
    let now = stamp(w.now());
    if resolution == "merchant-accepted" {
        if refund <= 0 || refund > claimed {
            return Err(ApiErr::invalid(
                format!("refund_amount must be between 1 and {claimed}"),
                "invalid_amount",
            ));
        }
        let currency = d["currency"].as_str().unwrap_or("NGN").to_string();
        w.move_money(ix, &currency, -refund, "Dispute", "Dispute", &d);
        d["refund_amount"] = json!(refund);
    }
    d["status"] = json!("resolved");
    d["resolution"] = json!(resolution);
    d["resolvedAt"] = json!(now);
    d["note"] = call.body.get("message").cloned().unwrap_or(Value::Null);
    if let Some(h) = d["history"].as_array_mut() {
        h.push(json!({"status": "resolved", "by": "merchant", "createdAt": now}));
    }
    w.save(ix, "dispute", pos, d.clone());
    w.emit(ix, "charge.dispute.resolve", d.clone());
    Ok(Reply::data("Dispute successfully resolved", d))
}

/// Sends `charge.dispute.remind` once for each open dispute with a day or less to answer.
pub fn remind_due(w: &mut World, ix: usize, now: DateTime<Utc>) {
    // Due for a reminder: a day or less left to answer, and not reminded yet.
    let reminder_at = now + Duration::days(1);
    let open = w.due(
        ix,
        "dispute",
        "awaiting-merchant-feedback",
        "dueAt",
        reminder_at,
    );
    for (pos, mut d) in open {
        let reminded = d["history"]
            .as_array()
            .is_some_and(|h| h.iter().any(|e| e["status"] == "reminded"));
        if reminded {
            continue;
        }
        if let Some(h) = d["history"].as_array_mut() {
            h.push(json!({"status": "reminded", "by": "paystack", "createdAt": stamp(now)}));
        }
        w.save(ix, "dispute", pos, d.clone());
        w.emit(ix, "charge.dispute.remind", d);
    }
}

/// Runs the dispute flows this module owns.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    match call.op.id.as_str() {
        "dispute_resolve" => Some(resolve(w, ix, call)),
        _ => None,
    }
}
