//! Fault injection: a loopback server that breaks answers the ways networks and proxies do,
//! and counts what reaches it. Every test asserts the outcome the caller sees and the exact
//! number of requests the server received.

mod model;
mod server;

use std::time::{Duration, Instant};

use paystack::{
    enums::TransferStatus, Amount, Error, Outcome, Paystack, Recovery, RetryPolicy, TransportKind,
};
use server::{FaultServer, Step};

/// A made-up test key; it only ever reaches the loopback server.
const KEY: &str = "sk_test_f4u1t5f4u1t5f4u1t5";
const SECRET_PART: &str = "f4u1t5f4u1t5f4u1t5";
const VERIFY: &str = "/transaction/verify/order-1042";
const HTML_502: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Three attempts with millisecond delays, so the suite stays quick.
fn quick() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(20))
}

fn client(server: &FaultServer) -> Paystack {
    Paystack::builder(KEY)
        .base_url(server.url())
        .retry(quick())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// No error may show the key, or more than a bounded prefix of a body.
fn assert_clean(err: &Error) {
    let shown = format!("{err:?} {err}");
    assert!(!shown.contains(SECRET_PART), "the key leaked: {shown}");
    assert!(
        shown.len() < 12_000,
        "an error printed {} bytes",
        shown.len()
    );
}

async fn verify(ps: &Paystack) -> paystack::Result<paystack::types::Transaction> {
    ps.transactions()
        .verify("order-1042")
        .send()
        .await
        .map(|r| r.data)
}

/// A fixture's record with its reference and amount replaced: a lookup must find the record
/// the request made, or recovery refuses it.
fn record_as(name: &str, reference: &str, amount: i64) -> String {
    let mut body: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap();
    body["data"]["reference"] = reference.into();
    body["data"]["amount"] = amount.into();
    body.to_string()
}

/// A transfer the server makes, then answers too late for a 150 ms timeout.
fn lost_transfer() -> Step {
    Step::Slow(
        Duration::from_secs(2),
        Box::new(Step::json(200, fixture("transfer/initiate.json"))),
    )
}

fn ok_transaction() -> Step {
    Step::json(200, fixture("transaction/transaction.json"))
}

fn transfer(ps: &Paystack) -> paystack::transfers::InitiateTransfer<'_> {
    ps.transfers()
        .initiate(
            Amount::from_major("15000").unwrap(),
            "RCP_4h7k2m9q1wzx3ab",
            "payout-2026-03-0001",
        )
        .currency(paystack::enums::Currency::NGN)
}

// ---- reads recover from transient faults within the retry budget ----

#[tokio::test]
async fn read_recovers_from_502_and_503_html_pages() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![
            Step::raw(502, "text/html", HTML_502),
            Step::raw(503, "text/html", "<html>unavailable</html>"),
            ok_transaction(),
        ],
    );
    let tx = verify(&client(&server)).await.unwrap();
    assert_eq!(tx.reference.as_deref(), Some("order-1042"));
    assert_eq!(server.count("GET", VERIFY), 3);
}

#[tokio::test]
async fn read_gives_up_after_the_budget_with_the_last_status() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![Step::raw(503, "text/html", "<html>down</html>")],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    assert_eq!(err.as_api().unwrap().status, 503);
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert_clean(&err);
    assert_eq!(server.count("GET", VERIFY), 3);
}

#[tokio::test]
async fn a_500_html_page_is_not_resent() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![
            Step::raw(500, "text/html", "<h1>oops</h1>"),
            ok_transaction(),
        ],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 500);
    assert!(api.message.contains("non-JSON"), "{}", api.message);
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn a_429_with_retry_after_waits_that_long() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![
            Step::json(429, r#"{"status":false,"message":"slow down"}"#).header("retry-after", "1"),
            ok_transaction(),
        ],
    );
    let ps = Paystack::builder(KEY)
        .base_url(server.url())
        .retry(quick().max_delay(Duration::from_secs(3)))
        .build()
        .unwrap();
    let started = Instant::now();
    verify(&ps).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.count("GET", VERIFY), 2);
}

