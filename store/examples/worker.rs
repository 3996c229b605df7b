//! A payout worker or a webhook replica sharing one journal, as a service runs them. The
//! chaos test (`tests/chaos.rs`) starts several of each, kills them with SIGKILL and restarts
//! them; it is also a small template for a real deployment.
//!
//! Configured by environment:
//!
//! - `PSTORE_MODE`: `worker` (submit and settle payouts) or `replica` (webhook endpoint);
//! - `PSTORE_DB`: `sqlite:PATH` or `postgres:URL` (feature `postgres`);
//! - `PAYSTACK_SECRET_KEY`, `PAYSTACK_BASE_URL` (the simulator's URL in tests);
//! - worker: `PSTORE_INTENTS` (how many payouts, keys `payout-0`…), `PSTORE_RECIPIENTS`
//!   (comma-separated recipient codes, used in turn), `PSTORE_AMOUNT` (kobo per payout);
//! - replica: `PSTORE_EFFECTS` (a file that gets one line per handled event: the side
//!   effect whose count the test checks), `PSTORE_HANG=1` (every handler hangs before its side
//!   effect; the first prints `hanging KEY`, so the test can kill the replica mid-handler).
//!
//! A worker submits every key (idempotent: a key some worker wrote already sends nothing),
//! then runs `recover` until no payout is pending or unknown, and exits 0. A replica prints
//! `listening ADDR` and serves until killed.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use paystack::webhook::{Event, Webhook};
use paystack::{Amount, Paystack};
use paystack_store::{Inbox, InboxStore, Journal, JournalStore, NewIntent, State};

type Failure = Box<dyn std::error::Error + Send + Sync>;

fn env(name: &str) -> Result<String, Failure> {
    std::env::var(name).map_err(|_| format!("{name} is not set").into())
}

/// Opens the database `PSTORE_DB` names, as both journal and inbox storage.
async fn open() -> Result<(Arc<dyn JournalStore>, Arc<dyn InboxStore>), Failure> {
    let db = env("PSTORE_DB")?;
    if let Some(path) = db.strip_prefix("sqlite:") {
        let s = paystack_store::SqliteStore::open(path).await?;
        return Ok((Arc::new(s.clone()), Arc::new(s)));
    }
    #[cfg(feature = "postgres")]
    if let Some(url) = db.strip_prefix("postgres:") {
        let s = paystack_store::PostgresStore::connect_with(url, 8).await?;
        return Ok((Arc::new(s.clone()), Arc::new(s)));
    }
    Err(format!("PSTORE_DB must be sqlite:PATH or postgres:URL, got {db:?}").into())
}

fn client() -> Result<Paystack, Failure> {
    // Short timeouts: a send ends well before the lease (2 s), so another worker takes an
    // intent over only from a worker that died.
    Ok(Paystack::builder(env("PAYSTACK_SECRET_KEY")?)
        .base_url(env("PAYSTACK_BASE_URL")?)
        .no_retry()
        .timeout(Duration::from_millis(700))
        .build()?)
}

async fn worker() -> Result<(), Failure> {
    let (store, _) = open().await?;
    let journal = Journal::from_arc(store, client()?)
        .lease(Duration::from_secs(2))
        .retry_after(Duration::from_millis(200))
        .batch(16);
    let n: usize = env("PSTORE_INTENTS")?.parse()?;
    let amount = Amount::from_subunits(env("PSTORE_AMOUNT")?.parse()?)?;
    let recipients: Vec<String> = env("PSTORE_RECIPIENTS")?
        .split(',')
        .map(str::to_string)
        .collect();
    // Start at a random point so workers race on the same keys.
    let start = fastrand::usize(..n.max(1));
    for k in 0..n {
        let i = (start + k) % n;
        let intent = NewIntent::transfer(
            format!("payout-{i}"),
            amount,
            recipients[i % recipients.len()].as_str(),
        );
        journal.submit(intent).await?;
    }
    loop {
        let report = journal.recover().await?;
        let open = journal
            .counts()
            .await?
            .into_iter()
            .filter(|(s, _)| matches!(s, State::Pending | State::Unknown))
            .map(|(_, n)| n)
            .sum::<u64>();
        if open == 0 {
            println!("done");
            return Ok(());
        }
        if report.claimed == 0 {
            // What is left is leased by other workers (or dead ones, until the lease ends).
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

async fn replica() -> Result<(), Failure> {
    let (store, inbox_store) = open().await?;
    let journal = Journal::from_arc(store, client()?);
    // Long enough to outlast the store's queue under a burst of deliveries (renewals wait in
    // it too); a killed replica's event is handled again after this.
    let inbox = Inbox::from_arc(inbox_store).timeout(Duration::from_secs(20));
    let verifier = Webhook::new(env("PAYSTACK_SECRET_KEY")?)?;
    let effects = env("PSTORE_EFFECTS")?;
    let hang = Arc::new(AtomicBool::new(
        std::env::var("PSTORE_HANG").is_ok_and(|v| v == "1"),
    ));
    let printed = Arc::new(AtomicBool::new(false));
    let handler = move |event: Event| {
        let (journal, effects, hang, printed) = (
            journal.clone(),
            effects.clone(),
            hang.clone(),
            printed.clone(),
        );
        async move {
            if hang.load(Ordering::SeqCst) {
                // Every handler hangs before its side effect, so a kill lands mid-handler for
                // all the events this replica holds (a kill between a side effect and its
                // `done` can repeat it: see the README).
                if !printed.swap(true, Ordering::SeqCst) {
                    println!("hanging {}", event.dedupe_key());
                }
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
            journal.apply_event(&event).await?;
            // The side effect: one appended line per handled event.
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&effects)?;
            f.write_all(format!("{}\n", event.dedupe_key()).as_bytes())?;
            f.sync_data()?;
            Ok::<_, Failure>(())
        }
    };
    let app: axum::Router = axum::Router::new().route(
        "/webhook",
        paystack_store::axum::webhook(verifier, inbox, handler),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("listening {}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}

#[tokio::main]
async fn main() {
    let result = match std::env::var("PSTORE_MODE").as_deref() {
        Ok("worker") => worker().await,
        Ok("replica") => replica().await,
        _ => Err("PSTORE_MODE must be worker or replica".into()),
    };
    if let Err(e) = result {
        eprintln!("worker: {e}");
        std::process::exit(1);
    }
}
