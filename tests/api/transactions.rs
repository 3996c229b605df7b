//! Transactions: every operation's request and decoded response.

use paystack::{
    enums::{Bearer, Channel, Currency, Domain, TransactionStatus},
    Amount, Error, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn transaction_initialize_sends_body_and_decodes_checkout() {
    let (server, ps) = setup().await;
    expect("POST", "/transaction/initialize")
        .body(json!({
            "email": "ada@example.com",
            "amount": 250075,
            "currency": "NGN",
            "reference": "order-1042",
            "channels": ["card", "bank_transfer"],
            "bearer": "subaccount",
            "metadata": {"cart_id": 771}
        }))
        .reply(&server, "transaction/initialize.json")
        .await;

    let r = ps
        .transactions()
        .initialize("ada@example.com", Amount::from_major("2500.75").unwrap())
        .currency(Currency::NGN)
        .reference("order-1042")
        .channels(vec![Channel::Card, Channel::BankTransfer])
        .bearer(Bearer::Subaccount)
        .metadata(json!({"cart_id": 771}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Authorization URL created");
    assert_eq!(r.data.access_code.as_deref(), Some("q8w7e6r5t4y3"));
    assert_eq!(r.data.reference.as_deref(), Some("order-1042"));
    assert_eq!(
        r.data.authorization_url.as_deref(),
        Some("https://checkout.paystack.com/q8w7e6r5t4y3")
    );
}

#[tokio::test]
async fn transaction_initialize_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let tx = ps.transactions();
    let ngn_49 = Amount::from_subunits(4_999).unwrap();
    let err = tx
        .initialize("ada@example.com", ngn_49)
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountBelowMinimum {
            minimum: 5000,
            ..
        }))
    ));
    let one = Amount::from_major("100").unwrap();
    let err = tx.initialize("", one).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = tx
        .initialize("ada@example.com", one)
        .reference("order/1042")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference {
            kind: "transaction",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transaction_charge_authorization_sends_code_and_decodes_transaction() {
    let (server, ps) = setup().await;
    expect("POST", "/transaction/charge_authorization")
        .body(json!({
            "email": "ada@example.com",
            "amount": 250000,
            "authorization_code": "AUTH_k2j3h4g5f6",
            "currency": "NGN",
            "queue": true
        }))
        .reply(&server, "transaction/transaction.json")
        .await;

    let r = ps
        .transactions()
        .charge_authorization(
            "ada@example.com",
            Amount::from_subunits(250_000).unwrap(),
            "AUTH_k2j3h4g5f6",
        )
        .currency(Currency::NGN)
        .queue(true)
        .send()
        .await
        .unwrap();
    let tx = r.data;
    assert_eq!(tx.status, Some(TransactionStatus::Success));
    assert_eq!(tx.amount.map(Amount::subunits), Some(250_000));
    let auth = tx.authorization.unwrap();
    assert_eq!(
        auth.reusable.map(|f| f.get()),
        Some(true),
        "0/1 reads as a flag"
    );
    assert_eq!(
        auth.exp_month.map(|m| m.get()),
        Some(9),
        "\"09\" reads as 9"
    );
    assert_eq!(auth.exp_year.map(|m| m.get()), Some(2031));
}

#[tokio::test]
async fn transaction_partial_debit_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/transaction/partial_debit")
        .body(json!({
            "email": "ada@example.com",
            "amount": 500000,
            "authorization_code": "AUTH_k2j3h4g5f6",
            "currency": "NGN",
            "at_least": 250000,
            "reference": "pd-2026-03-14.1"
        }))
        .reply(&server, "transaction/transaction.json")
        .await;

    let r = ps
        .transactions()
        .partial_debit(
            "ada@example.com",
            Amount::from_subunits(500_000).unwrap(),
            "AUTH_k2j3h4g5f6",
        )
        .currency(Currency::NGN)
        .at_least(Amount::from_subunits(250_000).unwrap())
        .reference("pd-2026-03-14.1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("order-1042"));

    let err = ps
        .transactions()
        .partial_debit(
            "ada@example.com",
            Amount::from_subunits(6_000).unwrap(),
            "AUTH_x",
        )
        .currency(Currency::NGN)
        .at_least(Amount::from_subunits(7_000).unwrap())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "at_least",
            ..
        }))
    ));
    let err = ps
        .transactions()
        .partial_debit(
            "ada@example.com",
            Amount::from_subunits(6_000).unwrap(),
            "AUTH_x",
        )
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    let err = ps
        .transactions()
        .partial_debit(
            "ada@example.com",
            Amount::from_subunits(6_000).unwrap(),
            "CUS_x",
        )
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization_code",
            ..
        }))
    ));
}

