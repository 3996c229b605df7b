//! What the store's tests share: a simulator with money and a recipient, and ledger checks.
#![allow(dead_code)]

#[allow(unused_macros)] // the Redis tests run only the inbox scenario
/// Calls `$backend!` with the name of every scenario in [`suite`], so each backend runs all.
macro_rules! every_scenario {
    ($backend:ident) => {
        $backend!(
            submit_writes_sends_once_and_a_repeat_sends_nothing,
            bad_input_is_refused_before_anything_is_written,
            a_lost_answer_is_looked_up_not_paid_twice,
            unknown_when_the_lookup_fails_too_then_recovered,
            recover_settles_what_a_crash_left,
            webhooks_and_polling_bring_the_final_state,
            a_refusal_is_failed_with_its_reason,
            a_charge_on_a_saved_card_is_journaled,
            four_workers_share_the_store_and_send_each_intent_once,
            a_bulk_transfer_journals_each_entry,
            the_inbox_hands_each_event_to_one_replica,
        );
    };
}

pub mod suite;

use std::time::Duration;

use paystack::enums::RecipientType;
use paystack::Paystack;
use paystack_sim::Simulator;

/// A simulator with a funded balance and one recipient.
pub struct Bench {
    pub sim: Simulator,
    pub ps: Paystack,
    pub recipient: String,
}

impl Bench {
    /// A simulator with `balance` kobo and a recipient whose transfers succeed.
    pub async fn start(balance: i64) -> Bench {
        let sim = Simulator::start().await.expect("simulator starts");
        let ps = client(&sim);
        if balance > 0 {
            sim.fund("NGN", balance);
        }
        let recipient = recipient(&ps, "0123456789").await;
        Bench { sim, ps, recipient }
    }

    /// The initiate requests the simulator answered, by reference sent.
    pub fn initiates(&self) -> Vec<String> {
        self.sim
            .journal()
            .into_iter()
            .filter(|e| e.operation.as_deref() == Some("transfer_initiate"))
            .filter_map(|e| e.body.get("reference")?.as_str().map(str::to_string))
            .collect()
    }

    /// Every transfer the simulator holds.
    pub async fn transfers(&self) -> Vec<paystack::types::Transfer> {
        transfers(&self.ps).await
    }
}

/// Every transfer the integration holds.
pub async fn transfers(ps: &Paystack) -> Vec<paystack::types::Transfer> {
    use futures::TryStreamExt;
    use paystack::Paginate;
    ps.transfers()
        .list()
        .per_page(100u32)
        .stream()
        .try_collect()
        .await
        .expect("list transfers")
}

/// A client of the simulator that does not retry (the journal's recovery is under test) and
/// gives up quickly.
pub fn client(sim: &Simulator) -> Paystack {
    Paystack::builder(sim.secret_key())
        .base_url(sim.base_url())
        .no_retry()
        .timeout(Duration::from_millis(1500))
        .build()
        .expect("client")
}

/// Creates a NUBAN recipient for `account`.
pub async fn recipient(ps: &Paystack, account: &str) -> String {
    ps.transfer_recipients()
        .create(RecipientType::Nuban, "Ngozi Ade")
        .account_number(account)
        .bank_code("058")
        .send()
        .await
        .expect("recipient")
        .data
        .recipient_code
        .expect("recipient code")
        .into_string()
}

/// A fresh database file in a temporary folder (kept as long as the folder lives).
pub fn db_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.db");
    (dir, path)
}

/// The server URL in `var`, or `None` (with a note on how to start one) when it is unset.
/// Under `CI=true` a missing server fails the test instead: CI must start it.
pub fn server_url(var: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => panic!(
            "{var} is not set, and under CI=true a missing server is a failure: \
             run `source store/ci-services.sh start` before the tests"
        ),
        _ => {
            eprintln!(
                "skipped: {var} is not set. Start local servers with \
                 `source store/ci-services.sh start` (then `store/ci-services.sh stop`)"
            );
            None
        }
    }
}

/// A short random name for a database or key prefix of one test.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}_{:016x}", fastrand::u64(..))
}

/// A fresh database on the server, and its URL.
#[cfg(feature = "postgres")]
pub async fn pg_database() -> Option<String> {
    let base = server_url("PAYSTACK_STORE_PG_URL")?;
    let (client, conn) = tokio_postgres::connect(&base, tokio_postgres::NoTls)
        .await
        .expect("PAYSTACK_STORE_PG_URL is set but the server cannot be reached");
    tokio::spawn(conn);
    let name = unique("pst");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a test database");
    let (head, _) = base.rsplit_once('/').expect("a URL with a database name");
    Some(format!("{head}/{name}"))
}
