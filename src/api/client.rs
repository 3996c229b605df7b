//! The Paystack client: key handling, HTTP settings and the call path every wrapper uses.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use progenitor_client::{Error as GenError, OperationInfo, ResponseValue};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::envelope::{Envelope, Response};
use super::error::ValidationError;
use super::error::{
    body_says_failure, error_from_body, DecodeError, Error, Outcome, OutcomeUnknown, Result,
    TransportError, TransportKind,
};
use super::operations::{self, Operation, RetryClass};
use super::retry::{retry_after, RetryPolicy};

/// Paystack's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.paystack.co";

/// The environment variable [`Paystack::from_env`] reads.
pub const SECRET_KEY_ENV: &str = "PAYSTACK_SECRET_KEY";

/// Which of Paystack's two modes a key belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `sk_test_…`: no real money moves.
    Test,
    /// `sk_live_…`: real money.
    Live,
}

/// A validated Paystack secret key. Its `Debug` output never shows the key.
#[derive(Clone)]
pub struct SecretKey {
    key: SecretString,
    mode: Mode,
}

impl SecretKey {
    /// Checks that `key` is a secret key (`sk_test_…`/`sk_live_…`) and not a public one.
    pub fn parse(key: impl Into<String>) -> std::result::Result<Self, ValidationError> {
        let key: String = key.into();
        let trimmed = key.trim();
        if trimmed.is_empty() {
            return Err(ValidationError::EmptyKey);
        }
        if trimmed.starts_with("pk_") {
            return Err(ValidationError::PublicKey);
        }
        let (mode, rest) = if let Some(rest) = trimmed.strip_prefix("sk_test_") {
            (Mode::Test, rest)
        } else if let Some(rest) = trimmed.strip_prefix("sk_live_") {
            (Mode::Live, rest)
        } else {
            return Err(ValidationError::MalformedKey(
                "it must start with sk_test_ or sk_live_",
            ));
        };
        if rest.len() < 8 || !rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(ValidationError::MalformedKey(
                "after the prefix it must be at least 8 letters or digits",
            ));
        }
        Ok(SecretKey {
            key: SecretString::from(trimmed.to_string()),
            mode,
        })
    }

    /// Test or live.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The key itself, for signing webhooks and building headers.
    pub(crate) fn expose(&self) -> &str {
        self.key.expose_secret()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.mode {
            Mode::Test => "sk_test_",
            Mode::Live => "sk_live_",
        };
        write!(f, "SecretKey({prefix}[redacted])")
    }
}

/// The entry point: a client holding your secret key.
///
/// ```no_run
/// # async fn run() -> paystack::Result<()> {
/// let ps = paystack::Paystack::from_env()?;
/// let tx = ps.transactions().verify("order-1042").send().await?;
/// println!("{:?}", tx.data.status);
/// # Ok(()) }
/// ```
///
/// Cloning is cheap and shares the connection pool.
#[derive(Clone)]
pub struct Paystack {
    inner: crate::generated::Client,
    key: SecretKey,
    base_url: String,
}

impl fmt::Debug for Paystack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paystack")
            .field("mode", &self.key.mode)
            .field("base_url", &self.base_url)
            .field("key", &self.key)
            .finish()
    }
}

impl Paystack {
    /// A client for `secret_key` with default settings.
    ///
    /// Fails, before any request, on an empty, public (`pk_…`) or malformed key.
    pub fn new(secret_key: impl Into<String>) -> Result<Self> {
        Self::builder(secret_key).build()
    }

    /// A client for the key in `PAYSTACK_SECRET_KEY`.
    pub fn from_env() -> Result<Self> {
        let key = std::env::var(SECRET_KEY_ENV)
            .map_err(|_| ValidationError::MissingEnv(SECRET_KEY_ENV))?;
        Self::new(key)
    }

