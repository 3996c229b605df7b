//! Customers: create and look up the people who pay you, set their risk status, check their
//! identity, and manage their saved authorizations and direct-debit mandates.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let created = ps
//!     .customers()
//!     .create("ngozi@example.com")
//!     .first_name("Ngozi")
//!     .last_name("Eze")
//!     .send()
//!     .await?;
//! let code = created.data.customer_code.unwrap_or_default();
//! let full = ps.customers().fetch(code).send().await?;
//! println!("{} saved cards", full.data.authorizations.map_or(0, |a| a.len()));
//! # Ok(()) }
//! ```

use super::enums::{AuthorizationChannel, IdentificationType};
use super::validate::{check_account, check_address, check_bvn, country_code};

use super::codes::{AuthorizationCode, CustomerCode, EmailOrCode};
use super::error::Result;
use super::validate::{self, to_i64};
use super::{Paystack, Response, RiskAction};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::CustomerResponse => types::Customer);
envelope!(types::CustomerListResponse => Vec<types::Customer>, meta);
envelope!(types::CustomerValidateResponse => ());
envelope!(types::CustomerAuthorizationRedirectResponse => types::CustomerAuthorizationRedirect);
envelope!(types::CustomerAuthorizationVerifyResponse => types::CustomerAuthorizationStatus);
envelope!(types::CustomerDeactivateAuthorizationResponse => ());
envelope!(types::CustomerDirectDebitActivationChargeResponse => ());

/// The Customers API (`/customer`).
#[derive(Debug, Clone, Copy)]
pub struct Customers<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Customers: create, look up, risk status, identity checks, authorizations, mandates.
    pub fn customers(&self) -> Customers<'_> {
        Customers { ps: self }
    }
}

impl<'a> Customers<'a> {
    /// Creates a customer identified by `email`.
    pub fn create(&self, email: impl Into<String>) -> CreateCustomer<'a> {
        CreateCustomer::new(self.ps, email.into())
    }

    /// Lists customers, newest first.
    pub fn list(&self) -> ListCustomers<'a> {
        ListCustomers::new(self.ps)
    }

    /// Fetches a customer by email address or customer code, with their transactions,
    /// subscriptions, saved authorizations and dedicated accounts.
    pub fn fetch(&self, email_or_code: impl Into<EmailOrCode>) -> FetchCustomer<'a> {
        FetchCustomer::new(self.ps, email_or_code.into())
    }

    /// Changes a customer's names, phone number or metadata; `code` is the customer code.
    pub fn update(&self, code: impl Into<CustomerCode>) -> UpdateCustomer<'a> {
        UpdateCustomer::new(self.ps, code.into())
    }

    /// Sets how Paystack treats the customer's future payments (allow list, deny list, or
    /// neither). `customer` is a customer code or an email address.
    pub fn risk_action(
        &self,
        customer: impl Into<EmailOrCode>,
        action: RiskAction,
    ) -> SetRiskAction<'a> {
        SetRiskAction::new(self.ps, customer.into(), action)
    }

    /// Starts an identity check of the customer `code` against a bank account and BVN; the
    /// names, country, BVN, bank code and account number are required setters.
    /// The answer only says the check was queued: the outcome comes by webhook
    /// (`customeridentification.success` or `.failed`).
    pub fn validate(&self, code: impl Into<CustomerCode>) -> ValidateCustomer<'a> {
        ValidateCustomer::new(self.ps, code.into())
    }

    /// Starts a direct-debit mandate for the customer at `email`; send them to the returned
    /// `redirect_url` to approve it, then check with [`Customers::verify_authorization`].
    pub fn initialize_authorization(
        &self,
        email: impl Into<String>,
    ) -> InitializeAuthorization<'a> {
        InitializeAuthorization::new(self.ps, email.into())
    }

    /// Checks whether the mandate started under `reference` is approved and active.
    pub fn verify_authorization(&self, reference: impl Into<String>) -> VerifyAuthorization<'a> {
        VerifyAuthorization::new(self.ps, reference.into())
    }

    /// Turns off a saved authorization so it can no longer be charged.
    pub fn deactivate_authorization(
        &self,
        authorization_code: impl Into<AuthorizationCode>,
    ) -> DeactivateAuthorization<'a> {
        DeactivateAuthorization::new(self.ps, authorization_code.into())
    }

    /// Starts a direct-debit mandate on a known bank account for the customer with numeric id
    /// `customer_id`; the customer approves it at the returned `redirect_url`.
    pub fn initialize_direct_debit(
        &self,
        customer_id: u64,
        account: types::CustomerBankAccount,
        address: types::CustomerAddress,
    ) -> InitializeDirectDebit<'a> {
        InitializeDirectDebit::new(self.ps, customer_id, account, address)
    }

    /// Retries the small activation charge of a pending mandate held by the customer with
    /// numeric id `customer_id`; name the mandate with the required `authorization_id` setter.
    pub fn direct_debit_activation_charge(
        &self,
        customer_id: u64,
    ) -> TriggerCustomerActivationCharge<'a> {
        TriggerCustomerActivationCharge::new(self.ps, customer_id)
    }

    /// Lists the direct-debit mandates of the customer with numeric id `customer_id`.
    pub fn fetch_mandate_authorizations(&self, customer_id: u64) -> ListCustomerMandateAuthorizations<'a> {
        ListCustomerMandateAuthorizations::new(self.ps, customer_id)
    }
}
}

