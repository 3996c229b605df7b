//! Refund: every operation's request and decoded response.

use paystack::types::RefundTransactionRef;
use paystack::{
    enums::{Channel, Currency, Domain, RefundStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

#[tokio::test]
async fn refund_create_sends_body_and_decodes_embedded_transaction() {
    let (server, ps) = setup().await;
    expect("POST", "/refund")
        .body(json!({
            "transaction": "order-1042",
            "amount": 4000,
            "currency": "NGN",
            "customer_note": "Part refund for your order",
            "merchant_note": "One pair out of stock"
        }))
        .reply(&server, "refund/created.json")
        .await;

    let r = ps
        .refunds()
        .create("order-1042")
        .amount(Amount::from_major("40").unwrap())
        .currency(Currency::NGN)
        .customer_note("Part refund for your order")
        .merchant_note("One pair out of stock")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Refund has been queued for processing");
    let refund = r.data;
    assert_eq!(refund.status, Some(RefundStatus::Pending));
    assert_eq!(
        refund.amount.map(Amount::subunits),
        Some(4_000),
        "string amount"
    );
    assert_eq!(refund.deducted_amount.map(Amount::subunits), Some(0));
    assert_eq!(refund.fully_deducted.map(|f| f.get()), Some(false));
    assert_eq!(refund.channel, None);
    assert_eq!(
        refund.expected_at.as_deref(),
        Some("2026-03-23T09:40:00.000Z")
    );
    let tx = refund.transaction.unwrap();
    assert_eq!(tx.id(), Some(&Id::Num(5_123_987_641)));
    let full = tx.transaction().expect("the whole transaction");
    assert_eq!(full.reference.as_deref(), Some("order-1042"));
    assert_eq!(full.channel, Some(Channel::Card));
    assert_eq!(full.authorization.as_ref().unwrap().exp_month, None);
}

#[tokio::test]
async fn refund_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.refunds().create("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("transaction")))
    ));
    let zero: Amount = serde_json::from_value(json!("0")).unwrap();
    let err = ps.refunds().create("order-1042").amount(zero).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountNotPositive(0)))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn refund_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/refund")
        .query_is(&[
            ("perPage", "25"),
            ("page", "1"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T00:00:00Z"),
        ])
        .reply(&server, "refund/list.json")
        .await;

    let r = ps
        .refunds()
        .list()
        .per_page(25u32)
        .page(1u32)
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-31T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].status, Some(RefundStatus::Processed));
    assert_eq!(
        r.data[0].fully_deducted.map(|f| f.get()),
        Some(true),
        "0/1 flag"
    );
    assert_eq!(
        r.data[0].transaction,
        Some(RefundTransactionRef::Id(Id::Num(5_123_987_641)))
    );
    assert_eq!(r.data[1].status, Some(RefundStatus::NeedsAttention));
    assert_eq!(
        r.data[1].transaction.as_ref().and_then(|t| t.id()),
        Some(&Id::Num(5_123_987_702)),
        "id sent as a string"
    );
    assert_eq!(r.data[1].amount.map(Amount::subunits), Some(99_900));
    assert_eq!(r.data[1].currency, Some(Currency::GHS));
    assert_eq!(
        r.data[1].collect_account_number.map(|f| f.get()),
        Some(true)
    );
    assert_eq!(
        r.data[2].status,
        Some(RefundStatus::Unknown("awaiting_bank_confirmation".into()))
    );
    assert_eq!(r.data[2].fully_deducted, None, "missing flag");
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(25));

    let late: chrono::DateTime<chrono::Utc> = "2026-04-01T00:00:00Z".parse().unwrap();
    let early: chrono::DateTime<chrono::Utc> = "2026-03-01T00:00:00Z".parse().unwrap();
    let err = ps.refunds().list().from(late).to(early).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "from",
            ..
        }))
    ));
}

