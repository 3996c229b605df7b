//! Deliveries in the loose shapes real payloads take (numbers as strings, 0/1 flags, nulls,
//! empty timestamps, an id where an object usually is) decode into the shared API types,
//! one event family at a time, with the values asserted.

use paystack::types::{
    DisputeTransactionRef, PaymentRequestCustomerRef, SubscriptionAuthorizationRef,
    SubscriptionCustomerRef, SubscriptionPlanRef, TransferIntegrationRef, TransferRecipientRef,
};
use paystack::webhook::Event;
use paystack::{
    enums::{Currency, Domain, IdentificationType, RefundStatus},
    Amount, FlexBool, FlexInt, Id, Text,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn decode(name: &str, data: Value) -> Event {
    let body = json!({"event": name, "data": data}).to_string();
    let event = Event::from_slice(body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(event.is_known(), "{name} decoded as unknown");
    event
}

fn amount(subunits: i64) -> Option<Amount> {
    Some(Amount::from_subunits(subunits).unwrap())
}

fn text(s: &str) -> Option<Text> {
    Some(Text::from(s))
}

#[test]
fn charge_with_string_numbers_flags_and_empty_timestamps() {
    let e = decode(
        "charge.success",
        json!({
            "id": "4400912877",
            "domain": "live",
            "reference": "cart-77-weds",
            "amount": "305050",
            "requested_amount": 305050,
            "fees": "4576.00",
            "paid_at": "",
            "created_at": null,
            "customer": {"id": "1200455", "email": "weds@example.org", "first_name": null},
            "authorization": {"exp_month": 3, "exp_year": "2031", "reusable": 0},
            "log": {"success": "1", "mobile": 0, "attempts": "2", "history": null},
            "plan": 88123,
            "metadata": "",
        }),
    );
    assert_eq!(e.reference(), Some("cart-77-weds"));
    assert_eq!(e.amount(), amount(305_050));
    assert_eq!(e.domain(), Some(&Domain::Live));
    assert_eq!(e.dedupe_key(), "charge.success:cart-77-weds");
    let Event::ChargeSuccess(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.id, Some(Id::Num(4_400_912_877)));
    assert_eq!(c.fees, amount(4_576));
    assert_eq!(c.paid_at.as_deref(), Some(""));
    assert_eq!(c.created_at, None);
    let customer = c.customer.unwrap();
    assert_eq!(customer.id, Some(Id::Num(1_200_455)));
    assert_eq!(customer.first_name, None);
    let auth = c.authorization.unwrap();
    assert_eq!(
        (auth.exp_month, auth.exp_year, auth.reusable),
        (Some(FlexInt(3)), Some(FlexInt(2031)), Some(FlexBool(false)))
    );
    let log = c.log.unwrap();
    assert_eq!(
        (log.success, log.mobile, log.attempts),
        (
            Some(FlexBool(true)),
            Some(FlexBool(false)),
            Some(FlexInt(2))
        )
    );
    // An id here, an object elsewhere: kept as sent.
    assert_eq!(c.plan, Some(json!(88123)));
    assert_eq!(c.metadata, Some(json!("")));
}

#[test]
fn dispute_with_an_id_for_its_transaction_and_snake_case_timestamps() {
    let data = json!({
        "id": "30915",
        "refund_amount": "120000",
        "currency": null,
        "domain": "test",
        "transaction": 99120451,
        "transaction_reference": "tab-3391",
        "bin": null,
        "created_at": "2025-06-02T08:00:00.000Z",
        "updated_at": "2025-06-04T08:00:00Z",
    });
    let e = decode("charge.dispute.remind", data.clone());
    assert_eq!(e.reference(), Some("tab-3391"));
    assert_eq!(e.amount(), amount(120_000));
    // The reminder's time is part of its key, written one way whatever the sender's precision.
    assert_eq!(
        e.dedupe_key(),
        "charge.dispute.remind:30915:2025-06-04T08:00:00+00:00"
    );
    let Event::ChargeDisputeRemind(d) = e else {
        panic!("wrong variant")
    };
    assert_eq!(
        d.transaction,
        Some(DisputeTransactionRef::Id(Id::Num(99_120_451)))
    );
    assert_eq!((d.currency, d.bin), (None, None));
    assert_eq!(d.created_at.as_deref(), Some("2025-06-02T08:00:00.000Z"));

    // When a delivery sends both spellings, the API's one is kept.
    let mut both = data;
    both["updatedAt"] = json!("2025-06-05T10:30:00.000Z");
    let e = decode("charge.dispute.create", both);
    let Event::ChargeDisputeCreate(d) = &e else {
        panic!("wrong variant")
    };
    assert_eq!(d.updated_at.as_deref(), Some("2025-06-05T10:30:00.000Z"));
    assert_eq!(e.dedupe_key(), "charge.dispute.create:30915");
}

#[test]
fn identity_and_dedicated_account_events_with_numbers_for_text() {
    let e = decode(
        "customeridentification.failed",
        json!({
            "customer_id": "7781204",
            "customer_code": "CUS_q0w9e8r7t6y5u4i",
            "email": null,
            "identification": {"country": "NG", "type": "bank_account", "account_number": 4410,
                               "bank_code": 58, "bvn": null},
            "reason": 17,
        }),
    );
    assert_eq!((e.reference(), e.amount(), e.domain()), (None, None, None));
    assert_eq!(
        e.dedupe_key(),
        "customeridentification.failed:CUS_q0w9e8r7t6y5u4i"
    );
    let Event::CustomerIdentificationFailed(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.customer_id, Some(Id::Num(7_781_204)));
    let id = c.identification.unwrap();
    assert_eq!(id.type_, Some(IdentificationType::BankAccount));
    assert_eq!(
        (id.account_number, id.bank_code),
        (text("4410"), text("58"))
    );
    assert_eq!(c.reason, text("17"));

    let e = decode(
        "dedicatedaccount.assign.success",
        json!({
            "customer": {"id": 5530, "code": null, "customer_code": "", "domain": "live"},
            "dedicated_account": {"id": "88001", "account_number": "0099110022",
                                  "assigned": 1, "active": "true",
                                  "assignment": {"expired": 0, "assignee_id": "5530"}},
            "identification": {"status": true},
        }),
    );
    // No customer code at all: the customer's id stands in.
    assert_eq!(e.dedupe_key(), "dedicatedaccount.assign.success:5530");
    assert_eq!(e.domain(), Some(&Domain::Live));
    let Event::DedicatedAccountAssignSuccess(a) = e else {
        panic!("wrong variant")
    };
    let account = a.dedicated_account.unwrap();
    assert_eq!(
        (account.assigned, account.active),
        (Some(FlexBool(true)), Some(FlexBool(true)))
    );
    assert_eq!(account.assignment.unwrap().assignee_id, Some(Id::Num(5530)));
    assert_eq!(a.identification.unwrap().status, text("true"));
}

#[test]
fn direct_debit_mandate_with_numeric_text_and_flags() {
    let e = decode(
        "direct_debit.authorization.active",
        json!({
            "authorization_code": "AUTH_z9x8c7v6b5",
            "active": "1",
            "last4": 7710,
            "exp_month": "08",
            "exp_year": 2033,
            "reusable": 1,
            "integration": "300912",
            "domain": "test",
            "reference": "mandate-kano-0007",
            "customer": {"code": "CUS_k4n0m4nd4t3q1w", "email": "kano@example.org", "phone": ""},
        }),
    );
    assert_eq!(e.reference(), Some("mandate-kano-0007"));
    assert_eq!(e.amount(), None);
    assert_eq!(
        e.dedupe_key(),
        "direct_debit.authorization.active:AUTH_z9x8c7v6b5"
    );
    let Event::DirectDebitAuthorizationActive(a) = e else {
        panic!("wrong variant")
    };
    assert_eq!(
        (a.active, a.reusable),
        (Some(FlexBool(true)), Some(FlexBool(true)))
    );
    assert_eq!(a.last4, text("7710"));
    assert_eq!(
        (a.exp_month, a.exp_year),
        (Some(FlexInt(8)), Some(FlexInt(2033)))
    );
    assert_eq!(a.integration, Some(Id::Num(300_912)));
    assert_eq!(a.customer.unwrap().code(), Some("CUS_k4n0m4nd4t3q1w"));
}

#[test]
fn invoice_with_an_empty_subscription_and_string_amount() {
    let e = decode(
        "invoice.update",
        json!({
            "domain": "live",
            "invoice_code": "INV_m1n2b3v4c5x6z7a",
            "amount": "77000",
            "period_start": "",
            "paid": 1,
            "paid_at": 1751328000,
            "status": "success",
            "subscription": {},
            "transaction": {"reference": 558812, "amount": "77000", "status": "success"},
        }),
    );
    assert_eq!(e.amount(), amount(77_000));
    assert_eq!(e.reference(), Some("558812"));
    assert_eq!(e.dedupe_key(), "invoice.update:INV_m1n2b3v4c5x6z7a:success");
    let Event::InvoiceUpdate(i) = e else {
        panic!("wrong variant")
    };
    assert_eq!(i.paid, Some(FlexBool(true)));
    assert_eq!(i.period_start, text(""));
    assert_eq!(i.paid_at, text("1751328000"));
    assert_eq!(i.subscription.unwrap().subscription_code, None);
}

#[test]
fn payment_request_with_a_bare_customer_id() {
    let e = decode(
        "paymentrequest.success",
        json!({
            "id": 40019,
            "domain": "test",
            "amount": "2500000",
            "currency": "KES",
            "has_invoice": 0,
            "invoice_number": "31",
            "line_items": [{"name": "tiles", "amount": "2500000", "quantity": "10"}],
            "request_code": "PRQ_t1l3s9q8w7e6r5t",
            "paid": "true",
            "customer": "8830012",
        }),
    );
    assert_eq!(e.amount(), amount(2_500_000));
    assert_eq!(e.dedupe_key(), "paymentrequest.success:PRQ_t1l3s9q8w7e6r5t");
    let Event::PaymentRequestSuccess(p) = e else {
        panic!("wrong variant")
    };
    assert_eq!(p.currency, Some(Currency::KES));
    assert_eq!(
        (p.has_invoice, p.paid),
        (Some(FlexBool(false)), Some(FlexBool(true)))
    );
    assert_eq!(p.invoice_number, Some(FlexInt(31)));
    assert_eq!(p.line_items.unwrap()[0].quantity, Some(FlexInt(10)));
    assert_eq!(
        p.customer,
        Some(PaymentRequestCustomerRef::Id(Id::Num(8_830_012)))
    );
}

#[test]
fn preauthorization_with_string_amounts_and_a_numeric_reference() {
    let e = decode(
        "preauthorization.capture.success",
        json!({
            "id": "610",
            "domain": "live",
            "status": "captured",
            "reference": 90017733,
            "amount": "64000",
            "captured_amount": "64000.00",
            "transaction_id": "7700221100",
            "transaction": {"id": "7700221100", "reference": "", "fees": "960"},
            "captured_at": "",
            "merchant_id": 44,
        }),
    );
    assert_eq!(e.reference(), Some("90017733"));
    assert_eq!(e.amount(), amount(64_000));
    assert_eq!(e.dedupe_key(), "preauthorization.capture.success:90017733");
    let Event::PreauthorizationCaptureSuccess(p) = e else {
        panic!("wrong variant")
    };
    assert_eq!(p.captured_amount, amount(64_000));
    assert_eq!(p.transaction_id, Some(Id::Num(7_700_221_100)));
    let tx = p.transaction.unwrap();
    assert_eq!(tx.fees, amount(960));
    assert_eq!(tx.reference, text(""));
    assert_eq!(p.captured_at, text(""));
}

#[test]
fn refund_with_a_string_id_and_amount() {
    let e = decode(
        "refund.needs-attention",
        json!({
            "id": "55012",
            "status": "needs-attention",
            "transaction_reference": "ord-8812-bayo",
            "refund_reference": null,
            "amount": "4500",
            "fully_deducted": 1,
            "integration": "300912",
            "processor": 4,
            "customer": {"email": "bayo@example.org", "first_name": null},
        }),
    );
    assert_eq!(e.reference(), Some("ord-8812-bayo"));
    assert_eq!(e.amount(), amount(4_500));
    // No refund reference yet: the refund's id tells parts of one payment apart.
    assert_eq!(e.dedupe_key(), "refund.needs-attention:ord-8812-bayo:55012");
    let Event::RefundNeedsAttention(r) = e else {
        panic!("wrong variant")
    };
    assert_eq!(r.status, Some(RefundStatus::NeedsAttention));
    assert_eq!(r.fully_deducted, Some(FlexBool(true)));
    assert_eq!(r.processor, text("4"));
    assert_eq!(r.integration, Some(Id::Num(300_912)));
}

#[test]
fn subscription_with_ids_for_its_records_and_expiring_cards() {
    let e = decode(
        "subscription.not_renew",
        json!({
            "id": 120455,
            "domain": "test",
            "status": "non-renewing",
            "subscription_code": "SUB_p9o8i7u6y5t4r3e",
            "amount": "990000",
            "invoice_limit": "0",
            "next_payment_date": null,
            "customer": 7712,
            "plan": "330",
            "authorization": {"authorization_code": "AUTH_w2e3r4t5y6", "reusable": "0"},
            "created_at": "2025-01-09T00:00:00.000Z",
        }),
    );
    assert_eq!(e.amount(), amount(990_000));
    assert_eq!(e.dedupe_key(), "subscription.not_renew:SUB_p9o8i7u6y5t4r3e");
    let Event::SubscriptionNotRenew(s) = e else {
        panic!("wrong variant")
    };
    assert_eq!(s.invoice_limit, Some(FlexInt(0)));
    assert_eq!(s.customer, Some(SubscriptionCustomerRef::Id(Id::Num(7712))));
    assert_eq!(s.plan, Some(SubscriptionPlanRef::Id(Id::Num(330))));
    let Some(SubscriptionAuthorizationRef::Authorization(auth)) = s.authorization else {
        panic!("the authorization should be expanded")
    };
    assert_eq!(auth.reusable, Some(FlexBool(false)));
    assert_eq!(s.created_at.as_deref(), Some("2025-01-09T00:00:00.000Z"));

    let e = decode(
        "subscription.expiring_cards",
        json!([
            {"expiry_date": "11/2025", "brand": null,
             "subscription": {"subscription_code": "SUB_z1", "amount": "5000"}},
            {"expiry_date": "", "subscription": {"subscription_code": "SUB_a1"}},
            {"subscription": null},
        ]),
    );
    assert_eq!(e.dedupe_key(), "subscription.expiring_cards:SUB_a1,SUB_z1");
    let Event::SubscriptionExpiringCards(cards) = e else {
        panic!("wrong variant")
    };
    assert_eq!(
        cards[0].subscription.as_ref().unwrap().amount,
        amount(5_000)
    );
    assert_eq!(cards[1].expiry_date, text(""));
    assert_eq!(cards[2].subscription, None);
}

#[test]
fn transfer_with_ids_for_objects_and_string_numbers() {
    let e = decode(
        "transfer.failed",
        json!({
            "id": "812004",
            "amount": "150000",
            "fee_charged": "2500",
            "currency": "NGN",
            "domain": "live",
            "integration": "300912",
            "recipient": 44102,
            "reference": "payout-lagos-00017",
            "transfer_code": "TRF_f41l3dq2w3",
            "session": {"provider": null, "id": null},
            "created_at": "2025-07-01T09:00:00.000Z",
            "updated_at": "",
        }),
    );
    assert_eq!(e.reference(), Some("payout-lagos-00017"));
    assert_eq!(e.amount(), amount(150_000));
    assert_eq!(e.dedupe_key(), "transfer.failed:TRF_f41l3dq2w3");
    let Event::TransferFailed(t) = e else {
        panic!("wrong variant")
    };
    assert_eq!(t.fee_charged, amount(2_500));
    assert_eq!(
        t.integration,
        Some(TransferIntegrationRef::Id(Id::Num(300_912)))
    );
    assert_eq!(t.recipient, Some(TransferRecipientRef::Id(Id::Num(44_102))));
    assert_eq!(t.created_at.as_deref(), Some("2025-07-01T09:00:00.000Z"));
    assert_eq!(t.updated_at.as_deref(), Some(""));

    // The expanded integration, with a 0/1 flag.
    let e = decode(
        "transfer.success",
        json!({"transfer_code": "TRF_s0k9j8h7g6",
               "integration": {"id": 300912, "is_live": 0, "business_name": "Ketu Mart"}}),
    );
    let Event::TransferSuccess(t) = e else {
        panic!("wrong variant")
    };
    let Some(TransferIntegrationRef::TransferIntegration(i)) = t.integration else {
        panic!("the integration should be expanded")
    };
    assert_eq!(i.is_live, Some(FlexBool(false)));
}

#[test]
fn rejected_bank_transfer_with_string_amount_and_id() {
    let e = decode(
        "bank.transfer.rejected",
        json!({
            "bank_transfer": {"amount": "180000", "message_type": "INCORRECT_AMOUNT",
                              "transaction_id": "6600112233", "message": null},
            "customer": {"email": "ilorin@example.org", "domain": "live", "id": "4410"},
        }),
    );
    assert_eq!(e.amount(), amount(180_000));
    assert_eq!(e.reference(), None);
    assert_eq!(e.domain(), Some(&Domain::Live));
    assert_eq!(e.dedupe_key(), "bank.transfer.rejected:6600112233");
    let Event::BankTransferRejected(b) = e else {
        panic!("wrong variant")
    };
    let t = b.bank_transfer.unwrap();
    assert_eq!(t.message, None);
    assert_eq!(t.message_type, text("INCORRECT_AMOUNT"));
}

#[test]
fn api_text_fields_sent_as_numbers_or_booleans_read_as_text() {
    // `reference`, `last4`, `bin` and `gateway_response` are plain strings in the API types;
    // in a delivery they are read from numbers and booleans too.
    let e = decode(
        "charge.success",
        json!({
            "reference": 20250704,
            "gateway_response": true,
            "authorization": {"last4": 4081, "bin": 408408, "bank": null},
            "customer": {"customer_code": "CUS_n0m8b7v6c5x4z3a", "phone": 8031234567u64},
        }),
    );
    assert_eq!(e.reference(), Some("20250704"));
    assert_eq!(e.dedupe_key(), "charge.success:20250704");
    let Event::ChargeSuccess(c) = e else {
        panic!("wrong variant")
    };
    assert_eq!(c.gateway_response.as_deref(), Some("true"));
    let auth = c.authorization.unwrap();
    assert_eq!(
        (auth.last4.as_deref(), auth.bin.as_deref(), auth.bank),
        (Some("4081"), Some("408408"), None)
    );
    assert_eq!(c.customer.unwrap().phone.as_deref(), Some("8031234567"));

    // Through the snake_case renaming as well, and inside lists.
    let e = decode(
        "charge.dispute.create",
        json!({"id": 12, "last4": 3321, "created_at": "", "messages": [{"sender": 7, "body": false}]}),
    );
    let Event::ChargeDisputeCreate(d) = e else {
        panic!("wrong variant")
    };
    assert_eq!(d.last4.as_deref(), Some("3321"));
    let message = &d.messages.unwrap()[0];
    assert_eq!(
        (message.sender.as_deref(), message.body.as_deref()),
        (Some("7"), Some("false"))
    );

    // Only scalars become text: an object where text belongs still fails, at its path.
    let body = json!({"event": "charge.success", "data": {"reference": {"order": 5}}});
    let err = Event::from_slice(body.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.as_decode().unwrap().path, "data.reference");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// An amount reads the same whether sent as a number or as a string, for every family
    /// that carries one.
    #[test]
    fn amounts_read_the_same_as_numbers_and_strings(
        n in 0i64..1_000_000_000_000,
        name in prop::sample::select(vec![
            "charge.success", "invoice.create", "paymentrequest.pending",
            "preauthorization.reserve.success", "refund.processed", "subscription.create",
            "transfer.reversed",
        ]),
    ) {
        let number = decode(name, json!({"amount": n}));
        let string = decode(name, json!({"amount": n.to_string()}));
        prop_assert_eq!(number.amount(), amount(n));
        prop_assert_eq!(string.amount(), amount(n));
        prop_assert_eq!(number.dedupe_key(), string.dedupe_key());
    }

    /// Text fields take numbers and booleans in their JSON spelling.
    #[test]
    fn text_fields_take_numbers_and_booleans(n in any::<i64>(), b in any::<bool>()) {
        let e = decode("preauthorization.release.success", json!({"reference": n, "message": b}));
        let spelled = n.to_string();
        prop_assert_eq!(e.reference(), Some(spelled.as_str()));
        let Event::PreauthorizationReleaseSuccess(p) = e else {
            panic!("wrong variant")
        };
        prop_assert_eq!(p.message, text(&b.to_string()));
    }
}
