//! The blocking client: the same requests as the async one without `.await`, lists as
//! iterators, and calls from plain threads and from inside tokio runtimes of both flavours.

#![cfg(feature = "blocking")]

use std::time::Duration;

use paystack::{
    blocking,
    enums::{Currency, TransferStatus},
    transfers, Amount, Error, Id, ValidationError,
};
use serde_json::{json, Value};
use wiremock::matchers::{any, body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A test key made up for these tests; it is never sent anywhere but the local mock.
const KEY: &str = "sk_test_b10cc1e5b10cc1e5b10cc1e5";
const BEARER: &str = "Bearer sk_test_b10cc1e5b10cc1e5b10cc1e5";

/// A mock Paystack for tests that run outside any runtime. The server answers on its own
/// thread; the runtime here only mounts mocks and reads what the server saw.
struct Server {
    rt: tokio::runtime::Runtime,
    mock: MockServer,
}

impl Server {
    fn start() -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime for the mock");
        let mock = rt.block_on(start_mock());
        Server { rt, mock }
    }

    fn mount(&self, mock: Mock) {
        self.rt.block_on(mock.mount(&self.mock));
    }

    fn request_count(&self) -> usize {
        let seen = self.rt.block_on(self.mock.received_requests());
        seen.unwrap_or_default().len()
    }

    fn client(&self) -> blocking::Paystack {
        client(&self.mock)
    }
}

/// A mock server whose catch-all route fails the test on any request no mock expects.
async fn start_mock() -> MockServer {
    let mock = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(599).set_body_string("no mock matched this request"))
        .with_priority(u8::MAX)
        .expect(0)
        .named("catch-all: unexpected request")
        .mount(&mock)
        .await;
    mock
}

fn client(mock: &MockServer) -> blocking::Paystack {
    blocking::Paystack::builder(KEY)
        .base_url(mock.uri())
        .retry(
            paystack::RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(5)),
        )
        .build()
        .expect("a valid test key")
}

fn transfer(status: &str) -> Value {
    json!({
        "status": true,
        "message": "Transfer retrieved",
        "data": {
            "id": 77_001_234,
            "amount": "250000",
            "currency": "GHS",
            "reference": "blk-payout-000000017",
            "status": status,
            "transfer_code": "TRF_blk0000000017",
            "reason": "Weekly settlement"
        }
    })
}

fn fetch_mock() -> Mock {
    Mock::given(method("GET"))
        .and(path("/transfer/TRF_blk0000000017"))
        .and(header("authorization", BEARER))
        .respond_with(ResponseTemplate::new(200).set_body_json(transfer("success")))
}

fn assert_fetched(client: &blocking::Paystack) {
    let r = client
        .transfers()
        .fetch("TRF_blk0000000017")
        .send()
        .unwrap();
    assert_eq!(r.message, "Transfer retrieved");
    assert_eq!(r.data.id, Some(Id::Num(77_001_234)));
    assert_eq!(r.data.amount.map(Amount::subunits), Some(250_000));
    assert_eq!(r.data.currency, Some(Currency::GHS));
    assert_eq!(r.data.status, Some(TransferStatus::Success));
    assert_eq!(r.data.reason.as_deref(), Some("Weekly settlement"));
}

#[test]
fn a_read_decodes_the_answer() {
    let server = Server::start();
    server.mount(fetch_mock().expect(1));
    assert_fetched(&server.client());
}

/// A transfer with every setter the tests use; its type shows the blocking form of a builder.
fn initiate(ps: &blocking::Paystack) -> blocking::Blocking<'_, transfers::InitiateTransfer<'_>> {
    let amount = Amount::from_subunits(250_000).unwrap();
    ps.transfers()
        .initiate(amount, "RCP_blk00000000042", "blk-payout-000000017")
        .reason("Weekly settlement")
        .currency(Currency::GHS)
}

/// The request [`initiate`] must send.
fn initiate_mock() -> wiremock::MockBuilder {
    Mock::given(method("POST"))
        .and(path("/transfer"))
        .and(header("authorization", BEARER))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "source": "balance",
            "amount": 250000,
            "recipient": "RCP_blk00000000042",
            "reference": "blk-payout-000000017",
            "reason": "Weekly settlement",
            "currency": "GHS"
        })))
}

#[test]
fn a_write_sends_its_body_with_the_setters() {
    let server = Server::start();
    server.mount(
        initiate_mock()
            .respond_with(ResponseTemplate::new(200).set_body_json(transfer("otp")))
            .expect(1),
    );
    let r = initiate(&server.client()).send().unwrap();
    assert_eq!(r.data.status, Some(TransferStatus::Otp));
    assert_eq!(r.data.transfer_code.as_deref(), Some("TRF_blk0000000017"));
}

