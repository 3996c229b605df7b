//! Control endpoints under `/_sim`, for the binary and for tests in other languages. They
//! mirror the methods of [`crate::Simulator`]. Calls that concern one integration take its
//! secret key as a bearer token, and use the first integration when none is given.

// Helpers hand back a finished error Response; building it once is simpler than boxing.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use crate::faults::FaultRule;
use crate::flows;
use crate::server::Shared;
use crate::world::{PayOutcome, TransferOutcome, World};

type S = State<Arc<Shared>>;

fn reply(status: StatusCode, body: Value) -> Response {
    (
        status,
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn ok(body: Value) -> Response {
    reply(StatusCode::OK, json!({"status": true, "data": body}))
}

fn bad(message: impl Into<String>) -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        json!({"status": false, "message": message.into()}),
    )
}

/// A flow's result as a control answer: the record, or a 400 with the flow's message.
fn answer(result: Result<Value, crate::world::ApiErr>) -> Response {
    match result {
        Ok(v) => ok(v),
        Err(e) => bad(e.message),
    }
}

/// A text field of a control body (empty when absent).
fn text_field(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn body(bytes: &Bytes) -> Result<Value, Response> {
    if bytes.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(bytes).map_err(|e| bad(format!("invalid JSON: {e}")))
}

/// The integration the bearer key reaches (the first one without a key).
fn integration(w: &World, headers: &HeaderMap) -> Result<usize, Response> {
    let key = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match key {
        None if !w.integrations.is_empty() => Ok(0),
        None => Err(bad("no integration")),
        Some(k) => w.integration_for(k.trim()).ok_or_else(|| {
            reply(
                StatusCode::UNAUTHORIZED,
                json!({"status": false, "message": "Invalid key"}),
            )
        }),
    }
}

/// Runs `f` on the world for the caller's integration.
fn with_ix(
    shared: &Shared,
    headers: &HeaderMap,
    f: impl FnOnce(&mut World, usize) -> Response,
) -> Response {
    shared.with_world(|w| match integration(w, headers) {
        Ok(ix) => f(w, ix),
        Err(r) => r,
    })
}

async fn health() -> Response {
    ok(json!({"ok": true}))
}

async fn clock(State(sh): S) -> Response {
    ok(sh.with_world(
        |w| json!({"now": crate::state::stamp(w.now()), "offset_secs": w.clock.offset_secs}),
    ))
}

async fn advance(State(sh): S, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(secs) = v.get("seconds").and_then(Value::as_i64).filter(|s| *s >= 0) else {
        return bad("seconds (a non-negative integer) is required");
    };
    ok(sh.with_world(|w| {
        w.advance(secs);
        json!({"now": crate::state::stamp(w.now())})
    }))
}

async fn reset(State(sh): S) -> Response {
    sh.with_world(World::reset);
    ok(json!({"reset": true}))
}

async fn seed(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    with_ix(&sh, &headers, |w, ix| match w.seed(ix, &v) {
        Ok(n) => ok(json!({"records": n})),
        Err(e) => bad(e),
    })
}

async fn journal(State(sh): S) -> Response {
    ok(sh.with_world(|w| serde_json::to_value(&w.journal).unwrap_or(Value::Null)))
}

async fn clear_journal(State(sh): S) -> Response {
    sh.with_world(|w| w.journal.clear());
    ok(json!({"cleared": true}))
}

async fn add_fault(State(sh): S, b: Bytes) -> Response {
    let rule: FaultRule = match body(&b)
        .and_then(|v| serde_json::from_value(v).map_err(|e| bad(format!("not a fault rule: {e}"))))
    {
        Ok(r) => r,
        Err(r) => return r,
    };
    sh.with_world(|w| w.faults.push(rule));
    ok(json!({"added": true}))
}

async fn list_faults(State(sh): S) -> Response {
    ok(sh.with_world(|w| serde_json::to_value(&w.faults).unwrap_or(Value::Null)))
}

async fn clear_faults(State(sh): S) -> Response {
    sh.with_world(|w| w.faults.clear());
    ok(json!({"cleared": true}))
}

async fn set_webhook(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let url = v.get("url").and_then(Value::as_str).map(str::to_string);
    with_ix(&sh, &headers, |w, ix| {
        w.integrations[ix].webhook_url = url.clone();
        w.dirty_integrations.push(ix);
        ok(json!({"url": url}))
    })
}

async fn webhooks(State(sh): S) -> Response {
    ok(sh.with_world(|w| serde_json::to_value(&w.deliveries).unwrap_or(Value::Null)))
}

async fn replay(State(sh): S, Path(id): Path<usize>) -> Response {
    let known = sh.with_world(|w| match w.deliveries.get_mut(id) {
        Some(d) => {
            d.delivered = false;
            d.url.is_some()
        }
        None => false,
    });
    if !known {
        return bad(format!("no webhook delivery {id} with a URL"));
    }
    sh.resend(id);
    ok(json!({"replayed": id}))
}

async fn pay(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let reference = text_field(&v, "reference");
    let outcome: PayOutcome =
        match serde_json::from_value(v.get("outcome").cloned().unwrap_or(json!("success"))) {
            Ok(o) => o,
            Err(_) => return bad("outcome is success, declined, insufficient_funds or abandoned"),
        };
    with_ix(&sh, &headers, |w, ix| {
        answer(flows::transactions::pay(w, ix, &reference, outcome))
    })
}

async fn dispute(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let reference = text_field(&v, "reference");
    let amount = v.get("refund_amount").and_then(Value::as_i64);
    with_ix(&sh, &headers, |w, ix| {
        answer(flows::disputes::open(w, ix, &reference, amount))
    })
}

async fn settle(State(sh): S, headers: HeaderMap, Path(code): Path<String>, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let outcome: TransferOutcome =
        match serde_json::from_value(v.get("outcome").cloned().unwrap_or(json!("success"))) {
            Ok(o) => o,
            Err(_) => return bad("outcome is success, failed or reversed"),
        };
    with_ix(&sh, &headers, |w, ix| {
        answer(flows::transfers::settle(w, ix, &code, outcome))
    })
}

async fn fund(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let currency = v
        .get("currency")
        .and_then(Value::as_str)
        .unwrap_or("NGN")
        .to_string();
    let Some(amount) = v.get("amount").and_then(Value::as_i64) else {
        return bad("amount (integer subunits) is required");
    };
    with_ix(&sh, &headers, |w, ix| {
        w.move_money(
            ix,
            &currency,
            amount,
            "Simulated top-up",
            "Topup",
            &json!({}),
        );
        ok(json!({"currency": currency, "balance": w.integrations[ix].balance(&currency)}))
    })
}

async fn bank_transfer(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let account = text_field(&v, "account_number");
    let amount = v.get("amount").and_then(Value::as_i64).unwrap_or(0);
    with_ix(&sh, &headers, |w, ix| {
        answer(flows::dedicated::bank_transfer(w, ix, &account, amount))
    })
}

async fn charge_step(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let reference = text_field(&v, "reference");
    let step = v.get("status").and_then(Value::as_str).unwrap_or("");
    const STEPS: &[&str] = &[
        "send_pin",
        "send_otp",
        "send_phone",
        "send_birthday",
        "send_address",
    ];
    if !STEPS.contains(&step) {
        return bad(format!("status is one of {}", STEPS.join(", ")));
    }
    let step = step.to_string();
    with_ix(&sh, &headers, |w, ix| {
        match w.find(ix, "transaction", &reference) {
            Some((pos, mut tx))
                if tx["status"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("send_")) =>
            {
                tx["status"] = json!(step);
                w.save(ix, "transaction", pos, tx.clone());
                ok(tx)
            }
            Some(_) => bad("the charge is not waiting for a step"),
            None => bad("no such charge"),
        }
    })
}

async fn add_integration(State(sh): S, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let key = match v.get("secret_key").and_then(Value::as_str) {
        Some(k) if k.starts_with("sk_test_") => k.to_string(),
        Some(_) => return bad("secret_key must start with sk_test_"),
        None => crate::new_key(),
    };
    sh.with_world(|w| {
        let ix = w.add_integration(&key);
        ok(json!({"secret_key": key, "public_key": w.integrations[ix].public_key}))
    })
}

async fn set_otp(State(sh): S, headers: HeaderMap, b: Bytes) -> Response {
    let v = match body(&b) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(enabled) = v.get("enabled").and_then(Value::as_bool) else {
        return bad("enabled (true or false) is required");
    };
    with_ix(&sh, &headers, |w, ix| {
        w.integrations[ix].otp_enabled = enabled;
        w.dirty_integrations.push(ix);
        ok(json!({"otp_enabled": enabled}))
    })
}

/// Every control route.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/_sim/health", get(health))
        .route("/_sim/clock", get(clock))
        .route("/_sim/clock/advance", post(advance))
        .route("/_sim/reset", post(reset))
        .route("/_sim/seed", post(seed))
        .route("/_sim/journal", get(journal).delete(clear_journal))
        .route(
            "/_sim/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_sim/webhook", post(set_webhook))
        .route("/_sim/webhooks", get(webhooks))
        .route("/_sim/webhooks/{id}/replay", post(replay))
        .route("/_sim/pay", post(pay))
        .route("/_sim/dispute", post(dispute))
        .route("/_sim/transfers/{code}/settle", post(settle))
        .route("/_sim/fund", post(fund))
        .route("/_sim/bank_transfer", post(bank_transfer))
        .route("/_sim/charge_step", post(charge_step))
        .route("/_sim/integrations", post(add_integration))
        .route("/_sim/transfer_otp", post(set_otp))
}
