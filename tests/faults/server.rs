//! A loopback HTTP/1.1 server that answers from a script and counts what it receives.
//!
//! Each request that arrives whole is recorded, then answered with the next step of the script
//! for its path (the last step repeats). Steps can break the connection in the ways a real
//! network does: a reset mid-body, a close with no answer, a delay past the client's timeout.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One answer, or one way of not answering.
#[derive(Debug, Clone)]
pub enum Step {
    /// A whole answer with extra headers.
    Answer {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// Headers promising the whole body, then part of it, then the connection closes.
    ResetMidBody { status: u16, body: Vec<u8> },
    /// The request is read, then the connection closes without a byte of answer.
    Close,
    /// Waits, then answers.
    Slow(Duration, Box<Step>),
}

impl Step {
    /// A JSON answer.
    pub fn json(status: u16, body: impl Into<String>) -> Step {
        Step::Answer {
            status,
            headers: vec![("content-type", "application/json".into())],
            body: body.into().into_bytes(),
        }
    }

    /// An answer with a body of any bytes and content type.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Step {
        Step::Answer {
            status,
            headers: vec![("content-type", content_type.to_string())],
            body: body.into(),
        }
    }

    /// Adds a header to an answer.
    pub fn header(self, name: &'static str, value: impl Into<String>) -> Step {
        match self {
            Step::Answer {
                status,
                mut headers,
                body,
            } => {
                headers.push((name, value.into()));
                Step::Answer {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Received {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

#[derive(Default)]
struct State {
    scripts: HashMap<String, Vec<Step>>,
    served: HashMap<String, usize>,
    received: Vec<Received>,
}

/// The running server; it stops when dropped.
pub struct FaultServer {
    addr: std::net::SocketAddr,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultServer {
    /// Starts on an ephemeral loopback port.
    pub async fn start() -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(serve(socket, Arc::clone(&shared)));
            }
        });
        FaultServer { addr, state, task }
    }

    /// Answers `METHOD path` (path without query) with these steps, in order.
    pub fn script(&self, method: &str, path: &str, steps: Vec<Step>) {
        let key = format!("{method} {path}");
        self.state.lock().unwrap().scripts.insert(key, steps);
    }

    /// The base URL for the client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received whole, in order.
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// How many requests for `METHOD path` arrived.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.received()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }
}

async fn serve(mut socket: TcpStream, state: Arc<Mutex<State>>) {
    loop {
        let Some(request) = read_request(&mut socket).await else {
            return;
        };
        let key = format!("{} {}", request.method, request.path);
        let step = {
            let mut s = state.lock().unwrap();
            s.received.push(request);
            let n = *s.served.get(&key).unwrap_or(&0);
            s.served.insert(key.clone(), n + 1);
            match s.scripts.get(&key) {
                Some(steps) if !steps.is_empty() => steps[n.min(steps.len() - 1)].clone(),
                _ => Step::json(
                    599,
                    r#"{"status":false,"message":"no script for this request"}"#,
                ),
            }
        };
        if !play(&mut socket, step).await {
            return;
        }
    }
}

/// Plays one step; false when the connection is closed afterwards.
async fn play(socket: &mut TcpStream, step: Step) -> bool {
    match step {
        Step::Answer {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let ok = socket.write_all(head.as_bytes()).await.is_ok()
                && socket.write_all(&body).await.is_ok();
            ok && socket.flush().await.is_ok()
        }
        Step::ResetMidBody { status, body } => {
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                body.len() * 2 + 10
            );
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(&body).await;
            let _ = socket.flush().await;
            false
        }
        Step::Close => false,
        Step::Slow(wait, then) => {
            tokio::time::sleep(wait).await;
            Box::pin(play(socket, *then)).await
        }
    }
}

/// Reads one whole request; `None` when the connection closes first.
pub async fn read_request(socket: &mut TcpStream) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let path = target.split('?').next().unwrap_or_default().to_string();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    Some(Received {
        method,
        path,
        headers,
        body,
    })
}
