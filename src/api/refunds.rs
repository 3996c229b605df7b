//! Refunds: give money back on a paid transaction, in full or in part, and follow it.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::Amount;
//! let refund = ps
//!     .refunds()
//!     .create("order-1042")
//!     .amount(Amount::from_major("40.00")?)
//!     .merchant_note("one item out of stock")
//!     .send()
//!     .await?;
//! println!("refund is {:?}", refund.data.status);
//! # Ok(()) }
//! ```

use super::error::{Result, ValidationError};
use super::validate::{self, to_i64};
use super::{Amount, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::RefundResponse => types::Refund);
envelope!(types::RefundListResponse => Vec<types::Refund>, meta);

impl types::RefundTransactionRef {
    /// The refunded transaction's id, whichever form the answer used.
    pub fn id(&self) -> Option<&super::Id> {
        match self {
            types::RefundTransactionRef::Id(id) => Some(id),
            types::RefundTransactionRef::Transaction(tx) => tx.id.as_ref(),
        }
    }

    /// The whole transaction, when the answer carried it.
    pub fn transaction(&self) -> Option<&types::Transaction> {
        match self {
            types::RefundTransactionRef::Id(_) => None,
            types::RefundTransactionRef::Transaction(tx) => Some(tx),
        }
    }
}

/// The Refunds API (`/refund`).
#[derive(Debug, Clone, Copy)]
pub struct Refunds<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Refunds: create, list, fetch and retry.
    pub fn refunds(&self) -> Refunds<'_> {
        Refunds { ps: self }
    }
}

impl<'a> Refunds<'a> {
    /// Refunds the transaction with this id or reference; in full unless
    /// [`CreateRefund::amount`] is set.
    pub fn create(&self, transaction: impl Into<String>) -> CreateRefund<'a> {
        CreateRefund::new(self.ps, transaction.into())
    }

    /// Lists refunds, newest first.
    pub fn list(&self) -> ListRefunds<'a> {
        ListRefunds::new(self.ps)
    }

    /// Tries a refund in `needs-attention` again, paying it into a bank account of the
    /// customer's. Set all of [`currency`](RetryRefund::currency),
    /// [`account_number`](RetryRefund::account_number) and [`bank_id`](RetryRefund::bank_id);
    /// `send()` refuses the request without them.
    pub fn retry(&self, id: u64) -> RetryRefund<'a> {
        RetryRefund::new(self.ps, id)
    }

    /// Fetches one refund by id.
    pub fn fetch(&self, id: u64) -> FetchRefund<'a> {
        FetchRefund::new(self.ps, id)
    }
}
}

request! {
    /// Request for [`Refunds::create`].
    CreateRefund => refund_create -> types::Refund { transaction: String } {
        /// How much to give back, in subunits; the whole payment when unset. Must not be more
        /// than what was paid.
        amount: Amount,
        /// Currency of the refund (that of the transaction).
        currency: Currency,
        /// Why the refund was made, shown to the customer.
        customer_note: String,
        /// Why the refund was made, for your own records.
        merchant_note: String,
    }
}

impl CreateRefund<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Refund>> {
        validate::non_empty("transaction", &self.transaction)?;
        if let Some(amount) = self.amount {
            amount.check_positive()?;
        }
        let body = types::RefundCreateBody {
            transaction: self.transaction,
            amount: self.amount,
            currency: self.currency,
            customer_note: self.customer_note,
            merchant_note: self.merchant_note,
        };
        self.ps.send(self.ps.api().refund_create(&body)).await
    }
}

request! {
    /// Request for [`Refunds::list`].
    ListRefunds => refund_list -> Vec<types::Refund> {} paged(page, dated) {}
}

impl ListRefunds<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Refund>>> {
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(ValidationError::Invalid {
                    field: "from",
                    reason: format!("{from} is after {to}"),
                }
                .into());
            }
        }
        self.ps
            .send(self.ps.api().refund_list(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Refunds::retry`].
    RetryRefund => refund_retry -> types::Refund { id: u64 } {
        /// Currency of the receiving account (required).
        currency: Currency,
        /// The customer's account number (required).
        account_number: String,
        /// Paystack's id of the customer's bank, from
        /// [`Banks::list`](super::banks::Banks::list) (required).
        bank_id: String,
    }
}

impl RetryRefund<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Refund>> {
        let id = to_i64("id", self.id)?;
        let currency = self.currency.ok_or(ValidationError::Empty("currency"))?;
        let account_number = self.account_number.unwrap_or_default();
        validate::non_empty("account_number", &account_number)?;
        let bank_id = self.bank_id.unwrap_or_default();
        validate::non_empty("bank_id", &bank_id)?;
        let body = types::RefundRetryBody {
            refund_account_details: types::RefundAccountDetails {
                currency,
                account_number,
                bank_id,
            },
        };
        self.ps.send(self.ps.api().refund_retry(id, &body)).await
    }
}

request! {
    /// Request for [`Refunds::fetch`].
    FetchRefund => refund_fetch -> types::Refund { id: u64 } {}
}

impl FetchRefund<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Refund>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().refund_fetch(id)).await
    }
}
