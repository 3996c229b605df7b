//! Card preauthorization: a reserve holds an amount on a saved card; a capture charges at
//! most that amount, once, and lets go of the rest; a release frees the hold. Each step sends
//! its webhook. Also Capitec Pay's requery, which reads a transaction's status.

use chrono::Duration;
use serde_json::{json, Value};

use crate::generic;
use crate::state::stamp;
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, World};

use super::transactions::{
    charge_authorization, check_reference, customer_for, duplicate, summary,
};

const TABLE: &str = "preauthorization";

/// Serves the operation when it is one of these, else `None`.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "preauthorization_initialize" => initialize(w, ix, call),
        "preauthorization_reserve" => reserve(w, ix, call),
        "preauthorization_capture" => capture(w, ix, call),
        "preauthorization_release" => release(w, ix, call),
        "preauthorization_verify" => w
            .find(ix, TABLE, &call.id())
            .map(|(_, p)| Reply::data("Preauthorization retrieved", p))
            .ok_or_else(|| ApiErr::not_found("Preauthorization")),
        "preauthorization_list" => Ok(generic::list(w, ix, TABLE, call)),
        "capitecPay_requery" => requery(w, ix, call),
        _ => return None,
    })
}

/// The caller's reference (checked, and unused so far) or a new one.
fn reference_for(w: &mut World, ix: usize, call: &Call) -> Result<String, ApiErr> {
    match call.body.get("reference").and_then(Value::as_str) {
        Some(r) => {
            check_reference(r)?;
            duplicate(w, ix, r)?;
            if w.find(ix, TABLE, r).is_some() {
                return Err(ApiErr::invalid(
                    "Duplicate Transaction Reference",
                    "duplicate_reference",
                ));
            }
            Ok(r.to_string())
        }
        None => Ok(w.fresh_code("pre_").to_lowercase()),
    }
}

/// When a hold made now expires: after `expire_after_days` (5 by default).
fn expiry(w: &World, call: &Call) -> String {
    let days = as_int(call.body.get("expire_after_days")).unwrap_or(5);
    stamp(w.now() + Duration::days(days))
}

/// A checkout for a first-time customer. The simulator's checkout page pays transactions, so
/// the hold stays `pending` until a reserve is made on the card (see the README).
fn initialize(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let reference = reference_for(w, ix, call)?;
    let email = call.str("email").unwrap_or_default().to_string();
    let (_, customer) = customer_for(w, ix, &email);
    let access_code = w.fresh_code("").to_lowercase();
    let url = format!("{}/checkout/{access_code}", w.base_url);
    let expiry_date = expiry(w, call);
    let now = stamp(w.now());
    w.create(
        ix,
        TABLE,
        json!({
            "status": "pending", "reference": reference, "amount": call.body["amount"],
            "currency": call.body["currency"], "metadata": call.body.get("metadata"),
            "fees": 0, "customer": summary(&customer), "created_at": now,
            "expiry_date": expiry_date,
            "expire_action": call.body.get("expire_action").cloned().unwrap_or(json!("release")),
            "access_code": access_code,
        }),
    );
    Ok(Reply::data(
        "Authorization URL created",
        json!({"authorization_url": url, "access_code": access_code, "reference": reference}),
    ))
}

