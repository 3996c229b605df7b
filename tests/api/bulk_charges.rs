//! Bulk Charge: every operation's request and decoded response.

use paystack::types::BulkChargeItem;
use paystack::{
    enums::{BulkChargeItemStatus, BulkChargeStatus, Currency, Domain},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{amount, assert_no_requests, expect, setup};

#[tokio::test]
async fn bulk_charge_initiate_sends_array_body_and_decodes_batch() {
    let (server, ps) = setup().await;
    expect("POST", "/bulkcharge")
        .body(json!([
            {"authorization": "AUTH_t6y7u8i9o0", "amount": 15000, "reference": "rent-0001"},
            {
                "authorization": "AUTH_a1s2d3f4g5",
                "amount": 25000,
                "attempt_partial_debit": true,
                "at_least": 10000,
                "metadata": {"flat": "4B"}
            }
        ]))
        .reply(&server, "bulk_charge/batch.json")
        .await;

    let r = ps
        .bulk_charges()
        .initiate(vec![
            BulkChargeItem::new("AUTH_t6y7u8i9o0", amount(15_000)).with_reference("rent-0001"),
            BulkChargeItem::new("AUTH_a1s2d3f4g5", amount(25_000))
                .with_attempt_partial_debit(true)
                .with_at_least(amount(10_000))
                .with_metadata(json!({"flat": "4B"})),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Batch queued for charging");
    let b = r.data;
    assert_eq!(b.batch_code.as_deref(), Some("BCH_q7w2e9r4t1y8u3"));
    assert_eq!(b.id, Some(Id::Num(310_442)));
    assert_eq!(b.status, Some(BulkChargeStatus::Active));
    assert_eq!(b.domain, Some(Domain::Test));
    assert_eq!(
        b.total_charges.map(|t| t.get()),
        Some(3),
        "count sent as a string"
    );
    assert_eq!(b.pending_charges.map(|t| t.get()), Some(3));
    assert_eq!(b.easy_cron_id, None, "null cron id");
    assert_eq!(b.created_at.as_deref(), Some("2026-03-14T10:02:11.000Z"));
}

#[tokio::test]
async fn bulk_charge_initiate_rejects_bad_entries_before_sending() {
    let (server, ps) = setup().await;
    let bc = ps.bulk_charges();

    let err = bc.initiate(Vec::new()).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("charges")))
    ));

    let err = bc
        .initiate([BulkChargeItem::new(" ", amount(5_000))])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("authorization")))
    ));

    let err = bc
        .initiate([BulkChargeItem::new("AUTH_x1", amount(5_000)).with_reference("rent/0001")])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference {
            kind: "transaction",
            ..
        }))
    ));

    let err = bc
        .initiate([BulkChargeItem::new("AUTH_x1", amount(5_000)).with_at_least(amount(6_000))])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "at_least",
            ..
        }))
    ));

    let err = bc
        .initiate([
            BulkChargeItem::new("AUTH_x1", amount(5_000)).with_reference("rent-0009"),
            BulkChargeItem::new("AUTH_x2", amount(7_000)).with_reference("rent-0009"),
        ])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "reference",
            ..
        }))
    ));

    // An amount decoded from Paystack can be zero; sending one back is refused.
    let zero: Amount = serde_json::from_value(json!(0)).unwrap();
    let err = bc
        .initiate([BulkChargeItem::new("AUTH_x1", zero)])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountNotPositive(0)))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn bulk_charge_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge")
        .query("perPage", "10")
        .query("page", "1")
        .query("status", "paused")
        .reply(&server, "bulk_charge/list.json")
        .await;

    let r = ps
        .bulk_charges()
        .list()
        .per_page(10u32)
        .page(1u32)
        .status(BulkChargeStatus::Paused)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].status, Some(BulkChargeStatus::Paused));
    assert_eq!(
        r.data[0].easy_cron_id.map(|c| c.get()),
        Some(88_123),
        "numeric string"
    );
    assert_eq!(
        r.data[1].status,
        Some(BulkChargeStatus::Unknown("throttled".into())),
        "unknown states are kept"
    );
    assert_eq!(r.data[1].reference, None);
    assert_eq!(r.data[1].updated_at, None, "missing field");
    let meta = r.meta.unwrap();
    assert_eq!(meta.per_page.map(|p| p.get()), Some(10));
    assert_eq!(meta.total.map(|p| p.get()), Some(2));
}

