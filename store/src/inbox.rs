//! The webhook inbox: which events were handled, shared by every replica, so a delivery that
//! Paystack retries, or sends to another replica, runs its side effect once.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use paystack::webhook::Event;

use crate::clock::{ms, now_ms};
use crate::error::Result;
use crate::store::{ClaimState, InboxStore};

/// The webhook inbox over a store. Cloning is cheap.
#[derive(Clone)]
pub struct Inbox {
    store: Arc<dyn InboxStore>,
    owner: String,
    ttl: Duration,
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inbox")
            .field("owner", &self.owner)
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

/// What [`Inbox::claim`] decided for this delivery.
#[derive(Debug)]
#[must_use = "a claim left unused is released when dropped; call done() after handling"]
pub enum Claim {
    /// This replica handles the event; call [`ClaimGuard::done`] once its side effect is
    /// committed.
    Handle(ClaimGuard),
    /// Another replica is handling it right now (its claim has not expired): answer so that
    /// Paystack retries later, in case that replica dies.
    Busy,
    /// It was handled already: answer 200 and do nothing.
    Done,
}

/// A claim on one event. Dropping it without [`ClaimGuard::done`] releases it (a failed or
/// panicking handler), so the next delivery is handled; a claim whose process died expires
/// after the inbox's timeout instead.
pub struct ClaimGuard {
    store: Arc<dyn InboxStore>,
    key: String,
    token: i64,
    ttl: Duration,
    open: bool,
}

impl std::fmt::Debug for ClaimGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimGuard")
            .field("key", &self.key)
            .field("token", &self.token)
            .finish()
    }
}

impl ClaimGuard {
    /// The event's dedupe key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Marks the event handled. `false` when the claim had expired and another replica took
    /// it over (the side effect may then run twice: keep handlers shorter than the timeout,
    /// or make them idempotent too).
    pub async fn done(mut self) -> Result<bool> {
        self.open = false;
        self.store.done(&self.key, self.token, now_ms()).await
    }

    /// Runs `work` while keeping the claim alive: its expiry moves forward every third of
    /// the timeout, so a slow handler keeps it and only a dead process loses it.
    pub async fn hold<F: Future>(&self, work: F) -> F::Output {
        let renew = async {
            let every = (self.ttl / 3).max(Duration::from_millis(10));
            loop {
                tokio::time::sleep(every).await;
                let until = now_ms() + ms(self.ttl);
                match self.store.renew(&self.key, self.token, until).await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::warn!(key = %self.key, "webhook claim lost while handling");
                        std::future::pending::<()>().await;
                    }
                    Err(e) => tracing::warn!(error = %e, "could not renew a webhook claim"),
                }
            }
        };
        tokio::pin!(work);
        tokio::select! {
            out = &mut work => out,
            () = renew => unreachable!("the renew loop never ends"),
        }
    }

    /// Gives the claim up now so the next delivery is handled.
    pub async fn release(mut self) -> Result<()> {
        self.open = false;
        self.store.release(&self.key, self.token).await
    }
}

impl Drop for ClaimGuard {
    fn drop(&mut self) {
        if !self.open {
            return;
        }
        // Release in the background; without a runtime the claim simply expires.
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let (store, key, token) = (
                self.store.clone(),
                std::mem::take(&mut self.key),
                self.token,
            );
            rt.spawn(async move {
                if let Err(e) = store.release(&key, token).await {
                    tracing::warn!(error = %e, "could not release a webhook claim; it will expire");
                }
            });
        }
    }
}

/// What [`Inbox::handle`] did with a delivery.
#[derive(Debug)]
pub enum Handled<T, E> {
    /// The handler ran and succeeded; the event is marked handled.
    Ran(T),
    /// The handler returned an error; the claim was released for Paystack's retry.
    Failed(E),
    /// The handler panicked; the claim was released.
    Panicked,
    /// Another replica is handling it now.
    Busy,
    /// It was handled before; the handler did not run.
    Duplicate,
}

impl Inbox {
    /// An inbox over `store`, with claims that expire after 60 s.
    pub fn new(store: impl InboxStore) -> Self {
        Inbox::from_arc(Arc::new(store))
    }

    /// [`Inbox::new`] for a store already shared.
    pub fn from_arc(store: Arc<dyn InboxStore>) -> Self {
        Inbox {
            store,
            owner: format!("{}-{:08x}", std::process::id(), fastrand::u32(..)),
            ttl: Duration::from_secs(60),
        }
    }

    /// How long a claim lasts when its holder neither finishes nor releases it (it died).
    pub fn timeout(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Names this replica in claims.
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = owner.into();
        self
    }

    /// Claims the event by its [`Event::dedupe_key`]: [`Claim::Handle`] when this replica
    /// should handle it.
    pub async fn claim(&self, event: &Event) -> Result<Claim> {
        self.claim_key(&event.dedupe_key()).await
    }

    /// [`Inbox::claim`] by a key of your own.
    pub async fn claim_key(&self, key: &str) -> Result<Claim> {
        let now = now_ms();
        Ok(
            match self
                .store
                .claim(key, &self.owner, now, now + ms(self.ttl))
                .await?
            {
                ClaimState::Claimed(token) => Claim::Handle(ClaimGuard {
                    store: self.store.clone(),
                    key: key.to_string(),
                    token,
                    ttl: self.ttl,
                    open: true,
                }),
                ClaimState::Busy => Claim::Busy,
                ClaimState::Done => Claim::Done,
            },
        )
    }

    /// Claims the event, runs `handler` (renewing the claim while it runs), and marks it
    /// handled when the handler succeeds; an error or a panic releases the claim so
    /// Paystack's retry runs it again.
    ///
    /// Do not let this future be cancelled halfway (a web server drops a request's future
    /// when the sender disconnects): a cancelled claim is released, and a side effect that
    /// already happened would run again. Spawn it as a task, as the axum route does.
    pub async fn handle<F, Fut, T, E>(&self, event: &Event, handler: F) -> Result<Handled<T, E>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let guard = match self.claim(event).await? {
            Claim::Handle(g) => g,
            Claim::Busy => return Ok(Handled::Busy),
            Claim::Done => return Ok(Handled::Duplicate),
        };
        match guard.hold(AssertUnwindSafe(handler()).catch_unwind()).await {
            Ok(Ok(v)) => {
                guard.done().await?;
                Ok(Handled::Ran(v))
            }
            Ok(Err(e)) => {
                guard.release().await?;
                Ok(Handled::Failed(e))
            }
            Err(_) => {
                guard.release().await?;
                Ok(Handled::Panicked)
            }
        }
    }
}
