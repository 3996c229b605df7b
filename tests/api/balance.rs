//! Balance: every operation's request and decoded response.

use paystack::{
    enums::{Currency, Domain},
    Amount, Id,
};

use crate::common::{expect, setup};

#[tokio::test]
async fn balance_fetch_decodes_one_entry_per_currency() {
    let (server, ps) = setup().await;
    expect("GET", "/balance")
        .reply(&server, "balance/balance.json")
        .await;
    let r = ps.balance().fetch().send().await.unwrap();
    assert_eq!(r.message, "Balances retrieved");
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].currency, Some(Currency::NGN));
    assert_eq!(
        r.data[0].balance.map(Amount::subunits),
        Some(48_250_075),
        "string balance"
    );
    assert_eq!(
        r.data[1].balance.map(Amount::subunits),
        Some(0),
        "a zero balance is taken as sent"
    );
    assert_eq!(r.data[2].currency, Some(Currency::KES));
}

#[tokio::test]
async fn balance_ledger_sends_paging_and_decodes_entries() {
    let (server, ps) = setup().await;
    expect("GET", "/balance/ledger")
        .query("perPage", "20")
        .query("page", "2")
        .query("from", "2026-03-01T00:00:00Z")
        .query("to", "2026-03-15T00:00:00Z")
        .reply(&server, "balance/ledger.json")
        .await;
    let r = ps
        .balance()
        .ledger()
        .per_page(20u32)
        .page(2u32)
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-15T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let out = &r.data[0];
    assert_eq!(
        out.difference.map(Amount::subunits),
        Some(-1_502_500),
        "negative change"
    );
    assert_eq!(out.model_responsible.as_deref(), Some("Transfer"));
    assert_eq!(out.model_row, Some(Id::Num(409_988_112)));
    assert_eq!(out.domain, Some(Domain::Test));
    let inbound = &r.data[1];
    assert_eq!(inbound.balance.map(Amount::subunits), Some(49_752_575));
    assert_eq!(inbound.difference.map(Amount::subunits), Some(2_250_000));
    assert_eq!(inbound.reason, None);
    assert_eq!(inbound.model_row, Some(Id::Num(88_120_044)));
    assert_eq!(inbound.updated_at, None, "missing field");
    let meta = r.meta.unwrap();
    assert_eq!(meta.skipped.map(|v| v.get()), Some(20));
    assert_eq!(meta.per_page.map(|v| v.get()), Some(20));
}

#[tokio::test]
async fn balance_ledger_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/balance/ledger")
        .query_is(&[
            ("perPage", "7"),
            ("page", "3"),
            ("from", "2026-04-01T00:00:00Z"),
            ("to", "2026-04-30T00:00:00Z"),
        ])
        .reply(&server, "balance/ledger.json")
        .await;
    let r = ps
        .balance()
        .ledger()
        .per_page(7u32)
        .page(3u32)
        .from(crate::common::at("2026-04-01T00:00:00Z"))
        .to(crate::common::at("2026-04-30T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].balance.map(Amount::subunits), Some(48_250_075));
}
