//! Settlements: each successful payment queues its net amount for the next day, and the clock
//! pays it out, as Paystack settles on a schedule after the payment.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::generic;
use crate::state::stamp;
use crate::world::{ApiErr, Call, CallResult, Reply, World};

/// Marks every pending settlement whose date has come as paid.
pub fn settle_due(w: &mut World, ix: usize, now: DateTime<Utc>) {
    for (pos, mut s) in w.due(ix, "settlement", "pending", "settlement_date", now) {
        s["status"] = json!("success");
        s["updatedAt"] = json!(stamp(now));
        w.save(ix, "settlement", pos, s);
    }
}

/// The transactions behind one settlement, by its id.
fn transactions(w: &World, ix: usize, call: &Call) -> CallResult {
    let Some((_, settlement)) = w.find(ix, "settlement", &call.id()) else {
        return Err(ApiErr::not_found("Settlement"));
    };
    let references: Vec<&str> = settlement["transaction_reference"]
        .as_str()
        .into_iter()
        .collect();
    let rows: Vec<Value> = w.integrations[ix]
        .tables
        .get("transaction")
        .map(|t| {
            t.newest_first()
                .filter(|tx| {
                    tx["reference"]
                        .as_str()
                        .is_some_and(|r| references.contains(&r))
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let (data, meta) = generic::paginate(rows, &call.query);
    Ok(Reply {
        message: "Settlement transactions retrieved".into(),
        data: Some(Value::Array(data)),
        meta: Some(meta),
    })
}

/// Runs the settlement flows this module owns.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    match call.op.id.as_str() {
        "settlements_transaction" => Some(transactions(w, ix, call)),
        _ => None,
    }
}
