//! A blocking client for programs that are not async (feature `blocking`).
//!
//! The same handlers and request builders as the async [`crate::Paystack`], ending in
//! `.send()` without `.await`; list requests are iterators over every record of every page.
//!
//! ```no_run
//! # fn run() -> paystack::Result<()> {
//! let ps = paystack::blocking::Paystack::from_env()?;
//! let tx = ps.transactions().verify("order-1042").send()?;
//! println!("{:?}", tx.data.status);
//!
//! for customer in ps.customers().list().per_page(100u32) {
//!     println!("{:?}", customer?.email);
//! }
//! # Ok(()) }
//! ```
//!
//! # How calls run
//!
//! The client wraps an async client and owns a tokio runtime with one worker thread, which
//! drives connections and timers. Each call builds the async request, then waits for it:
//!
//! - Outside any tokio runtime (a plain `main`, a thread of your own), the call runs on the
//!   calling thread, which blocks until the answer arrives.
//! - Inside a multi-threaded tokio runtime, the calling worker thread hands its other tasks to
//!   the rest of the runtime first (`tokio::task::block_in_place`), then blocks.
//! - Inside a current-thread runtime (`#[tokio::test]`, `flavor = "current_thread"`), the call
//!   runs on a short-lived helper thread while the calling thread blocks, and every other task
//!   of that runtime waits until the call returns. A server running on that same runtime (a
//!   test's mock, say) cannot answer meanwhile: such a call ends only when its timeout does.
//!
//! So a call never panics for being made inside a runtime, but in async code the async client
//! ([`Paystack::async_client`]) is the better choice: it never stalls other tasks. The client
//! may be dropped anywhere, inside async code too.

mod extras;
mod runtime;
mod wrapper;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use self::runtime::Worker;
pub use self::wrapper::{Blocking, Iter};
use crate::api::error::Result;
use crate::{Mode, RetryPolicy, SecretKey};

/// The entry point of the blocking API: a client holding your secret key.
///
/// ```no_run
/// # fn run() -> paystack::Result<()> {
/// let ps = paystack::blocking::Paystack::new("sk_test_...")?;
/// let balances = ps.balance().fetch().send()?;
/// # Ok(()) }
/// ```
///
/// Each client starts one thread for its runtime, so build it once and clone it: clones share
/// the connection pool and that thread, which stops when the last clone is dropped.
#[derive(Clone)]
pub struct Paystack {
    inner: crate::Paystack,
    worker: Arc<Worker>,
}

impl fmt::Debug for Paystack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("blocking::Paystack")
            .field(&self.inner)
            .finish()
    }
}

impl Paystack {
    /// A client for `secret_key` with default settings, as [`crate::Paystack::new`].
    ///
    /// Fails, before any request, on an empty, public (`pk_…`) or malformed key.
    pub fn new(secret_key: impl Into<String>) -> Result<Self> {
        Self::builder(secret_key).build()
    }

    /// A client for the key in `PAYSTACK_SECRET_KEY`, as [`crate::Paystack::from_env`].
    pub fn from_env() -> Result<Self> {
        Self::from_async(crate::Paystack::from_env()?)
    }

    /// A builder for base URL, timeouts and user agent.
    pub fn builder(secret_key: impl Into<String>) -> PaystackBuilder {
        PaystackBuilder(crate::Paystack::builder(secret_key))
    }

    /// A blocking client that sends through `client`, sharing its settings and connection
    /// pool. Connections it opens from here on run on the blocking client's runtime.
    pub fn from_async(client: crate::Paystack) -> Result<Self> {
        Ok(Paystack {
            inner: client,
            worker: Arc::new(Worker::start()?),
        })
    }

    /// The async client inside, for async code: it shares this client's settings and
    /// connection pool.
    pub fn async_client(&self) -> &crate::Paystack {
        &self.inner
    }

    /// Whether the key is a test or a live key.
    pub fn mode(&self) -> Mode {
        self.inner.mode()
    }

    /// True for a live key: requests move real money.
    pub fn is_live(&self) -> bool {
        self.inner.is_live()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.inner.base_url()
    }

    /// The validated key, e.g. to verify webhooks with it. Printing it shows no secret.
    pub fn secret_key(&self) -> &SecretKey {
        self.inner.secret_key()
    }

    /// Binds a handler or request of the async client to this client's runtime.
    pub(crate) fn wrap<'a, T>(&'a self, inner: T) -> Blocking<'a, T> {
        Blocking::new(inner, &self.worker)
    }
}

/// Settings for a blocking [`Paystack`] client: those of [`crate::PaystackBuilder`].
#[must_use]
#[derive(Debug)]
pub struct PaystackBuilder(crate::PaystackBuilder);

impl PaystackBuilder {
    /// Sends requests somewhere else than `https://api.paystack.co`, e.g. a local mock.
    pub fn base_url(self, url: impl Into<String>) -> Self {
        PaystackBuilder(self.0.base_url(url))
    }

    /// Limit on each attempt of a request, from connecting to the last byte (default 30 s).
    pub fn timeout(self, timeout: Duration) -> Self {
        PaystackBuilder(self.0.timeout(timeout))
    }

    /// Limit on establishing the connection (default 10 s).
    pub fn connect_timeout(self, timeout: Duration) -> Self {
        PaystackBuilder(self.0.connect_timeout(timeout))
    }

    /// The `User-Agent` header (default `paystack-sdk-rust/<version>`).
    pub fn user_agent(self, agent: impl Into<String>) -> Self {
        PaystackBuilder(self.0.user_agent(agent))
    }

    /// Attempts and delays for resending requests (default [`RetryPolicy::default`]).
    pub fn retry(self, policy: RetryPolicy) -> Self {
        PaystackBuilder(self.0.retry(policy))
    }

    /// Never resend a request.
    pub fn no_retry(self) -> Self {
        PaystackBuilder(self.0.no_retry())
    }

    /// Sends through your own async `reqwest::Client`, as
    /// [`crate::PaystackBuilder::http_client`].
    pub fn http_client(self, client: reqwest::Client) -> Self {
        PaystackBuilder(self.0.http_client(client))
    }

    /// Checks the key, builds the client and starts its runtime thread. Nothing is sent.
    pub fn build(self) -> Result<Paystack> {
        Paystack::from_async(self.0.build()?)
    }
}
