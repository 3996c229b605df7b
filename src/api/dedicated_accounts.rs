//! Dedicated virtual accounts: bank account numbers reserved for one customer, so that every
//! transfer into them is recorded as that customer's payment.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let providers = ps.dedicated_accounts().available_providers().send().await?;
//! let slug = providers.data[0].provider_slug.clone().unwrap_or_default();
//! let account = ps
//!     .dedicated_accounts()
//!     .create("CUS_q1w2e3r4t5y6u7i")
//!     .preferred_bank(slug)
//!     .send()
//!     .await?;
//! println!("pay into {}", account.data.account_number.unwrap_or_default());
//! # Ok(()) }
//! ```

use super::validate::{check_bvn, country_code};
use chrono::NaiveDate;

use super::codes::{CustomerCode, IdOrCode, SplitCode, SubaccountCode};
use super::error::{Result, ValidationError};
use super::validate::{self, to_i64};
use super::{Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::DedicatedAccountResponse => types::DedicatedAccount);
envelope!(types::DedicatedAccountListResponse => Vec<types::DedicatedAccount>, meta);
envelope!(types::DedicatedAccountAssignResponse => ());
envelope!(types::DedicatedAccountRequeryResponse => ());
envelope!(types::DedicatedAccountAvailableProvidersResponse => Vec<types::DedicatedAccountProvider>);

// The remove-split answer is documented with `status: "success"`; FlexBool reads that as true.
envelope!(types::DedicatedAccountRemoveSplitResponse => types::DedicatedAccount);

/// The Dedicated Virtual Account API (`/dedicated_account`).
#[derive(Debug, Clone, Copy)]
pub struct DedicatedAccounts<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Dedicated virtual accounts: create, assign, look up, deactivate, splits, providers.
    pub fn dedicated_accounts(&self) -> DedicatedAccounts<'_> {
        DedicatedAccounts { ps: self }
    }
}

impl<'a> DedicatedAccounts<'a> {
    /// Opens a dedicated account for an existing customer (`customer` is the customer's id or
    /// code). Some business categories must validate the customer first.
    pub fn create(
        &self,
        customer: impl Into<IdOrCode<CustomerCode>>,
    ) -> CreateDedicatedAccount<'a> {
        CreateDedicatedAccount::new(self.ps, customer.into())
    }

    /// Lists dedicated accounts with filters.
    pub fn list(&self) -> ListDedicatedAccounts<'a> {
        ListDedicatedAccounts::new(self.ps)
    }

    /// Creates a customer at `email`, validates them and opens a dedicated account, in one
    /// request; names, phone, preferred bank and country are required setters.
    /// The answer only says the work started; the account arrives by webhook
    /// (`dedicatedaccount.assign.success` or `.failed`).
    pub fn assign(&self, email: impl Into<String>) -> AssignDedicatedAccount<'a> {
        AssignDedicatedAccount::new(self.ps, email.into())
    }

    /// Fetches one dedicated account by numeric id.
    pub fn fetch(&self, id: u64) -> FetchDedicatedAccount<'a> {
        FetchDedicatedAccount::new(self.ps, id)
    }

    /// Unassigns a dedicated account from its customer.
    pub fn deactivate(&self, id: u64) -> DeactivateDedicatedAccount<'a> {
        DeactivateDedicatedAccount::new(self.ps, id)
    }

    /// Asks Paystack to look again for transfers into `account_number` that were not
    /// recorded (name its provider with the required `provider_slug` setter); any payment
    /// found comes by webhook.
    pub fn requery(&self, account_number: impl Into<String>) -> RequeryDedicatedAccount<'a> {
        RequeryDedicatedAccount::new(self.ps, account_number.into())
    }

    /// Shares future payments into `account_number` with a subaccount or a split; set one of
    /// [`AddDedicatedAccountSplit::subaccount`] or [`AddDedicatedAccountSplit::split_code`].
    pub fn add_split(&self, account_number: impl Into<String>) -> AddDedicatedAccountSplit<'a> {
        AddDedicatedAccountSplit::new(self.ps, account_number.into())
    }

    /// Stops sharing the payments into `account_number`.
    pub fn remove_split(&self, account_number: impl Into<String>) -> RemoveDedicatedAccountSplit<'a> {
        RemoveDedicatedAccountSplit::new(self.ps, account_number.into())
    }

    /// Lists the banks that can host dedicated accounts; pass a `provider_slug` as
    /// `preferred_bank` when creating one.
    pub fn available_providers(&self) -> ListDedicatedAccountProviders<'a> {
        ListDedicatedAccountProviders::new(self.ps)
    }
}
}

