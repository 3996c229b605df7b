//! Transfers: pay out of your balance to saved recipients, and manage the OTP that guards them.
//!
//! The transfer reference is the idempotency key: when a transfer's outcome is unclear (a
//! timeout, a 5xx), retry with the **same** reference, never a new one.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::{Currency, TransferStatus}};
//! let sent = ps
//!     .transfers()
//!     .initiate(
//!         Amount::from_major("15000")?,
//!         "RCP_4h7k2m9q1w",
//!         "payout-2026-03-0001",
//!     )
//!     .currency(Currency::NGN)
//!     .reason("March commission")
//!     .send()
//!     .await?;
//! if sent.data.status == Some(TransferStatus::Otp) {
//!     let code = sent.data.transfer_code.unwrap_or_default();
//!     ps.transfers().finalize(code, "482915").send().await?;
//! }
//! # Ok(()) }
//! ```

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::codes::{IdOrCode, RecipientCode, TransferCode};
use super::error::{Result, ValidationError};
use super::recover::{self, Recovery};
use super::validate::{self, check_amount};
use super::{Amount, Currency, Paystack, Response, TransferSource, TransferStatus};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::TransferCreatedResponse => types::TransferCreated);
envelope!(types::TransferResponse => types::Transfer);
envelope!(types::TransferListResponse => Vec<types::Transfer>, meta);
envelope!(types::TransferBulkResponse => Vec<types::TransferBulkResult>);
envelope!(types::TransferExportResponse => types::TransferExport);
envelope!(types::TransferMessageResponse => ());

/// The Transfers API (`/transfer`).
#[derive(Debug, Clone, Copy)]
pub struct Transfers<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Payouts: initiate (one or many), finalize with OTP, list, fetch, verify, export, and
    /// the OTP settings.
    pub fn transfers(&self) -> Transfers<'_> {
        Transfers { ps: self }
    }
}

impl<'a> Transfers<'a> {
    /// Sends `amount` from your balance to the recipient code `recipient`.
    ///
    /// `reference` is your idempotency key: 16 to 50 lowercase letters, digits, `-` or `_`.
    /// When `data.status` is `otp`, confirm with [`Transfers::finalize`].
    pub fn initiate(
        &self,
        amount: Amount,
        recipient: impl Into<RecipientCode>,
        reference: impl Into<String>,
    ) -> InitiateTransfer<'a> {
        InitiateTransfer::new(self.ps, amount, recipient.into(), reference.into())
    }

    /// Lists transfers, newest first.
    pub fn list(&self) -> ListTransfers<'a> {
        ListTransfers::new(self.ps)
    }

    /// Confirms a transfer waiting for an OTP with the code sent to the business phone.
    pub fn finalize(
        &self,
        transfer_code: impl Into<TransferCode>,
        otp: impl Into<String>,
    ) -> FinalizeTransfer<'a> {
        FinalizeTransfer::new(self.ps, transfer_code.into(), otp.into())
    }

    /// Queues many transfers from your balance. Build entries with
    /// [`types::TransferBulkItem::new`]; every entry needs its own reference.
    pub fn bulk(&self, transfers: Vec<types::TransferBulkItem>) -> InitiateBulkTransfer<'a> {
        InitiateBulkTransfer::new(self.ps, transfers)
    }

    /// Fetches one transfer by numeric id or transfer code (`TRF_…`).
    pub fn fetch(&self, id_or_code: impl Into<IdOrCode<TransferCode>>) -> FetchTransfer<'a> {
        FetchTransfer::new(self.ps, id_or_code.into())
    }

    /// Looks a transfer up by its reference to learn where it stands.
    pub fn verify(&self, reference: impl Into<String>) -> VerifyTransfer<'a> {
        VerifyTransfer::new(self.ps, reference.into())
    }

    /// Builds a CSV export of transfers and returns a download link.
    pub fn export(&self) -> ExportTransfers<'a> {
        ExportTransfers::new(self.ps)
    }

    /// Sends a new OTP for a transfer, for the purpose in `reason`.
    pub fn resend_otp(
        &self,
        transfer_code: impl Into<TransferCode>,
        reason: types::TransferOtpReason,
    ) -> ResendTransferOtp<'a> {
        ResendTransferOtp::new(self.ps, transfer_code.into(), reason)
    }

    /// Starts turning off the OTP requirement; Paystack sends an OTP to confirm with
    /// [`Transfers::disable_otp_finalize`].
    pub fn disable_otp(&self) -> DisableTransferOtp<'a> {
        DisableTransferOtp::new(self.ps)
    }

    /// Finishes turning off the OTP requirement with the OTP Paystack sent.
    pub fn disable_otp_finalize(&self, otp: impl Into<String>) -> FinalizeDisableTransferOtp<'a> {
        FinalizeDisableTransferOtp::new(self.ps, otp.into())
    }

    /// Turns the OTP requirement back on for every transfer.
    pub fn enable_otp(&self) -> EnableTransferOtp<'a> {
        EnableTransferOtp::new(self.ps)
    }
}
}

