//! The example test from sim/README.md, verbatim, so the README cannot drift from the API.

use std::time::Duration;

use paystack::webhook::Webhook;
use paystack::{enums::TransactionStatus, Amount, Paystack};
use paystack_sim::{PayOutcome, Simulator};

#[tokio::test]
async fn an_order_is_paid_and_refunded() {
    let sim = Simulator::start().await.unwrap();
    let ps = Paystack::builder(sim.secret_key())
        .base_url(sim.base_url())
        .build()
        .unwrap();

    let init = ps
        .transactions()
        .initialize("ada@example.com", Amount::from_major("2500.00").unwrap())
        .reference("order-1001")
        .send()
        .await
        .unwrap();
    // The checkout page is the simulator's own; a test can also pay without a browser.
    let url = init.data.authorization_url.unwrap();
    assert!(url.starts_with(&format!("{}/checkout/", sim.base_url())));
    sim.pay("order-1001", PayOutcome::Success).unwrap();

    let tx = ps
        .transactions()
        .verify("order-1001")
        .send()
        .await
        .unwrap()
        .data;
    assert_eq!(tx.status, Some(TransactionStatus::Success));

    // The webhook your handler would receive, signed with the secret key.
    let hook = sim
        .webhooks()
        .into_iter()
        .find(|d| d.event == "charge.success")
        .unwrap();
    let event = Webhook::new(sim.secret_key())
        .unwrap()
        .parse(Some(hook.signature.as_str()), hook.body.as_bytes())
        .unwrap();
    assert_eq!(event.reference(), Some("order-1001"));

    ps.refunds().create("order-1001").send().await.unwrap();
    sim.advance(Duration::from_secs(120)); // refunds are processed on the clock
    assert!(sim.webhooks().iter().any(|d| d.event == "refund.processed"));
}
