//! Keys and fixture loading shared by the webhook tests.

use paystack::webhook::Webhook;

/// The integration under test.
pub const KEY: &str = "sk_test_h7hookkey0001";

/// Some other integration's key.
pub const OTHER_KEY: &str = "sk_test_0therintegrati0n";

/// A verifier for [`KEY`].
pub fn webhook() -> Webhook {
    Webhook::new(KEY).expect("test key parses")
}

/// The raw bytes of `tests/fixtures/webhook/<name>.json`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/webhook/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// A fixture with the signature Paystack would send for it under [`KEY`].
pub fn signed(name: &str) -> (Vec<u8>, String) {
    let body = fixture(name);
    let sig = paystack::webhook::sign(KEY, &body);
    (body, sig)
}