#[tokio::test]
async fn a_429_without_retry_after_backs_off_and_succeeds() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![
            Step::json(429, r#"{"status":false,"message":"slow down"}"#),
            ok_transaction(),
        ],
    );
    verify(&client(&server)).await.unwrap();
    assert_eq!(server.count("GET", VERIFY), 2);
}

#[tokio::test]
async fn a_429_is_a_rejection_once_the_budget_is_spent() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![Step::json(429, r#"{"status":false,"message":"slow down"}"#)],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    assert_eq!(err.as_api().unwrap().status, 429);
    assert_eq!(err.outcome(), Outcome::Rejected);
    assert!(err.is_transient());
    assert_eq!(server.count("GET", VERIFY), 3);
}

#[tokio::test]
async fn read_recovers_from_a_reset_mid_body_and_a_silent_close() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![
            Step::ResetMidBody {
                status: 200,
                body: br#"{"status":true,"data":{"id":1"#.to_vec(),
            },
            Step::Close,
            ok_transaction(),
        ],
    );
    verify(&client(&server)).await.unwrap();
    assert_eq!(server.count("GET", VERIFY), 3);
}

#[tokio::test]
async fn a_slow_read_times_out_on_each_attempt() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![Step::Slow(
            Duration::from_secs(2),
            Box::new(ok_transaction()),
        )],
    );
    let err = client(&server)
        .transactions()
        .verify("order-1042")
        .timeout(Duration::from_millis(150))
        .send()
        .await
        .unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (t.kind, t.sent, t.attempts),
        (TransportKind::Timeout, true, 3)
    );
    assert_clean(&err);
    assert_eq!(server.count("GET", VERIFY), 3);
}

#[tokio::test]
async fn a_refused_connection_is_not_sent() {
    // Bind, learn the port, close: nothing listens there any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ps = Paystack::builder(KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(quick())
        .build()
        .unwrap();
    let err = transfer(&ps).send().await.unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (t.kind, t.sent, t.attempts),
        (TransportKind::Connect, false, 3)
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert_clean(&err);
}

// ---- bad answers end in a value or a typed error, never a panic ----

#[tokio::test]
async fn truncated_json_on_200_is_a_decode_error_for_a_read() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![Step::json(200, r#"{"status":true,"data":{"id":7,"#)],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn an_empty_200_body_is_a_decode_error() {
    let server = FaultServer::start().await;
    server.script("GET", VERIFY, vec![Step::json(200, "")]);
    let err = verify(&client(&server)).await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.status, 200);
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn status_false_on_200_is_a_rejection() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        VERIFY,
        vec![Step::json(
            200,
            r#"{"status":"false","message":"Transaction not found"}"#,
        )],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    assert_eq!(err.as_api().unwrap().message, "Transaction not found");
    assert_eq!(err.outcome(), Outcome::Rejected);
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn quirky_values_decode() {
    let server = FaultServer::start().await;
    let body = r#"{"status":true,"message":"ok","surprise":[1,2],"data":{
        "id":"3021776655","reference":"order-1042","amount":"250075","status":"under_review",
        "currency":"NGN","channel":"barter","paid_at":null,"customer":null,"fees":null,
        "metadata":"","log":null,"brand_new_field":{"a":1}}}"#;
    server.script("GET", VERIFY, vec![Step::json(200, body)]);
    let tx = verify(&client(&server)).await.unwrap();
    assert_eq!(tx.amount.map(Amount::subunits), Some(250_075));
    assert_eq!(
        tx.status,
        Some(paystack::enums::TransactionStatus::Unknown(
            "under_review".into()
        ))
    );
    assert_eq!(
        tx.channel,
        Some(paystack::enums::Channel::Unknown("barter".into()))
    );
    assert_eq!(tx.customer, None);
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn a_duplicated_key_keeps_the_last_value() {
    let server = FaultServer::start().await;
    let body = r#"{"status":true,"message":"ok","data":{"reference":"old-ref","amount":100,"reference":"order-1042","amount":"250075"}}"#;
    server.script("GET", VERIFY, vec![Step::json(200, body)]);
    let tx = verify(&client(&server)).await.unwrap();
    assert_eq!(tx.reference.as_deref(), Some("order-1042"));
    assert_eq!(tx.amount.map(Amount::subunits), Some(250_075));
}

