//! Maintenance tasks: `cargo xtask regen [--check] [--upstream FILE]` and
//! `cargo xtask consumer-build` (what a new user's first build costs, beside paystack-rs).
//!
//! - `regen` runs the same bundling and progenitor settings as build.rs, then writes
//!   `openapi/coverage.md`: every operation, its wrapper, whether its `data` is typed, its tests.
//! - `regen --check` writes nothing and fails when `openapi/coverage.md` is stale.
//! - `regen --upstream FILE` applies `openapi/patches/*.json` to Paystack's published spec,
//!   proves progenitor generates from the result, and compares it with ours: operations,
//!   parameter names, body field names and enum values. It fails on any difference and on any
//!   untyped success `data` not listed in `openapi/untyped-allowlist.yaml`.

// Shared with build.rs, which uses the parts that write the operation table.
#[path = "../../openapi/bundle.rs"]
#[allow(dead_code)]
mod bundle;
mod consumer;
mod coverage;
mod upstream;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf();
    let result = match args.first().map(String::as_str) {
        Some("regen") => regen(&root, &args[1..]),
        Some("consumer-build") => consumer::run(&root, &args[1..]),
        _ => Err(
            "usage: cargo xtask regen [--check] [--upstream FILE] | cargo xtask consumer-build [--only-sdk]"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn regen(root: &Path, args: &[String]) -> Result<(), String> {
    let mut check = false;
    let mut upstream_file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = true,
            "--upstream" => {
                upstream_file = Some(PathBuf::from(it.next().ok_or("--upstream needs a FILE")?))
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let ours = bundle::bundle(&root.join("openapi"))?;
    // Every operation must carry a valid retry class; build.rs fails the same way.
    bundle::operations(&ours)?;
    if let Some(file) = upstream_file {
        return upstream::check(root, &file, &ours);
    }

    let started = std::time::Instant::now();
    let code = bundle::generate(&ours, true)?;
    let elapsed = started.elapsed();
    let report = coverage::report(root, &ours)?;
    let target = root.join("openapi/coverage.md");
    if check {
        let current = std::fs::read_to_string(&target).unwrap_or_default();
        if current != report {
            return Err(format!(
                "{} is stale: run `cargo xtask regen` and commit the result",
                target.display()
            ));
        }
        println!("openapi/coverage.md is up to date");
    } else {
        std::fs::write(&target, &report).map_err(|e| format!("{}: {e}", target.display()))?;
        println!("wrote {}", target.display());
    }
    println!(
        "bundle + progenitor + format: {} ms, {} lines of generated code",
        elapsed.as_millis(),
        code.lines().count()
    );
    Ok(())
}
