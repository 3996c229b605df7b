//! Dispute: every operation's request and decoded response.

use paystack::types::{DisputeEvidenceRef, DisputeTransactionRef};
use paystack::{
    enums::{Currency, DisputeResolution, DisputeStatus, Domain, TransactionStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

#[tokio::test]
async fn dispute_list_sends_filters_and_decodes_id_or_object() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute")
        .query_is(&[
            ("perPage", "20"),
            ("page", "1"),
            ("status", "awaiting-merchant-feedback"),
            ("transaction", "5123987641"),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-28T00:00:00Z"),
        ])
        .reply(&server, "dispute/list.json")
        .await;

    let r = ps
        .disputes()
        .list()
        .per_page(20u32)
        .page(1u32)
        .status(DisputeStatus::AwaitingMerchantFeedback)
        .transaction("5123987641")
        .from(at("2026-02-01T00:00:00Z"))
        .to(at("2026-02-28T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let first = &r.data[0];
    assert_eq!(first.status, Some(DisputeStatus::AwaitingMerchantFeedback));
    assert_eq!(
        first.refund_amount.map(Amount::subunits),
        Some(39_100),
        "string amount"
    );
    assert_eq!(first.resolution, None);
    assert_eq!(first.messages, None, "null array");
    let tx = first.transaction.as_ref().unwrap();
    assert_eq!(
        tx.transaction().and_then(|t| t.status.clone()),
        Some(TransactionStatus::Success)
    );
    let second = &r.data[1];
    assert_eq!(
        second.transaction,
        Some(DisputeTransactionRef::Id(Id::Num(5_123_987_702))),
        "a bare id in place of the transaction"
    );
    assert_eq!(
        second.status,
        Some(DisputeStatus::Unknown("under-arbitration".into()))
    );
    assert_eq!(
        second.resolution,
        Some(DisputeResolution::Unknown("partner-reversed".into()))
    );
    assert_eq!(second.currency, None, "null currency");
    assert_eq!(second.domain, Some(Domain::Live));
    assert_eq!(
        second.evidence,
        Some(DisputeEvidenceRef::Id(Id::Num(8_812)))
    );
    assert_eq!(r.meta.unwrap().total.map(|t| t.get()), Some(2));
}

#[tokio::test]
async fn dispute_list_rejects_reversed_period_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .disputes()
        .list()
        .from(at("2026-03-01T00:00:00Z"))
        .to(at("2026-02-01T00:00:00Z"))
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "from",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dispute_fetch_decodes_history_messages_and_transaction() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/624011")
        .reply(&server, "dispute/dispute.json")
        .await;
    let r = ps.disputes().fetch(624_011).send().await.unwrap();
    let d = r.data;
    assert_eq!(d.id, Some(Id::Num(624_011)));
    assert_eq!(d.refund_amount, None);
    assert_eq!(d.currency, None);
    assert_eq!(d.bin, None);
    assert_eq!(d.category.as_deref(), Some("chargeback"));
    assert_eq!(d.due_at.as_deref(), Some("2026-02-20T00:00:00.000Z"));
    let tx = d.transaction.unwrap();
    assert_eq!(tx.id(), Some(&Id::Num(5_123_987_641)));
    let full = tx.transaction().unwrap();
    assert_eq!(full.fees.map(Amount::subunits), Some(587));
    assert!(full.customer.is_none());
    let history = d.history.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].status, Some(DisputeStatus::Pending));
    assert_eq!(history[1].by.as_deref(), Some("system"));
    let messages = d.messages.unwrap();
    assert_eq!(messages[0].body.as_deref(), Some("I never got the parcel"));
    assert_eq!(d.customer.unwrap().first_name, None);
}