#[tokio::test]
async fn transaction_verify_decodes_every_documented_field() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/verify/order-1042")
        .reply(&server, "transaction/transaction.json")
        .await;

    let r = ps.transactions().verify("order-1042").send().await.unwrap();
    assert_eq!(r.message, "Verification successful");
    let tx = r.data;
    assert_eq!(tx.id, Some(paystack::Id::Num(5_123_987_641)));
    assert_eq!(tx.domain, Some(Domain::Test));
    assert_eq!(tx.currency, Some(Currency::NGN));
    assert_eq!(tx.channel, Some(Channel::Card));
    assert_eq!(tx.fees.map(Amount::subunits), Some(13_750));
    assert_eq!(tx.paid_at.as_deref(), Some("2026-03-14T09:26:53.000Z"));
    assert_eq!(
        tx.metadata,
        Some(json!("")),
        "an empty-string metadata survives"
    );
    let log = tx.log.unwrap();
    assert_eq!(log.history.as_ref().map(Vec::len), Some(2));
    assert_eq!(log.time_spent.map(|t| t.get()), Some(13));
    let customer = tx.customer.unwrap();
    assert_eq!(
        customer.customer_code.as_deref(),
        Some("CUS_a1b2c3d4e5f6g7h")
    );
    assert_eq!(customer.last_name, None);
}

#[tokio::test]
async fn transaction_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction")
        .query_is(&[
            ("perPage", "20"),
            ("page", "2"),
            ("status", "success"),
            ("channel", "card"),
            ("from", "2026-03-01T00:00:00Z"),
        ])
        .reply(&server, "transaction/list.json")
        .await;

    let from: chrono::DateTime<chrono::Utc> = "2026-03-01T00:00:00Z".parse().unwrap();
    let r = ps
        .transactions()
        .list()
        .per_page(20u32)
        .page(2u32)
        .status(TransactionStatus::Success)
        .channel(Channel::Card)
        .from(from)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(
        r.data[0].amount.map(Amount::subunits),
        Some(250_000),
        "string amount"
    );
    assert_eq!(r.data[1].currency, Some(Currency::GHS));
    assert_eq!(r.data[1].metadata, Some(json!(0)));
    assert_eq!(
        r.data[2].status,
        Some(TransactionStatus::Unknown(
            "awaiting_settlement_review".into()
        )),
        "unknown statuses are kept, not rejected"
    );
    assert_eq!(r.data[2].currency, Some(Currency::Unknown("XAF".into())));
    let meta = r.meta.unwrap();
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(20),
        "perPage as a string"
    );
    assert_eq!(meta.page.map(|p| p.get()), Some(2));
    assert_eq!(meta.total_volume.map(Amount::subunits), Some(469_900));
}

#[tokio::test]
async fn transaction_fetch_uses_numeric_id() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/5123987641")
        .reply(&server, "transaction/transaction.json")
        .await;
    let r = ps.transactions().fetch(5_123_987_641).send().await.unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("order-1042"));
}

#[tokio::test]
async fn transaction_timeline_accepts_reference_and_decodes_log() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/timeline/order-1042")
        .reply(&server, "transaction/timeline.json")
        .await;
    let r = ps
        .transactions()
        .timeline("order-1042")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.start_time.map(|t| t.get()), Some(1_773_480_340));
    assert_eq!(r.data.success.map(|s| s.get()), Some(false));
    assert_eq!(r.data.mobile.map(|s| s.get()), Some(false));
    let history = r.data.history.unwrap();
    assert_eq!(
        history[1].message.as_deref(),
        Some("Declined: insufficient funds")
    );
}

