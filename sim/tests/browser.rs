//! The checkout and overview pages in a real headless Chromium: load the page, click Pay,
//! and check the payment verifies as success and its webhook arrived.
//!
//! Needs `chromium` (Debian's package; `CHROMIUM` overrides the path) and `node`. Without
//! them the test is skipped on a developer machine and fails in CI (`CI` set).

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::{Receiver, Sim};
use paystack::webhook::Webhook;
use paystack::{enums::TransactionStatus, Amount};

fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| find(&["chromium", "chromium-browser", "google-chrome"]));
    match (chromium, find(&["node"])) {
        (Some(c), Some(n)) => Some((c, n)),
        _ if std::env::var("CI").is_ok_and(|v| !v.is_empty()) => {
            panic!("CI needs chromium and node for the browser test (.ci/run installs them)")
        }
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn paying_on_the_checkout_page_in_a_real_browser() {
    let Some((chromium, node)) = tools() else {
        eprintln!("skipping: chromium or node is not installed");
        return;
    };
    let s = Sim::start().await;
    let hooks = Receiver::start(0).await;
    s.sim.set_webhook_url(&hooks.url);
    let ps = s.sdk();
    let init = ps
        .transactions()
        .initialize(
            "browser@example.com",
            Amount::from_subunits(1_234_500).unwrap(),
        )
        .reference("browser-1")
        .send()
        .await
        .unwrap();
    let url = init.data.authorization_url.unwrap();

    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/drive.mjs");
    let overview = format!("{}/_sim", s.base);
    let out = tokio::task::spawn_blocking(move || {
        Command::new(node)
            .arg(script)
            .arg(chromium)
            .arg(url)
            .arg(overview)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "browser driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).expect("driver prints JSON");
    assert_eq!(seen["amount"], "12,345.00");
    assert_eq!(seen["currency"], "NGN");
    assert_eq!(seen["email"], "browser@example.com");
    assert_eq!(seen["result"], "success", "{seen}");
    assert_eq!(seen["overviewStatuses"], serde_json::json!(["success"]));

    let tx = ps
        .transactions()
        .verify("browser-1")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(tx.status, Some(TransactionStatus::Success));
    let got = hooks.wait_for(1).await;
    assert_eq!(got.len(), 1, "the webhook arrived");
    let event = Webhook::new(&s.key)
        .unwrap()
        .parse(got[0].signature.as_deref(), &got[0].body)
        .unwrap();
    assert_eq!(event.name(), "charge.success");
    assert_eq!(event.reference(), Some("browser-1"));
    let delivered = s
        .sim
        .wait_for_delivery("charge.success", Duration::from_secs(5))
        .await;
    assert!(delivered.is_some());
}