#[tokio::test]
async fn invalid_utf8_in_one_string_spoils_only_that_string() {
    let server = FaultServer::start().await;
    let mut body = br#"{"status":true,"message":"ok","data":{"reference":"order-1042","gateway_response":"Appro"#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe]);
    body.extend_from_slice(br#"ved","amount":5000}}"#);
    server.script(
        "GET",
        VERIFY,
        vec![Step::raw(200, "application/json", body)],
    );
    let tx = verify(&client(&server)).await.unwrap();
    assert_eq!(tx.reference.as_deref(), Some("order-1042"));
    assert_eq!(
        tx.gateway_response.as_deref(),
        Some("Appro\u{fffd}\u{fffd}ved")
    );
    assert_eq!(tx.amount.map(Amount::subunits), Some(5_000));
}

#[tokio::test]
async fn a_5mb_junk_body_gives_a_bounded_error() {
    let server = FaultServer::start().await;
    let junk: Vec<u8> = (0..5 * 1024 * 1024u32)
        .map(|i| b"<junk/>"[(i % 7) as usize])
        .collect();
    server.script(
        "GET",
        VERIFY,
        vec![Step::raw(200, "application/json", junk)],
    );
    let err = verify(&client(&server)).await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        d.raw().len(),
        5 * 1024 * 1024,
        "the whole body stays available"
    );
    assert!(format!("{err:?}").len() < 4 * 1024, "Debug is bounded");
    assert!(format!("{err:?}").contains("more bytes cut"));
    assert_clean(&err);
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn json_nested_10000_deep_is_an_error_not_a_crash() {
    let server = FaultServer::start().await;
    let deep = format!(
        r#"{{"status":true,"data":{{"metadata":{}{}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    server.script("GET", VERIFY, vec![Step::json(200, deep)]);
    let err = verify(&client(&server)).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_clean(&err);
    assert_eq!(server.count("GET", VERIFY), 1);
}

// ---- money: resent only when Paystack deduplicates, unknown outcomes said plainly ----

#[tokio::test]
async fn a_transfer_hit_by_503_is_resent_with_the_same_reference() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![
            Step::raw(503, "text/html", "<html>busy</html>"),
            Step::json(200, fixture("transfer/initiate.json")),
        ],
    );
    let sent = transfer(&client(&server)).send().await.unwrap();
    assert_eq!(
        sent.data.transfer_code.as_deref(),
        Some("TRF_m3n4b5v6c7x8z9a")
    );
    assert_eq!(sent.data.status, Some(TransferStatus::Otp));
    let posts = server.received();
    assert_eq!(posts.len(), 2);
    for post in &posts {
        assert_eq!(post.json()["reference"], "payout-2026-03-0001");
        assert_eq!(post.json()["amount"], 1_500_000);
    }
}

#[tokio::test]
async fn a_transfer_that_times_out_is_an_unknown_outcome_naming_its_reference() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![lost_transfer()]);
    let err = transfer(&client(&server))
        .timeout(Duration::from_millis(150))
        .no_retry()
        .send()
        .await
        .unwrap_err();
    let unknown = err.as_outcome_unknown().expect("an unknown outcome");
    assert_eq!(unknown.operation, "transfer_initiate");
    assert_eq!(unknown.reference.as_deref(), Some("payout-2026-03-0001"));
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(err.to_string().contains("same reference"), "{err}");
    assert_clean(&err);
    assert_eq!(server.count("POST", "/transfer"), 1);
}

#[tokio::test]
async fn a_never_operation_hit_by_a_timeout_is_sent_once() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/refund",
        vec![Step::Slow(
            Duration::from_secs(2),
            Box::new(Step::json(200, fixture("refund/created.json"))),
        )],
    );
    let err = client(&server)
        .refunds()
        .create("order-1042")
        .timeout(Duration::from_millis(150))
        .send()
        .await
        .unwrap_err();
    let unknown = err.as_outcome_unknown().expect("an unknown outcome");
    assert_eq!((unknown.operation, unknown.attempts), ("refund_create", 1));
    assert_eq!(server.count("POST", "/refund"), 1);
}

