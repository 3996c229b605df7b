//! Signature verification and the [`Webhook`] verifier.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::str::FromStr;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use sha2::Sha512;

use super::error::{SignatureFormatError, WebhookError};
use super::event::Event;
use crate::api::{Mode, Paystack, SecretKey, ValidationError};

type HmacSha512 = Hmac<Sha512>;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "x-paystack-signature";

/// The largest body [`Webhook`] accepts unless told otherwise: 1 MiB. Real events are a few
/// kilobytes.
pub const DEFAULT_MAX_BODY_SIZE: usize = 1024 * 1024;

/// Hex digits in an HMAC-SHA512 signature.
const SIGNATURE_HEX_LEN: usize = 128;

/// The addresses Paystack sends webhooks from, for test and live alike.
pub const PAYSTACK_WEBHOOK_IPS: [IpAddr; 3] = [
    IpAddr::V4(Ipv4Addr::new(52, 31, 139, 75)),
    IpAddr::V4(Ipv4Addr::new(52, 49, 173, 169)),
    IpAddr::V4(Ipv4Addr::new(52, 214, 14, 220)),
];

/// An HMAC-SHA512 keyed with `key`.
fn mac_for(key: &[u8]) -> HmacSha512 {
    // HMAC accepts keys of any length (long ones are hashed, short ones padded), so the
    // `InvalidLength` error of the generic `KeyInit` API cannot happen for it.
    <HmacSha512 as Mac>::new_from_slice(key).expect("HMAC takes keys of any length")
}

/// The `x-paystack-signature` value Paystack would send for `body` under `secret_key`:
/// lowercase hex of the HMAC-SHA512 of the raw bytes.
///
/// Meant for tests of your own webhook handler: sign a fixture body with your test key and
/// send it with this header.
///
/// ```
/// let body = br#"{"event":"charge.success","data":{"reference":"order-7"}}"#;
/// let signature = paystack::webhook::sign("sk_test_4f9c2b7e1a3d", body);
/// assert_eq!(signature.len(), 128);
/// ```
pub fn sign(secret_key: &str, body: impl AsRef<[u8]>) -> String {
    let mut mac = mac_for(secret_key.as_bytes());
    mac.update(body.as_ref());
    hex::encode(mac.finalize().into_bytes())
}

/// Checks the header's shape and decodes it. Upper- and lowercase hex are both accepted.
fn decode_signature(header: &str) -> Result<Vec<u8>, SignatureFormatError> {
    let trimmed = header.trim_matches(|c: char| c.is_ascii_whitespace());
    if !trimmed.is_ascii() {
        return Err(SignatureFormatError::NotAscii);
    }
    if trimmed.len() != SIGNATURE_HEX_LEN {
        return Err(SignatureFormatError::WrongLength {
            found: trimmed.len(),
        });
    }
    hex::decode(trimmed).map_err(|_| SignatureFormatError::NotHex)
}

/// The webhook source addresses to accept, for an IP check in front of the signature check.
///
/// Defaults to [`PAYSTACK_WEBHOOK_IPS`]; replace it when Paystack announces new addresses or
/// to test from elsewhere. IPv4 addresses written as IPv6 (`::ffff:52.31.139.75`, as dual-stack
/// listeners report them) match their IPv4 entry.
///
/// The signature is what proves a delivery came from Paystack; the IP check is an extra
/// layer. Behind a proxy or load balancer the peer address is the proxy's: check the client
/// address your proxy reports instead, or skip the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpAllowList {
    ips: Vec<IpAddr>,
}

impl Default for IpAllowList {
    fn default() -> Self {
        Self::paystack()
    }
}

impl IpAllowList {
    /// Paystack's published addresses ([`PAYSTACK_WEBHOOK_IPS`]).
    pub fn paystack() -> Self {
        Self::new(PAYSTACK_WEBHOOK_IPS)
    }