#[tokio::test]
async fn bulk_charge_fetch_uses_batch_code() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge/BCH_q7w2e9r4t1y8u3")
        .reply(&server, "bulk_charge/batch.json")
        .await;
    let r = ps
        .bulk_charges()
        .fetch("BCH_q7w2e9r4t1y8u3")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.reference.as_deref(),
        Some("bulkcharge-1773480001-mkz")
    );
    assert_eq!(r.data.integration, Some(Id::Num(771_204)));

    let err = ps.bulk_charges().fetch("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
}

#[tokio::test]
async fn bulk_charge_charges_sends_filters_and_decodes_items() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge/BCH_q7w2e9r4t1y8u3/charges")
        .query("status", "success")
        .query("perPage", "50")
        .query("page", "1")
        .reply(&server, "bulk_charge/charges.json")
        .await;

    let r = ps
        .bulk_charges()
        .charges("BCH_q7w2e9r4t1y8u3")
        .status(BulkChargeItemStatus::Success)
        .per_page(50u32)
        .page(1u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let first = &r.data[0];
    assert_eq!(first.status, Some(BulkChargeItemStatus::Success));
    assert_eq!(
        first.amount.map(Amount::subunits),
        Some(15_000),
        "string amount"
    );
    assert_eq!(first.at_least, None);
    assert_eq!(first.currency, Some(Currency::NGN));
    assert_eq!(first.bulkcharge, Some(Id::Num(310_442)));
    assert_eq!(first.attempt_partial_debit.map(|f| f.get()), Some(false));
    assert_eq!(first.metadata, Some(json!("")));
    let customer = first.customer.as_ref().unwrap();
    assert_eq!(customer.email.as_deref(), Some("tunde@example.org"));
    assert_eq!(customer.first_name, None);
    let auth = first.authorization.as_ref().unwrap();
    assert_eq!(auth.exp_year.map(|y| y.get()), Some(2030));
    assert_eq!(auth.reusable.map(|f| f.get()), Some(true));

    let second = &r.data[1];
    assert_eq!(
        second.status,
        Some(BulkChargeItemStatus::Unknown("card_expired_hold".into()))
    );
    assert_eq!(second.attempt_partial_debit.map(|f| f.get()), Some(true));
    assert_eq!(second.at_least.map(Amount::subunits), Some(10_000));
    assert!(second.customer.is_none());
}

#[tokio::test]
async fn bulk_charge_pause_sends_code_and_reads_message() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge/pause/BCH_q7w2e9r4t1y8u3")
        .reply(&server, "bulk_charge/paused.json")
        .await;
    let r = ps
        .bulk_charges()
        .pause("BCH_q7w2e9r4t1y8u3")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Batch paused until resumed");
}

#[tokio::test]
async fn bulk_charge_resume_sends_code_and_reads_message() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge/resume/BCH_q7w2e9r4t1y8u3")
        .reply(&server, "bulk_charge/resumed.json")
        .await;
    let r = ps
        .bulk_charges()
        .resume("BCH_q7w2e9r4t1y8u3")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Batch charging again");

    let err = ps.bulk_charges().resume("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
}

#[tokio::test]
async fn bulk_charge_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge")
        .query_is(&[("perPage", "3"), ("page", "5"), ("status", "active")])
        .reply(&server, "bulk_charge/list.json")
        .await;
    let r = ps
        .bulk_charges()
        .list()
        .per_page(3u32)
        .page(5u32)
        .status(BulkChargeStatus::Active)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].id, Some(Id::Num(310_442)));
}

#[tokio::test]
async fn bulk_charge_charges_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/bulkcharge/BCH_z8x7c6v5b4/charges")
        .query_is(&[("perPage", "9"), ("page", "2"), ("status", "pending")])
        .reply(&server, "bulk_charge/charges.json")
        .await;
    let r = ps
        .bulk_charges()
        .charges("BCH_z8x7c6v5b4")
        .per_page(9u32)
        .page(2u32)
        .status(BulkChargeItemStatus::Pending)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].bulkcharge, Some(Id::Num(310_442)));
}

#[tokio::test]
async fn bulk_charges_refuse_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.bulk_charges().pause("PLN_z8x7c6v5b4").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            expected: "BCH_",
            ..
        }))
    ));
    let err = ps.bulk_charges().fetch("SUB_z8x7c6v5b4").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
    let err = ps
        .bulk_charges()
        .initiate([paystack::types::BulkChargeItem::new(
            "CUS_not_an_auth",
            amount(10_000),
        )])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization",
            expected: "AUTH_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
