//! Integration: every operation's request and decoded response.

use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::Mock;

use crate::common::{ok, setup, BEARER};

#[tokio::test]
async fn integration_fetch_payment_session_timeout_decodes_string_seconds() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/integration/payment_session_timeout"))
        .and(header("authorization", BEARER))
        .respond_with(ok("integration/timeout.json"))
        .expect(1)
        .mount(&server)
        .await;
    let r = ps
        .integration()
        .fetch_payment_session_timeout()
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Checkout timeout read");
    assert_eq!(
        r.data.payment_session_timeout.map(|t| t.get()),
        Some(30),
        "\"30\" reads as 30"
    );
}

#[tokio::test]
async fn integration_update_payment_session_timeout_sends_seconds() {
    let (server, ps) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/integration/payment_session_timeout"))
        .and(header("authorization", BEARER))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"timeout": 45})))
        .respond_with(ok("integration/updated.json"))
        .expect(1)
        .mount(&server)
        .await;
    let r = ps
        .integration()
        .update_payment_session_timeout(45)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.payment_session_timeout.map(|t| t.get()), Some(45));
}

#[tokio::test]
async fn integration_update_payment_session_timeout_sends_zero_to_disable() {
    let (server, ps) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/integration/payment_session_timeout"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({"timeout": 0})))
        .respond_with(ok("integration/updated.json"))
        .expect(1)
        .mount(&server)
        .await;
    ps.integration()
        .update_payment_session_timeout(0)
        .send()
        .await
        .unwrap();
}
