//! The call-overhead guard: SDK calls against plain reqwest + serde_json into the same
//! generated types, on a loopback server, in interleaved rounds so that a busy machine slows
//! both sides alike. Reports, per call, the median over rounds of the client thread's CPU
//! time and of wall time, and the SDK's speed as a fraction of raw reqwest's (goal: 0.97 or
//! more).
//!
//! `cargo bench --bench call_overhead` (about a minute). The client runs on a current-thread
//! runtime, so its connection tasks run on the measured thread too; the server has a thread
//! of its own.

#[path = "support/mod.rs"]
mod support;

use std::time::Duration;

use paystack::types::{TransactionListResponse, TransactionResponse};
use reqwest::header::AUTHORIZATION;
use support::{batch, median, ListSite, KEY};

const ROUNDS: usize = 15;

/// Plain reqwest: what the SDK replaces. Same URL, header and decode target.
/// With `timeout`, the request carries a deadline as every SDK request does (30 s by default).
async fn raw_get<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    query: &[(&str, &str)],
    timeout: Option<Duration>,
) -> T {
    let mut req = http
        .get(url)
        .query(query)
        .header(AUTHORIZATION, format!("Bearer {KEY}"));
    if let Some(t) = timeout {
        req = req.timeout(t);
    }
    let resp = req.send().await.expect("the loopback server answers");
    assert!(resp.status().is_success());
    let body = resp.bytes().await.expect("a whole body");
    serde_json::from_slice(&body).expect("decodes")
}

fn main() {
    let addr = support::serve(ListSite::new(100, 100, Duration::ZERO));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a client runtime");
    let ps = support::client(addr);
    let http = support::raw_client();
    let list_url = format!("http://{addr}/transaction");
    let verify_url = format!("http://{addr}/transaction/verify/bench-0000042-q");

    let sdk_list = || async {
        let page = ps.transactions().list().per_page(100u32).send().await;
        assert_eq!(page.expect("a page").data.len(), 100);
    };
    let raw_list = |timeout| {
        let (http, url) = (&http, &list_url);
        async move {
            let page: TransactionListResponse =
                raw_get(http, url, &[("perPage", "100")], timeout).await;
            assert_eq!(page.data.map(|d| d.len()), Some(100));
        }
    };
    let sdk_verify = || async {
        let tx = ps.transactions().verify("bench-0000042-q").send().await;
        assert!(tx.expect("a transaction").data.id.is_some());
    };
    let raw_verify = |timeout| {
        let (http, url) = (&http, &verify_url);
        async move {
            let tx: TransactionResponse = raw_get(http, url, &[], timeout).await;
            assert!(tx.data.and_then(|d| d.id).is_some());
        }
    };
    let deadline = Some(Duration::from_secs(30));

    // `call_overhead profile sdk|raw`: 2,000 verify calls of one side only, for callgrind.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "profile") {
        let sdk = args.get(i + 1).map(String::as_str) == Some("sdk");
        let (c, w) = if sdk {
            batch(&rt, 2_000, 1, sdk_verify)
        } else {
            batch(&rt, 2_000, 1, || raw_verify(None))
        };
        println!(
            "profile: {:.1} µs CPU / {:.1} µs wall per call",
            c / 1e3,
            w / 1e3
        );
        return;
    }
    println!(
        "call overhead: median µs per call over {ROUNDS} interleaved rounds, as client-thread \
         CPU / wall; ratio = raw time / SDK time (1.0 = same speed)"
    );
    for in_flight in [1usize, 16] {
        for (name, calls) in [("list_100", 96usize), ("verify", 480)] {
            // Per side (SDK, raw, raw with a deadline): CPU and wall samples.
            let mut cpu: [Vec<f64>; 3] = Default::default();
            let mut wall: [Vec<f64>; 3] = Default::default();
            for round in 0..=ROUNDS {
                // Rotate which side goes first; round 0 only warms up connections and caches.
                for k in 0..3 {
                    let side = (round + k) % 3;
                    let (c, w) = match (name, side) {
                        ("list_100", 0) => batch(&rt, calls, in_flight, sdk_list),
                        ("list_100", 1) => batch(&rt, calls, in_flight, || raw_list(None)),
                        ("list_100", _) => batch(&rt, calls, in_flight, || raw_list(deadline)),
                        (_, 0) => batch(&rt, calls, in_flight, sdk_verify),
                        (_, 1) => batch(&rt, calls, in_flight, || raw_verify(None)),
                        (_, _) => batch(&rt, calls, in_flight, || raw_verify(deadline)),
                    };
                    if round > 0 {
                        cpu[side].push(c);
                        wall[side].push(w);
                    }
                }
            }
            let c = cpu.each_mut().map(|v| median(v));
            let w = wall.each_mut().map(|v| median(v));
            println!(
                "{name:>8} x{in_flight:<2} | sdk {:>6.1} / {:>7.1} | raw {:>6.1} / {:>7.1} | raw+deadline {:>6.1} / {:>7.1} | ratio vs raw {:.3} / {:.3} | vs raw+deadline {:.3} / {:.3}",
                c[0] / 1e3,
                w[0] / 1e3,
                c[1] / 1e3,
                w[1] / 1e3,
                c[2] / 1e3,
                w[2] / 1e3,
                c[1] / c[0],
                w[1] / w[0],
                c[2] / c[0],
                w[2] / w[0],
            );
        }
    }
}