impl types::TransferBulkItem {
    /// An entry for [`Transfers::bulk`]: `amount` to the recipient code `recipient`, with its
    /// own idempotency `reference`.
    pub fn new(
        amount: Amount,
        recipient: impl Into<RecipientCode>,
        reference: impl Into<String>,
    ) -> Self {
        Self {
            amount,
            recipient: recipient.into().into_string(),
            reference: reference.into(),
            reason: None,
        }
    }

    /// Sets the narration shown for this transfer.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }
}

request! {
    /// Request for [`Transfers::initiate`].
    InitiateTransfer => transfer_initiate -> types::TransferCreated {
        amount: Amount,
        recipient: RecipientCode,
        reference: String,
    } {
        /// Where the money comes from; defaults to [`TransferSource::Balance`].
        source: TransferSource,
        /// The narration for the transfer.
        reason: String,
        /// The transfer's currency (Paystack defaults to the integration's); also selects
        /// the minimum amount checked before sending.
        currency: Currency,
    }
}

impl InitiateTransfer<'_> {
    /// Validates, sends and decodes. `data.status` is `otp` when an OTP must finalize it.
    pub async fn send(self) -> Result<Response<types::TransferCreated>> {
        check_amount(self.amount, self.currency.as_ref())?;
        self.recipient.check("recipient")?;
        validate::transfer_reference(&self.reference)?;
        let body = types::TransferInitiateBody {
            source: self.source.unwrap_or(TransferSource::Balance),
            amount: self.amount,
            recipient: self.recipient.into_string(),
            reference: self.reference,
            reason: self.reason,
            currency: self.currency,
        };
        self.ps.send(self.ps.api().transfer_initiate(&body)).await
    }
}

request! {
    /// Request for [`Transfers::list`].
    ListTransfers => transfer_list -> Vec<types::Transfer> {} paged(page, cursor, dated) {
        /// Only transfers to this recipient.
        recipient: String,
        /// Only transfers with this status.
        status: TransferStatus,
    }
}

impl ListTransfers<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Transfer>>> {
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().transfer_list(
                self.from.as_ref(),
                self.next.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.previous.as_deref(),
                self.recipient.as_deref(),
                status.as_deref(),
                self.to.as_ref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`Transfers::finalize`].
    FinalizeTransfer => transfer_finalize -> types::TransferCreated {
        transfer_code: TransferCode,
        otp: String,
    } {}
}

impl FinalizeTransfer<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransferCreated>> {
        self.transfer_code.check("transfer_code")?;
        validate::non_empty("otp", &self.otp)?;
        let body = types::TransferFinalizeBody {
            transfer_code: self.transfer_code.into_string(),
            otp: self.otp,
        };
        self.ps.send(self.ps.api().transfer_finalize(&body)).await
    }
}