#[tokio::test]
async fn transaction_totals_sends_period_and_decodes_sums() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/totals")
        .query("from", "2026-01-01T00:00:00Z")
        .query("to", "2026-03-31T23:59:59Z")
        .reply(&server, "transaction/totals.json")
        .await;
    let r = ps
        .transactions()
        .totals()
        .from(
            "2026-01-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-31T23:59:59Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.total_transactions.map(|t| t.get()), Some(18));
    let by_currency = r.data.total_volume_by_currency.unwrap();
    assert_eq!(by_currency[1].currency, Some(Currency::USD));
    assert_eq!(by_currency[1].amount.map(Amount::subunits), Some(300_000));
    assert_eq!(
        r.data.pending_transfers.map(Amount::subunits),
        Some(1_250_000)
    );
}

#[tokio::test]
async fn transaction_export_sends_filters_and_decodes_link() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/export")
        .query("status", "success")
        .query("customer", "90876123")
        .reply(&server, "transaction/export.json")
        .await;
    let r = ps
        .transactions()
        .export()
        .status(TransactionStatus::Success)
        .customer(90_876_123u64)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.path.as_deref(),
        Some("https://files.example.net/exports/tx-2026-03.csv")
    );
    assert_eq!(r.data.expires_at.as_deref(), Some("2026-03-15 10:00:00"));
}

/// A dynamic split for the every-setter tests, with the JSON it must serialize to.
fn pantry_split() -> (paystack::types::DynamicSplit, serde_json::Value) {
    let split = paystack::types::DynamicSplit {
        name: Some("Pantry share".into()),
        type_: "percentage".into(),
        currency: Some(Currency::NGN),
        bearer_type: Some(Bearer::Account),
        bearer_subaccount: None,
        subaccounts: vec![paystack::types::DynamicSplitSubaccountsItem {
            subaccount: "ACCT_p4ntry01".into(),
            share: 30,
        }],
    };
    let json = serde_json::to_value(&split).unwrap();
    (split, json)
}

#[tokio::test]
async fn transaction_initialize_sends_every_setter() {
    let (server, ps) = setup().await;
    let (split, split_json) = pantry_split();
    expect("POST", "/transaction/initialize")
        .body(json!({
            "email": "obi@example.net",
            "amount": 830000,
            "currency": "NGN",
            "reference": "pantry-0419",
            "channels": ["card", "bank_transfer"],
            "callback_url": "https://pantry.example.net/paid",
            "plan": "PLN_p4ntrym0nth",
            "invoice_limit": 6,
            "split_code": "SPL_p4ntry",
            "split": split_json,
            "subaccount": "ACCT_p4ntry01",
            "transaction_charge": 12000,
            "bearer": "subaccount",
            "label": "Pantry club",
            "metadata": {"basket": "large"}
        }))
        .reply(&server, "transaction/initialize.json")
        .await;
    let r = ps
        .transactions()
        .initialize("obi@example.net", Amount::from_subunits(830_000).unwrap())
        .currency(Currency::NGN)
        .reference("pantry-0419")
        .channels(vec![Channel::Card, Channel::BankTransfer])
        .callback_url("https://pantry.example.net/paid")
        .plan("PLN_p4ntrym0nth")
        .invoice_limit(6i64)
        .split_code("SPL_p4ntry")
        .split(split)
        .subaccount("ACCT_p4ntry01")
        .transaction_charge(Amount::from_subunits(12_000).unwrap())
        .bearer(Bearer::Subaccount)
        .label("Pantry club")
        .metadata(json!({"basket": "large"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("order-1042"));
}

#[tokio::test]
async fn transaction_charge_authorization_sends_every_setter() {
    let (server, ps) = setup().await;
    let (split, split_json) = pantry_split();
    expect("POST", "/transaction/charge_authorization")
        .body(json!({
            "email": "obi@example.net",
            "amount": 415000,
            "authorization_code": "AUTH_p4ntry77",
            "reference": "pantry-0420",
            "currency": "NGN",
            "split_code": "SPL_p4ntry",
            "split": split_json,
            "subaccount": "ACCT_p4ntry01",
            "transaction_charge": 5000,
            "bearer": "account",
            "metadata": {"renewal": true},
            "queue": false
        }))
        .reply(&server, "transaction/transaction.json")
        .await;
    let r = ps
        .transactions()
        .charge_authorization(
            "obi@example.net",
            Amount::from_subunits(415_000).unwrap(),
            "AUTH_p4ntry77",
        )
        .reference("pantry-0420")
        .currency(Currency::NGN)
        .split_code("SPL_p4ntry")
        .split(split)
        .subaccount("ACCT_p4ntry01")
        .transaction_charge(Amount::from_subunits(5_000).unwrap())
        .bearer(Bearer::Account)
        .metadata(json!({"renewal": true}))
        .queue(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("order-1042"));
}

#[tokio::test]
async fn transaction_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction")
        .query_is(&[
            ("perPage", "10"),
            ("page", "3"),
            ("use_cursor", "true"),
            ("next", "dHg6MzAx"),
            ("previous", "dHg6MjAx"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-08T00:00:00Z"),
            ("status", "abandoned"),
            ("source", "pos"),
            ("terminal_id", "2232WE17"),
            ("virtual_account_number", "7701234611"),
            ("customer_code", "CUS_p0o9i8u7y6t5r4e"),
            ("amount", "415000"),
            ("settlement", "3090011"),
            ("channel", "card"),
            ("subaccount_code", "ACCT_p4ntry01"),
            ("split_code", "SPL_p4ntry"),
        ])
        .reply(&server, "transaction/list.json")
        .await;
    let r = ps
        .transactions()
        .list()
        .per_page(10u32)
        .page(3u32)
        .use_cursor(true)
        .next("dHg6MzAx")
        .previous("dHg6MjAx")
        .from(crate::common::at("2026-03-01T00:00:00Z"))
        .to(crate::common::at("2026-03-08T00:00:00Z"))
        .status(TransactionStatus::Abandoned)
        .source("pos")
        .terminal_id("2232WE17")
        .virtual_account_number("7701234611")
        .customer_code("CUS_p0o9i8u7y6t5r4e")
        .amount(Amount::from_subunits(415_000).unwrap())
        .settlement(3_090_011u64)
        .channel(Channel::Card)
        .subaccount_code("ACCT_p4ntry01")
        .split_code("SPL_p4ntry")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].reference.as_deref(), Some("order-1042"));
}

