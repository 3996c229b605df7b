//! Products: every operation's request and decoded response.

use paystack::{
    enums::{Currency, Domain},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{amount, assert_no_requests, at, expect, fixture, setup};

#[tokio::test]
async fn product_create_sends_body_and_decodes_product() {
    let (server, ps) = setup().await;
    expect("POST", "/product")
        .body(json!({
            "name": "Clay mug",
            "description": "Hand-thrown, 350 ml",
            "price": 450000,
            "currency": "NGN",
            "unlimited": false,
            "quantity": 40,
            "metadata": {"glaze": "ochre"}
        }))
        .respond(
            &server,
            ResponseTemplate::new(201).set_body_json(fixture("product/product.json")),
        )
        .await;

    let r = ps
        .products()
        .create("Clay mug", Amount::from_major("4500").unwrap())
        .description("Hand-thrown, 350 ml")
        .currency(Currency::NGN)
        .unlimited(false)
        .quantity(40)
        .metadata(json!({"glaze": "ochre"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Product created");
    let p = r.data;
    assert_eq!(p.id, Some(Id::Num(730_114)));
    assert_eq!(p.domain, Some(Domain::Test));
    assert_eq!(
        p.price.map(Amount::subunits),
        Some(450_000),
        "price as a string"
    );
    assert_eq!(
        p.quantity.map(|q| q.get()),
        Some(40),
        "quantity as a string"
    );
    assert_eq!(p.in_stock.map(|f| f.get()), Some(true), "1 reads as true");
    assert_eq!(p.low_stock_alert.map(|f| f.get()), Some(false));
    assert_eq!(p.description, None, "null description");
    assert_eq!(p.maximum_orderable, None);
    assert_eq!(p.metadata, Some(json!("{\"glaze\":\"ochre\"}")));
    assert_eq!(p.type_.as_deref(), Some("good"));
    assert_eq!(p.created_at.as_deref(), Some("2026-02-11T08:15:22.000Z"));
    let file = &p.files.unwrap()[0];
    assert_eq!(file.original_filename.as_deref(), Some("mug-front.png"));
    let shipping = p.shipping_fields.unwrap();
    assert_eq!(shipping.shipping_address.as_deref(), Some("required"));
    let fee = &shipping.shipping_fees.unwrap()[0];
    assert_eq!(fee.fee.map(Amount::subunits), Some(150_000));
    assert_eq!(fee.name.as_deref(), Some("Lagos Island"));
}

#[tokio::test]
async fn product_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let price = Amount::from_subunits(10_000).unwrap();
    let err = ps
        .products()
        .create("", price)
        .description("a thing")
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = ps
        .products()
        .create("Mug", price)
        .description("  ")
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("description")))
    ));
    let err = ps
        .products()
        .create("Mug", price)
        .description("a thing")
        .currency(Currency::NGN)
        .quantity(-2)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "quantity",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn product_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/product")
        .query_is(&[
            ("perPage", "25"),
            ("page", "1"),
            ("active", "true"),
            ("from", "2026-02-01T00:00:00Z"),
        ])
        .reply(&server, "product/list.json")
        .await;

    let from: chrono::DateTime<chrono::Utc> = "2026-02-01T00:00:00Z".parse().unwrap();
    let r = ps
        .products()
        .list()
        .per_page(25u32)
        .page(1u32)
        .active(true)
        .from(from)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].low_stock_alert.map(|f| f.get()), Some(true));
    assert_eq!(r.data[1].price.map(Amount::subunits), Some(250_000));
    assert_eq!(r.data[1].unlimited.map(|f| f.get()), Some(true));
    assert_eq!(
        r.data[1].currency,
        Some(Currency::Unknown("XAF".into())),
        "unknown currencies are kept"
    );
    assert_eq!(r.data[2].id, Some(Id::Num(730_116)), "string id");
    assert_eq!(r.data[2].active.map(|f| f.get()), Some(false));
    let meta = r.meta.unwrap();
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(25),
        "perPage as a string"
    );
    assert_eq!(meta.total.map(|t| t.get()), Some(3));
}

