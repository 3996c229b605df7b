//! Bulk Charge: charge many reusable authorizations in one batch, then follow and steer it.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::types::BulkChargeItem;
//! use paystack::Amount;
//! let batch = ps
//!     .bulk_charges()
//!     .initiate(vec![
//!         BulkChargeItem::new("AUTH_first", Amount::from_subunits(10_000)?).with_reference("rent-0001"),
//!         BulkChargeItem::new("AUTH_second", Amount::from_subunits(25_000)?),
//!     ])
//!     .send()
//!     .await?;
//! println!("batch {:?} queued", batch.data.batch_code);
//! # Ok(()) }
//! ```

use super::codes::{AuthorizationCode, BulkChargeCode, IdOrCode};
use super::enums::BulkChargeItemStatus;
use super::error::{Result, ValidationError};
use super::recover::{self, Recovery};
use super::validate::check_bulk_charge_item;
use super::{Amount, BulkChargeStatus, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::BulkChargeBatchResponse => types::BulkChargeBatch);
envelope!(types::BulkChargeListResponse => Vec<types::BulkChargeBatch>, meta);
envelope!(types::BulkChargeChargesResponse => Vec<types::BulkChargeCharge>, meta);
envelope!(types::BulkChargeMessageResponse => ());

impl types::BulkChargeItem {
    /// One charge of `amount` on the reusable authorization `authorization` (its
    /// `AUTH_…` code).
    pub fn new(authorization: impl Into<AuthorizationCode>, amount: Amount) -> Self {
        types::BulkChargeItem {
            authorization: authorization.into().into_string(),
            amount,
            reference: None,
            attempt_partial_debit: None,
            at_least: None,
            metadata: None,
        }
    }

    /// Your unique reference for this charge.
    pub fn with_reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// Accept less than the full amount when the account holds less.
    pub fn with_attempt_partial_debit(mut self, value: bool) -> Self {
        self.attempt_partial_debit = Some(value);
        self
    }

    /// With a partial debit, the least amount to accept.
    pub fn with_at_least(mut self, amount: Amount) -> Self {
        self.at_least = Some(amount);
        self
    }

    /// Your own data, returned with the charge.
    pub fn with_metadata(mut self, metadata: serde_json::Value) -> Self {
        self.metadata = Some(metadata);
        self
    }
}

/// The Bulk Charge API (`/bulkcharge`).
#[derive(Debug, Clone, Copy)]
pub struct BulkCharges<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Bulk charges: batches of charges on saved authorizations.
    pub fn bulk_charges(&self) -> BulkCharges<'_> {
        BulkCharges { ps: self }
    }
}

impl<'a> BulkCharges<'a> {
    /// Queues a batch of charges; Paystack runs them in the background. Build each entry with
    /// [`types::BulkChargeItem::new`].
    pub fn initiate(
        &self,
        charges: impl IntoIterator<Item = types::BulkChargeItem>,
    ) -> InitiateBulkCharge<'a> {
        InitiateBulkCharge::new(self.ps, charges.into_iter().collect())
    }

    /// Lists batches, newest first.
    pub fn list(&self) -> ListBulkCharges<'a> {
        ListBulkCharges::new(self.ps)
    }

    /// Fetches one batch (by batch code `BCH_…` or numeric id) with its progress counters.
    pub fn fetch(&self, code: impl Into<IdOrCode<BulkChargeCode>>) -> FetchBulkCharge<'a> {
        FetchBulkCharge::new(self.ps, code.into())
    }

    /// Lists the charges of one batch (by batch code `BCH_…` or numeric id).
    pub fn charges(
        &self,
        code: impl Into<IdOrCode<BulkChargeCode>>,
    ) -> ListBulkChargeCharges<'a> {
        ListBulkChargeCharges::new(self.ps, code.into())
    }

    /// Holds a running batch: charges not yet attempted wait until it is resumed.
    pub fn pause(&self, code: impl Into<BulkChargeCode>) -> PauseBulkCharge<'a> {
        PauseBulkCharge::new(self.ps, code.into())
    }

    /// Lets a paused batch carry on.
    pub fn resume(&self, code: impl Into<BulkChargeCode>) -> ResumeBulkCharge<'a> {
        ResumeBulkCharge::new(self.ps, code.into())
    }
}
}

request! {
    /// Request for [`BulkCharges::initiate`].
    InitiateBulkCharge => bulkCharge_initiate -> types::BulkChargeBatch { charges: Vec<types::BulkChargeItem> } {}
}

