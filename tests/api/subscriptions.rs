//! Subscriptions: every operation's request and decoded response.

use paystack::types::{SubscriptionAuthorizationRef, SubscriptionCustomerRef, SubscriptionPlanRef};
use paystack::ValidationError;
use paystack::{
    enums::{Channel, Currency, Interval, RiskAction, SubscriptionStatus},
    Amount, Error, Id,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

#[tokio::test]
async fn subscription_create_sends_body_and_decodes_ids() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription")
        .body(json!({
            "customer": "CUS_q1w2e3r4t5y6u7i",
            "plan": "PLN_g0ldt13r7q2w3e4",
            "authorization": "AUTH_z1x2c3v4b5",
            "start_date": "2026-04-01T09:00:00Z"
        }))
        .reply(&server, "subscription/create.json")
        .await;

    let start: chrono::DateTime<chrono::Utc> = "2026-04-01T09:00:00Z".parse().unwrap();
    let r = ps
        .subscriptions()
        .create("CUS_q1w2e3r4t5y6u7i", "PLN_g0ldt13r7q2w3e4")
        .authorization("AUTH_z1x2c3v4b5")
        .start_date(start)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Subscription set up");
    let s = r.data;
    assert_eq!(s.subscription_code.as_deref(), Some("SUB_a1s2d3f4g5h6j7k"));
    assert_eq!(s.email_token.as_deref(), Some("tok9x8c7v6b5"));
    assert_eq!(s.status, Some(SubscriptionStatus::Active));
    assert_eq!(
        s.customer,
        Some(SubscriptionCustomerRef::Id(Id::Num(90_877_001)))
    );
    assert_eq!(s.plan, Some(SubscriptionPlanRef::Id(Id::Num(662_104))));
    assert_eq!(
        s.authorization,
        Some(SubscriptionAuthorizationRef::Id(Id::Num(551_230_987)))
    );
    assert_eq!(s.easy_cron_id, None);
    assert_eq!(s.open_invoice, None);
    assert_eq!(s.cancelled_at, None);
    assert_eq!(s.start.map(|t| t.get()), Some(1_771_588_800));
    assert_eq!(s.metadata, Some(json!({})));
}

#[tokio::test]
async fn subscription_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let subs = ps.subscriptions();
    let err = subs.create("", "PLN_x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            ..
        }))
    ));
    let err = subs.create("chidi@", "PLN_x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = subs.create("CUS_x", " ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "plan",
            ..
        }))
    ));
    let err = subs.create("CUS_x", "PLN_x").authorization("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subscription_create_accepts_customer_email() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription")
        .body(json!({
            "customer": "chidi.okafor@example.net",
            "plan": "PLN_g0ldt13r7q2w3e4"
        }))
        .reply(&server, "subscription/create.json")
        .await;
    ps.subscriptions()
        .create("chidi.okafor@example.net", "PLN_g0ldt13r7q2w3e4")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn subscription_list_sends_filters_and_decodes_expanded_records() {
    let (server, ps) = setup().await;
    expect("GET", "/subscription")
        .query_is(&[
            ("perPage", "10"),
            ("page", "1"),
            ("plan", "662104"),
            ("customer", "90877001"),
        ])
        .reply(&server, "subscription/list.json")
        .await;
    let r = ps
        .subscriptions()
        .list()
        .per_page(10u32)
        .page(1u32)
        .plan(662_104u64)
        .customer(90_877_001u64)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let first = &r.data[0];
    assert_eq!(first.status, Some(SubscriptionStatus::NonRenewing));
    assert_eq!(
        first.amount.map(Amount::subunits),
        Some(750_000),
        "string amount"
    );
    assert_eq!(first.next_payment_date, None);
    assert_eq!(first.most_recent_invoice, None);
    match first.plan.as_ref().unwrap() {
        SubscriptionPlanRef::Plan(plan) => {
            assert_eq!(plan.interval, Some(Interval::Monthly));
            assert_eq!(plan.currency, Some(Currency::NGN));
        }
        other => panic!("expected a plan record, got {other:?}"),
    }
    match first.authorization.as_ref().unwrap() {
        SubscriptionAuthorizationRef::Authorization(auth) => {
            assert_eq!(auth.exp_month.map(|m| m.get()), Some(7), "numeric month");
            assert_eq!(auth.reusable.map(|f| f.get()), Some(true));
        }
        other => panic!("expected an authorization record, got {other:?}"),
    }
    match first.customer.as_ref().unwrap() {
        SubscriptionCustomerRef::CustomerSummary(c) => {
            assert_eq!(c.last_name.as_deref(), Some("Okafor"));
            assert_eq!(c.metadata, Some(json!(0)));
        }
        other => panic!("expected a customer record, got {other:?}"),
    }
    let second = &r.data[1];
    assert_eq!(
        second.status,
        Some(SubscriptionStatus::Unknown("paused_by_bank".into()))
    );
    assert_eq!(second.plan, Some(SubscriptionPlanRef::Id(Id::Num(662_190))));
    assert_eq!(
        second.customer,
        Some(SubscriptionCustomerRef::Id(Id::Num(90_877_055))),
        "a string id"
    );
    assert_eq!(second.authorization, None, "null authorization");
    assert_eq!(r.meta.unwrap().per_page.map(|p| p.get()), Some(10));
}

