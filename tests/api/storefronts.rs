//! Storefronts: every operation's request and decoded response.

use paystack::{
    enums::{Currency, Domain, StorefrontStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn storefront_create_sends_body_and_decodes_storefront() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront")
        .body(json!({
            "name": "Kente Corner",
            "slug": "kente-corner",
            "currency": "GHS",
            "description": "Woven cloth from Bonwire"
        }))
        .reply(&server, "storefront/storefront.json")
        .await;

    let r = ps
        .storefronts()
        .create("Kente Corner", "kente-corner")
        .currency(Currency::GHS)
        .description("Woven cloth from Bonwire")
        .send()
        .await
        .unwrap();
    let s = r.data;
    assert_eq!(s.id, Some(Id::Num(48_213)));
    assert_eq!(s.domain, Some(Domain::Live));
    assert_eq!(s.status, Some(StorefrontStatus::Active));
    assert_eq!(s.shippable.map(|f| f.get()), Some(true), "1 reads as true");
    assert_eq!(s.description, None);
    assert_eq!(s.metadata, Some(json!({"theme": "loom"})));
    let contacts = s.contacts.unwrap();
    assert_eq!(
        contacts[0].type_.map(|t| t.get()),
        Some(1),
        "type as a string"
    );
    assert_eq!(contacts[1].type_name, None);
    let fee = &s.shipping_fees.unwrap()[0];
    assert_eq!(fee.fee.map(Amount::subunits), Some(2_500));
    assert_eq!(fee.is_deleted.map(|f| f.get()), Some(false));
    assert_eq!(fee.storefront, Some(Id::Num(48_213)));
    let products = s.products.unwrap();
    assert_eq!(products[0].name.as_deref(), Some("Adwinasa stole"));
    assert_eq!(r.meta.unwrap().total.map(|t| t.get()), Some(1));
}

#[tokio::test]
async fn storefront_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let shops = ps.storefronts();
    let err = shops
        .create(" ", "kente")
        .currency(Currency::GHS)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = shops
        .create("Kente", "")
        .currency(Currency::GHS)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("slug")))
    ));
    let err = shops
        .create("Kente", "kente corner/1")
        .currency(Currency::GHS)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "slug",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn storefront_list_sends_filters_and_keeps_unknown_status() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront")
        .query_is(&[("perPage", "10"), ("page", "1"), ("status", "active")])
        .reply(&server, "storefront/list.json")
        .await;
    let r = ps
        .storefronts()
        .list()
        .per_page(10u32)
        .page(1u32)
        .status(StorefrontStatus::Active)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].orders_count.map(|c| c.get()), Some(12));
    assert_eq!(r.data[0].revenue, None);
    assert_eq!(
        r.data[1].status,
        Some(StorefrontStatus::Unknown("suspended".into())),
        "unknown statuses are kept"
    );
    assert_eq!(r.data[1].contacts, None, "missing arrays read as None");
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(10));
}

#[tokio::test]
async fn storefront_fetch_uses_numeric_id() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront/48213")
        .reply(&server, "storefront/storefront.json")
        .await;
    let r = ps.storefronts().fetch(48_213).send().await.unwrap();
    assert_eq!(r.data.slug.as_deref(), Some("kente-corner"));
    assert_eq!(
        r.data.created_at.as_deref(),
        Some("2026-01-20T09:58:41.000Z")
    );
}

#[tokio::test]
async fn storefront_update_sends_body_and_reads_optional_data() {
    let (server, ps) = setup().await;
    expect("PUT", "/storefront/48213")
        .body(json!({
            "name": "Kente Corner & Co",
            "slug": "kente-corner-co"
        }))
        .reply(&server, "storefront/updated.json")
        .await;
    let r = ps
        .storefronts()
        .update(48_213)
        .name("Kente Corner & Co")
        .slug("kente-corner-co")
        .send()
        .await
        .unwrap();
    let s = r.data.unwrap();
    assert_eq!(s.status, Some(StorefrontStatus::Inactive));

    let err = ps
        .storefronts()
        .update(48_213)
        .slug("no spaces")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "slug",
            ..
        }))
    ));
}

#[tokio::test]
async fn storefront_delete_reads_message() {
    let (server, ps) = setup().await;
    expect("DELETE", "/storefront/48213")
        .reply(&server, "storefront/deleted.json")
        .await;
    let r = ps.storefronts().delete(48_213).send().await.unwrap();
    assert_eq!(r.message, "Storefront deleted");
}

#[tokio::test]
async fn storefront_verify_slug_succeeds_when_free() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront/verify/kente-corner")
        .reply(&server, "storefront/message.json")
        .await;
    let r = ps
        .storefronts()
        .verify_slug("kente-corner")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Slug is available");
}

#[tokio::test]
async fn storefront_verify_slug_reports_taken_slug_as_api_error() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront/verify/night-market")
        .respond(
            &server,
            ResponseTemplate::new(400).set_body_json(json!({
                "status": false,
                "message": "Slug is already in use"
            })),
        )
        .await;
    let err = ps
        .storefronts()
        .verify_slug("night-market")
        .send()
        .await
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 400);
    assert_eq!(api.message, "Slug is already in use");

    let err = ps.storefronts().verify_slug("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("slug")))
    ));
}

