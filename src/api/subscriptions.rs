//! Subscriptions: customers billed on a plan's schedule.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let sub = ps
//!     .subscriptions()
//!     .create("CUS_q1w2e3r4t5y6u7i", "PLN_z9x8c7v6b5n4m3l")
//!     .send()
//!     .await?;
//! let code = sub.data.subscription_code.unwrap_or_default();
//! let link = ps.subscriptions().manage_link(code).send().await?;
//! println!("send the customer to {:?}", link.data.link);
//! # Ok(()) }
//! ```
//!
//! A subscription's `customer`, `plan` and `authorization` come back as bare ids on create and
//! as full records on fetch and list; [`types::SubscriptionCustomerRef`] and its siblings hold
//! either.

use chrono::{DateTime, Utc};

use super::codes::{AuthorizationCode, EmailOrCode, IdOrCode, PlanCode, SubscriptionCode};
use super::error::Result;
use super::validate::{self, to_i64};
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::SubscriptionResponse => types::Subscription);
envelope!(types::SubscriptionListResponse => Vec<types::Subscription>, meta);
envelope!(types::SubscriptionToggleResponse => ());
envelope!(types::SubscriptionManageLinkResponse => types::SubscriptionManageLinkResponseData);
envelope!(types::SubscriptionManageEmailResponse => ());

/// The Subscriptions API (`/subscription`).
#[derive(Debug, Clone, Copy)]
pub struct Subscriptions<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Subscriptions: create, list, fetch, enable, disable and card-update links.
    pub fn subscriptions(&self) -> Subscriptions<'_> {
        Subscriptions { ps: self }
    }
}

impl<'a> Subscriptions<'a> {
    /// Subscribes a customer (email address or `CUS_…` code) to a plan (`PLN_…` code).
    /// The customer needs a reusable authorization from an earlier payment.
    pub fn create(
        &self,
        customer: impl Into<EmailOrCode>,
        plan: impl Into<PlanCode>,
    ) -> CreateSubscription<'a> {
        CreateSubscription::new(self.ps, customer.into(), plan.into())
    }

    /// Lists subscriptions, with filters.
    pub fn list(&self) -> ListSubscriptions<'a> {
        ListSubscriptions::new(self.ps)
    }

    /// Fetches one subscription by numeric id or code (`SUB_…`).
    pub fn fetch(
        &self,
        id_or_code: impl Into<IdOrCode<SubscriptionCode>>,
    ) -> FetchSubscription<'a> {
        FetchSubscription::new(self.ps, id_or_code.into())
    }

    /// Stops a subscription. `token` is its `email_token`.
    pub fn disable(
        &self,
        code: impl Into<SubscriptionCode>,
        token: impl Into<String>,
    ) -> DisableSubscription<'a> {
        DisableSubscription::new(self.ps, code.into(), token.into())
    }

    /// Restarts a disabled subscription. `token` is its `email_token`.
    pub fn enable(
        &self,
        code: impl Into<SubscriptionCode>,
        token: impl Into<String>,
    ) -> EnableSubscription<'a> {
        EnableSubscription::new(self.ps, code.into(), token.into())
    }

    /// Makes a link where the customer can change the card a subscription bills.
    pub fn manage_link(
        &self,
        code: impl Into<SubscriptionCode>,
    ) -> FetchSubscriptionManageLink<'a> {
        FetchSubscriptionManageLink::new(self.ps, code.into())
    }

    /// Emails the customer a link to change the card a subscription bills.
    pub fn manage_email(
        &self,
        code: impl Into<SubscriptionCode>,
    ) -> SendSubscriptionManageEmail<'a> {
        SendSubscriptionManageEmail::new(self.ps, code.into())
    }
}
}

request! {
    /// Request for [`Subscriptions::create`].
    CreateSubscription => subscription_create -> types::Subscription {
        customer: EmailOrCode,
        plan: PlanCode,
    } {
        /// Authorization code to bill, when the customer has several (the latest by default).
        authorization: AuthorizationCode,
        /// When to bill first (defaults to now).
        start_date: DateTime<Utc>,
    }
}

impl CreateSubscription<'_> {
    /// Validates, sends and decodes. `customer`, `plan` and `authorization` come back as ids.
    pub async fn send(self) -> Result<Response<types::Subscription>> {
        self.customer.check("customer")?;
        self.plan.check("plan")?;
        if let Some(auth) = &self.authorization {
            auth.check("authorization")?;
        }
        let body = types::SubscriptionCreateBody {
            customer: self.customer.to_string(),
            plan: self.plan.into_string(),
            authorization: self.authorization.map(AuthorizationCode::into_string),
            start_date: self.start_date,
        };
        self.ps.send(self.ps.api().subscription_create(&body)).await
    }
}

request! {
    /// Request for [`Subscriptions::list`].
    ListSubscriptions => subscription_list -> Vec<types::Subscription> {} paged(page, dated) {
        /// Only subscriptions to this plan (numeric plan id).
        plan: u64,
        /// Only this customer's subscriptions (numeric customer id).
        customer: u64,
    }
}

impl ListSubscriptions<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Subscription>>> {
        let plan = self.plan.map(|v| to_i64("plan", v)).transpose()?;
        let customer = self.customer.map(|v| to_i64("customer", v)).transpose()?;
        self.ps
            .send(self.ps.api().subscription_list(
                customer,
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                plan,
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Subscriptions::fetch`].
    FetchSubscription => subscription_fetch -> types::Subscription {
        id_or_code: IdOrCode<SubscriptionCode>,
    } {}
}

impl FetchSubscription<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Subscription>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .subscription_fetch(&self.id_or_code.to_string()),
            )
            .await
    }
}

request! {
    /// Request for [`Subscriptions::disable`].
    DisableSubscription => subscription_disable -> () { code: SubscriptionCode, token: String } {}
}

impl DisableSubscription<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        let body = toggle_body(self.code, self.token)?;
        self.ps
            .send(self.ps.api().subscription_disable(&body))
            .await
    }
}

request! {
    /// Request for [`Subscriptions::enable`].
    EnableSubscription => subscription_enable -> () { code: SubscriptionCode, token: String } {}
}

impl EnableSubscription<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        let body = toggle_body(self.code, self.token)?;
        self.ps.send(self.ps.api().subscription_enable(&body)).await
    }
}

request! {
    /// Request for [`Subscriptions::manage_link`].
    FetchSubscriptionManageLink => subscription_manageLink -> types::SubscriptionManageLinkResponseData {
        code: SubscriptionCode,
    } {}
}

impl FetchSubscriptionManageLink<'_> {
    /// Validates, sends and decodes the link.
    pub async fn send(self) -> Result<Response<types::SubscriptionManageLinkResponseData>> {
        self.code.check("code")?;
        self.ps
            .send(self.ps.api().subscription_manage_link(self.code.as_str()))
            .await
    }
}

request! {
    /// Request for [`Subscriptions::manage_email`].
    SendSubscriptionManageEmail => subscription_manageEmail -> () { code: SubscriptionCode } {}
}

impl SendSubscriptionManageEmail<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        self.ps
            .send(self.ps.api().subscription_manage_email(self.code.as_str()))
            .await
    }
}

/// The body of enable and disable, after checking the code's prefix and the token.
fn toggle_body(code: SubscriptionCode, token: String) -> Result<types::SubscriptionToggleBody> {
    code.check("code")?;
    validate::non_empty("token", &token)?;
    Ok(types::SubscriptionToggleBody {
        code: code.into_string(),
        token,
    })
}
