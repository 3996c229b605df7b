//! Direct Debit: every operation's request and decoded response.

use paystack::{enums::MandateStatus, Error, Id, ValidationError};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn directdebit_trigger_activation_charge_sends_customer_ids() {
    let (server, ps) = setup().await;
    expect("PUT", "/directdebit/activation-charge")
        .body(json!({"customer_ids": [5_120_098_817_u64, 5_120_100_042_u64]}))
        .reply(&server, "direct_debit/activation_charge.json")
        .await;
    let r = ps
        .direct_debit()
        .trigger_activation_charge(vec![5_120_098_817, 5_120_100_042])
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Activation charges requested");
}

#[tokio::test]
async fn directdebit_trigger_activation_charge_rejects_bad_ids_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .direct_debit()
        .trigger_activation_charge(vec![])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("customer_ids")))
    ));
    let err = ps
        .direct_debit()
        .trigger_activation_charge(vec![7, u64::MAX])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "customer_ids",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn directdebit_list_mandate_authorizations_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/directdebit/mandate-authorizations")
        .query_is(&[
            ("cursor", "bWFuZGF0ZTo3NzAwMA=="),
            ("status", "active"),
            ("perPage", "2"),
        ])
        .reply(&server, "direct_debit/mandates.json")
        .await;
    let r = ps
        .direct_debit()
        .list_mandate_authorizations()
        .cursor("bWFuZGF0ZTo3NzAwMA==")
        .status(MandateStatus::Active)
        .per_page(2u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Mandates retrieved");
    let first = &r.data[0];
    assert_eq!(first.id, Some(Id::Num(77_001)));
    assert_eq!(first.mandate_id, Some(Id::Num(3_300_917)));
    assert_eq!(first.authorization_code.as_deref(), Some("AUTH_dd1q2w3e4r"));
    assert_eq!(first.bank_name.as_deref(), Some("Harbor Trust Bank"));
    assert_eq!(
        first.authorized_at.as_deref(),
        Some("2026-01-09T13:05:44.120Z")
    );
    let customer = first.customer.as_ref().unwrap();
    assert_eq!(
        customer.customer_code.as_deref(),
        Some("CUS_7hx2m9q4r1t8w3z")
    );
    assert_eq!(customer.first_name, None);

    let second = &r.data[1];
    assert_eq!(
        second.status,
        Some(MandateStatus::Unknown("suspended_by_bank".into())),
        "unknown statuses are kept"
    );
    assert_eq!(second.bank_name, None);
    assert_eq!(second.authorized_at, None);
    assert_eq!(second.customer.as_ref().unwrap().last_name, None, "missing");

    let meta = r.meta.unwrap();
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(2),
        "per_page as a string"
    );
    assert_eq!(meta.total.map(|t| t.get()), Some(9));
    assert_eq!(meta.next.as_deref(), Some("bWFuZGF0ZTo3NzAwMg=="));
}

#[tokio::test]
async fn directdebit_list_mandate_authorizations_sends_no_filters_by_default() {
    let (server, ps) = setup().await;
    expect("GET", "/directdebit/mandate-authorizations")
        .query_is(&[])
        .reply(&server, "direct_debit/mandates.json")
        .await;
    let r = ps
        .direct_debit()
        .list_mandate_authorizations()
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn direct_debit_list_mandate_authorizations_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/directdebit/mandate-authorizations")
        .query_is(&[
            ("cursor", "bWFuZGF0ZTo5MDAx"),
            ("status", "pending"),
            ("perPage", "15"),
        ])
        .reply(&server, "direct_debit/mandates.json")
        .await;
    let r = ps
        .direct_debit()
        .list_mandate_authorizations()
        .cursor("bWFuZGF0ZTo5MDAx")
        .status(MandateStatus::Pending)
        .per_page(15u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].mandate_id, Some(Id::Num(3_300_917)));
}
