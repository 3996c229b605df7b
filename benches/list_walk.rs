//! Walking a long transaction list: 100,000 records, 100 per page, from a loopback server that
//! waits 20 ms before each page (about what a request to a far-away API costs).
//!
//! ```text
//! cargo bench --bench list_walk                 # all three ways, one after the other
//! target/release/deps/list_walk-* serve         # or: the server alone, printing its address,
//! /usr/bin/time -v target/release/deps/list_walk-* concurrency8 127.0.0.1:PORT   # one way
//! ```
//!
//! The ways: `pages` asks page after page with `list().page(n).send()`, as a user would
//! without the stream; `stream` is `Paginate::stream` (one page ahead); `concurrency8` is
//! `stream().concurrency(8)`. Each prints its wall time; `/usr/bin/time -v` adds peak RSS.
//! `pages+work` and `stream+work` take the first 20,000 records only, and the consumer waits
//! 20 ms after each 100 (as if it stored them somewhere): that is where reading one page ahead
//! pays.

#[path = "support/mod.rs"]
mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use paystack::Paginate;
use support::ListSite;

const TOTAL: u64 = 100_000;
const PER_PAGE: u32 = 100;
const LATENCY: Duration = Duration::from_millis(20);

/// Records the `+work` ways take, and the consumer's pause after each page of them.
const WORK_RECORDS: u64 = 20_000;
const WORK: Duration = Duration::from_millis(20);

/// Records seen and the sum of their amounts (so nothing is optimised away).
async fn walk(ps: &paystack::Paystack, way: &str) -> (u64, i64) {
    let (mut count, mut sum) = (0u64, 0i64);
    let mut tally = |tx: paystack::types::Transaction| {
        count += 1;
        sum += tx.amount.map_or(0, |a| a.subunits());
    };
    match way {
        "pages+work" | "stream+work" => {
            let mut seen = 0u64;
            let mut items = ps.transactions().list().per_page(PER_PAGE).stream();
            let mut page = 1u32;
            while seen < WORK_RECORDS {
                let records = if way == "stream+work" {
                    let mut records = Vec::with_capacity(PER_PAGE as usize);
                    while records.len() < PER_PAGE as usize {
                        records.push(items.try_next().await.expect("a record").expect("more"));
                    }
                    records
                } else {
                    let list = ps.transactions().list().per_page(PER_PAGE).page(page);
                    list.send().await.expect("a page").data
                };
                page += 1;
                seen += records.len() as u64;
                records.into_iter().for_each(&mut tally);
                tokio::time::sleep(WORK).await;
            }
        }
        "pages" => {
            for page in 1u32.. {
                let resp = ps
                    .transactions()
                    .list()
                    .per_page(PER_PAGE)
                    .page(page)
                    .send()
                    .await
                    .expect("a page");
                let last = resp
                    .meta
                    .as_ref()
                    .and_then(|m| m.page_count)
                    .is_none_or(|c| i64::from(page) >= c.get());
                resp.data.into_iter().for_each(&mut tally);
                if last {
                    break;
                }
            }
        }
        "stream" | "concurrency8" => {
            let mut items = ps.transactions().list().per_page(PER_PAGE).stream();
            if way == "concurrency8" {
                items = items.concurrency(8);
            }
            while let Some(tx) = items.try_next().await.expect("a record") {
                tally(tx);
            }
        }
        other => {
            panic!("unknown way {other:?}: pages, stream, concurrency8, pages+work, stream+work")
        }
    }
    (count, sum)
}

fn run(addr: SocketAddr, way: &str) -> Duration {
    let rt = tokio::runtime::Runtime::new().expect("a client runtime");
    let ps = support::client(addr);
    let started = Instant::now();
    let (count, sum) = rt.block_on(walk(&ps, way));
    let took = started.elapsed();
    let expected = if way.ends_with("+work") {
        WORK_RECORDS
    } else {
        TOTAL
    };
    assert_eq!(count, expected, "every record arrives once");
    println!("list_walk {way:>12}: {count} records in {took:.2?} (amount sum {sum})");
    took
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let site = || ListSite::new(TOTAL, u64::from(PER_PAGE), LATENCY);
    match args.first().map(String::as_str) {
        Some("serve") => {
            println!("{}", support::serve(site()));
            loop {
                std::thread::park();
            }
        }
        Some(way) => {
            let addr = match args.get(1) {
                Some(a) => a.parse().expect("an address such as 127.0.0.1:4000"),
                None => support::serve(site()),
            };
            run(addr, way);
        }
        None => {
            let addr = support::serve(site());
            let pages = run(addr, "pages");
            run(addr, "stream");
            let fast = run(addr, "concurrency8");
            println!(
                "list_walk: concurrency8 is {:.1}x as fast as page after page",
                pages.as_secs_f64() / fast.as_secs_f64()
            );
            let slow = run(addr, "pages+work");
            let ahead = run(addr, "stream+work");
            println!(
                "list_walk: with 20 ms of work per page, the stream takes {:.2} of the time of page after page",
                ahead.as_secs_f64() / slow.as_secs_f64()
            );
        }
    }
}
