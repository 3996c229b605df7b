//! Charge: take a payment from the server on a chosen channel, answering each step Paystack
//! asks for until the charge settles.
//!
//! A charge answers with `data.status`: `success` or `failed` when done, otherwise the next
//! step (`send_pin`, `send_otp`, `send_phone`, `send_birthday`, `send_address`, `open_url`,
//! `pay_offline`...). Answer with the matching `submit_*` call, and use
//! [`Charges::check`] when a call timed out or the charge stays `pending`.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::TransactionStatus, types};
//! let charge = ps
//!     .charges()
//!     .create("kemi@example.com", Amount::from_subunits(75_000)?)
//!     .bank(types::ChargeBankAccount {
//!         code: Some("057".into()),
//!         account_number: Some("0000000000".into()),
//!     })
//!     .reference("shoe-order-77")
//!     .send()
//!     .await?;
//! if charge.data.status == Some(TransactionStatus::SendOtp) {
//!     ps.charges().submit_otp("shoe-order-77", "123456").send().await?;
//! }
//! # Ok(()) }
//! ```

use super::validate::check_digits;
use chrono::NaiveDate;

use super::codes::AuthorizationCode;
use super::error::{Result, ValidationError};
use super::recover::{self, Recovery};
use super::validate::{self, check_transaction_amount};
use super::{Amount, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::ChargeResponse => types::Charge);

/// The Charge API (`/charge`).
#[derive(Debug, Clone, Copy)]
pub struct Charges<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Server-side charges on cards, bank accounts, USSD, mobile money, QR and more.
    pub fn charges(&self) -> Charges<'_> {
        Charges { ps: self }
    }
}

impl<'a> Charges<'a> {
    /// Starts a charge of `amount` for the customer at `email`. Pick the channel with one of
    /// the setters (an authorization code, a bank account, a wallet, a USSD bank...).
    pub fn create(&self, email: impl Into<String>, amount: Amount) -> CreateCharge<'a> {
        CreateCharge::new(self.ps, email.into(), amount)
    }

    /// Answers a `send_pin` step with the card's PIN.
    pub fn submit_pin(
        &self,
        reference: impl Into<String>,
        pin: impl Into<String>,
    ) -> SubmitPin<'a> {
        SubmitPin::new(self.ps, reference.into(), pin.into())
    }

    /// Answers a `send_otp` step with the one-time code the customer received.
    pub fn submit_otp(
        &self,
        reference: impl Into<String>,
        otp: impl Into<String>,
    ) -> SubmitOtp<'a> {
        SubmitOtp::new(self.ps, reference.into(), otp.into())
    }

    /// Answers a `send_phone` step with the customer's phone number.
    pub fn submit_phone(
        &self,
        reference: impl Into<String>,
        phone: impl Into<String>,
    ) -> SubmitPhone<'a> {
        SubmitPhone::new(self.ps, reference.into(), phone.into())
    }

    /// Answers a `send_birthday` step with the customer's date of birth.
    pub fn submit_birthday(
        &self,
        reference: impl Into<String>,
        birthday: NaiveDate,
    ) -> SubmitBirthday<'a> {
        SubmitBirthday::new(self.ps, reference.into(), birthday)
    }

    /// Answers a `send_address` step with the card holder's billing address: its four
    /// setters (`address`, `city`, `state`, `zip_code`) are required.
    pub fn submit_address(&self, reference: impl Into<String>) -> SubmitAddress<'a> {
        SubmitAddress::new(self.ps, reference.into())
    }

    /// Asks where a charge stands, by its reference: for a charge left `pending` or whose
    /// answer never arrived.
    pub fn check(&self, reference: impl Into<String>) -> CheckPendingCharge<'a> {
        CheckPendingCharge::new(self.ps, reference.into())
    }
}
}

