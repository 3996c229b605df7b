//! Card preauthorization (South Africa, ZAR): hold an amount on a card, then capture up to it
//! or release it. Paystack documents these operations outside its published spec.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{enums::Currency, Amount};
//! let hold = ps
//!     .preauthorizations()
//!     .reserve("AUTH_k3j5h7g9f1", "sipho@example.com", Amount::from_major("350.00")?)
//!     .currency(Currency::ZAR)
//!     .reference("ride-20931")
//!     .send()
//!     .await?;
//! println!("hold is {:?}", hold.data.status);
//! // Later, charge what the ride cost; the rest of the hold is let go.
//! let paid = ps
//!     .preauthorizations()
//!     .capture("ride-20931", Amount::from_major("287.50")?)
//!     .send()
//!     .await?;
//! println!("paid: {:?}", paid.data.status);
//! # Ok(()) }
//! ```

use super::codes::AuthorizationCode;
use super::error::{Result, ValidationError};
use super::validate;
use super::{Amount, Bearer, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::PreauthorizationInitializeResponse => types::PreauthorizationCheckout);
envelope!(types::PreauthorizationResponse => types::Preauthorization);
envelope!(types::PreauthorizationListResponse => Vec<types::Preauthorization>, meta);

/// The Preauthorization API (`/preauthorization`).
#[derive(Debug, Clone, Copy)]
pub struct Preauthorizations<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Card preauthorization: hold an amount on a card, capture it or release it.
    pub fn preauthorizations(&self) -> Preauthorizations<'_> {
        Preauthorizations { ps: self }
    }
}

impl<'a> Preauthorizations<'a> {
    /// Starts a hold for a customer who has not paid before: the answer's checkout URL is
    /// where they complete it.
    pub fn initialize(
        &self,
        email: impl Into<String>,
        amount: Amount,
        currency: Currency,
    ) -> InitializePreauthorization<'a> {
        InitializePreauthorization::new(self.ps, email.into(), amount, currency)
    }

    /// Holds `amount` on a card the customer paid with before. Paystack also needs the
    /// [`currency`](ReservePreauthorization::currency); `send()` refuses the request without
    /// it. Set a [`reference`](ReservePreauthorization::reference) so that a lost answer can
    /// be sent again safely.
    pub fn reserve(
        &self,
        authorization_code: impl Into<AuthorizationCode>,
        email: impl Into<String>,
        amount: Amount,
    ) -> ReservePreauthorization<'a> {
        ReservePreauthorization::new(self.ps, authorization_code.into(), email.into(), amount)
    }

    /// Charges up to the held amount of the hold `reference`, once; the rest is released.
    pub fn capture(&self, reference: impl Into<String>, amount: Amount) -> CapturePreauthorization<'a> {
        CapturePreauthorization::new(self.ps, reference.into(), amount)
    }

    /// Lets go of the hold `reference` without charging it.
    pub fn release(&self, reference: impl Into<String>) -> ReleasePreauthorization<'a> {
        ReleasePreauthorization::new(self.ps, reference.into())
    }

    /// Looks up one hold by its reference.
    pub fn verify(&self, reference: impl Into<String>) -> VerifyPreauthorization<'a> {
        VerifyPreauthorization::new(self.ps, reference.into())
    }

    /// Lists the integration's holds, newest first.
    pub fn list(&self) -> ListPreauthorizations<'a> {
        ListPreauthorizations::new(self.ps)
    }
}
}

request! {
    /// Request for [`Preauthorizations::initialize`].
    InitializePreauthorization => preauthorization_initialize -> types::PreauthorizationCheckout {
        email: String,
        amount: Amount,
        currency: Currency,
    } {
        /// Your unique reference for the hold (`-`, `.`, `=` and letters and digits).
        reference: String,
        /// Where the checkout sends the customer afterwards.
        callback_url: String,
        /// Your own data.
        metadata: serde_json::Value,
        /// Split with a saved split (`SPL_…`).
        split_code: String,
        /// Give the payment to this subaccount (`ACCT_…`).
        subaccount: String,
        /// Flat fee for the subaccount.
        transaction_charge: Amount,
        /// Who pays Paystack's fee on a split.
        bearer: Bearer,
        /// What happens when the hold expires (Paystack's default: release).
        expire_action: types::PreauthorizationExpireAction,
        /// Days until the expiry action runs (1 to 30; Paystack's default: 5).
        expire_after_days: u32,
    }
}

/// The expiry window Paystack accepts, in days.
fn check_expiry_days(days: Option<u32>) -> Result<Option<i64>> {
    match days {
        Some(d) if !(1..=30).contains(&d) => Err(ValidationError::Invalid {
            field: "expire_after_days",
            reason: format!("{d} is outside 1..=30 days"),
        }
        .into()),
        d => Ok(d.map(i64::from)),
    }
}

