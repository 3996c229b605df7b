//! Storefronts: hosted shops that sell the integration's products.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::enums::Currency;
//! let shops = ps.storefronts();
//! shops.verify_slug("kente-corner").send().await?;
//! let shop = shops
//!     .create("Kente Corner", "kente-corner")
//!     .currency(Currency::GHS)
//!     .send()
//!     .await?;
//! let id = shop.data.id.as_ref().and_then(paystack::Id::as_u64).unwrap_or_default();
//! shops.add_products(id, vec![730_114, 730_115]).send().await?;
//! shops.publish(id).send().await?;
//! # Ok(()) }
//! ```

use super::enums::StorefrontStatus;
use super::validate::{check_slug, product_ids};
use serde::{Deserialize, Deserializer, Serialize};

use super::error::Result;
use super::validate::{self, to_i64};
use super::{Currency, Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

/// The products of a storefront after [`Storefronts::add_products`].
///
/// Read from either an array of products or a single product object, since Paystack's
/// published material shows both shapes for this answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(transparent)]
pub struct StorefrontProducts(pub Vec<types::Product>);

impl<'de> Deserialize<'de> for StorefrontProducts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            Many(Vec<types::Product>),
            One(Box<types::Product>),
        }
        Ok(match OneOrMany::deserialize(d)? {
            OneOrMany::Many(v) => StorefrontProducts(v),
            OneOrMany::One(p) => StorefrontProducts(vec![*p]),
        })
    }
}

impl std::ops::Deref for StorefrontProducts {
    type Target = [types::Product];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

envelope!(types::StorefrontResponse => types::Storefront, meta);
envelope!(types::StorefrontListResponse => Vec<types::Storefront>, meta);
envelope!(types::StorefrontMessageResponse => ());
envelope!(types::StorefrontOrdersResponse => Vec<types::OrderSummary>, meta);
envelope!(types::StorefrontProductsResponse => Vec<types::Product>, meta);

// Update, publish and duplicate answer with a message and, at times, the storefront; adding
// products at times answers without the products.
envelope!(types::StorefrontOptionalResponse => optional types::Storefront);
envelope!(types::StorefrontAddProductsResponse => optional StorefrontProducts);

/// The Storefronts API (`/storefront`).
#[derive(Debug, Clone, Copy)]
pub struct Storefronts<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Hosted shops: create, publish, stock with products and read their orders.
    pub fn storefronts(&self) -> Storefronts<'_> {
        Storefronts { ps: self }
    }
}

impl<'a> Storefronts<'a> {
    /// Creates a storefront named `name` at `slug`; it stays inactive until
    /// [`publish`](Self::publish)ed. Paystack also needs the
    /// [`currency`](CreateStorefront::currency) it prices in; `send()` refuses the request
    /// without it.
    pub fn create(&self, name: impl Into<String>, slug: impl Into<String>) -> CreateStorefront<'a> {
        CreateStorefront::new(self.ps, name.into(), slug.into())
    }

    /// Lists storefronts.
    pub fn list(&self) -> ListStorefronts<'a> {
        ListStorefronts::new(self.ps)
    }

    /// Fetches one storefront by numeric id.
    pub fn fetch(&self, id: u64) -> FetchStorefront<'a> {
        FetchStorefront::new(self.ps, id)
    }

    /// Changes the name, slug or description of a storefront.
    pub fn update(&self, id: u64) -> UpdateStorefront<'a> {
        UpdateStorefront::new(self.ps, id)
    }

    /// Deletes a storefront.
    pub fn delete(&self, id: u64) -> DeleteStorefront<'a> {
        DeleteStorefront::new(self.ps, id)
    }

    /// Succeeds when `slug` is free for a new storefront; a taken slug is an API error.
    pub fn verify_slug(&self, slug: impl Into<String>) -> VerifyStorefrontSlug<'a> {
        VerifyStorefrontSlug::new(self.ps, slug.into())
    }

    /// Lists the orders placed in a storefront.
    pub fn fetch_orders(&self, id: u64) -> ListStorefrontOrders<'a> {
        ListStorefrontOrders::new(self.ps, id)
    }

    /// Puts existing products (by numeric id) on sale in a storefront.
    pub fn add_products(&self, id: u64, products: Vec<u64>) -> AddStorefrontProducts<'a> {
        AddStorefrontProducts::new(self.ps, id, products)
    }

    /// Lists the products on sale in a storefront.
    pub fn list_products(&self, id: u64) -> ListStorefrontProducts<'a> {
        ListStorefrontProducts::new(self.ps, id)
    }

    /// Makes a storefront public.
    pub fn publish(&self, id: u64) -> PublishStorefront<'a> {
        PublishStorefront::new(self.ps, id)
    }

    /// Copies a storefront into a new one.
    pub fn duplicate(&self, id: u64) -> DuplicateStorefront<'a> {
        DuplicateStorefront::new(self.ps, id)
    }
}
}

