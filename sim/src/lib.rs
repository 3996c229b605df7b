//! A stateful local Paystack for tests and development.
//!
//! Every operation of the SDK's spec is served with real state: what you create can be
//! fetched, listed and updated; payments move the balance; transfers settle on a clock that
//! tests can advance; webhooks are signed with your key exactly as Paystack signs them; a
//! checkout page takes test payments; and any call can be made to fail on purpose.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use paystack_sim::{PayOutcome, Simulator};
//!
//! let sim = Simulator::start().await?;
//! let ps = paystack::Paystack::builder(sim.secret_key())
//!     .base_url(sim.base_url())
//!     .build()?;
//! let init = ps
//!     .transactions()
//!     .initialize("ada@example.com", paystack::Amount::from_subunits(250_000)?)
//!     .send()
//!     .await?;
//! let reference = init.data.reference.unwrap_or_default();
//! sim.pay(&reference, PayOutcome::Success)?;
//! let tx = ps.transactions().verify(&reference).send().await?;
//! assert_eq!(tx.data.status, Some(paystack::enums::TransactionStatus::Success));
//! # Ok(()) }
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod checkout;
mod control;
pub mod faults;
mod flows;
mod generic;
pub mod journal;
mod persist;
mod server;
pub mod shape;
pub mod spec;
mod state;
pub mod webhooks;
mod world;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::task::JoinHandle;

pub use faults::{Fault, FaultRule};
pub use journal::JournalEntry;
pub use webhooks::{Attempt, Delivery};
pub use world::{PayOutcome, TransferOutcome};

use server::Shared;
use world::World;

/// What went wrong with a control call.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// Binding the port or opening the state file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The state file could not be read or written.
    #[error("state store: {0}")]
    Store(String),
    /// The control call was refused (unknown reference, bad seed...).
    #[error("{0}")]
    Refused(String),
}

/// Options for starting a simulator.
#[derive(Clone)]
pub struct Builder {
    host: IpAddr,
    port: u16,
    secret_key: Option<String>,
    state: Option<PathBuf>,
    webhook_url: Option<String>,
    fault_seed: u64,
    strict_shapes: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            secret_key: None,
            state: None,
            webhook_url: None,
            fault_seed: 0x5EED,
            strict_shapes: false,
        }
    }
}

impl Builder {
    /// Listen on this port (0, the default, picks a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Listen on this address (default 127.0.0.1).
    pub fn host(mut self, host: IpAddr) -> Self {
        self.host = host;
        self
    }

    /// Use this secret key for the first integration instead of a generated one.
    pub fn secret_key(mut self, key: impl Into<String>) -> Self {
        self.secret_key = Some(key.into());
        self
    }

    /// Keep state in this file (redb); every acknowledged write is durable.
    pub fn state(mut self, path: impl Into<PathBuf>) -> Self {
        self.state = Some(path.into());
        self
    }

    /// Send the first integration's webhooks to this URL.
    pub fn webhook_url(mut self, url: impl Into<String>) -> Self {
        self.webhook_url = Some(url.into());
        self
    }

    /// Seed of the RNG behind probabilistic fault rules.
    pub fn fault_seed(mut self, seed: u64) -> Self {
        self.fault_seed = seed;
        self
    }

    /// Strict shape mode, for testing the simulator itself: answers go out exactly as the
    /// simulator built them from state (not fitted to the spec), and each is checked against
    /// the spec; [`Simulator::shape_reports`] lists what did not fit.
    pub fn strict_shapes(mut self, on: bool) -> Self {
        self.strict_shapes = on;
        self
    }

    /// Binds the port and starts serving.
    pub async fn start(self) -> Result<Simulator, SimError> {
        // Parse the embedded spec now (once per process) rather than in the first request.
        spec::spec();
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(self.host, self.port)).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut world = World::new(base_url.clone());
        let store = match &self.state {
            Some(p) => Some(persist::Store::open(p, &mut world).map_err(SimError::Store)?),
            None => None,
        };
        let key = match (&self.secret_key, world.integrations.first()) {
            (Some(k), _) => k.clone(),
            (None, Some(i)) => i.secret_key.clone(),
            (None, None) => new_key(),
        };
        let ix = world.add_integration(&key);
        if let Some(url) = &self.webhook_url {
            world.integrations[ix].webhook_url = Some(url.clone());
        }
        let public_key = world.integrations[ix].public_key.clone();
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let shared = Arc::new(Shared::new(world, self.fault_seed, tx, store));
        shared.with_world(|_| ()); // saves the first integration when persisting
        if self.strict_shapes {
            shared.strict_shapes();
        }
        let hooks = tokio::spawn(webhooks::run(shared.clone(), rx));
        let app = server::app(shared.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Simulator {
            shared,
            addr,
            secret_key: key,
            public_key,
            tasks: vec![server, hooks],
        })
    }
}

