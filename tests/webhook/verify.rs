//! Signature verification: what passes and what each failure reports.

use paystack::webhook::{self, SignatureFormatError, Webhook, WebhookError};
use paystack::{SecretKey, ValidationError};

use crate::common::{fixture, signed, webhook, KEY, OTHER_KEY};

#[test]
fn correct_signature_passes() {
    let (body, sig) = signed("charge.success");
    assert_eq!(webhook().verify(Some(&sig), &body), Ok(()));
}

#[test]
fn sign_is_lowercase_hex_of_hmac_sha512() {
    use hmac::{Hmac, Mac};
    let body = fixture("transfer.success");
    let mut mac = Hmac::<sha2::Sha512>::new_from_slice(KEY.as_bytes()).unwrap();
    mac.update(&body);
    let expected = hex::encode(mac.finalize().into_bytes());
    let sig = webhook::sign(KEY, &body);
    assert_eq!(sig, expected);
    assert_eq!(sig.len(), 128);
    assert!(sig
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    assert_eq!(webhook().sign(&body), sig);
}

#[test]
fn one_byte_body_change_fails() {
    let (mut body, sig) = signed("charge.success");
    let at = body.iter().position(|b| *b == b'5').unwrap();
    body[at] = b'6';
    assert_eq!(
        webhook().verify(Some(&sig), &body),
        Err(WebhookError::SignatureMismatch)
    );
    // Appending one byte fails too.
    let (mut body, sig) = signed("charge.success");
    body.push(b' ');
    assert_eq!(
        webhook().parse(Some(&sig), &body).unwrap_err(),
        WebhookError::SignatureMismatch
    );
}

#[test]
fn one_char_signature_change_fails() {
    let (body, sig) = signed("refund.processed");
    for at in [0, 63, 127] {
        let mut chars: Vec<char> = sig.chars().collect();
        chars[at] = if chars[at] == '0' { '1' } else { '0' };
        let forged: String = chars.into_iter().collect();
        assert_eq!(
            webhook().verify(Some(&forged), &body),
            Err(WebhookError::SignatureMismatch),
            "changed char {at}"
        );
    }
}

#[test]
fn uppercase_hex_is_accepted() {
    let (body, sig) = signed("charge.success");
    let upper = sig.to_ascii_uppercase();
    assert_ne!(upper, sig);
    assert_eq!(webhook().verify(Some(&upper), &body), Ok(()));
    let event = webhook().parse(Some(&upper), &body).unwrap();
    assert_eq!(event.name(), "charge.success");
}

#[test]
fn surrounding_whitespace_is_ignored() {
    let (body, sig) = signed("charge.success");
    assert_eq!(webhook().verify(Some(&format!(" {sig}\t")), &body), Ok(()));
}

#[test]
fn another_integrations_key_fails() {
    let body = fixture("charge.success");
    let theirs = webhook::sign(OTHER_KEY, &body);
    assert_eq!(
        webhook().verify(Some(&theirs), &body),
        Err(WebhookError::SignatureMismatch)
    );
    // And the other way round.
    let other = Webhook::new(OTHER_KEY).unwrap();
    let ours = webhook::sign(KEY, &body);
    assert_eq!(
        other.verify(Some(&ours), &body),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn missing_header_is_its_own_error() {
    let body = fixture("charge.success");
    let err = webhook().parse(None, &body).unwrap_err();
    assert_eq!(err, WebhookError::MissingSignature);
    assert_eq!(err.status_code(), 401);
}

#[test]
fn malformed_headers_are_refused_before_any_hmac() {
    let body = fixture("charge.success");
    let cases = [
        ("", SignatureFormatError::WrongLength { found: 0 }),
        ("abc123", SignatureFormatError::WrongLength { found: 6 }),
        (
            &"a".repeat(129)[..],
            SignatureFormatError::WrongLength { found: 129 },
        ),
        (&"g".repeat(128)[..], SignatureFormatError::NotHex),
        (
            &format!("{}zz", "0".repeat(126))[..],
            SignatureFormatError::NotHex,
        ),
        (&"é".repeat(64)[..], SignatureFormatError::NotAscii),
    ];
    for (header, expected) in cases {
        let err = webhook().verify(Some(header), &body).unwrap_err();
        assert_eq!(
            err,
            WebhookError::MalformedSignature(expected),
            "{header:?}"
        );
        assert!(err.is_signature_error());
    }
    // A sha256-sized signature (64 hex digits) is the wrong length, not a mismatch.
    let short = &webhook::sign(KEY, &body)[..64];
    assert_eq!(
        webhook().verify(Some(short), &body),
        Err(WebhookError::MalformedSignature(
            SignatureFormatError::WrongLength { found: 64 }
        ))
    );
}

#[test]
fn oversized_body_is_refused_before_hmac() {
    let hook = webhook().with_max_body_size(64);
    assert_eq!(hook.max_body_size(), 64);
    let body = vec![b'{'; 65];
    let sig = webhook::sign(KEY, &body);
    let err = hook.verify(Some(&sig), &body).unwrap_err();
    assert_eq!(err, WebhookError::BodyTooLarge { limit: 64 });
    assert_eq!(err.status_code(), 413);
    // Exactly at the limit is fine.
    let body = vec![b' '; 64];
    let sig = webhook::sign(KEY, &body);
    assert_eq!(hook.verify(Some(&sig), &body), Ok(()));
}

#[test]
fn default_limit_is_one_mebibyte() {
    assert_eq!(webhook().max_body_size(), 1024 * 1024);
    let huge = vec![b'a'; 1024 * 1024 + 1];
    let sig = webhook::sign(KEY, &huge);
    assert_eq!(
        webhook().parse(Some(&sig), &huge).unwrap_err(),
        WebhookError::BodyTooLarge { limit: 1024 * 1024 }
    );
}

#[test]
fn keys_are_checked_and_never_printed() {
    assert_eq!(
        Webhook::new("pk_test_h7hookkey0001").unwrap_err(),
        ValidationError::PublicKey
    );
    assert_eq!(Webhook::new("").unwrap_err(), ValidationError::EmptyKey);
    let hook = Webhook::from_key(SecretKey::parse(KEY).unwrap());
    let shown = format!("{hook:?}");
    assert!(!shown.contains("h7hookkey0001"), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
}

#[test]
fn client_hands_out_a_verifier_for_its_key() {
    let client = paystack::Paystack::new(KEY).unwrap();
    let (body, sig) = signed("charge.success");
    assert_eq!(client.webhook().verify(Some(&sig), &body), Ok(()));
    assert_eq!(Webhook::from(&client).verify(Some(&sig), &body), Ok(()));
}

#[test]
fn parse_http_reads_the_header() {
    use reqwest::header::{HeaderMap, HeaderValue};
    let (body, sig) = signed("transfer.failed");
    let mut headers = HeaderMap::new();
    headers.insert("X-Paystack-Signature", HeaderValue::from_str(&sig).unwrap());
    assert_eq!(
        webhook().parse_http(&headers, &body).unwrap().name(),
        "transfer.failed"
    );
    assert_eq!(
        webhook().parse_http(&HeaderMap::new(), &body).unwrap_err(),
        WebhookError::MissingSignature
    );
}