    /// A builder for base URL, timeouts and user agent.
    pub fn builder(secret_key: impl Into<String>) -> PaystackBuilder {
        PaystackBuilder {
            key: secret_key.into(),
            base_url: DEFAULT_BASE_URL.to_string(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            user_agent: format!("paystack-sdk-rust/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            http: None,
        }
    }

    /// Whether the key is a test or a live key.
    pub fn mode(&self) -> Mode {
        self.key.mode
    }

    /// True for a live key: requests move real money.
    pub fn is_live(&self) -> bool {
        self.key.mode == Mode::Live
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The generated client, for anything the wrappers do not cover.
    pub fn generated(&self) -> &crate::GeneratedClient {
        &self.inner
    }

    /// The validated key, e.g. to verify webhooks with it. Printing it shows no secret.
    pub fn secret_key(&self) -> &SecretKey {
        &self.key
    }

    /// The retry policy of requests that set none of their own.
    pub(crate) fn retry_policy(&self) -> RetryPolicy {
        self.inner
            .inner
            .defaults
            .retry
            .unwrap_or_else(RetryPolicy::never)
    }

    /// Shorthand for the generated client inside wrappers.
    pub(crate) fn api(&self) -> &crate::generated::Client {
        &self.inner
    }

    /// Runs one generated call (with its retries) and turns its outcome into the crate's
    /// response or error. `opts` are the request builder's overrides.
    pub(crate) async fn send<R>(
        &self,
        opts: CallOptions,
        call: impl Future<Output = std::result::Result<ResponseValue<R>, GenError<()>>>,
    ) -> Result<Response<R::Data>>
    where
        R: Envelope + DeserializeOwned + Serialize,
    {
        let ctx = Arc::new(CallCtx {
            opts,
            state: Mutex::new(CallState::default()),
        });
        let outcome = CALL.scope(Arc::clone(&ctx), call).await;
        let state = std::mem::take(&mut *lock(&ctx.state));
        let result = match outcome {
            Ok(value) => {
                let status = value.status().as_u16();
                finish(status, value.into_inner())
            }
            Err(GenError::UnexpectedResponse(resp)) => {
                let status = resp.status().as_u16();
                match resp.bytes().await {
                    Err(e) => Err(transport(e, state.attempts)),
                    Ok(body) if (200..300).contains(&status) => decode::<R>(status, &body),
                    Ok(body) => Err(error_from_body(status, &body)),
                }
            }
            Err(GenError::InvalidResponsePayload(body, _)) => decode::<R>(200, &body),
            Err(GenError::CommunicationError(e)) | Err(GenError::ResponseBodyError(e)) => {
                Err(transport(e, state.attempts))
            }
            Err(GenError::InvalidRequest(msg)) => Err(Error::Validation(
                state.invalid.clone().unwrap_or(ValidationError::Invalid {
                    field: "request",
                    reason: msg,
                }),
            )),
            Err(other) => Err(Error::Transport(Box::new(TransportError::other(
                other.to_string(),
                state.attempts > 0,
            )))),
        };
        result.map_err(|e| classify(e, &state))
    }
}

fn transport(e: reqwest::Error, attempts: u32) -> Error {
    Error::Transport(Box::new(TransportError::from_reqwest(e, attempts.max(1))))
}

/// A failure of a request that is not `safe` is an unknown outcome when any of its attempts
/// may have reached Paystack without a clear answer: the last answer alone cannot say
/// "nothing happened" once an earlier attempt may have been carried out (a timeout, then a
/// `duplicate_reference` or a 429 on the resend). The caller must check before sending again.
fn classify(e: Error, state: &CallState) -> Error {
    if state.class == RetryClass::Safe || matches!(e, Error::Validation(_)) {
        return e;
    }
    if !state.ambiguous && e.outcome() != Outcome::Unknown {
        return e;
    }
    Error::OutcomeUnknown(Box::new(OutcomeUnknown {
        operation: state.op.map_or("raw", |op| op.id),
        reference: state.reference.clone(),
        attempts: state.attempts.max(1),
        cause: e,
    }))
}

/// The class of a request that matches no operation: reads are safe, anything else is never
/// resent and its failures after sending are unknown outcomes.
pub(crate) fn class_by_method(method: &reqwest::Method) -> RetryClass {
    if *method == reqwest::Method::GET || *method == reqwest::Method::HEAD {
        RetryClass::Safe
    } else {
        RetryClass::Never
    }
}

/// The largest request body the client sends: 1 MiB. Paystack documents no limit; a body this
/// big is almost always runaway metadata, and refusing it here beats a slow failure there.
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;

/// Per-request settings that override the client's: timeout and retry policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Limit on the whole request, from connecting to the last byte of the answer.
    pub timeout: Option<Duration>,
    /// Attempts and delays for resending, within what the operation's class allows.
    pub retry: Option<RetryPolicy>,
}

/// What one call learns while its attempts run, read back when it ends.
#[derive(Debug)]
pub(crate) struct CallState {
    pub(crate) op: Option<&'static Operation>,
    /// The operation's retry class, or the method's when the request matches no operation.
    pub(crate) class: RetryClass,
    /// Whether an attempt may have reached Paystack without a clear answer (a timeout or reset
    /// after sending, a 5xx): from then on no answer can mean "nothing happened".
    pub(crate) ambiguous: bool,
    pub(crate) reference: Option<String>,
    pub(crate) attempts: u32,
    pub(crate) invalid: Option<ValidationError>,
}

impl Default for CallState {
    fn default() -> Self {
        CallState {
            op: None,
            // Until the hooks learn otherwise, a failure is treated as the most careful class.
            class: RetryClass::Never,
            ambiguous: false,
            reference: None,
            attempts: 0,
            invalid: None,
        }
    }
}

pub(crate) struct CallCtx {
    opts: CallOptions,
    state: Mutex<CallState>,
}

tokio::task_local! {
    // The call being made: set by `Paystack::send` around the generated future, read by the
    // hooks below. Calls made through `generated()` directly run without it, on the defaults.
    static CALL: Arc<CallCtx>;
}

fn lock(m: &Mutex<CallState>) -> std::sync::MutexGuard<'_, CallState> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn with_state(f: impl FnOnce(&mut CallState)) {
    let _ = CALL.try_with(|ctx| f(&mut lock(&ctx.state)));
}

/// Client-wide settings the generated client carries to the hooks below.
///
/// Built by [`PaystackBuilder::build`]. Its `Debug` never shows the `Authorization` header.
#[derive(Clone)]
pub struct Inner {
    auth: reqwest::header::HeaderValue,
    user_agent: reqwest::header::HeaderValue,
    defaults: CallOptions,
}

impl fmt::Debug for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inner")
            .field("defaults", &self.defaults)
            .finish_non_exhaustive()
    }
}

