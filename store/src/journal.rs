//! The payout journal: write first, send under a lease, record the outcome, recover what a
//! crash left.

use std::sync::Arc;
use std::time::Duration;

use paystack::enums::{TransactionStatus, TransferStatus};
use paystack::webhook::Event;
use paystack::{types, Outcome as SdkOutcome, Paystack, Recovery};

use crate::clock::{ms, now_ms};
use crate::error::{Error, Result};
use crate::model::{Intent, Kind, Lease, NewIntent, Outcome, State};
use crate::store::JournalStore;

/// How many characters of an error the journal keeps.
const ERROR_LIMIT: usize = 500;

/// The payout journal, shared by every worker through its store.
///
/// Cloning is cheap; clones share the store and the client.
#[derive(Clone)]
pub struct Journal {
    store: Arc<dyn JournalStore>,
    ps: Paystack,
    owner: String,
    lease: Duration,
    retry_after: Duration,
    poll_after: Duration,
    batch: usize,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("owner", &self.owner)
            .field("lease", &self.lease)
            .field("retry_after", &self.retry_after)
            .field("poll_after", &self.poll_after)
            .finish_non_exhaustive()
    }
}

/// What one [`Journal::recover`] pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecoverReport {
    /// Intents claimed.
    pub claimed: usize,
    /// Settled from Paystack's record of their reference, without sending.
    pub found: usize,
    /// Sent (for the first time, or again after Paystack had nothing under the reference).
    pub sent: usize,
    /// Still unknown after this pass (the lookup failed); tried again later.
    pub unknown: usize,
}

impl Journal {
    /// A journal over `store`, sending with `ps`. Give the client a timeout shorter than the
    /// lease (default 60 s) so a send ends before another worker may take the intent.
    pub fn new(store: impl JournalStore, ps: Paystack) -> Self {
        Journal::from_arc(Arc::new(store), ps)
    }

    /// [`Journal::new`] for a store already shared.
    pub fn from_arc(store: Arc<dyn JournalStore>, ps: Paystack) -> Self {
        Journal {
            store,
            ps,
            owner: format!("{}-{:08x}", std::process::id(), fastrand::u32(..)),
            lease: Duration::from_secs(60),
            retry_after: Duration::from_secs(30),
            poll_after: Duration::from_secs(60),
            batch: 64,
        }
    }

