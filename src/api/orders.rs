//! Orders: purchases of products, from storefronts, payment pages or the API.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{types, Amount, enums::Currency};
//! let order = ps
//!     .orders()
//!     .create(
//!         "ama@example.com",
//!         vec![types::OrderItemInput::product(730_114, 2, Amount::from_major("35")?)],
//!     )
//!     .first_name("Ama")
//!     .last_name("Owusu")
//!     .phone("+233241234567")
//!     .currency(Currency::GHS)
//!     .shipping(types::OrderShippingInput {
//!         street_line: "14 Palm Lane".into(),
//!         city: "Accra".into(),
//!         state: "Greater Accra".into(),
//!         country: "Ghana".into(),
//!         shipping_fee: 1_500,
//!         delivery_note: None,
//!     })
//!     .send()
//!     .await?;
//! println!("order {:?}", order.data.order_code);
//! # Ok(()) }
//! ```

use super::error::{Result, ValidationError};
use super::validate::{self, to_i64};
use super::{Amount, Currency, Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::OrderResponse => types::Order);
envelope!(types::OrderListResponse => Vec<types::OrderSummary>, meta);
envelope!(types::OrderProductResponse => Vec<types::OrderProductSale>, meta);

impl types::OrderItemInput {
    /// A line of `quantity` units of the product with numeric id `product_id`, at `amount`
    /// (in subunits) each.
    pub fn product(product_id: i64, quantity: i64, amount: Amount) -> Self {
        types::OrderItemInput {
            item: product_id,
            type_: "product".to_string(),
            quantity,
            amount,
        }
    }
}

// Build a delivery address with named fields (`street_line`, `city`, `state`, `country`,
// `shipping_fee` in subunits): four address strings in a row are too easy to swap.
impl types::OrderShippingInput {
    /// Adds a note for the courier.
    pub fn with_delivery_note(mut self, note: impl Into<String>) -> Self {
        self.delivery_note = Some(note.into());
        self
    }
}

/// The Orders API (`/order`).
#[derive(Debug, Clone, Copy)]
pub struct Orders<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Orders: create, list, fetch, validate, and the orders of one product.
    pub fn orders(&self) -> Orders<'_> {
        Orders { ps: self }
    }
}

impl<'a> Orders<'a> {
    /// Places an order for `items` for the customer at `email`; the customer's names and
    /// phone, the currency and the delivery address (`shipping`) are required setters.
    pub fn create(
        &self,
        email: impl Into<String>,
        items: Vec<types::OrderItemInput>,
    ) -> CreateOrder<'a> {
        CreateOrder::new(self.ps, email.into(), items)
    }

    /// Lists orders, newest first.
    pub fn list(&self) -> ListOrders<'a> {
        ListOrders::new(self.ps)
    }

    /// Fetches one order by numeric id.
    pub fn fetch(&self, id: u64) -> FetchOrder<'a> {
        FetchOrder::new(self.ps, id)
    }

    /// Lists the orders that include the product with numeric id `product_id`.
    pub fn products(&self, product_id: u64) -> ListProductOrders<'a> {
        ListProductOrders::new(self.ps, product_id)
    }

    /// Checks an order code and returns its order.
    pub fn validate(&self, code: impl Into<String>) -> ValidateOrder<'a> {
        ValidateOrder::new(self.ps, code.into())
    }
}
}

request! {
    /// Request for [`Orders::create`].
    CreateOrder => order_create -> types::Order {
        email: String,
        items: Vec<types::OrderItemInput>,
    } {
        /// The customer's given name (required).
        first_name: String,
        /// The customer's family name (required).
        last_name: String,
        /// The customer's phone number (required).
        phone: String,
        /// The order's currency (required).
        currency: Currency,
        /// Where to deliver, and the delivery fee (required).
        shipping: types::OrderShippingInput,
        /// The order is a gift for someone else.
        is_gift: bool,
        /// Someone else pays; the answer carries `pay_for_me_code` to pass on.
        pay_for_me: bool,
    }
}

fn invalid(field: &'static str, reason: String) -> ValidationError {
    ValidationError::Invalid { field, reason }
}

impl CreateOrder<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Order>> {
        validate::email(&self.email)?;
        let first_name = validate::required_text("first_name", self.first_name)?;
        let last_name = validate::required_text("last_name", self.last_name)?;
        let phone = validate::required_text("phone", self.phone)?;
        let currency = validate::required("currency", self.currency)?;
        let shipping = validate::required("shipping", self.shipping)?;
        if self.items.is_empty() {
            return Err(ValidationError::Empty("items").into());
        }
        for item in &self.items {
            if item.item <= 0 {
                return Err(
                    invalid("items.item", format!("{} is not a product id", item.item)).into(),
                );
            }
            validate::non_empty("items.type", &item.type_)?;
            if item.quantity < 1 {
                return Err(invalid(
                    "items.quantity",
                    format!("{} is less than 1", item.quantity),
                )
                .into());
            }
            item.amount.check_positive()?;
        }
        let s = &shipping;
        validate::non_empty("shipping.street_line", &s.street_line)?;
        validate::non_empty("shipping.city", &s.city)?;
        validate::non_empty("shipping.state", &s.state)?;
        validate::non_empty("shipping.country", &s.country)?;
        if s.shipping_fee < 0 {
            return Err(invalid(
                "shipping.shipping_fee",
                format!("{} is negative", s.shipping_fee),
            )
            .into());
        }
        let body = types::OrderCreateBody {
            email: self.email,
            first_name,
            last_name,
            phone,
            currency,
            items: self.items,
            shipping,
            is_gift: self.is_gift,
            pay_for_me: self.pay_for_me,
        };
        self.ps.send(self.ps.api().order_create(&body)).await
    }
}

request! {
    /// Request for [`Orders::list`].
    ListOrders => order_list -> Vec<types::OrderSummary> {} paged(page, dated) {}
}

impl ListOrders<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::OrderSummary>>> {
        self.ps
            .send(self.ps.api().order_list(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Orders::fetch`].
    FetchOrder => order_fetch -> types::Order { id: u64 } {}
}

impl FetchOrder<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::Order>> {
        let id = to_i64("id", self.id)?;
        self.ps.send(self.ps.api().order_fetch(id)).await
    }
}

request! {
    /// Request for [`Orders::products`].
    ListProductOrders => order_product -> Vec<types::OrderProductSale> { product_id: u64 } {}
}

impl ListProductOrders<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::OrderProductSale>>> {
        let id = to_i64("product_id", self.product_id)?;
        self.ps.send(self.ps.api().order_product(id)).await
    }
}

request! {
    /// Request for [`Orders::validate`].
    ValidateOrder => order_validate -> types::Order { code: String } {}
}

impl ValidateOrder<'_> {
    /// Validates the argument, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Order>> {
        validate::non_empty("code", &self.code)?;
        self.ps.send(self.ps.api().order_validate(&self.code)).await
    }
}

impl types::OrderCustomerRef {
    /// The whole customer record, when Paystack expanded it.
    pub fn record(&self) -> Option<&types::CustomerSummary> {
        match self {
            types::OrderCustomerRef::CustomerSummary(c) => Some(c),
            types::OrderCustomerRef::Id(_) => None,
        }
    }

    /// The customer's numeric id, from either form (a record without `id` gives `None`).
    pub fn id(&self) -> Option<u64> {
        match self {
            types::OrderCustomerRef::Id(id) => id.as_u64(),
            types::OrderCustomerRef::CustomerSummary(c) => c.id.as_ref().and_then(|id| id.as_u64()),
        }
    }
}
