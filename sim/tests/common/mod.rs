//! Helpers shared by the simulator's integration tests: a tiny HTTP client over a TCP socket
//! (so these tests see exactly the bytes on the wire) and a started simulator.
#![allow(dead_code)]

use paystack_sim::Simulator;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub struct Sim {
    pub sim: Simulator,
    pub base: String,
    pub key: String,
}

impl Sim {
    pub async fn start() -> Sim {
        let sim = Simulator::start().await.expect("simulator starts");
        let base = sim.base_url();
        let key = sim.secret_key().to_string();
        Sim { sim, base, key }
    }

    pub fn sdk(&self) -> paystack::Paystack {
        paystack::Paystack::builder(&self.key)
            .base_url(&self.base)
            .build()
            .expect("client")
    }
}

/// Sends a JSON request and returns the status and the decoded body (null when not JSON).
pub async fn call(
    base: &str,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    raw(base, method, path, key, bytes, &[]).await
}

/// Sends raw bytes with extra headers.
pub async fn raw(
    base: &str,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Vec<u8>,
    headers: &[(&str, &str)],
) -> (u16, Value) {
    let (status, text) = raw_text(base, method, path, key, body, headers).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Like [`raw`], returning the body as text.
pub async fn raw_text(
    base: &str,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Vec<u8>,
    headers: &[(&str, &str)],
) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut req = format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n", body.len());
    if let Some(k) = key {
        req.push_str(&format!("authorization: Bearer {k}\r\n"));
    }
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).await.expect("write");
    let _ = s.write_all(&body).await;
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out).await;
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = match text.split_once("\r\n\r\n") {
        Some((head, rest))
            if head
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked") =>
        {
            dechunk(rest)
        }
        Some((_, rest)) => rest.to_string(),
        None => String::new(),
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}
