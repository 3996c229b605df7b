//! Generates the Paystack client from `openapi/` with progenitor.
//!
//! Nothing here touches the network: the spec is read from the repository and the code is
//! written to `OUT_DIR`, where `src/generated.rs` includes it. Fix the spec, never the output.

#[path = "openapi/bundle.rs"]
#[allow(dead_code)]
mod bundle;

fn main() {
    println!("cargo:rerun-if-changed=openapi");
    // Read at run time: `env!` would bake in the path of whichever checkout compiled the script.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&manifest).join("openapi");
    let started = std::time::Instant::now();
    let spec = bundle::bundle(&dir).unwrap_or_else(|e| fail(&e));
    let code = bundle::generate(&spec, true).unwrap_or_else(|e| fail(&e));
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("paystack_generated.rs"), code)
        .unwrap_or_else(|e| fail(&e.to_string()));
    // The retry class of every operation is data in the spec; the client reads this table.
    let rows = bundle::operations(&spec).unwrap_or_else(|e| fail(&e));
    std::fs::write(
        out_dir.join("paystack_operations.rs"),
        bundle::operations_table(&rows),
    )
    .unwrap_or_else(|e| fail(&e.to_string()));
    // Shown by `cargo build -vv` (build-script output); `cargo xtask regen` times it too.
    println!("codegen took {} ms", started.elapsed().as_millis());
}

fn fail(msg: &str) -> ! {
    eprintln!("error: cannot generate the Paystack client: {msg}");
    std::process::exit(1);
}
