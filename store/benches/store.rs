//! What the journal and the inbox cost, against the in-process simulator:
//!
//! - the latency a journaled payout adds over a bare `send_or_recover` (one at a time);
//! - journal throughput with 4 workers, each with its own connection, on SQLite and Postgres;
//! - inbox claims per second (claim, then done) on each backend.
//!
//! `cargo bench -p paystack-store --all-features`. Postgres and Redis figures need
//! `PAYSTACK_STORE_PG_URL` / `PAYSTACK_STORE_REDIS_URL` (see `store/ci-services.sh`); their
//! rows are skipped without them. `PSTORE_BENCH_N` sets the payouts per measurement (default
//! 400). Not a criterion bench: each figure is a whole-run rate over real I/O, printed as a
//! table row for BENCHMARKS.md.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use paystack::enums::RecipientType;
use paystack::{Amount, Paystack};
use paystack_sim::Simulator;
use paystack_store::{Claim, Inbox, InboxStore, Journal, JournalStore, NewIntent, SqliteStore};

type Opened = (Arc<dyn JournalStore>, Arc<dyn InboxStore>);

struct Setup {
    sim: Simulator,
    ps: Paystack,
    recipient: String,
}

async fn setup(n: usize) -> Setup {
    let sim = Simulator::start().await.expect("simulator");
    let ps = Paystack::builder(sim.secret_key())
        .base_url(sim.base_url())
        .build()
        .expect("client");
    sim.fund("NGN", (n as i64 + 10) * 20 * 10_000);
    let recipient = ps
        .transfer_recipients()
        .create(RecipientType::Nuban, "Bench Payee")
        .account_number("0123456789")
        .bank_code("058")
        .send()
        .await
        .expect("recipient")
        .data
        .recipient_code
        .expect("code")
        .into_string();
    Setup { sim, ps, recipient }
}

fn amount() -> Amount {
    Amount::from_subunits(10_000).expect("amount")
}

