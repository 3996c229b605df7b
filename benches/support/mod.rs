//! What the benchmarks share: a made-up transaction page and a loopback server that serves it.
//!
//! Every value here is invented for the benchmarks; the shape follows what Paystack's list
//! endpoint returns (nested customer and authorization, empty `plan`/`split` objects, a
//! `log` on some records, numbers where the docs say numbers).

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::Uri;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use serde_json::{json, Value};

/// A made-up key: the loopback server never checks it.
pub const KEY: &str = "sk_test_0bench0bench0bench0bench0bench00";

/// One transaction record as a list returns it; `i` varies ids, statuses and channels.
pub fn transaction(i: u64) -> Value {
    let statuses = [
        "success",
        "success",
        "abandoned",
        "failed",
        "success",
        "reversed",
    ];
    let channels = [
        "card",
        "bank",
        "ussd",
        "bank_transfer",
        "card",
        "mobile_money",
    ];
    let currencies = ["NGN", "NGN", "GHS", "KES"];
    let at = format!("2026-05-{:02}T{:02}:14:09.000Z", 1 + i % 28, i % 24);
    let log = if i.is_multiple_of(10) {
        json!({
            "start_time": 1_777_000_000 + i, "time_spent": 9, "attempts": 1, "errors": 0,
            "success": true, "mobile": false, "input": [],
            "history": [
                {"type": "action", "message": "Opened the payment page", "time": 1},
                {"type": "success", "message": "Paid", "time": 9}
            ]
        })
    } else {
        Value::Null
    };
    json!({
        "id": 7_300_000_000u64 + i,
        "domain": "live",
        "status": statuses[(i % 6) as usize],
        "reference": format!("bench-{i:07}-q"),
        "receipt_number": null,
        "amount": 125_000 + (i % 97) * 500,
        "requested_amount": 125_000 + (i % 97) * 500,
        "message": null,
        "gateway_response": "Approved by issuer",
        "paid_at": at,
        "created_at": at,
        "transaction_date": at,
        "channel": channels[(i % 6) as usize],
        "currency": currencies[(i % 4) as usize],
        "ip_address": format!("203.0.113.{}", i % 250),
        "metadata": if i.is_multiple_of(3) { json!({"basket": i, "via": "mobile-app"}) } else { json!("") },
        "log": log,
        "fees": 1_875 + (i % 7) * 10,
        "fees_split": null,
        "fees_breakdown": null,
        "authorization": {
            "authorization_code": format!("AUTH_bn{i:08}"),
            "bin": "408408",
            "last4": format!("{:04}", i % 10_000),
            "exp_month": "11",
            "exp_year": "2030",
            "channel": "card",
            "card_type": "visa ",
            "bank": "Bench Trust Bank",
            "country_code": "NG",
            "brand": "visa",
            "reusable": true,
            "signature": format!("SIG_bn{i:010}"),
            "account_name": null
        },
        "customer": {
            "id": 41_000_000 + i % 5_000,
            "first_name": "Kemi",
            "last_name": "Adebayo",
            "email": format!("buyer{}@bench.example", i % 5_000),
            "customer_code": format!("CUS_bench{:06}", i % 5_000),
            "phone": null,
            "metadata": null,
            "risk_action": "default",
            "international_format_phone": null
        },
        "plan": {},
        "split": {},
        "subaccount": {},
        "order_id": null,
        "paidAt": at,
        "createdAt": at,
        "pos_transaction_data": null,
        "source": null,
        "connect": null
    })
}

/// The `data` array of a page of `per_page` records starting at record `first`.
fn items(first: u64, per_page: u64) -> String {
    let data: Vec<Value> = (first..first + per_page).map(transaction).collect();
    serde_json::to_string(&data).expect("plain JSON values")
}

/// A whole list body: `{"status":true,...,"data":[...],"meta":{...}}`.
fn list_body(data: &str, page: u64, per_page: u64, total: u64) -> Bytes {
    let page_count = total.div_ceil(per_page);
    Bytes::from(format!(
        r#"{{"status":true,"message":"Transactions retrieved","data":{data},"meta":{{"total":{total},"skipped":{},"perPage":{per_page},"page":{page},"pageCount":{page_count}}}}}"#,
        (page - 1) * per_page,
    ))
}

