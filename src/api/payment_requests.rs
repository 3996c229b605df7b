//! Payment Request: bill a customer, optionally as an invoice with line items and taxes, and
//! follow the request until it is paid.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::types::PaymentRequestLineItemInput;
//! use paystack::{Amount, enums::Currency};
//! let pr = ps
//!     .payment_requests()
//!     .create("CUS_q1w2e3r4t5y6u7i")
//!     .currency(Currency::NGN)
//!     .line_items(vec![PaymentRequestLineItemInput {
//!         name: "Catering, 40 guests".into(),
//!         amount: Amount::from_major("1200.00")?,
//!         quantity: Some(40),
//!     }])
//!     .send()
//!     .await?;
//! println!("request {:?} is {:?}", pr.data.request_code, pr.data.status);
//! # Ok(()) }
//! ```

use super::enums::PaymentRequestStatus;
use super::validate::check_line_items;
use chrono::{DateTime, Utc};

use super::codes::{CustomerCode, IdOrCode, PaymentRequestCode, SplitCode};
use super::error::Result;
use super::validate::{check_transaction_amount, to_i64};
use super::{Amount, Currency, Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::PaymentRequestResponse => types::PaymentRequest);
envelope!(types::PaymentRequestListResponse => Vec<types::PaymentRequest>, meta);
envelope!(types::PaymentRequestTotalsResponse => types::PaymentRequestTotals);
envelope!(types::PaymentRequestMessageResponse => ());

/// The Payment Request API (`/paymentrequest`).
#[derive(Debug, Clone, Copy)]
pub struct PaymentRequests<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Payment requests (invoices): create, list, update, verify, remind, finalize, archive.
    pub fn payment_requests(&self) -> PaymentRequests<'_> {
        PaymentRequests { ps: self }
    }
}

impl<'a> PaymentRequests<'a> {
    /// Bills the customer with this id or customer code. Set an
    /// [`amount`](CreatePaymentRequest::amount) or
    /// [`line_items`](CreatePaymentRequest::line_items) (or save a
    /// [`draft`](CreatePaymentRequest::draft)).
    pub fn create(&self, customer: impl Into<IdOrCode<CustomerCode>>) -> CreatePaymentRequest<'a> {
        CreatePaymentRequest::new(self.ps, customer.into())
    }

    /// Lists payment requests, with filters. Archived ones are left out.
    pub fn list(&self) -> ListPaymentRequests<'a> {
        ListPaymentRequests::new(self.ps)
    }

    /// Fetches one payment request by numeric id or request code (`PRQ_…`).
    pub fn fetch(
        &self,
        id_or_code: impl Into<IdOrCode<PaymentRequestCode>>,
    ) -> FetchPaymentRequest<'a> {
        FetchPaymentRequest::new(self.ps, id_or_code.into())
    }

    /// Changes a payment request; only the fields set are sent.
    pub fn update(
        &self,
        id_or_code: impl Into<IdOrCode<PaymentRequestCode>>,
    ) -> UpdatePaymentRequest<'a> {
        UpdatePaymentRequest::new(self.ps, id_or_code.into())
    }

    /// Checks a payment request's state by its request code; `pending_amount` says what is
    /// still owed.
    pub fn verify(&self, code: impl Into<PaymentRequestCode>) -> VerifyPaymentRequest<'a> {
        VerifyPaymentRequest::new(self.ps, code.into())
    }

    /// Emails the customer a reminder about the request, by id or request code.
    pub fn notify(
        &self,
        id_or_code: impl Into<IdOrCode<PaymentRequestCode>>,
    ) -> NotifyPaymentRequest<'a> {
        NotifyPaymentRequest::new(self.ps, id_or_code.into())
    }

    /// Sums of pending and paid payment requests, per currency.
    pub fn totals(&self) -> FetchPaymentRequestTotals<'a> {
        FetchPaymentRequestTotals::new(self.ps)
    }

    /// Issues a draft payment request to its customer, by id or request code.
    pub fn finalize(
        &self,
        id_or_code: impl Into<IdOrCode<PaymentRequestCode>>,
    ) -> FinalizePaymentRequest<'a> {
        FinalizePaymentRequest::new(self.ps, id_or_code.into())
    }

    /// Archives a payment request, by id or request code: it leaves lists and can no longer
    /// be verified.
    pub fn archive(
        &self,
        id_or_code: impl Into<IdOrCode<PaymentRequestCode>>,
    ) -> ArchivePaymentRequest<'a> {
        ArchivePaymentRequest::new(self.ps, id_or_code.into())
    }
}
}

