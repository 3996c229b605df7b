//! Arbitrary input never makes the verifier or the decoder panic.

use paystack::webhook::{self, Event, WebhookError, EVENT_NAMES};
use proptest::prelude::*;

use crate::common::{webhook, KEY};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn verifier_never_panics(body in proptest::collection::vec(any::<u8>(), 0..2048),
                             header in proptest::option::of(".{0,200}")) {
        let hook = webhook().with_max_body_size(1024);
        let _ = hook.verify(header.as_deref(), &body);
        let _ = hook.parse(header.as_deref(), &body);
    }

    #[test]
    fn signed_arbitrary_bytes_verify_and_decode_without_panicking(
        body in proptest::collection::vec(any::<u8>(), 0..2048)
    ) {
        let sig = webhook::sign(KEY, &body);
        let hook = webhook();
        prop_assert_eq!(hook.verify(Some(&sig), &body), Ok(()));
        match hook.parse(Some(&sig), &body) {
            Ok(_) | Err(WebhookError::Decode(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    #[test]
    fn decoder_never_panics_on_json_shaped_input(
        name in prop::sample::select(EVENT_NAMES.to_vec()),
        data in arb_json(),
    ) {
        let body = serde_json::json!({"event": name, "data": data}).to_string();
        if let Ok(event) = Event::from_slice(body.as_bytes()) {
            let _ = (event.dedupe_key(), event.reference(), event.amount(), event.domain());
        }
    }
}

/// JSON values with the field names payloads use, so the decoder goes deep.
fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
        "[0-9]{1,20}".prop_map(Value::String),
    ];
    let keys = prop::sample::select(vec![
        "id",
        "amount",
        "reference",
        "customer",
        "authorization",
        "status",
        "domain",
        "currency",
        "paid_at",
        "plan",
        "integration",
        "transaction",
        "subscription",
        "bank_transfer",
        "dedicated_account",
        "created_at",
        "exp_month",
        "metadata",
        "line_items",
        "recipient",
    ]);
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| {
                serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}
