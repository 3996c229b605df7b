//! The crate's one error type, and the decoding of Paystack's error bodies.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

use super::Currency;

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when talking to Paystack.
///
/// None of the variants ever contains the secret key, and none prints more than
/// [`RAW_PREVIEW`] bytes of a response body. [`Error::outcome`] says whether Paystack may have
/// acted on the request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Paystack answered and refused: a 4xx/5xx status, or `status: false` in the body.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The input was refused before anything was sent.
    #[error("invalid input: {0}")]
    Validation(#[from] ValidationError),
    /// The request could not be sent or the answer could not be read (DNS, TLS, timeout...).
    #[error("{0}")]
    Transport(Box<TransportError>),
    /// Paystack answered with a body this crate could not understand.
    #[error("{0}")]
    Decode(Box<DecodeError>),
    /// A request that creates or moves something failed after it may have reached Paystack:
    /// it may have been carried out. Look it up before trying again.
    #[error("{0}")]
    OutcomeUnknown(Box<OutcomeUnknown>),
    /// A list walk stopped because Paystack's paging did not move forward.
    #[error("{0}")]
    Pagination(PaginationError),
    /// Recovery after an unknown outcome found a record under the request's reference that is
    /// not the request's own (another reference, amount, currency, recipient or
    /// authorization). The request's own outcome is still unknown.
    #[error("{0}")]
    RecoveryMismatch(Box<RecoveryMismatch>),
}

/// What a failed call means for the request: the question to answer before sending it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Nothing reached Paystack (input refused, connection refused): safe to send again.
    NotSent,
    /// Paystack answered and refused (4xx, 429, `status: false`), or a list walk was stopped;
    /// nothing was carried out.
    Rejected,
    /// The request may have reached Paystack and may have been carried out (a timeout or reset
    /// after sending, a 5xx, an unreadable success body). Check by reference before resending.
    Unknown,
}

impl Error {
    /// The API error, when this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether Paystack may have acted on the request.
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::Validation(_) => Outcome::NotSent,
            Error::Transport(t) if !t.sent => Outcome::NotSent,
            Error::Transport(_)
            | Error::Decode(_)
            | Error::OutcomeUnknown(_)
            | Error::RecoveryMismatch(_) => Outcome::Unknown,
            Error::Api(e) if e.status >= 500 => Outcome::Unknown,
            Error::Api(_) | Error::Pagination(_) => Outcome::Rejected,
        }
    }

    /// Whether Paystack refused a reference it has seen before (`duplicate_reference`, or a
    /// message saying the reference was already used), directly or as the last answer of an
    /// unknown outcome. The record under that reference exists: look it up, never resend
    /// with a new reference.
    pub fn is_duplicate_reference(&self) -> bool {
        is_duplicate_reference(self)
    }

    /// Whether a lookup found nothing: a 404, or a `…_not_found` code.
    pub fn is_not_found(&self) -> bool {
        self.as_api().is_some_and(|api| {
            api.status == 404
                || api
                    .code
                    .as_ref()
                    .is_some_and(|c| c.as_str().ends_with("_not_found"))
        })
    }

    /// The unknown outcome of a request that creates or moves something, when this is one.
    pub fn as_outcome_unknown(&self) -> Option<&OutcomeUnknown> {
        match self {
            Error::OutcomeUnknown(e) => Some(e),
            _ => None,
        }
    }

    /// Whether waiting and sending the same request again may succeed without risk: it was not
    /// sent, or Paystack said it was overloaded (429) or briefly unavailable (502/503/504) for
    /// a request that changes nothing.
    ///
    /// Never true for an unknown outcome of a request that creates or moves something: those
    /// are [`Error::OutcomeUnknown`], and must be looked up first.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Transport(t) => !t.sent || t.kind == TransportKind::Timeout,
            Error::Api(e) => matches!(e.status, 429 | 502 | 503 | 504),
            _ => false,
        }
    }
}