request! {
    /// Request for [`DedicatedAccounts::create`].
    CreateDedicatedAccount => dedicatedAccount_create -> types::DedicatedAccount {
        customer: IdOrCode<CustomerCode>,
    } {
        /// Provider slug of the bank to host the account.
        preferred_bank: String,
        /// Subaccount (`ACCT_…`) to share payments with.
        subaccount: SubaccountCode,
        /// Split (`SPL_…`) to share payments by.
        split_code: SplitCode,
        /// Given name, when the customer record has none.
        first_name: String,
        /// Family name, when the customer record has none.
        last_name: String,
        /// Phone number, when the customer record has none.
        phone: String,
    }
}

impl CreateDedicatedAccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::DedicatedAccount>> {
        self.customer.check("customer")?;
        validate::share_codes(self.subaccount.as_ref(), self.split_code.as_ref())?;
        let body = types::DedicatedAccountCreateBody {
            customer: self.customer.to_string(),
            preferred_bank: self.preferred_bank,
            subaccount: self.subaccount.map(String::from),
            split_code: self.split_code.map(String::from),
            first_name: self.first_name,
            last_name: self.last_name,
            phone: self.phone,
        };
        self.ps
            .send(self.ps.api().dedicated_account_create(&body))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::list`].
    ListDedicatedAccounts => dedicatedAccount_list -> Vec<types::DedicatedAccount> {} paged(page, cursor) {
        /// Only active (`true`) or only deactivated (`false`) accounts.
        active: bool,
        /// Only this customer's accounts (numeric customer id).
        customer: u64,
        /// Only accounts in this currency.
        currency: Currency,
        /// Only accounts hosted by this provider.
        provider_slug: String,
        /// Only accounts at this bank (bank id).
        bank_id: String,
    }
}

impl ListDedicatedAccounts<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::DedicatedAccount>>> {
        let currency = self.currency.as_ref().map(ToString::to_string);
        let customer = self.customer.map(|v| to_i64("customer", v)).transpose()?;
        self.ps
            .send(self.ps.api().dedicated_account_list(
                self.active,
                self.bank_id.as_deref(),
                currency.as_deref(),
                customer,
                self.next.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.previous.as_deref(),
                self.provider_slug.as_deref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::assign`].
    AssignDedicatedAccount => dedicatedAccount_assign -> () { email: String } {
        /// Given name (required).
        first_name: String,
        /// Family name (required).
        last_name: String,
        /// Phone number (required).
        phone: String,
        /// Provider slug of the bank to host the account, from
        /// [`DedicatedAccounts::available_providers`] (required).
        preferred_bank: String,
        /// Two-letter uppercase country code, such as `NG` (required).
        country: String,
        /// Bank account number used to validate the customer.
        account_number: String,
        /// The customer's BVN (11 digits), used to validate them.
        bvn: String,
        /// Bank code of `account_number`.
        bank_code: String,
        /// Subaccount (`ACCT_…`) to share payments with.
        subaccount: SubaccountCode,
        /// Split (`SPL_…`) to share payments by.
        split_code: SplitCode,
    }
}

