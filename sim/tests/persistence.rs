//! `--state PATH`: every acknowledged write survives a crash (the process is killed, not
//! stopped) and a restart sees the same data under the same key.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::call;
use paystack_sim::{PayOutcome, Simulator};
use serde_json::json;

fn spawn(state: &std::path::Path) -> (Child, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paystack-sim"))
        .args(["--port", "0", "--state"])
        .arg(state)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut base = String::new();
    let mut key = String::new();
    for line in lines.by_ref().take(10) {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("paystack-sim listening on ") {
            base = url.trim().to_string();
        }
        if let Some(k) = line.trim().strip_prefix("secret key") {
            key = k.trim().to_string();
            break;
        }
    }
    assert!(
        base.starts_with("http://") && key.starts_with("sk_test_"),
        "banner: {base} {key}"
    );
    // Keep reading so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, base, key)
}

#[tokio::test]
async fn a_killed_server_keeps_every_acknowledged_write() {
    let dir = std::env::temp_dir().join(format!("sim-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("state.redb");
    let _ = std::fs::remove_file(&state);

    let (mut child, base, key) = spawn(&state);
    let (st, c) = call(
        &base,
        "POST",
        "/customer",
        Some(&key),
        Some(json!({"email": "kept@example.com"})),
    )
    .await;
    assert_eq!(st, 200);
    let code = c["data"]["customer_code"].as_str().unwrap().to_string();
    let (st, _) = call(
        &base,
        "POST",
        "/transaction/initialize",
        Some(&key),
        Some(json!({"email": "kept@example.com", "amount": 400000, "reference": "kept-1"})),
    )
    .await;
    assert_eq!(st, 200);
    let (st, _) = call(
        &base,
        "POST",
        "/_sim/pay",
        Some(&key),
        Some(json!({"reference": "kept-1"})),
    )
    .await;
    assert_eq!(st, 200);
    let (_, bal) = call(&base, "GET", "/balance", Some(&key), None).await;
    child.kill().unwrap(); // SIGKILL: no shutdown, no flush
    child.wait().unwrap();

    let (mut child, base2, key2) = spawn(&state);
    assert_eq!(key2, key, "the same integration comes back");
    let (st, c) = call(
        &base2,
        "GET",
        &format!("/customer/{code}"),
        Some(&key),
        None,
    )
    .await;
    assert_eq!(st, 200, "{c}");
    assert_eq!(c["data"]["email"], "kept@example.com");
    let (_, tx) = call(
        &base2,
        "GET",
        "/transaction/verify/kept-1",
        Some(&key),
        None,
    )
    .await;
    assert_eq!(tx["data"]["status"], "success");
    let (_, bal2) = call(&base2, "GET", "/balance", Some(&key), None).await;
    assert_eq!(bal2["data"], bal["data"]);
    // New records do not reuse ids.
    let (_, c2) = call(
        &base2,
        "POST",
        "/customer",
        Some(&key),
        Some(json!({"email": "new@example.com"})),
    )
    .await;
    assert_ne!(c2["data"]["id"], c["data"]["id"]);
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn reset_clears_the_state_file_too() {
    let dir = std::env::temp_dir().join(format!("sim-reset-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("state.redb");
    let key = {
        let sim = Simulator::builder().state(&state).start().await.unwrap();
        let ps = paystack::Paystack::builder(sim.secret_key())
            .base_url(sim.base_url())
            .build()
            .unwrap();
        ps.transactions()
            .initialize(
                "r@example.com",
                paystack::Amount::from_subunits(10_000).unwrap(),
            )
            .reference("gone-1")
            .send()
            .await
            .unwrap();
        sim.pay("gone-1", PayOutcome::Success).unwrap();
        sim.reset();
        sim.secret_key().to_string()
    };
    let sim = Simulator::builder().state(&state).start().await.unwrap();
    assert_eq!(sim.secret_key(), key);
    let (st, _) = call(
        &sim.base_url(),
        "GET",
        "/transaction/verify/gone-1",
        Some(&key),
        None,
    )
    .await;
    assert_eq!(st, 400, "reset records stay gone after a restart");
    assert_eq!(sim.balance("NGN"), 0);
    drop(sim);
    let _ = std::fs::remove_dir_all(&dir);
}
