//! Transfers: every operation's request and decoded response.

use paystack::types::{TransferBulkItem, TransferOtpReason};
use paystack::{
    enums::{Currency, Domain, RecipientType, TransferSource, TransferStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{amount, assert_no_requests, at, expect, setup};

#[tokio::test]
async fn transfer_initiate_sends_body_and_decodes_otp_status() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer")
        .body(json!({
            "source": "balance",
            "amount": 1500000,
            "recipient": "RCP_4h7k2m9q1wzx3ab",
            "reference": "payout-2026-03-0001",
            "reason": "March commission",
            "currency": "NGN"
        }))
        .reply(&server, "transfer/initiate.json")
        .await;

    let r = ps
        .transfers()
        .initiate(
            amount(1_500_000),
            "RCP_4h7k2m9q1wzx3ab",
            "payout-2026-03-0001",
        )
        .reason("March commission")
        .currency(Currency::NGN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Transfer needs OTP to continue");
    let t = r.data;
    assert_eq!(t.status, Some(TransferStatus::Otp));
    assert_eq!(
        t.amount.map(Amount::subunits),
        Some(1_500_000),
        "string amount"
    );
    assert_eq!(t.transfer_code.as_deref(), Some("TRF_m3n4b5v6c7x8z9a"));
    let recipient = t.recipient.as_ref().unwrap();
    assert_eq!(recipient.id(), Some(71_230_045), "recipient as an id");
    assert!(recipient.record().is_none());
    assert_eq!(t.source, Some(TransferSource::Balance));
    assert_eq!(t.domain, Some(Domain::Test));
    assert_eq!(t.transferred_at, None);
    assert_eq!(t.failures, None);
    assert_eq!(t.transfersessionid, Some(vec![]));
    assert_eq!(t.request, Some(Id::Num(551_203_447)));
}

#[tokio::test]
async fn transfer_initiate_takes_another_source() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer")
        .body(json!({
            "source": "payroll_wallet",
            "amount": 20000,
            "recipient": "RCP_4h7k2m9q1wzx3ab",
            "reference": "payout_2026_03_0009"
        }))
        .reply(&server, "transfer/initiate.json")
        .await;
    ps.transfers()
        .initiate(amount(20_000), "RCP_4h7k2m9q1wzx3ab", "payout_2026_03_0009")
        .source(TransferSource::from("payroll_wallet"))
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn transfer_initiate_checks_reference_amount_and_recipient_before_sending() {
    let (server, ps) = setup().await;
    let api = ps.transfers();
    for bad in [
        "Payout-2026-03-0001",                                  // uppercase
        "payout/2026/03/0001",                                  // slash
        "payout 2026 03 0001",                                  // spaces
        "payout-short",                                         // under 16 characters
        "payout-2026-03-0001-payout-2026-03-0001-payout-20261", // over 50
    ] {
        let err = api
            .initiate(amount(20_000), "RCP_4h7k2m9q1wzx3ab", bad)
            .send()
            .await;
        assert!(
            matches!(
                err,
                Err(Error::Validation(ValidationError::Reference {
                    kind: "transfer",
                    ..
                }))
            ),
            "{bad} should be refused, got {err:?}"
        );
    }
    let err = api
        .initiate(amount(4_000), "RCP_4h7k2m9q1wzx3ab", "payout-2026-03-0001")
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
    let err = api
        .initiate(amount(20_000), "", "payout-2026-03-0001")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "recipient",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transfer_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer")
        .query_is(&[
            ("perPage", "50"),
            ("page", "1"),
            ("status", "success"),
            ("recipient", "71230045"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T23:59:59Z"),
        ])
        .reply(&server, "transfer/list.json")
        .await;

    let r = ps
        .transfers()
        .list()
        .per_page(50u32)
        .page(1u32)
        .status(TransferStatus::Success)
        .recipient("71230045")
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-31T23:59:59Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
    let first = &r.data[0];
    assert_eq!(first.fee_charged.map(Amount::subunits), Some(2_500));
    assert_eq!(first.fees_breakdown, None);
    let session = first.session.as_ref().unwrap();
    assert_eq!(session.provider, None);
    assert_eq!(
        first.recipient.as_ref().unwrap().record().unwrap().type_,
        Some(RecipientType::Nuban)
    );
    assert_eq!(r.data[1].amount.map(Amount::subunits), Some(75_000));
    assert_eq!(r.data[1].currency, Some(Currency::GHS));
    assert_eq!(
        r.data[1].status,
        Some(TransferStatus::Unknown("awaiting_bank_review".into())),
        "unknown statuses are kept"
    );
    assert_eq!(r.data[1].reason, None);
    assert_eq!(
        r.data[2].source,
        Some(TransferSource::Unknown("payroll_wallet".into()))
    );
    assert_eq!(r.data[2].recipient, None, "missing recipient");
    let meta = r.meta.unwrap();
    assert_eq!(
        meta.page_count.map(|p| p.get()),
        Some(1),
        "pageCount as a string"
    );
    assert_eq!(meta.total.map(|p| p.get()), Some(3));
}

#[tokio::test]
async fn transfer_finalize_sends_code_and_otp() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/finalize_transfer")
        .body(json!({
            "transfer_code": "TRF_m3n4b5v6c7x8z9a",
            "otp": "482915"
        }))
        .reply(&server, "transfer/finalized.json")
        .await;
    let r = ps
        .transfers()
        .finalize("TRF_m3n4b5v6c7x8z9a", "482915")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransferStatus::Success));
    assert_eq!(
        r.data.transferred_at.as_deref(),
        Some("2026-03-14T11:04:40.000Z")
    );
    assert_eq!(
        r.data.recipient.as_ref().and_then(|r| r.id()),
        Some(71_230_045),
        "a numeric-string recipient id"
    );
    assert_eq!(r.data.transfersessionid, None, "missing array");
}

