//! Streams over every page: offset and cursor paging, and the guards against endless loops.

use futures::{StreamExt, TryStreamExt};
use paystack::{Error, Paginate, PaginationError};
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
        .map_ok(|p| p.plan_code.map(String::from).unwrap_or_default())
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
    let Err(Error::Pagination(PaginationError::PageMismatch { asked, answered })) = &items[4]
    else {
        panic!("expected the guard error: {items:?}")
    };
    assert_eq!((*asked, *answered), (2, 1));
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
    let Err(Error::Pagination(PaginationError::CursorRepeated(cursor))) = &items[2] else {
        panic!("expected the guard error: {items:?}")
    };
    assert_eq!(cursor, "c2FtZQ==");
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

/// A plan list of `pages` pages of two, each page answered once.
async fn numbered_pages(server: &MockServer, pages: u32) {
    for n in 1..=pages {
        let codes = [format!("PLN_{n}a"), format!("PLN_{n}b")];
        let meta = json!({"total": pages * 2, "perPage": 2, "page": n, "pageCount": pages});
        page(
            server,
            &n.to_string(),
            plans(&[codes[0].as_str(), codes[1].as_str()]),
            meta,
        )
        .await;
    }
}

/// The plan codes of a walk over pages of two with `pages` in flight.
async fn plan_codes(ps: &paystack::Paystack, pages: usize) -> Vec<String> {
    let walk = ps.plans().list().per_page(2u32).stream().concurrency(pages);
    let codes = walk.map_ok(|p| p.plan_code.map(String::from).unwrap_or_default());
    codes.try_collect().await.unwrap()
}

#[tokio::test]
async fn concurrency_fetches_every_page_once_and_yields_in_order() {
    let (server, ps) = setup().await;
    numbered_pages(&server, 7).await;
    let codes = plan_codes(&ps, 3).await;
    let expected: Vec<String> = (1..=7)
        .flat_map(|n| [format!("PLN_{n}a"), format!("PLN_{n}b")])
        .collect();
    assert_eq!(codes, expected);
    // Each page mock expects exactly one request; the catch-all expects none.
    assert_eq!(server.received_requests().await.unwrap().len(), 7);
}

#[tokio::test]
async fn a_concurrent_walk_waits_out_429s_and_asks_for_that_page_again() {
    let (server, ps) = setup().await;
    let meta = |n: u32| json!({"total": 8, "perPage": 2, "page": n, "pageCount": 4});
    for n in [1u32, 2, 4] {
        let codes = [format!("PLN_{n}a"), format!("PLN_{n}b")];
        page(
            &server,
            &n.to_string(),
            plans(&[&codes[0], &codes[1]]),
            meta(n),
        )
        .await;
    }
    // Page 3 is refused four times: the request's own three attempts, then the walk's
    // second try gets one more 429 before the page.
    Mock::given(method("GET"))
        .and(path("/plan"))
        .and(query_param("page", "3"))
        .respond_with(ResponseTemplate::new(429).set_body_json(json!({
            "status": false, "message": "Too many requests"
        })))
        .up_to_n_times(4)
        .expect(4)
        .with_priority(1)
        .mount(&server)
        .await;
    page(&server, "3", plans(&["PLN_3a", "PLN_3b"]), meta(3)).await;
    let codes = plan_codes(&ps, 4).await;
    assert_eq!(
        codes,
        ["PLN_1a", "PLN_1b", "PLN_2a", "PLN_2b", "PLN_3a", "PLN_3b", "PLN_4a", "PLN_4b"]
    );
    let asked: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter_map(|r| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "page")
                .map(|(_, v)| v.into_owned())
        })
        .collect();
    assert_eq!(asked.iter().filter(|p| *p == "3").count(), 5);
    assert_eq!(asked.len(), 8);
}

#[tokio::test]
async fn raw_requests_walk_pages_with_the_same_rules() {
    let (server, ps) = setup().await;
    let meta = |p: i64| json!({"total": 3, "perPage": "2", "page": p, "pageCount": 2});
    page(&server, "1", plans(&["PLN_r1", "PLN_r2"]), meta(1)).await;
    page(&server, "2", plans(&["PLN_r3"]), meta(2)).await;

    let codes: Vec<Value> = ps
        .raw("GET", "/plan")
        .query("perPage", "2")
        .operation_id("plan_list")
        .stream()
        .map_ok(|p| p["plan_code"].clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(codes, [json!("PLN_r1"), json!("PLN_r2"), json!("PLN_r3")]);
}

#[tokio::test]
async fn raw_cursor_walks_put_the_cursor_in_the_named_parameter() {
    let (server, ps) = setup().await;
    let answer = |rows: Vec<Value>, next: Value| {
        ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "Mandates retrieved", "data": rows,
            "meta": {"next": next, "per_page": 1}
        }))
    };
    Mock::given(method("GET"))
        .and(path("/directdebit/mandate-authorizations"))
        .and(header("authorization", BEARER))
        .and(query_param_is_missing("cursor"))
        .respond_with(answer(vec![json!({"id": 801})], json!("c-2")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/directdebit/mandate-authorizations"))
        .and(query_param("cursor", "c-2"))
        .and(query_param_is_missing("page"))
        .respond_with(answer(vec![json!({"id": 802})], Value::Null))
        .expect(1)
        .mount(&server)
        .await;

    let ids: Vec<Value> = ps
        .raw("GET", "/directdebit/mandate-authorizations")
        .by_cursor("cursor")
        .stream()
        .map_ok(|m| m["id"].clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, [json!(801), json!(802)]);
}

#[tokio::test]
async fn raw_walks_refuse_an_answer_whose_data_is_not_a_list() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/balance"))
        .and(header("authorization", BEARER))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "Balances retrieved", "data": {"currency": "NGN"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let err = ps
        .raw("GET", "/balance")
        .stream()
        .try_collect::<Vec<Value>>()
        .await
        .unwrap_err();
    match err {
        Error::Decode(d) => assert_eq!(d.path, "data"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_page_read_ahead_while_the_caller_is_busy_survives_its_timeout() {
    let (server, ps) = setup().await;
    let meta = |p: i64| json!({"total": 4, "perPage": 2, "page": p, "pageCount": 2});
    page(&server, "1", plans(&["PLN_a", "PLN_b"]), meta(1)).await;
    // The read-ahead request for page 2 is answered at once, but nobody polls it while the
    // caller is busy, so its deadline passes; the walk asks for that page once more.
    Mock::given(method("GET"))
        .and(path("/plan"))
        .and(header("authorization", BEARER))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true, "message": "Plans retrieved",
            "data": plans(&["PLN_c", "PLN_d"]), "meta": meta(2)
        })))
        .expect(1..=2)
        .mount(&server)
        .await;
    let mut walk = ps
        .plans()
        .list()
        .per_page(2u32)
        .timeout(std::time::Duration::from_millis(300))
        .no_retry()
        .stream();
    let first = walk.try_next().await.unwrap().unwrap();
    assert_eq!(first.plan_code.as_deref(), Some("PLN_a"));
    // The caller works on the first record for longer than the request timeout.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    let rest: Vec<_> = walk
        .map_ok(|p| p.plan_code.map(String::from).unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest, ["PLN_b", "PLN_c", "PLN_d"]);
}
