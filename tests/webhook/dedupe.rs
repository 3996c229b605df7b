//! Retried deliveries share a dedupe key; distinct events do not.

use std::collections::HashSet;

use paystack::webhook::{Event, EVENT_NAMES};
use serde_json::json;

use crate::common::fixture;

fn key(name: &str) -> String {
    Event::from_slice(&fixture(name)).unwrap().dedupe_key()
}

#[test]
fn keys_name_the_event_and_its_natural_key() {
    assert_eq!(key("charge.success"), "charge.success:ord-2291-kemi");
    assert_eq!(key("charge.success-pos"), "charge.success:pos_r8d2mqz41c");
    assert_eq!(key("charge.dispute.create"), "charge.dispute.create:772301");
    assert_eq!(
        key("charge.dispute.remind"),
        "charge.dispute.remind:772301:2025-01-22T09:00:00+00:00"
    );
    assert_eq!(
        key("customeridentification.success"),
        "customeridentification.success:CUS_v3r1f13d0k8m2p7"
    );
    assert_eq!(
        key("dedicatedaccount.assign.failed"),
        "dedicatedaccount.assign.failed:CUS_f41l3dv4q0w9e8r"
    );
    assert_eq!(
        key("direct_debit.authorization.active"),
        "direct_debit.authorization.active:AUTH_m4nd8t3q2z"
    );
    assert_eq!(key("invoice.create"), "invoice.create:INV_c8r3a7t2e9w1q4z");
    assert_eq!(
        key("invoice.update"),
        "invoice.update:INV_c8r3a7t2e9w1q4z:success"
    );
    assert_eq!(
        key("paymentrequest.success"),
        "paymentrequest.success:PRQ_r3q8u2e4s7t1x9z"
    );
    assert_eq!(
        key("preauthorization.capture.success"),
        "preauthorization.capture.success:hold-karoo-0091"
    );
    assert_eq!(key("refund.pending"), "refund.pending:ord-6610-chidi:60000");
    assert_eq!(
        key("refund.processed"),
        "refund.processed:ord-6610-chidi:RFD8812004411"
    );
    assert_eq!(
        key("refund.needs-attention"),
        "refund.needs-attention:ord-6612-chidi:TRF_r3fn33d5a7"
    );
    assert_eq!(
        key("subscription.disable"),
        "subscription.disable:SUB_h4l1m4g7m0q2w9e"
    );
    assert_eq!(
        key("subscription.expiring_cards"),
        "subscription.expiring_cards:SUB_a1b2c3d4e5f6g7h,SUB_h4l1m4g7m0q2w9e"
    );
    assert_eq!(
        key("transfer.reversed"),
        "transfer.reversed:TRF_r3v3rs3dq7w4"
    );
    assert_eq!(
        key("bank.transfer.rejected"),
        "bank.transfer.rejected:6610099123"
    );
    assert_eq!(key("unknown"), "storefront.order.placed:sf-3301-lagos");
}

#[test]
fn every_fixture_has_a_distinct_stable_key() {
    let mut seen = HashSet::new();
    for name in EVENT_NAMES
        .iter()
        .copied()
        .chain(["charge.success-pos", "unknown"])
    {
        let k = key(name);
        assert_eq!(k, key(name), "{name}: not stable");
        assert!(seen.insert(k.clone()), "{name}: duplicate key {k}");
    }
}

#[test]
fn a_retry_with_reordered_fields_has_the_same_key() {
    let a = Event::from_slice(
        br#"{"event":"transfer.success","data":{"amount":100,"reference":"payout-x-000000001"}}"#,
    )
    .unwrap();
    let b = Event::from_slice(
        br#"{"data":{"reference":"payout-x-000000001","amount":100},"event":"transfer.success"}"#,
    )
    .unwrap();
    assert_eq!(a.dedupe_key(), b.dedupe_key());
}

#[test]
fn events_without_any_key_field_fall_back_to_a_digest() {
    let a = Event::from_parts("charge.success", json!({"amount": 5000})).unwrap();
    let b = Event::from_parts("charge.success", json!({"amount": 5000})).unwrap();
    let c = Event::from_parts("charge.success", json!({"amount": 5001})).unwrap();
    assert!(a.dedupe_key().starts_with("charge.success:sha512:"));
    assert_eq!(a.dedupe_key(), b.dedupe_key());
    assert_ne!(a.dedupe_key(), c.dedupe_key());
    let u = Event::from_parts("something.new", json!({"x": 1})).unwrap();
    assert!(u.dedupe_key().starts_with("something.new:sha512:"));
}
