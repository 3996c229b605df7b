//! Plans: every operation's request and decoded response.

use paystack::types::{SubscriptionCustomerRef, SubscriptionPlanRef};
use paystack::{
    enums::{Currency, Domain, Interval, SubscriptionStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn plan_create_sends_body_and_decodes_plan() {
    let (server, ps) = setup().await;
    expect("POST", "/plan")
        .body(json!({
            "name": "Gold tier",
            "amount": 750000,
            "interval": "monthly",
            "currency": "NGN",
            "send_sms": false,
            "invoice_limit": 12
        }))
        .reply(&server, "plan/create.json")
        .await;

    let r = ps
        .plans()
        .create(
            "Gold tier",
            Amount::from_major("7500").unwrap(),
            Interval::Monthly,
        )
        .currency(Currency::NGN)
        .send_sms(false)
        .invoice_limit(12)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Plan saved");
    let p = r.data;
    assert_eq!(p.plan_code.as_deref(), Some("PLN_g0ldt13r7q2w3e4"));
    assert_eq!(p.amount.map(Amount::subunits), Some(750_000));
    assert_eq!(p.interval, Some(Interval::Monthly));
    assert_eq!(p.invoice_limit.map(|l| l.get()), Some(0));
    assert_eq!(p.hosted_page.map(|h| h.get()), Some(false));
    assert_eq!(p.id, Some(Id::Num(662_104)));
    assert_eq!(p.domain, Some(Domain::Test));
    assert_eq!(p.subscriptions, None, "missing on create");
}

#[tokio::test]
async fn plan_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let plans = ps.plans();
    let below = Amount::from_subunits(4_000).unwrap();
    let err = plans
        .create("Tiny", below, Interval::Weekly)
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
    let amount = Amount::from_major("100").unwrap();
    let err = plans.create(" ", amount, Interval::Daily).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = plans
        .create("Gold", amount, Interval::Daily)
        .invoice_limit(-1)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "invoice_limit",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn plan_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/plan")
        .query_is(&[
            ("perPage", "5"),
            ("page", "1"),
            ("interval", "quarterly"),
            ("amount", "750000"),
            ("status", "active"),
        ])
        .reply(&server, "plan/list.json")
        .await;
    let r = ps
        .plans()
        .list()
        .per_page(5u32)
        .page(1u32)
        .interval(Interval::Quarterly)
        .amount(Amount::from_subunits(750_000).unwrap())
        .status("active")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let gold = &r.data[0];
    assert_eq!(
        gold.active_subscriptions.map(|a| a.get()),
        Some(3),
        "string count"
    );
    assert_eq!(
        gold.total_subscriptions_revenue.map(Amount::subunits),
        Some(3_000_000),
        "string amount"
    );
    assert_eq!(gold.subscriptions.as_ref().map(Vec::len), Some(0));
    let veg = &r.data[1];
    assert_eq!(veg.interval, Some(Interval::Unknown("fortnightly".into())));
    assert_eq!(veg.description, None);
    assert_eq!(
        veg.send_invoices.map(|f| f.get()),
        Some(false),
        "0 reads as false"
    );
    assert_eq!(veg.send_sms.map(|f| f.get()), Some(true), "1 reads as true");
    assert_eq!(veg.pages, None, "missing pages");
    assert_eq!(veg.subscribers_count, None, "missing count");
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(5));
}

#[tokio::test]
async fn plan_fetch_decodes_subscriptions_and_pages() {
    let (server, ps) = setup().await;
    expect("GET", "/plan/PLN_g0ldt13r7q2w3e4")
        .reply(&server, "plan/fetch.json")
        .await;
    let r = ps
        .plans()
        .fetch("PLN_g0ldt13r7q2w3e4")
        .send()
        .await
        .unwrap();
    let p = r.data;
    assert_eq!(
        p.amount.map(Amount::subunits),
        Some(750_000),
        "string amount"
    );
    assert_eq!(p.invoice_limit.map(|l| l.get()), Some(0), "string limit");
    assert_eq!(p.send_sms.map(|f| f.get()), Some(false));
    assert_eq!(p.active_subscriptions_count, None, "null count");
    assert_eq!(p.total_revenue.map(Amount::subunits), Some(1_500_000));
    assert_eq!(p.subscribers, Some(vec![]));
    let subs = p.subscriptions.unwrap();
    assert_eq!(subs[0].status, Some(SubscriptionStatus::Active));
    assert_eq!(
        subs[0].customer,
        Some(SubscriptionCustomerRef::Id(Id::Num(90_877_001))),
        "customer as a bare id"
    );
    assert_eq!(
        subs[0].plan,
        Some(SubscriptionPlanRef::Id(Id::Num(662_104)))
    );
    let pages = p.pages.unwrap();
    assert_eq!(pages[0].slug.as_deref(), Some("gold-tier-signup"));
    assert_eq!(pages[0].amount, None);
    assert_eq!(pages[0].active.map(|a| a.get()), Some(true));
}