    /// Exactly these addresses.
    pub fn new(ips: impl IntoIterator<Item = IpAddr>) -> Self {
        IpAllowList {
            ips: ips.into_iter().map(|ip| ip.to_canonical()).collect(),
        }
    }

    /// Parses a comma- or whitespace-separated list, e.g. from a configuration value.
    pub fn parse(list: &str) -> Result<Self, std::net::AddrParseError> {
        let ips = list
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(IpAddr::from_str)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::new(ips))
    }

    /// Whether `ip` is on the list.
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.ips.contains(&ip.to_canonical())
    }

    /// The addresses on the list.
    pub fn ips(&self) -> &[IpAddr] {
        &self.ips
    }
}

impl FromStr for IpAllowList {
    type Err = std::net::AddrParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Verifies and decodes Paystack webhook deliveries for one integration.
///
/// Paystack signs each delivery with the integration's **secret key** (there is no separate
/// webhook secret): the `x-paystack-signature` header is the hex HMAC-SHA512 of the raw body.
/// [`Webhook::parse`] checks that in constant time **before** reading anything from the body,
/// then decodes the [`Event`].
///
/// ```
/// use paystack::webhook::{self, Event, Webhook};
///
/// let hook = Webhook::new("sk_test_4f9c2b7e1a3d")?;
/// let body = br#"{"event":"charge.success","data":{"reference":"order-7","amount":"250000"}}"#;
/// let header = webhook::sign("sk_test_4f9c2b7e1a3d", body);
///
/// let event = hook.parse(Some(&header), body)?;
/// assert!(matches!(event, Event::ChargeSuccess(_)));
/// assert_eq!(event.reference(), Some("order-7"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Build it from the key string with [`Webhook::new`], from a [`SecretKey`] you already hold
/// with [`Webhook::from_key`], or from a client with [`Paystack::webhook`] (also
/// `Webhook::from(&client)`). Cloning is cheap. `Debug` never shows the key.
///
/// Hex case: the header is matched case-insensitively, so an uppercase signature verifies
/// too. Hex is a spelling of the bytes, and the bytes are what is compared; rejecting one
/// spelling would add no security. Surrounding whitespace is ignored.
#[derive(Clone)]
pub struct Webhook {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    key: SecretKey,
    max_body_size: usize,
    allowed_ips: IpAllowList,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("key", &self.inner.key)
            .field("max_body_size", &self.inner.max_body_size)
            .field("allowed_ips", &self.inner.allowed_ips.ips)
            .finish()
    }
}

impl Webhook {
    /// A verifier for the integration whose secret key is `secret_key` (`sk_test_…` or
    /// `sk_live_…`). A public key (`pk_…`) or a malformed key is refused.
    pub fn new(secret_key: impl Into<String>) -> Result<Self, ValidationError> {
        SecretKey::parse(secret_key).map(Self::from_key)
    }

    /// A verifier for a key already parsed.
    pub fn from_key(key: SecretKey) -> Self {
        Webhook {
            inner: Arc::new(Inner {
                key,
                max_body_size: DEFAULT_MAX_BODY_SIZE,
                allowed_ips: IpAllowList::paystack(),
            }),
        }
    }

    /// Refuses bodies longer than `bytes` with [`WebhookError::BodyTooLarge`] (default
    /// [`DEFAULT_MAX_BODY_SIZE`], 1 MiB).
    #[must_use]
    pub fn with_max_body_size(mut self, bytes: usize) -> Self {
        Arc::make_mut(&mut self.inner).max_body_size = bytes;
        self
    }

    /// Replaces the source addresses [`Webhook::is_allowed_ip`] accepts.
    #[must_use]
    pub fn with_allowed_ips(mut self, ips: IpAllowList) -> Self {
        Arc::make_mut(&mut self.inner).allowed_ips = ips;
        self
    }

    /// The body size limit, in bytes.
    pub fn max_body_size(&self) -> usize {
        self.inner.max_body_size
    }

