//! Every documented event decodes from its fixture into its own variant, with the right
//! amount and reference, quirks included.

use paystack::types::{
    DisputeTransactionRef, PaymentRequestCustomerRef, SubscriptionPlanRef, TransferIntegrationRef,
    TransferRecipientRef,
};
use paystack::webhook::{Event, EVENT_NAMES};
use paystack::{
    enums::{
        Channel, Currency, Domain, IdentificationType, RecipientType, TransactionStatus,
        TransferStatus,
    },
    Amount, FlexInt, Id,
};

use crate::common::{signed, webhook};

/// Verifies and decodes a fixture; the event name must match the fixture's.
fn event(fixture: &str) -> Event {
    let (body, sig) = signed(fixture);
    let event = webhook()
        .parse(Some(&sig), &body)
        .unwrap_or_else(|e| panic!("{fixture}: {e}"));
    assert!(event.is_known(), "{fixture} decoded as unknown");
    assert!(EVENT_NAMES.contains(&event.name()));
    event
}

fn amount(subunits: i64) -> Option<Amount> {
    Some(Amount::from_subunits(subunits).unwrap())
}

#[test]
fn every_event_name_has_a_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/webhook");
    for name in EVENT_NAMES {
        assert!(
            std::path::Path::new(&format!("{dir}/{name}.json")).exists(),
            "no fixture for {name}"
        );
    }
    assert_eq!(EVENT_NAMES.len(), 33);
}

#[test]
fn charge_success_card() {
    let e = event("charge.success");
    assert_eq!(e.reference(), Some("ord-2291-kemi"));
    assert_eq!(e.amount(), amount(1_250_000));
    let Event::ChargeSuccess(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.id, Some(Id::Num(5_512_093_341)));
    assert_eq!(c.domain, Some(Domain::Test));
    assert_eq!(c.status, Some(TransactionStatus::Success));
    assert_eq!(c.channel, Some(Channel::Card));
    assert_eq!(c.currency, Some(Currency::NGN));
    assert_eq!(c.fees, amount(28_750));
    let auth = c.authorization.as_ref().unwrap();
    assert_eq!(auth.authorization_code.as_deref(), Some("AUTH_k2j9x7w1qa"));
    // "09" on the wire.
    assert_eq!(auth.exp_month, Some(FlexInt(9)));
    assert_eq!(auth.reusable.map(|b| b.get()), Some(true));
    let customer = c.customer.as_ref().unwrap();
    assert_eq!(customer.code(), Some("CUS_h4n8q2v6w0z1r5t"));
    assert_eq!(customer.phone, None);
    assert_eq!(c.metadata.as_ref().unwrap()["order_id"], 2291);
    let log = c.log.as_ref().unwrap();
    assert_eq!(log.history.as_ref().unwrap().len(), 2);
    // `plan: {}` is kept as sent: an id in some answers, an object in others.
    assert_eq!(c.plan, Some(serde_json::json!({})));
    assert!(c.paid_at.is_some());
}

#[test]
fn charge_success_terminal_amount_as_string() {
    let e = event("charge.success-pos");
    assert_eq!(e.reference(), Some("pos_r8d2mqz41c"));
    assert_eq!(e.amount(), amount(7_500));
    assert_eq!(e.domain(), Some(&Domain::Live));
    let Event::ChargeSuccess(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.requested_amount, amount(7_500));
    assert_eq!(c.channel, Some(Channel::Pos));
    assert_eq!(c.metadata, Some(serde_json::json!(0)));
    assert_eq!(c.fees, None);
    assert_eq!(
        c.source.as_ref().unwrap().identifier.as_deref(),
        Some("TRM7Q2X9")
    );
    assert_eq!(c.authorization.as_ref().unwrap().exp_month, None);
}

