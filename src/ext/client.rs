//! The Paystack client: key handling, HTTP settings and the call path every wrapper uses.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use progenitor_client::{Error as GenError, ResponseValue};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::envelope::{Envelope, Response};
use super::error::ValidationError;
use super::error::{body_says_failure, error_from_body, DecodeError, Error, Result};

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
    pub fn generated(&self) -> &crate::generated::Client {
        &self.inner
    }

    /// The validated key, e.g. to verify webhooks with it. Printing it shows no secret.
    pub fn secret_key(&self) -> &SecretKey {
        &self.key
    }

    /// Shorthand for the generated client inside wrappers.
    pub(crate) fn api(&self) -> &crate::generated::Client {
        &self.inner
    }

    /// Runs one generated call and turns its outcome into the crate's response or error.
    pub(crate) async fn send<R>(
        &self,
        call: impl Future<Output = std::result::Result<ResponseValue<R>, GenError<()>>>,
    ) -> Result<Response<R::Data>>
    where
        R: Envelope + DeserializeOwned + Serialize,
    {
        match call.await {
            Ok(value) => {
                let status = value.status().as_u16();
                finish(status, value.into_inner())
            }
            Err(GenError::UnexpectedResponse(resp)) => {
                let status = resp.status().as_u16();
                let body = resp
                    .bytes()
                    .await
                    .map_err(|e| Error::Transport(Box::new(e)))?;
                if (200..300).contains(&status) {
                    decode::<R>(status, &body)
                } else {
                    Err(error_from_body(status, &body))
                }
            }
            Err(GenError::InvalidResponsePayload(body, _)) => decode::<R>(200, &body),
            Err(GenError::CommunicationError(e)) | Err(GenError::ResponseBodyError(e)) => {
                Err(Error::Transport(Box::new(e)))
            }
            Err(GenError::InvalidRequest(msg)) => {
                Err(Error::Validation(ValidationError::Invalid {
                    field: "request",
                    reason: msg,
                }))
            }
            Err(other) => Err(Error::Transport(other.to_string().into())),
        }
    }
}

/// Logs an outgoing request at `debug` level: method and URL only, never headers.
pub(crate) fn trace_request(request: &mut reqwest::Request) {
    tracing::debug!(method = %request.method(), url = %request.url(), "paystack request");
}

/// Logs the outcome of a request at `debug` level: status, or the transport error.
pub(crate) fn trace_response(result: &reqwest::Result<reqwest::Response>) {
    match result {
        Ok(response) => tracing::debug!(
            status = response.status().as_u16(),
            url = %response.url(),
            "paystack response"
        ),
        Err(error) => tracing::debug!(%error, "paystack request failed"),
    }
}

/// Decodes a 2xx body that the generated client did not accept, naming the failing JSON path.
fn decode<R>(status: u16, body: &[u8]) -> Result<Response<R::Data>>
where
    R: Envelope + DeserializeOwned + Serialize,
{
    if body_says_failure(body) {
        return Err(error_from_body(status, body));
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    // Trailing bytes after a complete document are tolerated here on purpose: the data is whole.
    match serde_path_to_error::deserialize::<_, R>(&mut de) {
        Ok(r) => finish(status, r),
        Err(e) => Err(Error::Decode(Box::new(DecodeError {
            status,
            path: e.path().to_string(),
            message: e.inner().to_string(),
            raw: String::from_utf8_lossy(body).into_owned(),
        }))),
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

/// Settings for a [`Paystack`] client.
#[must_use]
pub struct PaystackBuilder {
    key: String,
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
}

impl fmt::Debug for PaystackBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaystackBuilder")
            .field("key", &"[redacted]")
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent", &self.user_agent)
            .finish()
    }
}

impl PaystackBuilder {
    /// Sends requests somewhere else than `https://api.paystack.co`, e.g. a local mock.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into().trim_end_matches('/').to_string();
        self
    }

    /// Limit on a whole request, from connecting to the last byte (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limit on establishing the connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `paystack-sdk-rust/<version>`).
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
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
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, auth);
        // reqwest is built without a default TLS provider; ring is smaller and quicker to build
        // than aws-lc. Installing twice is harmless (the second call reports the first).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(self.user_agent)
            .build()
            .map_err(|e| Error::Transport(Box::new(e)))?;
        Ok(Paystack {
            inner: crate::generated::Client::new_with_client(&self.base_url, http),
            key,
            base_url: self.base_url,
        })
    }
}