impl InitializePreauthorization<'_> {
    /// Validates, sends and decodes the checkout.
    pub async fn send(self) -> Result<Response<types::PreauthorizationCheckout>> {
        validate::email(&self.email)?;
        validate::check_amount(self.amount, Some(&self.currency))?;
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        let body = types::PreauthorizationInitializeBody {
            email: self.email,
            amount: self.amount,
            currency: self.currency,
            reference: self.reference,
            callback_url: self.callback_url,
            metadata: self.metadata,
            split_code: self.split_code,
            subaccount: self.subaccount,
            transaction_charge: self.transaction_charge,
            bearer: self.bearer,
            expire_action: self.expire_action,
            expire_after_days: check_expiry_days(self.expire_after_days)?,
        };
        self.ps
            .send(self.ps.api().preauthorization_initialize(&body))
            .await
    }
}

request! {
    /// Request for [`Preauthorizations::reserve`].
    ReservePreauthorization => preauthorization_reserve -> types::Preauthorization {
        authorization_code: AuthorizationCode,
        email: String,
        amount: Amount,
    } {
        /// Currency of the hold (required; Paystack offers ZAR).
        currency: Currency,
        /// Your unique reference; with it a lost answer is resent safely.
        reference: String,
        /// Your own data.
        metadata: serde_json::Value,
        /// What happens when the hold expires (Paystack's default: release).
        expire_action: types::PreauthorizationExpireAction,
        /// Days until the expiry action runs (1 to 30; Paystack's default: 5).
        expire_after_days: u32,
    }
}

impl ReservePreauthorization<'_> {
    /// Validates, sends and decodes the hold; its `status` says whether funds are held.
    pub async fn send(self) -> Result<Response<types::Preauthorization>> {
        self.authorization_code.check("authorization_code")?;
        validate::email(&self.email)?;
        let currency = validate::required("currency", self.currency)?;
        validate::check_amount(self.amount, Some(&currency))?;
        if let Some(r) = &self.reference {
            validate::transaction_reference(r)?;
        }
        let body = types::PreauthorizationReserveBody {
            authorization_code: self.authorization_code.into_string(),
            email: self.email,
            amount: self.amount,
            currency,
            reference: self.reference,
            metadata: self.metadata,
            expire_action: self.expire_action,
            expire_after_days: check_expiry_days(self.expire_after_days)?,
        };
        self.ps
            .send(self.ps.api().preauthorization_reserve(&body))
            .await
    }
}

request! {
    /// Request for [`Preauthorizations::capture`].
    CapturePreauthorization => preauthorization_capture -> types::Transaction {
        reference: String,
        amount: Amount,
    } {
        /// Currency of the hold.
        currency: Currency,
    }
}

impl CapturePreauthorization<'_> {
    /// Validates, sends and decodes the payment the capture made. Paystack refuses more than
    /// the held amount.
    pub async fn send(self) -> Result<Response<types::Transaction>> {
        validate::non_empty("reference", &self.reference)?;
        self.amount.check_positive()?;
        let body = types::PreauthorizationCaptureBody {
            reference: self.reference,
            amount: self.amount,
            currency: self.currency,
        };
        self.ps
            .send(self.ps.api().preauthorization_capture(&body))
            .await
    }
}

request! {
    /// Request for [`Preauthorizations::release`].
    ReleasePreauthorization => preauthorization_release -> types::Preauthorization { reference: String } {}
}

impl ReleasePreauthorization<'_> {
    /// Validates, sends and decodes the released hold.
    pub async fn send(self) -> Result<Response<types::Preauthorization>> {
        validate::non_empty("reference", &self.reference)?;
        let body = types::PreauthorizationReleaseBody {
            reference: self.reference,
        };
        self.ps
            .send(self.ps.api().preauthorization_release(&body))
            .await
    }
}

request! {
    /// Request for [`Preauthorizations::verify`].
    VerifyPreauthorization => preauthorization_verify -> types::Preauthorization { reference: String } {}
}

impl VerifyPreauthorization<'_> {
    /// Validates, sends and decodes the hold.
    pub async fn send(self) -> Result<Response<types::Preauthorization>> {
        validate::non_empty("reference", &self.reference)?;
        self.ps
            .send(self.ps.api().preauthorization_verify(&self.reference))
            .await
    }
}

request! {
    /// Request for [`Preauthorizations::list`].
    ListPreauthorizations => preauthorization_list -> Vec<types::Preauthorization> {} paged(page, dated) {}
}

impl ListPreauthorizations<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Preauthorization>>> {
        validate::check_period(self.from, self.to)?;
        self.ps
            .send(self.ps.api().preauthorization_list(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}
