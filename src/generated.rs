//! The client progenitor generates from `openapi/` at build time (see `build.rs`).
//!
//! Nothing is written here by hand: change the spec instead. Most users want the wrappers in
//! [`crate::api`]; [`Client`] and [`types`] are the escape hatch for anything they do not cover.
#![allow(missing_docs, clippy::all, clippy::pedantic, rustdoc::all)]

include!(concat!(env!("OUT_DIR"), "/paystack_generated.rs"));