    /// Names this worker in leases (default: process id and a random suffix).
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = owner.into();
        self
    }

    /// How long a claim lasts before another worker may take the intent over.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// How long an `unknown` or unsent intent waits before [`Journal::recover`] retries it.
    pub fn retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = delay;
        self
    }

    /// How long a `processing` intent waits before [`Journal::poll`] asks Paystack about it.
    pub fn poll_after(mut self, delay: Duration) -> Self {
        self.poll_after = delay;
        self
    }

    /// How many intents one recover or poll pass claims at most.
    pub fn batch(mut self, batch: usize) -> Self {
        self.batch = batch.max(1);
        self
    }

    /// The store behind this journal.
    pub fn store(&self) -> &Arc<dyn JournalStore> {
        &self.store
    }

    /// Writes the intent durably as `pending`, then sends it with `send_or_recover` and
    /// records the outcome. A key seen before returns the stored intent and sends nothing;
    /// a key reused for a different payout is [`Error::KeyConflict`].
    pub async fn submit(&self, intent: NewIntent) -> Result<Intent> {
        let (stored, lease) = self.write(&intent, ms(self.lease)).await?;
        match lease {
            Some(lease) => self.send(stored, lease).await,
            None => Ok(stored),
        }
    }

    /// Writes each transfer intent durably as `pending` (each under its own key), then sends
    /// the new ones as one bulk transfer with `send_or_recover` and records each entry's
    /// outcome. Keys seen before are returned as stored and not sent again. Every intent must
    /// be a transfer in the same currency (a bulk transfer has one).
    pub async fn submit_bulk(&self, intents: Vec<NewIntent>) -> Result<Vec<Intent>> {
        let currency = intents.first().and_then(|i| i.currency.clone());
        if let Some(bad) = intents
            .iter()
            .find(|i| i.kind != Kind::Transfer || i.currency != currency)
        {
            return Err(Error::Invalid(format!(
                "{:?}: a bulk transfer takes transfers in one currency only",
                bad.key
            )));
        }
        let mut out = Vec::with_capacity(intents.len());
        let mut leased = Vec::new();
        for intent in &intents {
            let (stored, lease) = self.write(intent, ms(self.lease)).await?;
            match lease {
                Some(lease) if self.store.mark_sent(&lease, now_ms()).await? => {
                    leased.push((out.len(), lease));
                }
                _ => {}
            }
            out.push(stored);
        }
        if leased.is_empty() {
            return Ok(out);
        }
        let mut items = Vec::with_capacity(leased.len());
        for (i, _) in &leased {
            let it = &out[*i];
            let mut item = types::TransferBulkItem::new(
                it.sdk_amount().map_err(paystack::Error::from)?,
                it.target.as_str(),
                it.reference.as_str(),
            );
            if let Some(r) = &it.reason {
                item = item.with_reason(r.as_str());
            }
            items.push(item);
        }
        let mut req = self.ps.transfers().bulk(items);
        if let Some(c) = currency {
            req = req.currency(c);
        }
        // Each entry's outcome by reference; an entry the answer leaves out stays unknown.
        let entries = match req.send_or_recover().await {
            Ok(Recovery::Answered(r)) => Ok(r
                .data
                .into_iter()
                .map(|t| (t.reference, t.status, t.transfer_code))
                .collect::<Vec<_>>()),
            Ok(Recovery::Found(r)) => Ok(r
                .data
                .into_iter()
                .map(|t| (t.reference, t.status, t.transfer_code))
                .collect()),
            Err(e) => Err(e),
        };
        for (i, lease) in leased {
            let outcome = match &entries {
                Ok(found) => found
                    .iter()
                    .find(|(r, _, _)| r.as_deref() == Some(out[i].reference.as_str()))
                    .map(|(_, status, code)| transfer_outcome(status.as_ref(), code.as_ref()))
                    .unwrap_or_else(|| {
                        self.unknown_text("the bulk answer did not list this entry")
                    }),
                Err(e) => self.classify_error(&out[i], e).await,
            };
            let key = out[i].key.clone();
            out[i] = self.finish(&lease, outcome, &key).await?;
        }
        Ok(out)
    }

    /// Writes the intent durably as `pending` without sending it: the next
    /// [`Journal::recover`] on any worker sends it. Idempotent by key as
    /// [`Journal::submit`] is.
    pub async fn enqueue(&self, intent: NewIntent) -> Result<Intent> {
        Ok(self.write(&intent, 0).await?.0)
    }

    async fn write(&self, intent: &NewIntent, lease_ms: i64) -> Result<(Intent, Option<Lease>)> {
        intent.check()?;
        let reference = intent.effective_reference();
        let now = now_ms();
        let (stored, lease) = self
            .store
            .insert(intent, &reference, &self.owner, now, now + lease_ms)
            .await?;
        if lease.is_none() && !stored.same_payout(intent) {
            return Err(Error::KeyConflict {
                key: intent.key.clone(),
            });
        }
        Ok((stored, lease))
    }

    /// Settles every `pending` or `unknown` intent whose lease has expired: one never sent is
    /// sent; one sent before is looked up by its reference and recorded from Paystack's
    /// record, and sent again (same reference) only when Paystack has nothing. Run it at
    /// start-up and on a timer; each pass claims up to [`Journal::batch`] intents.
    pub async fn recover(&self) -> Result<RecoverReport> {
        let now = now_ms();
        let claimed = self
            .store
            .claim_due(
                &[State::Pending, State::Unknown],
                &self.owner,
                now,
                now + ms(self.lease),
                self.batch,
            )
            .await?;
        let mut report = RecoverReport {
            claimed: claimed.len(),
            ..RecoverReport::default()
        };
        for (intent, lease) in claimed {
            let settled = if intent.sends == 0 {
                report.sent += 1;
                self.send(intent, lease).await?
            } else {
                match self.lookup(&intent).await {
                    Lookup::Found(outcome) => {
                        report.found += 1;
                        self.finish(&lease, outcome, &intent.key).await?
                    }
                    Lookup::Absent => {
                        report.sent += 1;
                        self.send(intent, lease).await?
                    }
                    Lookup::Failed(e) => {
                        let outcome = self.unknown(&e);
                        self.finish(&lease, outcome, &intent.key).await?
                    }
                }
            };
            if settled.state == State::Unknown {
                report.unknown += 1;
            }
        }
        Ok(report)
    }

    /// Runs [`Journal::recover`] and [`Journal::poll`] now, then every `every`, in a task
    /// of its own until it is aborted: the start-up sweep and the timer in one call. Errors
    /// (a database that is briefly away) are logged and the next round tries again.
    pub fn spawn_sweeper(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let journal = self.clone();
        tokio::spawn(async move {
            loop {
                // Drain what is due now before sleeping: a pass claims one batch at most.
                loop {
                    match journal.recover().await {
                        Ok(r) if r.claimed > 0 => continue,
                        Ok(_) => break,
                        Err(e) => {
                            tracing::warn!(error = %e, "payout recovery failed; retrying later");
                            break;
                        }
                    }
                }
                if let Err(e) = journal.poll().await {
                    tracing::warn!(error = %e, "payout polling failed; retrying later");
                }
                tokio::time::sleep(every).await;
            }
        })
    }

    /// Asks Paystack about `processing` intents whose poll time has come and records their
    /// final state, for deployments where webhooks may not arrive. Returns how many reached a
    /// final state.
    pub async fn poll(&self) -> Result<usize> {
        let now = now_ms();
        let claimed = self
            .store
            .claim_due(
                &[State::Processing],
                &self.owner,
                now,
                now + ms(self.lease),
                self.batch,
            )
            .await?;
        let mut finished = 0;
        for (intent, lease) in claimed {
            let outcome = match self.lookup(&intent).await {
                Lookup::Found(outcome) => outcome,
                // Paystack answered earlier that it holds this intent; an absent or failed
                // lookup now changes nothing, so ask again later.
                Lookup::Absent | Lookup::Failed(_) => Outcome {
                    state: State::Processing,
                    error: None,
                    paystack_code: None,
                    paystack_status: intent.paystack_status.clone(),
                    due_at: now_ms() + ms(self.poll_after),
                },
            };
            if self
                .finish(&lease, outcome, &intent.key)
                .await?
                .state
                .is_final()
            {
                finished += 1;
            }
        }
        Ok(finished)
    }

    /// Updates the intent a webhook event is about: `transfer.success`, `transfer.failed`,
    /// `transfer.reversed` and `charge.success`. Returns the updated intent, or `None` when
    /// the event is about no intent of this journal, is another event, or would move an
    /// intent backwards (a late `transfer.success` after `transfer.reversed`).
    pub async fn apply_event(&self, event: &Event) -> Result<Option<Intent>> {
        let (reference, outcome) = match event {
            Event::TransferSuccess(t) | Event::TransferFailed(t) | Event::TransferReversed(t) => {
                let state = match event {
                    Event::TransferSuccess(_) => State::Success,
                    Event::TransferFailed(_) => State::Failed,
                    _ => State::Reversed,
                };
                let mut outcome = transfer_outcome(t.status.as_ref(), t.transfer_code.as_ref());
                outcome.state = state;
                (t.reference.clone(), outcome)
            }
            Event::ChargeSuccess(tx) => {
                let mut outcome = charge_outcome(tx);
                outcome.state = State::Success;
                (tx.reference.clone(), outcome)
            }
            _ => return Ok(None),
        };
        let Some(reference) = reference.filter(|r| !r.is_empty()) else {
            return Ok(None);
        };
        self.store.apply(&reference, &outcome, now_ms()).await
    }

    /// The intent with this caller key.
    pub async fn get(&self, key: &str) -> Result<Option<Intent>> {
        self.store.get(key).await
    }

    /// The intent with this reference.
    pub async fn get_by_reference(&self, reference: &str) -> Result<Option<Intent>> {
        self.store.get_by_reference(reference).await
    }

    /// How many intents are in each state, every state listed (zero included).
    pub async fn counts(&self) -> Result<Vec<(State, u64)>> {
        let found = self.store.counts().await?;
        Ok(State::ALL
            .into_iter()
            .map(|s| {
                let n = found.iter().find(|(f, _)| *f == s).map_or(0, |(_, n)| *n);
                (s, n)
            })
            .collect())
    }

    /// Intents in `state` with an id above `after_id`, oldest first: pass the last id seen
    /// to page on.
    pub async fn list(&self, state: State, after_id: i64, limit: usize) -> Result<Vec<Intent>> {
        self.store.list(state, after_id, limit).await
    }

    /// Sends a leased intent with `send_or_recover` and records what came of it.
    async fn send(&self, intent: Intent, lease: Lease) -> Result<Intent> {
        if !self.store.mark_sent(&lease, now_ms()).await? {
            // A newer lease exists: that worker sends; report what the store holds.
            return self.current(&intent.key).await;
        }
        let outcome = match intent.kind {
            Kind::Transfer => self.send_transfer(&intent).await,
            Kind::Charge => self.send_charge(&intent).await,
        };
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => self.classify_error(&intent, &e).await,
        };
        self.finish(&lease, outcome, &intent.key).await
    }

    async fn send_transfer(&self, intent: &Intent) -> paystack::Result<Outcome> {
        let mut req = self.ps.transfers().initiate(
            intent.sdk_amount()?,
            intent.target.as_str(),
            intent.reference.as_str(),
        );
        if let Some(c) = &intent.currency {
            req = req.currency(c.parse().unwrap_or(paystack::enums::Currency::NGN));
        }
        if let Some(r) = &intent.reason {
            req = req.reason(r.as_str());
        }
        Ok(match req.send_or_recover().await? {
            Recovery::Answered(r) => {
                transfer_outcome(r.data.status.as_ref(), r.data.transfer_code.as_ref())
            }
            Recovery::Found(r) => {
                transfer_outcome(r.data.status.as_ref(), r.data.transfer_code.as_ref())
            }
        })
    }

    async fn send_charge(&self, intent: &Intent) -> paystack::Result<Outcome> {
        let mut req = self
            .ps
            .transactions()
            .charge_authorization(
                intent.email.clone().unwrap_or_default(),
                intent.sdk_amount()?,
                intent.target.as_str(),
            )
            .reference(intent.reference.as_str());
        if let Some(c) = &intent.currency {
            req = req.currency(c.parse().unwrap_or(paystack::enums::Currency::NGN));
        }
        let tx = req.send_or_recover().await?.into_response();
        Ok(charge_outcome(&tx.data))
    }

    /// What an error from a send means for the intent.
    async fn classify_error(&self, intent: &Intent, e: &paystack::Error) -> Outcome {
        match e.outcome() {
            SdkOutcome::Unknown => self.unknown(e),
            SdkOutcome::NotSent => Outcome {
                state: State::Pending,
                error: Some(bounded(e)),
                paystack_code: None,
                paystack_status: None,
                due_at: now_ms() + ms(self.retry_after),
            },
            // A refusal because the reference exists means an earlier send landed: what
            // Paystack holds decides, never "failed".
            _ if e.is_duplicate_reference() => match self.lookup(intent).await {
                Lookup::Found(o) => o,
                Lookup::Absent | Lookup::Failed(_) => self.unknown(e),
            },
            _ => Outcome {
                state: State::Failed,
                error: Some(bounded(e)),
                paystack_code: None,
                paystack_status: None,
                due_at: now_ms(),
            },
        }
    }

    fn unknown(&self, e: &paystack::Error) -> Outcome {
        self.unknown_text(&bounded(e))
    }

    fn unknown_text(&self, why: &str) -> Outcome {
        Outcome {
            state: State::Unknown,
            error: Some(why.to_string()),
            paystack_code: None,
            paystack_status: None,
            due_at: now_ms() + ms(self.retry_after),
        }
    }

    /// Paystack's record of the intent's reference.
    async fn lookup(&self, intent: &Intent) -> Lookup {
        let found = match intent.kind {
            Kind::Transfer => self
                .ps
                .transfers()
                .verify(intent.reference.as_str())
                .send()
                .await
                .map(|r| transfer_outcome(r.data.status.as_ref(), r.data.transfer_code.as_ref())),
            Kind::Charge => self
                .ps
                .transactions()
                .verify(intent.reference.as_str())
                .send()
                .await
                .map(|r| charge_outcome(&r.data)),
        };
        match found {
            Ok(mut outcome) => {
                if outcome.state == State::Processing {
                    outcome.due_at = now_ms() + ms(self.poll_after);
                }
                Lookup::Found(outcome)
            }
            Err(e) if e.is_not_found() => Lookup::Absent,
            Err(e) => Lookup::Failed(e),
        }
    }

    /// Records under the lease; when refused (a newer lease, or a webhook settled it first)
    /// returns what the store holds.
    async fn finish(&self, lease: &Lease, mut outcome: Outcome, key: &str) -> Result<Intent> {
        if outcome.state == State::Processing && outcome.due_at <= now_ms() {
            outcome.due_at = now_ms() + ms(self.poll_after);
        }
        match self.store.record(lease, &outcome, now_ms()).await? {
            Some(intent) => Ok(intent),
            None => self.current(key).await,
        }
    }

    async fn current(&self, key: &str) -> Result<Intent> {
        self.store
            .get(key)
            .await?
            .ok_or_else(|| Error::Backend(format!("intent {key:?} vanished from the store")))
    }
}

