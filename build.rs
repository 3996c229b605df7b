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
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("paystack_generated.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&e.to_string()));
    // Shown by `cargo build -vv` (build-script output); `cargo xtask regen` times it too.
    println!("codegen took {} ms", started.elapsed().as_millis());
}

fn fail(msg: &str) -> ! {
    eprintln!("error: cannot generate the Paystack client: {msg}");
    std::process::exit(1);
}
