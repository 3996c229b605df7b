//! Webhook tests: signature verification, typed decoding of every event from fixtures,
//! retry deduplication, source addresses, the axum extractor and property tests.

mod common;

mod decode;
mod dedupe;
mod events;
#[cfg(feature = "axum")]
mod extractor;
mod ips;
mod messy;
mod props;
mod verify;
