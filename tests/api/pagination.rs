//! Streams over every page: offset and cursor paging, and the guards against endless loops.

use futures::{StreamExt, TryStreamExt};
use paystack::{Error, Paginate};
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{setup, BEARER};

fn plans(codes: &[&str]) -> Vec<Value> {
    codes
        .iter()
        .map(|c| json!({"plan_code": c, "name": format!("Plan {c}")}))
        .collect()
}

async fn page(server: &MockServer, number: &str, data: Vec<Value>, meta: Value) {
    Mock::given(method("GET"))
        .and(path("/plan"))
        .and(header("authorization", BEARER))
        .and(query_param("page", number))
        .and(query_param("perPage", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "Plans retrieved", "data": data, "meta": meta
        })))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn offset_lists_stop_at_page_count() {
    let (server, ps) = setup().await;
    let meta = |p: i64| json!({"total": 5, "perPage": 2, "page": p, "pageCount": 3});
    page(&server, "1", plans(&["PLN_a", "PLN_b"]), meta(1)).await;
    page(&server, "2", plans(&["PLN_c", "PLN_d"]), meta(2)).await;
    page(&server, "3", plans(&["PLN_e"]), meta(3)).await;

    let codes: Vec<String> = ps
        .plans()
        .list()
        .per_page(2u32)
        .page(1u32)
        .stream()
        .map_ok(|p| p.plan_code.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(codes, ["PLN_a", "PLN_b", "PLN_c", "PLN_d", "PLN_e"]);
}

#[tokio::test]
async fn offset_lists_stop_on_a_short_page_without_page_count() {
    let (server, ps) = setup().await;
    page(
        &server,
        "1",
        plans(&["PLN_a", "PLN_b"]),
        json!({"perPage": "2", "page": 1}),
    )
    .await;
    page(
        &server,
        "2",
        plans(&["PLN_c"]),
        json!({"perPage": "2", "page": "2"}),
    )
    .await;
    let all: Vec<_> = ps
        .plans()
        .list()
        .per_page(2u32)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
}

#[tokio::test]
async fn offset_lists_stop_on_an_empty_page() {
    let (server, ps) = setup().await;
    page(&server, "1", plans(&["PLN_a", "PLN_b"]), json!({"page": 1})).await;
    page(&server, "2", vec![], json!({"page": 2})).await;
    let all: Vec<_> = ps
        .plans()
        .list()
        .per_page(2u32)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn a_server_that_ignores_the_page_number_ends_in_an_error_not_a_loop() {
    let (server, ps) = setup().await;
    page(
        &server,
        "1",
        plans(&["PLN_a", "PLN_b"]),
        json!({"page": 1, "perPage": 2}),
    )
    .await;
    page(
        &server,
        "2",
        plans(&["PLN_a", "PLN_b"]),
        json!({"page": 1, "perPage": 2}),
    )
    .await;
    let items: Vec<_> = ps.plans().list().per_page(2u32).stream().collect().await;
    assert_eq!(items.len(), 5, "two pages of items, then the error");
    let Err(Error::Decode(d)) = &items[4] else {
        panic!("expected the guard error: {items:?}")
    };
    assert_eq!(d.path, "meta.page");
}

#[tokio::test]
async fn cursor_lists_follow_meta_next() {
    let (server, ps) = setup().await;
    let tx = |r: &str| json!({"reference": r, "amount": 10000, "currency": "NGN"});
    Mock::given(method("GET"))
        .and(path("/transaction"))
        .and(query_param("use_cursor", "true"))
        .and(query_param_is_missing("next"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "ok",
            "data": [tx("r-1"), tx("r-2")],
            "meta": {"next": "Y3Vyc29yOjI=", "previous": null, "perPage": 2}
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/transaction"))
        .and(query_param("use_cursor", "true"))
        .and(query_param("next", "Y3Vyc29yOjI="))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "ok",
            "data": [tx("r-3")],
            "meta": {"next": "null", "previous": "Y3Vyc29yOjA=", "perPage": 2}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let refs: Vec<String> = ps
        .transactions()
        .list()
        .use_cursor(true)
        .stream()
        .map_ok(|t| t.reference.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        refs,
        ["r-1", "r-2", "r-3"],
        "the string \"null\" ends the walk"
    );
}

#[tokio::test]
async fn a_repeated_cursor_ends_in_an_error_not_a_loop() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/terminal"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "ok",
            "data": [{"terminal_id": "T-1"}],
            "meta": {"next": "c2FtZQ==", "perPage": 1}
        })))
        .expect(2)
        .mount(&server)
        .await;
    let items: Vec<_> = ps.terminals().list().stream().collect().await;
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].is_ok() && items[1].is_ok(), "{items:?}");
    let Err(Error::Decode(d)) = &items[2] else {
        panic!("expected the guard error")
    };
    assert_eq!(d.path, "meta.next");
}

#[tokio::test]
async fn an_api_error_mid_walk_is_yielded_after_the_items_so_far() {
    let (server, ps) = setup().await;
    page(
        &server,
        "1",
        plans(&["PLN_a", "PLN_b"]),
        json!({"page": 1, "pageCount": 4}),
    )
    .await;
    Mock::given(method("GET"))
        .and(path("/plan"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(503).set_body_string("upstream unavailable"))
        .expect(3) // a 503 on a read is resent, up to the policy's 3 attempts
        .mount(&server)
        .await;
    let items: Vec<_> = ps.plans().list().per_page(2u32).stream().collect().await;
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[2].as_ref().unwrap_err().as_api().map(|a| a.status),
        Some(503)
    );
}