#[tokio::test]
async fn a_never_operation_is_not_resent_after_a_502_or_a_reset() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/refund",
        vec![Step::raw(502, "text/html", HTML_502)],
    );
    let err = client(&server)
        .refunds()
        .create("order-1042")
        .send()
        .await
        .unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    assert_eq!(server.count("POST", "/refund"), 1);

    let server = FaultServer::start().await;
    server.script("POST", "/refund", vec![Step::Close]);
    let err = client(&server)
        .refunds()
        .create("order-1042")
        .send()
        .await
        .unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    assert_eq!(server.count("POST", "/refund"), 1);
}

#[tokio::test]
async fn a_never_operation_is_resent_after_429_which_means_not_processed() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/refund",
        vec![
            Step::json(429, r#"{"status":false,"message":"slow down"}"#),
            Step::json(200, fixture("refund/created.json")),
        ],
    );
    client(&server)
        .refunds()
        .create("order-1042")
        .send()
        .await
        .unwrap();
    assert_eq!(server.count("POST", "/refund"), 2);
}

#[tokio::test]
async fn a_charge_without_a_reference_is_not_resent() {
    let server = FaultServer::start().await;
    let path = "/transaction/charge_authorization";
    server.script(
        "POST",
        path,
        vec![Step::raw(503, "text/html", "<html>busy</html>")],
    );
    let err = client(&server)
        .transactions()
        .charge_authorization(
            "ada@example.com",
            Amount::from_subunits(50_000).unwrap(),
            "AUTH_k2j4h6g8",
        )
        .send()
        .await
        .unwrap_err();
    let unknown = err.as_outcome_unknown().expect("an unknown outcome");
    assert_eq!(unknown.reference, None);
    assert_eq!(server.count("POST", path), 1);
}

#[tokio::test]
async fn a_truncated_200_on_a_transfer_is_an_unknown_outcome() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![Step::json(
            200,
            r#"{"status":true,"data":{"transfer_code":"TRF_"#,
        )],
    );
    let err = transfer(&client(&server)).send().await.unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    assert_eq!(server.count("POST", "/transfer"), 1);
}

#[tokio::test]
async fn send_or_recover_returns_the_transfer_the_server_made() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![lost_transfer()]);
    server.script(
        "GET",
        "/transfer/verify/payout-2026-03-0001",
        vec![Step::json(200, fixture("transfer/transfer.json"))],
    );
    let got = transfer(&client(&server))
        .timeout(Duration::from_millis(150))
        .send_or_recover()
        .await
        .unwrap();
    let Recovery::Found(found) = got else {
        panic!("expected a lookup: {got:?}")
    };
    assert_eq!(found.data.reference.as_deref(), Some("payout-2026-03-0001"));
    assert!(found.data.transfer_code.is_some());
    // By-reference: the timed-out request was resent with the same reference before the
    // lookup, three attempts in all, then one lookup.
    assert_eq!(server.count("POST", "/transfer"), 3);
    assert_eq!(
        server.count("GET", "/transfer/verify/payout-2026-03-0001"),
        1
    );
}

#[tokio::test]
async fn send_or_recover_resends_once_when_the_lookup_finds_nothing() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![
            Step::Close,
            Step::json(200, fixture("transfer/initiate.json")),
        ],
    );
    server.script(
        "GET",
        "/transfer/verify/payout-2026-03-0001",
        vec![Step::json(
            404,
            r#"{"status":false,"message":"Transfer not found","code":"transfer_not_found"}"#,
        )],
    );
    let got = transfer(&client(&server))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap();
    assert!(!got.was_recovered());
    assert_eq!(server.count("POST", "/transfer"), 2);
    assert_eq!(
        server.count("GET", "/transfer/verify/payout-2026-03-0001"),
        1
    );
}

#[tokio::test]
async fn send_or_recover_is_still_unknown_when_the_lookup_fails_too() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![Step::Close]);
    server.script(
        "GET",
        "/transfer/verify/payout-2026-03-0001",
        vec![Step::raw(502, "text/html", HTML_502)],
    );
    let err = transfer(&client(&server))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    assert_eq!(server.count("POST", "/transfer"), 1);
}

// ---- input refused before anything is sent ----

