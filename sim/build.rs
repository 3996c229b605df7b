//! Embeds the same bundled spec the SDK is generated from, so the simulator routes and
//! validates from it and never reads a file at run time.

// `openapi` is a link to the workspace's `openapi/`, so the published crate carries the spec.
#[path = "openapi/bundle.rs"]
#[allow(dead_code)]
mod bundle;

use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi");
    println!("cargo:rerun-if-changed={}", dir.display());
    let spec = bundle::bundle(&dir).unwrap_or_else(|e| panic!("bundling openapi/: {e}"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("spec.json");
    std::fs::write(&out, serde_json::to_vec(&spec).expect("spec as JSON"))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