#[tokio::test]
async fn product_fetch_uses_numeric_id() {
    let (server, ps) = setup().await;
    expect("GET", "/product/730114")
        .reply(&server, "product/product.json")
        .await;
    let r = ps.products().fetch(730_114).send().await.unwrap();
    assert_eq!(r.data.product_code.as_deref(), Some("PROD_m4k2r8w1q9z3"));
    assert_eq!(r.data.slug.as_deref(), Some("clay-mug-x7d2"));
}

#[tokio::test]
async fn product_update_sends_only_set_fields() {
    let (server, ps) = setup().await;
    expect("PUT", "/product/730114")
        .body(json!({
            "price": 480000,
            "quantity": 0,
            "split_code": "SPL_q1w2e3r4t5"
        }))
        .reply(&server, "product/product.json")
        .await;
    let r = ps
        .products()
        .update(730_114)
        .price(Amount::from_subunits(480_000).unwrap())
        .quantity(0)
        .split_code("SPL_q1w2e3r4t5")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Clay mug"));

    let err = ps.products().update(730_114).name("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
}

#[tokio::test]
async fn product_update_rejects_ids_past_i64() {
    let (server, ps) = setup().await;
    let err = ps.products().update(u64::MAX).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "id",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn product_delete_reads_message() {
    let (server, ps) = setup().await;
    expect("DELETE", "/product/730115")
        .reply(&server, "product/delete.json")
        .await;
    let r = ps.products().delete(730_115).send().await.unwrap();
    assert_eq!(r.message, "Product removed");
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn product_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/product")
        .body(json!({
            "name": "Shea butter tin",
            "description": "Unscented, 200 g",
            "price": 350000,
            "currency": "GHS",
            "unlimited": false,
            "quantity": 25,
            "split_code": "SPL_v5b6n7m8",
            "metadata": {"shelf": "B4"}
        }))
        .reply(&server, "product/product.json")
        .await;
    let r = ps
        .products()
        .create("Shea butter tin", amount(350_000))
        .description("Unscented, 200 g")
        .currency(Currency::GHS)
        .unlimited(false)
        .quantity(25)
        .split_code("SPL_v5b6n7m8")
        .metadata(json!({"shelf": "B4"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.product_code.as_deref(), Some("PROD_m4k2r8w1q9z3"));
}

#[tokio::test]
async fn product_create_requires_description_and_currency() {
    let (server, ps) = setup().await;
    let err = ps
        .products()
        .create("Shea butter tin", amount(350_000))
        .currency(Currency::GHS)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("description")))
    ));
    let err = ps
        .products()
        .create("Shea butter tin", amount(350_000))
        .description("Unscented, 200 g")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn product_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/product")
        .query_is(&[
            ("perPage", "12"),
            ("page", "2"),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-28T00:00:00Z"),
            ("active", "false"),
        ])
        .reply(&server, "product/list.json")
        .await;
    let r = ps
        .products()
        .list()
        .per_page(12u32)
        .page(2u32)
        .from(at("2026-02-01T00:00:00Z"))
        .to(at("2026-02-28T00:00:00Z"))
        .active(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
}

#[tokio::test]
async fn product_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/product/730114")
        .body(json!({
            "name": "Shea butter jar",
            "description": "Unscented, 500 g",
            "price": 720000,
            "currency": "NGN",
            "unlimited": true,
            "quantity": 0,
            "split_code": "SPL_c3x4z5a6",
            "metadata": {"shelf": "C1"}
        }))
        .reply(&server, "product/product.json")
        .await;
    let r = ps
        .products()
        .update(730_114)
        .name("Shea butter jar")
        .description("Unscented, 500 g")
        .price(amount(720_000))
        .currency(Currency::NGN)
        .unlimited(true)
        .quantity(0)
        .split_code("SPL_c3x4z5a6")
        .metadata(json!({"shelf": "C1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(730_114)));
}

#[tokio::test]
async fn product_split_code_with_a_wrong_prefix_is_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .products()
        .update(730_114)
        .split_code("PROD_m4k2r8w1q9z3")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "split_code",
            expected: "SPL_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
