//! The journal and inbox scenarios every backend runs, against the simulator: what is sent
//! (the simulator's request journal), what is paid (its ledger) and what the journal records.
//! Each takes `open`, which connects one more store to the same database.

use std::collections::HashSet;
use std::time::Duration;

use futures::future::BoxFuture;

use super::{client, Bench};
use paystack::webhook::{Event, Webhook};
use paystack::Amount;
use paystack_sim::{FaultRule, TransferOutcome};
use paystack_store::{
    derive_reference, Claim, Error, Handled, Inbox, InboxStore, Journal, JournalStore, NewIntent,
    State,
};

/// Connects one more store to the test's database.
pub type Open<S> = Box<dyn Fn() -> BoxFuture<'static, S>>;

fn naira(n: i64) -> Amount {
    Amount::from_subunits(n * 100).unwrap()
}

fn journal(b: &Bench, store: impl JournalStore) -> Journal {
    Journal::new(store, b.ps.clone())
        .lease(Duration::from_millis(300))
        .retry_after(Duration::ZERO)
        .poll_after(Duration::ZERO)
}

pub async fn submit_writes_sends_once_and_a_repeat_sends_nothing<S: JournalStore + InboxStore>(
    open: Open<S>,
) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);

    let first = j
        .submit(NewIntent::transfer("invoice-7781", naira(1_000), &b.recipient).reason("June"))
        .await
        .unwrap();
    assert_eq!(first.reference, derive_reference("invoice-7781"));
    assert_eq!(first.amount, 100_000);
    assert_eq!(
        first.state,
        State::Processing,
        "the simulator settles later"
    );
    assert_eq!(first.paystack_status.as_deref(), Some("pending"));
    assert!(first.paystack_code.as_deref().unwrap().starts_with("TRF_"));
    assert_eq!(first.sends, 1);
    assert_eq!(b.initiates(), vec![first.reference.clone()]);

    // What was sent: the derived reference, the amount in kobo, the recipient, the reason.
    let sent = b
        .sim
        .journal()
        .into_iter()
        .find(|e| e.operation.as_deref() == Some("transfer_initiate"))
        .unwrap();
    assert_eq!(
        (sent.method.as_str(), sent.path.as_str()),
        ("POST", "/transfer")
    );
    assert_eq!(sent.body["amount"], 100_000);
    assert_eq!(sent.body["recipient"], b.recipient.as_str());
    assert_eq!(sent.body["reason"], "June");

    let again = j
        .submit(NewIntent::transfer(
            "invoice-7781",
            naira(1_000),
            &b.recipient,
        ))
        .await
        .unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(b.initiates().len(), 1, "a repeated key sends nothing");

    let other = j
        .submit(NewIntent::transfer(
            "invoice-7781",
            naira(2_000),
            &b.recipient,
        ))
        .await
        .unwrap_err();
    assert!(matches!(other, Error::KeyConflict { .. }), "{other}");
    let taken = j
        .submit(
            NewIntent::transfer("invoice-7782", naira(1_000), &b.recipient)
                .reference(first.reference.clone()),
        )
        .await
        .unwrap_err();
    assert!(matches!(taken, Error::ReferenceTaken { .. }), "{taken}");
    assert_eq!(b.initiates().len(), 1);
    assert_eq!(b.sim.balance("NGN"), 1_000_000 - 101_000, "debited once");
}

pub async fn bad_input_is_refused_before_anything_is_written<S: JournalStore + InboxStore>(
    open: Open<S>,
) {
    let b = Bench::start(0).await;
    let j = journal(&b, open().await);
    let bad = j
        .submit(
            NewIntent::transfer("k-1", naira(10), &b.recipient).reference("UPPER-case-ref-0001"),
        )
        .await
        .unwrap_err();
    assert!(matches!(bad, Error::Invalid(_)), "{bad}");
    let empty = j
        .submit(NewIntent::transfer("", naira(10), &b.recipient))
        .await
        .unwrap_err();
    assert!(matches!(empty, Error::Invalid(_)), "{empty}");
    assert!(j.counts().await.unwrap().iter().all(|(_, n)| *n == 0));
    assert!(b.initiates().is_empty());
}