#[tokio::test]
async fn transaction_totals_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/totals")
        .query_is(&[
            ("from", "2026-04-01T00:00:00Z"),
            ("to", "2026-04-07T00:00:00Z"),
        ])
        .reply(&server, "transaction/totals.json")
        .await;
    let r = ps
        .transactions()
        .totals()
        .from(crate::common::at("2026-04-01T00:00:00Z"))
        .to(crate::common::at("2026-04-07T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.total_transactions.map(|n| n.get()), Some(18));
}

#[tokio::test]
async fn transaction_export_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transaction/export")
        .query_is(&[
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T00:00:00Z"),
            ("status", "success"),
            ("customer", "5120098817"),
            ("subaccount_code", "ACCT_p4ntry01"),
            ("settlement", "3090011"),
        ])
        .reply(&server, "transaction/export.json")
        .await;
    let r = ps
        .transactions()
        .export()
        .from(crate::common::at("2026-03-01T00:00:00Z"))
        .to(crate::common::at("2026-03-31T00:00:00Z"))
        .status(TransactionStatus::Success)
        .customer(5_120_098_817u64)
        .subaccount_code("ACCT_p4ntry01")
        .settlement(3_090_011u64)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.path.as_deref(),
        Some("https://files.example.net/exports/tx-2026-03.csv")
    );
}

#[tokio::test]
async fn transactions_refuse_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let amount = Amount::from_subunits(415_000).unwrap();
    let err = ps
        .transactions()
        .initialize("obi@example.net", amount)
        .plan("SUB_p4ntry")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "plan",
            expected: "PLN_",
            ..
        }))
    ));
    let err = ps
        .transactions()
        .charge_authorization("obi@example.net", amount, "AUTH_p4ntry77")
        .subaccount("SPL_p4ntry")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            ..
        }))
    ));
    let err = ps
        .transactions()
        .list()
        .customer_code("RCP_p4ntry")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer_code",
            expected: "CUS_",
            ..
        }))
    ));
    let err = ps
        .transactions()
        .export()
        .subaccount_code("SUB_p4ntry")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
