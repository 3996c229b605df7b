//! Webhooks out: each event is signed with the integration's secret key exactly as Paystack
//! signs (`x-paystack-signature`, hex HMAC-SHA512 of the raw body), sent to the integration's
//! URL, retried on an accelerated schedule, logged, and replayable.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
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

/// POSTs a webhook over plain HTTP and returns the status. Receivers are local test servers,
/// so TLS is not spoken.
pub async fn post(url: &str, body: &str, signature: &str) -> Result<u16, String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| "only http:// webhook URLs are supported".to_string())?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let addr = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:80")
    };
    let io = async {
        let mut s = TcpStream::connect(&addr)
            .await
            .map_err(|e| format!("connect {addr}: {e}"))?;
        let req = format!(
            "POST {path} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n\
             x-paystack-signature: {signature}\r\nuser-agent: paystack-sim\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(req.as_bytes())
            .await
            .map_err(|e| format!("send: {e}"))?;
        let mut buf = Vec::new();
        let mut chunk = [0u8; 512];
        while !buf.windows(2).any(|w| w == b"\r\n") {
            let n = s.read(&mut chunk).await.map_err(|e| format!("read: {e}"))?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let line = String::from_utf8_lossy(&buf);
        line.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse::<u16>().ok())
            .ok_or_else(|| "no HTTP status in the answer".to_string())
    };
    tokio::time::timeout(Duration::from_secs(5), io)
        .await
        .map_err(|_| "timed out after 5 s".to_string())?
}
