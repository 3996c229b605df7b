//! Orders: every operation's request and decoded response.

use paystack::{
    enums::{Currency, Domain, RiskAction},
    types, Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

fn mug_line() -> types::OrderItemInput {
    types::OrderItemInput::product(730_201, 2, Amount::from_subunits(35_000).unwrap())
}

fn accra() -> types::OrderShippingInput {
    types::OrderShippingInput {
        street_line: "14 Palm Lane".into(),
        city: "Accra".into(),
        state: "Greater Accra".into(),
        country: "Ghana".into(),
        shipping_fee: 1_500,
        delivery_note: None,
    }
}

#[tokio::test]
async fn order_create_sends_every_setter_and_decodes_order() {
    let (server, ps) = setup().await;
    expect("POST", "/order")
        .body(json!({
            "email": "ama@example.com",
            "first_name": "Ama",
            "last_name": "Owusu",
            "phone": "+233241234567",
            "currency": "GHS",
            "items": [
                {"item": 730201, "type": "product", "quantity": 2, "amount": 35000}
            ],
            "shipping": {
                "street_line": "14 Palm Lane",
                "city": "Accra",
                "state": "Greater Accra",
                "country": "Ghana",
                "shipping_fee": 1500,
                "delivery_note": "Call at the gate"
            },
            "is_gift": false,
            "pay_for_me": true
        }))
        .reply(&server, "order/created.json")
        .await;

    let r = order(&ps, "ama@example.com", vec![mug_line()])
        .shipping(accra().with_delivery_note("Call at the gate"))
        .is_gift(false)
        .pay_for_me(true)
        .send()
        .await
        .unwrap();
    let o = r.data;
    assert_eq!(o.order_code.as_deref(), Some("ORD_v5c3x1z9l7"));
    assert_eq!(o.domain, Some(Domain::Test));
    assert_eq!(
        o.customer.as_ref().and_then(|c| c.id()),
        Some(30_551_872),
        "an id after create"
    );
    assert!(o.customer.as_ref().unwrap().record().is_none());
    assert_eq!(o.pay_for_me_code.as_deref(), Some("PFM_r2t4y6u8"));
    let method = o.shipping_method.unwrap();
    assert_eq!(method.fee.map(Amount::subunits), Some(1_500));
    assert_eq!(method.region.as_deref(), Some("Greater Accra"));
    let shipping = o.shipping.unwrap();
    assert_eq!(
        shipping.fees.map(Amount::subunits),
        Some(1_500),
        "fee as a string"
    );
    assert_eq!(shipping.is_shipped.map(|f| f.get()), Some(false));
    assert_eq!(shipping.delivery_note, None);
    assert_eq!(o.expiration_date, None);
}

/// An order with every required setter, as the tests vary it.
fn order<'a>(
    ps: &'a paystack::Paystack,
    email: &str,
    items: Vec<types::OrderItemInput>,
) -> paystack::orders::CreateOrder<'a> {
    ps.orders()
        .create(email, items)
        .first_name("Ama")
        .last_name("Owusu")
        .phone("+233241234567")
        .currency(Currency::GHS)
        .shipping(accra())
}

#[tokio::test]
async fn order_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let place =
        |email: &str, items: Vec<types::OrderItemInput>, ship: types::OrderShippingInput| {
            order(&ps, email, items).shipping(ship)
        };
    let err = place("ama.example.com", vec![mug_line()], accra())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = place("ama@example.com", vec![], accra()).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("items")))
    ));
    let mut none = mug_line();
    none.quantity = 0;
    let err = place("ama@example.com", vec![none], accra()).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "items.quantity",
            ..
        }))
    ));
    let mut negative_fee = accra();
    negative_fee.shipping_fee = -1;
    let err = place("ama@example.com", vec![mug_line()], negative_fee)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "shipping.shipping_fee",
            ..
        }))
    ));
    let no_city = types::OrderShippingInput {
        city: String::new(),
        ..accra()
    };
    let err = place("ama@example.com", vec![mug_line()], no_city)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("shipping.city")))
    ));
    let err = order(&ps, "ama@example.com", vec![mug_line()])
        .phone(" ")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("phone")))
    ));
    let err = ps
        .orders()
        .create("ama@example.com", vec![mug_line()])
        .first_name("Ama")
        .last_name("Owusu")
        .phone("+233241234567")
        .currency(Currency::GHS)
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("shipping")))
        ),
        "required setters are checked"
    );
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn order_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/order")
        .query_is(&[
            ("perPage", "20"),
            ("page", "2"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T23:59:59Z"),
        ])
        .reply(&server, "order/list.json")
        .await;
    let r = ps
        .orders()
        .list()
        .per_page(20u32)
        .page(2u32)
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-31T23:59:59Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].customer_name.as_deref(), Some("Ama Owusu"));
    assert_eq!(
        r.data[0].metadata,
        Some(json!("{\"channel\":\"instagram\"}"))
    );
    assert_eq!(r.data[0].refunded_amount, None);
    assert_eq!(
        r.data[1].customer.as_ref().and_then(|c| c.id()),
        Some(30_552_004),
        "id as a string"
    );
    assert_eq!(r.data[1].status.as_deref(), Some("reconciling"));
    assert_eq!(r.data[1].fully_refunded.map(|f| f.get()), Some(true));
    assert_eq!(
        r.data[1].refunded_amount.map(Amount::subunits),
        Some(960_000)
    );
    assert_eq!(r.data[1].items, None);
    let meta = r.meta.unwrap();
    assert_eq!(meta.per_page.map(|p| p.get()), Some(20));
    assert_eq!(meta.page_count.map(|p| p.get()), Some(2));
}

