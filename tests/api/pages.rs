//! Payment pages: every operation's request and decoded response.

use paystack::{
    enums::{Currency, Domain, PageType},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn page_create_sends_body_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("POST", "/page")
        .body(json!({
            "name": "Harvest dinner ticket",
            "amount": 1200000,
            "currency": "NGN",
            "slug": "harvest-dinner",
            "type": "payment",
            "fixed_amount": true,
            "collect_phone": true,
            "notification_email": "tickets@events.example.org",
            "redirect_url": "https://events.example.org/thanks",
            "metadata": {"table_count": 24},
            "custom_fields": [{"display_name": "Dietary needs", "variable_name": "diet"}]
        }))
        .reply(&server, "page/page.json")
        .await;

    let r = ps
        .pages()
        .create("Harvest dinner ticket")
        .amount(Amount::from_major("12000").unwrap())
        .currency(Currency::NGN)
        .slug("harvest-dinner")
        .page_type(PageType::Payment)
        .fixed_amount(true)
        .collect_phone(true)
        .notification_email("tickets@events.example.org")
        .redirect_url("https://events.example.org/thanks")
        .metadata(json!({"table_count": 24}))
        .custom_fields(vec![
            json!({"display_name": "Dietary needs", "variable_name": "diet"}),
        ])
        .send()
        .await
        .unwrap();
    let p = r.data;
    assert_eq!(p.id, Some(Id::Num(3_381_904)));
    assert_eq!(p.domain, Some(Domain::Test));
    assert_eq!(p.type_, Some(PageType::Payment));
    assert_eq!(p.amount.map(Amount::subunits), Some(1_200_000));
    assert_eq!(
        p.fixed_amount.map(|f| f.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(p.migrate.map(|f| f.get()), Some(false));
    assert_eq!(p.description, None);
    assert_eq!(p.plan, None);
    assert_eq!(p.custom_fields.map(|f| f.len()), Some(1));
    assert_eq!(p.created_at.as_deref(), Some("2026-02-20T14:30:00.000Z"));
}

#[tokio::test]
async fn page_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let pages = ps.pages();
    let err = pages
        .create("Dinner")
        .amount(Amount::from_subunits(4_000).unwrap())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountBelowMinimum {
            minimum: 5000,
            ..
        }))
    ));
    let err = pages.create("Dinner").fixed_amount(true).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "amount",
            ..
        }))
    ));
    let err = pages.create("Dinner").slug("harvest dinner").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "slug",
            ..
        }))
    ));
    let err = pages
        .create("Dinner")
        .notification_email("tickets")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = pages
        .create("Supporters")
        .page_type(PageType::Subscription)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("plan")))
    ));
    let err = pages.create("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn page_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/page")
        .query_is(&[
            ("perPage", "50"),
            ("page", "1"),
            ("to", "2026-03-01T00:00:00Z"),
        ])
        .reply(&server, "page/list.json")
        .await;
    let r = ps
        .pages()
        .list()
        .per_page(50u32)
        .page(1u32)
        .to("2026-03-01T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(
        r.data[0].amount.map(Amount::subunits),
        Some(1_200_000),
        "amount as a string"
    );
    assert_eq!(r.data[0].published.map(|f| f.get()), Some(true));
    assert_eq!(r.data[0].metadata, Some(json!(0)));
    assert_eq!(r.data[1].amount, None, "null amount");
    assert_eq!(r.data[1].plan, Some(json!(60412)));
    assert_eq!(r.data[1].currency, Some(Currency::KES));
    assert_eq!(
        r.data[2].type_,
        Some(PageType::Unknown("invoice".into())),
        "unknown page types are kept"
    );
    assert_eq!(r.meta.unwrap().page_count.map(|p| p.get()), Some(1));
}

#[tokio::test]
async fn page_fetch_accepts_slug() {
    let (server, ps) = setup().await;
    expect("GET", "/page/harvest-dinner")
        .reply(&server, "page/page.json")
        .await;
    let r = ps.pages().fetch("harvest-dinner").send().await.unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Harvest dinner ticket"));
    assert_eq!(
        r.data.notification_email.as_deref(),
        Some("tickets@events.example.org")
    );
}

#[tokio::test]
async fn page_update_sends_only_set_fields() {
    let (server, ps) = setup().await;
    expect("PUT", "/page/3381904")
        .body(json!({
            "description": "Now with live music",
            "amount": 1500000,
            "active": false
        }))
        .reply(&server, "page/page.json")
        .await;
    let r = ps
        .pages()
        .update(3_381_904.to_string())
        .description("Now with live music")
        .amount(Amount::from_subunits(1_500_000).unwrap())
        .active(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.slug.as_deref(), Some("harvest-dinner"));

    let err = ps.pages().update(" ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("id_or_slug")))
    ));
}