/// The next transfer initiate is carried out but its answer is lost (a 500 after processing).
fn lose_next_initiate_answer(b: &Bench) {
    b.sim.add_fault(
        FaultRule::status(500)
            .on("transfer_initiate")
            .times(1)
            .after(),
    );
}

pub async fn a_lost_answer_is_looked_up_not_paid_twice<S: JournalStore + InboxStore>(
    open: Open<S>,
) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);
    lose_next_initiate_answer(&b);
    let i = j
        .submit(NewIntent::transfer("lost-1", naira(1_000), &b.recipient))
        .await
        .unwrap();
    assert_eq!(i.state, State::Processing);
    assert!(i.paystack_code.is_some(), "learned from the lookup");
    assert_eq!(b.initiates().len(), 1, "found by reference, not resent");
    assert_eq!(b.sim.balance("NGN"), 1_000_000 - 101_000);
}

pub async fn unknown_when_the_lookup_fails_too_then_recovered<S: JournalStore + InboxStore>(
    open: Open<S>,
) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);
    lose_next_initiate_answer(&b);
    b.sim
        .add_fault(FaultRule::status(503).on("transfer_verify"));
    let i = j
        .submit(NewIntent::transfer("unknown-1", naira(1_000), &b.recipient))
        .await
        .unwrap();
    assert_eq!(i.state, State::Unknown);
    assert!(
        i.error.as_deref().unwrap().contains("outcome unknown"),
        "{:?}",
        i.error
    );
    assert_eq!(j.list(State::Unknown, 0, 10).await.unwrap().len(), 1);

    // Still failing: stays unknown, nothing is resent blindly.
    let r = j.recover().await.unwrap();
    assert_eq!((r.claimed, r.sent, r.unknown), (1, 0, 1));
    b.sim.clear_faults();
    let r = j.recover().await.unwrap();
    assert_eq!((r.claimed, r.found, r.sent), (1, 1, 0));
    let i = j.get("unknown-1").await.unwrap().unwrap();
    assert_eq!(i.state, State::Processing);
    assert_eq!(b.initiates().len(), 1);
    assert_eq!(b.sim.balance("NGN"), 1_000_000 - 101_000);
}

