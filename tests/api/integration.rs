//! Integration: every operation's request and decoded response.

use serde_json::json;

use crate::common::{expect, setup};

#[tokio::test]
async fn integration_fetch_payment_session_timeout_decodes_string_seconds() {
    let (server, ps) = setup().await;
    expect("GET", "/integration/payment_session_timeout")
        .reply(&server, "integration/timeout.json")
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
    expect("PUT", "/integration/payment_session_timeout")
        .body(json!({"timeout": 45}))
        .reply(&server, "integration/updated.json")
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
    expect("PUT", "/integration/payment_session_timeout")
        .body(json!({"timeout": 0}))
        .reply(&server, "integration/updated.json")
        .await;
    ps.integration()
        .update_payment_session_timeout(0)
        .send()
        .await
        .unwrap();
}