request! {
    /// Request for [`PaymentRequests::create`].
    CreatePaymentRequest => paymentRequest_create -> types::PaymentRequest {
        customer: IdOrCode<CustomerCode>,
    } {
        /// Total to bill, when no line items are given.
        amount: Amount,
        /// Currency of the request (defaults to the integration's). Also selects the minimum
        /// amount checked before sending.
        currency: Currency,
        /// When payment is due.
        due_date: DateTime<Utc>,
        /// What the request is for.
        description: String,
        /// Items billed; the total is computed from them (and the taxes).
        line_items: Vec<types::PaymentRequestLineItemInput>,
        /// Taxes added on top of the items.
        tax: Vec<types::PaymentRequestTaxInput>,
        /// Whether Paystack emails the customer (default true).
        send_notification: bool,
        /// Save as a draft to [`finalize`](PaymentRequests::finalize) later (default false);
        /// overrides `send_notification`.
        draft: bool,
        /// Number the request as an invoice even without line items or taxes.
        has_invoice: bool,
        /// Invoice number to use; later ones count up from it.
        invoice_number: u64,
        /// Split the payment with this saved split code.
        split_code: SplitCode,
    }
}

impl CreatePaymentRequest<'_> {
    /// Validates, sends and decodes. In this response `customer` is the customer's id.
    pub async fn send(self) -> Result<Response<types::PaymentRequest>> {
        self.customer.check("customer")?;
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        let has_items = self.line_items.as_ref().is_some_and(|l| !l.is_empty());
        match self.amount {
            Some(amount) => check_transaction_amount(amount, self.currency.as_ref())?,
            None if has_items || self.draft == Some(true) => {}
            None => {
                return Err(ValidationError::Invalid {
                    field: "amount",
                    reason: "set an amount or line items".into(),
                }
                .into())
            }
        }
        check_line_items(self.line_items.as_ref(), self.tax.as_ref())?;
        let invoice_number = self
            .invoice_number
            .map(|n| to_i64("invoice_number", n))
            .transpose()?;
        let body = types::PaymentRequestCreateBody {
            customer: self.customer.to_string(),
            amount: self.amount,
            currency: self.currency,
            due_date: self.due_date,
            description: self.description,
            line_items: self.line_items.unwrap_or_default(),
            tax: self.tax.unwrap_or_default(),
            send_notification: self.send_notification,
            draft: self.draft,
            has_invoice: self.has_invoice,
            invoice_number,
            split_code: self.split_code.map(SplitCode::into_string),
        };
        self.ps
            .send(self.ps.api().payment_request_create(&body))
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::list`].
    ListPaymentRequests => paymentRequest_list -> Vec<types::PaymentRequest> {} paged(page, dated) {
        /// Only this customer's requests (customer id).
        customer: String,
        /// Only requests in this state.
        status: PaymentRequestStatus,
        /// Only requests in this currency.
        currency: Currency,
    }
}

impl ListPaymentRequests<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::PaymentRequest>>> {
        let status = self.status.as_ref().map(ToString::to_string);
        let currency = self.currency.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().payment_request_list(
                currency.as_deref(),
                self.customer.as_deref(),
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::fetch`].
    FetchPaymentRequest => paymentRequest_fetch -> types::PaymentRequest {
        id_or_code: IdOrCode<PaymentRequestCode>,
    } {}
}