#[tokio::test]
async fn refund_retry_sends_account_details() {
    let (server, ps) = setup().await;
    expect("POST", "/refund/retry_with_customer_details/1500390")
        .body(json!({
            "refund_account_details": {
                "currency": "GHS",
                "account_number": "1029384756",
                "bank_id": "29"
            }
        }))
        .reply(&server, "refund/retried.json")
        .await;

    let r = ps
        .refunds()
        .retry(1_500_390)
        .currency(Currency::GHS)
        .account_number("1029384756")
        .bank_id("29")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(RefundStatus::Processing));
    assert_eq!(r.data.channel.as_deref(), Some("mobile_money"));
    assert_eq!(r.data.refunded_at, None);
    assert_eq!(
        r.data.customer.unwrap().email.as_deref(),
        Some("kofi@example.com")
    );
}

#[tokio::test]
async fn refund_retry_rejects_missing_account_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .refunds()
        .retry(1_500_390)
        .currency(Currency::GHS)
        .account_number("")
        .bank_id("29")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = ps
        .refunds()
        .retry(1_500_390)
        .currency(Currency::GHS)
        .account_number("1029384756")
        .bank_id(" ")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("bank_id")))
    ));
    let err = ps
        .refunds()
        .retry(u64::MAX)
        .currency(Currency::GHS)
        .account_number("1029384756")
        .bank_id("29")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "id",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn refund_fetch_decodes_every_documented_field() {
    let (server, ps) = setup().await;
    expect("GET", "/refund/1500331")
        .reply(&server, "refund/refund.json")
        .await;
    let r = ps.refunds().fetch(1_500_331).send().await.unwrap();
    let refund = r.data;
    assert_eq!(refund.id, Some(Id::Num(1_500_331)));
    assert_eq!(refund.integration, Some(Id::Num(771_204)));
    assert_eq!(refund.domain, Some(Domain::Test));
    assert_eq!(refund.dispute, None);
    assert_eq!(
        refund.deducted_amount.map(Amount::subunits),
        Some(4_000),
        "string amount"
    );
    assert_eq!(refund.fully_deducted.map(|f| f.get()), Some(true));
    assert_eq!(
        refund.transaction_amount.map(Amount::subunits),
        Some(250_000)
    );
    assert_eq!(refund.transaction_reference.as_deref(), Some("order-1042"));
    assert_eq!(refund.refund_type.as_deref(), Some("partial"));
    assert_eq!(refund.refund_channel.as_deref(), Some("card"));
    assert_eq!(
        refund.created_at.as_deref(),
        Some("2026-03-14T09:40:00.000Z")
    );
    assert_eq!(refund.customer.unwrap().metadata, Some(json!("")));
    assert!(refund.transaction.unwrap().transaction().is_none());
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn refund_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/refund")
        .body(json!({
            "transaction": "order-2207",
            "amount": 125000,
            "currency": "ZAR",
            "customer_note": "Sorry about the late parcel",
            "merchant_note": "courier delay, ticket 88"
        }))
        .reply(&server, "refund/created.json")
        .await;
    let r = ps
        .refunds()
        .create("order-2207")
        .amount(Amount::from_subunits(125_000).unwrap())
        .currency(Currency::ZAR)
        .customer_note("Sorry about the late parcel")
        .merchant_note("courier delay, ticket 88")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(1_500_331)));
}

#[tokio::test]
async fn refund_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/refund")
        .query_is(&[
            ("perPage", "5"),
            ("page", "4"),
            ("from", "2026-01-10T00:00:00Z"),
            ("to", "2026-01-20T00:00:00Z"),
        ])
        .reply(&server, "refund/list.json")
        .await;
    let r = ps
        .refunds()
        .list()
        .per_page(5u32)
        .page(4u32)
        .from(at("2026-01-10T00:00:00Z"))
        .to(at("2026-01-20T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
}

#[tokio::test]
async fn refund_retry_requires_every_account_detail() {
    let (server, ps) = setup().await;
    let err = ps
        .refunds()
        .retry(1_500_390)
        .account_number("1029384756")
        .bank_id("29")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    let err = ps
        .refunds()
        .retry(1_500_390)
        .currency(Currency::GHS)
        .bank_id("29")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = ps
        .refunds()
        .retry(1_500_390)
        .currency(Currency::GHS)
        .account_number("1029384756")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("bank_id")))
    ));
    assert_no_requests(&server).await;
}
