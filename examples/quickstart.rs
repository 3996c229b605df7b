//! Start a payment, pay it, verify it, receive its webhook, refund it and read the balance.
//!
//! ```sh
//! cargo run --example quickstart                              # offline, against the simulator
//! PAYSTACK_SECRET_KEY=sk_test_... cargo run --example quickstart   # Paystack's test mode
//! ```
//!
//! Without a key it starts the Paystack simulator (`paystack-sim`) inside this process and
//! runs the whole story there, webhook included. With a test key it talks to Paystack's test
//! mode (no real money): it starts a payment, checks it and lists recent ones, since paying
//! needs a person at the checkout page. It refuses a live key.

use std::time::Duration;

use paystack::webhook::Webhook;
use paystack::{enums::Currency, Amount, Paystack};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match std::env::var(paystack::SECRET_KEY_ENV) {
        Ok(key) => {
            let ps = Paystack::new(key)?;
            if ps.is_live() {
                return Err("the quickstart only runs with a test key (sk_test_…)".into());
            }
            println!("Using Paystack's test mode at {}", ps.base_url());
            test_mode(&ps).await
        }
        Err(_) => offline().await,
    }
}

/// The whole story against the simulator.
async fn offline() -> Result<(), Box<dyn std::error::Error>> {
    let sim = paystack_sim::Simulator::start().await?;
    println!(
        "PAYSTACK_SECRET_KEY is not set: running offline against the Paystack simulator at {}.\n\
         Set it to a test key (sk_test_…) to call Paystack's test mode instead.\n",
        sim.base_url()
    );
    let ps = Paystack::builder(sim.secret_key())
        .base_url(sim.base_url())
        .build()?;
    let (hook_url, mut events) = webhook_endpoint::start(sim.secret_key()).await?;
    sim.set_webhook_url(&hook_url);

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
        "1. {}: the customer pays at {}",
        init.message,
        init.data.authorization_url.unwrap_or_default()
    );

    // 2. The customer pays with a test card (what the checkout page's button does).
    sim.pay(&reference, paystack_sim::PayOutcome::Success)?;
    let tx = ps.transactions().verify(&reference).send().await?.data;
    println!(
        "2. {} is {} for {} {} (fees {})",
        reference,
        tx.status.map(|s| s.to_string()).unwrap_or_default(),
        tx.currency.map(|c| c.to_string()).unwrap_or_default(),
        tx.amount.map(|a| a.to_string()).unwrap_or_default(),
        tx.fees.map(|a| a.to_string()).unwrap_or_default(),
    );

    // 3. The charge.success webhook arrives, signed with the secret key, and is verified.
    let event = tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await?
        .ok_or("the webhook endpoint stopped")?;
    println!(
        "3. Webhook {} for {} arrived with a valid signature",
        event.name(),
        event.reference().unwrap_or_default()
    );

    // 4. Give ₦1,000.00 back.
    let refund = ps
        .refunds()
        .create(&reference)
        .amount(Amount::from_major("1000.00")?)
        .send()
        .await?;
    println!(
        "4. {}: {} {}",
        refund.message,
        refund
            .data
            .amount
            .map(|a| a.to_string())
            .unwrap_or_default(),
        refund
            .data
            .status
            .map(|s| s.to_string())
            .unwrap_or_default()
    );

    // 5. The balance: the payment less fees, less the refund.
    for b in ps.balance().fetch().send().await?.data {
        println!(
            "5. Balance: {} {}",
            b.currency.map(|c| c.to_string()).unwrap_or_default(),
            b.balance.map(|a| a.to_string()).unwrap_or_default()
        );
    }
    Ok(())
}

/// Against Paystack's test mode: start a payment, check it, list recent ones.
async fn test_mode(ps: &Paystack) -> Result<(), Box<dyn std::error::Error>> {
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

    // Until the customer pays, Paystack reports it as abandoned.
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

/// A webhook endpoint like the one an application would run: it verifies the signature
/// with the secret key and hands verified events on.
mod webhook_endpoint {
    use super::Webhook;
    use axum::body::Bytes;
    use axum::http::{HeaderMap, StatusCode};
    use axum::routing::post;
    use axum::Router;
    use paystack::webhook::Event;
    use tokio::sync::mpsc;

    pub async fn start(
        secret_key: &str,
    ) -> Result<(String, mpsc::UnboundedReceiver<Event>), Box<dyn std::error::Error>> {
        let verifier = Webhook::new(secret_key)?;
        let (tx, rx) = mpsc::unbounded_channel();
        let app = Router::new().route(
            "/paystack/webhook",
            post(move |headers: HeaderMap, body: Bytes| {
                let verifier = verifier.clone();
                let tx = tx.clone();
                async move {
                    let signature = headers
                        .get("x-paystack-signature")
                        .and_then(|v| v.to_str().ok());
                    match verifier.parse(signature, &body) {
                        Ok(event) => {
                            let _ = tx.send(event);
                            StatusCode::OK
                        }
                        Err(_) => StatusCode::UNAUTHORIZED,
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/paystack/webhook", listener.local_addr()?);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok((url, rx))
    }
}