// Debug output never shows a secret key.
impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder")
            .field("host", &self.host)
            .field("port", &self.port)
            .field(
                "secret_key",
                &self.secret_key.as_ref().map(|_| "sk_…(redacted)"),
            )
            .field("state", &self.state)
            .field("webhook_url", &self.webhook_url)
            .field("fault_seed", &self.fault_seed)
            .field("strict_shapes", &self.strict_shapes)
            .finish()
    }
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("base_url", &self.base_url())
            .field("secret_key", &"sk_…(redacted)")
            .finish_non_exhaustive()
    }
}

/// A running simulator. Dropping it stops the server.
pub struct Simulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    secret_key: String,
    public_key: String,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for Simulator {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
        self.shared.close_store();
    }
}

pub(crate) fn new_key() -> String {
    static N: AtomicU64 = AtomicU64::new(1);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let mixed = (nanos ^ (u64::from(std::process::id()) << 32))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(n);
    format!("sk_test_sim{mixed:016x}{n:04x}")
}

impl Simulator {
    /// Starts a simulator on a free loopback port with a fresh test key.
    pub async fn start() -> Result<Simulator, SimError> {
        Builder::default().start().await
    }

    /// What the strict shape check found, per operation answered (empty unless started with
    /// [`Builder::strict_shapes`]).
    pub fn shape_reports(&self) -> Vec<shape::ShapeReport> {
        self.shared.shape_reports()
    }

    /// Options for [`Builder::start`].
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Where the API answers, such as `http://127.0.0.1:40123`. Give it to
    /// `Paystack::builder(..).base_url(..)`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The socket address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The first integration's secret key (`sk_test_…`). Debug output of the simulator
    /// never shows it.
    pub fn secret_key(&self) -> &str {
        &self.secret_key
    }