impl AssignDedicatedAccount<'_> {
    /// Validates, sends and decodes. Success means the work started, not that an account exists.
    pub async fn send(self) -> Result<Response<()>> {
        validate::email(&self.email)?;
        let first_name = validate::required_text("first_name", self.first_name)?;
        let last_name = validate::required_text("last_name", self.last_name)?;
        let phone = validate::required_text("phone", self.phone)?;
        let preferred_bank = validate::required_text("preferred_bank", self.preferred_bank)?;
        let country = validate::required("country", self.country)?;
        country_code("country", &country)?;
        if let Some(bvn) = &self.bvn {
            check_bvn(bvn)?;
        }
        validate::share_codes(self.subaccount.as_ref(), self.split_code.as_ref())?;
        let body = types::DedicatedAccountAssignBody {
            email: self.email,
            first_name,
            last_name,
            phone,
            preferred_bank,
            country,
            account_number: self.account_number,
            bvn: self.bvn,
            bank_code: self.bank_code,
            subaccount: self.subaccount.map(String::from),
            split_code: self.split_code.map(String::from),
        };
        self.ps
            .send(self.ps.api().dedicated_account_assign(&body))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::fetch`].
    FetchDedicatedAccount => dedicatedAccount_fetch -> types::DedicatedAccount { id: u64 } {}
}

impl FetchDedicatedAccount<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::DedicatedAccount>> {
        let id = to_i64("id", self.id)?;
        self.ps
            .send(self.ps.api().dedicated_account_fetch(id))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::deactivate`].
    DeactivateDedicatedAccount => dedicatedAccount_deactivate -> types::DedicatedAccount { id: u64 } {}
}

impl DeactivateDedicatedAccount<'_> {
    /// Sends and decodes; the account comes back with `assigned` false.
    pub async fn send(self) -> Result<Response<types::DedicatedAccount>> {
        let id = to_i64("id", self.id)?;
        self.ps
            .send(self.ps.api().dedicated_account_deactivate(id))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::requery`].
    RequeryDedicatedAccount => dedicatedAccount_requery -> () { account_number: String } {
        /// Slug of the provider hosting the account (required).
        provider_slug: String,
        /// The day the missing transfer was made.
        date: NaiveDate,
    }
}

impl RequeryDedicatedAccount<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<()>> {
        validate::non_empty("account_number", &self.account_number)?;
        let provider_slug = validate::required_text("provider_slug", self.provider_slug)?;
        self.ps
            .send(self.ps.api().dedicated_account_requery(
                Some(&self.account_number),
                self.date.as_ref(),
                Some(&provider_slug),
            ))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::add_split`].
    AddDedicatedAccountSplit => dedicatedAccount_addSplit -> types::DedicatedAccount { account_number: String } {
        /// Subaccount (`ACCT_…`) to share payments with.
        subaccount: SubaccountCode,
        /// Split (`SPL_…`) to share payments by.
        split_code: SplitCode,
    }
}

impl AddDedicatedAccountSplit<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::DedicatedAccount>> {
        validate::non_empty("account_number", &self.account_number)?;
        if self.subaccount.is_none() && self.split_code.is_none() {
            return Err(ValidationError::Invalid {
                field: "split_code",
                reason: "set a subaccount or a split_code to share payments with".into(),
            }
            .into());
        }
        validate::share_codes(self.subaccount.as_ref(), self.split_code.as_ref())?;
        let body = types::DedicatedAccountAddSplitBody {
            account_number: self.account_number,
            subaccount: self.subaccount.map(String::from),
            split_code: self.split_code.map(String::from),
        };
        self.ps
            .send(self.ps.api().dedicated_account_add_split(&body))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::remove_split`].
    RemoveDedicatedAccountSplit => dedicatedAccount_removeSplit -> types::DedicatedAccount { account_number: String } {}
}

impl RemoveDedicatedAccountSplit<'_> {
    /// Validates, sends and decodes; the account comes back without a split.
    pub async fn send(self) -> Result<Response<types::DedicatedAccount>> {
        validate::non_empty("account_number", &self.account_number)?;
        let body = types::DedicatedAccountRemoveSplitBody {
            account_number: self.account_number,
        };
        self.ps
            .send(self.ps.api().dedicated_account_remove_split(&body))
            .await
    }
}

request! {
    /// Request for [`DedicatedAccounts::available_providers`].
    ListDedicatedAccountProviders => dedicatedAccount_availableProviders -> Vec<types::DedicatedAccountProvider> {} {}
}

impl ListDedicatedAccountProviders<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::DedicatedAccountProvider>>> {
        self.ps
            .send(self.ps.api().dedicated_account_available_providers())
            .await
    }
}
