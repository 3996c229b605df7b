//! Calls to a running simulator's control endpoints (`/_sim/...`), shared by `paystack sim`
//! and `paystack webhook listen` (which registers itself as the simulator's webhook URL).

use serde_json::{json, Value};

use crate::error::{Failure, Result};

/// Control calls act on one integration: the one whose key is sent.
pub async fn call(
    method: reqwest::Method,
    base: &str,
    path: &str,
    body: Value,
    key: Option<&str>,
) -> Result<Value> {
    let mut req = reqwest::Client::new().request(method, format!("{base}{path}"));
    if !body.is_null() {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    let answer = req.send().await.map_err(|e| {
        let cause = crate::error::network_cause(&e).unwrap_or_else(|| crate::error::innermost(&e));
        Failure::Transport(format!("the simulator at {base}: {cause}"))
    })?;
    let status = answer.status();
    let text = answer
        .text()
        .await
        .map_err(|e| Failure::Transport(format!("{base}{path}: {e}")))?;
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    if status.is_success() {
        Ok(value)
    } else {
        Err(Failure::Api(format!(
            "the simulator answered {status}: {value}"
        )))
    }
}

/// Points a running simulator's webhooks (for the integration of `key`) at `url`.
pub async fn set_webhook_url(sim: &str, url: &str, key: &str) -> Result<()> {
    let body = json!({"url": url});
    call(
        reqwest::Method::POST,
        sim.trim_end_matches('/'),
        "/_sim/webhook",
        body,
        Some(key),
    )
    .await
    .map(drop)
}
