//! Transactions: accept payments, charge saved cards, verify and report.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::Currency};
//! let init = ps
//!     .transactions()
//!     .initialize("ada@example.com", Amount::from_major("2500.00")?)
//!     .currency(Currency::NGN)
//!     .reference("order-1042")
//!     .send()
//!     .await?;
//! println!("send the customer to {:?}", init.data.authorization_url);
//! # Ok(()) }
//! ```

use chrono::{DateTime, Utc};

use super::codes::{AuthorizationCode, CustomerCode, PlanCode, SplitCode, SubaccountCode};
use super::error::Result;
use super::recover::{self, Recovery};
use super::validate::{self, check_transaction_amount, to_i64};
use super::{Amount, Bearer, Channel, Currency, Paystack, Response, TransactionStatus};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::TransactionInitializeResponse => types::TransactionInitializeResponseData);
envelope!(types::TransactionResponse => types::Transaction);
envelope!(types::TransactionListResponse => Vec<types::Transaction>, meta);
envelope!(types::TransactionTimelineResponse => types::TransactionLog);
envelope!(types::TransactionTotalsResponse => types::TransactionTotals);
envelope!(types::TransactionExportResponse => types::TransactionExportResponseData);

/// The Transactions API (`/transaction`).
#[derive(Debug, Clone, Copy)]
pub struct Transactions<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Payments: initialize, verify, charge authorizations, list and export.
    pub fn transactions(&self) -> Transactions<'_> {
        Transactions { ps: self }
    }
}

impl<'a> Transactions<'a> {
    /// Starts a payment of `amount` from the customer at `email`; the response carries the
    /// checkout URL to send them to.
    pub fn initialize(&self, email: impl Into<String>, amount: Amount) -> InitializeTransaction<'a> {
        InitializeTransaction::new(self.ps, email.into(), amount)
    }

    /// Charges a reusable authorization (a saved card) from an earlier payment.
    pub fn charge_authorization(
        &self,
        email: impl Into<String>,
        amount: Amount,
        authorization_code: impl Into<AuthorizationCode>,
    ) -> ChargeAuthorization<'a> {
        ChargeAuthorization::new(self.ps, email.into(), amount, authorization_code.into())
    }

    /// Takes up to `amount` from an authorization, accepting less down to
    /// [`PartialDebit::at_least`] when the account holds less. The currency is a required
    /// setter.
    pub fn partial_debit(
        &self,
        email: impl Into<String>,
        amount: Amount,
        authorization_code: impl Into<AuthorizationCode>,
    ) -> PartialDebit<'a> {
        PartialDebit::new(self.ps, email.into(), amount, authorization_code.into())
    }

    /// Looks a payment up by reference to confirm its outcome. Check `status`, `amount` and
    /// `currency` before giving value.
    pub fn verify(&self, reference: impl Into<String>) -> VerifyTransaction<'a> {
        VerifyTransaction::new(self.ps, reference.into())
    }

    /// Lists transactions, newest first, with filters.
    pub fn list(&self) -> ListTransactions<'a> {
        ListTransactions::new(self.ps)
    }

    /// Fetches one transaction by numeric id.
    pub fn fetch(&self, id: u64) -> FetchTransaction<'a> {
        FetchTransaction::new(self.ps, id)
    }

    /// The checkout steps of a payment, by its id or its reference.
    pub fn timeline(&self, id_or_reference: impl Into<String>) -> FetchTransactionTimeline<'a> {
        FetchTransactionTimeline::new(self.ps, id_or_reference.into())
    }

    /// Money received and transfers pending over a period.
    pub fn totals(&self) -> FetchTransactionTotals<'a> {
        FetchTransactionTotals::new(self.ps)
    }

    /// Builds a CSV export of transactions and returns a download link.
    pub fn export(&self) -> ExportTransactions<'a> {
        ExportTransactions::new(self.ps)
    }
}
}