#[test]
fn bad_input_is_refused_before_sending() {
    let server = Server::start();
    let amount = Amount::from_subunits(250_000).unwrap();
    let err = server
        .client()
        .transfers()
        .initiate(amount, "RCP_blk00000000042", "Not A Reference")
        .send()
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation(ValidationError::Reference {
                kind: "transfer",
                ..
            })
        ),
        "{err:?}"
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_refusal_is_an_api_error() {
    let server = Server::start();
    server.mount(
        Mock::given(method("GET"))
            .and(path("/transfer/verify/blk-missing-reference"))
            .and(header("authorization", BEARER))
            .respond_with(ResponseTemplate::new(404).set_body_json(json!({
                "status": false,
                "message": "No transfer carries that reference",
                "code": "transfer_not_found",
                "type": "validation_error"
            })))
            .expect(1),
    );
    let err = server
        .client()
        .transfers()
        .verify("blk-missing-reference")
        .send()
        .unwrap_err();
    let Error::Api(api) = err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.status, 404);
    assert_eq!(api.message, "No transfer carries that reference");
    assert_eq!(
        api.code.as_ref().map(|c| c.as_str()),
        Some("transfer_not_found")
    );
}

#[test]
fn request_options_reach_the_call() {
    let server = Server::start();
    server.mount(
        Mock::given(method("GET"))
            .and(path("/transfer/TRF_blk0000000017"))
            .respond_with(ResponseTemplate::new(503).set_body_string("busy"))
            .expect(1),
    );
    let err = server
        .client()
        .transfers()
        .fetch("TRF_blk0000000017")
        .no_retry()
        .send()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api(api) if api.status == 503),
        "{err:?}"
    );
}

#[test]
fn a_lost_answer_is_recovered_by_reference() {
    let server = Server::start();
    server.mount(
        initiate_mock()
            .respond_with(ResponseTemplate::new(500).set_body_string("upstream fell over"))
            .expect(1),
    );
    server.mount(
        Mock::given(method("GET"))
            .and(path("/transfer/verify/blk-payout-000000017"))
            .and(header("authorization", BEARER))
            .respond_with(ResponseTemplate::new(200).set_body_json(transfer("pending")))
            .expect(1),
    );
    let outcome = initiate(&server.client()).send_or_recover().unwrap();
    let paystack::Recovery::Found(found) = outcome else {
        panic!("expected the lookup's record, got {outcome:?}");
    };
    assert_eq!(found.data.status, Some(TransferStatus::Pending));
    assert_eq!(
        found.data.reference.as_deref(),
        Some("blk-payout-000000017")
    );
}

#[test]
fn a_raw_request_returns_the_whole_answer() {
    let server = Server::start();
    server.mount(
        Mock::given(method("GET"))
            .and(path("/bank"))
            .and(header("authorization", BEARER))
            .and(query_param("country", "ghana"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "status": true,
                "message": "Banks retrieved",
                "data": [{"name": "Harbour Trust Bank", "code": "HTB"}]
            })))
            .expect(1),
    );
    let body = server
        .client()
        .raw("get", "/bank")
        .query("country", "ghana")
        .operation_id("bank_list")
        .send()
        .unwrap();
    assert_eq!(body["data"][0]["code"], "HTB");
    assert_eq!(body["message"], "Banks retrieved");
}

/// Page `number` of a plan list paged two at a time, with `pageCount` 3.
fn plan_page(number: u32, codes: &[&str]) -> Mock {
    let data: Vec<Value> = codes
        .iter()
        .map(|c| json!({"plan_code": c, "name": format!("Plan {c}"), "amount": 90000}))
        .collect();
    Mock::given(method("GET"))
        .and(path("/plan"))
        .and(header("authorization", BEARER))
        .and(query_param("page", number.to_string()))
        .and(query_param("perPage", "2"))
        .and(query_param("interval", "monthly"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": true,
            "message": "Plans retrieved",
            "data": data,
            "meta": {"total": 5, "perPage": 2, "page": number, "pageCount": 3}
        })))
        .expect(1)
}

/// The three pages of plans [`walk_plans`] expects.
fn plan_pages() -> [Mock; 3] {
    [
        plan_page(1, &["PLN_blk_a", "PLN_blk_b"]),
        plan_page(2, &["PLN_blk_c", "PLN_blk_d"]),
        plan_page(3, &["PLN_blk_e"]),
    ]
}

/// Walks the plan list with `for` and checks every record of the three pages.
fn walk_plans(ps: &blocking::Paystack) {
    let mut codes = Vec::new();
    for plan in ps
        .plans()
        .list()
        .per_page(2u32)
        .interval(paystack::enums::Interval::Monthly)
    {
        let plan = plan.unwrap();
        assert_eq!(plan.amount.map(Amount::subunits), Some(90_000));
        codes.push(plan.plan_code.unwrap());
    }
    assert_eq!(
        codes,
        [
            "PLN_blk_a",
            "PLN_blk_b",
            "PLN_blk_c",
            "PLN_blk_d",
            "PLN_blk_e"
        ]
    );
}

#[test]
fn a_list_is_an_iterator_over_every_page() {
    let server = Server::start();
    for page in plan_pages() {
        server.mount(page);
    }
    walk_plans(&server.client());
    assert_eq!(server.request_count(), 3);
}

