//! Failure paths: every bad answer ends in the right error variant, never a panic.

use paystack::{Error, ValidationError};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::common::setup;

async fn verify_with(answer: ResponseTemplate) -> Error {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/transaction/verify/order-77"))
        .respond_with(answer)
        .expect(1)
        .mount(&server)
        .await;
    // One attempt: these tests are about reading the answer, not about resending.
    ps.transactions()
        .verify("order-77")
        .no_retry()
        .send()
        .await
        .expect_err("must fail")
}

#[tokio::test]
async fn error_400_keeps_message_code_type_and_next_step() {
    let body = r#"{"status":false,"message":"Duplicate Transaction Reference","type":"validation_error","code":"duplicate_reference","meta":{"nextStep":"Use a reference you have not used before"}}"#;
    let err = verify_with(ResponseTemplate::new(400).set_body_raw(body, "application/json")).await;
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status, 400);
    assert_eq!(api.message, "Duplicate Transaction Reference");
    assert_eq!(api.code, Some(paystack::ErrorCode::DuplicateReference));
    assert_eq!(api.kind, Some(paystack::ErrorKind::Validation));
    assert_eq!(
        api.next_step.as_deref(),
        Some("Use a reference you have not used before")
    );
    assert_eq!(api.raw, body, "raw body kept byte for byte");
    assert_eq!(err.outcome(), paystack::Outcome::Rejected);
}

#[tokio::test]
async fn error_401_invalid_key() {
    let body = r#"{"status":false,"message":"Invalid key"}"#;
    let err = verify_with(ResponseTemplate::new(401).set_body_raw(body, "application/json")).await;
    let api = err.as_api().unwrap();
    assert_eq!((api.status, api.message.as_str()), (401, "Invalid key"));
    assert_eq!(api.code, None);
}

#[tokio::test]
async fn error_404_transaction_not_found() {
    let body = r#"{"status":false,"message":"Transaction reference not found","type":"validation_error","code":"transaction_not_found"}"#;
    let err = verify_with(ResponseTemplate::new(404).set_body_raw(body, "application/json")).await;
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 404);
    // A code the crate does not list is kept as sent.
    assert_eq!(
        api.code,
        Some(paystack::ErrorCode::Unknown("transaction_not_found".into()))
    );
}

#[tokio::test]
async fn error_5xx_html_page_is_an_api_error_with_raw_body() {
    let html =
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";
    let err = verify_with(ResponseTemplate::new(502).set_body_raw(html, "text/html")).await;
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status, 502);
    assert!(api.message.contains("non-JSON"), "{}", api.message);
    assert_eq!(api.raw, html);
    assert_eq!(err.outcome(), paystack::Outcome::Unknown);
}

#[tokio::test]
async fn error_5xx_empty_body() {
    let err = verify_with(ResponseTemplate::new(503)).await;
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 503);
    assert!(api.message.contains("empty body"));
}

#[tokio::test]
async fn error_malformed_json_on_200_is_a_decode_error() {
    let body = r#"{"status": true, "message": "ok", "data": {"amount": ]}}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(d) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(d.status, 200);
    assert_eq!(d.path, "data.amount");
    assert_eq!(d.raw, body);
}

#[tokio::test]
async fn error_truncated_json_is_a_decode_error() {
    let body = r#"{"status": true, "message": "Verification successful", "data": {"id": 41, "reference": "ord"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(d) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert!(d.message.contains("EOF"), "{}", d.message);
    assert_eq!(d.raw, body);
}

#[tokio::test]
async fn error_wrong_type_names_the_json_path() {
    let body = r#"{"status": true, "message": "ok", "data": {"id": 41, "amount": "twelve"}}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(d) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(d.path, "data.amount");
    assert!(d.to_string().contains("data.amount"));
}

#[tokio::test]
async fn error_status_false_string_on_200_is_an_api_error() {
    let body = r#"{"status": "false", "message": "Transaction not found"}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let api = err.as_api().expect("an API error");
    assert_eq!(
        (api.status, api.message.as_str()),
        (200, "Transaction not found")
    );
}

#[tokio::test]
async fn error_status_false_bool_on_200_is_an_api_error() {
    let body = r#"{"status": false, "message": "Charge attempted and declined", "data": {"reference": "order-77"}}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    assert_eq!(
        err.as_api().unwrap().message,
        "Charge attempted and declined"
    );
}

#[tokio::test]
async fn error_success_without_data_is_a_decode_error() {
    let body = r#"{"status": true, "message": "Verification successful"}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(d) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(d.path, "data");
}

#[tokio::test]
async fn error_undocumented_2xx_still_decodes() {
    let err_or_ok = {
        let (server, ps) = setup().await;
        Mock::given(method("GET"))
            .and(path("/transaction/verify/order-77"))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(crate::common::fixture("transaction/transaction.json")),
            )
            .expect(1)
            .mount(&server)
            .await;
        ps.transactions().verify("order-77").send().await
    };
    assert_eq!(
        err_or_ok.unwrap().data.reference.as_deref(),
        Some("order-1042")
    );
}

#[tokio::test]
async fn error_connection_refused_is_a_transport_error() {
    // Bind then drop a listener so the port is (almost certainly) closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ps = paystack::Paystack::builder(crate::common::KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let err = ps
        .transactions()
        .verify("order-77")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!format!("{err:?}{err}").contains("sk_test_"));
}

#[tokio::test]
async fn error_validation_is_reported_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .transactions()
        .verify("bad reference!")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Validation(ValidationError::Reference { .. })
    ));
    crate::common::assert_no_requests(&server).await;
}

#[tokio::test]
async fn numbers_and_booleans_in_text_fields_decode_as_their_text() {
    let (server, ps) = setup().await;
    let body = r#"{"status": true, "message": "Verification successful", "data": {
        "id": 41, "reference": "order-78", "gateway_response": true,
        "authorization": {"last4": 4081, "bin": 539983, "bank": "Kuda Bank", "exp_month": "04"}
    }}"#;
    Mock::given(method("GET"))
        .and(path("/transaction/verify/order-78"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let tx = ps
        .transactions()
        .verify("order-78")
        .send()
        .await
        .unwrap()
        .data;
    let auth = tx.authorization.unwrap();
    assert_eq!(auth.last4.as_deref(), Some("4081"));
    assert_eq!(auth.bin.as_deref(), Some("539983"));
    assert_eq!(auth.bank.as_deref(), Some("Kuda Bank"));
    assert_eq!(tx.gateway_response.as_deref(), Some("true"));
}

#[tokio::test]
async fn a_text_field_holding_an_object_still_names_its_path() {
    let body = r#"{"status": true, "message": "ok", "data": {"id": 41, "reference": {"x": 1}}}"#;
    let err = verify_with(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let Error::Decode(d) = err else {
        panic!("expected Decode, got {err:?}")
    };
    assert_eq!(d.path, "data.reference");
}
