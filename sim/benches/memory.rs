//! Memory per stored transaction: stores N transactions shaped exactly like the simulator's
//! own (one is initialized and paid over HTTP, then copied with fresh references and ids
//! through the seed control) and reports the process's resident memory before and after.
//!
//! ```sh
//! cargo bench -p paystack-sim --bench memory -- 100000 500000
//! ```
//!
//! Prints one JSON line per count: transactions, RSS before and after in MiB, bytes per
//! transaction. Linux only (reads /proc/self/status).

use paystack_sim::{PayOutcome, Simulator};
use serde_json::{json, Value};

fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

#[tokio::main]
async fn main() {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        vec![100_000]
    } else {
        counts
    };
    for n in counts {
        let sim = Simulator::start().await.expect("simulator starts");
        let ps = paystack::Paystack::builder(sim.secret_key())
            .base_url(sim.base_url())
            .build()
            .expect("client");
        ps.transactions()
            .initialize(
                "mem@example.com",
                paystack::Amount::from_subunits(250_000).unwrap(),
            )
            .reference("mem-0")
            .send()
            .await
            .expect("initialize");
        let paid: Value = sim.pay("mem-0", PayOutcome::Success).expect("pay");
        let before = rss_bytes();
        let batch = 10_000;
        let mut made = 0;
        while made < n {
            let rows: Vec<Value> = (made..(made + batch).min(n))
                .map(|i| {
                    let mut t = paid.clone();
                    t["reference"] = json!(format!("mem-{}", i + 1));
                    t["id"] = json!(9_000_000_000_u64 + i as u64);
                    t["access_code"] = json!(format!("ac{i:012}"));
                    t
                })
                .collect();
            made += rows.len();
            sim.seed(&json!({ "transaction": rows })).expect("seed");
        }
        let after = rss_bytes();
        let per = after.saturating_sub(before) / n.max(1) as u64;
        println!(
            "{}",
            json!({"transactions": n, "rss_before_mib": before / (1 << 20),
                   "rss_after_mib": after / (1 << 20), "bytes_per_transaction": per})
        );
    }
}