/// Reads the whole body, and hands it on as a response that needs no more network.
async fn buffered(mut resp: reqwest::Response) -> reqwest::Result<reqwest::Response> {
    use reqwest::ResponseBuilderExt;
    let headers = std::mem::take(resp.headers_mut());
    let (status, version, url) = (resp.status(), resp.version(), resp.url().clone());
    let body = resp.bytes().await?;
    let mut whole = http::Response::new(body);
    *whole.status_mut() = status;
    *whole.version_mut() = version;
    *whole.headers_mut() = headers;
    // Carrying the URL over spares reqwest from parsing a placeholder one, which cost about
    // 5,800 instructions per call.
    if let Ok(carrier) = http::Response::builder().url(url).body(()) {
        *whole.extensions_mut() = carrier.into_parts().0.extensions;
    }
    Ok(reqwest::Response::from(whole))
}

/// Every request of the generated client passes here: the one place that adds the key,
/// applies timeouts and decides, from the operation table, whether to send again.
impl progenitor_client::ClientHooks<Inner> for crate::generated::Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        info: &OperationInfo,
    ) -> std::result::Result<(), GenError<E>> {
        let op = operations::find(info.operation_id);
        let opts = CALL.try_with(|c| c.opts).unwrap_or_default();
        let headers = request.headers_mut();
        headers.insert(reqwest::header::AUTHORIZATION, self.inner.auth.clone());
        if !headers.contains_key(reqwest::header::USER_AGENT) {
            headers.insert(reqwest::header::USER_AGENT, self.inner.user_agent.clone());
        }
        let body = request.body().and_then(|b| b.as_bytes());
        if let Some(size) = body.map(<[u8]>::len).filter(|&n| n > MAX_REQUEST_BODY) {
            let refused = ValidationError::BodyTooLarge {
                size,
                limit: MAX_REQUEST_BODY,
            };
            let msg = refused.to_string();
            with_state(|s| s.invalid = Some(refused));
            return Err(GenError::InvalidRequest(msg));
        }
        let reference = match (op, body) {
            (Some(op), Some(body)) if op.reference.is_some() => serde_json::from_slice(body)
                .ok()
                .and_then(|v| op.reference_in(&v)),
            _ => None,
        };
        let class = op.map_or_else(|| class_by_method(request.method()), |op| op.retry);
        with_state(|s| {
            s.op = op;
            s.class = class;
            s.reference = reference;
        });
        if let Some(timeout) = opts.timeout.or(self.inner.defaults.timeout) {
            *request.timeout_mut() = Some(timeout);
        }
        Ok(())
    }

    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let op = operations::find(info.operation_id);
        let (opts, reference_given) = CALL
            .try_with(|c| (c.opts, lock(&c.state).reference.is_some()))
            .unwrap_or_default();
        let policy = opts
            .retry
            .or(self.inner.defaults.retry)
            .unwrap_or_else(RetryPolicy::never);
        let class = op.map_or_else(|| class_by_method(request.method()), |op| op.retry);
        // Resending after the request may have arrived is only safe when Paystack would see
        // the same request twice and do it once.
        let resend_after_sending = match class {
            RetryClass::Safe => true,
            RetryClass::ByReference => reference_given,
            RetryClass::Never => false,
        };
        let (name, path) = op.map_or((info.operation_id, "?"), |op| (op.id, op.path));
        let started = Instant::now();
        let mut request = request;
        let mut attempt = 1u32;
        loop {
            with_state(|s| s.attempts = attempt);
            let spare = (attempt < policy.attempts())
                .then(|| request.try_clone())
                .flatten();
            tracing::debug!(operation = name, path, attempt, method = %request.method(), "paystack request");
            // The body is read here, not later, so that a connection that breaks mid-body
            // counts as a failed attempt like any other.
            let result = match self.client.execute(request).await {
                Ok(resp) => buffered(resp).await,
                Err(e) => Err(e),
            };
            if attempt_was_ambiguous(&result) {
                with_state(|s| s.ambiguous = true);
            }
            let (again, wait, what) = match &result {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    tracing::debug!(operation = name, path, attempt, status, "paystack response");
                    match status {
                        // 429 means Paystack did not process it.
                        429 => (true, retry_after(resp.headers()), status.to_string()),
                        502..=504 => (
                            resend_after_sending,
                            retry_after(resp.headers()),
                            status.to_string(),
                        ),
                        _ => (false, None, String::new()),
                    }
                }
                Err(e) => {
                    let kind = TransportError::kind_of(e);
                    tracing::debug!(operation = name, path, attempt, error = ?kind, "paystack request failed");
                    // A connection that was never made carried nothing: always safe to retry.
                    let again = kind == TransportKind::Connect || resend_after_sending;
                    (again, None, format!("{kind:?}"))
                }
            };
            let Some(next) = spare.filter(|_| again) else {
                return result;
            };
            let delay = policy.delay(attempt + 1, wait);
            if started.elapsed() + delay > policy.max_elapsed_time() {
                return result;
            }
            tracing::info!(
                operation = name,
                path,
                attempt,
                outcome = %what,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "paystack retry"
            );
            drop(result);
            tokio::time::sleep(delay).await;
            request = next;
            attempt += 1;
        }
    }
}

