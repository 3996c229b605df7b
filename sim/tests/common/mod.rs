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

    /// A simulator in strict shape mode (answers as built, each checked against the spec).
    pub async fn start_strict() -> Sim {
        let sim = Simulator::builder()
            .strict_shapes(true)
            .start()
            .await
            .expect("simulator starts");
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

/// One webhook request a [`Receiver`] got.
#[derive(Debug, Clone)]
pub struct Received {
    pub signature: Option<String>,
    pub body: Vec<u8>,
}

/// A local webhook endpoint that records what it receives. The first `fail_first` requests
/// are answered 500, the rest 200.
pub struct Receiver {
    pub url: String,
    pub got: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Receiver {
    pub async fn start(fail_first: usize) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hooks/paystack", listener.local_addr().unwrap());
        let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = got.clone();
        let task = tokio::spawn(async move {
            let mut n = 0usize;
            loop {
                let Ok((mut s, _)) = listener.accept().await else {
                    return;
                };
                n += 1;
                let fail = n <= fail_first;
                let sink = sink.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    loop {
                        let Ok(k) = s.read(&mut chunk).await else {
                            return;
                        };
                        if k == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..k]);
                        let text = String::from_utf8_lossy(&buf).to_string();
                        if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                            let len = head
                                .lines()
                                .find_map(|l| {
                                    l.to_ascii_lowercase()
                                        .strip_prefix("content-length:")
                                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                                })
                                .unwrap_or(0);
                            if rest.len() >= len {
                                let signature = head.lines().find_map(|l| {
                                    let (k, v) = l.split_once(':')?;
                                    k.eq_ignore_ascii_case("x-paystack-signature")
                                        .then(|| v.trim().to_string())
                                });
                                let body_start = head.len() + 4;
                                sink.lock().unwrap().push(Received {
                                    signature,
                                    body: buf[body_start..body_start + len].to_vec(),
                                });
                                let status = if fail {
                                    "500 Internal Server Error"
                                } else {
                                    "200 OK"
                                };
                                let _ = s.write_all(format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").as_bytes()).await;
                                return;
                            }
                        }
                    }
                });
            }
        });
        Receiver { url, got, task }
    }

    /// Waits until `n` requests arrived (or 10 s pass) and returns them.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..1000 {
            if self.got.lock().unwrap().len() >= n {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        self.got.lock().unwrap().clone()
    }
}
