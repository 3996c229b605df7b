//! The handwritten API over the generated client.
//!
//! Start from [`Paystack`]: each API area is a handler (`ps.transactions()`,
//! `ps.customers()`...) whose methods return request builders; required arguments are
//! positional, optional ones are setters, and `.send().await` validates, sends and decodes.

pub mod client;
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

pub use client::{
    CallOptions, Mode, Paystack, PaystackBuilder, SecretKey, DEFAULT_BASE_URL, MAX_REQUEST_BODY,
    SECRET_KEY_ENV,
};
pub use enums::*;
pub use envelope::Response;
pub use error::{
    ApiError, DecodeError, Error, ErrorCode, ErrorKind, Outcome, OutcomeUnknown, PaginationError,
    Result, TransportError, TransportKind, ValidationError, RAW_PREVIEW,
};
pub use lenient::{FlexBool, FlexInt, Id};
pub use money::Amount;
pub use pagination::{Pages, Paginate};
pub use raw::RawRequest;
pub use recover::Recovery;
pub use retry::RetryPolicy;

// Open enums defined by API areas (one line per area).
pub use banks::{BankCountry, BankGateway, BankType};
pub use bulk_charges::BulkChargeItemStatus;
pub use customers::{AuthorizationChannel, IdentificationType};
pub use direct_debit::MandateStatus;
pub use disputes::{DisputeResolution, DisputeStatus};
pub use pages::PageType;
pub use payment_requests::PaymentRequestStatus;
pub use plans::Interval;
pub use refunds::RefundStatus;
pub use settlements::SettlementStatus;
pub use splits::SplitType;
pub use storefronts::StorefrontStatus;
pub use subscriptions::SubscriptionStatus;
pub use terminals::{TerminalEventAction, TerminalEventType};
