//! Transfer recipients: every operation's request and decoded response.

use paystack::types::TransferRecipientBatchItem;
use paystack::{
    enums::{Currency, Domain, RecipientType},
    Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{assert_no_requests, at, expect, fixture, setup};

#[tokio::test]
async fn transferrecipient_create_sends_body_and_decodes_recipient() {
    let (server, ps) = setup().await;
    expect("POST", "/transferrecipient")
        .body(json!({
            "type": "nuban",
            "name": "Kemi Adeyemi",
            "account_number": "0731148290",
            "bank_code": "035",
            "currency": "NGN",
            "description": "Sales team payouts",
            "metadata": {"payroll_id": "pr-3391"}
        }))
        .respond(
            &server,
            ResponseTemplate::new(201).set_body_json(fixture("transfer_recipient/recipient.json")),
        )
        .await;

    let r = ps
        .transfer_recipients()
        .create(RecipientType::Nuban, "Kemi Adeyemi")
        .account_number("0731148290")
        .bank_code("035")
        .currency(Currency::NGN)
        .description("Sales team payouts")
        .metadata(json!({"payroll_id": "pr-3391"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Recipient saved");
    let rc = r.data;
    assert_eq!(rc.recipient_code.as_deref(), Some("RCP_4h7k2m9q1wzx3ab"));
    assert_eq!(rc.id, Some(Id::Num(71_230_045)));
    assert_eq!(rc.type_, Some(RecipientType::Nuban));
    assert_eq!(rc.domain, Some(Domain::Test));
    assert_eq!(rc.active.map(|f| f.get()), Some(true), "1 reads as true");
    assert_eq!(
        rc.is_deleted.map(|f| f.get()),
        Some(false),
        "0 reads as false"
    );
    assert_eq!(rc.description, None);
    assert_eq!(rc.email, None);
    assert_eq!(rc.created_at.as_deref(), Some("2026-02-11T08:14:22.310Z"));
    let details = rc.details.unwrap();
    assert_eq!(details.account_name.as_deref(), Some("KEMI ADEYEMI"));
    assert_eq!(details.authorization_code, None);
    assert_eq!(details.bank_name.as_deref(), Some("Lagoon Savings Bank"));
}

#[tokio::test]
async fn transferrecipient_create_accepts_a_plain_200_too() {
    let (server, ps) = setup().await;
    expect("POST", "/transferrecipient")
        .body(json!({
            "type": "authorization",
            "name": "Ifeoma Eze",
            "authorization_code": "AUTH_p0o9i8u7y6"
        }))
        .reply(&server, "transfer_recipient/recipient.json")
        .await;
    let r = ps
        .transfer_recipients()
        .create(RecipientType::Authorization, "Ifeoma Eze")
        .authorization_code("AUTH_p0o9i8u7y6")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Kemi Adeyemi"));
}

#[tokio::test]
async fn transferrecipient_create_checks_fields_per_type_before_sending() {
    let (server, ps) = setup().await;
    let api = ps.transfer_recipients();
    let err = api
        .create(RecipientType::Nuban, "Kemi Adeyemi")
        .bank_code("035")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = api
        .create(RecipientType::Basa, "Thandi Nkosi")
        .account_number("1100223344")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("bank_code")))
    ));
    let err = api
        .create(RecipientType::Authorization, "Ifeoma Eze")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "authorization_code"
        )))
    ));
    let err = api
        .create(RecipientType::MobileMoney, "  ")
        .account_number("0241234567")
        .bank_code("MTN")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transferrecipient_list_sends_paging_and_decodes_quirks() {
    let (server, ps) = setup().await;
    expect("GET", "/transferrecipient")
        .query_is(&[
            ("perPage", "3"),
            ("use_cursor", "true"),
            ("next", "dW5pcXVlX2N1cnNvcjo3MTIzMDA0NA=="),
            ("from", "2026-01-01T00:00:00Z"),
        ])
        .reply(&server, "transfer_recipient/list.json")
        .await;

    let from: chrono::DateTime<chrono::Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let r = ps
        .transfer_recipients()
        .list()
        .per_page(3u32)
        .use_cursor(true)
        .next("dW5pcXVlX2N1cnNvcjo3MTIzMDA0NA==")
        .from(from)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].type_, Some(RecipientType::Nuban));
    assert_eq!(r.data[1].type_, Some(RecipientType::Basa));
    assert_eq!(r.data[1].active.map(|f| f.get()), Some(false));
    assert_eq!(r.data[1].details, None, "null details");
    assert_eq!(r.data[1].metadata, None);
    assert_eq!(
        r.data[2].type_,
        Some(RecipientType::Unknown("crypto_wallet".into())),
        "unknown recipient types are kept"
    );
    assert_eq!(r.data[2].currency, Some(Currency::Unknown("XAF".into())));
    let meta = r.meta.unwrap();
    assert_eq!(
        meta.next.as_deref(),
        Some("dW5pcXVlX2N1cnNvcjo3MTIzMDA0Nw==")
    );
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(3),
        "perPage as a string"
    );
    assert_eq!(meta.total, None, "cursor pages carry no total");
}

