//! Webhooks out: each event is signed with the integration's secret key exactly as Paystack
//! signs (`x-paystack-signature`, hex HMAC-SHA512 of the raw body), sent to the integration's
//! URL, retried on an accelerated schedule, logged, and replayable.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;

use crate::server::Shared;
use crate::state::stamp;

/// One try at delivering a webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was made (wall clock).
    pub at: String,
    /// The receiver's HTTP status, if it answered.
    pub status: Option<u16>,
    /// Why it failed, when it did.
    pub error: Option<String>,
}

/// A webhook event and its delivery history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// Position in the delivery log.
    pub id: usize,
    /// The integration it belongs to.
    pub integration: u64,
    /// The event name, such as `charge.success`.
    pub event: String,
    /// Where it goes (none: logged only).
    pub url: Option<String>,
    /// The exact bytes sent.
    pub body: String,
    /// The `x-paystack-signature` header sent with it.
    pub signature: String,
    /// Every try so far.
    pub attempts: Vec<Attempt>,
    /// Whether a try got a 2xx answer.
    pub delivered: bool,
    /// When the event happened (simulated clock).
    pub created_at: String,
}

/// Delays between tries: Paystack's schedule (minutes to hours) compressed to seconds.
pub const DEFAULT_RETRY_DELAYS_MS: &[u64] = &[500, 1_000, 2_000, 4_000, 8_000];

/// Sends queued deliveries until the simulator stops.
pub async fn run(shared: Arc<Shared>, mut rx: mpsc::UnboundedReceiver<usize>) {
    while let Some(id) = rx.recv().await {
        let shared = shared.clone();
        tokio::spawn(async move { deliver(shared, id).await });
    }
}

async fn deliver(shared: Arc<Shared>, id: usize) {
    let delays = shared.retry_delays();
    for round in 0..=delays.len() {
        let Some((url, body, signature)) = shared.with_world(|w| {
            let d = w.deliveries.get(id)?;
            Some((d.url.clone()?, d.body.clone(), d.signature.clone()))
        }) else {
            return;
        };
        let result = post(&url, &body, &signature).await;
        let ok = matches!(result, Ok(s) if (200..300).contains(&s));
        shared.with_world(|w| {
            if let Some(d) = w.deliveries.get_mut(id) {
                d.attempts.push(Attempt {
                    at: stamp(chrono::Utc::now()),
                    status: result.as_ref().ok().copied(),
                    error: result.as_ref().err().cloned(),
                });
                d.delivered |= ok;
            }
        });
        if ok {
            return;
        }
        if let Some(ms) = delays.get(round) {
            tokio::time::sleep(Duration::from_millis(*ms)).await;
        }
    }
}

/// POSTs a webhook and returns the receiver's status. `http://` and `https://` URLs both
/// work; redirects are not followed, as a webhook sender should not move its payload.
pub async fn post(url: &str, body: &str, signature: &str) -> Result<u16, String> {
    let client = client()?;
    let answer = client
        .post(url)
        .header("content-type", "application/json")
        .header("x-paystack-signature", signature)
        .header("user-agent", "paystack-sim")
        .body(body.to_string())
        .send()
        .await
        .map_err(|e| describe(&e))?;
    Ok(answer.status().as_u16())
}

/// The one client deliveries share (its connections are reused).
fn client() -> Result<&'static reqwest::Client, String> {
    static CLIENT: OnceLock<Result<reqwest::Client, String>> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            let tls = tls_config().map_err(|e| format!("cannot set up TLS: {e}"))?;
            reqwest::Client::builder()
                .use_preconfigured_tls(tls)
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(5))
                .build()
                .map_err(|e| format!("cannot build the webhook client: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn tls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth())
}

/// A failure in words for the delivery log, without the URL (it is logged beside it).
fn describe(e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out after 5 s"
    } else if e.is_connect() {
        "could not connect"
    } else if e.is_body() || e.is_decode() {
        "the answer broke off"
    } else {
        "the request failed"
    };
    let mut cause = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    if cause.is_empty() {
        what.to_string()
    } else {
        format!("{what}: {cause}")
    }
}
