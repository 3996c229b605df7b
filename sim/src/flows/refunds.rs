//! Refunds: full or partial, never more than what was paid, processed on the clock.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::state::stamp;
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, World};

/// How much of a transaction has been refunded already (failed refunds do not count).
fn refunded(w: &World, ix: usize, tx_id: &Value) -> i64 {
    w.integrations[ix]
        .tables
        .get("refund")
        .map(|t| {
            t.iter()
                .filter(|(_, r)| {
                    r.pointer("/transaction/id") == Some(tx_id) && r["status"] != "failed"
                })
                .map(|(_, r)| as_int(r.get("amount")).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

fn create(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let key = match call.body.get("transaction") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let (tx_pos, mut tx) = w
        .find(ix, "transaction", &key)
        .ok_or_else(|| ApiErr::invalid("Transaction not found", "transaction_not_found"))?;
    if tx["status"] != "success" {
        return Err(ApiErr::refused(
            "Only a successful transaction can be refunded",
            "transaction_not_refundable",
        ));
    }
    let paid = as_int(tx.get("amount")).unwrap_or(0);
    let left = paid - refunded(w, ix, &tx["id"]);
    let amount = call.int("amount").unwrap_or(left);
    if amount <= 0 || amount > left {
        return Err(ApiErr::invalid(
            format!("Refund amount cannot be more than the {left} left to refund"),
            "invalid_amount",
        ));
    }
    let currency = tx["currency"].as_str().unwrap_or("NGN").to_string();
    let balance = w.integrations[ix].balance(&currency);
    let r = json!({
        "transaction": tx, "transaction_reference": tx["reference"], "transaction_amount": paid,
        "amount": amount, "currency": currency, "status": "pending", "channel": tx["channel"],
        "customer": tx["customer"], "customer_note": call.body.get("customer_note").cloned().unwrap_or(Value::Null),
        "merchant_note": call.body.get("merchant_note").cloned().unwrap_or(Value::Null),
        "deducted_amount": amount.min(balance.max(0)), "fully_deducted": balance >= amount,
        "refunded_by": "simulator", "refunded_at": null, "refund_type": if amount == left && amount == paid { "full" } else { "partial" },
        "expected_at": stamp(w.now() + chrono::Duration::seconds(w.refund_settle_secs)),
    });
    let r = w.create(ix, "refund", r);
    // The balance may go below zero: Paystack recovers the rest from later settlements.
    w.move_money(ix, &currency, -amount, "Refund", "Refund", &r);
    if amount == left {
        tx["status"] = json!("reversed");
        w.save(ix, "transaction", tx_pos, tx);
    }
    w.emit(ix, "refund.pending", r.clone());
    Ok(Reply::data("Refund has been queued for processing", r))
}

/// Processes pending refunds whose time has come.
pub fn process_due(w: &mut World, ix: usize, now: DateTime<Utc>) {
    for (pos, mut r) in w.due(ix, "refund", "pending", "expected_at", now) {
        r["status"] = json!("processed");
        r["refunded_at"] = json!(stamp(now));
        w.save(ix, "refund", pos, r.clone());
        w.emit(ix, "refund.processed", r);
    }
}

/// The refund operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "refund_create" => create(w, ix, call),
        _ => return None,
    })
}
