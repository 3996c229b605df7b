//! Subaccounts: every operation's request and decoded response.

use paystack::types::SubaccountBankRef;
use paystack::{
    enums::{Currency, Domain},
    Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{assert_no_requests, at, expect, fixture, setup};

#[tokio::test]
async fn subaccount_create_sends_body_and_decodes_201() {
    let (server, ps) = setup().await;
    expect("POST", "/subaccount")
        .body(json!({
            "business_name": "Kobo Crafts Ltd",
            "settlement_bank": "057",
            "account_number": "0987654321",
            "percentage_charge": 12.5,
            "primary_contact_email": "owner@kobocrafts.example",
            "metadata": {"region": "north"}
        }))
        .respond(
            &server,
            ResponseTemplate::new(201).set_body_json(fixture("subaccount/subaccount.json")),
        )
        .await;

    let r = ps
        .subaccounts()
        .create("Kobo Crafts Ltd")
        .settlement_bank("057")
        .account_number("0987654321")
        .percentage_charge(12.5)
        .primary_contact_email("owner@kobocrafts.example")
        .metadata(json!({"region": "north"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Subaccount saved");
    let s = r.data;
    assert_eq!(s.id, Some(Id::Num(7_712_034)));
    assert_eq!(s.subaccount_code.as_deref(), Some("ACCT_k0b0cr4ft5ltd9x"));
    assert_eq!(s.percentage_charge, Some(12.5));
    assert_eq!(s.bank, Some(SubaccountBankRef::Id(Id::Num(21))));
    assert_eq!(s.currency, Some(Currency::NGN));
    assert_eq!(s.domain, Some(Domain::Test));
    assert_eq!(s.active.map(|a| a.get()), Some(true));
    assert_eq!(s.is_verified.map(|a| a.get()), Some(false));
    assert_eq!(s.account_name, None, "null reads as None");
    assert_eq!(s.metadata, None);
    assert_eq!(s.created_at.as_deref(), Some("2026-02-11T08:14:05.000Z"));
}

#[tokio::test]
async fn subaccount_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let subs = ps.subaccounts();
    let err = subs
        .create("")
        .settlement_bank("057")
        .account_number("0987654321")
        .percentage_charge(10.0)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("business_name")))
    ));
    let err = subs
        .create("Kobo")
        .settlement_bank(" ")
        .account_number("0987654321")
        .percentage_charge(10.0)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("settlement_bank")))
    ));
    let err = subs
        .create("Kobo")
        .settlement_bank("057")
        .account_number("")
        .percentage_charge(10.0)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    for bad in [100.5, -1.0, f64::NAN] {
        let err = subs
            .create("Kobo")
            .settlement_bank("057")
            .account_number("0987654321")
            .percentage_charge(bad)
            .send()
            .await;
        assert!(matches!(
            err,
            Err(Error::Validation(ValidationError::Invalid {
                field: "percentage_charge",
                ..
            }))
        ));
    }
    let err = subs
        .create("Kobo")
        .settlement_bank("057")
        .account_number("0987654321")
        .percentage_charge(10.0)
        .primary_contact_email("owner.kobocrafts.example")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subaccount_list_sends_filters_and_decodes_quirks() {
    let (server, ps) = setup().await;
    expect("GET", "/subaccount")
        .query_is(&[
            ("perPage", "3"),
            ("page", "1"),
            ("active", "true"),
            ("from", "2026-01-01T00:00:00Z"),
        ])
        .reply(&server, "subaccount/list.json")
        .await;

    let from: chrono::DateTime<chrono::Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let r = ps
        .subaccounts()
        .list()
        .per_page(3u32)
        .page(1u32)
        .active(true)
        .from(from)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(
        r.data[0].active.map(|a| a.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(r.data[0].bank_id, Some(Id::Num(21)));
    assert_eq!(r.data[0].metadata, Some(json!({"region": "north"})));
    assert_eq!(
        r.data[1].active.map(|a| a.get()),
        Some(false),
        "0 reads as false"
    );
    assert_eq!(r.data[1].percentage_charge, Some(20.0));
    match r.data[1].bank.as_ref().unwrap() {
        SubaccountBankRef::SubaccountBank(bank) => {
            assert_eq!(bank.name.as_deref(), Some("Ecobank Ghana"));
            assert_eq!(bank.currency, Some(Currency::GHS));
        }
        other => panic!("expected the bank record, got {other:?}"),
    }
    assert_eq!(r.data[1].metadata, Some(json!("")));
    assert_eq!(r.data[2].id, Some(Id::Num(7_712_101)), "string id");
    assert_eq!(r.data[2].currency, Some(Currency::Unknown("XAF".into())));
    assert_eq!(r.data[2].percentage_charge, None, "missing field");
    let meta = r.meta.unwrap();
    assert_eq!(meta.per_page.map(|p| p.get()), Some(3));
}

#[tokio::test]
async fn subaccount_fetch_uses_code() {
    let (server, ps) = setup().await;
    expect("GET", "/subaccount/ACCT_k0b0cr4ft5ltd9x")
        .reply(&server, "subaccount/subaccount.json")
        .await;
    let r = ps
        .subaccounts()
        .fetch("ACCT_k0b0cr4ft5ltd9x")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.business_name.as_deref(), Some("Kobo Crafts Ltd"));
    assert_eq!(r.data.settlement_schedule.as_deref(), Some("AUTO"));
    assert_eq!(r.data.managed_by_integration, Some(Id::Num(4_410_298)));

    let err = ps.subaccounts().fetch("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
}

#[tokio::test]
async fn subaccount_update_sends_only_set_fields() {
    let (server, ps) = setup().await;
    expect("PUT", "/subaccount/ACCT_k0b0cr4ft5ltd9x")
        .body(json!({
            "active": false,
            "percentage_charge": 7.25,
            "settlement_schedule": "weekly",
            "description": "Paused for stock count"
        }))
        .reply(&server, "subaccount/subaccount.json")
        .await;
    let r = ps
        .subaccounts()
        .update("ACCT_k0b0cr4ft5ltd9x")
        .active(false)
        .percentage_charge(7.25)
        .settlement_schedule("weekly")
        .description("Paused for stock count")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(7_712_034)));
}