#[test]
fn charge_dispute_events() {
    for (fixture, status) in [
        ("charge.dispute.create", "awaiting-merchant-feedback"),
        ("charge.dispute.remind", "awaiting-merchant-feedback"),
        ("charge.dispute.resolve", "resolved"),
    ] {
        let e = event(fixture);
        assert_eq!(e.reference(), Some("ord-5530-tunde"), "{fixture}");
        assert_eq!(e.amount(), amount(430_000), "{fixture}");
        let d = match e {
            Event::ChargeDisputeCreate(d) => {
                assert_eq!(fixture, "charge.dispute.create");
                d
            }
            Event::ChargeDisputeRemind(d) => {
                assert_eq!(fixture, "charge.dispute.remind");
                d
            }
            Event::ChargeDisputeResolve(d) => {
                assert_eq!(fixture, "charge.dispute.resolve");
                assert_eq!(
                    d.resolution,
                    Some(paystack::enums::DisputeResolution::MerchantAccepted)
                );
                assert!(d.resolved_at.is_some());
                d
            }
            other => panic!("{fixture} decoded as {}", other.name()),
        };
        assert_eq!(d.status.as_ref().map(|s| s.as_str()), Some(status));
        assert_eq!(d.id, Some(Id::Num(772_301)));
        assert!(d.due_at.is_some());
        assert_eq!(d.messages.as_ref().unwrap().len(), 1);
        assert_eq!(
            d.history.as_ref().unwrap()[0].by.as_deref(),
            Some("disputes@example.com")
        );
        let Some(DisputeTransactionRef::Transaction(tx)) = d.transaction.as_ref() else {
            panic!("{fixture}: the transaction should be expanded")
        };
        assert_eq!(tx.metadata, Some(serde_json::json!("")));
        // Webhooks spell the timestamps in snake_case; they land in the API's fields.
        assert_eq!(d.created_at.as_deref(), Some("2025-01-21T09:00:00.000Z"));
    }
}

#[test]
fn customer_identification_carries_no_amount() {
    let e = event("customeridentification.success");
    assert_eq!(e.amount(), None);
    assert_eq!(e.reference(), None);
    let Event::CustomerIdentificationSuccess(c) = e else {
        panic!("wrong variant")
    };
    // customer_id comes as a string here and still reads as a number.
    assert_eq!(c.customer_id, Some(Id::Num(61_230_098)));
    assert_eq!(
        c.identification.as_ref().unwrap().type_,
        Some(IdentificationType::Bvn)
    );

    let e = event("customeridentification.failed");
    assert_eq!(e.amount(), None);
    let Event::CustomerIdentificationFailed(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.customer_id, Some(Id::Num(61_230_777)));
    assert!(c.reason.is_some());
    assert_eq!(
        c.identification.as_ref().unwrap().bank_code.as_deref(),
        Some("058")
    );
}

#[test]
fn dedicated_account_assignment_carries_no_amount() {
    let e = event("dedicatedaccount.assign.success");
    assert_eq!(e.amount(), None);
    let Event::DedicatedAccountAssignSuccess(a) = e else {
        panic!("wrong variant")
    };
    let account = a.dedicated_account.as_ref().unwrap();
    assert_eq!(account.account_number.as_deref(), Some("9912004567"));
    assert_eq!(
        account.bank.as_ref().unwrap().slug.as_deref(),
        Some("harbour-mfb")
    );
    assert_eq!(
        account
            .assignment
            .as_ref()
            .unwrap()
            .expired
            .map(|b| b.get()),
        Some(false)
    );
    assert_eq!(
        a.identification.as_ref().unwrap().status.as_deref(),
        Some("success")
    );

    let e = event("dedicatedaccount.assign.failed");
    assert_eq!(e.amount(), None);
    let Event::DedicatedAccountAssignFailed(a) = e else {
        panic!("wrong variant")
    };
    assert!(a.dedicated_account.is_none());
    assert_eq!(
        a.customer.as_ref().unwrap().code(),
        Some("CUS_f41l3dv4q0w9e8r")
    );
}

#[test]
fn direct_debit_authorizations() {
    let e = event("direct_debit.authorization.created");
    assert_eq!(e.reference(), Some("mandate-bisi-0042"));
    assert_eq!(e.amount(), None);
    let Event::DirectDebitAuthorizationCreated(a) = e else {
        panic!("wrong variant")
    };
    assert_eq!(a.active.map(|b| b.get()), Some(false));
    // Mandate expiry comes as numbers, card expiry as strings: both read as numbers.
    assert_eq!(a.exp_month, Some(FlexInt(4)));
    assert_eq!(a.channel, Some(Channel::DirectDebit));
    // Direct-debit events call the customer code `code`.
    assert_eq!(
        a.customer.as_ref().unwrap().code(),
        Some("CUS_b1s1l4w4l0q9z8x")
    );

    let e = event("direct_debit.authorization.active");
    let Event::DirectDebitAuthorizationActive(a) = e else {
        panic!("wrong variant")
    };
    assert_eq!(a.active.map(|b| b.get()), Some(true));
    assert_eq!(a.authorization_code.as_deref(), Some("AUTH_m4nd8t3q2z"));
}

