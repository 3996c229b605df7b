//! What can go wrong when receiving a webhook.

use std::fmt;

use serde_json::Value;

/// A webhook delivery that was refused, with the reason.
///
/// The variants split into three groups, which map to HTTP statuses as
/// [`WebhookError::status_code`] says: the signature (401), the body size (413), and the body's
/// content (400). None of them carries the secret key.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request has no `x-paystack-signature` header.
    #[error("the x-paystack-signature header is missing")]
    MissingSignature,
    /// The header is not a 128-character hex string, so it cannot be an HMAC-SHA512.
    #[error("the x-paystack-signature header is malformed: {0}")]
    MalformedSignature(SignatureFormatError),
    /// The header is well formed but is not the HMAC of this body under this key: the body was
    /// altered, the header forged, or the delivery signed with another integration's key.
    #[error("the x-paystack-signature header does not match the body")]
    SignatureMismatch,
    /// The body is over the configured limit ([`super::Webhook::max_body_size`]).
    #[error("the body is over the {limit}-byte limit")]
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body could not be read from the connection (axum extractor only).
    #[error("the body could not be read: {0}")]
    BodyRead(String),
    /// The signature is valid but the body is not a webhook event this crate can read.
    #[error("{0}")]
    Decode(Box<EventDecodeError>),
}

impl WebhookError {
    /// The HTTP status to answer with: 401 for signature problems, 413 for an oversized body,
    /// 400 for a body that cannot be read or decoded.
    pub fn status_code(&self) -> u16 {
        match self {
            WebhookError::MissingSignature
            | WebhookError::MalformedSignature(_)
            | WebhookError::SignatureMismatch => 401,
            WebhookError::BodyTooLarge { .. } => 413,
            WebhookError::BodyRead(_) | WebhookError::Decode(_) => 400,
        }
    }

    /// Whether the delivery failed authentication (missing, malformed or wrong signature).
    pub fn is_signature_error(&self) -> bool {
        self.status_code() == 401
    }

    /// The decode error, when this is one.
    pub fn as_decode(&self) -> Option<&EventDecodeError> {
        match self {
            WebhookError::Decode(e) => Some(e),
            _ => None,
        }
    }
}

/// Why a signature header was refused before any HMAC was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureFormatError {
    /// The header holds bytes that are not visible ASCII.
    #[error("it is not ASCII text")]
    NotAscii,
    /// The header does not have the 128 hex digits of an HMAC-SHA512.
    #[error("expected 128 hex digits, found {found} characters")]
    WrongLength {
        /// Characters found (after trimming surrounding whitespace).
        found: usize,
    },
    /// The header has the right length but holds characters other than hex digits.
    #[error("it holds characters that are not hex digits")]
    NotHex,
}

/// A verified body that is not a webhook event this crate can read.
///
/// Returned for bodies that are not JSON, lack the `event` name, and for events this crate
/// knows whose `data` does not fit the payload type (say a timestamp that is not one). Unknown
/// event names never produce this error: they decode to [`super::Event::Unknown`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct EventDecodeError {
    /// The event name, when the envelope could be read.
    pub event: Option<String>,
    /// JSON path of the value that failed, such as `data.amount` (`.` for the whole body).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// The event's `data` as generic JSON, when it was valid JSON, so that a handler can still
    /// read what it needs (a reference to look up, say) from a payload that changed shape.
    pub data: Option<Value>,
}

impl fmt::Display for EventDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.event {
            Some(name) => write!(
                f,
                "could not decode the `{name}` webhook event at `{}`: {}",
                self.path, self.message
            ),
            None => write!(
                f,
                "could not decode the webhook body at `{}`: {}",
                self.path, self.message
            ),
        }
    }
}

impl From<EventDecodeError> for WebhookError {
    fn from(e: EventDecodeError) -> Self {
        WebhookError::Decode(Box::new(e))
    }
}
