//! Plans: a price and a billing interval that subscriptions follow.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::{Currency, Interval}};
//! let plan = ps
//!     .plans()
//!     .create("Gold tier", Amount::from_major("7500")?, Interval::Monthly)
//!     .currency(Currency::NGN)
//!     .send()
//!     .await?;
//! println!("subscribe customers to {:?}", plan.data.plan_code);
//! # Ok(()) }
//! ```

use super::enums::Interval;
use super::validate::check_invoice_limit;

use super::codes::{IdOrCode, PlanCode};
use super::error::Result;
use super::validate::{self, check_transaction_amount};
use super::{Amount, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::PlanResponse => types::Plan);
envelope!(types::PlanListResponse => Vec<types::Plan>, meta);
envelope!(types::PlanUpdateResponse => ());

/// The Plans API (`/plan`).
#[derive(Debug, Clone, Copy)]
pub struct Plans<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Subscription plans: create, list, fetch and update.
    pub fn plans(&self) -> Plans<'_> {
        Plans { ps: self }
    }
}

impl<'a> Plans<'a> {
    /// Creates a plan that bills `amount` every `interval`.
    pub fn create(
        &self,
        name: impl Into<String>,
        amount: Amount,
        interval: Interval,
    ) -> CreatePlan<'a> {
        CreatePlan::new(self.ps, name.into(), amount, interval)
    }

    /// Lists plans, with filters.
    pub fn list(&self) -> ListPlans<'a> {
        ListPlans::new(self.ps)
    }

    /// Fetches one plan by its numeric id or its code (`PLN_…`).
    pub fn fetch(&self, id_or_code: impl Into<IdOrCode<PlanCode>>) -> FetchPlan<'a> {
        FetchPlan::new(self.ps, id_or_code.into())
    }

    /// Changes a plan, found by id or code. Only the fields set are sent.
    pub fn update(&self, id_or_code: impl Into<IdOrCode<PlanCode>>) -> UpdatePlan<'a> {
        UpdatePlan::new(self.ps, id_or_code.into())
    }
}
}

request! {
    /// Request for [`Plans::create`].
    CreatePlan => plan_create -> types::Plan {
        name: String,
        amount: Amount,
        interval: Interval,
    } {
        /// What the plan is for.
        description: String,
        /// Whether Paystack emails invoices to subscribers (on by default).
        send_invoices: bool,
        /// Whether Paystack texts subscribers (on by default).
        send_sms: bool,
        /// Currency of the amount; also selects the minimum amount checked before sending.
        currency: Currency,
        /// How many times to bill before the subscription ends; 0 for no limit.
        invoice_limit: i64,
    }
}

impl CreatePlan<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Plan>> {
        validate::non_empty("name", &self.name)?;
        check_transaction_amount(self.amount, self.currency.as_ref())?;
        check_invoice_limit(self.invoice_limit)?;
        let body = types::PlanCreateBody {
            name: self.name,
            amount: self.amount,
            interval: self.interval,
            description: self.description,
            send_invoices: self.send_invoices,
            send_sms: self.send_sms,
            currency: self.currency,
            invoice_limit: self.invoice_limit,
        };
        self.ps.send(self.ps.api().plan_create(&body)).await
    }
}

request! {
    /// Request for [`Plans::list`].
    ListPlans => plan_list -> Vec<types::Plan> {} paged(page, dated) {
        /// Only plans with this interval.
        interval: Interval,
        /// Only plans of exactly this amount.
        amount: Amount,
        /// Only plans with this status.
        status: String,
    }
}

impl ListPlans<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Plan>>> {
        let interval = self.interval.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().plan_list(
                self.amount.map(Amount::subunits),
                self.from.as_ref(),
                interval.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.status.as_deref(),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Plans::fetch`].
    FetchPlan => plan_fetch -> types::Plan { id_or_code: IdOrCode<PlanCode> } {}
}

impl FetchPlan<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Plan>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(self.ps.api().plan_fetch(&self.id_or_code.to_string()))
            .await
    }
}

request! {
    /// Request for [`Plans::update`].
    UpdatePlan => plan_update -> () { id_or_code: IdOrCode<PlanCode> } {
        /// New name.
        name: String,
        /// New amount; checked against the currency's minimum when a currency is set.
        amount: Amount,
        /// New billing interval.
        interval: Interval,
        /// New description.
        description: String,
        /// Whether Paystack emails invoices to subscribers.
        send_invoices: bool,
        /// Whether Paystack texts subscribers.
        send_sms: bool,
        /// Currency of the amount.
        currency: Currency,
        /// How many times to bill; 0 for no limit.
        invoice_limit: i64,
        /// Whether running subscriptions move to the new terms as well (Paystack's default
        /// is yes).
        update_existing_subscriptions: bool,
    }
}

impl UpdatePlan<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        self.id_or_code.check("id_or_code")?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(amount) = self.amount {
            check_transaction_amount(amount, self.currency.as_ref())?;
        }
        check_invoice_limit(self.invoice_limit)?;
        let body = types::PlanUpdateBody {
            name: self.name,
            amount: self.amount,
            interval: self.interval,
            description: self.description,
            send_invoices: self.send_invoices,
            send_sms: self.send_sms,
            currency: self.currency,
            invoice_limit: self.invoice_limit,
            update_existing_subscriptions: self.update_existing_subscriptions,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .plan_update(&self.id_or_code.to_string(), &body),
            )
            .await
    }
}
