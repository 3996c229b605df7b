//! The client progenitor generates from `openapi/` at build time (see `build.rs`).
//!
//! Nothing is written here by hand: change the spec instead. `lib.rs` publishes its `types`
//! and its `Client` (as `GeneratedClient`), the escape hatch for anything the wrappers in
//! `src/api` do not cover.
#![allow(missing_docs, clippy::all, clippy::pedantic, rustdoc::all)]

include!(concat!(env!("OUT_DIR"), "/paystack_generated.rs"));