#[tokio::test]
async fn transferrecipient_bulk_sends_batch_and_decodes_successes_and_errors() {
    let (server, ps) = setup().await;
    expect("POST", "/transferrecipient/bulk")
        .body(json!({
            "batch": [
                {
                    "type": "nuban",
                    "name": "Kemi Adeyemi",
                    "account_number": "0731148290",
                    "bank_code": "035",
                    "currency": "NGN"
                },
                {
                    "type": "nuban",
                    "name": "Chidi Okafor",
                    "account_number": "9999999999",
                    "bank_code": "044",
                    "description": "Logistics contractor"
                },
                {
                    "type": "authorization",
                    "name": "Ifeoma Eze",
                    "authorization_code": "AUTH_p0o9i8u7y6"
                }
            ]
        }))
        .reply(&server, "transfer_recipient/bulk.json")
        .await;

    let first = TransferRecipientBatchItem::new(RecipientType::Nuban, "Kemi Adeyemi")
        .with_account_number("0731148290")
        .with_bank_code("035")
        .with_currency(Currency::NGN);
    let second = TransferRecipientBatchItem::new(RecipientType::Nuban, "Chidi Okafor")
        .with_account_number("9999999999")
        .with_bank_code("044")
        .with_description("Logistics contractor");
    let third = TransferRecipientBatchItem::new(RecipientType::Authorization, "Ifeoma Eze")
        .with_authorization_code("AUTH_p0o9i8u7y6");

    let r = ps
        .transfer_recipients()
        .bulk(vec![first, second, third])
        .send()
        .await
        .unwrap();
    let saved = r.data.success.unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].recipient_code.as_deref(),
        Some("RCP_4h7k2m9q1wzx3ab")
    );
    let errors = r.data.errors.unwrap();
    assert_eq!(
        errors[0].message.as_deref(),
        Some("Account details could not be confirmed")
    );
    let records = errors[0].records.as_ref().unwrap();
    assert_eq!(records[0].name.as_deref(), Some("Chidi Okafor"));
    assert_eq!(records[0].type_, Some(RecipientType::Nuban));
    assert_eq!(records[0].email, None);
}

