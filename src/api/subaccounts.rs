//! Subaccounts: partner or vendor bank accounts that receive part of each payment.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let sub = ps
//!     .subaccounts()
//!     .create("Kobo Crafts Ltd", "044", "0987654321", 12.5)
//!     .primary_contact_email("owner@kobocrafts.example")
//!     .send()
//!     .await?;
//! println!("split payments with {:?}", sub.data.subaccount_code);
//! # Ok(()) }
//! ```

use super::error::Result;
use super::validate;
use super::validate::check_percentage;
use super::{Paystack, Response};
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
    /// Creates a subaccount that settles into `account_number` at the bank with code
    /// `settlement_bank`. `percentage_charge` is the percentage of each payment that the main
    /// account keeps (0 to 100, fractions allowed).
    pub fn create(
        &self,
        business_name: impl Into<String>,
        settlement_bank: impl Into<String>,
        account_number: impl Into<String>,
        percentage_charge: f64,
    ) -> CreateSubaccount<'a> {
        CreateSubaccount::new(
            self.ps,
            business_name.into(),
            settlement_bank.into(),
            account_number.into(),
            percentage_charge,
        )
    }

    /// Lists subaccounts.
    pub fn list(&self) -> ListSubaccounts<'a> {
        ListSubaccounts::new(self.ps)
    }

    /// Fetches one subaccount by numeric id or code (`ACCT_…`).
    pub fn fetch(&self, id_or_code: impl Into<String>) -> FetchSubaccount<'a> {
        FetchSubaccount::new(self.ps, id_or_code.into())
    }

    /// Changes a subaccount, found by id or code. Only the fields set are sent.
    pub fn update(&self, id_or_code: impl Into<String>) -> UpdateSubaccount<'a> {
        UpdateSubaccount::new(self.ps, id_or_code.into())
    }
}
}

request! {
    /// Request for [`Subaccounts::create`].
    CreateSubaccount => subaccount_create -> types::Subaccount {
        business_name: String,
        settlement_bank: String,
        account_number: String,
        percentage_charge: f64,
    } {
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
        validate::non_empty("settlement_bank", &self.settlement_bank)?;
        validate::non_empty("account_number", &self.account_number)?;
        check_percentage(self.percentage_charge)?;
        if let Some(email) = &self.primary_contact_email {
            validate::email(email)?;
        }
        let body = types::SubaccountCreateBody {
            business_name: self.business_name,
            settlement_bank: self.settlement_bank,
            account_number: self.account_number,
            percentage_charge: self.percentage_charge,
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
    FetchSubaccount => subaccount_fetch -> types::Subaccount { id_or_code: String } {}
}

impl FetchSubaccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Subaccount>> {
        validate::non_empty("id_or_code", &self.id_or_code)?;
        self.ps
            .send(self.ps.api().subaccount_fetch(&self.id_or_code))
            .await
    }
}

request! {
    /// Request for [`Subaccounts::update`].
    UpdateSubaccount => subaccount_update -> types::Subaccount { id_or_code: String } {
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
        validate::non_empty("id_or_code", &self.id_or_code)?;
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
            .send(self.ps.api().subaccount_update(&self.id_or_code, &body))
            .await
    }
}