impl FetchPaymentRequest<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::PaymentRequest>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .payment_request_fetch(&self.id_or_code.to_string()),
            )
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::update`].
    UpdatePaymentRequest => paymentRequest_update -> types::PaymentRequest {
        id_or_code: IdOrCode<PaymentRequestCode>,
    } {
        /// Bill another customer (id or customer code).
        customer: IdOrCode<CustomerCode>,
        /// New total, when no line items are given.
        amount: Amount,
        /// New currency; also selects the minimum amount checked.
        currency: Currency,
        /// New due date.
        due_date: DateTime<Utc>,
        /// New description.
        description: String,
        /// Replacement line items.
        line_items: Vec<types::PaymentRequestLineItemInput>,
        /// Replacement taxes.
        tax: Vec<types::PaymentRequestTaxInput>,
        /// Whether Paystack emails the customer about the change.
        send_notification: bool,
        /// Keep (or turn) the request into a draft.
        draft: bool,
        /// Number the request as an invoice.
        has_invoice: bool,
        /// Invoice number to use.
        invoice_number: u64,
        /// Split the payment with this saved split code.
        split_code: SplitCode,
    }
}

impl UpdatePaymentRequest<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::PaymentRequest>> {
        self.id_or_code.check("id_or_code")?;
        if let Some(c) = &self.customer {
            c.check("customer")?;
        }
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        if let Some(amount) = self.amount {
            check_transaction_amount(amount, self.currency.as_ref())?;
        }
        check_line_items(self.line_items.as_ref(), self.tax.as_ref())?;
        let invoice_number = self
            .invoice_number
            .map(|n| to_i64("invoice_number", n))
            .transpose()?;
        let body = types::PaymentRequestUpdateBody {
            customer: self.customer.as_ref().map(ToString::to_string),
            amount: self.amount,
            currency: self.currency,
            due_date: self.due_date,
            description: self.description,
            line_items: self.line_items.unwrap_or_default(),
            tax: self.tax.unwrap_or_default(),
            send_notification: self.send_notification,
            draft: self.draft,
            has_invoice: self.has_invoice,
            invoice_number,
            split_code: self.split_code.map(SplitCode::into_string),
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .payment_request_update(&self.id_or_code.to_string(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::verify`].
    VerifyPaymentRequest => paymentRequest_verify -> types::PaymentRequest {
        code: PaymentRequestCode,
    } {}
}

impl VerifyPaymentRequest<'_> {
    /// Validates, sends and decodes. Here `integration` is the expanded merchant.
    pub async fn send(self) -> Result<Response<types::PaymentRequest>> {
        self.code.check("code")?;
        self.ps
            .send(self.ps.api().payment_request_verify(self.code.as_str()))
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::notify`].
    NotifyPaymentRequest => paymentRequest_notify -> () { id_or_code: IdOrCode<PaymentRequestCode> } {}
}

impl NotifyPaymentRequest<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .payment_request_notify(&self.id_or_code.to_string()),
            )
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::totals`].
    FetchPaymentRequestTotals => paymentRequest_totals -> types::PaymentRequestTotals {} {}
}

impl FetchPaymentRequestTotals<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::PaymentRequestTotals>> {
        self.ps.send(self.ps.api().payment_request_totals()).await
    }
}

request! {
    /// Request for [`PaymentRequests::finalize`].
    FinalizePaymentRequest => paymentRequest_finalize -> types::PaymentRequest {
        id_or_code: IdOrCode<PaymentRequestCode>,
    } {
        /// Whether Paystack emails the customer (default true).
        send_notification: bool,
    }
}

impl FinalizePaymentRequest<'_> {
    /// Validates, sends and decodes the issued request.
    pub async fn send(self) -> Result<Response<types::PaymentRequest>> {
        self.id_or_code.check("id_or_code")?;
        let body = types::PaymentRequestFinalizeBody {
            send_notification: self.send_notification,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .payment_request_finalize(&self.id_or_code.to_string(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`PaymentRequests::archive`].
    ArchivePaymentRequest => paymentRequest_archive -> () { id_or_code: IdOrCode<PaymentRequestCode> } {}
}

impl ArchivePaymentRequest<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .payment_request_archive(&self.id_or_code.to_string()),
            )
            .await
    }
}
