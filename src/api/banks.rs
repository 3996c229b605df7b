//! Banks: list the banks and wallets Paystack works with, and check account numbers.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::enums::BankCountry;
//! let banks = ps.banks().list().country(BankCountry::Nigeria).send().await?;
//! let code = banks.data[0].code.clone().unwrap_or_default();
//! let account = ps
//!     .banks()
//!     .resolve_account_number("0731148290")
//!     .bank_code(code)
//!     .send()
//!     .await?;
//! println!("{:?}", account.data.account_name);
//! # Ok(()) }
//! ```

use super::enums::{BankCountry, BankGateway, BankType};
use super::error::{Result, ValidationError};
use super::validate;
use super::{Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::BankListResponse => Vec<types::Bank>, meta);
envelope!(types::BankResolveResponse => types::BankAccountResolution);
envelope!(types::BankValidateResponse => types::BankAccountValidation);

/// The Banks API (`/bank`).
#[derive(Debug, Clone, Copy)]
pub struct Banks<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Banks: list them, resolve and validate account numbers.
    pub fn banks(&self) -> Banks<'_> {
        Banks { ps: self }
    }
}

impl<'a> Banks<'a> {
    /// Lists banks and wallet providers, with filters.
    pub fn list(&self) -> ListBanks<'a> {
        ListBanks::new(self.ps)
    }

    /// Looks up the name on an account, to confirm it before paying it. Set the bank with
    /// [`ResolveAccountNumber::bank_code`] (required).
    pub fn resolve_account_number(
        &self,
        account_number: impl Into<String>,
    ) -> ResolveAccountNumber<'a> {
        ResolveAccountNumber::new(self.ps, account_number.into())
    }

    /// Asks the bank to confirm an account's holder and standing (South African accounts).
    /// Every setter but `document_number` is required and checked before sending.
    pub fn validate_account_number(
        &self,
        account_number: impl Into<String>,
    ) -> ValidateAccountNumber<'a> {
        ValidateAccountNumber::new(self.ps, account_number.into())
    }
}
}

request! {
    /// Request for [`Banks::list`].
    ListBanks => bank_list -> Vec<types::Bank> {} paged(page, cursor) {
        /// Only banks in this country.
        country: BankCountry,
        /// Only banks in this currency.
        currency: Currency,
        /// Only banks that can issue accounts for pay-with-transfer.
        pay_with_bank_transfer: bool,
        /// Only banks customers can pay with directly.
        pay_with_bank: bool,
        /// Only banks that support account validation (South Africa; combine with a
        /// country or currency).
        enabled_for_verification: bool,
        /// Only banks on this direct-debit gateway.
        gateway: BankGateway,
        /// Only entries of this kind (the API's `type` filter).
        bank_type: BankType,
        /// Include each Nigerian bank's NIP institution code (`nip_sort_code`).
        include_nip_sort_code: bool,
    }
}

impl ListBanks<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::Bank>>> {
        let country = self.country.as_ref().map(ToString::to_string);
        let currency = self.currency.as_ref().map(ToString::to_string);
        let gateway = self.gateway.as_ref().map(ToString::to_string);
        let bank_type = self.bank_type.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().bank_list(
                country.as_deref(),
                currency.as_deref(),
                self.enabled_for_verification,
                gateway.as_deref(),
                self.include_nip_sort_code,
                self.next.as_deref(),
                self.page.map(i64::from),
                self.pay_with_bank,
                self.pay_with_bank_transfer,
                self.per_page.map(i64::from),
                self.previous.as_deref(),
                bank_type.as_deref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`Banks::resolve_account_number`].
    ResolveAccountNumber => bank_resolveAccountNumber -> types::BankAccountResolution {
        account_number: String,
    } {
        /// The bank's code, from [`Banks::list`] (required).
        bank_code: String,
    }
}

impl ResolveAccountNumber<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::BankAccountResolution>> {
        validate::non_empty("account_number", &self.account_number)?;
        let bank_code = validate::required_text("bank_code", self.bank_code)?;
        self.ps
            .send(
                self.ps
                    .api()
                    .bank_resolve_account_number(&self.account_number, &bank_code),
            )
            .await
    }
}

request! {
    /// Request for [`Banks::validate_account_number`].
    ValidateAccountNumber => bank_validateAccountNumber -> types::BankAccountValidation {
        account_number: String,
    } {
        /// The name on the account (required).
        account_name: String,
        /// Personal or business account (required).
        account_type: types::BankAccountType,
        /// The bank's code, from [`Banks::list`] (required).
        bank_code: String,
        /// The two-letter ISO country code, such as `ZA` (required).
        country_code: String,
        /// The kind of identity document behind the account (required).
        document_type: types::BankDocumentType,
        /// The number on the identity document.
        document_number: String,
    }
}

impl ValidateAccountNumber<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::BankAccountValidation>> {
        let account_name = validate::required_text("account_name", self.account_name)?;
        validate::non_empty("account_number", &self.account_number)?;
        let account_type = validate::required("account_type", self.account_type)?;
        let bank_code = validate::required_text("bank_code", self.bank_code)?;
        let country_code = validate::required("country_code", self.country_code)?;
        if country_code.len() != 2 || !country_code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ValidationError::Invalid {
                field: "country_code",
                reason: format!("{country_code:?} is not a two-letter country code"),
            }
            .into());
        }
        let document_type = validate::required("document_type", self.document_type)?;
        if let Some(number) = &self.document_number {
            validate::non_empty("document_number", number)?;
        }
        let body = types::BankValidateAccountNumberBody {
            account_name,
            account_number: self.account_number,
            account_type,
            bank_code,
            country_code,
            document_type,
            document_number: self.document_number,
        };
        self.ps
            .send(self.ps.api().bank_validate_account_number(&body))
            .await
    }
}