    /// The first integration's public key (`pk_test_…`), which the API refuses.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    fn ix(&self, w: &World) -> usize {
        w.integration_for(&self.secret_key).unwrap_or(0)
    }

    /// Adds another integration, isolated from every other, and returns its secret key.
    pub fn add_integration(&self) -> String {
        let key = new_key();
        self.shared.with_world(|w| w.add_integration(&key));
        key
    }

    /// Sends the first integration's webhooks to `url` (plain `http://`).
    pub fn set_webhook_url(&self, url: impl Into<String>) {
        let url = url.into();
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            w.integrations[ix].webhook_url = Some(url);
            w.dirty_integrations.push(ix);
        });
    }

    /// Sets the webhook URL of the integration a secret key reaches.
    pub fn set_webhook_url_for(
        &self,
        secret_key: &str,
        url: impl Into<String>,
    ) -> Result<(), SimError> {
        let url = url.into();
        self.shared.with_world(|w| {
            let ix = w
                .integration_for(secret_key)
                .ok_or_else(|| SimError::Refused("unknown secret key".into()))?;
            w.integrations[ix].webhook_url = Some(url);
            w.dirty_integrations.push(ix);
            Ok(())
        })
    }

    /// Pays (or fails) an initialized transaction as the checkout page would, and returns
    /// the transaction.
    pub fn pay(&self, reference: &str, outcome: PayOutcome) -> Result<Value, SimError> {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            flows::transactions::pay(w, ix, reference, outcome)
                .map_err(|e| SimError::Refused(e.message))
        })
    }

    /// Opens a customer's dispute on a successful transaction, claiming `refund_amount`
    /// subunits (the whole payment when `None`), sends `charge.dispute.create`, and returns
    /// the dispute. Answer it with the SDK's `disputes().resolve(..)` within three simulated
    /// days; a reminder goes out when one day is left.
    pub fn open_dispute(
        &self,
        reference: &str,
        refund_amount: Option<i64>,
    ) -> Result<Value, SimError> {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            flows::disputes::open(w, ix, reference, refund_amount)
                .map_err(|e| SimError::Refused(e.message))
        })
    }

    /// Settles a pending transfer now, by its transfer code or reference.
    pub fn settle_transfer(&self, code: &str, outcome: TransferOutcome) -> Result<Value, SimError> {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            flows::transfers::settle(w, ix, code, outcome).map_err(|e| SimError::Refused(e.message))
        })
    }

    /// Adds money to the balance (in subunits), as a top-up would.
    pub fn fund(&self, currency: &str, subunits: i64) {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            w.move_money(
                ix,
                currency,
                subunits,
                "Simulated top-up",
                "Topup",
                &serde_json::json!({}),
            );
        });
    }

    /// The available balance in a currency, in subunits.
    pub fn balance(&self, currency: &str) -> i64 {
        self.shared
            .with_world(|w| w.integrations[self.ix(w)].balance(currency))
    }

    /// Simulates a bank transfer from a customer into a dedicated account; returns the
    /// transaction it creates.
    pub fn bank_transfer(&self, account_number: &str, subunits: i64) -> Result<Value, SimError> {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            flows::dedicated::bank_transfer(w, ix, account_number, subunits)
                .map_err(|e| SimError::Refused(e.message))
        })
    }

    /// Turns the OTP step for transfers on or off, without the OTP dance.
    pub fn set_transfer_otp(&self, enabled: bool) {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            w.integrations[ix].otp_enabled = enabled;
            w.dirty_integrations.push(ix);
        });
    }

    /// The simulated time.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.shared.with_world(|w| w.now())
    }

    /// Moves the clock forward and runs whatever became due (transfer settlement, refunds,
    /// subscription renewals).
    pub fn advance(&self, by: Duration) {
        let secs = i64::try_from(by.as_secs()).unwrap_or(i64::MAX / 2);
        self.shared.with_world(|w| w.advance(secs));
    }

    /// Forgets every record, delivery, journal entry and fault; keys and webhook URLs stay.
    pub fn reset(&self) {
        self.shared.with_world(|w| w.reset());
    }

    /// Loads records into the first integration: `{"customer": [{...}], "dispute": [...],
    /// "balance": {"NGN": 500000}}`. Returns how many records were added.
    pub fn seed(&self, seed: &Value) -> Result<usize, SimError> {
        self.shared.with_world(|w| {
            let ix = self.ix(w);
            w.seed(ix, seed).map_err(SimError::Refused)
        })
    }

    /// Loads a seed from a JSON file.
    pub fn seed_file(&self, path: impl AsRef<std::path::Path>) -> Result<usize, SimError> {
        let text = std::fs::read_to_string(path)?;
        let v: Value = serde_json::from_str(&text).map_err(|e| SimError::Refused(e.to_string()))?;
        self.seed(&v)
    }

    /// Every request answered so far (the newest 20,000 at most).
    pub fn journal(&self) -> Vec<JournalEntry> {
        self.shared.with_world(|w| w.journal.clone())
    }

    /// Empties the journal.
    pub fn clear_journal(&self) {
        self.shared.with_world(|w| w.journal.clear());
    }

    /// Adds a standing fault rule.
    pub fn add_fault(&self, rule: FaultRule) {
        self.shared.with_world(|w| w.faults.push(rule));
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.shared.with_world(|w| w.faults.clear());
    }

    /// Re-seeds the RNG behind probabilistic fault rules.
    pub fn set_fault_seed(&self, seed: u64) {
        self.shared.set_fault_seed(seed);
    }

    /// Every webhook event so far, with its delivery attempts.
    pub fn webhooks(&self) -> Vec<Delivery> {
        self.shared.with_world(|w| w.deliveries.clone())
    }

    /// Waits up to `timeout` for a delivered (2xx-acknowledged) webhook of this event.
    pub async fn wait_for_delivery(&self, event: &str, timeout: Duration) -> Option<Delivery> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let found = self
                .webhooks()
                .into_iter()
                .find(|d| d.event == event && d.delivered);
            if found.is_some() || tokio::time::Instant::now() >= deadline {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Sends a logged webhook again.
    pub fn replay_webhook(&self, id: usize) -> Result<(), SimError> {
        let known = self.shared.with_world(|w| {
            let ix = self.ix(w);
            let url = w.integrations[ix].webhook_url.clone();
            match w.deliveries.get_mut(id) {
                Some(d) => {
                    d.url = d.url.clone().or(url);
                    d.delivered = false;
                    true
                }
                None => false,
            }
        });
        if !known {
            return Err(SimError::Refused(format!("no webhook delivery {id}")));
        }
        self.shared.resend(id);
        Ok(())
    }

    /// Replaces the webhook retry schedule (delays between tries).
    pub fn set_webhook_retry_delays(&self, delays: &[Duration]) {
        self.shared
            .set_retry_delays(delays.iter().map(|d| d.as_millis() as u64).collect());
    }

    /// Stops serving. Dropping the simulator does the same.
    pub fn shutdown(self) {}
}
