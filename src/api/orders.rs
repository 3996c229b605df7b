//! Orders: purchases of products, from storefronts, payment pages or the API.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{types, Amount, enums::Currency};
//! let order = ps
//!     .orders()
//!     .create(
//!         "ama@example.com",
//!         "Ama",
//!         "Owusu",
//!         "+233241234567",
//!         Currency::GHS,
//!         vec![types::OrderItemInput::product(730_114, 2, Amount::from_major("35")?)],
//!         types::OrderShippingInput::new("14 Palm Lane", "Accra", "Greater Accra", "Ghana", 1_500),
//!     )
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

impl types::OrderShippingInput {
    /// A delivery address with its fee in subunits (0 for free delivery) and no note.
    pub fn new(
        street_line: impl Into<String>,
        city: impl Into<String>,
        state: impl Into<String>,
        country: impl Into<String>,
        shipping_fee: i64,
    ) -> Self {
        types::OrderShippingInput {
            street_line: street_line.into(),
            city: city.into(),
            state: state.into(),
            country: country.into(),
            shipping_fee,
            delivery_note: None,
        }
    }

    /// Adds a note for the courier.
    pub fn delivery_note(mut self, note: impl Into<String>) -> Self {
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
    /// Places an order for `items`, delivered per `shipping`, for the named customer.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        &self,
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        phone: impl Into<String>,
        currency: Currency,
        items: Vec<types::OrderItemInput>,
        shipping: types::OrderShippingInput,
    ) -> CreateOrder<'a> {
        CreateOrder::new(
            self.ps,
            email.into(),
            first_name.into(),
            last_name.into(),
            phone.into(),
            currency,
            items,
            shipping,
        )
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
        first_name: String,
        last_name: String,
        phone: String,
        currency: Currency,
        items: Vec<types::OrderItemInput>,
        shipping: types::OrderShippingInput,
    } {
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
        validate::non_empty("first_name", &self.first_name)?;
        validate::non_empty("last_name", &self.last_name)?;
        validate::non_empty("phone", &self.phone)?;
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
        let s = &self.shipping;
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
            first_name: self.first_name,
            last_name: self.last_name,
            phone: self.phone,
            currency: self.currency,
            items: self.items,
            shipping: self.shipping,
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
