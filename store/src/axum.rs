//! The inbox in front of an axum webhook endpoint (feature `axum`): verify with the SDK's
//! extractor, claim the event, run your handler, mark it done, and answer 200 to repeats.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use paystack::webhook::{Event, Webhook};
//! use paystack_store::{axum::webhook, Inbox, SqliteStore};
//!
//! let inbox = Inbox::new(SqliteStore::open("webhooks.db").await?);
//! let verifier = Webhook::new(std::env::var("PAYSTACK_SECRET_KEY")?)?;
//! let app: axum::Router = axum::Router::new().route(
//!     "/paystack/webhook",
//!     webhook(verifier, inbox, |event: Event| async move {
//!         // The side effect; it runs once per event across every replica.
//!         println!("{} {:?}", event.name(), event.reference());
//!         Ok::<_, std::io::Error>(())
//!     }),
//! );
//! # Ok(()) }
//! ```
//!
//! Answers: the extractor's 401, 413 or 400 for deliveries that fail verification; **200**
//! when the handler succeeded or the event was handled before; **409** while another replica
//! holds the claim (Paystack retries later, so the event is not lost if that replica dies);
//! **500** when the handler failed or panicked (the claim is released for the retry) or the
//! store could not be reached before the handler ran.

use std::fmt::Display;
use std::future::Future;
use std::panic::AssertUnwindSafe;

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{post, MethodRouter};
use futures::FutureExt;
use paystack::webhook::axum::PaystackEvent;
use paystack::webhook::{Event, Webhook};

use crate::inbox::{Claim, Inbox};

/// A `POST` route that verifies, claims, runs `handler` once per event, and marks it done.
pub fn webhook<S, F, Fut, E>(verifier: Webhook, inbox: Inbox, handler: F) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
    F: Fn(Event) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Display + Send + 'static,
{
    post(move |req: Request| {
        let (verifier, inbox, handler) = (verifier.clone(), inbox.clone(), handler.clone());
        async move { receive(&verifier, &inbox, req, handler).await }
    })
}

/// The body of [`webhook`], for routers that need their own handler around it.
///
/// Once verified, the event is handled in a task of its own: a sender that gives up waiting
/// (Paystack's timeout, a proxy's) does not cancel a handler halfway, after its side effect
/// but before the event is marked done.
pub async fn receive<F, Fut, E>(
    verifier: &Webhook,
    inbox: &Inbox,
    req: Request,
    handler: F,
) -> Response
where
    F: FnOnce(Event) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Display + Send + 'static,
{
    let event = match PaystackEvent::from_request(req, verifier).await {
        Ok(PaystackEvent(event)) => event,
        Err(rejection) => return rejection.into_response(),
    };
    let inbox = inbox.clone();
    match tokio::spawn(async move { handle(&inbox, event, handler).await }).await {
        Ok(answer) => answer.into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "handler failed").into_response(),
    }
}

/// Claims, runs the handler while renewing the claim, and marks the event done.
async fn handle<F, Fut, E>(inbox: &Inbox, event: Event, handler: F) -> (StatusCode, &'static str)
where
    F: FnOnce(Event) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: Display,
{
    let guard = match inbox.claim(&event).await {
        Ok(Claim::Handle(guard)) => guard,
        Ok(Claim::Done) => return (StatusCode::OK, "already handled"),
        Ok(Claim::Busy) => return (StatusCode::CONFLICT, "being handled by another replica"),
        Err(e) => {
            tracing::warn!(error = %e, "webhook inbox unavailable");
            return (StatusCode::INTERNAL_SERVER_ERROR, "inbox unavailable");
        }
    };
    let name = event.name().to_string();
    match guard
        .hold(AssertUnwindSafe(handler(event)).catch_unwind())
        .await
    {
        Ok(Ok(())) => {
            if let Err(e) = guard.done().await {
                // The side effect happened: say so, so Paystack stops retrying. The claim
                // stays until it expires, and only a delivery after that could run it again.
                tracing::warn!(error = %e, event = %name, "handled, but could not mark it done");
            }
            (StatusCode::OK, "handled")
        }
        Ok(Err(e)) => {
            tracing::warn!(error = %e, event = %name, "webhook handler failed; claim released");
            let _ = guard.release().await;
            (StatusCode::INTERNAL_SERVER_ERROR, "handler failed")
        }
        Err(_) => {
            tracing::warn!(event = %name, "webhook handler panicked; claim released");
            let _ = guard.release().await;
            (StatusCode::INTERNAL_SERVER_ERROR, "handler failed")
        }
    }
}