#[tokio::test]
async fn oversized_metadata_and_tiny_amounts_are_refused_before_sending() {
    let server = FaultServer::start().await;
    let ps = client(&server);
    let big = serde_json::json!({ "notes": "x".repeat(2 * 1024 * 1024) });
    let err = ps
        .transactions()
        .initialize("ada@example.com", Amount::from_subunits(500_000).unwrap())
        .metadata(big)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Validation(paystack::ValidationError::BodyTooLarge { limit, .. }) if limit == paystack::MAX_REQUEST_BODY),
        "{err:?}"
    );
    assert_eq!(err.outcome(), Outcome::NotSent);
    let err = ps
        .transfers()
        .initiate(
            Amount::from_subunits(1).unwrap(),
            "RCP_4h7k2m9q1wzx3ab",
            "payout-2026-03-0001",
        )
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation(paystack::ValidationError::AmountBelowAnyMinimum { amount: 1, .. })
        ),
        "{err:?}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn raw_requests_take_the_same_path() {
    let server = FaultServer::start().await;
    server.script(
        "GET",
        "/bank",
        vec![
            Step::raw(503, "text/html", "busy"),
            Step::json(
                200,
                r#"{"status":true,"message":"ok","data":[{"name":"Kudi Bank"}]}"#,
            ),
        ],
    );
    let body = client(&server)
        .raw("GET", "/bank")
        .query("country", "nigeria")
        .operation_id("bank_list")
        .send()
        .await
        .unwrap();
    assert_eq!(body["data"][0]["name"], "Kudi Bank");
    assert_eq!(server.count("GET", "/bank"), 2);
    let received = &server.received()[1];
    assert_eq!(received.headers["authorization"], format!("Bearer {KEY}"));
}

const BULK_AMOUNT: i64 = 250_000;

fn bulk(ps: &Paystack) -> paystack::transfers::InitiateBulkTransfer<'_> {
    let amount = paystack::Amount::from_subunits(BULK_AMOUNT).unwrap();
    ps.transfers().bulk(vec![
        paystack::types::TransferBulkItem::new(amount, "RCP_bulk0000001", "bulk-payout-0000000001"),
        paystack::types::TransferBulkItem::new(amount, "RCP_bulk0000002", "bulk-payout-0000000002"),
    ])
}

#[tokio::test]
async fn bulk_send_or_recover_finds_every_entry_by_its_reference() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer/bulk", vec![Step::Close]);
    for (reference, recipient) in [
        ("bulk-payout-0000000001", "RCP_bulk0000001"),
        ("bulk-payout-0000000002", "RCP_bulk0000002"),
    ] {
        let mut record: serde_json::Value =
            serde_json::from_str(&record_as("transfer/transfer.json", reference, BULK_AMOUNT))
                .unwrap();
        record["data"]["recipient"]["recipient_code"] = recipient.into();
        server.script(
            "GET",
            &format!("/transfer/verify/{reference}"),
            vec![Step::json(200, record.to_string())],
        );
    }
    let got = bulk(&client(&server))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap();
    let Recovery::Found(found) = got else {
        panic!("expected the lookups: {got:?}")
    };
    assert_eq!(found.data.len(), 2, "one record per entry, in order");
    assert_eq!(server.count("POST", "/transfer/bulk"), 1, "never resent");
    assert_eq!(
        server.count("GET", "/transfer/verify/bulk-payout-0000000001"),
        1
    );
    assert_eq!(
        server.count("GET", "/transfer/verify/bulk-payout-0000000002"),
        1
    );
}

#[tokio::test]
async fn bulk_send_or_recover_stays_unknown_when_one_lookup_fails() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer/bulk", vec![Step::Close]);
    server.script(
        "GET",
        "/transfer/verify/bulk-payout-0000000001",
        vec![Step::json(200, fixture("transfer/transfer.json"))],
    );
    server.script(
        "GET",
        "/transfer/verify/bulk-payout-0000000002",
        vec![Step::raw(502, "text/html", HTML_502)],
    );
    let err = bulk(&client(&server))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    // Half the entries are known, so resending the batch could pay the other half twice.
    assert_eq!(server.count("POST", "/transfer/bulk"), 1);
}

