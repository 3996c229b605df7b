//! The SDK against `paystack-rs` 1.6, the other Rust Paystack client, on the same call: one
//! `transactions().verify()` of the same body from the same loopback server, in interleaved
//! rounds so that a busy machine slows both alike. Reports the median per call of the client
//! thread's CPU time and of wall time, at 1 and 16 calls in flight, and the SDK's speed as a
//! fraction of paystack-rs's (goal: 1.0 or more).
//!
//! paystack-rs hard-codes Paystack's URL but is generic over its `HttpClient` trait; the
//! `Loopback` client below is that trait over plain reqwest, pointed at the loopback server.
//! It has no timeout and no retries; the SDK keeps its defaults (30 s timeout, 3 attempts).
//!
//! `cargo bench -p paystack-benches --features vs-paystack-rs --bench vs_paystack_rs`.

#[path = "support/mod.rs"]
mod support;

use std::sync::OnceLock;

use support::{batch, median, ListSite, KEY};

const ROUNDS: usize = 15;

/// Where the loopback server listens; `Default` (which paystack-rs calls) reads it.
static BASE: OnceLock<String> = OnceLock::new();

/// paystack-rs's `HttpClient` over reqwest, sending to the loopback server.
#[derive(Debug, Clone)]
struct Loopback {
    http: reqwest::Client,
    base: String,
}

impl Default for Loopback {
    fn default() -> Self {
        Loopback {
            http: reqwest::Client::builder()
                .build()
                .expect("a reqwest client"),
            base: BASE.get().expect("the server runs").clone(),
        }
    }
}

impl Loopback {
    async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        key: &str,
        query: Option<&paystack_rs::http::base::Query<'_>>,
        body: Option<&serde_json::Value>,
    ) -> Result<String, reqwest::Error> {
        let url = url.replacen("https://api.paystack.co", &self.base, 1);
        let mut req = self
            .http
            .request(method, url)
            .bearer_auth(key)
            .header("Content-Type", "application/json");
        if let Some(query) = query {
            req = req.query(query);
        }
        if let Some(body) = body {
            req = req.json(body);
        }
        req.send().await?.error_for_status()?.text().await
    }
}

#[async_trait::async_trait]
impl paystack_rs::HttpClient for Loopback {
    type Error = reqwest::Error;

    async fn get(
        &self,
        url: &str,
        api_key: &str,
        query: Option<&paystack_rs::http::base::Query>,
    ) -> Result<String, Self::Error> {
        self.send(reqwest::Method::GET, url, api_key, query, None)
            .await
    }

    async fn post(
        &self,
        url: &str,
        api_key: &str,
        body: &serde_json::Value,
    ) -> Result<String, Self::Error> {
        self.send(reqwest::Method::POST, url, api_key, None, Some(body))
            .await
    }

    async fn put(
        &self,
        url: &str,
        api_key: &str,
        body: &serde_json::Value,
    ) -> Result<String, Self::Error> {
        self.send(reqwest::Method::PUT, url, api_key, None, Some(body))
            .await
    }

    async fn delete(
        &self,
        url: &str,
        api_key: &str,
        body: &serde_json::Value,
    ) -> Result<String, Self::Error> {
        self.send(reqwest::Method::DELETE, url, api_key, None, Some(body))
            .await
    }
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    // paystack-rs types `metadata` as a string and refuses a record whose metadata is an
    // object, as many real ones are; the comparison uses a record both clients read.
    let mut body: serde_json::Value =
        serde_json::from_slice(&support::verify_body()).expect("the bench body is JSON");
    body["data"]["metadata"] = "".into();
    let body = bytes::Bytes::from(body.to_string());
    let addr = support::serve_verifying(ListSite::new(100, 100, std::time::Duration::ZERO), body);
    BASE.set(format!("http://{addr}")).expect("set once");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a client runtime");
    let ps = support::client(addr);
    let other: paystack_rs::PaystackClient<Loopback> = paystack_rs::PaystackClient::new(KEY.into());

    let sdk = || async {
        let tx = ps.transactions().verify("bench-0000042-q").send().await;
        assert!(tx.expect("a transaction").data.id.is_some());
    };
    let theirs = || async {
        let tx = other
            .transactions
            .verify_transaction("bench-0000042-q")
            .await;
        assert!(tx.expect("paystack-rs decodes the record").data.is_some());
    };
    // `vs_paystack_rs profile sdk|theirs`: 2,000 calls of one side only, for callgrind.
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "profile") {
        let (c, w) = if args.get(i + 1).map(String::as_str) == Some("sdk") {
            batch(&rt, 2_000, 1, sdk)
        } else {
            batch(&rt, 2_000, 1, theirs)
        };
        println!(
            "profile: {:.1} µs CPU / {:.1} µs wall per call",
            c / 1e3,
            w / 1e3
        );
        return;
    }
    println!(
        "verify: median µs per call over {ROUNDS} interleaved rounds, client-thread CPU / wall; \
         ratio = paystack-rs time / SDK time (1.0 = same speed, above 1 = the SDK is quicker)"
    );
    for in_flight in [1usize, 16] {
        let calls = 480;
        let mut cpu: [Vec<f64>; 2] = Default::default();
        let mut wall: [Vec<f64>; 2] = Default::default();
        for round in 0..=ROUNDS {
            for k in 0..2 {
                let side = (round + k) % 2;
                let (c, w) = if side == 0 {
                    batch(&rt, calls, in_flight, sdk)
                } else {
                    batch(&rt, calls, in_flight, theirs)
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
            "verify x{in_flight:<2} | sdk {:>6.1} / {:>7.1} | paystack-rs {:>6.1} / {:>7.1} | ratio {:.3} / {:.3}",
            c[0] / 1e3,
            w[0] / 1e3,
            c[1] / 1e3,
            w[1] / 1e3,
            c[1] / c[0],
            w[1] / w[0],
        );
    }
}
