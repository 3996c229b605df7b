//! Products: the inventory sold through storefronts, payment pages and orders.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{Amount, enums::Currency};
//! let mug = ps
//!     .products()
//!     .create("Clay mug", Amount::from_major("4500")?)
//!     .description("Hand-thrown, 350 ml")
//!     .currency(Currency::NGN)
//!     .quantity(40)
//!     .send()
//!     .await?;
//! println!("created {:?}", mug.data.product_code);
//! # Ok(()) }
//! ```

use super::codes::SplitCode;
use super::error::Result;
use super::validate::check_quantity;
use super::validate::{self, to_i64};
use super::{Amount, Currency, Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::ProductResponse => types::Product);
envelope!(types::ProductListResponse => Vec<types::Product>, meta);
envelope!(types::ProductDeleteResponse => ());

/// The Products API (`/product`).
#[derive(Debug, Clone, Copy)]
pub struct Products<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Inventory: create, list, fetch, update and delete products.
    pub fn products(&self) -> Products<'_> {
        Products { ps: self }
    }
}

impl<'a> Products<'a> {
    /// Adds a product selling at `price`. Paystack also needs its
    /// [`description`](CreateProduct::description) and the
    /// [`currency`](CreateProduct::currency) of the price; `send()` refuses the request
    /// without them.
    pub fn create(&self, name: impl Into<String>, price: Amount) -> CreateProduct<'a> {
        CreateProduct::new(self.ps, name.into(), price)
    }

    /// Lists products, newest first.
    pub fn list(&self) -> ListProducts<'a> {
        ListProducts::new(self.ps)
    }

    /// Fetches one product by numeric id.
    pub fn fetch(&self, id: u64) -> FetchProduct<'a> {
        FetchProduct::new(self.ps, id)
    }

    /// Changes the fields set on the returned builder; the others keep their value.
    pub fn update(&self, id: u64) -> UpdateProduct<'a> {
        UpdateProduct::new(self.ps, id)
    }

    /// Deletes a product.
    pub fn delete(&self, id: u64) -> DeleteProduct<'a> {
        DeleteProduct::new(self.ps, id)
    }
}
}

request! {
    /// Request for [`Products::create`].
    CreateProduct => product_create -> types::Product {
        name: String,
        price: Amount,
    } {
        /// What the product is (required by Paystack).
        description: String,
        /// Currency of the price (required by Paystack).
        currency: Currency,
        /// Stock never runs out (`quantity` is then ignored).
        unlimited: bool,
        /// Units in stock, for limited stock.
        quantity: i64,
        /// Share each sale with a saved split code.
        split_code: SplitCode,
        /// Your own data, kept with the product.
        metadata: serde_json::Value,
    }
}

impl CreateProduct<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Product>> {
        validate::non_empty("name", &self.name)?;
        let description = self
            .description
            .ok_or(ValidationError::Empty("description"))?;
        validate::non_empty("description", &description)?;
        let currency = self.currency.ok_or(ValidationError::Empty("currency"))?;
        self.price.check_positive()?;
        check_quantity(self.quantity)?;
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        let body = types::ProductCreateBody {
            name: self.name,
            description,
            price: self.price,
            currency,
            unlimited: self.unlimited,
            quantity: self.quantity,
            split_code: self.split_code.map(SplitCode::into_string),
            metadata: self.metadata,
        };
        self.ps.send(self.ps.api().product_create(&body)).await
    }
}

request! {
    /// Request for [`Products::list`].
    ListProducts => product_list -> Vec<types::Product> {} paged(page, dated) {
        /// Only active (`true`) or inactive (`false`) products.
        active: bool,
    }
}

impl ListProducts<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Product>>> {
        self.ps
            .send(self.ps.api().product_list(
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
    /// Request for [`Products::fetch`].
    FetchProduct => product_fetch -> types::Product { id: u64 } {}
}

impl FetchProduct<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Product>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().product_fetch(id)).await
    }
}

request! {
    /// Request for [`Products::update`].
    UpdateProduct => product_update -> types::Product { id: u64 } {
        /// New name.
        name: String,
        /// New description.
        description: String,
        /// New price, in subunits.
        price: Amount,
        /// New currency of the price.
        currency: Currency,
        /// Whether stock never runs out.
        unlimited: bool,
        /// New stock count.
        quantity: i64,
        /// Split code to share sales with.
        split_code: SplitCode,
        /// Replacement custom data.
        metadata: serde_json::Value,
    }
}

impl UpdateProduct<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Product>> {
        let id = to_i64("id", self.id)?;
        if let Some(name) = &self.name {
            validate::non_empty("name", name)?;
        }
        if let Some(price) = self.price {
            price.check_positive()?;
        }
        check_quantity(self.quantity)?;
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        let body = types::ProductUpdateBody {
            name: self.name,
            description: self.description,
            price: self.price,
            currency: self.currency,
            unlimited: self.unlimited,
            quantity: self.quantity,
            split_code: self.split_code.map(SplitCode::into_string),
            metadata: self.metadata,
        };
        self.ps.send(self.ps.api().product_update(id, &body)).await
    }
}

request! {
    /// Request for [`Products::delete`].
    DeleteProduct => product_delete -> () { id: u64 } {}
}

impl DeleteProduct<'_> {
    /// Sends; only Paystack's message comes back.
    pub async fn send(self) -> Result<Response<()>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().product_delete(id)).await
    }
}
