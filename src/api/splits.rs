//! Splits: saved rules that share each payment between subaccounts.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{enums::{Bearer, Currency, SplitType}};
//! use paystack::types::SplitShare;
//! let split = ps
//!     .splits()
//!     .create(
//!         "Market stall partners",
//!         vec![
//!             SplitShare::new("ACCT_stall0001", 30),
//!             SplitShare::new("ACCT_stall0002", 20),
//!         ],
//!     )
//!     .split_type(SplitType::Percentage)
//!     .currency(Currency::NGN)
//!     .bearer_type(Bearer::Account)
//!     .send()
//!     .await?;
//! println!("pay with split code {:?}", split.data.split_code);
//! # Ok(()) }
//! ```

use super::enums::SplitType;
use super::validate::check_share;

use super::codes::SubaccountCode;
use super::error::Result;
use super::validate::{self, to_i64};
use super::{Bearer, Currency, Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::SplitResponse => types::Split);
envelope!(types::SplitListResponse => Vec<types::Split>, meta);
envelope!(types::SplitRemoveSubaccountResponse => ());

/// The Splits API (`/split`).
#[derive(Debug, Clone, Copy)]
pub struct Splits<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Payment splits: create, list, fetch, update, and manage their subaccounts.
    pub fn splits(&self) -> Splits<'_> {
        Splits { ps: self }
    }
}

impl<'a> Splits<'a> {
    /// Creates a split named `name` that shares payments between `subaccounts` (build them
    /// with [`types::SplitShare::new`]). Paystack also needs the
    /// [`split_type`](CreateSplit::split_type) and [`currency`](CreateSplit::currency);
    /// `send()` refuses the request without them.
    pub fn create(
        &self,
        name: impl Into<String>,
        subaccounts: Vec<types::SplitShare>,
    ) -> CreateSplit<'a> {
        CreateSplit::new(self.ps, name.into(), subaccounts)
    }

    /// Lists splits, with filters.
    pub fn list(&self) -> ListSplits<'a> {
        ListSplits::new(self.ps)
    }

    /// Fetches one split by numeric id.
    pub fn fetch(&self, id: u64) -> FetchSplit<'a> {
        FetchSplit::new(self.ps, id)
    }

    /// Changes a split's name, state or fee bearer. Only the fields set are sent.
    pub fn update(&self, id: u64) -> UpdateSplit<'a> {
        UpdateSplit::new(self.ps, id)
    }

    /// Adds a subaccount to a split, or changes its share if it is already there.
    pub fn add_subaccount(
        &self,
        id: u64,
        subaccount: impl Into<SubaccountCode>,
        share: i64,
    ) -> AddSplitSubaccount<'a> {
        AddSplitSubaccount::new(self.ps, id, subaccount.into(), share)
    }

    /// Removes a subaccount from a split.
    pub fn remove_subaccount(
        &self,
        id: u64,
        subaccount: impl Into<SubaccountCode>,
    ) -> RemoveSplitSubaccount<'a> {
        RemoveSplitSubaccount::new(self.ps, id, subaccount.into())
    }
}
}

impl types::SplitShare {
    /// A subaccount's part in a split: a percentage or a flat amount in subunits, as the
    /// split's type says. The code's prefix is checked when the split is sent.
    pub fn new(subaccount: impl Into<SubaccountCode>, share: i64) -> Self {
        Self {
            subaccount: subaccount.into().into_string(),
            share,
        }
    }
}

request! {
    /// Request for [`Splits::create`].
    CreateSplit => split_create -> types::Split {
        name: String,
        subaccounts: Vec<types::SplitShare>,
    } {
        /// How shares are read: percentages or flat amounts (required).
        split_type: SplitType,
        /// Currency of the payments split (required).
        currency: Currency,
        /// Who pays Paystack's fee.
        bearer_type: Bearer,
        /// Code of the subaccount that pays the fee; required when `bearer_type` is
        /// [`Bearer::Subaccount`].
        bearer_subaccount: SubaccountCode,
    }
}