#[tokio::test]
async fn dispute_update_sends_amount_and_decodes_array() {
    let (server, ps) = setup().await;
    expect("PUT", "/dispute/624011")
        .body(json!({
            "refund_amount": 20000,
            "uploaded_filename": "proof-of-delivery-624011.pdf"
        }))
        .reply(&server, "dispute/updated.json")
        .await;
    let r = ps
        .disputes()
        .update(624_011, Amount::from_subunits(20_000).unwrap())
        .uploaded_filename("proof-of-delivery-624011.pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Dispute updated");
    assert_eq!(r.data.len(), 1);
    let d = &r.data[0];
    assert_eq!(d.status, Some(DisputeStatus::AwaitingBankFeedback));
    assert_eq!(d.refund_amount.map(Amount::subunits), Some(20_000));
    assert_eq!(
        d.transaction.as_ref().and_then(|t| t.id()),
        Some(&Id::Num(5_123_987_641))
    );
    assert_eq!(
        d.attachments.as_deref(),
        Some("proof-of-delivery-624011.pdf")
    );

    let err = ps
        .disputes()
        .update(624_011, Amount::from_subunits(20_000).unwrap())
        .uploaded_filename("")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "uploaded_filename"
        )))
    ));
}

#[tokio::test]
async fn dispute_upload_url_sends_file_name_and_decodes_signed_url() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/624011/upload_url")
        .query("upload_filename", "receipt.pdf")
        .reply(&server, "dispute/upload_url.json")
        .await;
    let r = ps
        .disputes()
        .upload_url(624_011)
        .upload_filename("receipt.pdf")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.signed_url.as_deref(),
        Some("https://uploads.example.net/disputes/624011/receipt-x81k.pdf?sig=abc123")
    );
    assert_eq!(r.data.file_name.as_deref(), Some("receipt-x81k.pdf"));
}

#[tokio::test]
async fn dispute_download_sends_filters_and_decodes_link() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/export")
        .query("status", "resolved")
        .query("perPage", "100")
        .query("page", "2")
        .query("from", "2026-02-01T00:00:00Z")
        .query("to", "2026-02-28T00:00:00Z")
        .reply(&server, "dispute/export.json")
        .await;
    let r = ps
        .disputes()
        .download()
        .status(DisputeStatus::Resolved)
        .per_page(100u32)
        .page(2u32)
        .from(at("2026-02-01T00:00:00Z"))
        .to(at("2026-02-28T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.path.as_deref(),
        Some("https://files.example.net/exports/disputes-2026-02.csv")
    );
    assert_eq!(r.data.expires_at.as_deref(), Some("2026-03-15 10:00:00"));
}

#[tokio::test]
async fn dispute_transaction_uses_transaction_id() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/transaction/5123987641")
        .reply(&server, "dispute/dispute.json")
        .await;
    let r = ps
        .disputes()
        .transaction(5_123_987_641)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(DisputeStatus::AwaitingMerchantFeedback));
}

#[tokio::test]
async fn dispute_resolve_sends_body_and_decodes_ids_and_message() {
    let (server, ps) = setup().await;
    expect("PUT", "/dispute/624011/resolve")
        .body(json!({
            "resolution": "declined",
            "message": "Signed delivery note attached",
            "refund_amount": 39100,
            "uploaded_filename": "receipt-x81k.pdf",
            "evidence": 8812
        }))
        .reply(&server, "dispute/resolved.json")
        .await;
    let r = ps
        .disputes()
        .resolve(624_011, DisputeResolution::Declined)
        .message("Signed delivery note attached")
        .refund_amount(Amount::from_subunits(39_100).unwrap())
        .uploaded_filename("receipt-x81k.pdf")
        .evidence(8_812u64)
        .send()
        .await
        .unwrap();
    let d = r.data;
    assert_eq!(d.status, Some(DisputeStatus::Resolved));
    assert_eq!(d.resolution, Some(DisputeResolution::Declined));
    assert_eq!(d.currency, Some(Currency::NGN));
    assert_eq!(
        d.transaction,
        Some(DisputeTransactionRef::Id(Id::Num(5_123_987_641))),
        "only the id here"
    );
    assert_eq!(d.created_by, Some(Id::Num(90_100)));
    assert_eq!(
        d.merchant_transaction_reference.as_deref(),
        Some("order-1042")
    );
    let message = d.message.unwrap();
    assert_eq!(message.dispute, Some(Id::Num(624_011)));
    assert_eq!(
        message.body.as_deref(),
        Some("Signed delivery note attached")
    );
}