/// Whether one attempt may have reached Paystack without a clear answer: a failure after the
/// connection was made, or a 5xx (Paystack may have acted before failing).
fn attempt_was_ambiguous(result: &reqwest::Result<reqwest::Response>) -> bool {
    match result {
        Ok(resp) => resp.status().is_server_error(),
        Err(e) => TransportError::kind_of(e) != TransportKind::Connect && !e.is_builder(),
    }
}

/// Decodes a 2xx body that the generated client did not accept, naming the failing JSON path.
///
/// Two shapes that a strict decoder refuses are read the way Paystack's own JavaScript stack
/// reads them: invalid UTF-8 inside a string becomes U+FFFD instead of failing the whole
/// answer, and of a key given twice in one object the last value wins.
fn decode<R>(status: u16, body: &[u8]) -> Result<Response<R::Data>>
where
    R: Envelope + DeserializeOwned + Serialize,
{
    let text = String::from_utf8_lossy(body);
    let body = text.as_bytes();
    if body_says_failure(body) {
        return Err(error_from_body(status, body));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    // Trailing bytes after a complete document are tolerated here on purpose: the data is whole.
    let first = match serde_path_to_error::deserialize::<_, R>(&mut de) {
        Ok(r) => return finish(status, r),
        Err(e) => e,
    };
    // Through a JSON value, a repeated key keeps its last value, and a number or boolean
    // where text belongs becomes text; retry only for those, so every other failure still
    // names its path.
    if super::coerce::worth_a_second_pass(&first) {
        if let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(body) {
            if let Ok(r) = super::coerce::decode::<R>(&mut value) {
                return finish(status, r);
            }
        }
    }
    Err(Error::Decode(Box::new(DecodeError {
        status,
        path: first.path().to_string(),
        message: first.inner().to_string(),
        raw: text.into_owned(),
    })))
}

/// The client's decoding of a 2xx answer as `R`, without the data; for the fuzzing harness.
#[doc(hidden)]
pub fn decode_as<R>(status: u16, body: &[u8]) -> Result<()>
where
    R: Envelope + DeserializeOwned + Serialize,
{
    // The generated client's strict first pass, then the lenient fallback, as in `send`.
    match serde_json::from_slice::<R>(body) {
        Ok(r) => finish(status, r).map(drop),
        Err(_) => decode::<R>(status, body).map(drop),
    }
}

/// Checks the envelope's `status` and splits it into the crate's response.
fn finish<R>(status: u16, r: R) -> Result<Response<R::Data>>
where
    R: Envelope + Serialize,
{
    let raw = || serde_json::to_string(&r).unwrap_or_default();
    if !r.ok() {
        let raw = raw();
        return Err(error_from_body(status, raw.as_bytes()));
    }
    let raw_for_missing = if R::DATA_REQUIRED && !r.has_data() {
        Some(raw())
    } else {
        None
    };
    match r.into_response() {
        Some(resp) => Ok(resp),
        None => Err(Error::Decode(Box::new(DecodeError {
            status,
            path: "data".into(),
            message: "the response has no `data`".into(),
            raw: raw_for_missing.unwrap_or_default(),
        }))),
    }
}

/// A client as a request builder holds it: the client plus the builder's overrides.
///
/// Dereferences to [`Paystack`]; `send` applies the overrides to that one call.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct ClientRef<'a> {
    client: &'a Paystack,
    pub(crate) opts: CallOptions,
}

