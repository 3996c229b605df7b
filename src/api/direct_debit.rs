//! Direct Debit: the integration's mandates across all customers, and activation charges for
//! several customers at once. Per-customer mandate calls live in [`super::customers`].
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::enums::MandateStatus;
//! let page = ps
//!     .direct_debit()
//!     .list_mandate_authorizations()
//!     .status(MandateStatus::Active)
//!     .per_page(25u32)
//!     .send()
//!     .await?;
//! if let Some(next) = page.meta.and_then(|m| m.next) {
//!     println!("more after cursor {next}");
//! }
//! # Ok(()) }
//! ```

use super::enums::MandateStatus;
use super::envelope::Envelope;
use super::error::{Result, ValidationError};
use super::validate::to_i64;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::DirectDebitActivationChargeResponse => ());

/// Mandate lists page with their own meta (`per_page`, `next`, `count`, `total`); it is
/// returned as the crate's [`types::ListMeta`] so every list reads the same way: `per_page`,
/// `next` and `total` carry over, and `count` is `data.len()`.
impl Envelope for types::DirectDebitMandateAuthorizationListResponse {
    type Data = Vec<types::DirectDebitMandateAuthorization>;
    const DATA_REQUIRED: bool = true;

    fn ok(&self) -> bool {
        self.status.get()
    }

    fn has_data(&self) -> bool {
        self.data.is_some()
    }

    fn into_response(self) -> Option<Response<Self::Data>> {
        let meta = self.meta.map(|m| types::ListMeta {
            per_page: m.per_page,
            next: m.next,
            total: m.total,
            ..types::ListMeta::default()
        });
        Some(Response {
            data: self.data?,
            message: self.message.unwrap_or_default(),
            meta,
        })
    }
}

/// The Direct Debit API (`/directdebit`).
#[derive(Debug, Clone, Copy)]
pub struct DirectDebit<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Direct debit: mandates across customers and bulk activation charges.
    pub fn direct_debit(&self) -> DirectDebit<'_> {
        DirectDebit { ps: self }
    }
}

impl<'a> DirectDebit<'a> {
    /// Retries the activation charge of the pending mandates held by these customers
    /// (numeric customer ids).
    pub fn trigger_activation_charge(&self, customer_ids: Vec<u64>) -> TriggerActivationCharge<'a> {
        TriggerActivationCharge::new(self.ps, customer_ids)
    }

    /// Lists the integration's mandates, one cursor page at a time.
    pub fn list_mandate_authorizations(&self) -> ListMandateAuthorizations<'a> {
        ListMandateAuthorizations::new(self.ps)
    }
}
}

request! {
    /// Request for [`DirectDebit::trigger_activation_charge`].
    TriggerActivationCharge => directdebit_triggerActivationCharge -> () { customer_ids: Vec<u64> } {}
}

impl TriggerActivationCharge<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<()>> {
        if self.customer_ids.is_empty() {
            return Err(ValidationError::Empty("customer_ids").into());
        }
        let customer_ids = self
            .customer_ids
            .iter()
            .map(|&id| to_i64("customer_ids", id))
            .collect::<Result<Vec<_>>>()?;
        let body = types::DirectdebitTriggerActivationChargeBody { customer_ids };
        self.ps
            .send(self.ps.api().directdebit_trigger_activation_charge(&body))
            .await
    }
}

request! {
    /// Request for [`DirectDebit::list_mandate_authorizations`].
    ListMandateAuthorizations => directdebit_listMandateAuthorizations -> Vec<types::DirectDebitMandateAuthorization> {} {
        /// Cursor of the page to read, from the previous page's `meta.next`.
        cursor: String,
        /// Only mandates in this state.
        status: MandateStatus,
        /// Records per page.
        per_page: u32,
    }
}

impl ListMandateAuthorizations<'_> {
    /// Sends and decodes one page; `meta.next` is the cursor of the following one.
    pub async fn send(self) -> Result<Response<Vec<types::DirectDebitMandateAuthorization>>> {
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().directdebit_list_mandate_authorizations(
                self.cursor.as_deref(),
                self.per_page.map(i64::from),
                status.as_deref(),
            ))
            .await
    }
}

crate::paginate!(ListMandateAuthorizations => types::DirectDebitMandateAuthorization, cursor = cursor);