#[tokio::test]
async fn bulk_charge_send_or_recover_looks_each_charge_up_by_reference() {
    let server = FaultServer::start().await;
    server.script("POST", "/bulkcharge", vec![Step::Close]);
    for (reference, authorization) in [
        ("renewal-bulk-0001", "AUTH_bulk000001"),
        ("renewal-bulk-0002", "AUTH_bulk000002"),
    ] {
        let mut record: serde_json::Value = serde_json::from_str(&record_as(
            "transaction/transaction.json",
            reference,
            180_000,
        ))
        .unwrap();
        record["data"]["authorization"]["authorization_code"] = authorization.into();
        server.script(
            "GET",
            &format!("/transaction/verify/{reference}"),
            vec![Step::json(200, record.to_string())],
        );
    }
    let amount = Amount::from_subunits(180_000).unwrap();
    let ps = client(&server);
    let got = ps
        .bulk_charges()
        .initiate(vec![
            paystack::types::BulkChargeItem::new("AUTH_bulk000001", amount)
                .with_reference("renewal-bulk-0001"),
            paystack::types::BulkChargeItem::new("AUTH_bulk000002", amount)
                .with_reference("renewal-bulk-0002"),
        ])
        .no_retry()
        .send_or_recover()
        .await
        .unwrap();
    let Recovery::Found(found) = got else {
        panic!("expected the lookups: {got:?}")
    };
    assert_eq!(found.data.len(), 2);
    assert_eq!(server.count("POST", "/bulkcharge"), 1, "never resent");
    assert_eq!(
        server.count("GET", "/transaction/verify/renewal-bulk-0001"),
        1
    );
    assert_eq!(
        server.count("GET", "/transaction/verify/renewal-bulk-0002"),
        1
    );
}

// ---- the sequences the hostile fault probe found: an earlier attempt that may have landed
// ---- makes every later refusal an unknown outcome

const DUPLICATE: &str = r#"{"status":false,"message":"This reference was used before","code":"duplicate_reference","type":"validation_error"}"#;
const CHARGE: &str = "/transaction/charge_authorization";

fn charge(ps: &Paystack) -> paystack::transactions::ChargeAuthorization<'_> {
    ps.transactions()
        .charge_authorization(
            "buyer@example.com",
            Amount::from_subunits(250_000).unwrap(),
            "AUTH_k2j3h4g5f6",
        )
        .reference("order-1042")
        .currency(paystack::enums::Currency::NGN)
        .timeout(Duration::from_millis(150))
}

/// A first attempt that reaches the server and is never answered in time.
fn lost() -> Step {
    Step::Slow(
        Duration::from_secs(2),
        Box::new(Step::json(200, fixture("transaction/transaction.json"))),
    )
}

#[tokio::test]
async fn a_charge_that_timed_out_then_met_duplicate_reference_is_unknown_not_rejected() {
    let server = FaultServer::start().await;
    server.script("POST", CHARGE, vec![lost(), Step::json(400, DUPLICATE)]);
    let err = charge(&client(&server)).send().await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown, "{err:?}");
    assert!(!err.is_transient());
    let unknown = err.as_outcome_unknown().expect("an unknown outcome");
    assert!(unknown.earlier_attempt_landed());
    assert_eq!(unknown.cause.as_api().unwrap().status, 400);
    assert!(
        err.to_string().contains("earlier attempt reached it"),
        "{err}"
    );
    assert_eq!(server.count("POST", CHARGE), 2);
}

#[tokio::test]
async fn a_transfer_that_timed_out_then_met_a_used_reference_is_unknown_not_rejected() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![
            lost_transfer(),
            // Paystack's answer to a reused transfer reference carries no record.
            Step::json(
                400,
                r#"{"status":false,"message":"This reference has already been used on a prior transfer","code":"duplicate_reference"}"#,
            ),
        ],
    );
    let err = transfer(&client(&server))
        .timeout(Duration::from_millis(150))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown, "{err:?}");
    assert!(err.as_outcome_unknown().unwrap().earlier_attempt_landed());
    assert_eq!(server.count("POST", "/transfer"), 2);
}

