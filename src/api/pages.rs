//! Payment pages: hosted pages that take a payment, a subscription or a product purchase.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::Currency};
//! let pages = ps.pages();
//! pages.check_slug_availability("harvest-dinner").send().await?;
//! let page = pages
//!     .create("Harvest dinner ticket")
//!     .amount(Amount::from_major("12000")?)
//!     .currency(Currency::NGN)
//!     .slug("harvest-dinner")
//!     .send()
//!     .await?;
//! println!("page {:?}", page.data.slug);
//! # Ok(()) }
//! ```

use super::enums::PageType;
use super::validate::{check_slug, product_ids};

use super::codes::{IdOrCode, PlanCode, SplitCode};
use super::error::Result;
use super::validate::{self, check_transaction_amount};
use super::{Amount, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::PageResponse => types::Page);
envelope!(types::PageListResponse => Vec<types::Page>, meta);
envelope!(types::PageMessageResponse => ());

/// The Payment Pages API (`/page`), named `PaymentPages` so it is not confused with the
/// paging stream [`crate::Pages`].
#[derive(Debug, Clone, Copy)]
pub struct PaymentPages<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Payment pages: create, list, fetch, update, check slugs and add products.
    pub fn pages(&self) -> PaymentPages<'_> {
        PaymentPages { ps: self }
    }
}

impl<'a> PaymentPages<'a> {
    /// Creates a payment page called `name`.
    pub fn create(&self, name: impl Into<String>) -> CreatePage<'a> {
        CreatePage::new(self.ps, name.into())
    }

    /// Lists payment pages.
    pub fn list(&self) -> ListPages<'a> {
        ListPages::new(self.ps)
    }

    /// Fetches one payment page by numeric id or slug.
    pub fn fetch(&self, id_or_slug: impl Into<String>) -> FetchPage<'a> {
        FetchPage::new(self.ps, id_or_slug.into())
    }

    /// Changes the fields set on the returned builder; the others keep their value.
    pub fn update(&self, id_or_slug: impl Into<String>) -> UpdatePage<'a> {
        UpdatePage::new(self.ps, id_or_slug.into())
    }

    /// Succeeds when `slug` is free for a new page; a taken slug is an API error.
    pub fn check_slug_availability(&self, slug: impl Into<String>) -> CheckSlugAvailability<'a> {
        CheckSlugAvailability::new(self.ps, slug.into())
    }

    /// Offers existing products (by numeric id) on a product page.
    pub fn add_products(&self, id: impl Into<String>, products: Vec<u64>) -> AddPageProducts<'a> {
        AddPageProducts::new(self.ps, id.into(), products)
    }
}
}

request! {
    /// Request for [`PaymentPages::create`].
    CreatePage => page_create -> types::Page { name: String } {
        /// What the page is for, shown to payers.
        description: String,
        /// Amount to charge, in subunits; without it the payer chooses.
        amount: Amount,
        /// Currency of the page (defaults to the integration's); also selects the minimum
        /// amount checked before sending.
        currency: Currency,
        /// Path of the page under `paystack.com/pay/`.
        slug: String,
        /// What the page collects (payment when unset).
        page_type: PageType,
        /// Plan to subscribe payers to (numeric id or `PLN_…` code), for subscription pages.
        plan: IdOrCode<PlanCode>,
        /// Payers cannot change the amount (`amount` must be set).
        fixed_amount: bool,
        /// Split every payment with a saved split (`SPL_…`).
        split_code: SplitCode,
        /// Your own data, kept with the page.
        metadata: serde_json::Value,
        /// Where payers go after paying.
        redirect_url: String,
        /// Shown to payers after they pay.
        success_message: String,
        /// Address that gets an email for every payment.
        notification_email: String,
        /// Ask payers for their phone number.
        collect_phone: bool,
        /// Extra fields to ask payers for, as Paystack's field objects.
        custom_fields: Vec<serde_json::Value>,
    }
}

