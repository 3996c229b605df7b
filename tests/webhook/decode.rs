//! Bodies that verify but are not the events expected: empty, not JSON, unknown names,
//! payloads that do not fit.

use paystack::webhook::{self, Event, WebhookError};
use serde_json::json;

use crate::common::{fixture, webhook, KEY};

fn parse(body: &[u8]) -> Result<Event, WebhookError> {
    webhook().parse(Some(&webhook::sign(KEY, body)), body)
}

#[test]
fn empty_body_verifies_then_fails_to_decode() {
    // The signature of the empty body is checked like any other...
    assert_eq!(
        webhook().verify(Some(&webhook::sign(KEY, b"")), b""),
        Ok(())
    );
    assert_eq!(
        webhook().verify(Some(&webhook::sign(KEY, b"x")), b""),
        Err(WebhookError::SignatureMismatch)
    );
    // ...and a valid one still cannot make an event out of nothing.
    let err = parse(b"").unwrap_err();
    let decode = err.as_decode().expect("a decode error");
    assert_eq!(decode.event, None);
    assert_eq!(decode.path, ".");
    assert_eq!(err.status_code(), 400);
}

#[test]
fn non_json_and_non_envelope_bodies_fail_to_decode() {
    for body in [
        &b"event=charge.success"[..],
        b"[1,2]",
        b"42",
        b"{\"data\":{}}",
        b"{\"event\":7}",
    ] {
        let err = parse(body).unwrap_err();
        assert!(
            err.as_decode().is_some(),
            "{:?}",
            String::from_utf8_lossy(body)
        );
    }
    let err = parse(br#"{"event":7}"#).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "event");
    let err = parse(br#"{"event":"charge.success","data":{}} trailing"#).unwrap_err();
    assert_eq!(
        err.as_decode().unwrap().event.as_deref(),
        Some("charge.success")
    );
}

#[test]
fn unknown_event_keeps_the_raw_json() {
    let body = fixture("unknown");
    let event = parse(&body).unwrap();
    assert!(!event.is_known());
    assert_eq!(event.name(), "storefront.order.placed");
    assert_eq!(event.reference(), Some("sf-3301-lagos"));
    let Event::Unknown { name, data } = &event else {
        panic!("not unknown")
    };
    assert_eq!(name, "storefront.order.placed");
    let original: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(data, &original["data"]);
    assert_eq!(data["items"][0]["sku"], "mug-blue");
}

#[test]
fn unknown_event_without_data_is_kept_too() {
    let event = parse(br#"{"event":"integration.ping"}"#).unwrap();
    assert_eq!(
        event,
        Event::Unknown {
            name: "integration.ping".into(),
            data: serde_json::Value::Null
        }
    );
}

#[test]
fn known_event_with_a_misfit_payload_names_the_path() {
    let body = json!({
        "event": "charge.success",
        "data": {"reference": "ord-1", "amount": "twelve naira", "customer": {"email": "a@example.com"}}
    });
    let err = parse(body.to_string().as_bytes()).unwrap_err();
    let decode = err.as_decode().expect("a decode error");
    assert_eq!(decode.event.as_deref(), Some("charge.success"));
    assert_eq!(decode.path, "data.amount");
    // The data is still there as JSON for a handler that wants to salvage it.
    assert_eq!(decode.data.as_ref().unwrap()["reference"], "ord-1");
    assert!(err.to_string().contains("data.amount"), "{err}");

    let body =
        json!({"event": "subscription.expiring_cards", "data": [{"subscription": {"amount": []}}]});
    let err = parse(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "data[0].subscription.amount");

    // Transfers go through the snake_case-to-camelCase renaming first; the path stays exact.
    let body = json!({"event": "transfer.success", "data": {"created_at": "2025-03-01", "fee_charged": {"naira": 5}}});
    let err = parse(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "data.fee_charged");

    let err = parse(br#"{"event":"refund.processed","data":null}"#).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "data");
}

#[test]
fn nulls_and_missing_fields_are_fine() {
    let event = parse(br#"{"event":"transfer.success","data":{}}"#).unwrap();
    let Event::TransferSuccess(t) = event else {
        panic!("wrong variant")
    };
    assert_eq!(t.amount, None);
    let body = br#"{"event":"charge.success","data":{"amount":null,"customer":null,"paid_at":"","metadata":null}}"#;
    let Event::ChargeSuccess(c) = parse(body).unwrap() else {
        panic!("wrong variant")
    };
    // Timestamps are text as sent: an empty one stays empty rather than failing the event.
    assert_eq!(
        (c.amount, c.customer.as_ref(), c.paid_at.as_deref()),
        (None, None, Some(""))
    );
}

#[test]
fn from_parts_matches_from_slice() {
    let body = fixture("refund.pending");
    let whole: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let a = Event::from_slice(&body).unwrap();
    let b = Event::from_parts("refund.pending", whole["data"].clone()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_repeated_key_keeps_its_last_value() {
    let body = br#"{"event":"charge.success","data":{"reference":"first-ref","amount":100,"reference":"order-1042","amount":"250075"}}"#;
    let Event::ChargeSuccess(charge) = parse(body).unwrap() else {
        panic!("expected charge.success")
    };
    assert_eq!(charge.reference.as_deref(), Some("order-1042"));
    assert_eq!(charge.amount.map(|a| a.subunits()), Some(250_075));
}

#[test]
fn invalid_utf8_in_a_string_spoils_only_that_string() {
    let mut body =
        br#"{"event":"charge.success","data":{"reference":"order-1042","gateway_response":"Appro"#
            .to_vec();
    body.extend_from_slice(&[0xc3, 0x28]);
    body.extend_from_slice(br#"ved"}}"#);
    let Event::ChargeSuccess(charge) = parse(&body).unwrap() else {
        panic!("expected charge.success")
    };
    assert_eq!(charge.reference.as_deref(), Some("order-1042"));
    assert_eq!(
        charge.gateway_response.as_deref(),
        Some("Appro\u{fffd}(ved")
    );
}
