//! Load generator for the simulator (and, for comparison, any server speaking the same API,
//! such as Prism). Keep-alive HTTP/1.1 connections over loopback, one request in flight per
//! connection, latency measured per request.
//!
//! ```sh
//! # in-process simulator, 100,000 stored transactions, GET /balance for 10 s:
//! cargo bench -p paystack-sim --bench loadgen
//! # any running server (`--seed N` stores N transactions first, simulator only):
//! cargo bench -p paystack-sim --bench loadgen -- --url http://127.0.0.1:4010 --key sk_test_x --secs 10
//! ```
//!
//! Prints one JSON line: requests, errors, requests per second, p50 and p99 in milliseconds.
//! `sim/benches/vs_prism.sh` runs it against the simulator binary and Prism side by side.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Args {
    url: Option<String>,
    key: String,
    path: String,
    secs: u64,
    conns: usize,
    seed: Option<usize>,
    label: String,
}

fn args() -> Args {
    let mut a = Args {
        url: None,
        key: String::new(),
        path: "/balance".into(),
        secs: 10,
        conns: 32,
        seed: None,
        label: "paystack-sim (in-process)".into(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().unwrap_or_default();
        match flag.as_str() {
            "--url" => a.url = Some(val()),
            "--key" => a.key = val(),
            "--path" => a.path = val(),
            "--secs" => a.secs = val().parse().unwrap_or(10),
            "--conns" => a.conns = val().parse().unwrap_or(32),
            "--seed" => a.seed = val().parse().ok(),
            "--label" => a.label = val(),
            _ => {} // cargo bench passes --bench
        }
    }
    a
}

/// Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status.
async fn read_response(s: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(end) = find(buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let status = head
                .split_whitespace()
                .nth(1)
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            let body_start = end + 4;
            if let Some(len) = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
            {
                while buf.len() < body_start + len {
                    let n = s.read(&mut chunk).await?;
                    if n == 0 {
                        return Err(std::io::ErrorKind::UnexpectedEof.into());
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                buf.drain(..body_start + len);
                return Ok(status);
            }
            // Chunked: wait for the last chunk.
            loop {
                if let Some(e) = find(&buf[body_start..], b"0\r\n\r\n") {
                    buf.drain(..body_start + e + 5);
                    return Ok(status);
                }
                let n = s.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
        }
        let n = s.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn worker(addr: String, req: Vec<u8>, until: Instant) -> (Vec<u32>, u64) {
    let mut lat = Vec::with_capacity(100_000);
    let mut errors = 0;
    let Ok(mut s) = TcpStream::connect(&addr).await else {
        return (lat, 1);
    };
    let _ = s.set_nodelay(true);
    let mut buf = Vec::with_capacity(32 * 1024);
    while Instant::now() < until {
        let t = Instant::now();
        if s.write_all(&req).await.is_err() {
            errors += 1;
            break;
        }
        match read_response(&mut s, &mut buf).await {
            Ok(200) => lat.push(t.elapsed().as_micros() as u32),
            Ok(_) => errors += 1,
            Err(_) => {
                errors += 1;
                break;
            }
        }
    }
    (lat, errors)
}

/// Stores `n` successful transactions through the control endpoint, in batches.
async fn seed(base: &str, key: &str, n: usize) {
    let addr = base.trim_start_matches("http://").to_string();
    let mut done = 0;
    while done < n {
        let batch = (n - done).min(5_000);
        let rows: Vec<serde_json::Value> = (done..done + batch)
            .map(|i| {
                serde_json::json!({
                    "reference": format!("bench-{i:07}"), "amount": 250_000 + (i % 1000) as i64,
                    "currency": "NGN", "status": "success", "channel": "card",
                    "gateway_response": "Successful", "paid_at": "2026-01-01T10:00:00.000Z",
                    "customer": {"email": format!("c{}@example.com", i % 5000)},
                })
            })
            .collect();
        let body = serde_json::json!({"transaction": rows}).to_string();
        let req = format!(
            "POST /_sim/seed HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {key}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut s = TcpStream::connect(&addr)
            .await
            .expect("connect for seeding");
        s.write_all(req.as_bytes()).await.expect("seed request");
        let mut buf = Vec::new();
        let status = read_response(&mut s, &mut buf).await.expect("seed answer");
        assert_eq!(status, 200, "seeding failed");
        done += batch;
    }
}

fn main() {
    let a = args();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        if a.url.is_none() {
            // Start-up: the first start also parses the embedded spec (once per process).
            let t = Instant::now();
            drop(paystack_sim::Simulator::start().await.expect("simulator"));
            let first = t.elapsed();
            let n = 50;
            let t = Instant::now();
            for _ in 0..n {
                drop(paystack_sim::Simulator::start().await.expect("simulator"));
            }
            let each = t.elapsed() / n;
            println!(
                "{}",
                serde_json::json!({"startup_first_ms": first.as_secs_f64() * 1000.0,
                                   "startup_each_ms": each.as_secs_f64() * 1000.0})
            );
        }
        let mut _sim = None;
        let (base, key) = match &a.url {
            Some(u) => (u.clone(), a.key.clone()),
            None => {
                let sim = paystack_sim::Simulator::start().await.expect("simulator");
                let out = (sim.base_url(), sim.secret_key().to_string());
                _sim = Some(sim);
                out
            }
        };
        // The in-process run stores 100,000 transactions unless told otherwise.
        let n = a.seed.unwrap_or(if a.url.is_none() { 100_000 } else { 0 });
        if n > 0 {
            let t = Instant::now();
            seed(&base, &key, n).await;
            eprintln!("seeded {n} transactions in {:?}", t.elapsed());
        }
        let addr = base.trim_start_matches("http://").to_string();
        let req = format!(
            "GET {} HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {key}\r\naccept: application/json\r\n\r\n",
            a.path
        )
        .into_bytes();
        // A short warm-up, then the measured run.
        let warm = Instant::now() + Duration::from_millis(500);
        let _ = worker(addr.clone(), req.clone(), warm).await;
        let started = Instant::now();
        let until = started + Duration::from_secs(a.secs);
        let tasks: Vec<_> = (0..a.conns)
            .map(|_| tokio::spawn(worker(addr.clone(), req.clone(), until)))
            .collect();
        let mut lat = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (l, e) = t.await.expect("worker");
            lat.extend(l);
            errors += e;
        }
        let elapsed = started.elapsed().as_secs_f64();
        lat.sort_unstable();
        let pct = |p: f64| {
            lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
                .map(|us| *us as f64 / 1000.0)
                .unwrap_or(f64::NAN)
        };
        println!(
            "{}",
            serde_json::json!({
                "target": a.label, "path": a.path, "connections": a.conns, "seconds": a.secs,
                "requests": lat.len(), "errors": errors,
                "rps": (lat.len() as f64 / elapsed).round(),
                "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            })
        );
    });
}
