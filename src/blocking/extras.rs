//! The few builder methods that `request!` does not declare: `send_or_recover` on the
//! requests that move money under a reference, and raw requests.

use serde_json::Value;

use super::{Blocking, Paystack};
use crate::api::error::Result;
use crate::api::raw::RawRequest;
use crate::api::{bulk_charges, charges, transactions, transfers};
use crate::types;
use crate::Recovery;

/// `send_or_recover` on the blocking form of each builder that has one. The async methods are
/// written by hand, so a builder that gains one needs a line in the table below.
macro_rules! recoverable {
    ($( $builder:ty => $recovery:ty; )*) => {$(
        impl<'a> Blocking<'a, $builder> {
            /// Sends, and after an unknown outcome looks the request up by its reference, as
            /// the async `send_or_recover` does (see [`crate::Recovery`]); blocks the
            /// calling thread until done.
            pub fn send_or_recover(self) -> Result<$recovery> {
                self.block(|r| r.send_or_recover())
            }
        }
    )*};
}

recoverable! {
    transfers::InitiateTransfer<'a> => Recovery<types::TransferCreated, types::Transfer>;
    transfers::InitiateBulkTransfer<'a> => Recovery<Vec<types::TransferBulkResult>, Vec<types::Transfer>>;
    transactions::ChargeAuthorization<'a> => Recovery<types::Transaction>;
    transactions::PartialDebit<'a> => Recovery<types::Transaction>;
    charges::CreateCharge<'a> => Recovery<types::Charge>;
    bulk_charges::InitiateBulkCharge<'a> => Recovery<types::BulkChargeBatch, Vec<types::Transaction>>;
}

impl Paystack {
    /// A request to any endpoint, as [`crate::Paystack::raw`].
    pub fn raw(&self, method: &str, path: impl Into<String>) -> Blocking<'_, RawRequest<'_>> {
        self.wrap(self.async_client().raw(method, path))
    }
}

impl<'a> Blocking<'a, RawRequest<'a>> {
    /// Adds a query parameter.
    pub fn query(self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.map(|r| r.query(key, value))
    }

    /// Sends `body` as JSON.
    pub fn json(self, body: Value) -> Self {
        self.map(|r| r.json(body))
    }

    /// The operation this request performs, by Paystack's id, as
    /// [`RawRequest::operation_id`].
    pub fn operation_id(self, id: &str) -> Self {
        self.map(|r| r.operation_id(id))
    }

    /// The same as [`Blocking::operation_id`], from the table.
    pub fn operation(self, op: &'static crate::operations::Operation) -> Self {
        self.map(|r| r.operation(op))
    }

    /// Limit on each attempt; overrides the client's timeout.
    pub fn timeout(self, timeout: std::time::Duration) -> Self {
        self.map(|r| r.timeout(timeout))
    }

    /// Attempts and delays, within what the operation allows.
    pub fn retry(self, policy: crate::RetryPolicy) -> Self {
        self.map(|r| r.retry(policy))
    }

    /// Never resend this request.
    pub fn no_retry(self) -> Self {
        self.map(|r| r.no_retry())
    }

    /// Validates, sends and returns the whole JSON answer, as [`RawRequest::send`]; blocks
    /// the calling thread until the answer arrives.
    pub fn send(self) -> Result<Value> {
        self.block(|r| r.send())
    }
}
