//! The SDK's main money flows end to end against the simulator: pay, verify, webhook, refund,
//! transfer with OTP, bulk transfer, subscription renewal, dedicated account, fault then retry.

mod common;

use std::time::Duration;

use common::{Receiver, Sim};
use paystack::types::TransferBulkItem;
use paystack::webhook::{Event, Webhook};
use paystack::{
    enums::{Interval, RecipientType, TransactionStatus, TransferStatus},
    Amount,
};
use paystack_sim::{FaultRule, PayOutcome, TransferOutcome};

fn amt(n: i64) -> Amount {
    Amount::from_subunits(n).unwrap()
}

#[tokio::test]
async fn pay_verify_webhook_refund_and_balance() {
    let s = Sim::start().await;
    let hooks = Receiver::start(0).await;
    s.sim.set_webhook_url(&hooks.url);
    let ps = s.sdk();

    let init = ps
        .transactions()
        .initialize("ada@example.com", amt(500_000))
        .reference("order-1001")
        .send()
        .await
        .unwrap();
    let url = init.data.authorization_url.clone().unwrap();
    assert!(url.starts_with(&format!("{}/checkout/", s.base)), "{url}");
    assert!(init.data.access_code.is_some());

    let again = ps
        .transactions()
        .initialize("ada@example.com", amt(500_000))
        .reference("order-1001")
        .send()
        .await
        .unwrap_err();
    let api = again.as_api().expect("an API error");
    assert_eq!(api.status, 400);
    assert_eq!(api.code, Some(paystack::ErrorCode::DuplicateReference));

    let before = ps.transactions().verify("order-1001").send().await.unwrap();
    assert_eq!(before.data.status, Some(TransactionStatus::Abandoned));

    s.sim.pay("order-1001", PayOutcome::Success).unwrap();
    let tx = ps
        .transactions()
        .verify("order-1001")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(tx.status, Some(TransactionStatus::Success));
    assert_eq!(tx.amount.map(Amount::subunits), Some(500_000));
    let fees = tx.fees.map(Amount::subunits).unwrap();
    assert_eq!(fees, 7_500 + 10_000);
    let auth = tx.authorization.clone().unwrap();
    assert!(auth.authorization_code.unwrap().starts_with("AUTH_"));

    // The webhook arrives signed with the key, and the SDK verifies and decodes it.
    let got = hooks.wait_for(1).await;
    assert_eq!(got.len(), 1);
    let event = Webhook::new(&s.key)
        .unwrap()
        .parse(got[0].signature.as_deref(), &got[0].body)
        .expect("signature verifies");
    assert_eq!(event.name(), "charge.success");
    assert_eq!(event.reference(), Some("order-1001"));
    // One set of types: the delivered payment is the `types::Transaction` verify returned.
    let Event::ChargeSuccess(charge) = &event else {
        panic!("expected charge.success, got {}", event.name())
    };
    assert_eq!(
        (&charge.id, charge.amount, &charge.status, &charge.fees),
        (&tx.id, tx.amount, &tx.status, &tx.fees)
    );
    assert!(Webhook::new(s.sim.add_integration())
        .unwrap()
        .parse(got[0].signature.as_deref(), &got[0].body)
        .is_err());

    let bal = ps.balance().fetch().send().await.unwrap().data;
    let ngn = bal
        .iter()
        .find(|b| b.currency.as_ref().map(|c| c.to_string()).as_deref() == Some("NGN"))
        .unwrap();
    assert_eq!(ngn.balance.map(Amount::subunits), Some(500_000 - fees));

    // A partial refund, then more than what is left is refused.
    let r = ps
        .refunds()
        .create("order-1001")
        .amount(amt(200_000))
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(r.amount.map(Amount::subunits), Some(200_000));
    let too_much = ps
        .refunds()
        .create("order-1001")
        .amount(amt(300_001))
        .send()
        .await
        .unwrap_err();
    assert_eq!(too_much.as_api().unwrap().status, 400);
    let ledger = ps.balance().ledger().send().await.unwrap();
    let diffs: Vec<i64> = ledger
        .data
        .iter()
        .filter_map(|e| e.difference.map(Amount::subunits))
        .collect();
    assert_eq!(diffs, vec![-200_000, 500_000 - fees], "newest first");
    assert_eq!(s.sim.balance("NGN"), 300_000 - fees);

    // The refund is processed when the clock moves on, with its webhook.
    s.sim.advance(Duration::from_secs(120));
    let got = hooks.wait_for(3).await;
    let names: Vec<String> = got
        .iter()
        .map(|g| {
            Webhook::new(&s.key)
                .unwrap()
                .parse(g.signature.as_deref(), &g.body)
                .unwrap()
                .name()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["charge.success", "refund.pending", "refund.processed"]
    );
}

#[tokio::test]
async fn declined_payment_stays_failed_and_moves_nothing() {
    let s = Sim::start().await;
    let ps = s.sdk();
    ps.transactions()
        .initialize("bo@example.com", amt(10_000))
        .reference("dec-1")
        .send()
        .await
        .unwrap();
    s.sim.pay("dec-1", PayOutcome::Declined).unwrap();
    let tx = ps.transactions().verify("dec-1").send().await.unwrap().data;
    assert_eq!(tx.status, Some(TransactionStatus::Failed));
    assert_eq!(s.sim.balance("NGN"), 0);
    assert!(
        s.sim.pay("dec-1", PayOutcome::Success).is_err(),
        "a closed payment cannot be paid again"
    );
}

#[tokio::test]
async fn charge_authorization_reuses_the_card() {
    let s = Sim::start().await;
    let ps = s.sdk();
    ps.transactions()
        .initialize("cy@example.com", amt(20_000))
        .reference("first-1")
        .send()
        .await
        .unwrap();
    let tx = s.sim.pay("first-1", PayOutcome::Success).unwrap();
    let code = tx["authorization"]["authorization_code"]
        .as_str()
        .unwrap()
        .to_string();
    let again = ps
        .transactions()
        .charge_authorization("cy@example.com", amt(30_000), &code)
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(again.status, Some(TransactionStatus::Success));
    let wrong = ps
        .transactions()
        .charge_authorization("eve@example.com", amt(30_000), &code)
        .send()
        .await;
    assert!(
        wrong.is_err(),
        "another customer's authorization is refused"
    );
    let totals = ps.transactions().totals().send().await.unwrap().data;
    assert_eq!(totals.total_transactions.map(|n| n.get()), Some(2));
    assert_eq!(totals.total_volume.map(Amount::subunits), Some(50_000));
}

async fn recipient(ps: &paystack::Paystack, account: &str) -> String {
    ps.transfer_recipients()
        .create(RecipientType::Nuban, "Chidi Eze")
        .account_number(account)
        .bank_code("058")
        .send()
        .await
        .unwrap()
        .data
        .recipient_code
        .unwrap()
        .into_string()
}

#[tokio::test]
async fn transfer_with_otp_settles_on_the_clock() {
    let s = Sim::start().await;
    let hooks = Receiver::start(0).await;
    s.sim.set_webhook_url(&hooks.url);
    let ps = s.sdk();
    let rcp = recipient(&ps, "0123456789").await;

    // Too big for an empty balance.
    let err = ps
        .transfers()
        .initiate(amt(100_000), &rcp, "payout-0000000001")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.as_api().unwrap().code.as_ref().map(|c| c.as_str()),
        Some("insufficient_balance")
    );

    s.sim.fund("NGN", 1_000_000);
    ps.transfers().enable_otp().send().await.unwrap();
    let t = ps
        .transfers()
        .initiate(amt(100_000), &rcp, "payout-0000000002")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Otp));
    assert_eq!(
        s.sim.balance("NGN"),
        1_000_000,
        "nothing moves before the OTP"
    );
    let code = t.transfer_code.unwrap();
    assert!(ps
        .transfers()
        .finalize(&code, "000000")
        .send()
        .await
        .is_err());
    ps.transfers()
        .resend_otp(&code, paystack::types::TransferOtpReason::ResendOtp)
        .send()
        .await
        .unwrap();
    let t = ps
        .transfers()
        .finalize(&code, "123456")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Pending));
    assert_eq!(s.sim.balance("NGN"), 1_000_000 - 100_000 - 1_000);

    s.sim.advance(Duration::from_secs(61));
    let t = ps
        .transfers()
        .verify("payout-0000000002")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Success));
    let got = hooks.wait_for(1).await;
    let ev = Webhook::new(&s.key)
        .unwrap()
        .parse(got[0].signature.as_deref(), &got[0].body)
        .unwrap();
    // The delivered transfer is the `types::Transfer` verify returned.
    let Event::TransferSuccess(delivered) = &ev else {
        panic!("expected transfer.success, got {}", ev.name())
    };
    assert_eq!(
        (
            &delivered.transfer_code,
            &delivered.reference,
            delivered.amount
        ),
        (&t.transfer_code, &t.reference, t.amount)
    );
    assert_eq!(delivered.status, Some(TransferStatus::Success));

    // A transfer whose OTP is never entered is abandoned after 30 minutes.
    let t = ps
        .transfers()
        .initiate(amt(10_000), &rcp, "payout-0000000009")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Otp));
    s.sim.advance(Duration::from_secs(31 * 60));
    let t = ps
        .transfers()
        .verify("payout-0000000009")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Abandoned));
    assert!(ps
        .transfers()
        .finalize(t.transfer_code.unwrap(), "123456")
        .send()
        .await
        .is_err());

    // Turning OTP off takes its own OTP.
    ps.transfers().disable_otp().send().await.unwrap();
    ps.transfers()
        .disable_otp_finalize("123456")
        .send()
        .await
        .unwrap();
    let t = ps
        .transfers()
        .initiate(amt(50_000), &rcp, "payout-0000000003")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(t.status, Some(TransferStatus::Pending));
    s.sim
        .settle_transfer("payout-0000000003", TransferOutcome::Failed)
        .unwrap();
    assert_eq!(
        s.sim.balance("NGN"),
        1_000_000 - 101_000,
        "a failed transfer gives the money back"
    );
}

