//! What a backend provides: the journal's table and the inbox's table, behind two traits so
//! that [`crate::Journal`] and [`crate::Inbox`] hold the rules and the backends only the
//! atomic steps.

use async_trait::async_trait;

use crate::error::Result;
use crate::model::{Intent, Lease, NewIntent, Outcome, State};

/// The journal's storage. Every method is one atomic step.
#[async_trait]
pub trait JournalStore: Send + Sync + 'static {
    /// Writes `intent` as `pending` with a lease for `owner` until `lease_until`, in one
    /// transaction, and returns it with its lease. When the key exists already, returns the
    /// stored intent and no lease (nothing is written).
    async fn insert(
        &self,
        intent: &NewIntent,
        reference: &str,
        owner: &str,
        now: i64,
        lease_until: i64,
    ) -> Result<(Intent, Option<Lease>)>;

    /// Claims up to `limit` intents in one of `states` whose `due_at` has passed: sets a new
    /// lease (a new fencing token, `due_at = lease_until`, owner) and returns them. Intents
    /// another worker is claiming at the same moment are skipped, never waited for.
    async fn claim_due(
        &self,
        states: &[State],
        owner: &str,
        now: i64,
        lease_until: i64,
        limit: usize,
    ) -> Result<Vec<(Intent, Lease)>>;

    /// Counts one more send of a leased intent; `false` when the lease is no longer the newest
    /// (then nothing may be sent).
    async fn mark_sent(&self, lease: &Lease, now: i64) -> Result<bool>;

    /// Records an outcome under a lease and ends the lease. Refused (returns `None`) when a
    /// newer lease exists or the intent reached a final state meanwhile (a webhook came
    /// first).
    async fn record(&self, lease: &Lease, outcome: &Outcome, now: i64) -> Result<Option<Intent>>;

    /// Records an outcome learned outside a lease (a webhook, a poll) for the intent with this
    /// reference, when its current state allows it ([`State::reachable_from`]). Returns the
    /// updated intent, or `None` when there is no such intent or the move is not allowed.
    async fn apply(&self, reference: &str, outcome: &Outcome, now: i64) -> Result<Option<Intent>>;

    /// The intent with this caller key.
    async fn get(&self, key: &str) -> Result<Option<Intent>>;

    /// The intent with this reference.
    async fn get_by_reference(&self, reference: &str) -> Result<Option<Intent>>;

    /// How many intents are in each state (states with none are left out).
    async fn counts(&self) -> Result<Vec<(State, u64)>>;

    /// Intents in `state` with an id above `after_id`, oldest first, at most `limit`.
    async fn list(&self, state: State, after_id: i64, limit: usize) -> Result<Vec<Intent>>;
}

/// What a claim on an event found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimState {
    /// This caller holds the claim, with this fencing token.
    Claimed(i64),
    /// Another caller holds an unexpired claim.
    Busy,
    /// The event was handled already.
    Done,
}

/// The inbox's storage.
#[async_trait]
pub trait InboxStore: Send + Sync + 'static {
    /// Claims `key` for `owner` until `expires_at` when it is absent or its claim expired.
    async fn claim(&self, key: &str, owner: &str, now: i64, expires_at: i64) -> Result<ClaimState>;

    /// Marks a claimed key handled; `false` when the claim was lost (expired and taken).
    async fn done(&self, key: &str, token: i64, now: i64) -> Result<bool>;

    /// Gives a claim up so the next delivery is handled.
    async fn release(&self, key: &str, token: i64) -> Result<()>;

    /// Moves a held claim's expiry to `expires_at`; `false` when the claim was lost.
    async fn renew(&self, key: &str, token: i64, expires_at: i64) -> Result<bool>;
}