#[tokio::test]
async fn subscription_fetch_decodes_every_documented_field() {
    let (server, ps) = setup().await;
    expect("GET", "/subscription/SUB_a1s2d3f4g5h6j7k")
        .reply(&server, "subscription/fetch.json")
        .await;
    let r = ps
        .subscriptions()
        .fetch("SUB_a1s2d3f4g5h6j7k")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Subscription found");
    let s = r.data;
    assert_eq!(s.status, Some(SubscriptionStatus::Attention));
    assert_eq!(s.start.map(|t| t.get()), Some(1_771_588_800), "string time");
    assert_eq!(
        s.easy_cron_id.map(|e| e.get()),
        Some(40_213_355),
        "numeric string"
    );
    assert_eq!(s.open_invoice.as_deref(), Some("INV_0p3n1nv01c3aa"));
    assert_eq!(s.payments_count.map(|p| p.get()), Some(1));
    assert_eq!(s.metadata, Some(json!("")));
    assert_eq!(s.updated_at.as_deref(), Some("2026-03-20T06:00:00.000Z"));
    let invoices = s.invoices.unwrap();
    assert_eq!(invoices[0].amount.map(Amount::subunits), Some(750_000));
    assert_eq!(
        invoices[0].paid.map(|p| p.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(invoices[0].status.as_deref(), Some("success"));
    assert_eq!(s.invoices_history, Some(vec![]));
    let recent = s.most_recent_invoice.unwrap();
    assert_eq!(recent.invoice_code.as_deref(), Some("INV_p4y1d0n3x7c8v9"));
    match s.customer.unwrap() {
        SubscriptionCustomerRef::CustomerSummary(c) => {
            assert_eq!(c.email.as_deref(), Some("chidi.okafor@example.net"));
            assert_eq!(c.last_name, None);
            assert_eq!(c.risk_action, Some(RiskAction::Default));
        }
        other => panic!("expected a customer record, got {other:?}"),
    }
    match s.plan.unwrap() {
        SubscriptionPlanRef::Plan(p) => {
            assert_eq!(p.plan_code.as_deref(), Some("PLN_g0ldt13r7q2w3e4"));
            assert_eq!(p.send_sms.map(|f| f.get()), Some(false));
        }
        other => panic!("expected a plan record, got {other:?}"),
    }
    match s.authorization.unwrap() {
        SubscriptionAuthorizationRef::Authorization(a) => {
            assert_eq!(a.authorization_code.as_deref(), Some("AUTH_z1x2c3v4b5"));
            assert_eq!(a.exp_month.map(|m| m.get()), Some(7), "\"07\" reads as 7");
            assert_eq!(a.channel, Some(Channel::Card));
            assert_eq!(a.reusable.map(|f| f.get()), Some(true));
        }
        other => panic!("expected an authorization record, got {other:?}"),
    }
}

#[tokio::test]
async fn subscription_fetch_rejects_blank_code_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subscriptions().fetch(" ").send().await;
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
async fn subscription_disable_sends_code_and_token() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription/disable")
        .body(json!({"code": "SUB_a1s2d3f4g5h6j7k", "token": "tok9x8c7v6b5"}))
        .reply(&server, "subscription/disabled.json")
        .await;
    let r = ps
        .subscriptions()
        .disable("SUB_a1s2d3f4g5h6j7k", "tok9x8c7v6b5")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Billing stopped for subscription");
}

#[tokio::test]
async fn subscription_disable_rejects_blank_values_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subscriptions().disable("", "tok").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
    let err = ps.subscriptions().disable("SUB_x", "").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("token")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subscription_enable_sends_code_and_token() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription/enable")
        .body(json!({"code": "SUB_a1s2d3f4g5h6j7k", "token": "tok9x8c7v6b5"}))
        .reply(&server, "subscription/enabled.json")
        .await;
    let r = ps
        .subscriptions()
        .enable("SUB_a1s2d3f4g5h6j7k", "tok9x8c7v6b5")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Billing resumed for subscription");
}