#[tokio::test]
async fn transfer_finalize_refuses_empty_otp() {
    let (server, ps) = setup().await;
    let err = ps
        .transfers()
        .finalize("TRF_m3n4b5v6c7x8z9a", "")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("otp")))
    ));
    let err = ps.transfers().finalize("", "482915").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "transfer_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transfer_bulk_sends_every_entry_and_decodes_results() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/bulk")
        .body(json!({
            "source": "balance",
            "currency": "NGN",
            "transfers": [
                {"amount": 500000, "recipient": "RCP_4h7k2m9q1wzx3ab", "reference": "payout-2026-03-0101", "reason": "Bonus"},
                {"amount": 725050, "recipient": "RCP_b2c3d4e5f6g7h8i", "reference": "payout-2026-03-0102"}
            ]
        }))
        .reply(&server, "transfer/bulk.json")
        .await;
    let r = ps
        .transfers()
        .bulk(vec![
            TransferBulkItem::new(
                amount(500_000),
                "RCP_4h7k2m9q1wzx3ab",
                "payout-2026-03-0101",
            )
            .with_reason("Bonus"),
            TransferBulkItem::new(
                amount(725_050),
                "RCP_b2c3d4e5f6g7h8i",
                "payout-2026-03-0102",
            ),
        ])
        .currency(Currency::NGN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "2 transfers queued");
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].status, Some(TransferStatus::Received));
    assert_eq!(
        r.data[0].transfer_code.as_deref(),
        Some("TRF_a1a1a1a1a1a1a1a")
    );
    assert_eq!(r.data[1].amount.map(Amount::subunits), Some(725_050));
    assert_eq!(
        r.data[1].status,
        Some(TransferStatus::Unknown("queued_for_review".into()))
    );
    let recipient = r.data[1].recipient.as_ref().unwrap();
    assert_eq!(recipient.code(), Some("RCP_b2c3d4e5f6g7h8i"));
}