impl<'a> ClientRef<'a> {
    pub(crate) fn new(client: &'a Paystack) -> Self {
        ClientRef {
            client,
            opts: CallOptions::default(),
        }
    }

    /// Runs one generated call with this builder's overrides.
    ///
    /// The call's future (about 10 KB with the retry loop and the decoded record) goes on the
    /// heap once: held inline, every `join_all`, `select` or `spawn` that moves a builder's
    /// `send()` future would copy it, which cost more than the allocation (see BENCHMARKS.md).
    pub(crate) fn send<R, F>(
        &self,
        call: F,
    ) -> Pin<Box<impl Future<Output = Result<Response<R::Data>>> + use<'a, R, F>>>
    where
        R: Envelope + DeserializeOwned + Serialize,
        F: Future<Output = std::result::Result<ResponseValue<R>, GenError<()>>>,
    {
        Box::pin(self.client.send(self.opts, call))
    }
}

impl std::ops::Deref for ClientRef<'_> {
    type Target = Paystack;
    fn deref(&self) -> &Paystack {
        self.client
    }
}

/// Settings for a [`Paystack`] client.
#[must_use]
pub struct PaystackBuilder {
    key: String,
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for PaystackBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaystackBuilder")
            .field("key", &"[redacted]")
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("own_http_client", &self.http.is_some())
            .finish()
    }
}