#[tokio::test]
async fn dispute_resolve_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let amount = Amount::from_subunits(39_100).unwrap();
    let resolve = || {
        ps.disputes()
            .resolve(624_011, DisputeResolution::MerchantAccepted)
            .message("ok")
            .refund_amount(amount)
            .uploaded_filename("r.pdf")
    };
    let err = resolve().message(" ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("message")))
    ));
    let err = resolve().uploaded_filename("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "uploaded_filename"
        )))
    ));
    let err = ps
        .disputes()
        .resolve(624_011, DisputeResolution::MerchantAccepted)
        .message("ok")
        .uploaded_filename("r.pdf")
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("refund_amount")))
        ),
        "required setters are checked"
    );
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dispute_evidence_sends_body_and_decodes_record() {
    let (server, ps) = setup().await;
    expect("POST", "/dispute/624011/evidence")
        .body(json!({
            "customer_email": "ada@example.com",
            "customer_name": "Ada Obi",
            "customer_phone": "08021112222",
            "service_details": "Two pairs of running shoes, size 44",
            "delivery_address": "3 Allen Avenue, Ikeja",
            "delivery_date": "2026-02-03T15:00:00Z"
        }))
        .reply(&server, "dispute/evidence.json")
        .await;
    let r = evidence(&ps, "ada@example.com")
        .customer_phone("08021112222")
        .service_details("Two pairs of running shoes, size 44")
        .delivery_address("3 Allen Avenue, Ikeja")
        .delivery_date(at("2026-02-03T15:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(8_812)));
    assert_eq!(r.data.dispute, Some(Id::Num(624_011)));
    assert_eq!(
        r.data.delivery_date.as_deref(),
        Some("2026-02-03T15:00:00.000Z")
    );
}

/// Evidence with every required setter, as the tests vary it.
fn evidence<'a>(
    ps: &'a paystack::Paystack,
    email: &str,
) -> paystack::disputes::AddDisputeEvidence<'a> {
    ps.disputes()
        .evidence(624_011)
        .customer_email(email)
        .customer_name("Ada Obi")
        .customer_phone("0802")
        .service_details("Shoes")
}

#[tokio::test]
async fn dispute_evidence_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = evidence(&ps, "ada at example").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = evidence(&ps, "ada@example.com")
        .customer_phone("")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("customer_phone")))
    ));
    let err = ps
        .disputes()
        .evidence(624_011)
        .customer_email("ada@example.com")
        .customer_name("Ada Obi")
        .customer_phone("0802")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("service_details")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dispute_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute")
        .query_is(&[
            ("status", "awaiting-bank-feedback"),
            ("transaction", "5123987641"),
            ("perPage", "6"),
            ("page", "2"),
            ("from", "2026-01-05T00:00:00Z"),
            ("to", "2026-01-25T00:00:00Z"),
        ])
        .reply(&server, "dispute/list.json")
        .await;
    let r = ps
        .disputes()
        .list()
        .status(DisputeStatus::AwaitingBankFeedback)
        .transaction("5123987641")
        .per_page(6u32)
        .page(2u32)
        .from(at("2026-01-05T00:00:00Z"))
        .to(at("2026-01-25T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].id, Some(Id::Num(624_011)));
}

#[tokio::test]
async fn dispute_upload_url_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/624011/upload_url")
        .query_is(&[("upload_filename", "waybill-0042.png")])
        .reply(&server, "dispute/upload_url.json")
        .await;
    let r = ps
        .disputes()
        .upload_url(624_011)
        .upload_filename("waybill-0042.png")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.file_name.as_deref(), Some("receipt-x81k.pdf"));
}

#[tokio::test]
async fn dispute_download_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/dispute/export")
        .query_is(&[
            ("perPage", "40"),
            ("page", "1"),
            ("status", "resolved"),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-28T00:00:00Z"),
        ])
        .reply(&server, "dispute/export.json")
        .await;
    let r = ps
        .disputes()
        .download()
        .per_page(40u32)
        .page(1u32)
        .status(DisputeStatus::Resolved)
        .from(at("2026-02-01T00:00:00Z"))
        .to(at("2026-02-28T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.path.as_deref(),
        Some("https://files.example.net/exports/disputes-2026-02.csv")
    );
}