request! {
    /// Request for [`Charges::create`].
    CreateCharge => charge_create -> types::Charge {
        email: String,
        amount: Amount,
    } {
        /// Currency to charge in; also selects the minimum amount checked before sending.
        currency: Currency,
        /// Charge this reusable authorization (`AUTH_…`) from an earlier payment.
        authorization_code: AuthorizationCode,
        /// The card's PIN, when charging a card that needs one.
        pin: String,
        /// Your unique reference (letters, digits, `-`, `.`, `=`). Paystack makes one if unset.
        reference: String,
        /// The customer's date of birth, when the bank asks for it up front.
        birthday: NaiveDate,
        /// An id for the customer's device (letters, digits, `-`, `.`, `=`).
        device_id: String,
        /// Your own data, returned with the transaction and in webhooks.
        metadata: serde_json::Value,
        /// Debit this bank account: its bank `code` and `account_number` are both required.
        bank: types::ChargeBankAccount,
        /// Pay by transfer into a temporary account.
        bank_transfer: types::ChargeBankTransfer,
        /// Charge this mobile money wallet (see also [`CreateCharge::mobile_money_wallet`]).
        mobile_money: types::ChargeMobileMoney,
        /// Charge through this bank's USSD code (see also [`CreateCharge::ussd_bank`]).
        ussd: types::ChargeUssd,
        /// Pay by scanning a QR code from this provider.
        qr: types::ChargeProvider,
        /// Pay by electronic funds transfer through this provider.
        eft: types::ChargeProvider,
    }
}

impl CreateCharge<'_> {
    /// Charges the mobile money wallet on `phone` run by `provider` (such as `mtn`).
    pub fn mobile_money_wallet(
        self,
        phone: impl Into<String>,
        provider: impl Into<String>,
    ) -> Self {
        self.mobile_money(types::ChargeMobileMoney {
            phone: Some(phone.into()),
            provider: Some(provider.into()),
        })
    }

    /// Charges through the USSD short code of a bank (such as `737`).
    pub fn ussd_bank(self, code: impl Into<String>) -> Self {
        self.ussd(types::ChargeUssd {
            type_: Some(code.into()),
        })
    }

    /// Validates, sends and decodes. `data.status` says whether more is needed.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::email(&self.email)?;
        check_transaction_amount(self.amount, self.currency.as_ref())?;
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        if let Some(code) = &self.authorization_code {
            code.check("authorization_code")?;
        }
        if let Some(pin) = &self.pin {
            check_digits("pin", pin)?;
        }
        if let Some(device) = &self.device_id {
            if validate::transaction_reference(device).is_err() {
                return Err(ValidationError::Invalid {
                    field: "device_id",
                    reason: "only letters, digits, '-', '.' and '=' are allowed".into(),
                }
                .into());
            }
        }
        if let Some(bank) = &self.bank {
            validate::non_empty("bank.code", bank.code.as_deref().unwrap_or_default())?;
            validate::non_empty(
                "bank.account_number",
                bank.account_number.as_deref().unwrap_or_default(),
            )?;
        }
        if let Some(wallet) = &self.mobile_money {
            validate::non_empty(
                "mobile_money.phone",
                wallet.phone.as_deref().unwrap_or_default(),
            )?;
            validate::non_empty(
                "mobile_money.provider",
                wallet.provider.as_deref().unwrap_or_default(),
            )?;
        }
        if let Some(ussd) = &self.ussd {
            validate::non_empty("ussd.type", ussd.type_.as_deref().unwrap_or_default())?;
        }
        let body = types::ChargeCreateBody {
            email: self.email,
            amount: self.amount,
            currency: self.currency,
            authorization_code: self.authorization_code.map(String::from),
            pin: self.pin,
            reference: self.reference,
            birthday: self.birthday,
            device_id: self.device_id,
            metadata: self.metadata,
            bank: self.bank,
            bank_transfer: self.bank_transfer,
            mobile_money: self.mobile_money,
            ussd: self.ussd,
            qr: self.qr,
            eft: self.eft,
        };
        self.ps.send(self.ps.api().charge_create(&body)).await
    }
}