request! {
    /// Request for [`Transactions::initialize`].
    InitializeTransaction => transaction_initialize -> types::TransactionInitializeResponseData {
        email: String,
        amount: Amount,
    } {
        /// Currency to charge in (defaults to the integration's currency). Also selects the
        /// minimum amount checked before sending.
        currency: Currency,
        /// Your unique reference (letters, digits, `-`, `.`, `=`). Paystack makes one if unset.
        reference: String,
        /// Limit checkout to these channels.
        channels: Vec<Channel>,
        /// Where to send the customer after paying, instead of the dashboard setting.
        callback_url: String,
        /// Subscribe the customer to this plan (`PLN_…`); the plan's amount is charged.
        plan: PlanCode,
        /// How many times to charge for the plan.
        invoice_limit: i64,
        /// Split the payment with a saved split (`SPL_…`).
        split_code: SplitCode,
        /// Split the payment as described here.
        split: types::DynamicSplit,
        /// Give the payment to this subaccount (`ACCT_…`).
        subaccount: SubaccountCode,
        /// Flat fee for the subaccount, overriding its percentage.
        transaction_charge: Amount,
        /// Who pays Paystack's fee on a split.
        bearer: Bearer,
        /// Text shown on checkout instead of the email.
        label: String,
        /// Your own data, returned with the transaction and in webhooks.
        metadata: serde_json::Value,
    }
}

impl InitializeTransaction<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransactionInitializeResponseData>> {
        validate::email(&self.email)?;
        check_transaction_amount(self.amount, self.currency.as_ref())?;
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        if let Some(fee) = self.transaction_charge {
            fee.check_positive()?;
        }
        if let Some(plan) = &self.plan {
            plan.check("plan")?;
        }
        validate::share_codes(self.subaccount.as_ref(), self.split_code.as_ref())?;
        let body = types::TransactionInitializeBody {
            email: self.email,
            amount: self.amount,
            currency: self.currency,
            reference: self.reference,
            channels: self.channels.unwrap_or_default(),
            callback_url: self.callback_url,
            plan: self.plan.map(String::from),
            invoice_limit: self.invoice_limit,
            split_code: self.split_code.map(String::from),
            split: self.split,
            subaccount: self.subaccount.map(String::from),
            transaction_charge: self.transaction_charge,
            bearer: self.bearer,
            label: self.label,
            metadata: self.metadata,
        };
        self.ps
            .send(self.ps.api().transaction_initialize(&body))
            .await
    }
}

request! {
    /// Request for [`Transactions::charge_authorization`].
    ChargeAuthorization => transaction_chargeAuthorization -> types::Transaction {
        email: String,
        amount: Amount,
        authorization_code: AuthorizationCode,
    } {
        /// Your unique reference.
        reference: String,
        /// Currency to charge in; also selects the minimum amount checked.
        currency: Currency,
        /// Split with a saved split (`SPL_…`).
        split_code: SplitCode,
        /// Split as described here.
        split: types::DynamicSplit,
        /// Give the payment to this subaccount (`ACCT_…`).
        subaccount: SubaccountCode,
        /// Flat fee for the subaccount.
        transaction_charge: Amount,
        /// Who pays Paystack's fee on a split.
        bearer: Bearer,
        /// Your own data.
        metadata: serde_json::Value,
        /// Queue the charge rather than run it at once (for bulk charging).
        queue: bool,
    }
}

impl ChargeAuthorization<'_> {
    /// Validates, sends and decodes. The result's `data.status` tells whether money moved.
    pub async fn send(self) -> Result<Response<types::Transaction>> {
        validate::email(&self.email)?;
        self.authorization_code.check("authorization_code")?;
        check_transaction_amount(self.amount, self.currency.as_ref())?;
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        validate::share_codes(self.subaccount.as_ref(), self.split_code.as_ref())?;
        let body = types::TransactionChargeAuthorizationBody {
            email: self.email,
            amount: self.amount,
            authorization_code: self.authorization_code.into_string(),
            reference: self.reference,
            currency: self.currency,
            split_code: self.split_code.map(String::from),
            split: self.split,
            subaccount: self.subaccount.map(String::from),
            transaction_charge: self.transaction_charge,
            bearer: self.bearer,
            metadata: self.metadata,
            queue: self.queue,
        };
        self.ps
            .send(self.ps.api().transaction_charge_authorization(&body))
            .await
    }
}

request! {
    /// Request for [`Transactions::partial_debit`].
    PartialDebit => transaction_partialDebit -> types::Transaction {
        email: String,
        amount: Amount,
        authorization_code: AuthorizationCode,
    } {
        /// The currency of `amount` (required); also selects the minimum amount checked.
        currency: Currency,
        /// The least you will accept, in subunits; without it any amount up to `amount` is taken.
        at_least: Amount,
        /// Your unique reference.
        reference: String,
    }
}