impl CreatePage<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Page>> {
        validate::non_empty("name", &self.name)?;
        if let Some(amount) = self.amount {
            check_transaction_amount(amount, self.currency.as_ref())?;
        }
        if self.fixed_amount == Some(true) && self.amount.is_none() {
            return Err(super::ValidationError::Invalid {
                field: "amount",
                reason: "a fixed-amount page needs an amount".into(),
            }
            .into());
        }
        if let Some(slug) = &self.slug {
            check_slug(slug)?;
        }
        if let Some(email) = &self.notification_email {
            validate::email(email)?;
        }
        if self.page_type == Some(PageType::Subscription) && self.plan.is_none() {
            return Err(super::ValidationError::Empty("plan").into());
        }
        if let Some(plan) = &self.plan {
            plan.check("plan")?;
        }
        if let Some(split) = &self.split_code {
            split.check("split_code")?;
        }
        let body = types::PageCreateBody {
            name: self.name,
            description: self.description,
            amount: self.amount,
            currency: self.currency,
            slug: self.slug,
            type_: self.page_type,
            plan: self.plan.as_ref().map(ToString::to_string),
            fixed_amount: self.fixed_amount,
            split_code: self.split_code.map(String::from),
            metadata: self.metadata,
            redirect_url: self.redirect_url,
            success_message: self.success_message,
            notification_email: self.notification_email,
            collect_phone: self.collect_phone,
            custom_fields: self.custom_fields.unwrap_or_default(),
        };
        self.ps.send(self.ps.api().page_create(&body)).await
    }
}

request! {
    /// Request for [`PaymentPages::list`].
    ListPages => page_list -> Vec<types::Page> {} paged(page, dated) {}
}

impl ListPages<'_> {
    /// Sends and decodes one page of results.
    pub async fn send(self) -> Result<Response<Vec<types::Page>>> {
        self.ps
            .send(self.ps.api().page_list(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`PaymentPages::fetch`].
    FetchPage => page_fetch -> types::Page { id_or_slug: String } {}
}

impl FetchPage<'_> {
    /// Validates the argument, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Page>> {
        validate::non_empty("id_or_slug", &self.id_or_slug)?;
        self.ps
            .send(self.ps.api().page_fetch(&self.id_or_slug))
            .await
    }
}

request! {
    /// Request for [`PaymentPages::update`].
    UpdatePage => page_update -> types::Page { id_or_slug: String } {
        /// New name.
        name: String,
        /// New description.
        description: String,
        /// New amount, in subunits.
        amount: Amount,
        /// `false` takes the page offline, `true` brings it back.
        active: bool,
    }
}

impl UpdatePage<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Page>> {
        validate::non_empty("id_or_slug", &self.id_or_slug)?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(amount) = self.amount {
            amount.check_positive()?;
        }
        let body = types::PageUpdateBody {
            name: self.name,
            description: self.description,
            amount: self.amount,
            active: self.active,
        };
        self.ps
            .send(self.ps.api().page_update(&self.id_or_slug, &body))
            .await
    }
}

request! {
    /// Request for [`PaymentPages::check_slug_availability`].
    CheckSlugAvailability => page_checkSlugAvailability -> () { slug: String } {}
}

impl CheckSlugAvailability<'_> {
    /// Validates and sends; success means the slug is free.
    pub async fn send(self) -> Result<Response<()>> {
        check_slug(&self.slug)?;
        self.ps
            .send(self.ps.api().page_check_slug_availability(&self.slug))
            .await
    }
}

request! {
    /// Request for [`PaymentPages::add_products`].
    AddPageProducts => page_addProducts -> types::Page { id: String, products: Vec<u64> } {}
}

impl AddPageProducts<'_> {
    /// Validates, sends and decodes the page with its products.
    pub async fn send(self) -> Result<Response<types::Page>> {
        validate::non_empty("id", &self.id)?;
        let body = types::PageAddProductsBody {
            products: product_ids(&self.products)?,
        };
        self.ps
            .send(self.ps.api().page_add_products(&self.id, &body))
            .await
    }
}