#[tokio::test]
async fn plan_fetch_rejects_blank_code_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.plans().fetch("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn plan_update_sends_only_set_fields() {
    let (server, ps) = setup().await;
    expect("PUT", "/plan/662104")
        .body(json!({
            "amount": 800000,
            "interval": "annually",
            "description": "Yearly gold membership",
            "currency": "NGN",
            "update_existing_subscriptions": false
        }))
        .reply(&server, "plan/updated.json")
        .await;
    let r = ps
        .plans()
        .update("662104")
        .amount(Amount::from_subunits(800_000).unwrap())
        .interval(Interval::Annually)
        .description("Yearly gold membership")
        .currency(Currency::NGN)
        .update_existing_subscriptions(false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.message,
        "Plan updated. 2 subscription(s) will use the new terms"
    );
}

#[tokio::test]
async fn plan_update_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.plans().update(" ").name("Gold").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
    let err = ps
        .plans()
        .update("PLN_x")
        .amount(Amount::from_subunits(150).unwrap())
        .currency(Currency::USD)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountBelowMinimum {
            minimum: 200,
            ..
        }))
    ));
    let err = ps.plans().update("PLN_x").name("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn plan_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/plan")
        .body(json!({
            "name": "Seed box",
            "amount": 320000,
            "interval": "weekly",
            "description": "Seeds for the season, every week",
            "send_invoices": false,
            "send_sms": true,
            "currency": "NGN",
            "invoice_limit": 12
        }))
        .reply(&server, "plan/create.json")
        .await;
    let r = ps
        .plans()
        .create(
            "Seed box",
            Amount::from_subunits(320_000).unwrap(),
            Interval::Weekly,
        )
        .description("Seeds for the season, every week")
        .send_invoices(false)
        .send_sms(true)
        .currency(Currency::NGN)
        .invoice_limit(12i64)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Gold tier"));
}

#[tokio::test]
async fn plan_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/plan")
        .query_is(&[
            ("interval", "annually"),
            ("amount", "990000"),
            ("status", "active"),
            ("perPage", "8"),
            ("page", "2"),
            ("from", "2026-01-01T00:00:00Z"),
            ("to", "2026-06-30T00:00:00Z"),
        ])
        .reply(&server, "plan/list.json")
        .await;
    let r = ps
        .plans()
        .list()
        .interval(Interval::Annually)
        .amount(Amount::from_subunits(990_000).unwrap())
        .status("active")
        .per_page(8u32)
        .page(2u32)
        .from(crate::common::at("2026-01-01T00:00:00Z"))
        .to(crate::common::at("2026-06-30T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].plan_code.as_deref(), Some("PLN_g0ldt13r7q2w3e4"));
}

#[tokio::test]
async fn plan_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/plan/PLN_s33db0x")
        .body(json!({
            "name": "Seed box plus",
            "amount": 350000,
            "interval": "monthly",
            "description": "More seeds, once a month",
            "send_invoices": true,
            "send_sms": false,
            "currency": "NGN",
            "invoice_limit": 0,
            "update_existing_subscriptions": false
        }))
        .reply(&server, "plan/updated.json")
        .await;
    let r = ps
        .plans()
        .update("PLN_s33db0x")
        .name("Seed box plus")
        .amount(Amount::from_subunits(350_000).unwrap())
        .interval(Interval::Monthly)
        .description("More seeds, once a month")
        .send_invoices(true)
        .send_sms(false)
        .currency(Currency::NGN)
        .invoice_limit(0i64)
        .update_existing_subscriptions(false)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.message,
        "Plan updated. 2 subscription(s) will use the new terms"
    );
}

#[tokio::test]
async fn plans_refuse_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.plans().fetch("SPL_s33db0x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            expected: "PLN_",
            ..
        }))
    ));
    let err = ps.plans().update("SUB_s33db0x").name("x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