#[test]
fn invoices() {
    let e = event("invoice.create");
    assert_eq!(e.amount(), amount(350_000));
    // Unpaid: `transaction: {}`, so no reference.
    assert_eq!(e.reference(), None);
    let Event::InvoiceCreate(i) = e else {
        panic!("wrong variant")
    };
    assert_eq!(i.invoice_code.as_deref(), Some("INV_c8r3a7t2e9w1q4z"));
    assert_eq!(i.paid.map(|b| b.get()), Some(false));

    let e = event("invoice.update");
    assert_eq!(e.reference(), Some("sub-yemi-2025-03"));
    let Event::InvoiceUpdate(i) = e else {
        panic!("wrong variant")
    };
    assert_eq!(
        i.subscription
            .as_ref()
            .unwrap()
            .subscription_code
            .as_deref(),
        Some("SUB_gy7m2k9q4w1e3r5")
    );
    assert_eq!(
        i.transaction.as_ref().unwrap().status,
        Some(TransactionStatus::Success)
    );

    let e = event("invoice.payment_failed");
    assert_eq!(e.amount(), amount(350_000));
    let Event::InvoicePaymentFailed(i) = e else {
        panic!("wrong variant")
    };
    assert_eq!(i.status.as_deref(), Some("failed"));
}

#[test]
fn payment_requests() {
    let e = event("paymentrequest.pending");
    assert_eq!(e.amount(), amount(1_800_000));
    let Event::PaymentRequestPending(p) = e else {
        panic!("wrong variant")
    };
    assert_eq!(p.currency, Some(Currency::GHS));
    // The customer is a bare id in these payloads.
    assert_eq!(
        p.customer,
        Some(PaymentRequestCustomerRef::Id(Id::Num(66_120_874)))
    );
    let items = p.line_items.as_ref().unwrap();
    assert_eq!(items[1].quantity.map(|q| q.get()), Some(2));
    assert_eq!(p.due_date.as_deref(), Some("2025-04-15"));

    let e = event("paymentrequest.success");
    let Event::PaymentRequestSuccess(p) = e else {
        panic!("wrong variant")
    };
    assert_eq!(p.request_code.as_deref(), Some("PRQ_r3q8u2e4s7t1x9z"));
    assert_eq!(p.notifications.as_ref().unwrap().len(), 1);
    assert!(p.paid_at.is_some());
}

#[test]
fn preauthorizations() {
    let e = event("preauthorization.reserve.success");
    assert_eq!(e.reference(), Some("hold-karoo-0091"));
    assert_eq!(e.amount(), amount(45_000));
    let Event::PreauthorizationReserveSuccess(p) = e else {
        panic!("wrong variant")
    };
    assert_eq!(p.currency, Some(Currency::ZAR));
    assert_eq!(p.captured_amount, None);

    let e = event("preauthorization.capture.success");
    let Event::PreauthorizationCaptureSuccess(p) = e else {
        panic!("wrong variant")
    };
    // captured_amount and the ids come as strings.
    assert_eq!(p.captured_amount, amount(45_000));
    assert_eq!(p.transaction_id, Some(Id::Num(8_810_023_345)));
    let tx = p.transaction.as_ref().unwrap();
    assert_eq!(tx.id, Some(Id::Num(8_810_023_345)));
    assert_eq!(tx.channel, Some(Channel::Unknown("preauth".into())));

    let e = event("preauthorization.capture.failed");
    assert_eq!(e.reference(), Some("hold-karoo-0092"));
    assert!(matches!(e, Event::PreauthorizationCaptureFailed(_)));

    let e = event("preauthorization.release.success");
    assert_eq!(e.reference(), Some("hold-karoo-0093"));
    let Event::PreauthorizationReleaseSuccess(p) = e else {
        panic!("wrong variant")
    };
    assert!(p.expired_at.is_some());

    let e = event("preauthorization.release.failed");
    assert_eq!(e.reference(), Some("hold-karoo-0094"));
    assert!(matches!(e, Event::PreauthorizationReleaseFailed(_)));
}

#[test]
fn refunds_with_string_amounts_and_ids() {
    for fixture in ["refund.pending", "refund.processing", "refund.processed"] {
        let e = event(fixture);
        // amount is "60000" in these payloads.
        assert_eq!(e.amount(), amount(60_000), "{fixture}");
        assert_eq!(e.reference(), Some("ord-6610-chidi"), "{fixture}");
        assert_eq!(e.domain(), Some(&Domain::Live));
    }
    assert!(matches!(event("refund.pending"), Event::RefundPending(_)));
    assert!(matches!(
        event("refund.processing"),
        Event::RefundProcessing(_)
    ));
    let Event::RefundProcessed(r) = event("refund.processed") else {
        panic!("wrong variant")
    };
    assert_eq!(r.refund_reference.as_deref(), Some("RFD8812004411"));

    let e = event("refund.failed");
    assert_eq!(e.amount(), amount(25_000));
    assert!(matches!(e, Event::RefundFailed(_)));

    let e = event("refund.needs-attention");
    assert_eq!(e.reference(), Some("ord-6612-chidi"));
    let Event::RefundNeedsAttention(r) = e else {
        panic!("wrong variant")
    };
    // id is the string "884120" here.
    assert_eq!(r.id, Some(Id::Num(884_120)));
    assert_eq!(
        r.status,
        Some(paystack::enums::RefundStatus::NeedsAttention)
    );
    assert!(r.merchant_note.is_some());
}