impl PaystackBuilder {
    /// Sends requests somewhere else than `https://api.paystack.co`, e.g. a local mock.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_string();
        self
    }

    /// Limit on each attempt of a request, from connecting to the last byte (default 30 s).
    /// Request builders can override it with their own `.timeout(..)`.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limit on establishing the connection (default 10 s). Ignored with
    /// [`PaystackBuilder::http_client`], whose own settings apply.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `paystack-sdk-rust/<version>`).
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
        self
    }

    /// Attempts and delays for resending requests (default [`RetryPolicy::default`]). Which
    /// requests may be resent at all is fixed per operation; see [`crate::operations`].
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Never resend a request.
    pub fn no_retry(self) -> Self {
        self.retry(RetryPolicy::never())
    }

    /// Sends through your own `reqwest::Client` (proxies, custom TLS, connection limits).
    /// The client still adds the `Authorization` and `User-Agent` headers and the timeout to
    /// every request.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the key and builds the client. Nothing is sent.
    pub fn build(self) -> Result<Paystack> {
        let key = SecretKey::parse(self.key)?;
        let mut auth = reqwest::header::HeaderValue::try_from(format!("Bearer {}", key.expose()))
            .map_err(|_| {
            ValidationError::MalformedKey("it holds characters a header cannot carry")
        })?;
        // Marked sensitive so reqwest and any logging middleware print it redacted.
        auth.set_sensitive(true);
        let user_agent =
            reqwest::header::HeaderValue::try_from(self.user_agent.as_str()).map_err(|_| {
                ValidationError::Invalid {
                    field: "user_agent",
                    reason: "it holds characters a header cannot carry".into(),
                }
            })?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .tls_backend_preconfigured(tls_config()?)
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|e| Error::Transport(Box::new(TransportError::from_reqwest(e, 0))))?,
        };
        let inner = Inner {
            auth,
            user_agent,
            defaults: CallOptions {
                timeout: Some(self.timeout),
                retry: Some(self.retry),
            },
        };
        Ok(Paystack {
            inner: crate::generated::Client::new_with_client(&self.base_url, http, inner),
            key,
            base_url: self.base_url,
        })
    }
}

/// TLS with ring as this client's own crypto provider. Nothing process-wide is installed, so an
/// application stays free to install the default provider it wants.
fn tls_config() -> Result<rustls::ClientConfig> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let failed = |e: rustls::Error| {
        Error::Transport(Box::new(TransportError::other(
            format!("cannot set up TLS: {e}"),
            false,
        )))
    };
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(failed)?
        .with_platform_verifier()
        .map_err(failed)?
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}