#[tokio::test]
async fn bulk_transfers_follow_the_same_rules() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let ok = recipient(&ps, "0123456789").await;
    let failing = recipient(&ps, "0000000011").await;
    s.sim.fund("NGN", 300_000);
    let items = vec![
        TransferBulkItem::new(amt(100_000), &ok, "bulk-000000000001"),
        TransferBulkItem::new(amt(100_000), &failing, "bulk-000000000002"),
    ];
    let r = ps
        .transfers()
        .bulk(items.clone())
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(r.len(), 2);
    assert_eq!(s.sim.balance("NGN"), 300_000 - 202_000);
    // The same references again: the same transfers, no second debit.
    let again = ps.transfers().bulk(items).send().await.unwrap().data;
    assert_eq!(again[0].transfer_code, r[0].transfer_code);
    assert_eq!(s.sim.balance("NGN"), 98_000);
    s.sim.advance(Duration::from_secs(61));
    let list = ps.transfers().list().send().await.unwrap().data;
    let mut statuses: Vec<String> = list
        .iter()
        .map(|t| t.status.as_ref().unwrap().to_string())
        .collect();
    statuses.sort();
    assert_eq!(statuses, ["failed", "success"]);
    assert_eq!(s.sim.balance("NGN"), 98_000 + 101_000);
}