#[tokio::test]
async fn transferrecipient_bulk_checks_every_entry_before_sending() {
    let (server, ps) = setup().await;
    let api = ps.transfer_recipients();
    let err = api.bulk(vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "batch",
            ..
        }))
    ));
    let good = TransferRecipientBatchItem::new(RecipientType::Nuban, "Kemi Adeyemi")
        .with_account_number("0731148290")
        .with_bank_code("035");
    let bad = TransferRecipientBatchItem::new(RecipientType::Ghipss, "Yaw Boateng");
    let err = api.bulk(vec![good, bad]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transferrecipient_fetch_decodes_fetch_only_fields() {
    let (server, ps) = setup().await;
    expect("GET", "/transferrecipient/RCP_9zq8x7w6v5u4t3s")
        .reply(&server, "transfer_recipient/fetch.json")
        .await;
    let r = ps
        .transfer_recipients()
        .fetch("RCP_9zq8x7w6v5u4t3s")
        .send()
        .await
        .unwrap();
    let rc = r.data;
    assert_eq!(rc.id, Some(Id::Num(71_230_099)), "a numeric string id");
    assert_eq!(rc.type_, Some(RecipientType::MobileMoney));
    assert_eq!(rc.currency, Some(Currency::GHS));
    assert_eq!(rc.domain, Some(Domain::Live));
    assert_eq!(
        rc.metadata,
        Some(json!("")),
        "empty-string metadata survives"
    );
    assert_eq!(rc.recipient_account.as_deref(), Some("0241234567"));
    assert_eq!(rc.institution_code.as_deref(), Some("MTN"));
    assert_eq!(rc.email.as_deref(), Some("yaw.boateng@example.org"));
    assert_eq!(
        rc.is_deleted.map(|f| f.get()),
        Some(true),
        "only the camelCase twin was sent, read through the alias"
    );
    assert_eq!(rc.details.unwrap().account_name, None);
}

#[tokio::test]
async fn transferrecipient_fetch_refuses_an_empty_code() {
    let (server, ps) = setup().await;
    let err = ps.transfer_recipients().fetch("").send().await;
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
async fn transferrecipient_update_sends_name_and_email() {
    let (server, ps) = setup().await;
    expect("PUT", "/transferrecipient/RCP_4h7k2m9q1wzx3ab")
        .body(json!({
            "name": "Kemi A. Adeyemi",
            "email": "kemi.adeyemi@example.org"
        }))
        .reply(&server, "transfer_recipient/updated.json")
        .await;
    let r = ps
        .transfer_recipients()
        .update("RCP_4h7k2m9q1wzx3ab", "Kemi A. Adeyemi")
        .email("kemi.adeyemi@example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Recipient details changed");
    assert!(r.data.is_none(), "a message-only answer");
}

// Paystack's reference answers an update with the recipient as it now stands.
#[tokio::test]
async fn transferrecipient_update_decodes_the_updated_recipient() {
    let (server, ps) = setup().await;
    expect("PUT", "/transferrecipient/71230045")
        .body(json!({"name": "Kemi A. Adeyemi"}))
        .reply(&server, "transfer_recipient/updated_record.json")
        .await;
    let r = ps
        .transfer_recipients()
        .update(71_230_045, "Kemi A. Adeyemi")
        .send()
        .await
        .unwrap();
    let rec = r.data.unwrap();
    assert_eq!(rec.name.as_deref(), Some("Kemi A. Adeyemi"));
    assert_eq!(rec.recipient_code.as_deref(), Some("RCP_4h7k2m9q1wzx3ab"));
    assert_eq!(rec.is_deleted.map(|f| f.get()), Some(false));
    assert_eq!(
        rec.updated_at.as_deref(),
        Some("2026-03-02T10:41:07.000Z"),
        "updated_at read from its snake_case spelling"
    );
}

#[tokio::test]
async fn transferrecipient_update_checks_email_and_name_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .transfer_recipients()
        .update("RCP_4h7k2m9q1wzx3ab", "Kemi Adeyemi")
        .email("kemi at example.org")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = ps
        .transfer_recipients()
        .update("RCP_4h7k2m9q1wzx3ab", "")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transferrecipient_delete_sends_delete() {
    let (server, ps) = setup().await;
    expect("DELETE", "/transferrecipient/71230045")
        .reply(&server, "transfer_recipient/deleted.json")
        .await;
    let r = ps
        .transfer_recipients()
        .delete("71230045")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Recipient deactivated");
}

#[tokio::test]
async fn transferrecipient_delete_refuses_an_empty_code() {
    let (server, ps) = setup().await;
    let err = ps.transfer_recipients().delete(" ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn transferrecipient_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/transferrecipient")
        .body(json!({
            "type": "nuban",
            "name": "Tunde Bakare",
            "account_number": "0112233445",
            "bank_code": "057",
            "description": "Weekend driver",
            "currency": "NGN",
            "authorization_code": "AUTH_r4t5y6u7",
            "metadata": {"route": "Ikeja"}
        }))
        .reply(&server, "transfer_recipient/recipient.json")
        .await;
    let r = ps
        .transfer_recipients()
        .create(RecipientType::Nuban, "Tunde Bakare")
        .account_number("0112233445")
        .bank_code("057")
        .description("Weekend driver")
        .currency(Currency::NGN)
        .authorization_code("AUTH_r4t5y6u7")
        .metadata(json!({"route": "Ikeja"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.recipient_code.as_deref(),
        Some("RCP_4h7k2m9q1wzx3ab")
    );
}

#[tokio::test]
async fn transferrecipient_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transferrecipient")
        .query_is(&[
            ("perPage", "20"),
            ("page", "2"),
            ("use_cursor", "true"),
            ("next", "cmNwOm5leHQ="),
            ("previous", "cmNwOnByZXY="),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-14T00:00:00Z"),
        ])
        .reply(&server, "transfer_recipient/list.json")
        .await;
    let r = ps
        .transfer_recipients()
        .list()
        .per_page(20u32)
        .page(2u32)
        .use_cursor(true)
        .next("cmNwOm5leHQ=")
        .previous("cmNwOnByZXY=")
        .from(at("2026-02-01T00:00:00Z"))
        .to(at("2026-02-14T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
}

#[tokio::test]
async fn transferrecipient_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/transferrecipient/RCP_4h7k2m9q1wzx3ab")
        .body(json!({"name": "Tunde A. Bakare", "email": "tunde@example.com"}))
        .reply(&server, "transfer_recipient/updated.json")
        .await;
    let r = ps
        .transfer_recipients()
        .update("RCP_4h7k2m9q1wzx3ab", "Tunde A. Bakare")
        .email("tunde@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Recipient details changed");
}

#[tokio::test]
async fn transferrecipient_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .transfer_recipients()
        .delete("TRF_4h7k2m9q1wzx3ab")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "id_or_code",
            expected: "RCP_",
            ..
        }))
    ));
    let err = ps
        .transfer_recipients()
        .create(RecipientType::Authorization, "Tunde Bakare")
        .authorization_code("CUS_r4t5y6u7")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization_code",
            expected: "AUTH_",
            ..
        }))
    ));
    let item = TransferRecipientBatchItem::new(RecipientType::Authorization, "Tunde Bakare")
        .with_authorization_code("PLN_r4t5y6u7");
    let err = ps.transfer_recipients().bulk(vec![item]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
