//! An axum extractor that verifies and decodes webhook deliveries (feature `axum`).
//!
//! ```no_run
//! use axum::{extract::FromRef, http::StatusCode, routing::post, Router};
//! use paystack::webhook::{axum::PaystackEvent, Webhook};
//!
//! #[derive(Clone)]
//! struct AppState {
//!     webhook: Webhook,
//! }
//!
//! // The extractor finds the verifier in the router state through `FromRef`.
//! impl FromRef<AppState> for Webhook {
//!     fn from_ref(state: &AppState) -> Webhook {
//!         state.webhook.clone()
//!     }
//! }
//!
//! async fn receive(PaystackEvent(event): PaystackEvent) -> StatusCode {
//!     // Only verified deliveries reach this point.
//!     println!("{} {}", event.name(), event.dedupe_key());
//!     StatusCode::OK
//! }
//!
//! # fn build() -> Result<Router, paystack::ValidationError> {
//! let state = AppState { webhook: Webhook::new(std::env::var("PAYSTACK_SECRET_KEY").unwrap_or_default())? };
//! let app: Router = Router::new().route("/paystack/webhook", post(receive)).with_state(state);
//! # Ok(app) }
//! ```
//!
//! If the state *is* a [`Webhook`], `FromRef` holds already (`with_state(webhook)`).

use axum::body::Body;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use super::error::WebhookError;
use super::event::Event;
use super::verify::{signature_from_headers, Webhook};

/// A verified, decoded webhook event, extracted from the request.
///
/// The extractor reads the `x-paystack-signature` header, reads the raw body up to
/// [`Webhook::max_body_size`], verifies the signature, then decodes the [`Event`]. Failures
/// answer without calling the handler:
///
/// - **401** for a missing, malformed or wrong signature (checked before the body is read
///   when the header is absent or malformed);
/// - **413** for a body over the limit (a `Content-Length` over the limit is refused before
///   reading; a streamed body is cut off as soon as it passes the limit);
/// - **400** for a verified body that is not a readable event, or a body that could not be read.
///
/// The extractor applies its own limit; axum's `DefaultBodyLimit` does not apply to it.
/// To see failures in the handler instead, take `Result<PaystackEvent, WebhookRejection>`.
///
/// The verifier comes from the router state through [`FromRef`]: implement
/// `FromRef<YourState> for Webhook` (see the module example).
#[derive(Debug, Clone, PartialEq)]
pub struct PaystackEvent(pub Event);

/// Why [`PaystackEvent`] refused a request; answers with [`WebhookError::status_code`] and a
/// short plain-text reason.
#[derive(Debug)]
pub struct WebhookRejection(pub WebhookError);

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status_code()).unwrap_or(StatusCode::BAD_REQUEST);
        // The reason is generic on purpose: a caller probing signatures learns nothing.
        let reason = match status {
            StatusCode::UNAUTHORIZED => "invalid webhook signature",
            StatusCode::PAYLOAD_TOO_LARGE => "webhook body too large",
            _ => "unreadable webhook body",
        };
        (status, reason).into_response()
    }
}

impl From<WebhookError> for WebhookRejection {
    fn from(e: WebhookError) -> Self {
        WebhookRejection(e)
    }
}

impl<S> FromRequest<S> for PaystackEvent
where
    Webhook: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let webhook = Webhook::from_ref(state);
        let result = extract(&webhook, req).await;
        if let Err(e) = &result {
            tracing::debug!(error = %e, status = e.status_code(), "webhook delivery refused");
        }
        result.map(PaystackEvent).map_err(WebhookRejection)
    }
}

async fn extract(webhook: &Webhook, req: Request) -> Result<Event, WebhookError> {
    let (parts, body) = req.into_parts();
    let signature = signature_from_headers(&parts.headers)?.map(str::to_owned);
    webhook.check_signature_format(signature.as_deref())?;
    let limit = webhook.max_body_size();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|len| len > limit as u64) {
        return Err(WebhookError::BodyTooLarge { limit });
    }
    let bytes = read_limited(body, limit).await?;
    webhook.parse(signature.as_deref(), &bytes)
}

/// Reads the whole body, stopping as soon as it passes `limit` bytes.
async fn read_limited(body: Body, limit: usize) -> Result<Vec<u8>, WebhookError> {
    let mut stream = body.into_data_stream();
    let mut buf = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| WebhookError::BodyRead(e.to_string()))?;
        if buf.len().saturating_add(chunk.len()) > limit {
            return Err(WebhookError::BodyTooLarge { limit });
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}
