//! Disputes: chargebacks and fraud claims raised against payments, and your answers to them.
//!
//! A typical answer: [`Disputes::upload_url`] for a signed URL, upload the receipt there,
//! [`Disputes::evidence`] to record what was delivered, then [`Disputes::resolve`] with the
//! uploaded file's name.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::DisputeResolution};
//! let upload = ps.disputes().upload_url(624_011).upload_filename("receipt.pdf").send().await?;
//! // ... PUT the file to upload.data.signed_url ...
//! ps.disputes()
//!     .resolve(624_011, DisputeResolution::Declined)
//!     .message("Delivered and signed for on the 3rd")
//!     .refund_amount(Amount::from_subunits(39_100)?)
//!     .uploaded_filename(upload.data.file_name.unwrap_or_default())
//!     .send()
//!     .await?;
//! # Ok(()) }
//! ```

use super::enums::{DisputeResolution, DisputeStatus};
use chrono::{DateTime, Utc};

use super::error::Result;
use super::validate::{self, to_i64};
use super::{Amount, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::DisputeResponse => types::Dispute);
envelope!(types::DisputeListResponse => Vec<types::Dispute>, meta);
envelope!(types::DisputeUploadUrlResponse => types::DisputeUploadUrlResponseData);
envelope!(types::DisputeExportResponse => types::DisputeExportResponseData);
envelope!(types::DisputeEvidenceResponse => types::DisputeEvidence);

impl types::DisputeTransactionRef {
    /// The disputed transaction's id, whichever form the answer used.
    pub fn id(&self) -> Option<&super::Id> {
        match self {
            types::DisputeTransactionRef::Id(id) => Some(id),
            types::DisputeTransactionRef::Transaction(tx) => tx.id.as_ref(),
        }
    }

    /// The whole transaction, when the answer carried it.
    pub fn transaction(&self) -> Option<&types::Transaction> {
        match self {
            types::DisputeTransactionRef::Id(_) => None,
            types::DisputeTransactionRef::Transaction(tx) => Some(tx),
        }
    }
}

/// The Disputes API (`/dispute`).
#[derive(Debug, Clone, Copy)]
pub struct Disputes<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Disputes: list, inspect, answer and resolve chargebacks and fraud claims.
    pub fn disputes(&self) -> Disputes<'_> {
        Disputes { ps: self }
    }
}

impl<'a> Disputes<'a> {
    /// Lists disputes, newest first.
    pub fn list(&self) -> ListDisputes<'a> {
        ListDisputes::new(self.ps)
    }

    /// Fetches one dispute by id, with its history and messages.
    pub fn fetch(&self, id: u64) -> FetchDispute<'a> {
        FetchDispute::new(self.ps, id)
    }

    /// Changes how much of a dispute you will refund. Paystack answers with the updated
    /// dispute inside a list.
    pub fn update(&self, id: u64, refund_amount: Amount) -> UpdateDispute<'a> {
        UpdateDispute::new(self.ps, id, refund_amount)
    }

    /// A short-lived signed URL to upload a file of evidence to.
    pub fn upload_url(&self, id: u64) -> FetchDisputeUploadUrl<'a> {
        FetchDisputeUploadUrl::new(self.ps, id)
    }

    /// Builds a CSV export of disputes and returns a download link.
    pub fn download(&self) -> ExportDisputes<'a> {
        ExportDisputes::new(self.ps)
    }

    /// The dispute raised on one transaction, by the transaction's id.
    pub fn transaction(&self, transaction_id: u64) -> ListTransactionDisputes<'a> {
        ListTransactionDisputes::new(self.ps, transaction_id)
    }

    /// Closes a dispute: accept (and refund) or decline. The message for the record, the
    /// refund amount and the name of a file uploaded through [`Disputes::upload_url`] are
    /// required setters.
    pub fn resolve(&self, id: u64, resolution: DisputeResolution) -> ResolveDispute<'a> {
        ResolveDispute::new(self.ps, id, resolution)
    }

    /// Records proof that the customer received what they paid for; the customer's email,
    /// name and phone and the service details are required setters.
    pub fn evidence(&self, id: u64) -> AddDisputeEvidence<'a> {
        AddDisputeEvidence::new(self.ps, id)
    }
}
}

request! {
    /// Request for [`Disputes::list`].
    ListDisputes => dispute_list -> Vec<types::Dispute> {} paged(page, dated) {
        /// Only disputes in this state.
        status: DisputeStatus,
        /// Only disputes on this transaction (its id).
        transaction: String,
    }
}