request! {
    /// Request for [`Customers::create`].
    CreateCustomer => customer_create -> types::Customer { email: String } {
        /// Given name.
        first_name: String,
        /// Family name.
        last_name: String,
        /// Phone number, ideally in international format.
        phone: String,
        /// Your own data about the customer.
        metadata: serde_json::Value,
    }
}

impl CreateCustomer<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Customer>> {
        validate::email(&self.email)?;
        let body = types::CustomerCreateBody {
            email: self.email,
            first_name: self.first_name,
            last_name: self.last_name,
            phone: self.phone,
            metadata: self.metadata,
        };
        self.ps.send(self.ps.api().customer_create(&body)).await
    }
}

request! {
    /// Request for [`Customers::list`].
    ListCustomers => customer_list -> Vec<types::Customer> {} paged(page, cursor, dated) {}
}

impl ListCustomers<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Customer>>> {
        self.ps
            .send(self.ps.api().customer_list(
                self.from.as_ref(),
                self.next.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.previous.as_deref(),
                self.to.as_ref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`Customers::fetch`].
    FetchCustomer => customer_fetch -> types::Customer { email_or_code: EmailOrCode } {}
}

impl FetchCustomer<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Customer>> {
        self.email_or_code.check("email_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .customer_fetch(&self.email_or_code.to_string()),
            )
            .await
    }
}

request! {
    /// Request for [`Customers::update`].
    UpdateCustomer => customer_update -> types::Customer { code: CustomerCode } {
        /// New given name.
        first_name: String,
        /// New family name.
        last_name: String,
        /// New phone number.
        phone: String,
        /// Replacement for your own data about the customer.
        metadata: serde_json::Value,
    }
}

impl UpdateCustomer<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Customer>> {
        self.code.check("code")?;
        let body = types::CustomerUpdateBody {
            first_name: self.first_name,
            last_name: self.last_name,
            phone: self.phone,
            metadata: self.metadata,
        };
        self.ps
            .send(self.ps.api().customer_update(self.code.as_str(), &body))
            .await
    }
}

request! {
    /// Request for [`Customers::risk_action`].
    SetRiskAction => customer_riskAction -> types::Customer {
        customer: EmailOrCode,
        action: RiskAction,
    } {}
}

impl SetRiskAction<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Customer>> {
        self.customer.check("customer")?;
        let body = types::CustomerRiskActionBody {
            customer: self.customer.to_string(),
            risk_action: Some(self.action),
        };
        self.ps
            .send(self.ps.api().customer_risk_action(&body))
            .await
    }
}

request! {
    /// Request for [`Customers::validate`].
    ValidateCustomer => customer_validate -> () { code: CustomerCode } {
        /// Given name, as the bank holds it (required).
        first_name: String,
        /// Family name, as the bank holds it (required).
        last_name: String,
        /// Two-letter uppercase country code, such as `NG` (required).
        country: String,
        /// The customer's 11-digit Bank Verification Number (required).
        bvn: String,
        /// The bank's code, from the banks list (required).
        bank_code: String,
        /// The account number checked (required).
        account_number: String,
        /// Middle name, when the bank holds one.
        middle_name: String,
        /// Kind of check; [`IdentificationType::BankAccount`] when unset.
        identification_type: IdentificationType,
        /// The identifier checked, for check kinds that take one.
        value: String,
    }
}

impl ValidateCustomer<'_> {
    /// Validates, sends and decodes. Success means the check was queued, not passed.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        let first_name = validate::required_text("first_name", self.first_name)?;
        let last_name = validate::required_text("last_name", self.last_name)?;
        let country = validate::required("country", self.country)?;
        country_code("country", &country)?;
        let bvn = validate::required("bvn", self.bvn)?;
        check_bvn(&bvn)?;
        let bank_code = validate::required_text("bank_code", self.bank_code)?;
        let account_number = validate::required_text("account_number", self.account_number)?;
        let body = types::CustomerValidateBody {
            first_name,
            middle_name: self.middle_name,
            last_name,
            type_: self
                .identification_type
                .unwrap_or(IdentificationType::BankAccount),
            value: self.value,
            country,
            bvn,
            bank_code,
            account_number,
        };
        self.ps
            .send(self.ps.api().customer_validate(self.code.as_str(), &body))
            .await
    }
}