impl PartialDebit<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Transaction>> {
        validate::email(&self.email)?;
        self.authorization_code.check("authorization_code")?;
        let currency = validate::required("currency", self.currency)?;
        self.amount.check_minimum(&currency)?;
        self.amount.check_transaction_maximum()?;
        if let Some(least) = self.at_least {
            least.check_positive()?;
            if least > self.amount {
                return Err(super::ValidationError::Invalid {
                    field: "at_least",
                    reason: format!("{least} is more than the amount {}", self.amount),
                }
                .into());
            }
        }
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        let body = types::TransactionPartialDebitBody {
            email: self.email,
            amount: self.amount,
            authorization_code: self.authorization_code.into_string(),
            currency,
            at_least: self.at_least,
            reference: self.reference,
        };
        self.ps
            .send(self.ps.api().transaction_partial_debit(&body))
            .await
    }
}

request! {
    /// Request for [`Transactions::verify`].
    VerifyTransaction => transaction_verify -> types::Transaction { reference: String } {}
}

impl VerifyTransaction<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Transaction>> {
        validate::transaction_reference(&self.reference)?;
        self.ps
            .send(self.ps.api().transaction_verify(&self.reference))
            .await
    }
}

request! {
    /// Request for [`Transactions::list`].
    ListTransactions => transaction_list -> Vec<types::Transaction> {} paged(page, cursor, dated) {
        /// Only transactions with this status.
        status: TransactionStatus,
        /// Only transactions from this source (`merchantApi`, `checkout`, `pos`, `virtualTerminal`).
        source: String,
        /// Only transactions from this terminal.
        terminal_id: String,
        /// Only transfers into this dedicated account number.
        virtual_account_number: String,
        /// Only this customer's transactions (`CUS_…`).
        customer_code: CustomerCode,
        /// Only transactions of exactly this amount.
        amount: Amount,
        /// Only transactions in this settlement (by id).
        settlement: u64,
        /// Only transactions through this channel.
        channel: Channel,
        /// Only transactions for this subaccount (`ACCT_…`).
        subaccount_code: SubaccountCode,
        /// Only transactions split with this split (`SPL_…`).
        split_code: SplitCode,
    }
}

impl ListTransactions<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Transaction>>> {
        if let Some(code) = &self.customer_code {
            code.check("customer_code")?;
        }
        if let Some(code) = &self.subaccount_code {
            code.check("subaccount_code")?;
        }
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        let status = self.status.as_ref().map(ToString::to_string);
        let channel = self.channel.as_ref().map(ToString::to_string);
        self.ps
            .send({
                self.ps.api().transaction_list(
                    self.amount.map(Amount::subunits),
                    self.channel.as_ref().and(channel.as_deref()),
                    self.customer_code.as_ref().map(CustomerCode::as_str),
                    self.from.as_ref(),
                    self.next.as_deref(),
                    self.page.map(i64::from),
                    self.per_page.map(i64::from),
                    self.previous.as_deref(),
                    self.settlement.and_then(|s| i64::try_from(s).ok()),
                    self.source.as_deref(),
                    self.split_code.as_ref().map(SplitCode::as_str),
                    status.as_deref(),
                    self.subaccount_code.as_ref().map(SubaccountCode::as_str),
                    self.terminal_id.as_deref(),
                    self.to.as_ref(),
                    self.use_cursor,
                    self.virtual_account_number.as_deref(),
                )
            })
            .await
    }
}

request! {
    /// Request for [`Transactions::fetch`].
    FetchTransaction => transaction_fetch -> types::Transaction { id: u64 } {}
}

impl FetchTransaction<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Transaction>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().transaction_fetch(id)).await
    }
}

request! {
    /// Request for [`Transactions::timeline`].
    FetchTransactionTimeline => transaction_timeline -> types::TransactionLog { id_or_reference: String } {}
}

impl FetchTransactionTimeline<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransactionLog>> {
        validate::non_empty("id_or_reference", &self.id_or_reference)?;
        self.ps
            .send(self.ps.api().transaction_timeline(&self.id_or_reference))
            .await
    }
}