#[tokio::test]
async fn transfer_bulk_checks_every_entry_before_sending() {
    let (server, ps) = setup().await;
    let api = ps.transfers();
    let good = TransferBulkItem::new(
        amount(500_000),
        "RCP_4h7k2m9q1wzx3ab",
        "payout-2026-03-0101",
    );

    let err = api.bulk(vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "transfers",
            ..
        }))
    ));

    let upper = TransferBulkItem::new(
        amount(500_000),
        "RCP_b2c3d4e5f6g7h8i",
        "PAYOUT-2026-03-0102",
    );
    let err = api.bulk(vec![good.clone(), upper]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference {
            kind: "transfer",
            ..
        }))
    ));

    let twice = TransferBulkItem::new(amount(9_000), "RCP_b2c3d4e5f6g7h8i", "payout-2026-03-0101");
    let err = api.bulk(vec![good.clone(), twice]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "transfers",
            ..
        }))
    ));

    let small = TransferBulkItem::new(amount(150), "RCP_b2c3d4e5f6g7h8i", "payout-2026-03-0103");
    let err = api
        .bulk(vec![good.clone(), small])
        .currency(Currency::USD)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(
            ValidationError::AmountBelowMinimum { .. }
        ))
    ));

    let nobody = TransferBulkItem::new(amount(9_000), " ", "payout-2026-03-0104");
    let err = api.bulk(vec![good, nobody]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "recipient",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transfer_fetch_decodes_expanded_transfer() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer/TRF_m3n4b5v6c7x8z9a")
        .reply(&server, "transfer/transfer.json")
        .await;
    let r = ps
        .transfers()
        .fetch("TRF_m3n4b5v6c7x8z9a")
        .send()
        .await
        .unwrap();
    let t = r.data;
    assert_eq!(t.id, Some(Id::Num(409_988_112)));
    assert_eq!(t.status, Some(TransferStatus::Success));
    assert_eq!(
        t.fee_charged.map(Amount::subunits),
        Some(2_500),
        "string fee"
    );
    let fees = t.fees_breakdown.unwrap();
    assert_eq!(fees[0].amount.map(Amount::subunits), Some(2_500));
    assert_eq!(fees[0].type_.as_deref(), Some("paystack"));
    assert_eq!(
        t.gateway_response.as_deref(),
        Some("Approved by receiving bank")
    );
    let session = t.session.unwrap();
    assert_eq!(session.provider.as_deref(), Some("nip"));
    let recipient = t.recipient.unwrap();
    assert_eq!(recipient.code(), Some("RCP_4h7k2m9q1wzx3ab"));
    let recipient = recipient.record().unwrap().clone();
    assert_eq!(
        recipient.details.unwrap().account_number.as_deref(),
        Some("0731148290")
    );
    let attrs = t.transfer_attributes.unwrap();
    assert_eq!(
        attrs.transfer_type.map(|v| v.get()),
        Some(1),
        "string integer"
    );
    assert_eq!(attrs.receipt_number, None);
}

#[tokio::test]
async fn transfer_fetch_refuses_an_empty_or_foreign_code() {
    let (server, ps) = setup().await;
    for bad in ["", "RCP_4h7k2m9q1wzx3ab"] {
        let err = ps.transfers().fetch(bad).send().await;
        assert!(
            matches!(
                err,
                Err(Error::Validation(ValidationError::CodePrefix {
                    field: "id_or_code",
                    expected: "TRF_",
                    ..
                }))
            ),
            "{bad:?}: {err:?}"
        );
    }
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transfer_verify_uses_reference_in_path() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer/verify/payout-2026-03-0001")
        .reply(&server, "transfer/transfer.json")
        .await;
    let r = ps
        .transfers()
        .verify("payout-2026-03-0001")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Transfer found");
    assert_eq!(r.data.reference.as_deref(), Some("payout-2026-03-0001"));
    assert_eq!(r.data.currency, Some(Currency::NGN));

    let err = ps.transfers().verify("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
}

#[tokio::test]
async fn transfer_export_transfer_sends_filters_and_decodes_link() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer/export")
        .query_is(&[
            ("status", "failed"),
            ("recipient", "RCP_4h7k2m9q1wzx3ab"),
            ("from", "2026-03-01T00:00:00Z"),
        ])
        .reply(&server, "transfer/export.json")
        .await;
    let r = ps
        .transfers()
        .export()
        .status(TransferStatus::Failed)
        .recipient("RCP_4h7k2m9q1wzx3ab")
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.path.as_deref(),
        Some("https://files.example.net/exports/transfers-2026-03.csv")
    );
    assert_eq!(r.data.expires_at.as_deref(), Some("2026-03-15 12:00:00"));
}

#[tokio::test]
async fn transfer_resend_otp_sends_code_and_reason() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/resend_otp")
        .body(json!({
            "transfer_code": "TRF_m3n4b5v6c7x8z9a",
            "reason": "resend_otp"
        }))
        .reply(&server, "transfer/otp_resent.json")
        .await;
    let r = ps
        .transfers()
        .resend_otp("TRF_m3n4b5v6c7x8z9a", TransferOtpReason::ResendOtp)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "A new OTP is on its way");

    let err = ps
        .transfers()
        .resend_otp("", TransferOtpReason::Transfer)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "transfer_code",
            ..
        }))
    ));
}

#[tokio::test]
async fn transfer_disable_otp_posts_without_body() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/disable_otp")
        .reply(&server, "transfer/otp_disable_requested.json")
        .await;
    let r = ps.transfers().disable_otp().send().await.unwrap();
    assert_eq!(r.message, "Confirm with the OTP sent to your phone");
    let seen = server.received_requests().await.unwrap();
    assert!(seen[0].body.is_empty(), "no body is sent");
}