    /// The source addresses accepted.
    pub fn allowed_ips(&self) -> &IpAllowList {
        &self.inner.allowed_ips
    }

    /// Whether a delivery from `ip` comes from an allowed address (Paystack's by default).
    /// See [`IpAllowList`] about proxies.
    pub fn is_allowed_ip(&self, ip: IpAddr) -> bool {
        self.inner.allowed_ips.contains(ip)
    }

    /// Test or live, from the key.
    pub fn mode(&self) -> Mode {
        self.inner.key.mode()
    }

    /// The signature Paystack would send for `body` with this key; see [`sign`].
    pub fn sign(&self, body: impl AsRef<[u8]>) -> String {
        sign(self.inner.key.expose(), body)
    }

    /// Checks only that the header is present and well formed, without the body. The axum
    /// extractor uses it to answer 401 before reading the body.
    pub fn check_signature_format(&self, signature: Option<&str>) -> Result<(), WebhookError> {
        let header = signature.ok_or(WebhookError::MissingSignature)?;
        decode_signature(header)
            .map(drop)
            .map_err(WebhookError::MalformedSignature)
    }

    /// Checks `signature` (the `x-paystack-signature` header, `None` when absent) against the
    /// raw `body`. Nothing in the body is read.
    ///
    /// The order of checks: header present, header well formed (128 hex digits), body within
    /// the size limit, then the HMAC compared in constant time.
    pub fn verify(&self, signature: Option<&str>, body: &[u8]) -> Result<(), WebhookError> {
        let header = signature.ok_or(WebhookError::MissingSignature)?;
        let expected = decode_signature(header).map_err(WebhookError::MalformedSignature)?;
        if body.len() > self.inner.max_body_size {
            return Err(WebhookError::BodyTooLarge {
                limit: self.inner.max_body_size,
            });
        }
        let mut mac = mac_for(self.inner.key.expose().as_bytes());
        mac.update(body);
        mac.verify_slice(&expected)
            .map_err(|_| WebhookError::SignatureMismatch)
    }

    /// Verifies the delivery, then decodes it into an [`Event`].
    ///
    /// A body that fails verification is never parsed. An empty or non-JSON body with a valid
    /// signature gives [`WebhookError::Decode`]; so does a known event whose `data` does not
    /// fit its type (the error names the JSON path and keeps the `data` as generic JSON).
    /// An unknown event name gives [`Event::Unknown`].
    pub fn parse(&self, signature: Option<&str>, body: &[u8]) -> Result<Event, WebhookError> {
        self.verify(signature, body)?;
        Event::from_slice(body)
    }

    /// [`Webhook::parse`] reading the signature from HTTP headers (the `http` crate's
    /// `HeaderMap`, as used by axum, hyper, reqwest and most Rust servers).
    pub fn parse_http(
        &self,
        headers: &reqwest::header::HeaderMap,
        body: &[u8],
    ) -> Result<Event, WebhookError> {
        let signature = signature_from_headers(headers)?;
        self.parse(signature, body)
    }
}

impl From<&Paystack> for Webhook {
    fn from(client: &Paystack) -> Self {
        Webhook::from_key(client.secret_key().clone())
    }
}

impl Paystack {
    /// A webhook verifier for this client's integration, keyed with the same secret key.
    pub fn webhook(&self) -> Webhook {
        Webhook::from(self)
    }
}

/// Reads the signature header; a value that is not text counts as malformed.
pub(crate) fn signature_from_headers(
    headers: &reqwest::header::HeaderMap,
) -> Result<Option<&str>, WebhookError> {
    match headers.get(SIGNATURE_HEADER) {
        None => Ok(None),
        Some(value) => value
            .to_str()
            .map(Some)
            .map_err(|_| WebhookError::MalformedSignature(SignatureFormatError::NotAscii)),
    }
}