pub async fn recover_settles_what_a_crash_left<S: JournalStore + InboxStore>(open: Open<S>) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);
    let store = open().await;

    // Worker A wrote two intents, marked them sent and died: one request reached Paystack,
    // the other never left the process.
    for key in ["crash-reached", "crash-never-left"] {
        j.enqueue(NewIntent::transfer(key, naira(500), &b.recipient))
            .await
            .unwrap();
    }
    let now = now_ms();
    let claimed = store
        .claim_due(&[State::Pending], "worker-a", now, now + 100, 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    for (intent, lease) in &claimed {
        assert!(store.mark_sent(lease, now).await.unwrap());
        if intent.key == "crash-reached" {
            b.ps.transfers()
                .initiate(naira(500), &b.recipient, &intent.reference)
                .send()
                .await
                .unwrap();
        }
    }
    // While A's lease holds, nobody takes them.
    assert_eq!(j.recover().await.unwrap().claimed, 0);
    tokio::time::sleep(Duration::from_millis(150)).await;
    let r = j.recover().await.unwrap();
    assert_eq!((r.claimed, r.found, r.sent, r.unknown), (2, 1, 1, 0));
    let mut sent = b.initiates();
    sent.sort();
    let mut want = vec![
        derive_reference("crash-reached"),
        derive_reference("crash-never-left"),
    ];
    want.sort();
    assert_eq!(sent, want, "one send each: the found one was not resent");
    assert_eq!(b.sim.balance("NGN"), 1_000_000 - 2 * 50_000 - 2 * 1_000);
    // A's late record is refused: its lease is no longer the newest.
    let (_, stale) = &claimed[0];
    let late = store
        .record(
            stale,
            &paystack_store::Outcome {
                state: State::Failed,
                error: Some("late".into()),
                paystack_code: None,
                paystack_status: None,
                due_at: now,
            },
            now_ms(),
        )
        .await
        .unwrap();
    assert!(late.is_none());
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

pub async fn webhooks_and_polling_bring_the_final_state<S: JournalStore + InboxStore>(
    open: Open<S>,
) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);
    let failing = super::recipient(&b.ps, "0000000011").await;
    let ok = j
        .submit(NewIntent::transfer("hook-ok", naira(1_000), &b.recipient))
        .await
        .unwrap();
    let bad = j
        .submit(NewIntent::transfer("hook-bad", naira(1_000), &failing))
        .await
        .unwrap();
    let polled = j
        .submit(NewIntent::transfer("polled", naira(1_000), &b.recipient))
        .await
        .unwrap();
    b.sim
        .settle_transfer(
            ok.paystack_code.as_deref().unwrap(),
            TransferOutcome::Success,
        )
        .unwrap();
    b.sim
        .settle_transfer(
            bad.paystack_code.as_deref().unwrap(),
            TransferOutcome::Failed,
        )
        .unwrap();
    let verifier = Webhook::new(b.sim.secret_key()).unwrap();
    let events: Vec<Event> = b
        .sim
        .webhooks()
        .into_iter()
        .filter(|d| d.event.starts_with("transfer."))
        .map(|d| {
            verifier
                .parse(Some(&d.signature), d.body.as_bytes())
                .unwrap()
        })
        .collect();
    assert_eq!(events.len(), 2);
    for e in &events {
        assert!(j.apply_event(e).await.unwrap().is_some(), "{}", e.name());
    }
    assert_eq!(
        j.get("hook-ok").await.unwrap().unwrap().state,
        State::Success
    );
    assert_eq!(
        j.get("hook-bad").await.unwrap().unwrap().state,
        State::Failed
    );
    // A repeat changes nothing; a late opposite event cannot undo a final state.
    for e in &events {
        assert!(j.apply_event(e).await.unwrap().is_none());
    }
    // A reversal after a success moves on.
    let success = events
        .iter()
        .find(|e| e.name() == "transfer.success")
        .unwrap();
    let Event::TransferSuccess(t) = success else {
        unreachable!()
    };
    let data = serde_json::json!({"reference": t.reference, "status": "reversed"});
    let reversed = Event::from_parts("transfer.reversed", data).unwrap();
    let r = j.apply_event(&reversed).await.unwrap().unwrap();
    assert_eq!(r.state, State::Reversed);

    // Polling: the third one settles on the simulator's clock, the journal asks.
    b.sim.advance(Duration::from_secs(61));
    assert_eq!(j.poll().await.unwrap(), 1);
    let p = j.get("polled").await.unwrap().unwrap();
    assert_eq!((p.state, p.id), (State::Success, polled.id));

    let counts = j.counts().await.unwrap();
    let count = |s| counts.iter().find(|(x, _)| *x == s).unwrap().1;
    assert_eq!(
        (
            count(State::Success),
            count(State::Failed),
            count(State::Reversed),
            count(State::Pending)
        ),
        (1, 1, 1, 0)
    );
    assert_eq!(b.initiates().len(), 3);
}

pub async fn a_refusal_is_failed_with_its_reason<S: JournalStore + InboxStore>(open: Open<S>) {
    let b = Bench::start(0).await;
    let j = journal(&b, open().await);
    let i = j
        .submit(NewIntent::transfer("broke-1", naira(1_000), &b.recipient))
        .await
        .unwrap();
    assert_eq!(i.state, State::Failed);
    assert!(
        i.error.as_deref().unwrap().contains("balance"),
        "{:?}",
        i.error
    );
    // Final: recovery leaves it alone.
    assert_eq!(j.recover().await.unwrap().claimed, 0);
}

