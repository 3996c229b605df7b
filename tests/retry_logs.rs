//! What the logs say about attempts. A test binary of its own: `tracing` caches per call site
//! whether anyone listens, and tests on other threads of one binary race with a subscriber
//! that only this test's thread has.

#[path = "faults/server.rs"]
#[allow(dead_code)]
mod server;

use std::time::Duration;

use paystack::{Paystack, RetryPolicy};
use server::{FaultServer, Step};

const KEY: &str = "sk_test_f4u1t5f4u1t5f4u1t5";
const SECRET_PART: &str = "f4u1t5f4u1t5f4u1t5";

fn client(server: &FaultServer) -> Paystack {
    Paystack::builder(KEY)
        .base_url(server.url())
        .retry(
            RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(20)),
        )
        .build()
        .unwrap()
}

#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn requests_and_retries_are_logged_without_key_email_or_body() {
    use tracing_subscriber::util::SubscriberInitExt;
    let captured = Captured::default();
    let writer = captured.clone();
    let _guard = tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish()
        .set_default();
    let server = FaultServer::start().await;
    let path = "/customer/ada.obi@example.com";
    server.script(
        "GET",
        path,
        vec![
            Step::json(503, r#"{"status":false,"message":"secret-body-marker"}"#),
            Step::json(200, r#"{"status":true,"message":"ok","data":{"email":"ada.obi@example.com","customer_code":"CUS_x7y8z9"}}"#),
        ],
    );
    let customer = client(&server)
        .customers()
        .fetch("ada.obi@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(customer.data.customer_code.as_deref(), Some("CUS_x7y8z9"));
    drop(_guard);
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let retry = logs
        .lines()
        .find(|l| l.contains("paystack retry"))
        .unwrap_or_else(|| panic!("no retry event:\n{logs}"));
    for field in [
        "operation=\"customer_fetch\"",
        "attempt=1",
        "outcome=503",
        "delay_ms=",
    ] {
        assert!(retry.contains(field), "{field} missing from {retry}");
    }
    assert!(retry.contains("path=\"/customer/{code}\""), "{retry}");
    for secret in ["ada.obi", SECRET_PART, "secret-body-marker"] {
        assert!(!logs.contains(secret), "{secret} leaked into logs:\n{logs}");
    }
    assert_eq!(server.count("GET", path), 2);

    // Plain requests and answers: method, operation, templated path and status; never the
    // key or the header that carries it.
    let captured = Captured::default();
    let writer = captured.clone();
    let _guard = tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish()
        .set_default();
    let server = FaultServer::start().await;
    server.script(
        "GET",
        "/transaction/verify/order-1042",
        vec![Step::json(
            200,
            r#"{"status":true,"message":"ok","data":{"reference":"order-1042"}}"#,
        )],
    );
    server.script(
        "GET",
        "/transaction/verify/order-404",
        vec![Step::json(
            401,
            r#"{"status":false,"message":"Invalid key"}"#,
        )],
    );
    let ps = client(&server);
    ps.transactions().verify("order-1042").send().await.unwrap();
    ps.transactions()
        .verify("order-404")
        .send()
        .await
        .unwrap_err();
    drop(_guard);
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("paystack request"), "{logs}");
    assert!(logs.contains("operation=\"transaction_verify\""), "{logs}");
    assert!(logs.contains("/transaction/verify/{reference}"), "{logs}");
    assert!(logs.contains("status=401"), "{logs}");
    assert!(!logs.contains("order-1042"), "{logs}");
    assert!(
        !logs.contains(SECRET_PART),
        "the key leaked into logs:\n{logs}"
    );
    assert!(!logs.to_ascii_lowercase().contains("bearer"), "{logs}");
}