#[tokio::test]
async fn a_transfer_that_timed_out_then_met_429_on_every_retry_is_unknown_and_not_transient() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![
            lost_transfer(),
            Step::json(429, r#"{"status":false,"message":"Too many requests"}"#),
        ],
    );
    let err = transfer(&client(&server))
        .timeout(Duration::from_millis(150))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown, "{err:?}");
    assert!(!err.is_transient(), "an unknown outcome is never transient");
    assert_eq!(
        err.as_outcome_unknown()
            .unwrap()
            .cause
            .as_api()
            .unwrap()
            .status,
        429
    );
    assert_eq!(server.count("POST", "/transfer"), 3);
}

#[tokio::test]
async fn send_or_recover_looks_up_a_charge_refused_as_duplicate_after_a_timeout() {
    let server = FaultServer::start().await;
    server.script("POST", CHARGE, vec![lost(), Step::json(400, DUPLICATE)]);
    let mut record: serde_json::Value = serde_json::from_str(&record_as(
        "transaction/transaction.json",
        "order-1042",
        250_000,
    ))
    .unwrap();
    record["data"]["currency"] = "NGN".into();
    server.script("GET", VERIFY, vec![Step::json(200, record.to_string())]);
    let got = charge(&client(&server)).send_or_recover().await.unwrap();
    let Recovery::Found(found) = got else {
        panic!("expected the lookup: {got:?}")
    };
    assert_eq!(found.data.reference.as_deref(), Some("order-1042"));
    assert_eq!(server.count("POST", CHARGE), 2, "never a third send");
    assert_eq!(server.count("GET", VERIFY), 1);
}

#[tokio::test]
async fn send_or_recover_refuses_a_record_that_is_not_the_requests_own() {
    for (reference, amount, field) in [
        ("some-other-reference", 1_500_000, "reference"),
        ("payout-2026-03-0001", 100, "amount"),
    ] {
        let server = FaultServer::start().await;
        server.script("POST", "/transfer", vec![Step::Close]);
        server.script(
            "GET",
            "/transfer/verify/payout-2026-03-0001",
            vec![Step::json(
                200,
                record_as("transfer/transfer.json", reference, amount),
            )],
        );
        let err = transfer(&client(&server))
            .no_retry()
            .send_or_recover()
            .await
            .unwrap_err();
        let Error::RecoveryMismatch(mismatch) = &err else {
            panic!("expected a mismatch: {err:?}")
        };
        assert_eq!(mismatch.field, field);
        assert_eq!(err.outcome(), Outcome::Unknown);
        assert!(!err.is_transient());
        let shown = err.to_string();
        assert!(
            shown.contains(field) && shown.contains("do not resend"),
            "{shown}"
        );
        assert_eq!(server.count("POST", "/transfer"), 1, "never resent");
    }
}

#[tokio::test]
async fn send_or_recover_refuses_a_record_for_another_recipient() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![Step::Close]);
    let mut record: serde_json::Value =
        serde_json::from_str(&fixture("transfer/transfer.json")).unwrap();
    record["data"]["recipient"]["recipient_code"] = "RCP_someoneelse01".into();
    server.script(
        "GET",
        "/transfer/verify/payout-2026-03-0001",
        vec![Step::json(200, record.to_string())],
    );
    let err = transfer(&client(&server))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap_err();
    let Error::RecoveryMismatch(mismatch) = &err else {
        panic!("expected a mismatch: {err:?}")
    };
    assert_eq!(mismatch.field, "recipient");
    assert_eq!(mismatch.found, "RCP_someoneelse01");
}

#[tokio::test]
async fn recovery_lookups_run_under_the_calls_own_timeout_and_retry_options() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![Step::Close]);
    // The lookup is slow: under the call's 150 ms timeout and no retries it fails once.
    server.script(
        "GET",
        "/transfer/verify/payout-2026-03-0001",
        vec![Step::Slow(
            Duration::from_secs(2),
            Box::new(Step::json(200, fixture("transfer/transfer.json"))),
        )],
    );
    let started = Instant::now();
    let err = transfer(&client(&server))
        .timeout(Duration::from_millis(150))
        .no_retry()
        .send_or_recover()
        .await
        .unwrap_err();
    assert!(err.as_outcome_unknown().is_some(), "{err:?}");
    assert_eq!(
        server.count("GET", "/transfer/verify/payout-2026-03-0001"),
        1,
        "no_retry applies to the lookup"
    );
    assert_eq!(server.count("POST", "/transfer"), 1);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the lookup kept the call's timeout"
    );
}