impl InitiateBulkCharge<'_> {
    /// Validates every entry, sends and decodes the queued batch.
    pub async fn send(self) -> Result<Response<types::BulkChargeBatch>> {
        if self.charges.is_empty() {
            return Err(ValidationError::Empty("charges").into());
        }
        let mut seen = std::collections::HashSet::new();
        for item in &self.charges {
            check_bulk_charge_item(item)?;
            AuthorizationCode::from(item.authorization.as_str()).check("authorization")?;
            if let Some(r) = &item.reference {
                if !seen.insert(r.as_str()) {
                    return Err(ValidationError::Invalid {
                        field: "reference",
                        reason: format!("{r:?} appears twice in the batch"),
                    }
                    .into());
                }
            }
        }
        self.ps
            .send(self.ps.api().bulk_charge_initiate(&self.charges))
            .await
    }
}

request! {
    /// Request for [`BulkCharges::list`].
    ListBulkCharges => bulkCharge_list -> Vec<types::BulkChargeBatch> {} paged(page) {
        /// Only batches in this state.
        status: BulkChargeStatus,
    }
}

impl ListBulkCharges<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::BulkChargeBatch>>> {
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().bulk_charge_list(
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
            ))
            .await
    }
}

request! {
    /// Request for [`BulkCharges::fetch`].
    FetchBulkCharge => bulkCharge_fetch -> types::BulkChargeBatch { code: IdOrCode<BulkChargeCode> } {}
}

impl FetchBulkCharge<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::BulkChargeBatch>> {
        self.code.check("code")?;
        let code = self.code.to_string();
        self.ps.send(self.ps.api().bulk_charge_fetch(&code)).await
    }
}

request! {
    /// Request for [`BulkCharges::charges`].
    ListBulkChargeCharges => bulkCharge_charges -> Vec<types::BulkChargeCharge> { code: IdOrCode<BulkChargeCode> } paged(page) {
        /// Only charges with this outcome.
        status: BulkChargeItemStatus,
    }
}

impl ListBulkChargeCharges<'_> {
    /// Validates, sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::BulkChargeCharge>>> {
        self.code.check("code")?;
        let code = self.code.to_string();
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().bulk_charge_charges(
                &code,
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
            ))
            .await
    }
}

request! {
    /// Request for [`BulkCharges::pause`].
    PauseBulkCharge => bulkCharge_pause -> () { code: BulkChargeCode } {}
}

impl PauseBulkCharge<'_> {
    /// Validates and sends; only Paystack's message comes back.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        let code = self.code.to_string();
        self.ps.send(self.ps.api().bulk_charge_pause(&code)).await
    }
}

request! {
    /// Request for [`BulkCharges::resume`].
    ResumeBulkCharge => bulkCharge_resume -> () { code: BulkChargeCode } {}
}

impl ResumeBulkCharge<'_> {
    /// Validates and sends; only Paystack's message comes back.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        let code = self.code.to_string();
        self.ps.send(self.ps.api().bulk_charge_resume(&code)).await
    }
}

impl InitiateBulkCharge<'_> {
    /// Sends as [`InitiateBulkCharge::send`] does; after an unknown outcome, when every entry carries a
    /// reference, it verifies each charge by its reference. When all are found they are
    /// returned; when any is missing the batch is sent once more with the same references,
    /// and a charge that already exists is refused as a duplicate rather than run twice.
    pub async fn send_or_recover(
        self,
    ) -> Result<Recovery<types::BulkChargeBatch, Vec<types::Transaction>>> {
        let ps = self.ps;
        let sent: Vec<recover::Sent> = self
            .charges
            .iter()
            .filter_map(|c| {
                Some(recover::Sent {
                    operation: Self::OPERATION_ID,
                    reference: c.reference.clone()?,
                    amount: Some(c.amount),
                    // A charge that allows a partial debit may take less, down to `at_least`.
                    partial: (c.attempt_partial_debit == Some(true) || c.at_least.is_some())
                        .then_some(c.at_least),
                    authorization: Some(c.authorization.clone()),
                    ..recover::Sent::default()
                })
            })
            .collect();
        let references: Vec<String> = sent.iter().map(|s| s.reference.clone()).collect();
        let again = self.clone();
        let lookup = || {
            recover::each_reference(&references, |r| {
                ps.transactions().verify(r).with_options(ps.opts).send()
            })
        };
        let check = |found: &Vec<types::Transaction>| recover::Sent::check_each(&sent, found);
        recover::send_or_recover(self.send(), lookup, check, || again.send()).await
    }
}