#[test]
fn subscriptions() {
    let e = event("subscription.create");
    assert_eq!(e.amount(), amount(1_500_000));
    let Event::SubscriptionCreate(s) = e else {
        panic!("wrong variant")
    };
    assert_eq!(s.subscription_code.as_deref(), Some("SUB_h4l1m4g7m0q2w9e"));
    let Some(SubscriptionPlanRef::Plan(plan)) = s.plan.as_ref() else {
        panic!("the plan should be expanded")
    };
    assert_eq!(plan.plan_code.as_deref(), Some("PLN_g7m4q2w9e1r8t3y"));
    assert_eq!(plan.send_sms.map(|b| b.get()), Some(false));
    assert!(s.created_at.is_some());

    let Event::SubscriptionDisable(s) = event("subscription.disable") else {
        panic!("wrong variant")
    };
    assert_eq!(s.status.as_ref().map(|s| s.as_str()), Some("complete"));

    let Event::SubscriptionNotRenew(s) = event("subscription.not_renew") else {
        panic!("wrong variant")
    };
    assert_eq!(s.next_payment_date, None);
    assert_eq!(s.invoice_limit.map(|n| n.get()), Some(0));

    let e = event("subscription.expiring_cards");
    assert_eq!(e.amount(), None);
    let Event::SubscriptionExpiringCards(cards) = e else {
        panic!("wrong variant")
    };
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0].expiry_date.as_deref(), Some("06/2025"));
    assert_eq!(
        cards[1].subscription.as_ref().unwrap().amount,
        amount(900_000)
    );
}

#[test]
fn transfers() {
    let e = event("transfer.success");
    assert_eq!(e.reference(), Some("payout-wk12-adaeze-0001"));
    assert_eq!(e.amount(), amount(4_250_000));
    let Event::TransferSuccess(t) = e else {
        panic!("wrong variant")
    };
    assert_eq!(t.status, Some(TransferStatus::Success));
    assert_eq!(t.transfer_code.as_deref(), Some("TRF_p4y0ut12q9w2"));
    let Some(TransferIntegrationRef::TransferIntegration(integration)) = t.integration.as_ref()
    else {
        panic!("integration should be an object")
    };
    assert_eq!(integration.business_name.as_deref(), Some("Shopco Stores"));
    let Some(TransferRecipientRef::TransferRecipient(recipient)) = t.recipient.as_ref() else {
        panic!("the recipient should be expanded")
    };
    assert_eq!(recipient.type_, Some(RecipientType::Nuban));
    assert_eq!(recipient.description.as_deref(), Some(""));
    assert_eq!(
        recipient.details.as_ref().unwrap().bank_code.as_deref(),
        Some("044")
    );

    let Event::TransferFailed(t) = event("transfer.failed") else {
        panic!("wrong variant")
    };
    assert_eq!(t.status, Some(TransferStatus::Failed));
    assert_eq!(t.session.as_ref().unwrap().provider, None);

    let e = event("transfer.reversed");
    assert_eq!(e.domain(), Some(&Domain::Live));
    assert_eq!(e.amount(), amount(990_000));
    let Event::TransferReversed(t) = e else {
        panic!("wrong variant")
    };
    assert_eq!(t.status, Some(TransferStatus::Reversed));
}

#[test]
fn bank_transfer_rejected() {
    let e = event("bank.transfer.rejected");
    assert_eq!(e.amount(), amount(45_000));
    assert_eq!(e.reference(), None);
    assert_eq!(e.domain(), Some(&Domain::Test));
    let Event::BankTransferRejected(b) = e else {
        panic!("wrong variant")
    };
    let t = b.bank_transfer.as_ref().unwrap();
    assert_eq!(t.transaction_id, Some(Id::Num(6_610_099_123)));
    assert_eq!(t.message_type.as_deref(), Some("INCORRECT_AMOUNT"));
    assert_eq!(
        b.customer.as_ref().unwrap().code(),
        Some("CUS_f3m10j0q2w8e4r")
    );
}
