#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod ext;
pub mod fees;
pub mod generated;
pub mod webhook;

pub use ext::*;
pub use generated::types;
