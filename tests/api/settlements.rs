//! Settlement: every operation's request and decoded response.

use paystack::{
    enums::{Channel, Currency, Domain, SettlementStatus},
    Amount, Error, Id, ValidationError,
};

use crate::common::{assert_no_requests, at, expect, setup};

#[tokio::test]
async fn settlements_fetch_sends_filters_and_decodes_array() {
    let (server, ps) = setup().await;
    expect("GET", "/settlement")
        .query_is(&[
            ("perPage", "50"),
            ("page", "1"),
            ("status", "success"),
            ("subaccount", "none"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T00:00:00Z"),
        ])
        .reply(&server, "settlement/list.json")
        .await;

    let r = ps
        .settlements()
        .list()
        .per_page(50u32)
        .page(1u32)
        .status(SettlementStatus::Success)
        .subaccount("none")
        .from(at("2026-03-01T00:00:00Z"))
        .to(at("2026-03-31T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Settlements retrieved");
    assert_eq!(r.data.len(), 2);
    let s = &r.data[0];
    assert_eq!(s.id, Some(Id::Num(4_418_021)));
    assert_eq!(s.domain, Some(Domain::Live));
    assert_eq!(s.status, Some(SettlementStatus::Success));
    assert_eq!(s.currency, Some(Currency::NGN));
    assert_eq!(s.total_amount.map(Amount::subunits), Some(486_250));
    assert_eq!(
        s.total_fees.map(Amount::subunits),
        Some(13_750),
        "string amount"
    );
    assert_eq!(s.total_processed.map(Amount::subunits), Some(500_000));
    assert_eq!(s.deductions, None, "null deductions");
    assert_eq!(s.settled_by, None);
    assert_eq!(
        s.settlement_date.as_deref(),
        Some("2026-03-13T00:00:00.000Z")
    );
    let held = &r.data[1];
    assert_eq!(
        held.status,
        Some(SettlementStatus::Unknown("on_hold_review".into()))
    );
    assert_eq!(held.deductions.map(Amount::subunits), Some(8_500));
    assert_eq!(held.effective_amount.map(Amount::subunits), Some(90_000));
    assert_eq!(held.created_at, None, "missing field");
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(50));
}

#[tokio::test]
async fn settlements_fetch_rejects_bad_filters_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .settlements()
        .list()
        .from(at("2026-03-31T00:00:00Z"))
        .to(at("2026-03-01T00:00:00Z"))
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "from",
            ..
        }))
    ));
    let err = ps.settlements().list().subaccount("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("subaccount")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn settlements_transaction_sends_paging_and_decodes_transactions() {
    let (server, ps) = setup().await;
    expect("GET", "/settlement/4418021/transactions")
        .query("perPage", "10")
        .query("page", "1")
        .query("from", "2026-03-12T00:00:00Z")
        .query("to", "2026-03-13T00:00:00Z")
        .reply(&server, "settlement/transactions.json")
        .await;

    let r = ps
        .settlements()
        .transactions(4_418_021)
        .per_page(10u32)
        .page(1u32)
        .from(at("2026-03-12T00:00:00Z"))
        .to(at("2026-03-13T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].reference.as_deref(), Some("order-1042"));
    assert_eq!(
        r.data[0].fees.map(Amount::subunits),
        Some(3_750),
        "string fee"
    );
    assert_eq!(r.data[0].metadata, None);
    assert_eq!(
        r.data[1].amount.map(Amount::subunits),
        Some(250_000),
        "string amount"
    );
    assert_eq!(r.data[1].channel, Some(Channel::BankTransfer));
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(10));

    let err = ps.settlements().transactions(u64::MAX).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "id",
            ..
        }))
    ));
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn settlements_fetch_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/settlement")
        .query_is(&[
            ("perPage", "30"),
            ("page", "2"),
            ("from", "2026-04-01T00:00:00Z"),
            ("to", "2026-04-30T00:00:00Z"),
            ("status", "processing"),
            ("subaccount", "none"),
        ])
        .reply(&server, "settlement/list.json")
        .await;
    let r = ps
        .settlements()
        .list()
        .per_page(30u32)
        .page(2u32)
        .from(at("2026-04-01T00:00:00Z"))
        .to(at("2026-04-30T00:00:00Z"))
        .status(SettlementStatus::Processing)
        .subaccount("none")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn settlements_transaction_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/settlement/4418021/transactions")
        .query_is(&[
            ("perPage", "20"),
            ("page", "1"),
            ("from", "2026-04-02T00:00:00Z"),
            ("to", "2026-04-03T00:00:00Z"),
        ])
        .reply(&server, "settlement/transactions.json")
        .await;
    let r = ps
        .settlements()
        .transactions(4_418_021)
        .per_page(20u32)
        .page(1u32)
        .from(at("2026-04-02T00:00:00Z"))
        .to(at("2026-04-03T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}
