//! The handwritten API over the generated client.
//!
//! Start from [`Paystack`]: each API area is a handler (`ps.transactions()`,
//! `ps.customers()`...) whose methods return request builders; required arguments are
//! positional, optional ones are setters, and `.send().await` validates, sends and decodes.

pub mod client;
pub mod enums;
pub mod envelope;
pub mod error;
pub mod lenient;
pub mod money;
#[doc(hidden)]
pub mod request;
pub mod validate;

pub mod transactions;

pub use client::{Mode, Paystack, PaystackBuilder, SecretKey, DEFAULT_BASE_URL, SECRET_KEY_ENV};
pub use enums::*;
pub use envelope::Response;
pub use error::{ApiError, DecodeError, Error, Result, ValidationError};
pub use lenient::{FlexBool, FlexInt, Id};
pub use money::Amount;
