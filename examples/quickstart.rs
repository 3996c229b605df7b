//! Start a payment, check it, and list recent ones.
//!
//! ```sh
//! cargo run --example quickstart                              # offline, against a local mock
//! PAYSTACK_SECRET_KEY=sk_test_... cargo run --example quickstart   # Paystack's test mode
//! ```
//!
//! With a test key it talks to Paystack's test mode (no real money); it refuses a live key.
//! Without a key it starts a mock Paystack inside this process and says so.

use paystack::{Amount, Currency, Paystack};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Kept alive for the whole run when offline.
    let (ps, _mock) = match std::env::var(paystack::SECRET_KEY_ENV) {
        Ok(key) => {
            let ps = Paystack::new(key)?;
            if ps.is_live() {
                return Err("the quickstart only runs with a test key (sk_test_…)".into());
            }
            println!("Using Paystack's test mode at {}", ps.base_url());
            (ps, None)
        }
        Err(_) => {
            let mock = offline::start().await;
            println!(
                "PAYSTACK_SECRET_KEY is not set: running offline against a local mock at {}.\n\
                 Set it to a test key (sk_test_…) to call Paystack's test mode instead.\n",
                mock.uri()
            );
            let ps = Paystack::builder(offline::KEY)
                .base_url(mock.uri())
                .build()?;
            (ps, Some(mock))
        }
    };

    // 1. Start a payment of ₦2,500.00. Amounts are exact decimals, never floats.
    let reference = format!("quickstart-{}", std::process::id());
    let init = ps
        .transactions()
        .initialize("customer@example.com", Amount::from_major("2500.00")?)
        .currency(Currency::NGN)
        .reference(&reference)
        .send()
        .await?;
    println!(
        "1. {}: send the customer to {}",
        init.message,
        init.data.authorization_url.unwrap_or_default()
    );

    // 2. Verify it. Until the customer pays, Paystack reports it as abandoned.
    let tx = ps.transactions().verify(&reference).send().await?.data;
    println!(
        "2. {} is {} for {} {}",
        reference,
        tx.status
            .map(|s| s.to_string())
            .unwrap_or_else(|| "unknown".into()),
        tx.currency.map(|c| c.to_string()).unwrap_or_default(),
        tx.amount.map(|a| a.to_string()).unwrap_or_default(),
    );

    // 3. The three most recent transactions.
    let page = ps.transactions().list().per_page(3u32).send().await?;
    println!("3. {} recent transaction(s):", page.data.len());
    for t in page.data {
        println!(
            "   {:<28} {:>10} {:<4} {}",
            t.reference.unwrap_or_default(),
            t.amount.map(|a| a.to_string()).unwrap_or_default(),
            t.currency.map(|c| c.to_string()).unwrap_or_default(),
            t.status.map(|s| s.to_string()).unwrap_or_default(),
        );
    }
    Ok(())
}

/// A small stand-in for Paystack, enough for the three calls above.
mod offline {
    use serde_json::json;
    use wiremock::matchers::{header, method, path, path_regex};
    use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

    /// A made-up test key; it only ever reaches the local mock.
    pub const KEY: &str = "sk_test_0000000000000000quickstart";

    struct Initialize;
    impl Respond for Initialize {
        fn respond(&self, req: &Request) -> ResponseTemplate {
            let body: serde_json::Value = serde_json::from_slice(&req.body).unwrap_or_default();
            let reference = body["reference"]
                .as_str()
                .unwrap_or("generated-ref")
                .to_string();
            ResponseTemplate::new(200).set_body_json(json!({
                "status": true,
                "message": "Authorization URL created",
                "data": {
                    "authorization_url": format!("https://checkout.example.test/{reference}"),
                    "access_code": "offline-access-code",
                    "reference": reference,
                }
            }))
        }
    }

    struct Verify;
    impl Respond for Verify {
        fn respond(&self, req: &Request) -> ResponseTemplate {
            let reference = req
                .url
                .path()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
            ResponseTemplate::new(200).set_body_json(json!({
                "status": true,
                "message": "Verification successful",
                "data": {
                    "id": 1, "domain": "test", "status": "abandoned", "reference": reference,
                    "amount": 250000, "currency": "NGN", "channel": "card",
                    "gateway_response": "The transaction was not completed"
                }
            }))
        }
    }

    /// Starts the mock; requests without the expected bearer key get Paystack's 401.
    pub async fn start() -> MockServer {
        let server = MockServer::start().await;
        let auth = format!("Bearer {KEY}");
        Mock::given(method("POST"))
            .and(path("/transaction/initialize"))
            .and(header("authorization", auth.as_str()))
            .respond_with(Initialize)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path_regex(r"^/transaction/verify/[A-Za-z0-9.=-]+$"))
            .and(header("authorization", auth.as_str()))
            .respond_with(Verify)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/transaction"))
            .and(header("authorization", auth.as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "status": true,
                "message": "Transactions retrieved",
                "data": [
                    {"reference": "offline-sample-3", "amount": 1250000, "currency": "NGN", "status": "success"},
                    {"reference": "offline-sample-2", "amount": "49900", "currency": "GHS", "status": "failed"},
                    {"reference": "offline-sample-1", "amount": 300, "currency": "USD", "status": "reversed"}
                ],
                "meta": {"total": 3, "perPage": "3", "page": 1, "pageCount": 1}
            })))
            .mount(&server)
            .await;
        Mock::given(wiremock::matchers::any())
            .respond_with(
                ResponseTemplate::new(401)
                    .set_body_json(json!({"status": false, "message": "Invalid key"})),
            )
            .with_priority(u8::MAX)
            .mount(&server)
            .await;
        server
    }
}