/// The most bytes of text that came from the server (a body, a message, a code, a JSON path)
/// that one error's `Debug` or `Display` shows, all fields together; the rest is cut and
/// marked. The whole body stays available through `raw()`.
pub const RAW_PREVIEW: usize = 2048;

/// Server text shown in an error: at most `limit` bytes, cut on a character boundary, with how
/// much was left out. `Debug` quotes it, `Display` writes it as it is.
pub(crate) struct Clip<'a>(pub &'a str, pub usize);

impl Clip<'_> {
    fn parts(&self) -> (&str, usize) {
        if self.0.len() <= self.1 {
            return (self.0, 0);
        }
        let mut cut = self.1;
        while !self.0.is_char_boundary(cut) {
            cut -= 1;
        }
        (&self.0[..cut], self.0.len() - cut)
    }
}

impl fmt::Debug for Clip<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (shown, cut) = self.parts();
        fmt::Debug::fmt(shown, f)?;
        if cut > 0 {
            write!(f, "… [{cut} more bytes cut]")?;
        }
        Ok(())
    }
}

impl fmt::Display for Clip<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (shown, cut) = self.parts();
        f.write_str(shown)?;
        if cut > 0 {
            write!(f, "… [{cut} more bytes cut]")?;
        }
        Ok(())
    }
}

/// A short piece of server text (a code, a type, a path): 128 bytes at most.
const SHORT: usize = 128;

/// What went wrong on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// No connection could be made (DNS, refused, TLS handshake): nothing was sent.
    Connect,
    /// No complete answer in time.
    Timeout,
    /// The connection broke while sending or reading.
    Reset,
    /// The answer could not be read to the end.
    Body,
    /// Anything else.
    Other,
}

/// A failure to send a request or read its answer.
#[derive(thiserror::Error)]
#[error("transport error ({kind:?}{}): {}", if *sent { ", the request may have been sent" } else { ", nothing was sent" }, Clip(&source_chain(source.as_ref()), RAW_PREVIEW / 2))]
#[non_exhaustive]
pub struct TransportError {
    /// What went wrong.
    pub kind: TransportKind,
    /// Whether the request may have left the machine.
    pub sent: bool,
    /// Attempts made, the first included.
    pub attempts: u32,
    /// The underlying error (never carries the key: reqwest's errors hold the URL, not headers).
    #[source]
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("sent", &self.sent)
            .field("attempts", &self.attempts)
            .field(
                "source",
                &Clip(&source_chain(self.source.as_ref()), RAW_PREVIEW / 2),
            )
            .finish()
    }
}

/// An error and its causes on one line ("error sending request: connection refused"), so the
/// root cause (refused, DNS, TLS) is not hidden behind the outermost message.
pub(crate) fn source_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut next = e.source();
    while let Some(cause) = next {
        let part = cause.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        next = cause.source();
    }
    text
}

impl TransportError {
    pub(crate) fn kind_of(e: &reqwest::Error) -> TransportKind {
        if e.is_connect() {
            TransportKind::Connect
        } else if e.is_timeout() {
            TransportKind::Timeout
        } else if e.is_body() || e.is_decode() {
            TransportKind::Body
        } else if e.is_request() {
            TransportKind::Reset
        } else {
            TransportKind::Other
        }
    }

    pub(crate) fn from_reqwest(e: reqwest::Error, attempts: u32) -> Self {
        let kind = Self::kind_of(&e);
        // A connect error (even a connect timeout) happens before a byte of the request is
        // written; everything else may come after.
        let sent = kind != TransportKind::Connect && !e.is_builder();
        TransportError {
            kind,
            sent,
            attempts,
            // The URL can hold a customer's email (`/customer/{email}`): keep it out.
            source: Box::new(e.without_url()),
        }
    }

    pub(crate) fn other(msg: String, sent: bool) -> Self {
        TransportError {
            kind: TransportKind::Other,
            sent,
            attempts: 1,
            source: msg.into(),
        }
    }
}

