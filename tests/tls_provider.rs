//! The client never changes process-wide TLS state: an application installs the rustls
//! provider it wants after building clients, and brings its own `reqwest::Client` if it likes.
//! (A test binary of its own, since the provider is process-wide.)

#[path = "faults/server.rs"]
#[allow(dead_code)]
mod server;

use paystack::Paystack;
use server::{FaultServer, Step};

const KEY: &str = "sk_test_f4u1t5f4u1t5f4u1t5";

#[tokio::test]
async fn building_a_client_installs_no_default_provider() {
    let _first = Paystack::new(KEY).unwrap();
    assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    // What an application does at start-up, after libraries built their clients: it must not
    // find one installed already.
    rustls::crypto::ring::default_provider()
        .install_default()
        .expect("the client installed a process-wide provider");
    let _second = Paystack::new(KEY).unwrap();

    // With a provider installed, the application's own reqwest client works, and ours adds the
    // key and user agent to each request.
    let server = FaultServer::start().await;
    server.script(
        "GET",
        "/balance",
        vec![Step::json(
            200,
            r#"{"status":true,"message":"ok","data":[{"currency":"NGN","balance":"700000"}]}"#,
        )],
    );
    let own = reqwest::Client::builder().build().unwrap();
    let ps = Paystack::builder(KEY)
        .base_url(server.url())
        .http_client(own)
        .build()
        .unwrap();
    let balances = ps.balance().fetch().send().await.unwrap().data;
    assert_eq!(balances[0].balance.map(|a| a.subunits()), Some(700_000));
    let got = &server.received()[0];
    assert_eq!(got.headers["authorization"], format!("Bearer {KEY}"));
    assert!(got.headers["user-agent"].starts_with("paystack-sdk-rust/"));
}
