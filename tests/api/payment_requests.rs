//! Payment Request: every operation's request and decoded response.

use paystack::types::{
    PaymentRequestCustomerRef, PaymentRequestIntegrationRef, PaymentRequestLineItemInput,
    PaymentRequestTaxInput,
};
use paystack::{
    enums::{Currency, Domain, PaymentRequestStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

fn item(name: &str, subunits: i64, quantity: Option<i64>) -> PaymentRequestLineItemInput {
    PaymentRequestLineItemInput {
        name: name.into(),
        amount: Amount::from_subunits(subunits).unwrap(),
        quantity,
    }
}

fn tax(name: &str, subunits: i64) -> PaymentRequestTaxInput {
    PaymentRequestTaxInput {
        name: name.into(),
        amount: Amount::from_subunits(subunits).unwrap(),
    }
}

#[tokio::test]
async fn payment_request_create_sends_items_and_decodes_request() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest")
        .body(json!({
            "customer": "CUS_q1w2e3r4t5y6u7i",
            "currency": "NGN",
            "due_date": "2026-05-31T17:00:00Z",
            "description": "Catering for the April offsite",
            "line_items": [{"name": "Catering, 40 guests", "amount": 120000, "quantity": 40}],
            "tax": [{"name": "VAT 7.5%", "amount": 360000}],
            "has_invoice": true,
            "invoice_number": 7,
            "send_notification": false
        }))
        .reply(&server, "payment_request/create.json")
        .await;

    let r = ps
        .payment_requests()
        .create("CUS_q1w2e3r4t5y6u7i")
        .currency(Currency::NGN)
        .due_date(at("2026-05-31T17:00:00Z"))
        .description("Catering for the April offsite")
        .line_items(vec![item("Catering, 40 guests", 120_000, Some(40))])
        .tax(vec![tax("VAT 7.5%", 360_000)])
        .has_invoice(true)
        .invoice_number(7u64)
        .send_notification(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Payment request created");
    let pr = r.data;
    assert_eq!(pr.id, Some(Id::Num(4_400_812)));
    assert_eq!(
        pr.amount.map(Amount::subunits),
        Some(4_800_000),
        "amount as a string"
    );
    assert_eq!(pr.status, Some(PaymentRequestStatus::Pending));
    assert_eq!(
        pr.has_invoice.map(|f| f.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(pr.invoice_number.map(|n| n.get()), Some(7));
    assert_eq!(pr.request_code.as_deref(), Some("PRQ_m3n8b5v2c7x4"));
    assert_eq!(pr.offline_reference.as_deref(), Some("8810224400812"));
    assert_eq!(
        pr.customer,
        Some(PaymentRequestCustomerRef::Id(Id::Num(90_876_123))),
        "customer as a bare id"
    );
    assert_eq!(
        pr.integration,
        Some(PaymentRequestIntegrationRef::Id(Id::Num(1_093_381)))
    );
    assert_eq!(pr.discount, None);
    assert_eq!(pr.pdf_url, None, "missing field");
    let items = pr.line_items.unwrap();
    assert_eq!(items[0].quantity.map(|q| q.get()), Some(40));
    assert_eq!(pr.tax.map(|t| t.len()), Some(0));
}

#[tokio::test]
async fn payment_request_create_sends_plain_amount() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest")
        .body(json!({"customer": "90876123", "amount": 4800000}))
        .reply(&server, "payment_request/create.json")
        .await;

    let r = ps
        .payment_requests()
        .create("90876123")
        .amount(Amount::from_major("48000").unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.currency, Some(Currency::NGN));
}

#[tokio::test]
async fn payment_request_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let prs = ps.payment_requests();
    let err = prs.create("CUS_q1w2e3r4t5y6u7i").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "amount",
            ..
        }))
    ));
    let err = prs
        .create("CUS_q1w2e3r4t5y6u7i")
        .amount(Amount::from_subunits(4_000).unwrap())
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
    let err = prs
        .create("")
        .amount(Amount::from_subunits(500_000).unwrap())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            ..
        }))
    ));
    let err = prs
        .create("CUS_q1w2e3r4t5y6u7i")
        .line_items(vec![item("Chairs", 20_000, Some(0))])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "line_items.quantity",
            ..
        }))
    ));
    let err = prs
        .create("CUS_q1w2e3r4t5y6u7i")
        .line_items(vec![item("Chairs", 20_000, None)])
        .tax(vec![tax(" ", 1_500)])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("tax.name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn payment_request_create_allows_empty_draft() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest")
        .body(json!({"customer": "CUS_q1w2e3r4t5y6u7i", "draft": true}))
        .reply(&server, "payment_request/create.json")
        .await;
    ps.payment_requests()
        .create("CUS_q1w2e3r4t5y6u7i")
        .draft(true)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn payment_request_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/paymentrequest")
        .query_is(&[
            ("perPage", "20"),
            ("page", "1"),
            ("customer", "90876123"),
            ("status", "pending"),
            ("currency", "NGN"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-04-30T23:59:59Z"),
        ])
        .reply(&server, "payment_request/list.json")
        .await;

    let r = ps
        .payment_requests()
        .list()
        .per_page(20u32)
        .page(1u32)
        .customer("90876123")
        .status(PaymentRequestStatus::Pending)
        .currency(Currency::NGN)
        .from(at("2026-03-01T00:00:00Z"))
        .to(at("2026-04-30T23:59:59Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let first = &r.data[0];
    match first.customer.as_ref().unwrap() {
        PaymentRequestCustomerRef::Customer(c) => {
            assert_eq!(c.customer_code.as_deref(), Some("CUS_q1w2e3r4t5y6u7i"));
            assert_eq!(c.first_name, None);
        }
        other => panic!("expected an expanded customer, got {other:?}"),
    }
    let second = &r.data[1];
    assert_eq!(second.status, Some(PaymentRequestStatus::Success));
    assert_eq!(second.paid.map(|p| p.get()), Some(true), "1 reads as true");
    assert_eq!(second.amount.map(Amount::subunits), Some(250_000));
    assert_eq!(second.invoice_number, None);
    assert_eq!(second.metadata, Some(json!(0)));
    assert_eq!(r.meta.unwrap().page_count.map(|p| p.get()), Some(1));
}

#[tokio::test]
async fn payment_request_fetch_accepts_code_and_decodes_single_object() {
    let (server, ps) = setup().await;
    expect("GET", "/paymentrequest/PRQ_m3n8b5v2c7x4")
        .reply(&server, "payment_request/payment_request.json")
        .await;

    let r = ps
        .payment_requests()
        .fetch("PRQ_m3n8b5v2c7x4")
        .send()
        .await
        .unwrap();
    let pr = r.data;
    assert_eq!(pr.domain, Some(Domain::Test));
    assert_eq!(pr.amount.map(Amount::subunits), Some(5_160_000));
    assert_eq!(
        pr.invoice_number.map(|n| n.get()),
        Some(7),
        "\"7\" reads as 7"
    );
    assert_eq!(pr.paid.map(|p| p.get()), Some(false));
    assert_eq!(pr.due_date, None);
    assert_eq!(pr.metadata, Some(json!({"event": "april-offsite"})));
    let items = pr.line_items.unwrap();
    assert_eq!(items[0].amount.map(Amount::subunits), Some(120_000));
    assert_eq!(items[0].quantity.map(|q| q.get()), Some(40));
    let taxes = pr.tax.unwrap();
    assert_eq!(taxes[0].name.as_deref(), Some("VAT 7.5%"));
    assert!(matches!(
        pr.customer,
        Some(PaymentRequestCustomerRef::Customer(_))
    ));
}

#[tokio::test]
async fn payment_request_fetch_rejects_empty_id() {
    let (server, ps) = setup().await;
    let err = ps.payment_requests().fetch(" ").send().await;
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
async fn payment_request_update_sends_only_fields_set() {
    let (server, ps) = setup().await;
    expect("PUT", "/paymentrequest/4400812")
        .body(json!({
            "description": "Catering and chairs",
            "line_items": [
                {"name": "Catering, 40 guests", "amount": 120000, "quantity": 40},
                {"name": "Chair hire", "amount": 15000}
            ]
        }))
        .reply(&server, "payment_request/payment_request.json")
        .await;

    let r = ps
        .payment_requests()
        .update("4400812")
        .description("Catering and chairs")
        .line_items(vec![
            item("Catering, 40 guests", 120_000, Some(40)),
            item("Chair hire", 15_000, None),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.request_code.as_deref(), Some("PRQ_m3n8b5v2c7x4"));
}

#[tokio::test]
async fn payment_request_update_rejects_bad_amount() {
    let (server, ps) = setup().await;
    let err = ps
        .payment_requests()
        .update("4400812")
        .amount(Amount::from_subunits(150).unwrap())
        .currency(Currency::USD)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(
            ValidationError::AmountBelowMinimum { .. }
        ))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn payment_request_verify_decodes_expanded_integration() {
    let (server, ps) = setup().await;
    expect("GET", "/paymentrequest/verify/PRQ_m3n8b5v2c7x4")
        .reply(&server, "payment_request/verify.json")
        .await;

    let r = ps
        .payment_requests()
        .verify("PRQ_m3n8b5v2c7x4")
        .send()
        .await
        .unwrap();
    let pr = r.data;
    match pr.integration.as_ref().unwrap() {
        PaymentRequestIntegrationRef::PaymentRequestIntegration(i) => {
            assert_eq!(i.name.as_deref(), Some("Adire Events Ltd"));
            assert_eq!(i.logo, None);
            assert_eq!(
                i.allowed_currencies.as_deref(),
                Some(&[Currency::NGN, Currency::USD][..])
            );
        }
        other => panic!("expected an expanded integration, got {other:?}"),
    }
    assert_eq!(
        pr.status,
        Some(PaymentRequestStatus::Unknown("partially_paid".into())),
        "unknown statuses are kept"
    );
    assert_eq!(
        pr.pending_amount.map(Amount::subunits),
        Some(2_160_000),
        "pending amount as a string"
    );
    let notes = pr.notifications.unwrap();
    assert_eq!(notes[0].channel.as_deref(), Some("email"));
    assert_eq!(
        pr.pdf_url.as_deref(),
        Some("https://files.example.net/invoices/PRQ_m3n8b5v2c7x4.pdf")
    );
}

#[tokio::test]
async fn payment_request_notify_posts_reminder() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/notify/PRQ_m3n8b5v2c7x4")
        .reply(&server, "payment_request/notify.json")
        .await;

    let r = ps
        .payment_requests()
        .notify("PRQ_m3n8b5v2c7x4")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Reminder sent");
}

#[tokio::test]
async fn payment_request_notify_rejects_empty_code() {
    let (server, ps) = setup().await;
    let prs = ps.payment_requests();
    for err in [
        prs.notify("").send().await,
        prs.archive("").send().await,
        prs.finalize("").send().await.map(|r| r.map(|_| ())),
    ] {
        assert!(matches!(
            err,
            Err(Error::Validation(ValidationError::CodePrefix {
                field: "id_or_code",
                ..
            }))
        ));
    }
    assert!(matches!(
        prs.verify("").send().await,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

// Paystack's reference takes the numeric id as well as the code for notify, archive and
// finalize.
#[tokio::test]
async fn payment_request_notify_archive_and_finalize_take_a_numeric_id() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/notify/4410927")
        .reply(&server, "payment_request/notify.json")
        .await;
    expect("POST", "/paymentrequest/archive/4410927")
        .reply(&server, "payment_request/notify.json")
        .await;
    expect("POST", "/paymentrequest/finalize/4410927")
        .body(json!({}))
        .reply(&server, "payment_request/payment_request.json")
        .await;
    let prs = ps.payment_requests();
    assert_eq!(
        prs.notify(4_410_927).send().await.unwrap().message,
        "Reminder sent"
    );
    assert_eq!(
        prs.archive(4_410_927).send().await.unwrap().message,
        "Reminder sent"
    );
    let issued = prs.finalize(4_410_927).send().await.unwrap();
    assert_eq!(issued.data.amount.map(Amount::subunits), Some(5_160_000));
}

#[tokio::test]
async fn payment_request_totals_decodes_sums_per_currency() {
    let (server, ps) = setup().await;
    expect("GET", "/paymentrequest/totals")
        .reply(&server, "payment_request/totals.json")
        .await;

    let r = ps.payment_requests().totals().send().await.unwrap();
    let pending = r.data.pending.unwrap();
    assert_eq!(pending[1].currency, Some(Currency::USD));
    assert_eq!(pending[1].amount.map(Amount::subunits), Some(900_000));
    let successful = r.data.successful.unwrap();
    assert_eq!(successful[0].amount.map(Amount::subunits), Some(250_000));
    assert_eq!(r.data.total.map(|t| t.len()), Some(2));
}

#[tokio::test]
async fn payment_request_finalize_sends_flag_and_decodes_discount() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/finalize/PRQ_z9y8x7w6v5u4")
        .body(json!({"send_notification": false}))
        .reply(&server, "payment_request/finalize.json")
        .await;

    let r = ps
        .payment_requests()
        .finalize("PRQ_z9y8x7w6v5u4")
        .send_notification(false)
        .send()
        .await
        .unwrap();
    let pr = r.data;
    assert_eq!(pr.currency, Some(Currency::USD));
    let discount = pr.discount.unwrap();
    assert_eq!(discount.type_.as_deref(), Some("percentage"));
    assert_eq!(discount.amount.map(|a| a.get()), Some(10));
    assert_eq!(pr.pending_amount.map(Amount::subunits), Some(900_000));
}

#[tokio::test]
async fn payment_request_finalize_sends_empty_object_by_default() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/finalize/PRQ_z9y8x7w6v5u4")
        .body(json!({}))
        .reply(&server, "payment_request/finalize.json")
        .await;
    ps.payment_requests()
        .finalize("PRQ_z9y8x7w6v5u4")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn payment_request_archive_posts_code() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/archive/PRQ_k4j5h6g7f8d9")
        .reply(&server, "payment_request/archive.json")
        .await;

    let r = ps
        .payment_requests()
        .archive("PRQ_k4j5h6g7f8d9")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Payment request archived");
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn payment_request_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest")
        .body(json!({
            "customer": "CUS_t4r9q2w6e1y8",
            "amount": 950000,
            "currency": "GHS",
            "due_date": "2026-07-15T09:30:00Z",
            "description": "Studio hire, two days",
            "line_items": [{"name": "Studio day", "amount": 400000, "quantity": 2}],
            "tax": [{"name": "Levy", "amount": 150000}],
            "send_notification": false,
            "draft": true,
            "has_invoice": true,
            "invoice_number": 41,
            "split_code": "SPL_h2j4k6l8"
        }))
        .reply(&server, "payment_request/create.json")
        .await;
    let r = ps
        .payment_requests()
        .create("CUS_t4r9q2w6e1y8")
        .amount(Amount::from_subunits(950_000).unwrap())
        .currency(Currency::GHS)
        .due_date(at("2026-07-15T09:30:00Z"))
        .description("Studio hire, two days")
        .line_items(vec![item("Studio day", 400_000, Some(2))])
        .tax(vec![tax("Levy", 150_000)])
        .send_notification(false)
        .draft(true)
        .has_invoice(true)
        .invoice_number(41u64)
        .split_code("SPL_h2j4k6l8")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.request_code.as_deref(), Some("PRQ_m3n8b5v2c7x4"));
}

#[tokio::test]
async fn payment_request_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/paymentrequest")
        .query_is(&[
            ("perPage", "15"),
            ("page", "3"),
            ("from", "2026-06-01T00:00:00Z"),
            ("to", "2026-06-30T23:59:59Z"),
            ("customer", "5512"),
            ("status", "draft"),
            ("currency", "KES"),
        ])
        .reply(&server, "payment_request/list.json")
        .await;
    let r = ps
        .payment_requests()
        .list()
        .per_page(15u32)
        .page(3u32)
        .from(at("2026-06-01T00:00:00Z"))
        .to(at("2026-06-30T23:59:59Z"))
        .customer("5512")
        .status(PaymentRequestStatus::Draft)
        .currency(Currency::KES)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn payment_request_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/paymentrequest/PRQ_m3n8b5v2c7x4")
        .body(json!({
            "customer": "7730",
            "amount": 620000,
            "currency": "NGN",
            "due_date": "2026-08-01T12:00:00Z",
            "description": "Revised quote",
            "line_items": [{"name": "Sound check", "amount": 310000, "quantity": 2}],
            "tax": [{"name": "Service charge", "amount": 20000}],
            "send_notification": true,
            "draft": false,
            "has_invoice": false,
            "invoice_number": 42,
            "split_code": "SPL_q1a2z3x4"
        }))
        .reply(&server, "payment_request/payment_request.json")
        .await;
    let r = ps
        .payment_requests()
        .update("PRQ_m3n8b5v2c7x4")
        .customer(7730u64)
        .amount(Amount::from_subunits(620_000).unwrap())
        .currency(Currency::NGN)
        .due_date(at("2026-08-01T12:00:00Z"))
        .description("Revised quote")
        .line_items(vec![item("Sound check", 310_000, Some(2))])
        .tax(vec![tax("Service charge", 20_000)])
        .send_notification(true)
        .draft(false)
        .has_invoice(false)
        .invoice_number(42u64)
        .split_code("SPL_q1a2z3x4")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(4_400_812)));
}

#[tokio::test]
async fn payment_request_finalize_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/paymentrequest/finalize/PRQ_z9y8x7w6v5u4")
        .body(json!({"send_notification": false}))
        .reply(&server, "payment_request/finalize.json")
        .await;
    let r = ps
        .payment_requests()
        .finalize("PRQ_z9y8x7w6v5u4")
        .send_notification(false)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.request_code.as_deref(), Some("PRQ_z9y8x7w6v5u4"));
}

#[tokio::test]
async fn payment_request_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let prs = ps.payment_requests();
    let err = prs.verify("SUB_m3n8b5v2c7x4").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            expected: "PRQ_",
            ..
        }))
    ));
    let err = prs
        .create("RCP_t4r9q2w6e1y8")
        .amount(Amount::from_subunits(50_000).unwrap())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            expected: "CUS_",
            ..
        }))
    ));
    let err = prs
        .update(4_400_812u64)
        .split_code("ACCT_h2j4k6l8")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "split_code",
            expected: "SPL_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