/// The 100-record page the decode and call-overhead benchmarks use.
pub fn page_of_100() -> Bytes {
    list_body(&items(0, 100), 1, 100, 100)
}

/// One transaction as `verify` returns it.
pub fn verify_body() -> Bytes {
    let body =
        json!({"status": true, "message": "Verification successful", "data": transaction(42)});
    Bytes::from(serde_json::to_vec(&body).expect("plain JSON values"))
}

/// How the loopback server answers lists.
#[derive(Clone)]
pub struct ListSite {
    /// Records in the whole list.
    pub total: u64,
    /// Wait before answering each page, as a far-away server would.
    pub latency: Duration,
    /// Requests seen so far.
    pub requests: Arc<AtomicUsize>,
    /// The `data` array of a full page (every page holds the same records; only `meta` moves).
    data: Arc<str>,
    per_page: u64,
}

impl ListSite {
    /// A list of `total` records served `per_page` at a time after `latency`.
    pub fn new(total: u64, per_page: u64, latency: Duration) -> Self {
        ListSite {
            total,
            latency,
            requests: Arc::new(AtomicUsize::new(0)),
            data: items(0, per_page).into(),
            per_page,
        }
    }
}

async fn list(State(site): State<ListSite>, uri: Uri) -> impl IntoResponse {
    site.requests.fetch_add(1, Ordering::Relaxed);
    if !site.latency.is_zero() {
        tokio::time::sleep(site.latency).await;
    }
    let page: u64 = uri
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("page="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let page_count = site.total.div_ceil(site.per_page);
    let body = if page > page_count {
        list_body("[]", page, site.per_page, site.total)
    } else {
        list_body(&site.data, page, site.per_page, site.total)
    };
    ([(CONTENT_TYPE, "application/json")], body)
}

/// Serves `GET /transaction` (pages of `site`) and `GET /transaction/verify/{ref}` (a fixed
/// body) on a loopback port, on a runtime of its own in a background thread.
pub fn serve(site: ListSite) -> SocketAddr {
    serve_verifying(site, verify_body())
}

/// [`serve`], answering `verify` with `verify` instead of [`verify_body`].
pub fn serve_verifying(site: ListSite, verify: Bytes) -> SocketAddr {
    let app = Router::new()
        .route("/transaction", get(list))
        .route(
            "/transaction/verify/{reference}",
            get(move || {
                let body = verify.clone();
                async move { ([(CONTENT_TYPE, "application/json")], body) }
            }),
        )
        .with_state(site);
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    std_listener
        .set_nonblocking(true)
        .expect("non-blocking socket");
    let addr = std_listener.local_addr().expect("a bound address");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a server runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener).expect("tokio listener");
            axum::serve(listener, app)
                .await
                .expect("the bench server runs");
        });
    });
    addr
}

/// A client for the loopback server, as a user would build one.
pub fn client(addr: SocketAddr) -> paystack::Paystack {
    paystack::Paystack::builder(KEY)
        .base_url(format!("http://{addr}"))
        .build()
        .expect("a valid made-up key")
}

/// A plain reqwest client with the same TLS setup the SDK builds (unused on loopback, but
/// reqwest needs a provider to start).
pub fn raw_client() -> reqwest::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("default TLS versions")
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()
        .expect("a reqwest client")
}

/// CPU time this thread has used, from `/proc/thread-self/schedstat` (Linux), in nanoseconds.
/// Other processes on a busy machine stretch wall time; they barely move this.
pub fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The median of some samples (sorts them).
pub fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs `calls` calls, `in_flight` at a time; returns (CPU ns, wall ns) per call.
pub fn batch<F, Fut>(
    rt: &tokio::runtime::Runtime,
    calls: usize,
    in_flight: usize,
    call: F,
) -> (f64, f64)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let cpu = thread_cpu_ns();
    let wall = std::time::Instant::now();
    rt.block_on(async {
        for _ in 0..calls / in_flight {
            futures::future::join_all((0..in_flight).map(|_| call())).await;
        }
    });
    let n = calls as f64;
    (
        (thread_cpu_ns() - cpu) as f64 / n,
        wall.elapsed().as_nanos() as f64 / n,
    )
}