#[tokio::test]
async fn page_check_slug_availability_reads_message() {
    let (server, ps) = setup().await;
    expect("GET", "/page/check_slug_availability/harvest-dinner")
        .reply(&server, "page/slug.json")
        .await;
    let r = ps
        .pages()
        .check_slug_availability("harvest-dinner")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Slug is free to use");
}

#[tokio::test]
async fn page_check_slug_availability_reports_taken_slug() {
    let (server, ps) = setup().await;
    expect("GET", "/page/check_slug_availability/popup")
        .respond(
            &server,
            ResponseTemplate::new(400).set_body_json(json!({
                "status": false,
                "message": "Slug already taken"
            })),
        )
        .await;
    let err = ps
        .pages()
        .check_slug_availability("popup")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.as_api().map(|e| e.status), Some(400));
}

#[tokio::test]
async fn page_add_products_sends_ids_and_decodes_flags() {
    let (server, ps) = setup().await;
    expect("POST", "/page/3382010/product")
        .body(json!({"products": [730301, 730302]}))
        .reply(&server, "page/products.json")
        .await;
    let r = ps
        .pages()
        .add_products("3382010", vec![730_301, 730_302])
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.type_, Some(PageType::Product));
    let products = r.data.products.unwrap();
    assert_eq!(products.len(), 2);
    let tin = &products[0];
    assert_eq!(tin.product_id, Some(Id::Num(730_301)));
    assert_eq!(tin.page, Some(Id::Num(3_382_010)));
    assert_eq!(
        tin.is_shippable.map(|f| f.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(tin.active.map(|f| f.get()), Some(true));
    assert_eq!(
        tin.in_stock.map(|f| f.get()),
        Some(false),
        "0 reads as false"
    );
    assert_eq!(tin.features, None);
    let biltong = &products[1];
    assert_eq!(biltong.price.map(Amount::subunits), Some(12_500));
    assert_eq!(biltong.is_shippable.map(|f| f.get()), Some(false));
    assert_eq!(biltong.description, None, "missing field");
}

#[tokio::test]
async fn page_add_products_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.pages().add_products("3382010", vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("products")))
    ));
    let err = ps.pages().add_products("", vec![730_301]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("id")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn page_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/page")
        .query_is(&[
            ("perPage", "4"),
            ("page", "2"),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-15T00:00:00Z"),
        ])
        .reply(&server, "page/list.json")
        .await;
    let r = ps
        .pages()
        .list()
        .per_page(4u32)
        .page(2u32)
        .from(crate::common::at("2026-02-01T00:00:00Z"))
        .to(crate::common::at("2026-02-15T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].id, Some(Id::Num(3_381_904)));
}

#[tokio::test]
async fn page_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/page")
        .body(json!({
            "name": "Reading club",
            "description": "Monthly reading club dues",
            "amount": 450000,
            "currency": "NGN",
            "slug": "reading-club",
            "type": "subscription",
            "plan": "PLN_r3ad1ngclub",
            "fixed_amount": true,
            "split_code": "SPL_b00kw0rm5",
            "metadata": {"shelf": 3},
            "redirect_url": "https://club.example.org/welcome",
            "success_message": "See you at the next meeting",
            "notification_email": "desk@club.example.org",
            "collect_phone": true,
            "custom_fields": [{"display_name": "Favourite author"}]
        }))
        .reply(&server, "page/page.json")
        .await;
    let r = ps
        .pages()
        .create("Reading club")
        .description("Monthly reading club dues")
        .amount(Amount::from_subunits(450_000).unwrap())
        .currency(paystack::enums::Currency::NGN)
        .slug("reading-club")
        .page_type(paystack::enums::PageType::Subscription)
        .plan("PLN_r3ad1ngclub")
        .fixed_amount(true)
        .split_code("SPL_b00kw0rm5")
        .metadata(json!({"shelf": 3}))
        .redirect_url("https://club.example.org/welcome")
        .success_message("See you at the next meeting")
        .notification_email("desk@club.example.org")
        .collect_phone(true)
        .custom_fields(vec![json!({"display_name": "Favourite author"})])
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(3_381_904)));
}

#[tokio::test]
async fn page_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/page/reading-club")
        .body(json!({
            "name": "Reading circle",
            "description": "Dues for the reading circle",
            "amount": 500000,
            "active": false
        }))
        .reply(&server, "page/page.json")
        .await;
    let r = ps
        .pages()
        .update("reading-club")
        .name("Reading circle")
        .description("Dues for the reading circle")
        .amount(Amount::from_subunits(500_000).unwrap())
        .active(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Harvest dinner ticket"));
}

#[tokio::test]
async fn page_create_refuses_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .pages()
        .create("Reading club")
        .page_type(paystack::enums::PageType::Subscription)
        .plan("SUB_r3ad1ngclub")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "plan",
            expected: "PLN_",
            ..
        }))
    ));
    let err = ps
        .pages()
        .create("Reading club")
        .split_code("ACCT_b00kw0rm5")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "split_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