impl ListDisputes<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Dispute>>> {
        validate::check_period(self.from, self.to)?;
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().dispute_list(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
                self.to.as_ref(),
                self.transaction.as_deref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Disputes::fetch`].
    FetchDispute => dispute_fetch -> types::Dispute { id: u64 } {}
}

impl FetchDispute<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Dispute>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().dispute_fetch(id)).await
    }
}

request! {
    /// Request for [`Disputes::update`].
    UpdateDispute => dispute_update -> Vec<types::Dispute> { id: u64, refund_amount: Amount } {
        /// Name of a file uploaded through [`Disputes::upload_url`].
        uploaded_filename: String,
    }
}

impl UpdateDispute<'_> {
    /// Validates, sends and decodes the updated dispute(s).
    pub async fn send(self) -> Result<Response<Vec<types::Dispute>>> {
        let id = to_i64("id", self.id)?;
        self.refund_amount.check_positive()?;
        if let Some(name) = &self.uploaded_filename {
            validate::non_empty("uploaded_filename", name)?;
        }
        let body = types::DisputeUpdateBody {
            refund_amount: self.refund_amount,
            uploaded_filename: self.uploaded_filename,
        };
        self.ps.send(self.ps.api().dispute_update(id, &body)).await
    }
}

request! {
    /// Request for [`Disputes::upload_url`].
    FetchDisputeUploadUrl => dispute_uploadUrl -> types::DisputeUploadUrlResponseData { id: u64 } {
        /// Name, with extension, of the file you are about to upload (e.g. `receipt.pdf`).
        upload_filename: String,
    }
}

impl FetchDisputeUploadUrl<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::DisputeUploadUrlResponseData>> {
        let id = to_i64("id", self.id)?;
        if let Some(name) = &self.upload_filename {
            validate::non_empty("upload_filename", name)?;
        }
        self.ps
            .send(
                self.ps
                    .api()
                    .dispute_upload_url(id, self.upload_filename.as_deref()),
            )
            .await
    }
}

request! {
    /// Request for [`Disputes::download`].
    ExportDisputes => dispute_download -> types::DisputeExportResponseData {} {
        /// Records per page (Paystack's default is 50).
        per_page: u32,
        /// Page number, from 1.
        page: u32,
        /// Only disputes in this state.
        status: DisputeStatus,
        /// Only disputes from this time on.
        from: DateTime<Utc>,
        /// Only disputes up to this time.
        to: DateTime<Utc>,
    }
}

impl ExportDisputes<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::DisputeExportResponseData>> {
        validate::check_period(self.from, self.to)?;
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().dispute_download(
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
    /// Request for [`Disputes::transaction`].
    ListTransactionDisputes => dispute_transaction -> types::Dispute { transaction_id: u64 } {}
}

impl ListTransactionDisputes<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Dispute>> {
        let id = to_i64("transaction_id", self.transaction_id)?;
        self.ps.send(self.ps.api().dispute_transaction(id)).await
    }
}

request! {
    /// Request for [`Disputes::resolve`].
    ResolveDispute => dispute_resolve -> types::Dispute {
        id: u64,
        resolution: DisputeResolution,
    } {
        /// A note on the resolution, kept with the dispute (required).
        message: String,
        /// The amount refunded, in subunits; give the full amount when declining (required).
        refund_amount: Amount,
        /// Name of the file uploaded through [`Disputes::upload_url`] (required).
        uploaded_filename: String,
        /// Id of the evidence record (from [`Disputes::evidence`]), for fraud claims.
        evidence: u64,
    }
}

impl ResolveDispute<'_> {
    /// Validates, sends and decodes the resolved dispute.
    pub async fn send(self) -> Result<Response<types::Dispute>> {
        let id = to_i64("id", self.id)?;
        let message = validate::required_text("message", self.message)?;
        let refund_amount = validate::required("refund_amount", self.refund_amount)?;
        refund_amount.check_positive()?;
        let uploaded_filename =
            validate::required_text("uploaded_filename", self.uploaded_filename)?;
        let evidence = self.evidence.map(|e| to_i64("evidence", e)).transpose()?;
        let body = types::DisputeResolveBody {
            resolution: self.resolution,
            message,
            refund_amount,
            uploaded_filename,
            evidence,
        };
        self.ps.send(self.ps.api().dispute_resolve(id, &body)).await
    }
}

request! {
    /// Request for [`Disputes::evidence`].
    AddDisputeEvidence => dispute_evidence -> types::DisputeEvidence { id: u64 } {
        /// The customer's email address (required).
        customer_email: String,
        /// The customer's name (required).
        customer_name: String,
        /// The customer's phone number (required).
        customer_phone: String,
        /// What was sold and how it was provided (required).
        service_details: String,
        /// Where the goods were delivered.
        delivery_address: String,
        /// When the goods were delivered.
        delivery_date: DateTime<Utc>,
    }
}

impl AddDisputeEvidence<'_> {
    /// Validates, sends and decodes the stored evidence.
    pub async fn send(self) -> Result<Response<types::DisputeEvidence>> {
        let id = to_i64("id", self.id)?;
        let customer_email = validate::required("customer_email", self.customer_email)?;
        validate::email(&customer_email)?;
        let body = types::DisputeEvidenceBody {
            customer_email,
            customer_name: validate::required_text("customer_name", self.customer_name)?,
            customer_phone: validate::required_text("customer_phone", self.customer_phone)?,
            service_details: validate::required_text("service_details", self.service_details)?,
            delivery_address: self.delivery_address,
            delivery_date: self.delivery_date,
        };
        self.ps
            .send(self.ps.api().dispute_evidence(id, &body))
            .await
    }
}