enum Lookup {
    Found(Outcome),
    Absent,
    Failed(paystack::Error),
}

/// The journal state of a transfer status word.
fn transfer_outcome(
    status: Option<&TransferStatus>,
    code: Option<&paystack::codes::TransferCode>,
) -> Outcome {
    let word = status.map(|s| s.as_str().to_string());
    let state = match word.as_deref() {
        Some("success") => State::Success,
        Some("failed" | "rejected" | "abandoned" | "blocked") => State::Failed,
        Some("reversed") => State::Reversed,
        _ => State::Processing,
    };
    Outcome {
        state,
        error: None,
        paystack_code: code.map(|c| c.as_str().to_string()),
        paystack_status: word,
        due_at: now_ms(),
    }
}

/// The journal state of a charge.
fn charge_outcome(tx: &types::Transaction) -> Outcome {
    let word = tx
        .status
        .as_ref()
        .map(|s: &TransactionStatus| s.as_str().to_string());
    let state = match word.as_deref() {
        Some("success") => State::Success,
        Some("failed" | "abandoned") => State::Failed,
        Some("reversed") => State::Reversed,
        _ => State::Processing,
    };
    Outcome {
        state,
        error: match state {
            State::Failed => tx.gateway_response.clone(),
            _ => None,
        },
        paystack_code: tx.id.as_ref().map(|id| id.to_string()),
        paystack_status: word,
        due_at: now_ms(),
    }
}

/// An error's text, cut to [`ERROR_LIMIT`] characters.
fn bounded(e: &paystack::Error) -> String {
    let text = e.to_string();
    match text.char_indices().nth(ERROR_LIMIT) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}