/// A request that creates or moves something failed after it may have reached Paystack.
///
/// Paystack may have carried it out. Do not send it again with a new reference: look it up
/// by its reference first (the `send_or_recover` methods of by-reference requests do this), or
/// resend it with the **same** reference, which Paystack deduplicates.
#[derive(Debug)]
#[non_exhaustive]
pub struct OutcomeUnknown {
    /// Paystack's operation id, e.g. `transfer_initiate`.
    pub operation: &'static str,
    /// The reference the request carried (comma-separated for batches), if any.
    pub reference: Option<String>,
    /// Attempts made, the first included.
    pub attempts: u32,
    /// What happened, e.g. the transport error or the HTTP 5xx answer.
    pub cause: Error,
}

impl fmt::Display for OutcomeUnknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "outcome unknown: {} may have been carried out",
            self.operation
        )?;
        if let Some(reference) = &self.reference {
            write!(f, " (reference {reference})")?;
        }
        write!(
            f,
            " after {} attempt(s); cause: {}. ",
            self.attempts, self.cause
        )?;
        if self.earlier_attempt_landed() {
            f.write_str("Paystack refused the resend as a duplicate reference, so an earlier attempt reached it and was carried out. ")?;
        }
        match &self.reference {
            Some(_) => f.write_str(
                "Look it up by its reference, or resend it with the same reference; never with a new one",
            ),
            None => f.write_str("Check Paystack for it before sending it again"),
        }
    }
}

impl OutcomeUnknown {
    /// Whether the last answer was Paystack refusing the reference as already used, after an
    /// earlier attempt may have reached it: that earlier attempt landed, and the record exists
    /// under the reference.
    pub fn earlier_attempt_landed(&self) -> bool {
        self.attempts > 1 && is_duplicate_reference(&self.cause)
    }
}

impl std::error::Error for OutcomeUnknown {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.cause)
    }
}

/// A record found by reference after an unknown outcome that is not the request's own.
///
/// Something is stored under the reference, but not what this request sent: the reference was
/// reused for another payment, or the lookup answered for something else. Do not resend; find
/// out what the reference holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecoveryMismatch {
    /// Paystack's operation id of the request, e.g. `transfer_initiate`.
    pub operation: &'static str,
    /// The request's reference.
    pub reference: String,
    /// The first field that differs: `reference`, `amount`, `currency`, `recipient` or
    /// `authorization`.
    pub field: &'static str,
    /// What the request sent in that field.
    pub sent: String,
    /// What the found record holds there (`nothing` when it has no such field).
    pub found: String,
}

impl fmt::Display for RecoveryMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "recovery of {} (reference {}) found a record that is not the request's: {} sent {}, found {}. \
             The request's outcome is still unknown; do not resend it, and check what the reference holds",
            self.operation,
            Clip(&self.reference, SHORT),
            self.field,
            Clip(&self.sent, SHORT),
            Clip(&self.found, SHORT),
        )
    }
}

impl std::error::Error for RecoveryMismatch {}

/// Whether an error is Paystack refusing a reference it has seen before: the code
/// `duplicate_reference` (or another `duplicate…` code), or, for answers without a code, a
/// message that says the reference was already used or exists.
pub(crate) fn is_duplicate_reference(e: &Error) -> bool {
    let api = match e {
        Error::Api(api) => api,
        Error::OutcomeUnknown(u) => return is_duplicate_reference(&u.cause),
        _ => return false,
    };
    if let Some(code) = &api.code {
        if *code == ErrorCode::DuplicateReference || code.as_str().starts_with("duplicate") {
            return true;
        }
    }
    if !(400..500).contains(&api.status) {
        return false;
    }
    let message = api.message.to_ascii_lowercase();
    message.contains("duplicate")
        || (message.contains("reference")
            && (message.contains("already") || message.contains("exists")))
}

