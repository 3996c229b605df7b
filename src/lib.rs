#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "blocking")]
pub mod blocking;
pub mod ext;
pub mod fees;
pub mod generated;
pub mod webhook;

pub use ext::*;
pub use generated::types;
