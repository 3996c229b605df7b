//! Control for tests: faults (per request and by rule), clock, seed, reset, journal, webhook
//! retries and replay, and state that stays right under concurrency.

mod common;

use std::time::Duration;

use common::{call, raw, raw_text, Receiver, Sim};
use paystack::webhook::Webhook;
use paystack::{enums::RecipientType, Amount};
use paystack_sim::{Fault, FaultRule, PayOutcome, Simulator};
use serde_json::json;

#[tokio::test]
async fn per_request_faults() {
    let s = Sim::start().await;
    let (st, text) = raw_text(
        &s.base,
        "GET",
        "/balance",
        Some(&s.key),
        vec![],
        &[("x-sim-fault", "503")],
    )
    .await;
    assert_eq!(st, 503);
    assert!(text.contains("<html>"), "a proxy's HTML page: {text}");
    let (st, b) = raw(
        &s.base,
        "GET",
        "/balance",
        Some(&s.key),
        vec![],
        &[("x-sim-fault", "500")],
    )
    .await;
    assert_eq!(st, 500);
    assert_eq!(b["status"], false);
    let (st, _) = raw(
        &s.base,
        "GET",
        "/balance",
        Some(&s.key),
        vec![],
        &[("x-sim-fault", "429")],
    )
    .await;
    assert_eq!(st, 429);

    // A reset or a truncated body reaches the SDK as an error, never as a value.
    let ps = paystack::Paystack::builder(&s.key)
        .base_url(&s.base)
        .no_retry()
        .build()
        .unwrap();
    s.sim
        .add_fault(FaultRule::new(Fault::Reset).on("balance_fetch").times(1));
    assert!(ps.balance().fetch().send().await.is_err());
    s.sim
        .add_fault(FaultRule::new(Fault::Truncate).on("balance_fetch").times(1));
    assert!(ps.balance().fetch().send().await.is_err());
    assert!(
        ps.balance().fetch().send().await.is_ok(),
        "rules are used up"
    );

    let started = std::time::Instant::now();
    let (st, _) = raw(
        &s.base,
        "GET",
        "/balance",
        Some(&s.key),
        vec![],
        &[("x-sim-fault", "delay=150")],
    )
    .await;
    assert_eq!(st, 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    let faults: Vec<Option<String>> = s.sim.journal().into_iter().map(|e| e.fault).collect();
    assert_eq!(
        faults,
        [
            Some("503"),
            Some("500"),
            Some("429"),
            Some("reset"),
            Some("truncate"),
            None,
            Some("delay=150")
        ]
        .map(|f| f.map(String::from))
    );
}

#[tokio::test]
async fn seeded_rules_fail_the_same_calls_every_run() {
    async fn pattern(seed: u64) -> Vec<u16> {
        let sim = Simulator::builder().fault_seed(seed).start().await.unwrap();
        sim.add_fault(FaultRule::status(503).probability(0.5));
        let mut out = Vec::new();
        for _ in 0..20 {
            out.push(
                call(
                    &sim.base_url(),
                    "GET",
                    "/balance",
                    Some(sim.secret_key()),
                    None,
                )
                .await
                .0,
            );
        }
        out
    }
    let a = pattern(99).await;
    assert_eq!(a, pattern(99).await);
    assert!(a.contains(&503) && a.contains(&200), "{a:?}");
    assert_ne!(a, pattern(100).await);
}

#[tokio::test]
async fn control_endpoints_clock_seed_reset_and_journal() {
    let s = Sim::start().await;
    let (st, c) = call(&s.base, "GET", "/_sim/clock", None, None).await;
    assert_eq!(st, 200);
    let (st, _) = call(
        &s.base,
        "POST",
        "/_sim/clock/advance",
        None,
        Some(json!({"seconds": 86400})),
    )
    .await;
    assert_eq!(st, 200);
    let (_, c2) = call(&s.base, "GET", "/_sim/clock", None, None).await;
    assert_eq!(
        c2["data"]["offset_secs"].as_i64().unwrap() - c["data"]["offset_secs"].as_i64().unwrap(),
        86400
    );

    let dir = std::env::temp_dir().join(format!("sim-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("seed.json");
    std::fs::write(
        &file,
        json!({"customer": [{"email": "seeded@example.com", "first_name": "Seeded"}], "balance": {"NGN": 90000}}).to_string(),
    )
    .unwrap();
    assert_eq!(s.sim.seed_file(&file).unwrap(), 1);
    let (_, got) = call(
        &s.base,
        "GET",
        "/customer/seeded@example.com",
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(got["data"]["first_name"], "Seeded");
    assert!(got["data"]["customer_code"]
        .as_str()
        .unwrap()
        .starts_with("CUS_"));
    assert_eq!(s.sim.balance("NGN"), 90_000);

    let (st, _) = call(&s.base, "POST", "/_sim/reset", None, None).await;
    assert_eq!(st, 200);
    let (st, _) = call(
        &s.base,
        "GET",
        "/customer/seeded@example.com",
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(st, 404, "reset forgets records, the key still works");
    assert_eq!(s.sim.balance("NGN"), 0);

    call(
        &s.base,
        "POST",
        "/customer",
        Some(&s.key),
        Some(json!({"email": "j@example.com"})),
    )
    .await;
    let (_, j) = call(&s.base, "GET", "/_sim/journal", None, None).await;
    let entries = j["data"].as_array().unwrap();
    let last = entries
        .iter()
        .rev()
        .find(|e| e["operation"] == "customer_create")
        .unwrap();
    assert_eq!(last["method"], "POST");
    assert_eq!(last["status"], 200);
    assert_eq!(last["body"]["email"], "j@example.com");
    assert!(
        !j.to_string().contains(&s.key),
        "the journal never holds the key"
    );

    let (st, b) = call(&s.base, "POST", "/_sim/faults", None, Some(json!({"operation": "balance_fetch", "fault": {"kind": "status", "status": 502}, "times": 1}))).await;
    assert_eq!(st, 200, "{b}");
    assert_eq!(
        call(&s.base, "GET", "/balance", Some(&s.key), None).await.0,
        502
    );
    assert_eq!(
        call(&s.base, "GET", "/balance", Some(&s.key), None).await.0,
        200
    );
}

#[tokio::test]
async fn webhooks_are_retried_logged_and_replayed() {
    let s = Sim::start().await;
    let hooks = Receiver::start(2).await; // the first two deliveries fail
    s.sim.set_webhook_url(&hooks.url);
    s.sim.set_webhook_retry_delays(&[
        Duration::from_millis(20),
        Duration::from_millis(20),
        Duration::from_millis(20),
    ]);
    let ps = s.sdk();
    ps.transactions()
        .initialize("f@example.com", Amount::from_subunits(10_000).unwrap())
        .reference("hook-1")
        .send()
        .await
        .unwrap();
    s.sim.pay("hook-1", PayOutcome::Success).unwrap();
    let d = s
        .sim
        .wait_for_delivery("charge.success", Duration::from_secs(5))
        .await
        .expect("delivered after retries");
    let statuses: Vec<Option<u16>> = d.attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(500), Some(500), Some(200)]);
    let got = hooks.wait_for(3).await;
    assert!(
        got.iter().all(|g| g.body == d.body.as_bytes()),
        "every try sends the same bytes"
    );
    Webhook::new(&s.key)
        .unwrap()
        .parse(got[2].signature.as_deref(), &got[2].body)
        .unwrap();

    s.sim.replay_webhook(d.id).unwrap();
    let got = hooks.wait_for(4).await;
    assert_eq!(got.len(), 4);
    assert_eq!(got[3].body, got[2].body);
    assert!(s.sim.replay_webhook(999).is_err());
}

#[tokio::test]
async fn https_webhook_urls_are_tried_and_failures_logged_without_panics() {
    let s = Sim::start().await;
    // Nothing listens on port 9 here: the https delivery is tried (not refused for its scheme)
    // and each failure lands in the log with a reason.
    s.sim.set_webhook_url("https://127.0.0.1:9/hooks");
    s.sim.set_webhook_retry_delays(&[Duration::from_millis(10)]);
    let ps = s.sdk();
    ps.transactions()
        .initialize("tls@example.com", Amount::from_subunits(10_000).unwrap())
        .reference("hook-tls-1")
        .send()
        .await
        .unwrap();
    s.sim.pay("hook-tls-1", PayOutcome::Success).unwrap();
    let mut attempts = Vec::new();
    for _ in 0..100 {
        attempts = s
            .sim
            .webhooks()
            .into_iter()
            .find(|d| d.event == "charge.success")
            .map(|d| d.attempts)
            .unwrap_or_default();
        if attempts.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(attempts.len(), 2, "one try and one retry: {attempts:?}");
    for a in &attempts {
        assert_eq!(a.status, None);
        let why = a.error.as_deref().unwrap_or("");
        assert!(why.starts_with("could not connect"), "{why}");
    }
}

#[tokio::test]
async fn a_thousand_concurrent_initiates_with_a_hundred_references() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let rcp = ps
        .transfer_recipients()
        .create(RecipientType::Nuban, "Tunde Musa")
        .account_number("0123456789")
        .bank_code("058")
        .send()
        .await
        .unwrap()
        .data
        .recipient_code
        .unwrap();
    s.sim.fund("NGN", 100_000_000);
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let ps = ps.clone();
        let rcp = rcp.clone();
        tasks.push(tokio::spawn(async move {
            let reference = format!("concurrent-ref-{:04}", i % 100);
            ps.transfers()
                .initiate(Amount::from_subunits(50_000).unwrap(), rcp, reference)
                .send()
                .await
                .map(|r| r.data.transfer_code)
        }));
    }
    // Per reference: exactly one transfer is made; every other initiate is refused as a
    // duplicate, as Paystack refuses a reused transfer reference.
    let mut made = std::collections::BTreeMap::<usize, usize>::new();
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await.unwrap() {
            Ok(code) => {
                assert!(code.is_some());
                *made.entry(i % 100).or_default() += 1;
            }
            Err(e) => assert_eq!(
                e.as_api().and_then(|a| a.code.as_ref()).map(|c| c.as_str()),
                Some("duplicate_reference"),
                "{e}"
            ),
        }
    }
    assert_eq!(made.len(), 100);
    assert!(made.values().all(|n| *n == 1), "one transfer per reference");
    let (_, list) = call(&s.base, "GET", "/transfer?perPage=1000", Some(&s.key), None).await;
    assert_eq!(list["meta"]["total"], 100);
    assert_eq!(s.sim.balance("NGN"), 100_000_000 - 100 * (50_000 + 1_000));
}