/// Median and 99th percentile in milliseconds.
fn percentiles(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let at = |q: f64| v[((v.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

async fn bare_latency(s: &Setup, n: usize) -> Vec<Duration> {
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        let _ =
            s.ps.transfers()
                .initiate(
                    amount(),
                    s.recipient.as_str(),
                    format!("bare-payout-{i:08}"),
                )
                .send_or_recover()
                .await
                .expect("send");
        times.push(t.elapsed());
    }
    times
}

async fn journal_latency(
    s: &Setup,
    store: Arc<dyn JournalStore>,
    n: usize,
    tag: &str,
) -> Vec<Duration> {
    let journal = Journal::from_arc(store, s.ps.clone());
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        journal
            .submit(NewIntent::transfer(
                format!("lat-{tag}-{i}"),
                amount(),
                s.recipient.as_str(),
            ))
            .await
            .expect("submit");
        times.push(t.elapsed());
    }
    times
}

/// Intents per second with `workers` journals submitting distinct keys at once.
async fn throughput<F, Fut>(s: &Setup, open: F, workers: usize, n: usize, tag: &str) -> f64
where
    F: Fn() -> Fut,
    Fut: Future<Output = Opened>,
{
    let mut journals = Vec::new();
    for _ in 0..workers {
        journals.push(Journal::from_arc(open().await.0, s.ps.clone()));
    }
    let start = Instant::now();
    let tasks: Vec<_> = journals
        .into_iter()
        .enumerate()
        .map(|(w, j)| {
            let (recipient, tag) = (s.recipient.clone(), tag.to_string());
            tokio::spawn(async move {
                for i in (w..n).step_by(workers) {
                    j.submit(NewIntent::transfer(
                        format!("tp-{tag}-{i}"),
                        amount(),
                        recipient.as_str(),
                    ))
                    .await
                    .expect("submit");
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("worker");
    }
    n as f64 / start.elapsed().as_secs_f64()
}

/// Claims (each followed by done) per second from `workers` inboxes at once.
async fn claims<F, Fut>(open: F, workers: usize, n: usize) -> f64
where
    F: Fn() -> Fut,
    Fut: Future<Output = Arc<dyn InboxStore>>,
{
    let run = format!("{:08x}", fastrand::u32(..));
    let mut inboxes = Vec::new();
    for _ in 0..workers {
        inboxes.push(Inbox::from_arc(open().await));
    }
    let start = Instant::now();
    let tasks: Vec<_> = inboxes
        .into_iter()
        .enumerate()
        .map(|(w, inbox)| {
            let run = run.clone();
            tokio::spawn(async move {
                for i in (w..n).step_by(workers) {
                    if let Claim::Handle(g) = inbox
                        .claim_key(&format!("bench:{run}:{i}"))
                        .await
                        .expect("claim")
                    {
                        g.done().await.expect("done");
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("task");
    }
    n as f64 / start.elapsed().as_secs_f64()
}

async fn sqlite(path: std::path::PathBuf) -> Opened {
    let s = SqliteStore::open(path).await.expect("sqlite");
    (Arc::new(s.clone()), Arc::new(s))
}

#[cfg(feature = "postgres")]
async fn postgres(url: String) -> Opened {
    let s = paystack_store::PostgresStore::connect_with(&url, 4)
        .await
        .expect("postgres");
    (Arc::new(s.clone()), Arc::new(s))
}

/// A fresh database on the Postgres server of `PAYSTACK_STORE_PG_URL`.
#[cfg(feature = "postgres")]
async fn pg_database() -> Option<String> {
    let base = std::env::var("PAYSTACK_STORE_PG_URL").ok()?;
    let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
        .await
        .ok()?;
    tokio::spawn(conn);
    let name = format!("bench_{:08x}", fastrand::u32(..));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .ok()?;
    Some(format!("{}/{name}", base.rsplit_once('/')?.0))
}

fn row(what: &str, figure: String) {
    println!("| {what} | {figure} |");
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
    let n: usize = std::env::var("PSTORE_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let dir = tempfile::tempdir().expect("temp dir");
    let s = setup(n * 8).await;
    println!("| measurement ({n} payouts each) | figure |\n|---|---|");

    let (b50, b99) = percentiles(bare_latency(&s, n).await);
    row(
        "bare `send_or_recover`, one at a time",
        format!("median {b50:.2} ms, p99 {b99:.2} ms"),
    );
    let lite = sqlite(dir.path().join("lat.db")).await.0;
    let (j50, j99) = percentiles(journal_latency(&s, lite, n, "sqlite").await);
    row(
        "`journal.submit` on SQLite, one at a time",
        format!("median {j50:.2} ms (+{:.2} ms), p99 {j99:.2} ms", j50 - b50),
    );

    let path = dir.path().join("tp.db");
    let tp = throughput(&s, || sqlite(path.clone()), 4, n * 2, "sqlite").await;
    row(
        "journal throughput, 4 workers, SQLite file",
        format!("{tp:.0} intents/s"),
    );
    let path = dir.path().join("inbox.db");
    let cps = claims(|| async { sqlite(path.clone()).await.1 }, 4, n * 5).await;
    row(
        "inbox claim+done, 4 replicas, SQLite file",
        format!("{cps:.0} claims/s"),
    );

    #[cfg(feature = "postgres")]
    if let Some(url) = pg_database().await {
        let pg = postgres(url.clone()).await.0;
        let (p50, p99) = percentiles(journal_latency(&s, pg, n, "pg").await);
        row(
            "`journal.submit` on Postgres, one at a time",
            format!("median {p50:.2} ms (+{:.2} ms), p99 {p99:.2} ms", p50 - b50),
        );
        let tp = throughput(&s, || postgres(url.clone()), 4, n * 2, "pg").await;
        row(
            "journal throughput, 4 workers, Postgres",
            format!("{tp:.0} intents/s"),
        );
        let cps = claims(|| async { postgres(url.clone()).await.1 }, 4, n * 5).await;
        row(
            "inbox claim+done, 4 replicas, Postgres",
            format!("{cps:.0} claims/s"),
        );
    } else {
        eprintln!("Postgres rows skipped: PAYSTACK_STORE_PG_URL is not set");
    }

    #[cfg(feature = "redis")]
    if let Ok(url) = std::env::var("PAYSTACK_STORE_REDIS_URL") {
        let prefix = format!("bench{:08x}:", fastrand::u32(..));
        let store = paystack_store::RedisStore::connect(&url)
            .await
            .expect("redis")
            .prefix(prefix);
        let cps = claims(
            || async { Arc::new(store.clone()) as Arc<dyn InboxStore> },
            4,
            n * 5,
        )
        .await;
        row(
            "inbox claim+done, 4 replicas, Redis",
            format!("{cps:.0} claims/s"),
        );
    } else {
        eprintln!("Redis rows skipped: PAYSTACK_STORE_REDIS_URL is not set");
    }
    drop(s.sim);
}
