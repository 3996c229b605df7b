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

/// One request a test expects: `expect("POST", "/transfer").body(json!(..)).reply(&server,
/// "transfer/initiate.json")`. Every expectation checks the bearer header, and the request
/// must arrive exactly once.
pub struct Expect {
    mock: wiremock::MockBuilder,
}

/// Expects a request with this method and exact path.
pub fn expect(verb: &str, exact_path: &str) -> Expect {
    use wiremock::matchers::{header, method, path};
    Expect {
        mock: Mock::given(method(verb))
            .and(path(exact_path))
            .and(header("authorization", BEARER)),
    }
}

impl Expect {
    /// The query has this parameter with this value (others may be present too).
    pub fn query(self, key: &str, value: &str) -> Self {
        Self {
            mock: self.mock.and(wiremock::matchers::query_param(key, value)),
        }
    }

    /// The query is exactly these pairs, in any order, and nothing else.
    pub fn query_is(self, pairs: &[(&str, &str)]) -> Self {
        let mut want: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        want.sort();
        Self {
            mock: self.mock.and(QueryIs(want)),
        }
    }

    /// The body is exactly this JSON, sent as `application/json`.
    pub fn body(self, json: Value) -> Self {
        use wiremock::matchers::{body_json, header};
        Self {
            mock: self
                .mock
                .and(header("content-type", "application/json"))
                .and(body_json(json)),
        }
    }

    /// The request carries this header.
    pub fn header(self, key: &str, value: &str) -> Self {
        Self {
            mock: self.mock.and(wiremock::matchers::header(key, value)),
        }
    }

    /// Answers 200 with `tests/fixtures/<fixture>`.
    pub async fn reply(self, server: &MockServer, fixture: &str) {
        self.respond(server, ok(fixture)).await;
    }

    /// Answers with `template`.
    pub async fn respond(self, server: &MockServer, template: ResponseTemplate) {
        self.mock
            .respond_with(template)
            .expect(1)
            .mount(server)
            .await;
    }
}

/// Matches a request whose query string holds exactly these pairs.
struct QueryIs(Vec<(String, String)>);

impl wiremock::Match for QueryIs {
    fn matches(&self, request: &wiremock::Request) -> bool {
        let mut got: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        got.sort();
        got == self.0
    }
}