// ---- raw requests: a path that matches an operation gets its class; one that matches none is
// ---- classed by its method

#[tokio::test]
async fn a_raw_transfer_without_an_operation_id_is_as_careful_as_the_typed_one() {
    let server = FaultServer::start().await;
    server.script("POST", "/transfer", vec![lost_transfer()]);
    let err = client(&server)
        .raw("POST", "/transfer")
        .json(
            serde_json::json!({"amount": 1000, "recipient": "RCP_4h7k2m9q1wzx3ab", "reason": "x"}),
        )
        .timeout(Duration::from_millis(150))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(!err.is_transient(), "{err:?}");
    assert_eq!(
        err.as_outcome_unknown().unwrap().operation,
        "transfer_initiate"
    );
    // No reference in the body: a by-reference request without one is never resent.
    assert_eq!(server.count("POST", "/transfer"), 1);
}

#[tokio::test]
async fn a_raw_post_to_an_unknown_path_is_never_resent_and_a_get_is() {
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/brand/new/thing",
        vec![Step::Close, Step::json(200, "{}")],
    );
    server.script(
        "GET",
        "/brand/new/thing",
        vec![Step::Close, Step::json(200, r#"{"status":true}"#)],
    );
    let ps = client(&server);
    let err = ps.raw("POST", "/brand/new/thing").send().await.unwrap_err();
    assert_eq!(err.outcome(), Outcome::Unknown);
    assert!(!err.is_transient());
    assert_eq!(server.count("POST", "/brand/new/thing"), 1);
    ps.raw("GET", "/brand/new/thing").send().await.unwrap();
    assert_eq!(server.count("GET", "/brand/new/thing"), 2);
}

// ---- error text is bounded whatever field carries it

fn assert_bounded(err: &Error) {
    let display = err.to_string();
    let debug = format!("{err:?}");
    // 2 KiB of server text, plus the crate's own words around it.
    assert!(
        display.len() <= 3 * 1024,
        "Display is {} bytes",
        display.len()
    );
    assert!(debug.len() <= 3 * 1024, "Debug is {} bytes", debug.len());
}

#[tokio::test]
async fn five_megabytes_in_any_error_field_print_as_at_most_two_kilobytes() {
    let huge = "m".repeat(5 * 1024 * 1024);
    let bodies = [
        serde_json::json!({"status": false, "message": huge}),
        serde_json::json!({"status": false, "message": "no", "code": huge}),
        serde_json::json!({"status": false, "message": "no", "type": huge}),
        serde_json::json!({"status": false, "message": "no", "meta": {"nextStep": huge}}),
    ];
    for body in bodies {
        let server = FaultServer::start().await;
        server.script("GET", VERIFY, vec![Step::json(400, body.to_string())]);
        let err = verify(&client(&server)).await.unwrap_err();
        assert_bounded(&err);
        // The whole body is still there for whoever asks for it.
        assert!(err.as_api().unwrap().raw().len() > 5 * 1024 * 1024);
    }
    // A string that fails to decode, quoted by the decoder, and a key as long.
    for body in [
        format!(r#"{{"status":true,"message":"ok","data":{{"amount":"{huge}"}}}}"#),
        format!(r#"{{"status":true,"message":"ok","data":{{"{huge}":1, "amount": "x"}}}}"#),
    ] {
        let server = FaultServer::start().await;
        server.script("GET", VERIFY, vec![Step::json(200, body)]);
        let err = verify(&client(&server)).await.unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
        assert_bounded(&err);
    }
    // The same answers to a money request, wrapped in an unknown outcome.
    let server = FaultServer::start().await;
    server.script(
        "POST",
        "/transfer",
        vec![Step::json(
            500,
            serde_json::json!({"status": false, "message": huge}).to_string(),
        )],
    );
    let err = transfer(&client(&server)).send().await.unwrap_err();
    assert!(err.as_outcome_unknown().is_some());
    assert_bounded(&err);
}