/// Paystack's paging did not move forward, so the walk stopped instead of looping.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaginationError {
    /// A cursor came back that was already followed.
    #[error("pagination stopped: Paystack repeated the cursor {:?}", Clip(.0, SHORT))]
    CursorRepeated(String),
    /// Paystack answered another page than the one asked for.
    #[error("pagination stopped: asked for page {asked}, Paystack answered page {answered}")]
    PageMismatch {
        /// The page requested.
        asked: u64,
        /// The page in `meta.page`.
        answered: u64,
    },
}

crate::open_enum! {
    /// Paystack's error type (`type` in an error body): which side refused.
    ErrorKind {
        /// The request was refused as invalid: fix it before sending again.
        Validation = "validation_error",
        /// The payment processor or bank refused.
        Processor = "processor_error",
        /// Paystack itself failed.
        Api = "api_error",
    }
}

crate::open_enum! {
    /// Paystack's error code (`code` in an error body). Only codes Paystack documents are
    /// variants; every other code is kept in `Unknown`.
    ErrorCode {
        /// The reference was used before: the earlier request with it exists.
        DuplicateReference = "duplicate_reference",
    }
}

/// A refusal from Paystack, with everything its body said.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// HTTP status code (200 when the body said `status: false` on a 200).
    pub status: u16,
    /// Paystack's message, or a summary when the body had none (e.g. an HTML error page).
    pub message: String,
    /// Paystack's error code, such as `duplicate_reference`.
    pub code: Option<ErrorCode>,
    /// Paystack's error type: `validation_error`, `processor_error` or `api_error`.
    pub kind: Option<ErrorKind>,
    /// Paystack's advice on what to do next (`meta.nextStep`).
    pub next_step: Option<String>,
    /// The body as received.
    pub raw: String,
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every field can hold server text of any size: together they show RAW_PREVIEW bytes.
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("message", &Clip(&self.message, RAW_PREVIEW / 4))
            .field("code", &self.code.as_ref().map(|c| Clip(c.as_str(), SHORT)))
            .field("kind", &self.kind.as_ref().map(|k| Clip(k.as_str(), SHORT)))
            .field(
                "next_step",
                &self.next_step.as_deref().map(|n| Clip(n, RAW_PREVIEW / 8)),
            )
            .field("raw", &Clip(&self.raw, RAW_PREVIEW / 2 - SHORT))
            .finish()
    }
}

impl ApiError {
    /// The whole body as received (`Debug` shows only its first [`RAW_PREVIEW`] bytes).
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Paystack refused the request (HTTP {}): {}",
            self.status,
            Clip(&self.message, RAW_PREVIEW / 2)
        )?;
        if let Some(code) = &self.code {
            write!(f, " [{}]", Clip(code.as_str(), SHORT))?;
        }
        Ok(())
    }
}

/// A response body that could not be decoded.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct DecodeError {
    /// HTTP status code of the response.
    pub status: u16,
    /// JSON path of the value that failed, such as `data.amount` (`.` for the whole body).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// The body as received.
    pub raw: String,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("status", &self.status)
            .field("path", &Clip(&self.path, SHORT))
            .field("message", &Clip(&self.message, RAW_PREVIEW / 4))
            .field("raw", &Clip(&self.raw, RAW_PREVIEW / 2))
            .finish()
    }
}

impl DecodeError {
    /// The whole body as received (`Debug` shows only its first [`RAW_PREVIEW`] bytes).
    pub fn raw(&self) -> &str {
        &self.raw
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode Paystack's response (HTTP {}) at `{}`: {}",
            self.status,
            Clip(&self.path, SHORT),
            Clip(&self.message, RAW_PREVIEW / 2)
        )
    }
}

