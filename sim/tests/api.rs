//! The HTTP surface: auth, routing, validation and generic state, spoken to with plain HTTP.

mod common;

use common::{call, Sim};
use serde_json::json;

#[tokio::test]
async fn keys_are_checked_and_integrations_are_isolated() {
    let s = Sim::start().await;
    let (st, b) = call(&s.base, "GET", "/balance", None, None).await;
    assert_eq!(st, 401);
    assert_eq!(b["status"], false);
    let (st, _) = call(&s.base, "GET", "/balance", Some("sk_test_nobody"), None).await;
    assert_eq!(st, 401);
    let pk = s.sim.public_key().to_string();
    let (st, b) = call(&s.base, "GET", "/balance", Some(&pk), None).await;
    assert_eq!(st, 401, "{b}");

    let other = s.sim.add_integration();
    let (st, created) = call(
        &s.base,
        "POST",
        "/customer",
        Some(&s.key),
        Some(json!({"email": "ada@example.com", "first_name": "Ada"})),
    )
    .await;
    assert_eq!(st, 200, "{created}");
    let code = created["data"]["customer_code"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(code.starts_with("CUS_"));
    let (st, _) = call(
        &s.base,
        "GET",
        &format!("/customer/{code}"),
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(st, 200);
    let (st, b) = call(
        &s.base,
        "GET",
        &format!("/customer/{code}"),
        Some(&other),
        None,
    )
    .await;
    assert_eq!(st, 404, "{b}");
    let (_, list) = call(&s.base, "GET", "/customer", Some(&other), None).await;
    assert_eq!(list["data"], json!([]));
    assert_eq!(list["meta"]["total"], 0);
}

#[tokio::test]
async fn bad_requests_get_paystack_errors() {
    let s = Sim::start().await;
    let (st, b) = call(
        &s.base,
        "POST",
        "/plan",
        Some(&s.key),
        Some(json!({"name": "Gold"})),
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(b["type"], "validation_error");
    assert_eq!(b["code"], "missing_params");
    assert!(b["message"].as_str().unwrap().contains("required"), "{b}");

    let (st, b) = call(
        &s.base,
        "POST",
        "/plan",
        Some(&s.key),
        Some(json!({"name": "Gold", "amount": "lots", "interval": "monthly"})),
    )
    .await;
    assert_eq!(st, 400, "{b}");
    let (st, b) = call(
        &s.base,
        "POST",
        "/plan",
        Some(&s.key),
        Some(json!({"name": "Gold", "amount": 500000, "interval": "fortnightly"})),
    )
    .await;
    assert_eq!(st, 400, "{b}");
    assert!(b["message"].as_str().unwrap().contains("interval"), "{b}");

    let (st, b) = common::raw(
        &s.base,
        "POST",
        "/customer",
        Some(&s.key),
        b"{not json".to_vec(),
        &[],
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(b["status"], false);

    let (st, b) = call(&s.base, "GET", "/no/such/thing", Some(&s.key), None).await;
    assert_eq!(st, 404);
    assert_eq!(b["status"], false);

    let (st, b) = call(
        &s.base,
        "GET",
        "/transaction?perPage=many",
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(st, 400, "{b}");

    let big = vec![b' '; 2 * 1024 * 1024];
    let (st, _) = common::raw(&s.base, "POST", "/customer", Some(&s.key), big, &[]).await;
    assert_eq!(st, 413);
}

#[tokio::test]
async fn generic_records_update_and_page() {
    let s = Sim::start().await;
    for i in 0..5 {
        let (st, _) = call(
            &s.base,
            "POST",
            "/product",
            Some(&s.key),
            Some(json!({"name": format!("Mug {i}"), "description": "A mug", "price": 150000 + i, "currency": "NGN"})),
        )
        .await;
        assert_eq!(st, 201, "the spec declares 201 for a new product");
    }
    let (_, page) = call(
        &s.base,
        "GET",
        "/product?perPage=2&page=3",
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(page["meta"]["total"], 5);
    assert_eq!(page["meta"]["pageCount"], 3);
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert_eq!(page["data"][0]["name"], "Mug 0", "newest first");
    let id = page["data"][0]["id"].as_i64().unwrap();
    let (st, up) = call(
        &s.base,
        "PUT",
        &format!("/product/{id}"),
        Some(&s.key),
        Some(json!({"name": "Big mug"})),
    )
    .await;
    assert_eq!(st, 200, "{up}");
    let (_, got) = call(
        &s.base,
        "GET",
        &format!("/product/{id}"),
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(got["data"]["name"], "Big mug");
    assert_eq!(got["data"]["price"], 150000);
    let (st, _) = call(
        &s.base,
        "DELETE",
        &format!("/product/{id}"),
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(st, 200);
    let (st, _) = call(
        &s.base,
        "GET",
        &format!("/product/{id}"),
        Some(&s.key),
        None,
    )
    .await;
    assert_eq!(st, 404);
}

#[tokio::test]
async fn no_operation_answers_garbage_with_a_server_error() {
    let s = Sim::start().await;
    let bodies: [&[u8]; 7] = [
        b"",
        b"null",
        b"[]",
        b"{}",
        b"{\"amount\": \"x\", \"email\": 5}",
        b"\"text\"",
        b"{\"a\":",
    ];
    for op in &paystack_sim::spec::spec().ops {
        let path: String = op
            .segments
            .iter()
            .map(|seg| match seg {
                paystack_sim::spec::Seg::Lit(l) => format!("/{l}"),
                paystack_sim::spec::Seg::Param(_) => "/%ZZ%20x".to_string(),
            })
            .collect();
        for body in bodies {
            for query in [
                "",
                "?page=-1&perPage=0",
                "?perPage=99999999999999999999&use_cursor=maybe",
            ] {
                let (st, b) = common::raw(
                    &s.base,
                    &op.method,
                    &format!("{path}{query}"),
                    Some(&s.key),
                    body.to_vec(),
                    &[],
                )
                .await;
                assert!(
                    (200..500).contains(&st) && b.is_object(),
                    "{} {path}{query} with {:?}: {st} {b}",
                    op.method,
                    String::from_utf8_lossy(body)
                );
                if st >= 400 {
                    assert_eq!(b["status"], false, "{} {path}: {b}", op.method);
                }
            }
        }
    }
}

#[tokio::test]
async fn debug_output_never_shows_the_key() {
    let s = Sim::start().await;
    let shown = format!("{:?}", s.sim);
    assert!(!shown.contains(&s.key), "{shown}");
    assert!(shown.contains(&s.base));
    let b = paystack_sim::Simulator::builder().secret_key("sk_test_hidden0000000000000000");
    assert!(!format!("{b:?}").contains("hidden"));
}