#[tokio::test]
async fn subscription_enable_rejects_blank_token_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subscriptions().enable("SUB_x", " ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("token")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subscription_manage_link_decodes_link() {
    let (server, ps) = setup().await;
    expect("GET", "/subscription/SUB_a1s2d3f4g5h6j7k/manage/link")
        .reply(&server, "subscription/manage_link.json")
        .await;
    let r = ps
        .subscriptions()
        .manage_link("SUB_a1s2d3f4g5h6j7k")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.link.as_deref(),
        Some("https://manage.example.test/subscriptions/SUB_a1s2d3f4g5h6j7k?token=tok9x8c7v6b5")
    );
}

#[tokio::test]
async fn subscription_manage_link_rejects_blank_code_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.subscriptions().manage_link("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn subscription_manage_email_posts_without_body() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription/SUB_a1s2d3f4g5h6j7k/manage/email")
        .reply(&server, "subscription/manage_email.json")
        .await;
    let r = ps
        .subscriptions()
        .manage_email("SUB_a1s2d3f4g5h6j7k")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Card update email queued");
    let seen = server.received_requests().await.unwrap();
    assert!(seen[0].body.is_empty(), "no body is sent");

    let err = ps.subscriptions().manage_email(" ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn subscription_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/subscription")
        .body(json!({
            "customer": "yaa@example.com",
            "plan": "PLN_w3e4r5t6",
            "authorization": "AUTH_z8x7c6v5",
            "start_date": "2026-09-01T06:00:00Z"
        }))
        .reply(&server, "subscription/create.json")
        .await;
    let r = ps
        .subscriptions()
        .create("yaa@example.com", "PLN_w3e4r5t6")
        .authorization("AUTH_z8x7c6v5")
        .start_date(at("2026-09-01T06:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.subscription_code.as_deref(),
        Some("SUB_a1s2d3f4g5h6j7k")
    );
}

#[tokio::test]
async fn subscription_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/subscription")
        .query_is(&[
            ("perPage", "10"),
            ("page", "6"),
            ("from", "2026-01-01T00:00:00Z"),
            ("to", "2026-12-31T00:00:00Z"),
            ("plan", "9081"),
            ("customer", "6620"),
        ])
        .reply(&server, "subscription/list.json")
        .await;
    let r = ps
        .subscriptions()
        .list()
        .per_page(10u32)
        .page(6u32)
        .from(at("2026-01-01T00:00:00Z"))
        .to(at("2026-12-31T00:00:00Z"))
        .plan(9081u64)
        .customer(6620u64)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn subscription_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let subs = ps.subscriptions();
    let err = subs.create("CUS_q1w2e3r4", "SUB_w3e4r5t6").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "plan",
            expected: "PLN_",
            ..
        }))
    ));
    let err = subs
        .create("CUS_q1w2e3r4", "PLN_w3e4r5t6")
        .authorization("RCP_z8x7c6v5")
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
    let err = subs.disable("PLN_a1s2d3f4", "tok3n9x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            expected: "SUB_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
