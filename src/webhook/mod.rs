//! Receiving Paystack webhooks: signature verification, typed events, retry deduplication.
//!
//! Paystack POSTs a JSON `{event, data}` body to your webhook URL for payments, transfers,
//! refunds, subscriptions and more. Each delivery carries an `x-paystack-signature` header:
//! the lowercase hex HMAC-SHA512 of the raw body, keyed with your **secret key**.
//!
//! 1. Build a [`Webhook`] from your secret key.
//! 2. Hand it the header and the raw body bytes, exactly as received:
//!    [`Webhook::parse`] verifies the signature (constant-time), then decodes an [`Event`].
//! 3. Answer 200 at once and do the work afterwards; Paystack retries deliveries that are not
//!    answered 200 quickly, so the same event can arrive more than once: drop repeats with
//!    [`Event::dedupe_key`].
//!
//! ```
//! use paystack::webhook::{self, Event, Webhook, WebhookError};
//!
//! let hook = Webhook::new("sk_test_4f9c2b7e1a3d")?;
//! # let body = br#"{"event":"transfer.success","data":{"transfer_code":"TRF_q1w2e3","amount":90000}}"#;
//! # let header = webhook::sign("sk_test_4f9c2b7e1a3d", body);
//! // `header` is the x-paystack-signature value, `body` the raw request bytes.
//! match hook.parse(Some(&header), body) {
//!     Ok(Event::TransferSuccess(transfer)) => println!("sent {:?}", transfer.amount),
//!     Ok(other) => println!("{} ({})", other.name(), other.dedupe_key()),
//!     Err(e) if e.is_signature_error() => eprintln!("forged or altered: {e}"),
//!     Err(e) => eprintln!("refused: {e}"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With the `axum` feature, `webhook::axum::PaystackEvent` does all of this as an extractor.
//!
//! Payloads are the API's own types from [`crate::types`]: the transfer a `transfer.success`
//! delivers is the [`crate::types::Transfer`] that fetching it returns. Events with no API
//! counterpart (invoices, pre-authorizations, expiring cards...) have types of their own
//! there too, described in the spec like the rest. Every field is optional and amounts,
//! ids, flags and text read from the spellings real deliveries use. [`Payload`] is what each
//! of those types answers for [`Event::reference`], [`Event::amount`] and
//! [`Event::dedupe_key`]. Source addresses can be checked with [`IpAllowList`].

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod decode;
mod error;
mod event;
mod payload;
mod verify;

pub use error::{EventDecodeError, SignatureFormatError, WebhookError};
pub use event::{Event, EVENT_NAMES};
pub use payload::Payload;
pub use verify::{
    sign, IpAllowList, Webhook, DEFAULT_MAX_BODY_SIZE, PAYSTACK_WEBHOOK_IPS, SIGNATURE_HEADER,
};