request! {
    /// Request for [`Transfers::bulk`].
    InitiateBulkTransfer => transfer_bulk -> Vec<types::TransferBulkResult> {
        transfers: Vec<types::TransferBulkItem>,
    } {
        /// Where the money comes from; defaults to [`TransferSource::Balance`].
        source: TransferSource,
        /// The currency of every transfer in the batch; also selects the minimum checked.
        currency: Currency,
    }
}

impl InitiateBulkTransfer<'_> {
    /// Validates every entry (amount, recipient, reference, and no reference twice), sends
    /// and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::TransferBulkResult>>> {
        if self.transfers.is_empty() {
            return Err(ValidationError::Invalid {
                field: "transfers",
                reason: "it holds no transfers".into(),
            }
            .into());
        }
        let mut seen = HashSet::new();
        for item in &self.transfers {
            check_amount(item.amount, self.currency.as_ref())?;
            RecipientCode::from(item.recipient.as_str()).check("recipient")?;
            validate::transfer_reference(&item.reference)?;
            if !seen.insert(item.reference.as_str()) {
                return Err(ValidationError::Invalid {
                    field: "transfers",
                    reason: format!("the reference {:?} is used twice", item.reference),
                }
                .into());
            }
        }
        let body = types::TransferBulkBody {
            source: self.source.unwrap_or(TransferSource::Balance),
            currency: self.currency,
            transfers: self.transfers,
        };
        self.ps.send(self.ps.api().transfer_bulk(&body)).await
    }
}

request! {
    /// Request for [`Transfers::fetch`].
    FetchTransfer => transfer_fetch -> types::Transfer { id_or_code: IdOrCode<TransferCode> } {}
}

impl FetchTransfer<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Transfer>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(self.ps.api().transfer_fetch(&self.id_or_code.to_string()))
            .await
    }
}

request! {
    /// Request for [`Transfers::verify`].
    VerifyTransfer => transfer_verify -> types::Transfer { reference: String } {}
}

impl VerifyTransfer<'_> {
    /// Validates, sends and decodes.
    ///
    /// Only emptiness is checked: references Paystack generated for transfers sent without
    /// one do not follow the rules [`Transfers::initiate`] enforces, and must still verify.
    pub async fn send(self) -> Result<Response<types::Transfer>> {
        validate::non_empty("reference", &self.reference)?;
        self.ps
            .send(self.ps.api().transfer_verify(&self.reference))
            .await
    }
}

request! {
    /// Request for [`Transfers::export`].
    ExportTransfers => transfer_exportTransfer -> types::TransferExport {} {
        /// Only transfers to this recipient.
        recipient: String,
        /// Only transfers with this status.
        status: TransferStatus,
        /// Start of the period.
        from: DateTime<Utc>,
        /// End of the period.
        to: DateTime<Utc>,
    }
}

