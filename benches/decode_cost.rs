//! Decoding one 100-record transaction page, repeated a fixed number of times, for counting
//! instructions under callgrind (a steadier figure than time on a shared machine):
//!
//! ```text
//! cargo bench --bench decode_cost --no-run
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/deps/decode_cost-* 0
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/deps/decode_cost-* 200
//! ```
//!
//! (the difference of the two totals, divided by 200, is the cost of one page). Run by
//! `cargo bench`, it decodes the page 2,000 times and prints the mean time per page.

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::Instant;

use paystack::types::{
    Authorization, CustomerSummary, Transaction, TransactionListResponse, TransactionLog,
    TransactionPlan, TransactionSource,
};

fn main() {
    // `cargo bench` passes `--bench`; a number instead sets the repetitions.
    let reps: u32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2_000);
    let body = support::page_of_100();
    let started = Instant::now();
    for _ in 0..reps {
        let page: TransactionListResponse =
            serde_json::from_slice(black_box(&body)).expect("the bench page decodes");
        black_box(page);
    }
    if reps > 0 {
        println!(
            "sizes in bytes: Transaction {}, Authorization {}, CustomerSummary {}, \
             TransactionLog {}, TransactionPlan {}, TransactionSource {}",
            size_of::<Transaction>(),
            size_of::<Authorization>(),
            size_of::<CustomerSummary>(),
            size_of::<TransactionLog>(),
            size_of::<TransactionPlan>(),
            size_of::<TransactionSource>(),
        );
        let per_page = started.elapsed() / reps;
        println!(
            "decode_cost: {reps} decodes of a {}-byte, 100-record page: {per_page:?} per page",
            body.len()
        );
    }
}