#[tokio::test]
async fn storefront_fetch_orders_decodes_array() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront/48213/order")
        .reply(&server, "storefront/orders.json")
        .await;
    let r = ps.storefronts().fetch_orders(48_213).send().await.unwrap();
    let o = &r.data[0];
    assert_eq!(o.order_code.as_deref(), Some("ORD_b7n3m5k9j1"));
    assert_eq!(
        o.amount.map(Amount::subunits),
        Some(172_500),
        "amount as a string"
    );
    assert_eq!(o.customer.as_ref().and_then(|c| c.id()), Some(30_551_872));
    assert_eq!(o.transaction, Some(Id::Num(5_234_001_122)));
    assert_eq!(o.refunded.map(|f| f.get()), Some(false), "0 reads as false");
    assert_eq!(o.is_viewed.map(|f| f.get()), Some(true));
    assert_eq!(o.metadata, Some(json!("")));
    assert_eq!(o.created_at.as_deref(), Some("2026-03-03T11:18:40.000Z"));
    let item = &o.items.as_ref().unwrap()[0];
    assert_eq!(item.order_id, Some(Id::Num(1_190_442)));
    assert_eq!(item.quantity.map(|q| q.get()), Some(2));
    assert_eq!(
        item.current_total_items_price.map(Amount::subunits),
        Some(170_000)
    );
}

#[tokio::test]
async fn storefront_add_products_sends_ids_and_reads_array() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront/48213/product")
        .body(json!({"products": [730201, 730202]}))
        .reply(&server, "storefront/added_many.json")
        .await;
    let r = ps
        .storefronts()
        .add_products(48_213, vec![730_201, 730_202])
        .send()
        .await
        .unwrap();
    let products = r.data.unwrap();
    assert_eq!(products.len(), 2);
    assert_eq!(products[1].price.map(Amount::subunits), Some(64_000));
}

#[tokio::test]
async fn storefront_add_products_reads_single_object() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront/48213/product")
        .body(json!({"products": [730203]}))
        .reply(&server, "storefront/added_one.json")
        .await;
    let r = ps
        .storefronts()
        .add_products(48_213, vec![730_203])
        .send()
        .await
        .unwrap();
    let products = r.data.unwrap();
    assert_eq!(products.len(), 1);
    assert_eq!(products[0].name.as_deref(), Some("Kente tote"));
    assert_eq!(products[0].active.map(|f| f.get()), Some(true));
}

#[tokio::test]
async fn storefront_add_products_rejects_empty_list_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.storefronts().add_products(48_213, vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("products")))
    ));
    let err = ps
        .storefronts()
        .add_products(48_213, vec![u64::MAX])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "products",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn storefront_list_products_decodes_array() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront/48213/product")
        .reply(&server, "storefront/products.json")
        .await;
    let r = ps.storefronts().list_products(48_213).send().await.unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].is_shippable.map(|f| f.get()), Some(true));
    assert_eq!(r.data[1].price.map(Amount::subunits), Some(64_000));
    assert_eq!(r.data[1].quantity, None, "null quantity");
    assert!(r.meta.is_none());
}

#[tokio::test]
async fn storefront_publish_accepts_null_data() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront/48213/publish")
        .reply(&server, "storefront/published.json")
        .await;
    let r = ps.storefronts().publish(48_213).send().await.unwrap();
    assert_eq!(r.message, "Storefront published");
    assert!(r.data.is_none());
}

#[tokio::test]
async fn storefront_duplicate_decodes_copy() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront/48213/duplicate")
        .reply(&server, "storefront/duplicate.json")
        .await;
    let r = ps.storefronts().duplicate(48_213).send().await.unwrap();
    let copy = r.data.unwrap();
    assert_eq!(copy.id, Some(Id::Num(48_301)));
    assert_eq!(copy.shippable.map(|f| f.get()), Some(false));
    assert_eq!(copy.status, Some(StorefrontStatus::Inactive));
}

// Paystack at times answers adding products and duplicating with a message and no `data`.
#[tokio::test]
async fn storefront_add_products_and_duplicate_take_an_answer_without_data() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront/48213/product")
        .body(json!({"products": [730204]}))
        .reply(&server, "storefront/added_no_data.json")
        .await;
    expect("POST", "/storefront/48213/duplicate")
        .reply(&server, "storefront/duplicated_no_data.json")
        .await;
    let added = ps
        .storefronts()
        .add_products(48_213, vec![730_204])
        .send()
        .await
        .unwrap();
    assert!(added.data.is_none());
    assert_eq!(added.message, "Products added to the shop");
    let copy = ps.storefronts().duplicate(48_213).send().await.unwrap();
    assert!(copy.data.is_none());
    assert_eq!(copy.message, "Shop copied");
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn storefront_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/storefront")
        .body(json!({
            "name": "Night Market",
            "slug": "night-market",
            "currency": "NGN",
            "description": "Street food boxes, late evenings"
        }))
        .reply(&server, "storefront/storefront.json")
        .await;
    let r = ps
        .storefronts()
        .create("Night Market", "night-market")
        .currency(Currency::NGN)
        .description("Street food boxes, late evenings")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.slug.as_deref(), Some("kente-corner"));
}

#[tokio::test]
async fn storefront_create_requires_a_currency() {
    let (server, ps) = setup().await;
    let err = ps
        .storefronts()
        .create("Night Market", "night-market")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn storefront_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/storefront")
        .query_is(&[("perPage", "8"), ("page", "3"), ("status", "inactive")])
        .reply(&server, "storefront/list.json")
        .await;
    let r = ps
        .storefronts()
        .list()
        .per_page(8u32)
        .page(3u32)
        .status(StorefrontStatus::Inactive)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn storefront_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/storefront/48213")
        .body(json!({
            "name": "Kente Corner Co",
            "slug": "kente-corner-co",
            "description": "Woven cloth and scarves"
        }))
        .reply(&server, "storefront/updated.json")
        .await;
    let r = ps
        .storefronts()
        .update(48_213)
        .name("Kente Corner Co")
        .slug("kente-corner-co")
        .description("Woven cloth and scarves")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.and_then(|s| s.slug).as_deref(),
        Some("kente-corner-co")
    );
}