/// Input refused before any request was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// No secret key was given.
    #[error("the secret key is empty")]
    EmptyKey,
    /// A public key (`pk_…`) was given where the secret key belongs.
    #[error(
        "a public key (pk_…) was given; server calls need the secret key (sk_test_… or sk_live_…)"
    )]
    PublicKey,
    /// The key does not look like a Paystack secret key.
    #[error("the secret key is malformed: {0}")]
    MalformedKey(&'static str),
    /// `PAYSTACK_SECRET_KEY` is not set.
    #[error("the environment variable {0} is not set")]
    MissingEnv(&'static str),
    /// An amount of zero or less.
    #[error("amount must be positive, got {0} subunits")]
    AmountNotPositive(i64),
    /// An amount too large for 64 bits.
    #[error("amount is too large")]
    AmountOverflow,
    /// A major-unit amount written in a way that could be misread, or not a number at all.
    #[error("{text:?} is not an amount this crate accepts: {problem}")]
    AmountSyntax {
        /// The text given (at most 64 characters of it).
        text: String,
        /// What is wrong with it, and how to write it instead.
        problem: crate::AmountSyntax,
    },
    /// A transaction amount above Paystack's documented per-transaction maximum.
    #[error("amount {amount} subunits is above Paystack's per-transaction maximum of {maximum} subunits (10,000,000 in major units); split it into several payments")]
    AmountAboveTransactionMaximum {
        /// The amount, in subunits.
        amount: i64,
        /// The maximum, in subunits.
        maximum: i64,
    },
    /// An amount with more than two decimals.
    #[error("{0:?} has more than two decimals")]
    AmountPrecision(String),
    /// An amount below Paystack's minimum for the currency.
    #[error("amount {amount} is below the {currency} minimum of {minimum} subunits")]
    AmountBelowMinimum {
        /// The amount, in subunits.
        amount: i64,
        /// The minimum, in subunits.
        minimum: i64,
        /// The currency.
        currency: Currency,
    },
    /// An amount below the smallest minimum of any currency, with no currency given to check
    /// against.
    #[error("amount {amount} is below {minimum} subunits, the smallest minimum of any currency; set the currency, or send more")]
    AmountBelowAnyMinimum {
        /// The amount, in subunits.
        amount: i64,
        /// The smallest per-currency minimum, in subunits.
        minimum: i64,
    },
    /// An amount above the ceiling this crate accepts ([`Amount::CEILING`](crate::Amount::CEILING)).
    #[error("amount {amount} subunits is above the ceiling of {ceiling} subunits")]
    AmountAboveCeiling {
        /// The amount, in subunits.
        amount: i64,
        /// The ceiling, in subunits.
        ceiling: i64,
    },
    /// A request body larger than the client sends ([`crate::MAX_REQUEST_BODY`]).
    #[error("the request body is {size} bytes, above the {limit}-byte limit (large metadata?)")]
    BodyTooLarge {
        /// The body's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// An email address that is empty or malformed.
    #[error("invalid email address {0:?}")]
    Email(String),
    /// A reference with characters or a length Paystack refuses.
    #[error("invalid {kind} reference {value:?}: {reason}")]
    Reference {
        /// Which kind of reference (transaction or transfer).
        kind: &'static str,
        /// The reference given.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A code without the prefix its kind has (a `RCP_…` code where a `CUS_…` one belongs).
    #[error("{field} must be a code starting with {expected}, got {value:?}")]
    CodePrefix {
        /// The argument.
        field: &'static str,
        /// The prefix codes of this kind have.
        expected: &'static str,
        /// The value given.
        value: String,
    },
    /// A required text argument that is empty.
    #[error("{0} must not be empty")]
    Empty(&'static str),
    /// Any other argument Paystack would refuse.
    #[error("invalid {field}: {reason}")]
    Invalid {
        /// The argument.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// The body of a Paystack error, as the generated client decodes it.
///
/// Decoding never fails on the shape: every field is optional and read leniently, and the raw
/// JSON is kept verbatim for [`ApiError::raw`].
#[derive(Debug, Clone)]
pub struct ErrorBody {
    raw: Box<RawValue>,
    /// Paystack's `message`.
    pub message: Option<String>,
    /// Paystack's `code`.
    pub code: Option<ErrorCode>,
    /// Paystack's `type`.
    pub kind: Option<ErrorKind>,
    /// Paystack's `meta.nextStep`.
    pub next_step: Option<String>,
}

impl PartialEq for ErrorBody {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get()
    }
}

impl ErrorBody {
    /// Reads whatever an error body has, from any JSON value.
    fn from_raw(raw: Box<RawValue>) -> Self {
        let v: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
        let text = |v: Option<&Value>| match v {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        };
        ErrorBody {
            message: text(v.get("message")),
            code: text(v.get("code")).map(|c| ErrorCode::from(c.as_str())),
            kind: text(v.get("type")).map(|k| ErrorKind::from(k.as_str())),
            next_step: text(v.pointer("/meta/nextStep")),
            raw,
        }
    }

    /// The body exactly as received.
    pub fn raw(&self) -> &str {
        self.raw.get()
    }

    pub(crate) fn into_api_error(self, status: u16) -> ApiError {
        ApiError {
            status,
            message: self
                .message
                .clone()
                .unwrap_or_else(|| format!("HTTP {status}")),
            code: self.code,
            kind: self.kind,
            next_step: self.next_step,
            raw: self.raw.get().to_string(),
        }
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Box::<RawValue>::deserialize(d).map(ErrorBody::from_raw)
    }
}

impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.raw.serialize(s)
    }
}

/// Builds the error for a response body that is not a success, whatever it holds.
///
/// JSON with `status: false` (boolean or string) becomes [`Error::Api`] with Paystack's fields;
/// anything else (an HTML page, an empty or truncated body) becomes [`Error::Api`] for an error
/// status, since the status is the fact that matters, and the body is kept in `raw`.
pub(crate) fn error_from_body(status: u16, body: &[u8]) -> Error {
    let raw = String::from_utf8_lossy(body).into_owned();
    if let Ok(rv) = serde_json::from_slice::<Box<RawValue>>(body) {
        let parsed = ErrorBody::from_raw(rv);
        return Error::Api(Box::new(parsed.into_api_error(status)));
    }
    let summary = summarize(&raw);
    Error::Api(Box::new(ApiError {
        status,
        message: if summary.is_empty() {
            format!("HTTP {status} with an empty body")
        } else {
            format!("HTTP {status} with a non-JSON body: {summary}")
        },
        code: None,
        kind: None,
        next_step: None,
        raw,
    }))
}

/// First line of a body, trimmed to a readable length, for messages.
fn summarize(raw: &str) -> String {
    let mut head = raw.len().min(1024);
    while !raw.is_char_boundary(head) {
        head -= 1;
    }
    let mut s: String = raw[..head].split_whitespace().collect::<Vec<_>>().join(" ");
    if s.len() > 120 {
        let mut cut = 120;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push('…');
    }
    s
}

/// Whether a JSON body reports failure: a `status` that is present and not a success value.
///
/// Success values are `true`, `1`, `"true"`, `"1"` and `"success"`; anything else (`false`,
/// `"false"`, `"failed"`, `0`...) is a failure. A body without `status` is not judged here.
pub(crate) fn body_says_failure(body: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        status: Option<Value>,
    }
    match serde_json::from_slice::<Probe>(body) {
        Ok(Probe {
            status: Some(status),
        }) => !status_is_success(&status),
        _ => false,
    }
}

/// Whether an envelope's `status` value means success: `true`, `1`, `"true"`, `"1"` or
/// `"success"`.
pub(crate) fn status_is_success(status: &Value) -> bool {
    match status {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_i64() == Some(1),
        Value::String(s) => {
            let s = s.trim();
            s.eq_ignore_ascii_case("true") || s == "1" || s.eq_ignore_ascii_case("success")
        }
        _ => false,
    }
}