pub async fn a_charge_on_a_saved_card_is_journaled<S: JournalStore + InboxStore>(open: Open<S>) {
    let b = Bench::start(0).await;
    let j = journal(&b, open().await);
    // A first payment saves the card.
    let init =
        b.ps.transactions()
            .initialize("ngozi@example.com", naira(2_000))
            .reference("first-payment-0001")
            .send()
            .await
            .unwrap();
    assert!(init.data.authorization_url.is_some());
    b.sim
        .pay("first-payment-0001", paystack_sim::PayOutcome::Success)
        .unwrap();
    let auth =
        b.ps.transactions()
            .verify("first-payment-0001")
            .send()
            .await
            .unwrap()
            .data
            .authorization
            .and_then(|a| a.authorization_code)
            .unwrap();
    let i = j
        .submit(NewIntent::charge(
            "sub-renewal-42",
            "ngozi@example.com",
            naira(2_000),
            auth.as_str(),
        ))
        .await
        .unwrap();
    assert_eq!(i.state, State::Success);
    let charged = b
        .sim
        .journal()
        .into_iter()
        .filter(|e| e.operation.as_deref() == Some("transaction_chargeAuthorization"))
        .collect::<Vec<_>>();
    assert_eq!(charged.len(), 1);
    assert_eq!(charged[0].body["reference"], i.reference.as_str());
    assert_eq!(charged[0].body["amount"], 200_000);
    let again = j
        .submit(NewIntent::charge(
            "sub-renewal-42",
            "ngozi@example.com",
            naira(2_000),
            auth.as_str(),
        ))
        .await
        .unwrap();
    assert_eq!(again.id, i.id);
}

pub async fn four_workers_share_the_store_and_send_each_intent_once<
    S: JournalStore + InboxStore,
>(
    open: Open<S>,
) {
    let b = Bench::start(100_000_000).await;
    let j = journal(&b, open().await);
    for n in 0..60 {
        j.enqueue(NewIntent::transfer(
            format!("batch-{n}"),
            naira(100),
            &b.recipient,
        ))
        .await
        .unwrap();
    }
    let mut workers = Vec::new();
    for w in 0..4 {
        // Each worker has its own connection, as separate processes would.
        let store = open().await;
        let jw = Journal::new(store, client(&b.sim))
            .owner(format!("w{w}"))
            .batch(5);
        workers.push(tokio::spawn(async move {
            let mut sent = 0;
            loop {
                let r = jw.recover().await.unwrap();
                if r.claimed == 0 {
                    return sent;
                }
                sent += r.sent;
            }
        }));
    }
    let mut total = 0;
    for w in workers {
        total += w.await.unwrap();
    }
    assert_eq!(total, 60);
    let sent = b.initiates();
    assert_eq!(sent.len(), 60);
    assert_eq!(
        sent.iter().collect::<HashSet<_>>().len(),
        60,
        "no reference sent twice"
    );
    assert_eq!(b.transfers().await.len(), 60);
    assert_eq!(j.list(State::Processing, 0, 100).await.unwrap().len(), 60);
}

