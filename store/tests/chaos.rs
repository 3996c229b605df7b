//! Killing workers mid-flight: payout workers (the `worker` example, as separate processes)
//! share one database and pay out against the simulator while the test SIGKILLs and restarts
//! them at random, and the simulator fails 10% of transfer initiates (a timeout after
//! processing, a reset after processing, a 503 before). Then the transfers settle, and each
//! webhook reaches a random one of three replicas through a round-robin proxy, at least twice;
//! one replica is killed in the middle of its handler.
//!
//! It checks the ledger: one transfer per intent, no reference paid twice or lost, the
//! balance debited once per paid intent, every intent final and agreeing with the simulator,
//! and each webhook's side effect done exactly once.
//!
//! `PSTORE_CHAOS_INTENTS` sets the size (300 by default). Figures are printed to stderr
//! (`-- --nocapture` to see them).
#![cfg(all(feature = "axum", feature = "sqlite"))]

#[macro_use]
mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use paystack::Amount;
use paystack_sim::{Fault, FaultRule, Simulator};
use paystack_store::{Journal, SqliteStore, State};
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

const AMOUNT: i64 = 50_000;
const WORKERS: usize = 4;
const REPLICAS: usize = 3;
/// The simulator's webhook retry delays (ms): together longer than a replica's claim timeout
/// (20 s), so the event of the replica killed mid-handler is retried after its claim expires.
const RETRIES: [u64; 7] = [500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000];