impl ExportTransfers<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransferExport>> {
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().transfer_export_transfer(
                self.from.as_ref(),
                self.recipient.as_deref(),
                status.as_deref(),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Transfers::resend_otp`].
    ResendTransferOtp => transfer_resendOtp -> () {
        transfer_code: TransferCode,
        reason: types::TransferOtpReason,
    } {}
}

impl ResendTransferOtp<'_> {
    /// Validates and sends. Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.transfer_code.check("transfer_code")?;
        let body = types::TransferResendOtpBody {
            transfer_code: self.transfer_code.into_string(),
            reason: self.reason,
        };
        self.ps.send(self.ps.api().transfer_resend_otp(&body)).await
    }
}

request! {
    /// Request for [`Transfers::disable_otp`].
    DisableTransferOtp => transfer_disableOtp -> () {} {}
}

impl DisableTransferOtp<'_> {
    /// Sends. Paystack answers with a message only and texts an OTP to confirm.
    pub async fn send(self) -> Result<Response<()>> {
        self.ps.send(self.ps.api().transfer_disable_otp()).await
    }
}

request! {
    /// Request for [`Transfers::disable_otp_finalize`].
    FinalizeDisableTransferOtp => transfer_disableOtpFinalize -> () { otp: String } {}
}

impl FinalizeDisableTransferOtp<'_> {
    /// Validates and sends. Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        validate::non_empty("otp", &self.otp)?;
        let body = types::TransferDisableOtpFinalizeBody { otp: self.otp };
        self.ps
            .send(self.ps.api().transfer_disable_otp_finalize(&body))
            .await
    }
}

request! {
    /// Request for [`Transfers::enable_otp`].
    EnableTransferOtp => transfer_enableOtp -> () {} {}
}

impl EnableTransferOtp<'_> {
    /// Sends. Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.ps.send(self.ps.api().transfer_enable_otp()).await
    }
}

impl InitiateTransfer<'_> {
    /// Sends as [`InitiateTransfer::send`] does; after an unknown outcome it looks the transfer up by
    /// its reference and returns what Paystack holds (see [`crate::Recovery`]), so a payout
    /// happens once however the network behaves. It returns [`crate::Error::OutcomeUnknown`]
    /// only when the lookup fails too.
    pub async fn send_or_recover(
        self,
    ) -> Result<Recovery<types::TransferCreated, types::Transfer>> {
        let ps = self.ps;
        let sent = recover::Sent {
            operation: Self::OPERATION_ID,
            reference: self.reference.clone(),
            amount: Some(self.amount),
            currency: self.currency.clone(),
            recipient: Some(self.recipient.to_string()),
            ..recover::Sent::default()
        };
        let again = self.clone();
        recover::send_or_recover(
            self.send(),
            || {
                ps.transfers()
                    .verify(sent.reference.clone())
                    .with_options(ps.opts)
                    .send()
            },
            |found| sent.check(found),
            || again.send(),
        )
        .await
    }
}

impl InitiateBulkTransfer<'_> {
    /// Sends as [`InitiateBulkTransfer::send`] does; after an unknown outcome it looks every entry up by its
    /// reference. When all are found they are returned; when any is missing the batch is sent
    /// once more with the same references, which Paystack deduplicates.
    pub async fn send_or_recover(
        self,
    ) -> Result<Recovery<Vec<types::TransferBulkResult>, Vec<types::Transfer>>> {
        let ps = self.ps;
        let sent: Vec<recover::Sent> = self
            .transfers
            .iter()
            .map(|t| recover::Sent {
                operation: Self::OPERATION_ID,
                reference: t.reference.clone(),
                amount: Some(t.amount),
                currency: self.currency.clone(),
                recipient: Some(t.recipient.clone()),
                ..recover::Sent::default()
            })
            .collect();
        let references: Vec<String> = sent.iter().map(|s| s.reference.clone()).collect();
        let again = self.clone();
        let lookup = || {
            recover::each_reference(&references, |r| {
                ps.transfers().verify(r).with_options(ps.opts).send()
            })
        };
        let check = |found: &Vec<types::Transfer>| recover::Sent::check_each(&sent, found);
        recover::send_or_recover(self.send(), lookup, check, || again.send()).await
    }
}

impl types::TransferRecipientRef {
    /// The whole recipient record, when Paystack expanded it.
    pub fn record(&self) -> Option<&types::TransferRecipient> {
        match self {
            types::TransferRecipientRef::TransferRecipient(r) => Some(r),
            types::TransferRecipientRef::Id(_) => None,
        }
    }

    /// The recipient's numeric id, from either form.
    pub fn id(&self) -> Option<u64> {
        match self {
            types::TransferRecipientRef::Id(id) => id.as_u64(),
            types::TransferRecipientRef::TransferRecipient(r) => {
                r.id.as_ref().and_then(|id| id.as_u64())
            }
        }
    }

    /// The recipient code (`RCP_…`), from either form.
    pub fn code(&self) -> Option<&str> {
        match self {
            types::TransferRecipientRef::Id(crate::Id::Text(code)) => Some(code),
            types::TransferRecipientRef::Id(crate::Id::Num(_)) => None,
            types::TransferRecipientRef::TransferRecipient(r) => r.recipient_code.as_deref(),
        }
    }
}