request! {
    /// Request for [`Storefronts::create`].
    CreateStorefront => storefront_create -> types::Storefront {
        name: String,
        slug: String,
    } {
        /// Currency the storefront prices in (required).
        currency: Currency,
        /// What the storefront sells, shown to visitors.
        description: String,
    }
}

impl CreateStorefront<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Storefront>> {
        validate::non_empty("name", &self.name)?;
        check_slug(&self.slug)?;
        let currency = self.currency.ok_or(ValidationError::Empty("currency"))?;
        let body = types::StorefrontCreateBody {
            name: self.name,
            slug: self.slug,
            currency,
            description: self.description,
        };
        self.ps.send(self.ps.api().storefront_create(&body)).await
    }
}

request! {
    /// Request for [`Storefronts::list`].
    ListStorefronts => storefront_list -> Vec<types::Storefront> {} paged(page) {
        /// Only storefronts in this state.
        status: StorefrontStatus,
    }
}

impl ListStorefronts<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Storefront>>> {
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().storefront_list(
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Storefronts::fetch`].
    FetchStorefront => storefront_fetch -> types::Storefront { id: u64 } {}
}

impl FetchStorefront<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Storefront>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().storefront_fetch(id)).await
    }
}

request! {
    /// Request for [`Storefronts::update`].
    UpdateStorefront => storefront_update -> Option<types::Storefront> { id: u64 } {
        /// New name.
        name: String,
        /// New slug (the storefront's address).
        slug: String,
        /// New description.
        description: String,
    }
}

impl UpdateStorefront<'_> {
    /// Validates, sends and decodes; `data` holds the storefront when Paystack returns it.
    pub async fn send(self) -> Result<Response<Option<types::Storefront>>> {
        let id = to_i64("id", self.id)?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(slug) = &self.slug {
            check_slug(slug)?;
        }
        let body = types::StorefrontUpdateBody {
            name: self.name,
            slug: self.slug,
            description: self.description,
        };
        self.ps
            .send(self.ps.api().storefront_update(id, &body))
            .await
    }
}

request! {
    /// Request for [`Storefronts::delete`].
    DeleteStorefront => storefront_delete -> () { id: u64 } {}
}

impl DeleteStorefront<'_> {
    /// Sends; only Paystack's message comes back.
    pub async fn send(self) -> Result<Response<()>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().storefront_delete(id)).await
    }
}

request! {
    /// Request for [`Storefronts::verify_slug`].
    VerifyStorefrontSlug => storefront_verifySlug -> () { slug: String } {}
}

impl VerifyStorefrontSlug<'_> {
    /// Validates and sends; success means the slug is free.
    pub async fn send(self) -> Result<Response<()>> {
        check_slug(&self.slug)?;
        self.ps
            .send(self.ps.api().storefront_verify_slug(&self.slug))
            .await
    }
}

request! {
    /// Request for [`Storefronts::fetch_orders`].
    ListStorefrontOrders => storefront_fetchOrders -> Vec<types::OrderSummary> { id: u64 } {}
}

impl ListStorefrontOrders<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::OrderSummary>>> {
        let id = to_i64("id", self.id)?;
        self.ps
            .send(self.ps.api().storefront_fetch_orders(id))
            .await
    }
}

request! {
    /// Request for [`Storefronts::add_products`].
    AddStorefrontProducts => storefront_addProducts -> Option<StorefrontProducts> { id: u64, products: Vec<u64> } {}
}

impl AddStorefrontProducts<'_> {
    /// Validates, sends and decodes; `data` is `None` when Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<Option<StorefrontProducts>>> {
        let id = to_i64("id", self.id)?;
        let body = types::StorefrontAddProductsBody {
            products: product_ids(&self.products)?,
        };
        self.ps
            .send(self.ps.api().storefront_add_products(id, &body))
            .await
    }
}

request! {
    /// Request for [`Storefronts::list_products`].
    ListStorefrontProducts => storefront_listProducts -> Vec<types::Product> { id: u64 } {}
}

impl ListStorefrontProducts<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::Product>>> {
        let id = to_i64("id", self.id)?;
        self.ps
            .send(self.ps.api().storefront_list_products(id))
            .await
    }
}

request! {
    /// Request for [`Storefronts::publish`].
    PublishStorefront => storefront_publish -> Option<types::Storefront> { id: u64 } {}
}

impl PublishStorefront<'_> {
    /// Sends; `data` holds the storefront when Paystack returns it.
    pub async fn send(self) -> Result<Response<Option<types::Storefront>>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().storefront_publish(id)).await
    }
}

request! {
    /// Request for [`Storefronts::duplicate`].
    DuplicateStorefront => storefront_duplicate -> Option<types::Storefront> { id: u64 } {}
}

impl DuplicateStorefront<'_> {
    /// Sends and decodes the copy; `data` is `None` when Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<Option<types::Storefront>>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().storefront_duplicate(id)).await
    }
}