/// The example binary, built by `cargo test` beside the test executables.
fn worker_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join("examples").join("worker");
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build -p paystack-store --all-features --example worker`",
        bin.display()
    );
    bin
}

struct Cluster {
    sim: Simulator,
    db: String,
    dir: tempfile::TempDir,
    recipients: String,
    intents: usize,
}

impl Cluster {
    fn command(&self, mode: &str) -> Command {
        let mut c = Command::new(worker_binary());
        c.env("PSTORE_MODE", mode)
            .env("PSTORE_DB", &self.db)
            .env("PAYSTACK_SECRET_KEY", self.sim.secret_key())
            .env("PAYSTACK_BASE_URL", self.sim.base_url())
            .env("PSTORE_INTENTS", self.intents.to_string())
            .env("PSTORE_AMOUNT", AMOUNT.to_string())
            .env("PSTORE_RECIPIENTS", &self.recipients)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        c
    }

    fn worker(&self) -> Child {
        self.command("worker").spawn().expect("start a worker")
    }

    /// Starts replica `i` and returns it with its address and the rest of its output.
    async fn replica(
        &self,
        i: usize,
        hang: bool,
    ) -> (Child, String, Lines<BufReader<ChildStdout>>) {
        let mut c = self.command("replica");
        c.env(
            "PSTORE_EFFECTS",
            self.dir.path().join(format!("effects-{i}.log")),
        );
        if hang {
            c.env("PSTORE_HANG", "1");
        }
        let mut child = c.spawn().expect("start a replica");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let first = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("replica starts")
            .expect("replica output")
            .expect("a line");
        let addr = first.strip_prefix("listening ").expect("listening ADDR");
        (child, format!("http://{addr}/webhook"), lines)
    }
}

/// A loopback proxy that sends each delivery to the next replica in turn.
async fn proxy(targets: Arc<Mutex<Vec<String>>>) -> String {
    use axum::body::Bytes;
    use axum::http::{HeaderMap, StatusCode};
    let next = Arc::new(AtomicUsize::new(fastrand::usize(..REPLICAS)));
    // Forwards with the simulator's own webhook sender (the body and signature as they came).
    let app = axum::Router::new().route(
        "/",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let (targets, next) = (targets.clone(), next.clone());
            async move {
                let url = {
                    let t = targets.lock().unwrap();
                    t[next.fetch_add(1, Ordering::Relaxed) % t.len()].clone()
                };
                let signature = headers
                    .get("x-paystack-signature")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                let body = String::from_utf8_lossy(&body);
                match paystack_sim::webhooks::post(&url, &body, signature).await {
                    Ok(status) => StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                    Err(_) => StatusCode::BAD_GATEWAY,
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/")
}

/// Waits until every transfer webhook was acknowledged. An event whose retries ran out (a
/// burst kept the replicas busy past the simulator's short schedule) is sent again, as
/// Paystack's schedule, hours long, would.
async fn all_delivered(sim: &Simulator, want: usize, within: Duration) -> usize {
    let deadline = Instant::now() + within;
    // Attempts logged when each event was last sent again (or when this wait began).
    let mut resent: HashMap<usize, usize> = sim
        .webhooks()
        .into_iter()
        .map(|d| (d.id, d.attempts.len()))
        .collect();
    loop {
        let hooks: Vec<_> = sim
            .webhooks()
            .into_iter()
            .filter(|d| d.event.starts_with("transfer."))
            .collect();
        if hooks.len() >= want && hooks.iter().all(|d| d.delivered) {
            return hooks.iter().map(|d| d.attempts.len()).sum();
        }
        for d in &hooks {
            let since = resent.get(&d.id).copied().unwrap_or(0);
            if !d.delivered && d.attempts.len() > since + RETRIES.len() {
                resent.insert(d.id, d.attempts.len());
                sim.replay_webhook(d.id).unwrap();
            }
        }
        assert!(
            Instant::now() < deadline,
            "webhooks not delivered in time: {} of {want} events, {} undelivered",
            hooks.len(),
            hooks.iter().filter(|d| !d.delivered).count()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn chaos(db: String, label: &str) {
    let intents: usize = std::env::var("PSTORE_CHAOS_INTENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed = fastrand::u64(..);
    let started = Instant::now();
    let sim = Simulator::builder().fault_seed(seed).start().await.unwrap();
    sim.set_webhook_retry_delays(
        &[200, 400, 800, 1600, 3200, 3200, 3200, 3200].map(Duration::from_millis),
    );
    let ps = common::client(&sim);
    sim.fund("NGN", (intents as i64 + 10) * 2 * AMOUNT);
    let ok = common::recipient(&ps, "0123456789").await;
    // Every tenth payout goes to an account whose transfers fail (and are refunded).
    let failing = common::recipient(&ps, "0000000011").await;
    let recipients = std::iter::repeat_n(ok.clone(), 9)
        .chain([failing])
        .collect::<Vec<_>>()
        .join(",");
    // What one paid transfer costs (amount and fee), measured.
    let before = sim.balance("NGN");
    ps.transfers()
        .initiate(
            Amount::from_subunits(AMOUNT).unwrap(),
            &ok,
            "calibration-000000001",
        )
        .send()
        .await
        .unwrap();
    let debit = before - sim.balance("NGN");
    let start_balance = sim.balance("NGN");
    sim.clear_journal();
    // 10% of initiates fail: a timeout after processing, a reset after processing, a 503.
    sim.add_fault(
        FaultRule::new(Fault::Delay { ms: 1_500 })
            .on("transfer_initiate")
            .probability(0.034)
            .after(),
    );
    sim.add_fault(
        FaultRule::new(Fault::Reset)
            .on("transfer_initiate")
            .probability(0.035)
            .after(),
    );
    sim.add_fault(
        FaultRule::status(503)
            .on("transfer_initiate")
            .probability(0.036),
    );

    let dir = tempfile::tempdir().unwrap();
    let db = db.replace("{dir}", &dir.path().display().to_string());
    let cluster = Cluster {
        sim,
        db,
        dir,
        recipients,
        intents,
    };

    // Webhook replicas first, behind the proxy; replica 0 will hang in its handlers.
    let targets = Arc::new(Mutex::new(Vec::new()));
    let mut replicas = Vec::new();
    let mut hanging = None;
    for i in 0..REPLICAS {
        let (child, url, lines) = cluster.replica(i, i == 0).await;
        targets.lock().unwrap().push(url);
        if i == 0 {
            hanging = Some(lines);
        }
        replicas.push(child);
    }
    cluster.sim.set_webhook_url(proxy(targets.clone()).await);

    // Workers, killed and restarted at random until they have all finished.
    let mut workers: Vec<Option<Child>> = (0..WORKERS).map(|_| Some(cluster.worker())).collect();
    let max_kills = (intents / 10).max(10);
    let mut kills = 0;
    let deadline = Instant::now() + Duration::from_secs(150 + intents as u64 / 10);
    loop {
        tokio::time::sleep(Duration::from_millis(fastrand::u64(50..300))).await;
        for slot in workers.iter_mut() {
            if let Some(child) = slot {
                if let Some(status) = child.try_wait().unwrap() {
                    assert!(status.success(), "a worker failed: {status}");
                    *slot = None;
                }
            }
        }
        if workers.iter().all(Option::is_none) {
            break;
        }
        assert!(Instant::now() < deadline, "workers did not finish in time");
        if kills < max_kills {
            let live: Vec<usize> = (0..WORKERS).filter(|i| workers[*i].is_some()).collect();
            let pick = live[fastrand::usize(..live.len())];
            let mut child = workers[pick].take().unwrap();
            child.start_kill().unwrap(); // SIGKILL
            let _ = child.wait().await;
            kills += 1;
            workers[pick] = Some(cluster.worker());
        }
    }
    let paid_in = started.elapsed();
    eprintln!(
        "chaos[{label}]: workers done after {:.1} s with {kills} kills",
        paid_in.as_secs_f64()
    );

    let journal = Journal::from_arc(
        SqliteOrPg::open(&cluster.db).await,
        common::client(&cluster.sim),
    );
    let counts: HashMap<State, u64> = journal.counts().await.unwrap().into_iter().collect();
    assert_eq!(
        counts[&State::Pending] + counts[&State::Unknown],
        0,
        "{counts:?}"
    );

    let journal_entries = cluster.sim.journal();
    let faults = journal_entries
        .iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_initiate") && e.fault.is_some())
        .count();
    let initiates = journal_entries
        .iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_initiate"))
        .count();

    // Settle every transfer; replica 0 hangs in its handlers and is killed there.
    cluster.sim.advance(Duration::from_secs(61));
    let mut lines = hanging.take().unwrap();
    let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("replica 0 reaches its handler")
        .unwrap()
        .unwrap();
    assert!(line.starts_with("hanging "), "{line}");
    replicas[0].start_kill().unwrap();
    let _ = replicas[0].wait().await;
    let (child, url, _) = cluster.replica(0, false).await;
    replicas[0] = child;
    targets.lock().unwrap()[0] = url;

    // One event per intent, and one for the calibration transfer.
    let events = intents + 1;
    // A burst of thousands of deliveries takes the replicas a while: allow for it.
    let within = Duration::from_secs(120 + intents as u64 / 8);
    let first_attempts = all_delivered(&cluster.sim, events, within).await;
    // Every event once more, each to whichever replica the proxy picks.
    for d in cluster.sim.webhooks() {
        if d.event.starts_with("transfer.") {
            cluster.sim.replay_webhook(d.id).unwrap();
        }
    }
    let all_attempts = all_delivered(&cluster.sim, events, within).await;

    // The side effect ran once per event.
    let mut effects: HashMap<String, usize> = HashMap::new();
    for i in 0..REPLICAS {
        let text = std::fs::read_to_string(cluster.dir.path().join(format!("effects-{i}.log")))
            .unwrap_or_default();
        for key in text.lines() {
            *effects.entry(key.to_string()).or_default() += 1;
        }
    }
    // The ledger against the journal.
    let transfers: Vec<_> = common::transfers(&common::client(&cluster.sim)).await;
    let mut by_reference: HashMap<String, Vec<String>> = HashMap::new();
    for t in &transfers {
        let r = t.reference.clone().unwrap_or_default();
        if r != "calibration-000000001" {
            by_reference.entry(r).or_default().push(
                t.status
                    .as_ref()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
            );
        }
    }
    let duplicates = by_reference.values().filter(|v| v.len() > 1).count();
    let mut lost = 0;
    let mut mismatched = Vec::new();
    let mut paid = 0;
    let mut keys = HashSet::new();
    for i in 0..intents {
        let key = format!("payout-{i}");
        let Some(intent) = journal.get(&key).await.unwrap() else {
            lost += 1;
            continue;
        };
        keys.insert(intent.reference.clone());
        let Some(statuses) = by_reference.get(&intent.reference) else {
            lost += 1;
            continue;
        };
        let want = match statuses[0].as_str() {
            "success" => State::Success,
            "failed" => State::Failed,
            other => panic!("transfer {} is still {other}", intent.reference),
        };
        if want == State::Success {
            paid += 1;
        }
        if intent.state != want {
            mismatched.push((key, intent.state, want));
        }
    }
    let strays = by_reference.keys().filter(|r| !keys.contains(*r)).count();
    // A request whose client gave up during a delay fault is dropped by the simulator before
    // it logs it: those references reached the ledger without a logged initiate.
    let logged: HashSet<String> = journal_entries
        .iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_initiate"))
        .filter_map(|e| Some(e.body.get("reference")?.as_str()?.to_string()))
        .collect();
    let unlogged = keys.iter().filter(|r| !logged.contains(*r)).count();
    let repeated = effects.values().filter(|n| **n > 1).count();
    let figures = format!(
        "chaos[{label}]: {intents} intents, {WORKERS} workers, {kills} kills, \
         {faults} logged injected faults (+{unlogged} timeouts dropped before logging) \
         in {initiates} logged initiates, {duplicates} duplicates, {lost} lost, \
         {strays} strays, {paid} paid; paid out in {:.1} s ({:.0} intents/s); \
         {events} webhook events, {first_attempts} deliveries before the replay and \
         {all_attempts} after, {} side effects ({repeated} repeated); fault seed {seed}",
        paid_in.as_secs_f64(),
        intents as f64 / paid_in.as_secs_f64(),
        effects.values().sum::<usize>(),
    );
    eprintln!("{figures}");
    let twice: Vec<_> = effects.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "side effects repeated: {twice:?}; {figures}"
    );
    assert_eq!(effects.len(), events, "one side effect per event");

    assert_eq!((duplicates, lost, strays), (0, 0, 0), "{figures}");
    assert!(
        mismatched.is_empty(),
        "journal disagrees with the ledger: {mismatched:?}"
    );
    assert_eq!(
        cluster.sim.balance("NGN"),
        start_balance - paid as i64 * debit,
        "debited once per paid intent (failed ones refunded): {figures}"
    );
    assert!(faults > 0 && kills > 0, "{figures}");
}

/// The journal store the workers used, opened by the test to read it.
enum SqliteOrPg {}

impl SqliteOrPg {
    async fn open(db: &str) -> std::sync::Arc<dyn paystack_store::JournalStore> {
        if let Some(path) = db.strip_prefix("sqlite:") {
            return Arc::new(SqliteStore::open(path).await.unwrap());
        }
        #[cfg(feature = "postgres")]
        if let Some(url) = db.strip_prefix("postgres:") {
            return Arc::new(paystack_store::PostgresStore::connect(url).await.unwrap());
        }
        panic!("unknown database {db}")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_workers_pay_each_intent_once_on_sqlite() {
    chaos("sqlite:{dir}/journal.db".into(), "sqlite").await;
}

#[cfg(feature = "postgres")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_workers_pay_each_intent_once_on_postgres() {
    let Some(url) = common::pg_database().await else {
        return;
    };
    chaos(format!("postgres:{url}"), "postgres").await;
}