impl CreateSplit<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Split>> {
        validate::non_empty("name", &self.name)?;
        let split_type = self
            .split_type
            .ok_or(ValidationError::Empty("split_type"))?;
        let currency = self.currency.ok_or(ValidationError::Empty("currency"))?;
        if self.subaccounts.is_empty() {
            return Err(ValidationError::Empty("subaccounts").into());
        }
        let mut seen = std::collections::HashSet::new();
        let mut total: i64 = 0;
        for s in &self.subaccounts {
            SubaccountCode::from(s.subaccount.as_str()).check("subaccount")?;
            check_share(s.share, Some(&split_type))?;
            if !seen.insert(s.subaccount.as_str()) {
                return Err(ValidationError::Invalid {
                    field: "subaccounts",
                    reason: format!("{} appears more than once", s.subaccount),
                }
                .into());
            }
            total = total.saturating_add(s.share);
        }
        if split_type == SplitType::Percentage && total > 100 {
            return Err(ValidationError::Invalid {
                field: "subaccounts",
                reason: format!("the shares add up to {total} percent, more than 100"),
            }
            .into());
        }
        match (&self.bearer_type, &self.bearer_subaccount) {
            (Some(Bearer::Subaccount), None) => {
                return Err(ValidationError::Empty("bearer_subaccount").into())
            }
            (_, Some(code)) => code.check("bearer_subaccount")?,
            _ => {}
        }
        let body = types::SplitCreateBody {
            name: self.name,
            type_: split_type,
            currency,
            subaccounts: self.subaccounts,
            bearer_type: self.bearer_type,
            bearer_subaccount: self.bearer_subaccount.map(SubaccountCode::into_string),
        };
        self.ps.send(self.ps.api().split_create(&body)).await
    }
}

request! {
    /// Request for [`Splits::list`].
    ListSplits => split_list -> Vec<types::Split> {} paged(page, dated) {
        /// Only splits that include this subaccount code.
        subaccount_code: SubaccountCode,
        /// Only splits with this name.
        name: String,
        /// Only active (`true`) or inactive (`false`) splits.
        active: bool,
        /// Field to sort by (Paystack sorts by creation date unless told otherwise).
        sort_by: String,
    }
}

impl ListSplits<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Split>>> {
        if let Some(code) = &self.subaccount_code {
            code.check("subaccount_code")?;
        }
        self.ps
            .send(self.ps.api().split_list(
                self.active,
                self.from.as_ref(),
                self.name.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.sort_by.as_deref(),
                self.subaccount_code.as_ref().map(SubaccountCode::as_str),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Splits::fetch`].
    FetchSplit => split_fetch -> types::Split { id: u64 } {}
}

impl FetchSplit<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Split>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().split_fetch(id)).await
    }
}

request! {
    /// Request for [`Splits::update`].
    UpdateSplit => split_update -> types::Split { id: u64 } {
        /// New name.
        name: String,
        /// Switch the split on or off.
        active: bool,
        /// Who pays Paystack's fee.
        bearer_type: Bearer,
        /// Code of the subaccount that pays the fee.
        bearer_subaccount: SubaccountCode,
    }
}

impl UpdateSplit<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Split>> {
        let id = to_i64("id", self.id)?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(code) = &self.bearer_subaccount {
            code.check("bearer_subaccount")?;
        }
        let body = types::SplitUpdateBody {
            name: self.name,
            active: self.active,
            bearer_type: self.bearer_type,
            bearer_subaccount: self.bearer_subaccount.map(SubaccountCode::into_string),
        };
        self.ps.send(self.ps.api().split_update(id, &body)).await
    }
}

request! {
    /// Request for [`Splits::add_subaccount`].
    AddSplitSubaccount => split_addSubaccount -> types::Split {
        id: u64,
        subaccount: SubaccountCode,
        share: i64,
    } {}
}

impl AddSplitSubaccount<'_> {
    /// Validates, sends and decodes the split as it now stands.
    pub async fn send(self) -> Result<Response<types::Split>> {
        let id = to_i64("id", self.id)?;
        self.subaccount.check("subaccount")?;
        check_share(self.share, None)?;
        let body = types::SplitAddSubaccountBody {
            subaccount: self.subaccount.into_string(),
            share: self.share,
        };
        self.ps
            .send(self.ps.api().split_add_subaccount(id, &body))
            .await
    }
}

request! {
    /// Request for [`Splits::remove_subaccount`].
    RemoveSplitSubaccount => split_removeSubaccount -> () {
        id: u64,
        subaccount: SubaccountCode,
    } {
        /// The subaccount's current share (listed by Paystack's published spec, not needed).
        share: i64,
    }
}

impl RemoveSplitSubaccount<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        let id = to_i64("id", self.id)?;
        self.subaccount.check("subaccount")?;
        if let Some(share) = self.share {
            check_share(share, None)?;
        }
        let body = types::SplitRemoveSubaccountBody {
            subaccount: self.subaccount.into_string(),
            share: self.share,
        };
        self.ps
            .send(self.ps.api().split_remove_subaccount(id, &body))
            .await
    }
}