#[tokio::test]
async fn subscriptions_renew_when_the_clock_moves() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let plan = ps
        .plans()
        .create("Monthly box", amt(250_000), Interval::Monthly)
        .send()
        .await
        .unwrap()
        .data;
    let plan_code = plan.plan_code.unwrap();
    ps.transactions()
        .initialize("dee@example.com", amt(250_000))
        .reference("sub-first")
        .plan(&plan_code)
        .send()
        .await
        .unwrap();
    s.sim.pay("sub-first", PayOutcome::Success).unwrap();
    let subs = ps.subscriptions().list().send().await.unwrap().data;
    assert_eq!(subs.len(), 1, "paying for a plan subscribes the customer");
    let code = subs[0].subscription_code.clone().unwrap();
    s.sim.advance(Duration::from_secs(32 * 24 * 3600));
    let txs = ps.transactions().list().send().await.unwrap();
    assert_eq!(txs.data.len(), 2, "one renewal charge");
    let sub = ps
        .subscriptions()
        .fetch(code.as_str())
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(sub.payments_count.map(|n| n.get()), Some(1));
    let token = sub.email_token.clone().unwrap();
    ps.subscriptions()
        .disable(&code, &token)
        .send()
        .await
        .unwrap();
    s.sim.advance(Duration::from_secs(62 * 24 * 3600));
    assert_eq!(
        ps.transactions().list().send().await.unwrap().data.len(),
        2,
        "no charge once disabled"
    );

    // Every event the simulator sent decodes into the SDK's typed payloads.
    let events: Vec<Event> = s
        .sim
        .webhooks()
        .iter()
        .map(|d| Event::from_slice(d.body.as_bytes()).unwrap())
        .collect();
    assert!(events.iter().all(Event::is_known));
    let find = |name: &str| events.iter().find(|e| e.name() == name).unwrap();
    let Event::SubscriptionCreate(created) = find("subscription.create") else {
        panic!("wrong variant")
    };
    assert_eq!(created.subscription_code.as_deref(), Some(code.as_str()));
    assert_eq!(created.amount, Some(amt(250_000)));
    let Event::InvoiceUpdate(invoice) = find("invoice.update") else {
        panic!("wrong variant")
    };
    assert_eq!(invoice.amount, Some(amt(250_000)));
    assert_eq!(invoice.paid.map(|p| p.get()), Some(true));
    assert_eq!(
        invoice.subscription.as_ref().unwrap().subscription_code,
        Some(code.clone())
    );
    let Event::SubscriptionDisable(disabled) = find("subscription.disable") else {
        panic!("wrong variant")
    };
    assert_eq!(disabled.subscription_code, Some(code));
}

