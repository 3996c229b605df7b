//! Subaccounts: partner or vendor bank accounts that receive part of each payment.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let sub = ps
//!     .subaccounts()
//!     .create("Kobo Crafts Ltd")
//!     .settlement_bank("044")
//!     .account_number("0987654321")
//!     .percentage_charge(12.5)
//!     .primary_contact_email("owner@kobocrafts.example")
//!     .send()
//!     .await?;
//! println!("split payments with {:?}", sub.data.subaccount_code);
//! # Ok(()) }
//! ```

use super::codes::{IdOrCode, SubaccountCode};
use super::error::Result;
use super::validate;
use super::validate::check_percentage;
use super::{Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::SubaccountResponse => types::Subaccount);
envelope!(types::SubaccountListResponse => Vec<types::Subaccount>, meta);

/// The Subaccounts API (`/subaccount`).
#[derive(Debug, Clone, Copy)]
pub struct Subaccounts<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Subaccounts: create, list, fetch and update.
    pub fn subaccounts(&self) -> Subaccounts<'_> {
        Subaccounts { ps: self }
    }
}

impl<'a> Subaccounts<'a> {
    /// Creates a subaccount for `business_name`. Set where it settles
    /// ([`settlement_bank`](CreateSubaccount::settlement_bank) and
    /// [`account_number`](CreateSubaccount::account_number)) and the
    /// [`percentage_charge`](CreateSubaccount::percentage_charge) the main account keeps;
    /// `send()` refuses the request without them.
    pub fn create(&self, business_name: impl Into<String>) -> CreateSubaccount<'a> {
        CreateSubaccount::new(self.ps, business_name.into())
    }

    /// Lists subaccounts.
    pub fn list(&self) -> ListSubaccounts<'a> {
        ListSubaccounts::new(self.ps)
    }

    /// Fetches one subaccount by numeric id or code (`ACCT_…`).
    pub fn fetch(&self, id_or_code: impl Into<IdOrCode<SubaccountCode>>) -> FetchSubaccount<'a> {
        FetchSubaccount::new(self.ps, id_or_code.into())
    }

    /// Changes a subaccount, found by id or code. Only the fields set are sent.
    pub fn update(
        &self,
        id_or_code: impl Into<IdOrCode<SubaccountCode>>,
    ) -> UpdateSubaccount<'a> {
        UpdateSubaccount::new(self.ps, id_or_code.into())
    }
}
}

request! {
    /// Request for [`Subaccounts::create`].
    CreateSubaccount => subaccount_create -> types::Subaccount {
        business_name: String,
    } {
        /// Code of the bank the subaccount settles into, from
        /// [`Banks::list`](super::banks::Banks::list) (required).
        settlement_bank: String,
        /// The account number it settles into (required).
        account_number: String,
        /// The percentage of each payment the main account keeps, 0 to 100, fractions
        /// allowed (required).
        percentage_charge: f64,
        /// What the subaccount is for.
        description: String,
        /// Email of the subaccount's contact person.
        primary_contact_email: String,
        /// Name of the subaccount's contact person.
        primary_contact_name: String,
        /// Phone number of the subaccount's contact person.
        primary_contact_phone: String,
        /// Your own data, kept with the subaccount.
        metadata: serde_json::Value,
    }
}

impl CreateSubaccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Subaccount>> {
        validate::non_empty("business_name", &self.business_name)?;
        let settlement_bank = self.settlement_bank.unwrap_or_default();
        validate::non_empty("settlement_bank", &settlement_bank)?;
        let account_number = self.account_number.unwrap_or_default();
        validate::non_empty("account_number", &account_number)?;
        let percentage_charge = self
            .percentage_charge
            .ok_or(ValidationError::Empty("percentage_charge"))?;
        check_percentage(percentage_charge)?;
        if let Some(email) = &self.primary_contact_email {
            validate::email(email)?;
        }
        let body = types::SubaccountCreateBody {
            business_name: self.business_name,
            settlement_bank,
            account_number,
            percentage_charge,
            description: self.description,
            primary_contact_email: self.primary_contact_email,
            primary_contact_name: self.primary_contact_name,
            primary_contact_phone: self.primary_contact_phone,
            metadata: self.metadata,
        };
        self.ps.send(self.ps.api().subaccount_create(&body)).await
    }
}

request! {
    /// Request for [`Subaccounts::list`].
    ListSubaccounts => subaccount_list -> Vec<types::Subaccount> {} paged(page, dated) {
        /// Only active (`true`) or inactive (`false`) subaccounts.
        active: bool,
    }
}

impl ListSubaccounts<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Subaccount>>> {
        self.ps
            .send(self.ps.api().subaccount_list(
                self.active,
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Subaccounts::fetch`].
    FetchSubaccount => subaccount_fetch -> types::Subaccount {
        id_or_code: IdOrCode<SubaccountCode>,
    } {}
}

impl FetchSubaccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Subaccount>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(self.ps.api().subaccount_fetch(&self.id_or_code.to_string()))
            .await
    }
}

request! {
    /// Request for [`Subaccounts::update`].
    UpdateSubaccount => subaccount_update -> types::Subaccount {
        id_or_code: IdOrCode<SubaccountCode>,
    } {
        /// New business name.
        business_name: String,
        /// New settlement bank code.
        settlement_bank: String,
        /// New settlement account number.
        account_number: String,
        /// Switch the subaccount on or off.
        active: bool,
        /// New percentage kept by the main account (0 to 100).
        percentage_charge: f64,
        /// New description.
        description: String,
        /// New contact email.
        primary_contact_email: String,
        /// New contact name.
        primary_contact_name: String,
        /// New contact phone number.
        primary_contact_phone: String,
        /// When the subaccount is paid out: `auto`, `weekly`, `monthly` or `manual`.
        settlement_schedule: String,
        /// Your own data, kept with the subaccount.
        metadata: serde_json::Value,
    }
}

impl UpdateSubaccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Subaccount>> {
        self.id_or_code.check("id_or_code")?;
        if let Some(p) = self.percentage_charge {
            check_percentage(p)?;
        }
        if let Some(email) = &self.primary_contact_email {
            validate::email(email)?;
        }
        for (field, value) in [
            ("business_name", &self.business_name),
            ("settlement_bank", &self.settlement_bank),
            ("account_number", &self.account_number),
        ] {
            if let Some(v) = value {
                validate::non_empty(field, v)?;
            }
        }
        let body = types::SubaccountUpdateBody {
            business_name: self.business_name,
            settlement_bank: self.settlement_bank,
            account_number: self.account_number,
            active: self.active,
            percentage_charge: self.percentage_charge,
            description: self.description,
            primary_contact_email: self.primary_contact_email,
            primary_contact_name: self.primary_contact_name,
            primary_contact_phone: self.primary_contact_phone,
            settlement_schedule: self.settlement_schedule,
            metadata: self.metadata,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .subaccount_update(&self.id_or_code.to_string(), &body),
            )
            .await
    }
}
