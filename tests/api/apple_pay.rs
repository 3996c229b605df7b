//! Apple Pay: every operation's request and decoded response.

use paystack::{Error, ValidationError};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn apple_pay_register_domain_sends_domain_name() {
    let (server, ps) = setup().await;
    expect("POST", "/apple-pay/domain")
        .body(json!({"domainName": "shop.example.org"}))
        .reply(&server, "apple_pay/registered.json")
        .await;
    let r = ps
        .apple_pay()
        .register_domain("shop.example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Apple Pay domain added");
}

#[tokio::test]
async fn apple_pay_register_domain_rejects_urls_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.apple_pay().register_domain("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("domain_name")))
    ));
    for bad in [
        "https://shop.example.org",
        "shop.example.org/checkout",
        "shop.example.org:8443",
        "shop example.org",
        "localhost",
        ".example.org",
    ] {
        let err = ps.apple_pay().register_domain(bad).send().await;
        assert!(
            matches!(
                err,
                Err(Error::Validation(ValidationError::Invalid {
                    field: "domain_name",
                    ..
                }))
            ),
            "{bad} should be refused"
        );
    }
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn apple_pay_list_domain_sends_cursor_and_decodes_names() {
    let (server, ps) = setup().await;
    expect("GET", "/apple-pay/domain")
        .query("use_cursor", "true")
        .query("next", "Y3Vyc29yOjE=")
        .reply(&server, "apple_pay/list.json")
        .await;
    let r = ps
        .apple_pay()
        .list_domains()
        .use_cursor(true)
        .next("Y3Vyc29yOjE=")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.domain_names,
        Some(vec![
            "shop.example.org".to_string(),
            "pay.example.org".to_string()
        ])
    );
    let meta = r.meta.unwrap();
    assert_eq!(meta.next, None);
    assert_eq!(meta.previous.as_deref(), Some("null"), "kept as sent");
    assert_eq!(meta.per_page.map(|p| p.get()), Some(50));
}

#[tokio::test]
async fn apple_pay_unregister_domain_sends_delete_with_body() {
    let (server, ps) = setup().await;
    expect("DELETE", "/apple-pay/domain")
        .body(json!({"domainName": "pay.example.org"}))
        .reply(&server, "apple_pay/unregistered.json")
        .await;
    let r = ps
        .apple_pay()
        .unregister_domain("pay.example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Apple Pay domain removed");
}

#[tokio::test]
async fn apple_pay_unregister_domain_rejects_blank_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.apple_pay().unregister_domain("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("domain_name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn apple_pay_list_domains_sends_every_setter() {
    let (server, ps) = setup().await;
    crate::common::expect("GET", "/apple-pay/domain")
        .query_is(&[
            ("use_cursor", "true"),
            ("next", "ZG9tYWluOjk="),
            ("previous", "ZG9tYWluOjM="),
        ])
        .reply(&server, "apple_pay/list.json")
        .await;
    let r = ps
        .apple_pay()
        .list_domains()
        .use_cursor(true)
        .next("ZG9tYWluOjk=")
        .previous("ZG9tYWluOjM=")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.domain_names.map(|d| d.len()), Some(2));
}
