//! A durable payout journal and a webhook inbox for Paystack, shared by every replica of a
//! service.
//!
//! The SDK's `send_or_recover` makes one payout safe against a lost answer. This crate makes a
//! fleet of workers safe against crashes, restarts and each other:
//!
//! - [`Journal`] writes each payout intent (reference, amount, recipient, state `pending`)
//!   before anything is sent, sends it under a lease so two workers never send one intent at
//!   once, records what Paystack answered, and [`Journal::recover`] settles whatever a crash
//!   left behind by looking the reference up, resending only when Paystack has nothing.
//! - [`Inbox`] records which webhook events were handled, so a retried or duplicated delivery
//!   that lands on another replica is answered without running its side effect again.
//!
//! Backends sit behind features: `sqlite` (default, embedded), `postgres` and `redis` (inbox
//! and leases; a journal only when asked explicitly). Each runs its own schema migrations on
//! connect.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use paystack::Amount;
//! use paystack_store::{Journal, NewIntent, SqliteStore};
//!
//! let ps = paystack::Paystack::builder(std::env::var("PAYSTACK_SECRET_KEY")?).build()?;
//! let store = SqliteStore::open("payouts.db").await?;
//! let journal = Journal::new(store.clone(), ps);
//! journal.recover().await?; // at start-up, then on a timer
//! let intent = journal
//!     .submit(NewIntent::transfer("invoice-2291", Amount::from_subunits(150_000)?, "RCP_x1y2z3"))
//!     .await?;
//! println!("{} is {}", intent.reference, intent.state);
//! # Ok(()) }
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod clock;
mod error;
pub mod inbox;
pub mod journal;
mod model;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod sql;
pub mod store;

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "redis")]
pub mod redis;
#[cfg(feature = "sqlite")]
pub mod sqlite;

pub use error::{Error, Result};
pub use inbox::{Claim, ClaimGuard, Handled, Inbox};
pub use journal::{Journal, RecoverReport};
pub use model::{derive_reference, Intent, Kind, Lease, NewIntent, Outcome, State};
pub use store::{ClaimState, InboxStore, JournalStore};

#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;
