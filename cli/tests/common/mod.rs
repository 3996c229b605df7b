//! Helpers shared by the end-to-end tests: running the binary, and a counting HTTP server.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A test key (test mode, made up for these tests).
pub const TEST_KEY: &str = "sk_test_c1ie2ek3y9f8a7b6";
/// A live-looking key, to check the `--live` guard; never sent anywhere.
pub const LIVE_KEY: &str = "sk_live_c1ie2ek3y9f8a7b6";

/// The `paystack` binary with a clean environment: no key, no profile, a private config file.
pub fn paystack(config_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_paystack"));
    cmd.env_remove("PAYSTACK_SECRET_KEY")
        .env_remove("PAYSTACK_BASE_URL")
        .env_remove("PAYSTACK_PROFILE")
        .env("PAYSTACK_CONFIG", config_dir.join("config.json"))
        .stdin(Stdio::null());
    cmd
}

/// Runs a command, returning its output (stdout and stderr as text) and exit code.
pub fn run(cmd: &mut Command) -> (String, String, i32) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("the binary runs");
    (
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
        status.code().unwrap_or(-1),
    )
}

/// One request a [`Counter`] received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// A tiny HTTP server that records every request and answers each with `answer`.
pub struct Counter {
    pub url: String,
    pub count: Arc<AtomicUsize>,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Counter {
    /// Answers every request with `status` and the JSON `answer`; `drop_connection` closes the
    /// connection after reading the request instead (a lost answer).
    pub fn start(status: u16, answer: &'static str, drop_connection: bool) -> Counter {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (c, s) = (count.clone(), seen.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                    continue;
                }
                let mut headers = Vec::new();
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    reader.read_line(&mut line).unwrap();
                    let line = line.trim_end().to_string();
                    if line.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = line.split_once(':') {
                        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
                        if k == "content-length" {
                            length = v.parse().unwrap();
                        }
                        headers.push((k, v));
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                c.fetch_add(1, Ordering::SeqCst);
                s.lock().unwrap().push(Seen {
                    request_line: request_line.trim_end().to_string(),
                    headers,
                    body,
                });
                if drop_connection {
                    drop(stream);
                    continue;
                }
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
                    answer.len()
                );
                let _ = stream.write_all(reply.as_bytes());
            }
        });
        Counter { url, count, seen }
    }

    /// How many requests arrived.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }
}

/// A child process that is killed when the test ends, pass or fail.
pub struct KillOnDrop(pub std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