#[tokio::test]
async fn dedicated_account_takes_a_bank_transfer() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let c = ps
        .customers()
        .create("ebi@example.com")
        .send()
        .await
        .unwrap()
        .data;
    let acct = ps
        .dedicated_accounts()
        .create(c.customer_code.unwrap())
        .send()
        .await
        .unwrap()
        .data;
    let number = acct.account_number.unwrap();
    let tx = s.sim.bank_transfer(&number, 700_000).unwrap();
    assert_eq!(tx["channel"], "dedicated_nuban");
    let fetched = ps
        .transactions()
        .verify(tx["reference"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(fetched.status, Some(TransactionStatus::Success));
    assert!(s.sim.balance("NGN") > 0);
}

#[tokio::test]
async fn a_fault_then_a_resend_with_the_same_reference_is_refused_as_paystack_does() {
    let s = Sim::start().await;
    // Resends by hand here, to show what Paystack answers the SDK's own resend.
    let ps = paystack::Paystack::builder(&s.key)
        .base_url(&s.base)
        .no_retry()
        .build()
        .unwrap();
    let rcp = recipient(&ps, "0123456789").await;
    s.sim.fund("NGN", 500_000);
    // The first initiate is processed but its answer is lost.
    s.sim.add_fault(
        FaultRule::status(500)
            .on("transfer_initiate")
            .times(1)
            .after(),
    );
    let first = ps
        .transfers()
        .initiate(amt(100_000), &rcp, "retry-000000000001")
        .send()
        .await;
    let err = first.expect_err("the answer was lost");
    assert_eq!(
        err.outcome(),
        paystack::Outcome::Unknown,
        "a 5xx on a transfer may have gone through"
    );
    // A reused transfer reference is refused, not answered with the earlier transfer.
    let again = ps
        .transfers()
        .initiate(amt(100_000), &rcp, "retry-000000000001")
        .send()
        .await
        .unwrap_err();
    let api = again.as_api().expect("a refusal");
    assert_eq!(api.status, 400);
    assert_eq!(
        api.code.as_ref().map(|c| c.as_str()),
        Some("duplicate_reference")
    );
    assert_eq!(s.sim.balance("NGN"), 500_000 - 101_000, "debited once");
    let journal = s.sim.journal();
    let initiates: Vec<_> = journal
        .iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_initiate"))
        .collect();
    assert_eq!(initiates.len(), 2);
    assert_eq!(initiates[0].fault.as_deref(), Some("500;after"));
}

#[tokio::test]
async fn send_or_recover_after_a_timeout_finds_the_one_transfer_the_simulator_made() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let rcp = recipient(&ps, "0123456789").await;
    s.sim.fund("NGN", 500_000);
    // The transfer is made, then its answer takes longer than the client waits.
    s.sim.add_fault(
        FaultRule::new(paystack_sim::Fault::Delay { ms: 1_000 })
            .on("transfer_initiate")
            .times(1)
            .after(),
    );
    let got = ps
        .transfers()
        .initiate(amt(100_000), &rcp, "recover-0000000001")
        .currency(paystack::enums::Currency::NGN)
        .timeout(Duration::from_millis(300))
        .send_or_recover()
        .await
        .unwrap();
    let paystack::Recovery::Found(found) = got else {
        panic!("expected the lookup to find it: {got:?}")
    };
    assert_eq!(found.data.reference.as_deref(), Some("recover-0000000001"));
    assert_eq!(found.data.amount.map(Amount::subunits), Some(100_000));
    let transfers = ps.transfers().list().send().await.unwrap().data;
    let made: Vec<_> = transfers
        .iter()
        .filter(|t| t.reference.as_deref() == Some("recover-0000000001"))
        .collect();
    assert_eq!(made.len(), 1, "exactly one transfer in the ledger");
    assert_eq!(s.sim.balance("NGN"), 500_000 - 101_000, "exactly one debit");
    // The SDK resent once with the same reference (refused as a duplicate), then looked up.
    let journal = s.sim.journal();
    let count = |op: &str| {
        journal
            .iter()
            .filter(|e| e.operation.as_deref() == Some(op))
            .count()
    };
    assert_eq!(count("transfer_initiate"), 2);
    assert_eq!(count("transfer_verify"), 1);
}