#[tokio::test]
async fn subaccount_update_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subaccounts().update("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
    let err = ps
        .subaccounts()
        .update("ACCT_x")
        .percentage_charge(101.0)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "percentage_charge",
            ..
        }))
    ));
    let err = ps
        .subaccounts()
        .update("ACCT_x")
        .primary_contact_email("no-at-sign")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = ps
        .subaccounts()
        .update("ACCT_x")
        .account_number("")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    assert_no_requests(&server).await;
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn subaccount_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/subaccount")
        .body(json!({
            "business_name": "Ridge Pottery",
            "settlement_bank": "058",
            "account_number": "0246813579",
            "percentage_charge": 7.25,
            "description": "Pottery stall at the ridge",
            "primary_contact_email": "kiln@ridgepottery.example",
            "primary_contact_name": "Esi Mensah",
            "primary_contact_phone": "+233244000111",
            "metadata": {"stall": 12}
        }))
        .reply(&server, "subaccount/subaccount.json")
        .await;
    let r = ps
        .subaccounts()
        .create("Ridge Pottery")
        .settlement_bank("058")
        .account_number("0246813579")
        .percentage_charge(7.25)
        .description("Pottery stall at the ridge")
        .primary_contact_email("kiln@ridgepottery.example")
        .primary_contact_name("Esi Mensah")
        .primary_contact_phone("+233244000111")
        .metadata(json!({"stall": 12}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.subaccount_code.as_deref(),
        Some("ACCT_k0b0cr4ft5ltd9x")
    );
}

#[tokio::test]
async fn subaccount_create_requires_bank_account_and_charge() {
    let (server, ps) = setup().await;
    let subs = ps.subaccounts();
    let err = subs
        .create("Ridge Pottery")
        .account_number("0246813579")
        .percentage_charge(7.25)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("settlement_bank")))
    ));
    let err = subs
        .create("Ridge Pottery")
        .settlement_bank("058")
        .percentage_charge(7.25)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = subs
        .create("Ridge Pottery")
        .settlement_bank("058")
        .account_number("0246813579")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "percentage_charge"
        )))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subaccount_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/subaccount")
        .query_is(&[
            ("perPage", "40"),
            ("page", "1"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-15T00:00:00Z"),
            ("active", "true"),
        ])
        .reply(&server, "subaccount/list.json")
        .await;
    let r = ps
        .subaccounts()
        .list()
        .per_page(40u32)
        .page(1u32)
        .from(at("2026-03-01T00:00:00Z"))
        .to(at("2026-03-15T00:00:00Z"))
        .active(true)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
}

#[tokio::test]
async fn subaccount_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/subaccount/ACCT_k0b0cr4ft5ltd9x")
        .body(json!({
            "business_name": "Ridge Pottery Ltd",
            "settlement_bank": "044",
            "account_number": "0135792468",
            "active": true,
            "percentage_charge": 9.5,
            "description": "Moved to the new market",
            "primary_contact_email": "office@ridgepottery.example",
            "primary_contact_name": "Kwame Mensah",
            "primary_contact_phone": "+233244000222",
            "settlement_schedule": "weekly",
            "metadata": {"stall": 14}
        }))
        .reply(&server, "subaccount/subaccount.json")
        .await;
    let r = ps
        .subaccounts()
        .update("ACCT_k0b0cr4ft5ltd9x")
        .business_name("Ridge Pottery Ltd")
        .settlement_bank("044")
        .account_number("0135792468")
        .active(true)
        .percentage_charge(9.5)
        .description("Moved to the new market")
        .primary_contact_email("office@ridgepottery.example")
        .primary_contact_name("Kwame Mensah")
        .primary_contact_phone("+233244000222")
        .settlement_schedule("weekly")
        .metadata(json!({"stall": 14}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(7_712_034)));
}

#[tokio::test]
async fn subaccount_code_with_a_wrong_prefix_is_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subaccounts().fetch("SPL_k0b0cr4ft5ltd9x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            expected: "ACCT_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