#[test]
fn a_list_error_ends_the_iteration() {
    let server = Server::start();
    server.mount(plan_page(1, &["PLN_blk_a", "PLN_blk_b"]));
    server.mount(
        Mock::given(method("GET"))
            .and(path("/plan"))
            .and(query_param("page", "2"))
            .respond_with(ResponseTemplate::new(401).set_body_json(json!({
                "status": false,
                "message": "Key revoked while paging"
            })))
            .expect(1),
    );
    let ps = server.client();
    let mut plans = ps
        .plans()
        .list()
        .per_page(2u32)
        .interval(paystack::enums::Interval::Monthly)
        .iter();
    let first: Vec<_> = plans.by_ref().take(2).map(Result::unwrap).collect();
    assert_eq!(first[1].plan_code.as_deref(), Some("PLN_blk_b"));
    let err = plans.next().unwrap().unwrap_err();
    assert!(
        matches!(&err, Error::Api(api) if api.status == 401),
        "{err:?}"
    );
    assert!(plans.next().is_none());
    assert!(plans.next().is_none(), "stays done");
}

#[test]
fn clones_share_the_client_across_threads() {
    let server = Server::start();
    server.mount(fetch_mock().expect(8));
    let ps = server.client();
    std::thread::scope(|s| {
        for _ in 0..4 {
            let ps = ps.clone();
            s.spawn(move || {
                assert_fetched(&ps);
                assert_fetched(&ps);
            });
        }
    });
}

#[test]
fn a_bad_key_is_refused_and_never_printed() {
    let err = blocking::Paystack::new("pk_test_b10cc1e5b10cc1e5").unwrap_err();
    assert!(matches!(err, Error::Validation(ValidationError::PublicKey)));
    let ps = blocking::Paystack::new(KEY).unwrap();
    let shown = format!("{ps:?}");
    assert!(!shown.contains("b10cc1e5"), "{shown}");
    assert_eq!(ps.mode(), paystack::Mode::Test);
    assert_eq!(ps.base_url(), paystack::DEFAULT_BASE_URL);
}

// Inside runtimes: `#[tokio::test]` is a current-thread runtime, whose thread cannot hand its
// tasks away, so the call runs on a helper thread.
#[tokio::test]
async fn calls_work_inside_a_current_thread_runtime() {
    let mock = start_mock().await;
    fetch_mock().expect(2).mount(&mock).await;
    for page in plan_pages() {
        page.mount(&mock).await;
    }
    let ps = client(&mock);
    assert_fetched(&ps);
    walk_plans(&ps);
    // The async client inside serves async code from the same settings.
    let r = ps
        .async_client()
        .transfers()
        .fetch("TRF_blk0000000017")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransferStatus::Success));
    // Dropping the client here must not panic although a runtime is running.
    drop(ps);
}

/// A server on the current runtime that answers one request with `body`, and the blocking
/// client pointed at it.
async fn one_shot_server(body: &str) -> (tokio::task::JoinHandle<()>, blocking::Paystack) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let read = socket.read(&mut request).await.unwrap();
        assert!(request[..read].starts_with(b"GET /balance HTTP/1.1\r\n"));
        socket.write_all(answer.as_bytes()).await.unwrap();
    });
    let ps = blocking::Paystack::builder(KEY)
        .base_url(format!("http://{address}"))
        .build()
        .unwrap();
    (server, ps)
}

const BALANCES: &str =
    r#"{"status":true,"message":"Balances","data":[{"currency":"NGN","balance":120000}]}"#;

// What the docs warn about: while a blocking call waits, a current-thread runtime runs none of
// its other tasks, so a server spawned on it cannot answer, and the call times out.
#[tokio::test]
async fn a_current_thread_runtime_stalls_while_a_call_waits() {
    let (server, ps) = one_shot_server(BALANCES).await;
    let err = ps
        .balance()
        .fetch()
        .timeout(Duration::from_millis(300))
        .no_retry()
        .send()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Transport(t) if t.kind == paystack::TransportKind::Timeout),
        "{err:?}"
    );
    assert!(!server.is_finished(), "the server task never ran");
    server.abort();
}

// A multi-thread runtime keeps running its other tasks while a blocking call waits, even when
// the call is made on its only worker thread: that thread hands the runtime over first.
#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_multi_thread_runtime_keeps_serving_while_a_call_waits() {
    let (server, ps) = one_shot_server(BALANCES).await;
    let call = tokio::spawn(async move {
        ps.balance()
            .fetch()
            .timeout(Duration::from_secs(10))
            .no_retry()
            .send()
    });
    let r = call.await.unwrap().unwrap();
    assert_eq!(r.data[0].currency, Some(Currency::NGN));
    assert_eq!(r.data[0].balance.map(Amount::subunits), Some(120_000));
    server.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_work_inside_a_multi_thread_runtime() {
    let mock = start_mock().await;
    fetch_mock().expect(1).mount(&mock).await;
    for page in plan_pages() {
        page.mount(&mock).await;
    }
    let ps = client(&mock);
    assert_fetched(&ps);
    walk_plans(&ps);
    drop(ps);
}
