//! `cargo xtask consumer-build`: builds a fresh consumer crate of this SDK and one of
//! `paystack-rs` (the other Rust Paystack client), each from an empty target dir in a temporary
//! folder, one after the other, and prints wall time and peak memory side by side.
//!
//! Peak memory is the largest resident set of any one process of the build (rustc, in practice),
//! read from `getrusage(RUSAGE_CHILDREN)` through `/usr/bin/time`'s report. Builds are debug
//! builds with default features, as `cargo build` in a new project makes them.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// One consumer to build: a name, the dependency lines of its manifest, and a `main.rs`.
struct Consumer {
    name: &'static str,
    dependency: String,
    main: &'static str,
}

/// What one build cost.
struct Cost {
    seconds: f64,
    peak_mb: u64,
    crates: usize,
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let sdk = root.display().to_string();
    let mut consumers = vec![
        Consumer {
            name: "paystack-sdk (default features)",
            dependency: format!("paystack-sdk = {{ path = {sdk:?} }}"),
            main: "fn main() { let _ = paystack::Paystack::new(\"sk_test_x\"); }",
        },
        Consumer {
            name: "paystack-rs 1.6",
            dependency: "paystack-rs = \"=1.6.0\"".into(),
            main: "fn main() { let _ = std::mem::size_of::<paystack::PaystackClient<paystack::ReqwestClient>>(); }",
        },
    ];
    if args.iter().any(|a| a == "--only-sdk") {
        consumers.truncate(1);
    }
    let mut rows = Vec::new();
    for consumer in &consumers {
        let cost = build(consumer)?;
        rows.push((consumer.name, cost));
    }
    println!("| consumer | wall time | peak memory | crates compiled |");
    println!("|---|---|---|---|");
    for (name, cost) in &rows {
        println!(
            "| {name} | {:.0} s | {:.2} GB | {} |",
            cost.seconds,
            cost.peak_mb as f64 / 1024.0,
            cost.crates
        );
    }
    if let [(_, ours), (_, theirs)] = rows.as_slice() {
        println!(
            "\nours / paystack-rs: {:.2}x the wall time, {:.2}x the peak memory",
            ours.seconds / theirs.seconds,
            ours.peak_mb as f64 / theirs.peak_mb as f64
        );
    }
    Ok(())
}

fn build(consumer: &Consumer) -> Result<Cost, String> {
    let dir = std::env::temp_dir().join(format!(
        "paystack-consumer-{}-{}",
        std::process::id(),
        consumer.name.split_whitespace().next().unwrap_or("x")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\n{}\n\n[workspace]\n",
            consumer.dependency
        ),
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/main.rs"), consumer.main).map_err(|e| e.to_string())?;
    // Resolve and download first, so the timed build measures compiling only.
    let fetch = Command::new("cargo")
        .arg("fetch")
        .current_dir(&dir)
        .status()
        .map_err(|e| e.to_string())?;
    if !fetch.success() {
        return Err(format!("cargo fetch failed for {}", consumer.name));
    }
    let started = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "peak_kb=%M", "cargo", "build", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("CARGO_INCREMENTAL")
        .env_remove("RUSTFLAGS")
        .output()
        .map_err(|e| format!("/usr/bin/time is needed (Debian package `time`): {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("building {} failed:\n{stderr}", consumer.name));
    }
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("peak_kb="))
        .and_then(|v| v.trim().parse().ok())
        .ok_or("no peak memory in /usr/bin/time's report")?;
    let crates = std::fs::read_dir(dir.join("target/debug/.fingerprint"))
        .map(|d| d.count())
        .unwrap_or(0);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Cost {
        seconds,
        peak_mb: peak_kb / 1024,
        crates,
    })
}