#[tokio::test]
async fn subaccount_and_split_shares_leave_the_integrations_part() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let sub = ps
        .subaccounts()
        .create("Ada Ventures")
        .settlement_bank("058")
        .account_number("0123456789")
        .percentage_charge(20.0)
        .send()
        .await
        .unwrap()
        .data;
    let code = sub.subaccount_code.unwrap();
    ps.transactions()
        .initialize("g@example.com", amt(1_000_000))
        .reference("split-1")
        .subaccount(&code)
        .send()
        .await
        .unwrap();
    let tx = s.sim.pay("split-1", PayOutcome::Success).unwrap();
    let fees = tx["fees"].as_i64().unwrap();
    // The integration keeps its 20%, less the fee; the subaccount gets 80%.
    assert_eq!(s.sim.balance("NGN"), 200_000 - fees);
    assert_eq!(tx["fees_split"]["subaccounts"][0]["amount"], 800_000);

    let split = ps
        .splits()
        .create(
            "Thirds",
            vec![paystack::types::SplitShare::new(code.as_str(), 30)],
        )
        .split_type(paystack::enums::SplitType::Percentage)
        .currency(paystack::enums::Currency::NGN)
        .send()
        .await
        .unwrap()
        .data;
    ps.transactions()
        .initialize("g@example.com", amt(1_000_000))
        .reference("split-2")
        .split_code(split.split_code.unwrap())
        .send()
        .await
        .unwrap();
    let tx2 = s.sim.pay("split-2", PayOutcome::Success).unwrap();
    let fees2 = tx2["fees"].as_i64().unwrap();
    assert_eq!(s.sim.balance("NGN"), 200_000 - fees + 700_000 - fees2);
    let settlements = ps.settlements().list().send().await.unwrap().data;
    assert_eq!(settlements.len(), 2, "one pending settlement per payment");
}

#[tokio::test]
async fn settlements_pay_out_on_the_clock_and_list_their_transactions() {
    use paystack::enums::SettlementStatus;
    let s = Sim::start().await;
    let ps = s.sdk();
    ps.transactions()
        .initialize("settle@example.com", amt(300_000))
        .reference("settle-0001")
        .send()
        .await
        .unwrap();
    let tx = s.sim.pay("settle-0001", PayOutcome::Success).unwrap();
    let fees = tx["fees"].as_i64().unwrap();

    let pending = ps.settlements().list().send().await.unwrap().data;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].status, Some(SettlementStatus::Pending));
    assert_eq!(
        pending[0].effective_amount.map(Amount::subunits),
        Some(300_000 - fees)
    );

    s.sim.advance(Duration::from_secs(23 * 3600));
    let still = ps.settlements().list().send().await.unwrap().data;
    assert_eq!(
        still[0].status,
        Some(SettlementStatus::Pending),
        "not a day yet"
    );

    s.sim.advance(Duration::from_secs(2 * 3600));
    let paid = ps.settlements().list().send().await.unwrap().data;
    assert_eq!(paid[0].status, Some(SettlementStatus::Success));
    let id = paid[0].id.as_ref().and_then(|id| id.as_u64()).unwrap();
    let behind = ps.settlements().transactions(id).send().await.unwrap().data;
    assert_eq!(behind.len(), 1);
    assert_eq!(behind[0].reference.as_deref(), Some("settle-0001"));
}

