//! Shared test scaffolding: a mock Paystack that fails loudly on any unexpected request.

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use paystack::{Amount, Paystack};
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A test key made up for these tests; it is never sent anywhere but the local mock.
pub const KEY: &str = "sk_test_4f1c0ffee0ddba11c0de5eed1234567890abcdef";
/// The header the client must send with it.
pub const BEARER: &str = "Bearer sk_test_4f1c0ffee0ddba11c0de5eed1234567890abcdef";

/// Starts a mock server with a catch-all route and a client pointed at it.
///
/// The catch-all answers 599 and expects to be hit zero times, so a request that no test
/// mock matches fails the test when the server is dropped, naming the stray request.
pub async fn setup() -> (MockServer, Paystack) {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(599).set_body_string("no mock matched this request"))
        .with_priority(u8::MAX)
        .expect(0)
        .named("catch-all: unexpected request")
        .mount(&server)
        .await;
    let ps = Paystack::builder(KEY)
        .base_url(server.uri())
        .retry(fast_retries())
        .build()
        .expect("valid test key");
    (server, ps)
}

/// The default number of attempts, with millisecond delays so tests stay quick.
pub fn fast_retries() -> paystack::RetryPolicy {
    paystack::RetryPolicy::default()
        .base_delay(std::time::Duration::from_millis(1))
        .max_delay(std::time::Duration::from_millis(5))
}

/// Reads `tests/fixtures/<name>` as JSON.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A 200 answer with the fixture's JSON.
pub fn ok(name: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(fixture(name))
}

/// Asserts that the server saw no request at all (for validation tests).
pub async fn assert_no_requests(server: &MockServer) {
    let seen = server.received_requests().await.unwrap_or_default();
    assert!(seen.is_empty(), "expected no request, got {}", seen.len());
}

/// A valid amount in subunits (test input, so a bad value is a bug in the test).
pub fn amount(subunits: i64) -> Amount {
    Amount::from_subunits(subunits).expect("a positive test amount")
}

/// An RFC 3339 timestamp.
pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an RFC 3339 test timestamp")
}
