//! The SDK against what a user would write instead, on a loopback server.
//!
//! - `decode/*`: CPU only, one 100-record transaction page from bytes, into the SDK's
//!   generated types and, for scale, into `serde_json::Value`.
//! - `call/*`: whole calls (`transactions().list()`, `transactions().verify()`) through the SDK
//!   (its hooks, retry loop, error classes) against plain reqwest + serde_json into the same
//!   generated types, at 1 and 16 calls in flight. Per-iteration times cover all calls in flight.
//!
//! `cargo bench --bench client`; see BENCHMARKS.md for figures and how to read them.

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use futures::future::join_all;
use paystack::types::{TransactionListResponse, TransactionResponse};
use reqwest::header::AUTHORIZATION;
use support::{ListSite, KEY};

fn decode(c: &mut Criterion) {
    let body = support::page_of_100();
    let mut g = c.benchmark_group("decode");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("transaction_page_100/typed", |b| {
        b.iter(|| {
            let page: TransactionListResponse =
                serde_json::from_slice(black_box(&body)).expect("decodes");
            page
        })
    });
    g.bench_function("transaction_page_100/serde_json_value", |b| {
        b.iter(|| {
            let page: serde_json::Value =
                serde_json::from_slice(black_box(&body)).expect("decodes");
            page
        })
    });
    g.finish();
}

/// Plain reqwest: what the SDK replaces. Same URL, header and decode target.
async fn raw_get<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    query: &[(&str, &str)],
) -> T {
    let resp = http
        .get(url)
        .query(query)
        .header(AUTHORIZATION, format!("Bearer {KEY}"))
        .send()
        .await
        .expect("the loopback server answers");
    assert!(resp.status().is_success());
    let body = resp.bytes().await.expect("a whole body");
    serde_json::from_slice(&body).expect("decodes")
}

fn calls(c: &mut Criterion) {
    let addr = support::serve(ListSite::new(100, 100, Duration::ZERO));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a client runtime");
    let ps = support::client(addr);
    let http = support::raw_client();
    let list_url = format!("http://{addr}/transaction");
    let verify_url = format!("http://{addr}/transaction/verify/bench-0000042-q");

    for in_flight in [1usize, 16] {
        let mut g = c.benchmark_group(format!("call/in_flight_{in_flight}"));
        g.throughput(Throughput::Elements(in_flight as u64));
        g.bench_function(BenchmarkId::new("list_100", "sdk"), |b| {
            b.to_async(&rt).iter(|| async {
                let pages = join_all(
                    (0..in_flight).map(|_| ps.transactions().list().per_page(100u32).send()),
                )
                .await;
                for page in pages {
                    assert_eq!(page.expect("a page").data.len(), 100);
                }
            })
        });
        g.bench_function(BenchmarkId::new("list_100", "raw_reqwest"), |b| {
            b.to_async(&rt).iter(|| async {
                let pages = join_all((0..in_flight).map(|_| {
                    raw_get::<TransactionListResponse>(&http, &list_url, &[("perPage", "100")])
                }))
                .await;
                for page in pages {
                    assert_eq!(page.data.map(|d| d.len()), Some(100));
                }
            })
        });
        g.bench_function(BenchmarkId::new("verify", "sdk"), |b| {
            b.to_async(&rt).iter(|| async {
                let txs = join_all(
                    (0..in_flight).map(|_| ps.transactions().verify("bench-0000042-q").send()),
                )
                .await;
                for tx in txs {
                    assert!(tx.expect("a transaction").data.id.is_some());
                }
            })
        });
        g.bench_function(BenchmarkId::new("verify", "raw_reqwest"), |b| {
            b.to_async(&rt).iter(|| async {
                let txs = join_all(
                    (0..in_flight).map(|_| raw_get::<TransactionResponse>(&http, &verify_url, &[])),
                )
                .await;
                for tx in txs {
                    assert!(tx.data.and_then(|d| d.id).is_some());
                }
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    // Modest samples so the whole file runs in a few minutes on a shared 2-core machine.
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = decode, calls
}
criterion_main!(benches);
