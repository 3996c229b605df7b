//! A minimal Paystack webhook receiver with axum.
//!
//! ```text
//! PAYSTACK_SECRET_KEY=sk_test_... cargo run --example webhook_server --features axum
//! ```
//!
//! It listens on `127.0.0.1:3000` (or `$BIND`) and accepts deliveries on `POST /paystack/webhook`.
//!
//! The shape to copy:
//!
//! - [`PaystackEvent`] verifies the `x-paystack-signature` header against the raw body and
//!   decodes the event; forged, altered, oversized or unreadable deliveries are answered
//!   401/413/400 before the handler runs.
//! - The handler answers **200 at once** and hands the event to a spawned task. Paystack
//!   waits only briefly for an answer and retries anything that is not a quick 200, so slow
//!   work (database writes, emails, calls back to the API) must not happen before answering.
//!   For durable processing, put the event on a queue or in a table instead of `tokio::spawn`.
//! - Retries mean the same event can arrive more than once: [`Event::dedupe_key`] names it.
//!   This example remembers keys in memory; a real service stores them with a unique
//!   constraint next to the work it does.
//!
//! Try it with a delivery signed by hand:
//!
//! ```text
//! body='{"event":"charge.success","data":{"reference":"demo-1","amount":500000}}'
//! # signature: paystack::webhook::sign(key, body), or openssl dgst -sha512 -hmac "$KEY"
//! curl -X POST localhost:3000/paystack/webhook -H "x-paystack-signature: $sig" -d "$body"
//! ```

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use paystack::webhook::axum::PaystackEvent;
use paystack::webhook::{Event, Webhook};

/// What the handlers share.
#[derive(Clone)]
struct AppState {
    webhook: Webhook,
    /// Dedupe keys of events already taken in (in memory for the example only).
    seen: Arc<Mutex<HashSet<String>>>,
}

/// Lets the extractor find the verifier in the state.
impl FromRef<AppState> for Webhook {
    fn from_ref(state: &AppState) -> Webhook {
        state.webhook.clone()
    }
}

/// Only verified deliveries get here. Answer first, work later.
async fn receive(State(state): State<AppState>, PaystackEvent(event): PaystackEvent) -> StatusCode {
    let key = event.dedupe_key();
    let first_time = state
        .seen
        .lock()
        .map(|mut seen| seen.insert(key.clone()))
        .unwrap_or(true);
    if !first_time {
        tracing::info!(%key, "repeat delivery, already handled");
        return StatusCode::OK;
    }
    tokio::spawn(process(event));
    StatusCode::OK
}

/// The slow part, off the request path.
async fn process(event: Event) {
    match &event {
        Event::ChargeSuccess(charge) => tracing::info!(
            reference = ?charge.reference,
            amount = ?charge.amount,
            currency = ?charge.currency,
            "payment received: check amount and currency against the order, then fulfil it"
        ),
        Event::TransferSuccess(t) | Event::TransferFailed(t) | Event::TransferReversed(t) => {
            tracing::info!(event = event.name(), transfer = ?t.transfer_code, status = ?t.status, "transfer update")
        }
        Event::RefundProcessed(refund) => {
            tracing::info!(transaction = ?refund.transaction_reference, amount = ?refund.amount, "refund done")
        }
        Event::Unknown { name, .. } => tracing::info!(%name, "event this version does not know"),
        other => tracing::info!(event = other.name(), key = %other.dedupe_key(), "event received"),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .init();

    let key = std::env::var(paystack::SECRET_KEY_ENV)
        .map_err(|_| format!("set {} to your secret key", paystack::SECRET_KEY_ENV))?;
    let state = AppState {
        webhook: Webhook::new(key)?,
        seen: Arc::default(),
    };
    let app = Router::new()
        .route("/paystack/webhook", post(receive))
        .with_state(state);

    let bind = std::env::var("BIND").unwrap_or_else(|_| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&bind).await?;
    tracing::info!(%bind, "waiting for Paystack webhooks on POST /paystack/webhook");
    axum::serve(listener, app).await?;
    Ok(())
}