#[tokio::test]
async fn transfer_disable_otp_finalize_sends_otp() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/disable_otp_finalize")
        .body(json!({"otp": "730164"}))
        .reply(&server, "transfer/otp_disabled.json")
        .await;
    let r = ps
        .transfers()
        .disable_otp_finalize("730164")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Transfers no longer need an OTP");
}

#[tokio::test]
async fn transfer_disable_otp_finalize_refuses_empty_otp() {
    let (server, ps) = setup().await;
    let err = ps.transfers().disable_otp_finalize("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("otp")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn transfer_enable_otp_accepts_string_status_and_null_data() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/enable_otp")
        .reply(&server, "transfer/otp_enabled.json")
        .await;
    let r = ps.transfers().enable_otp().send().await.unwrap();
    assert_eq!(r.message, "Transfers need an OTP again");
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn transfer_initiate_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer")
        .body(json!({
            "source": "balance",
            "amount": 880000,
            "recipient": "RCP_x1c2v3b4n5m6",
            "reference": "vendor-2026-05-0042",
            "reason": "May stock",
            "currency": "KES"
        }))
        .reply(&server, "transfer/initiate.json")
        .await;
    let r = ps
        .transfers()
        .initiate(amount(880_000), "RCP_x1c2v3b4n5m6", "vendor-2026-05-0042")
        .source(TransferSource::Balance)
        .reason("May stock")
        .currency(Currency::KES)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.transfer_code.as_deref(), Some("TRF_m3n4b5v6c7x8z9a"));
}

#[tokio::test]
async fn transfer_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer")
        .query_is(&[
            ("perPage", "35"),
            ("page", "2"),
            ("use_cursor", "true"),
            ("next", "dHJmOm5leHQ="),
            ("previous", "dHJmOnByZXY="),
            ("from", "2026-05-01T00:00:00Z"),
            ("to", "2026-05-31T00:00:00Z"),
            ("recipient", "88120"),
            ("status", "failed"),
        ])
        .reply(&server, "transfer/list.json")
        .await;
    let r = ps
        .transfers()
        .list()
        .per_page(35u32)
        .page(2u32)
        .use_cursor(true)
        .next("dHJmOm5leHQ=")
        .previous("dHJmOnByZXY=")
        .from(at("2026-05-01T00:00:00Z"))
        .to(at("2026-05-31T00:00:00Z"))
        .recipient("88120")
        .status(TransferStatus::Failed)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 3);
}

#[tokio::test]
async fn transfer_bulk_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/transfer/bulk")
        .body(json!({
            "source": "balance",
            "currency": "GHS",
            "transfers": [
                {"amount": 60000, "recipient": "RCP_x1c2v3b4n5m6", "reference": "vendor-2026-05-0043"}
            ]
        }))
        .reply(&server, "transfer/bulk.json")
        .await;
    let r = ps
        .transfers()
        .bulk(vec![TransferBulkItem::new(
            amount(60_000),
            "RCP_x1c2v3b4n5m6",
            "vendor-2026-05-0043",
        )])
        .source(TransferSource::Balance)
        .currency(Currency::GHS)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn transfer_export_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/transfer/export")
        .query_is(&[
            ("recipient", "88120"),
            ("status", "reversed"),
            ("from", "2026-04-01T00:00:00Z"),
            ("to", "2026-04-30T00:00:00Z"),
        ])
        .reply(&server, "transfer/export.json")
        .await;
    let r = ps
        .transfers()
        .export()
        .recipient("88120")
        .status(TransferStatus::Reversed)
        .from(at("2026-04-01T00:00:00Z"))
        .to(at("2026-04-30T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Export ready");
}

#[tokio::test]
async fn transfer_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .transfers()
        .initiate(amount(880_000), "TRF_x1c2v3b4n5m6", "vendor-2026-05-0044")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "recipient",
            expected: "RCP_",
            ..
        }))
    ));
    let item = TransferBulkItem::new(amount(60_000), "CUS_x1c2v3b4n5m6", "vendor-2026-05-0045");
    let err = ps.transfers().bulk(vec![item]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "recipient",
            ..
        }))
    ));
    let err = ps
        .transfers()
        .finalize("RCP_m3n4b5v6c7x8z9a", "482915")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "transfer_code",
            expected: "TRF_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