pub async fn the_inbox_hands_each_event_to_one_replica<S: InboxStore>(open: Open<S>) {
    let a = Inbox::new(open().await).owner("a");
    let b = Inbox::new(open().await)
        .owner("b")
        .timeout(Duration::from_millis(100));
    let event = Event::from_parts(
        "transfer.success",
        serde_json::json!({"transfer_code": "TRF_inbox1", "reference": "ref-inbox-000001"}),
    )
    .unwrap();

    let Claim::Handle(guard) = a.claim(&event).await.unwrap() else {
        panic!("first claim")
    };
    assert_eq!(guard.key(), event.dedupe_key());
    assert!(matches!(b.claim(&event).await.unwrap(), Claim::Busy));
    assert!(guard.done().await.unwrap());
    assert!(matches!(b.claim(&event).await.unwrap(), Claim::Done));

    // A failing handler releases the claim; a panicking one too.
    let other = Event::from_parts(
        "transfer.failed",
        serde_json::json!({"transfer_code": "TRF_inbox2"}),
    )
    .unwrap();
    let r = a
        .handle(&other, || async { Err::<(), _>("database down") })
        .await
        .unwrap();
    assert!(matches!(r, Handled::Failed("database down")));
    let r = b
        .handle(&other, || async {
            if other.is_known() {
                panic!("handler bug");
            }
            Ok::<_, ()>(())
        })
        .await
        .unwrap();
    assert!(matches!(r, Handled::Panicked));
    let r = a.handle(&other, || async { Ok::<_, ()>(7) }).await.unwrap();
    assert!(matches!(r, Handled::Ran(7)));
    let r = b.handle(&other, || async { Ok::<_, ()>(8) }).await.unwrap();
    assert!(matches!(r, Handled::Duplicate));

    // A claim whose holder died expires; the stale holder cannot mark it done.
    let third = Event::from_parts(
        "transfer.reversed",
        serde_json::json!({"transfer_code": "TRF_inbox3"}),
    )
    .unwrap();
    let Claim::Handle(stale) = b.claim(&third).await.unwrap() else {
        panic!()
    };
    assert!(matches!(a.claim(&third).await.unwrap(), Claim::Busy));
    tokio::time::sleep(Duration::from_millis(150)).await;
    let Claim::Handle(fresh) = a.claim(&third).await.unwrap() else {
        panic!("expired claim is taken")
    };
    assert!(!stale.done().await.unwrap(), "the stale holder lost it");
    assert!(fresh.done().await.unwrap());

    // A slow handler keeps its claim: it is renewed while the work runs.
    let slow = Event::from_parts(
        "transfer.success",
        serde_json::json!({"transfer_code": "TRF_inbox5"}),
    )
    .unwrap();
    let Claim::Handle(held) = b.claim(&slow).await.unwrap() else {
        panic!("claim")
    };
    let during = held
        .hold(async {
            tokio::time::sleep(Duration::from_millis(250)).await;
            a.claim(&slow).await.unwrap()
        })
        .await;
    assert!(
        matches!(during, Claim::Busy),
        "renewed past its 100 ms timeout"
    );
    assert!(held.done().await.unwrap());

    // A dropped guard releases in the background.
    let fourth = Event::from_parts(
        "transfer.success",
        serde_json::json!({"transfer_code": "TRF_inbox4"}),
    )
    .unwrap();
    drop(a.claim(&fourth).await.unwrap());
    let mut taken = false;
    for _ in 0..50 {
        if let Claim::Handle(g) = b.claim(&fourth).await.unwrap() {
            g.done().await.unwrap();
            taken = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(taken);
}

pub async fn a_bulk_transfer_journals_each_entry<S: JournalStore + InboxStore>(open: Open<S>) {
    let b = Bench::start(1_000_000).await;
    let j = journal(&b, open().await);
    let first = j
        .submit(NewIntent::transfer("bulk-0", naira(100), &b.recipient))
        .await
        .unwrap();
    // The batch is carried out but its answer is lost.
    b.sim
        .add_fault(FaultRule::status(500).on("transfer_bulk").times(1).after());
    let batch = (0..3)
        .map(|n| NewIntent::transfer(format!("bulk-{n}"), naira(100), &b.recipient))
        .collect();
    let got = j.submit_bulk(batch).await.unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].id, first.id, "a known key is returned as stored");
    assert!(
        got.iter()
            .all(|i| i.state == State::Processing && i.paystack_code.is_some()),
        "{got:?}"
    );
    let bulks: Vec<_> = b
        .sim
        .journal()
        .into_iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_bulk"))
        .collect();
    assert_eq!(bulks.len(), 1, "found by reference, not resent");
    let sent: Vec<_> = bulks[0].body["transfers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["reference"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        sent,
        vec![got[1].reference.clone(), got[2].reference.clone()]
    );
    assert_eq!(b.transfers().await.len(), 3);
    assert_eq!(b.sim.balance("NGN"), 1_000_000 - 3 * (10_000 + 1_000));

    let mixed = j
        .submit_bulk(vec![NewIntent::charge(
            "bulk-charge",
            "ada@example.com",
            naira(100),
            "AUTH_x",
        )])
        .await
        .unwrap_err();
    assert!(matches!(mixed, Error::Invalid(_)), "{mixed}");
}
