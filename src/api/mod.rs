//! The handwritten API over the generated client (private: `lib.rs` publishes each item once).
//!
//! Start from [`Paystack`]: each API area is a handler (`ps.transactions()`,
//! `ps.customers()`...) whose methods return request builders; required arguments are
//! positional, optional ones are setters, and `.send().await` validates, sends and decodes.

pub mod client;
pub mod codes;
pub(crate) mod coerce;
pub mod enums;
pub mod envelope;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod lenient;
pub mod money;
pub mod operations;
pub mod pagination;
pub mod raw;
pub mod recover;
#[doc(hidden)]
pub mod request;
pub mod retry;
pub mod validate;

// One module per API area, named as Paystack's docs name it.
pub mod apple_pay;
pub mod balance;
pub mod banks;
pub mod bulk_charges;
pub mod capitec_pay;
pub mod charges;
pub mod customers;
pub mod dedicated_accounts;
pub mod direct_debit;
pub mod disputes;
pub mod integration;
pub mod miscellaneous;
pub mod orders;
pub mod pages;
pub mod payment_requests;
pub mod plans;
pub mod preauthorizations;
pub mod products;
pub mod refunds;
pub mod settlements;
pub mod splits;
pub mod storefronts;
pub mod subaccounts;
pub mod subscriptions;
pub mod terminals;
pub mod transactions;
pub mod transfer_recipients;
pub mod transfers;
pub mod virtual_terminals;

// What the area modules import from `super`; `lib.rs` publishes each item at its one path.
pub(crate) use client::{Mode, Paystack, SecretKey};
pub(crate) use enums::*;
pub(crate) use envelope::Response;
pub(crate) use error::ValidationError;
pub(crate) use lenient::{Id, Text};
pub(crate) use money::Amount;
