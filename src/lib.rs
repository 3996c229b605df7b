#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// On docs.rs, items behind a feature say which feature enables them.
#![cfg_attr(docsrs, feature(doc_cfg))]

// The handwritten layer lives in `api` and the generated client in `generated` (both private);
// every public item below has exactly one path.
mod api;
#[cfg(feature = "blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
pub mod blocking;
pub mod fees;
mod generated;
pub mod webhook;

// One module per API area, named as Paystack's docs name it: the handler, its request
// builders and the area's helpers.
pub use api::{
    apple_pay, balance, banks, bulk_charges, capitec_pay, charges, customers, dedicated_accounts,
    direct_debit, disputes, integration, miscellaneous, orders, pages, payment_requests, plans,
    preauthorizations, products, refunds, settlements, splits, storefronts, subaccounts,
    subscriptions, terminals, transactions, transfer_recipients, transfers, virtual_terminals,
};

// Open enums and Paystack's prefixed codes, each kind in one module; the operation table; the
// validators `send` runs.
pub use api::{codes, enums, operations, validate};

pub use api::client::{
    CallOptions, Mode, Paystack, PaystackBuilder, SecretKey, DEFAULT_BASE_URL, MAX_REQUEST_BODY,
    SECRET_KEY_ENV,
};
pub use api::envelope::Response;
pub use api::error::{
    ApiError, DecodeError, Error, ErrorBody, ErrorCode, ErrorKind, Outcome, OutcomeUnknown,
    PaginationError, RecoveryMismatch, Result, TransportError, TransportKind, ValidationError,
    RAW_PREVIEW,
};
pub use api::lenient::{FlexBool, FlexInt, Id, Text};
pub use api::money::{Amount, AmountSyntax};
pub use api::pagination::{Pages, Paginate};
pub use api::raw::RawRequest;
pub use api::recover::Recovery;
pub use api::retry::RetryPolicy;
// The generated layer: its resource types (shared by API answers and webhooks) and its client,
// the escape hatch for calls the wrappers do not cover (`Paystack::generated`).
pub use generated::types;
pub use generated::Client as GeneratedClient;

#[doc(hidden)]
pub use api::fuzzing;