/// Holds the amount on a saved card of the customer's.
fn reserve(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let code = call
        .str("authorization_code")
        .unwrap_or_default()
        .to_string();
    let email = call.str("email").unwrap_or_default().to_string();
    let (_, auth) = w
        .find(ix, "authorization", &code)
        .ok_or_else(|| ApiErr::invalid("Invalid authorization code", "invalid_authorization"))?;
    if auth["active"] == false
        || !auth["email"]
            .as_str()
            .unwrap_or("")
            .eq_ignore_ascii_case(&email)
    {
        return Err(ApiErr::invalid(
            "Preauthorization unsuccessful",
            "invalid_authorization",
        ));
    }
    let reference = reference_for(w, ix, call)?;
    let (_, customer) = customer_for(w, ix, &email);
    let mut card = auth.clone();
    if let Some(o) = card.as_object_mut() {
        for k in [
            "id",
            "integration",
            "domain",
            "email",
            "active",
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
        ] {
            o.remove(k);
        }
    }
    let expiry_date = expiry(w, call);
    let now = stamp(w.now());
    let hold = w.create(
        ix,
        TABLE,
        json!({
            "status": "authorized", "reference": reference, "amount": call.body["amount"],
            "currency": call.body["currency"], "metadata": call.body.get("metadata"),
            "fees": 0, "authorization": card, "customer": summary(&customer),
            "gateway_response": {"authorizeResponse": "Approved"},
            "created_at": now, "released_at": null, "expiry_date": expiry_date,
            "expire_action": call.body.get("expire_action").cloned().unwrap_or(json!("release")),
            "email": email, "authorization_code": code,
        }),
    );
    w.emit(ix, "preauthorization.reserve.success", hold.clone());
    Ok(Reply::data("Preauthorization successful", hold))
}

/// The hold with this reference, while it still holds funds.
fn live_hold(w: &World, ix: usize, reference: &str) -> Result<(usize, Value), ApiErr> {
    w.find(ix, TABLE, reference)
        .filter(|(_, p)| p["status"] == "authorized")
        .ok_or_else(|| {
            ApiErr::invalid(
                "No preauthorized transaction exists for the reference provided",
                "invalid_reference",
            )
        })
}

/// Charges at most the held amount, once; what is left of the hold goes back.
fn capture(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let reference = call.str("reference").unwrap_or_default().to_string();
    let (pos, mut hold) = live_hold(w, ix, &reference)?;
    let amount = as_int(call.body.get("amount")).unwrap_or(0);
    let held = as_int(hold.get("amount")).unwrap_or(0);
    if amount <= 0 || amount > held {
        return Err(ApiErr::invalid(
            "Capture amount cannot be more than authorized amount",
            "invalid_amount",
        ));
    }
    let email = hold["email"].as_str().unwrap_or_default().to_string();
    let code = hold["authorization_code"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let currency = hold["currency"].as_str().unwrap_or("ZAR").to_string();
    let tx = match charge_authorization(w, ix, &json!({}), &email, &code, amount, &currency, None) {
        Ok(tx) => tx,
        Err(e) => {
            w.emit(ix, "preauthorization.capture.failed", hold);
            return Err(e);
        }
    };
    hold["status"] = json!("captured");
    hold["captured_at"] = json!(stamp(w.now()));
    hold["captured_amount"] = json!(amount);
    hold["transaction_id"] = tx["id"].clone();
    hold["fees"] = tx["fees"].clone();
    w.save(ix, TABLE, pos, hold.clone());
    w.emit(ix, "preauthorization.capture.success", hold);
    Ok(Reply::data("Capture attempted", tx))
}

/// Lets go of a hold; answers with its status and reference.
fn release(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let reference = call.str("reference").unwrap_or_default().to_string();
    let (pos, mut hold) = live_hold(w, ix, &reference)?;
    hold["status"] = json!("released");
    hold["released_at"] = json!(stamp(w.now()));
    w.save(ix, TABLE, pos, hold.clone());
    w.emit(ix, "preauthorization.release.success", hold);
    Ok(Reply::data(
        "Successfully released",
        json!({"status": "released", "reference": reference}),
    ))
}

/// Where a payment stands, from its transaction; 400 for an unknown reference, as Paystack.
fn requery(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (_, tx) = w
        .find(ix, "transaction", &call.id())
        .ok_or_else(|| ApiErr::invalid("Transaction not found", "transaction_not_found"))?;
    let status = tx["status"].clone();
    let message = match status.as_str() {
        Some("success") => "Charge successful",
        Some("failed") => "Charge failed",
        _ => "Charge pending",
    };
    Ok(Reply::data(message, json!({"status": status})))
}