request! {
    /// Request for [`Charges::submit_pin`].
    SubmitPin => charge_submitPin -> types::Charge { reference: String, pin: String } {}
}

impl SubmitPin<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        check_digits("pin", &self.pin)?;
        let body = types::ChargeSubmitPinBody {
            pin: self.pin,
            reference: self.reference,
        };
        self.ps.send(self.ps.api().charge_submit_pin(&body)).await
    }
}

request! {
    /// Request for [`Charges::submit_otp`].
    SubmitOtp => charge_submitOtp -> types::Charge { reference: String, otp: String } {}
}

impl SubmitOtp<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        validate::non_empty("otp", &self.otp)?;
        let body = types::ChargeSubmitOtpBody {
            otp: self.otp,
            reference: self.reference,
        };
        self.ps.send(self.ps.api().charge_submit_otp(&body)).await
    }
}

request! {
    /// Request for [`Charges::submit_phone`].
    SubmitPhone => charge_submitPhone -> types::Charge { reference: String, phone: String } {}
}

impl SubmitPhone<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        validate::non_empty("phone", &self.phone)?;
        let body = types::ChargeSubmitPhoneBody {
            phone: self.phone,
            reference: self.reference,
        };
        self.ps.send(self.ps.api().charge_submit_phone(&body)).await
    }
}

request! {
    /// Request for [`Charges::submit_birthday`].
    SubmitBirthday => charge_submitBirthday -> types::Charge { reference: String, birthday: NaiveDate } {}
}

impl SubmitBirthday<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        let body = types::ChargeSubmitBirthdayBody {
            birthday: self.birthday,
            reference: self.reference,
        };
        self.ps
            .send(self.ps.api().charge_submit_birthday(&body))
            .await
    }
}

request! {
    /// Request for [`Charges::submit_address`].
    SubmitAddress => charge_submitAddress -> types::Charge { reference: String } {
        /// Street address (required).
        address: String,
        /// City (required).
        city: String,
        /// State or region (required).
        state: String,
        /// Postal code (required).
        zip_code: String,
    }
}

impl SubmitAddress<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        let body = types::ChargeSubmitAddressBody {
            address: validate::required_text("address", self.address)?,
            city: validate::required_text("city", self.city)?,
            state: validate::required_text("state", self.state)?,
            zip_code: validate::required_text("zip_code", self.zip_code)?,
            reference: self.reference,
        };
        self.ps
            .send(self.ps.api().charge_submit_address(&body))
            .await
    }
}

request! {
    /// Request for [`Charges::check`].
    CheckPendingCharge => charge_check -> types::Charge { reference: String } {}
}

impl CheckPendingCharge<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Charge>> {
        validate::transaction_reference(&self.reference)?;
        self.ps
            .send(self.ps.api().charge_check(&self.reference))
            .await
    }
}

impl CreateCharge<'_> {
    /// Sends as [`CreateCharge::send`] does; after an unknown outcome, when you set a
    /// [`reference`](CreateCharge::reference), it checks the charge by that reference and returns
    /// what Paystack holds, so the customer is charged once.
    pub async fn send_or_recover(self) -> Result<Recovery<types::Charge>> {
        let ps = self.ps;
        let sent = recover::Sent {
            operation: Self::OPERATION_ID,
            reference: self.reference.clone().unwrap_or_default(),
            amount: Some(self.amount),
            currency: self.currency.clone(),
            authorization: self.authorization_code.as_ref().map(|a| a.to_string()),
            ..recover::Sent::default()
        };
        let again = self.clone();
        recover::send_or_recover(
            self.send(),
            || {
                ps.charges()
                    .check(sent.reference.clone())
                    .with_options(ps.opts)
                    .send()
            },
            |found| sent.check(found),
            || again.send(),
        )
        .await
    }
}