request! {
    /// Request for [`Transactions::totals`].
    FetchTransactionTotals => transaction_totals -> types::TransactionTotals {} {
        /// Start of the period.
        from: DateTime<Utc>,
        /// End of the period.
        to: DateTime<Utc>,
    }
}

impl FetchTransactionTotals<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransactionTotals>> {
        self.ps
            .send(
                self.ps
                    .api()
                    .transaction_totals(self.from.as_ref(), self.to.as_ref()),
            )
            .await
    }
}

request! {
    /// Request for [`Transactions::export`].
    ExportTransactions => transaction_export -> types::TransactionExportResponseData {} {
        /// Start of the period.
        from: DateTime<Utc>,
        /// End of the period.
        to: DateTime<Utc>,
        /// Only transactions with this status.
        status: TransactionStatus,
        /// Only this customer's transactions (numeric customer id).
        customer: u64,
        /// Only transactions for this subaccount (`ACCT_…`).
        subaccount_code: SubaccountCode,
        /// Only transactions in this settlement (by id).
        settlement: u64,
    }
}

impl ExportTransactions<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransactionExportResponseData>> {
        if let Some(code) = &self.subaccount_code {
            code.check("subaccount_code")?;
        }
        let status = self.status.as_ref().map(ToString::to_string);
        let customer = self.customer.map(|v| to_i64("customer", v)).transpose()?;
        let settlement = self
            .settlement
            .map(|v| to_i64("settlement", v))
            .transpose()?;
        self.ps
            .send({
                self.ps.api().transaction_export(
                    customer,
                    self.from.as_ref(),
                    settlement,
                    status.as_deref(),
                    self.subaccount_code.as_ref().map(SubaccountCode::as_str),
                    self.to.as_ref(),
                )
            })
            .await
    }
}

impl ChargeAuthorization<'_> {
    /// Sends as [`ChargeAuthorization::send`] does; after an unknown outcome, when you set a
    /// [`reference`](ChargeAuthorization::reference), it verifies the transaction by that
    /// reference and returns what Paystack holds, so the card is charged once. Without a
    /// reference there is nothing to look up and the unknown outcome is returned as it is.
    pub async fn send_or_recover(self) -> Result<Recovery<types::Transaction>> {
        let sent = recover::Sent {
            operation: Self::OPERATION_ID,
            reference: self.reference.clone().unwrap_or_default(),
            amount: Some(self.amount),
            currency: self.currency.clone(),
            authorization: Some(self.authorization_code.to_string()),
            ..recover::Sent::default()
        };
        let (ps, again) = (self.ps, self.clone());
        verify_after_unknown(ps, sent, self.send(), || again.send()).await
    }
}

impl PartialDebit<'_> {
    /// Sends as [`PartialDebit::send`] does; after an unknown outcome, when you set a
    /// [`reference`](PartialDebit::reference), it verifies the transaction by that reference
    /// and returns what Paystack holds.
    pub async fn send_or_recover(self) -> Result<Recovery<types::Transaction>> {
        let sent = recover::Sent {
            operation: Self::OPERATION_ID,
            reference: self.reference.clone().unwrap_or_default(),
            amount: Some(self.amount),
            partial: Some(self.at_least),
            currency: self.currency.clone(),
            authorization: Some(self.authorization_code.to_string()),
            ..recover::Sent::default()
        };
        let (ps, again) = (self.ps, self.clone());
        verify_after_unknown(ps, sent, self.send(), || again.send()).await
    }
}

/// `send_or_recover` for charges on a saved authorization: after an unknown outcome, verify the
/// transaction by the caller's reference.
async fn verify_after_unknown<RF>(
    ps: crate::api::client::ClientRef<'_>,
    sent: recover::Sent,
    first: impl std::future::Future<Output = Result<Response<types::Transaction>>>,
    resend: impl FnOnce() -> RF,
) -> Result<Recovery<types::Transaction>>
where
    RF: std::future::Future<Output = Result<Response<types::Transaction>>>,
{
    recover::send_or_recover(
        first,
        || {
            ps.transactions()
                .verify(sent.reference.clone())
                .with_options(ps.opts)
                .send()
        },
        |found| sent.check(found),
        resend,
    )
    .await
}