#[tokio::test]
async fn a_dispute_is_opened_reminded_and_resolved_with_its_webhooks() {
    use paystack::enums::{DisputeResolution, DisputeStatus};
    let s = Sim::start().await;
    let hooks = Receiver::start(0).await;
    s.sim.set_webhook_url(&hooks.url);
    let ps = s.sdk();
    ps.transactions()
        .initialize("chargeback@example.com", amt(800_000))
        .reference("disputed-0001")
        .send()
        .await
        .unwrap();
    let tx = s.sim.pay("disputed-0001", PayOutcome::Success).unwrap();
    let fees = tx["fees"].as_i64().unwrap();
    assert!(
        s.sim.open_dispute("no-such-ref", None).is_err(),
        "only a paid transaction can be disputed"
    );
    let opened = s.sim.open_dispute("disputed-0001", Some(300_000)).unwrap();
    let id = opened["id"].as_u64().unwrap();

    let fetched = ps.disputes().fetch(id).send().await.unwrap().data;
    assert_eq!(
        fetched.status,
        Some(DisputeStatus::AwaitingMerchantFeedback)
    );
    assert_eq!(fetched.refund_amount.map(Amount::subunits), Some(300_000));

    // Two of the three days pass: one reminder, and only one however often the clock ticks.
    s.sim.advance(Duration::from_secs(2 * 24 * 3600 + 60));
    s.sim.advance(Duration::from_secs(60));
    let resolved = ps
        .raw("PUT", format!("/dispute/{id}/resolve"))
        .operation_id("dispute_resolve")
        .json(serde_json::json!({
            "resolution": "merchant-accepted", "message": "Refunding the claim",
            "refund_amount": 300_000, "uploaded_filename": "receipt-0001.pdf"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resolved["data"]["status"], "resolved");
    let again = ps
        .raw("PUT", format!("/dispute/{id}/resolve"))
        .operation_id("dispute_resolve")
        .json(serde_json::json!({
            "resolution": "declined", "message": "again", "refund_amount": 1,
            "uploaded_filename": "x.pdf"
        }))
        .send()
        .await
        .unwrap_err();
    assert_eq!(again.as_api().unwrap().status, 400);

    let after = ps.disputes().fetch(id).send().await.unwrap().data;
    assert_eq!(after.status, Some(DisputeStatus::Resolved));
    assert_eq!(after.resolution, Some(DisputeResolution::MerchantAccepted));
    assert_eq!(s.sim.balance("NGN"), 800_000 - fees - 300_000);

    let got = hooks.wait_for(4).await;
    let events: Vec<Event> = got
        .iter()
        .map(|g| {
            Webhook::new(&s.key)
                .unwrap()
                .parse(g.signature.as_deref(), &g.body)
                .unwrap()
        })
        .collect();
    let names: Vec<&str> = events.iter().map(Event::name).collect();
    assert_eq!(
        names,
        [
            "charge.success",
            "charge.dispute.create",
            "charge.dispute.remind",
            "charge.dispute.resolve"
        ]
    );
    match &events[3] {
        Event::ChargeDisputeResolve(d) => {
            assert_eq!(d.resolution, Some(DisputeResolution::MerchantAccepted));
            assert_eq!(d.refund_amount.map(Amount::subunits), Some(300_000));
        }
        other => panic!("expected a typed dispute, got {other:?}"),
    }
}

#[tokio::test]
async fn a_hold_is_reserved_captured_at_most_once_and_a_second_one_released() {
    let s = Sim::start().await;
    let ps = s.sdk();
    ps.transactions()
        .initialize("thandi@example.com", amt(20_000))
        .reference("card-first")
        .send()
        .await
        .unwrap();
    let paid = s.sim.pay("card-first", PayOutcome::Success).unwrap();
    let card = paid["authorization"]["authorization_code"]
        .as_str()
        .unwrap()
        .to_string();
    let zar = paystack::enums::Currency::ZAR;
    let pre = ps.preauthorizations();

    let hold = pre
        .reserve(&card, "thandi@example.com", amt(90_000))
        .currency(zar.clone())
        .reference("stay-771")
        .send()
        .await
        .unwrap();
    assert_eq!(hold.data.status.as_deref(), Some("authorized"));
    assert_eq!(hold.data.amount, Some(amt(90_000)));

    // The same reference again is refused: nothing is held twice.
    let again = pre
        .reserve(&card, "thandi@example.com", amt(90_000))
        .currency(zar.clone())
        .reference("stay-771")
        .send()
        .await;
    assert!(again.is_err());

    // More than the hold is refused; then a capture within it succeeds, once.
    let too_much = pre.capture("stay-771", amt(90_001)).send().await;
    match too_much {
        Err(paystack::Error::Api(e)) => assert_eq!(e.status, 400),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let paid = pre.capture("stay-771", amt(64_000)).send().await.unwrap();
    assert_eq!(paid.data.status, Some(TransactionStatus::Success));
    assert_eq!(paid.data.amount, Some(amt(64_000)));
    assert!(pre.capture("stay-771", amt(1_000)).send().await.is_err());
    let captured = pre.verify("stay-771").send().await.unwrap().data;
    assert_eq!(captured.status.as_deref(), Some("captured"));
    assert_eq!(captured.captured_amount, Some(amt(64_000)));

    // A second hold is let go; it can then be neither released again nor captured.
    pre.reserve(&card, "thandi@example.com", amt(30_000))
        .currency(zar)
        .reference("stay-772")
        .send()
        .await
        .unwrap();
    let released = pre.release("stay-772").send().await.unwrap();
    assert_eq!(released.data.status.as_deref(), Some("released"));
    assert!(pre.release("stay-772").send().await.is_err());
    assert!(pre.capture("stay-772", amt(1_000)).send().await.is_err());
    assert_eq!(pre.list().send().await.unwrap().data.len(), 2);
    assert!(pre.verify("stay-000").send().await.is_err(), "unknown hold");

    // Each step sent its webhook, and the SDK decodes them.
    let events: Vec<String> = s
        .sim
        .webhooks()
        .iter()
        .filter(|d| d.event.starts_with("preauthorization."))
        .map(|d| {
            let e = Event::from_slice(d.body.as_bytes()).unwrap();
            assert!(e.is_known());
            d.event.clone()
        })
        .collect();
    assert_eq!(
        events,
        [
            "preauthorization.reserve.success",
            "preauthorization.capture.success",
            "preauthorization.reserve.success",
            "preauthorization.release.success"
        ]
    );

    // Capitec Pay's requery reads the payment's status; an unknown reference is a 400.
    let r = ps.capitec_pay().requery("card-first").send().await.unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::Success));
    match ps.capitec_pay().requery("nope-1").send().await {
        Err(paystack::Error::Api(e)) => assert_eq!(e.status, 400),
        other => panic!("expected a 400, got {other:?}"),
    }
}

// Lookups of things never made answer 404 or 400, as Paystack does, not an empty success.
#[tokio::test]
async fn lookups_of_unknown_records_are_refused() {
    let s = Sim::start().await;
    let ps = s.sdk();
    let status = |r: paystack::Error| match r {
        paystack::Error::Api(e) => e.status,
        other => panic!("expected an API error, got {other:?}"),
    };
    let e = ps
        .customers()
        .verify_authorization("made-up-ref")
        .send()
        .await
        .unwrap_err();
    assert_eq!(status(e), 404);
    let e = ps.disputes().transaction(999_001).send().await.unwrap_err();
    assert_eq!(status(e), 404);
    let e = ps
        .terminals()
        .fetch_event_status("no-such-terminal", "no-such-event")
        .send()
        .await
        .unwrap_err();
    assert_eq!(status(e), 404);
    let e = ps
        .preauthorizations()
        .release("never-held")
        .send()
        .await
        .unwrap_err();
    assert_eq!(status(e), 400);
}
