//! Embeds the same bundled spec the SDK is generated from, so the simulator routes and
//! validates from it and never reads a file at run time.

// `openapi` is a link to the workspace's `openapi/`, so the published crate carries the spec.
#[path = "openapi/bundle.rs"]
#[allow(dead_code)]
mod bundle;

use std::path::Path;

fn main() {
    // Read at run time: `env!` would bake in the path of whichever checkout compiled the
    // script, and checkouts sharing a target directory would then read each other's spec.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("openapi");
    println!("cargo:rerun-if-changed={}", dir.display());
    let spec = bundle::bundle(&dir).unwrap_or_else(|e| panic!("bundling openapi/: {e}"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("spec.json");
    std::fs::write(&out, serde_json::to_vec(&spec).expect("spec as JSON"))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