#[tokio::test]
async fn order_fetch_decodes_customer_payer_and_items() {
    let (server, ps) = setup().await;
    expect("GET", "/order/1190442")
        .reply(&server, "order/fetched.json")
        .await;
    let r = ps.orders().fetch(1_190_442).send().await.unwrap();
    let o = r.data;
    assert_eq!(o.amount.map(Amount::subunits), Some(172_500));
    assert_eq!(o.is_gift.map(|f| f.get()), Some(true));
    assert_eq!(o.transaction, Some(Id::Num(5_234_001_122)));
    assert_eq!(
        o.customer
            .as_ref()
            .and_then(|c| c.record())
            .and_then(|c| c.customer_code.as_deref()),
        Some("CUS_p0o9i8u7y6t5r4e"),
        "an object on fetch"
    );
    let payer = o.payer.unwrap();
    assert_eq!(payer.risk_action, Some(RiskAction::Allow));
    assert_eq!(payer.last_name, None);
    let item = &o.items.unwrap()[0];
    assert_eq!(item.product_quantity_sold.map(|q| q.get()), Some(14));
    assert_eq!(item.product_id, Some(Id::Num(730_201)));
    assert_eq!(item.type_.as_deref(), Some("product"));
    assert_eq!(o.discount_amount, None);
    assert_eq!(o.updated_at.as_deref(), Some("2026-03-03T11:20:05.000Z"));
}

#[tokio::test]
async fn order_product_lists_sales_of_a_product() {
    let (server, ps) = setup().await;
    expect("GET", "/order/product/730201")
        .reply(&server, "order/product.json")
        .await;
    let r = ps.orders().products(730_201).send().await.unwrap();
    let sale = &r.data[0];
    assert_eq!(sale.order_id, Some(Id::Num(1_190_442)));
    assert_eq!(sale.amount.map(Amount::subunits), Some(170_000));
    assert_eq!(sale.amount_paid.map(Amount::subunits), Some(172_500));
    assert_eq!(
        sale.is_viewed.map(|f| f.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(sale.is_shipped.map(|f| f.get()), Some(false));
    assert_eq!(sale.variant_id, None);
    assert_eq!(sale.shipping_method, None);
    assert_eq!(sale.storefront_slug.as_deref(), Some("kente-corner"));
    assert_eq!(r.meta.unwrap().total.map(|t| t.get()), Some(1));
}

#[tokio::test]
async fn order_validate_decodes_seller_profile() {
    let (server, ps) = setup().await;
    expect("GET", "/order/ORD_v5c3x1z9l7/validate")
        .reply(&server, "order/validated.json")
        .await;
    let r = ps.orders().validate("ORD_v5c3x1z9l7").send().await.unwrap();
    let o = r.data;
    assert_eq!(
        o.integration.as_ref().and_then(|i| i.get("name")),
        Some(&json!("Kente Corner")),
        "an object on validate"
    );
    assert_eq!(o.payer, None, "null payer");
    assert_eq!(o.transaction, None);
    assert_eq!(
        o.expiration_date.as_deref(),
        Some("2026-03-11T09:00:00.000Z")
    );

    let err = ps.orders().validate("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("code")))
    ));
}

#[tokio::test]
async fn order_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/order")
        .query_is(&[
            ("perPage", "25"),
            ("page", "3"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T00:00:00Z"),
        ])
        .reply(&server, "order/list.json")
        .await;
    let r = ps
        .orders()
        .list()
        .per_page(25u32)
        .page(3u32)
        .from(crate::common::at("2026-03-01T00:00:00Z"))
        .to(crate::common::at("2026-03-31T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].order_code.as_deref(), Some("ORD_b7n3m5k9j1"));
}