request! {
    /// Request for [`Customers::initialize_authorization`].
    InitializeAuthorization => customer_initializeAuthorization -> types::CustomerAuthorizationRedirect { email: String } {
        /// Kind of authorization; [`AuthorizationChannel::DirectDebit`] when unset.
        channel: AuthorizationChannel,
        /// Where to send the customer after approving, instead of the dashboard setting.
        callback_url: String,
        /// The bank account to draw from; without it the customer picks one.
        account: types::CustomerBankAccount,
        /// The account holder's address.
        address: types::CustomerAddress,
    }
}

impl InitializeAuthorization<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::CustomerAuthorizationRedirect>> {
        validate::email(&self.email)?;
        if let Some(account) = &self.account {
            check_account(account)?;
        }
        if let Some(address) = &self.address {
            check_address(address)?;
        }
        let body = types::CustomerInitializeAuthorizationBody {
            email: self.email,
            channel: self.channel.unwrap_or(AuthorizationChannel::DirectDebit),
            callback_url: self.callback_url,
            account: self.account,
            address: self.address,
        };
        self.ps
            .send(self.ps.api().customer_initialize_authorization(&body))
            .await
    }
}

request! {
    /// Request for [`Customers::verify_authorization`].
    VerifyAuthorization => customer_verifyAuthorization -> types::CustomerAuthorizationStatus { reference: String } {}
}

impl VerifyAuthorization<'_> {
    /// Validates, sends and decodes. Read `data.active` before charging.
    pub async fn send(self) -> Result<Response<types::CustomerAuthorizationStatus>> {
        validate::non_empty("reference", &self.reference)?;
        self.ps
            .send(self.ps.api().customer_verify_authorization(&self.reference))
            .await
    }
}

request! {
    /// Request for [`Customers::deactivate_authorization`].
    DeactivateAuthorization => customer_deactivateAuthorization -> () { authorization_code: AuthorizationCode } {}
}

impl DeactivateAuthorization<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<()>> {
        self.authorization_code.check("authorization_code")?;
        let body = types::CustomerDeactivateAuthorizationBody {
            authorization_code: self.authorization_code.into_string(),
        };
        self.ps
            .send(self.ps.api().customer_deactivate_authorization(&body))
            .await
    }
}

request! {
    /// Request for [`Customers::initialize_direct_debit`].
    InitializeDirectDebit => customer_initializeDirectDebit -> types::CustomerAuthorizationRedirect {
        customer_id: u64,
        account: types::CustomerBankAccount,
        address: types::CustomerAddress,
    } {}
}

impl InitializeDirectDebit<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::CustomerAuthorizationRedirect>> {
        let id = to_i64("customer_id", self.customer_id)?;
        check_account(&self.account)?;
        check_address(&self.address)?;
        let body = types::CustomerInitializeDirectDebitBody {
            account: self.account,
            address: self.address,
        };
        self.ps
            .send(self.ps.api().customer_initialize_direct_debit(id, &body))
            .await
    }
}

request! {
    /// Request for [`Customers::direct_debit_activation_charge`].
    TriggerCustomerActivationCharge => customer_directDebitActivationCharge -> () {
        customer_id: u64,
    } {
        /// The numeric id of the pending mandate to charge (required).
        authorization_id: u64,
    }
}

impl TriggerCustomerActivationCharge<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<()>> {
        let id = to_i64("customer_id", self.customer_id)?;
        let body = types::CustomerDirectDebitActivationChargeBody {
            authorization_id: to_i64(
                "authorization_id",
                validate::required("authorization_id", self.authorization_id)?,
            )?,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .customer_direct_debit_activation_charge(id, &body),
            )
            .await
    }
}

request! {
    /// Request for [`Customers::fetch_mandate_authorizations`].
    ListCustomerMandateAuthorizations => customer_fetchMandateAuthorizations -> Vec<types::DirectDebitMandateAuthorization> { customer_id: u64 } {}
}

impl ListCustomerMandateAuthorizations<'_> {
    /// Validates, sends and decodes. `meta.next` carries the cursor when there is more.
    pub async fn send(self) -> Result<Response<Vec<types::DirectDebitMandateAuthorization>>> {
        let id = to_i64("customer_id", self.customer_id)?;
        self.ps
            .send(self.ps.api().customer_fetch_mandate_authorizations(id))
            .await
    }
}
