//! Payout intents and their states.

use std::fmt;
use std::str::FromStr;

use paystack::enums::Currency;
use paystack::Amount;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Where a payout intent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Written, not yet known to Paystack: about to be sent, or left by a crash before an
    /// answer came back.
    Pending,
    /// Sent, and the answer was lost (a timeout, a 5xx) and the lookup failed too. It may have
    /// been carried out; [`crate::Journal::recover`] looks it up again later.
    Unknown,
    /// Paystack holds it and has not finished it (a transfer `pending`, `otp`, `queued`...).
    /// A webhook or [`crate::Journal::poll`] brings the final state.
    Processing,
    /// Paid.
    Success,
    /// Refused or failed; no money moved.
    Failed,
    /// Paid, then sent back.
    Reversed,
}

impl State {
    /// Every state, in order.
    pub const ALL: [State; 6] = [
        State::Pending,
        State::Unknown,
        State::Processing,
        State::Success,
        State::Failed,
        State::Reversed,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Unknown => "unknown",
            State::Processing => "processing",
            State::Success => "success",
            State::Failed => "failed",
            State::Reversed => "reversed",
        }
    }

    /// Whether nothing more will happen to it (a success may still be reversed).
    pub fn is_final(self) -> bool {
        matches!(self, State::Success | State::Failed | State::Reversed)
    }

    /// The states an update to `self` may come from: never out of a final state, except a
    /// success that is reversed.
    pub fn reachable_from(self) -> &'static [State] {
        match self {
            State::Pending | State::Unknown => &[State::Pending, State::Unknown],
            State::Processing => &[State::Pending, State::Unknown, State::Processing],
            State::Success | State::Failed => &[State::Pending, State::Unknown, State::Processing],
            State::Reversed => &[
                State::Pending,
                State::Unknown,
                State::Processing,
                State::Success,
            ],
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        State::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| Error::Backend(format!("unknown intent state {s:?} in the store")))
    }
}

/// What kind of payout an intent is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A transfer from the balance to a recipient code (`RCP_…`); also used for the entries
    /// of a bulk transfer.
    Transfer,
    /// A charge on a saved authorization (`AUTH_…`).
    Charge,
}

impl Kind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Transfer => "transfer",
            Kind::Charge => "charge",
        }
    }
}

impl FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "transfer" => Ok(Kind::Transfer),
            "charge" => Ok(Kind::Charge),
            _ => Err(Error::Backend(format!(
                "unknown intent kind {s:?} in the store"
            ))),
        }
    }
}

/// A payout to write and send: build it with [`NewIntent::transfer`] or
/// [`NewIntent::charge`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewIntent {
    pub(crate) key: String,
    pub(crate) reference: Option<String>,
    pub(crate) kind: Kind,
    pub(crate) amount: Amount,
    pub(crate) currency: Option<Currency>,
    pub(crate) target: String,
    pub(crate) email: Option<String>,
    pub(crate) reason: Option<String>,
}

impl NewIntent {
    /// A transfer of `amount` to the recipient code `recipient`. `key` is your own name for
    /// this payout (an invoice or payout-line id): submitting it again never pays twice.
    pub fn transfer(key: impl Into<String>, amount: Amount, recipient: impl Into<String>) -> Self {
        NewIntent {
            key: key.into(),
            reference: None,
            kind: Kind::Transfer,
            amount,
            currency: None,
            target: recipient.into(),
            email: None,
            reason: None,
        }
    }

    /// A charge of `amount` on the saved authorization `authorization_code` of the customer
    /// with `email`.
    pub fn charge(
        key: impl Into<String>,
        email: impl Into<String>,
        amount: Amount,
        authorization_code: impl Into<String>,
    ) -> Self {
        NewIntent {
            key: key.into(),
            reference: None,
            kind: Kind::Charge,
            amount,
            currency: None,
            target: authorization_code.into(),
            email: Some(email.into()),
            reason: None,
        }
    }

    /// Uses this reference instead of the one derived from the key.
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// The currency (Paystack uses the integration's default when unset).
    pub fn currency(mut self, currency: Currency) -> Self {
        self.currency = Some(currency);
        self
    }

    /// The narration of a transfer.
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// The reference this intent will be sent with.
    pub fn effective_reference(&self) -> String {
        self.reference
            .clone()
            .unwrap_or_else(|| derive_reference(&self.key))
    }

    /// Checks what can be checked before writing: the key, the reference format and the
    /// amount.
    pub(crate) fn check(&self) -> Result<()> {
        if self.key.is_empty() || self.key.len() > 200 {
            return Err(Error::Invalid(
                "the key must be 1 to 200 characters long".into(),
            ));
        }
        if self.amount.subunits() <= 0 {
            return Err(Error::Invalid(format!(
                "the amount must be positive, got {} subunits",
                self.amount.subunits()
            )));
        }
        if self.target.is_empty() {
            return Err(Error::Invalid(match self.kind {
                Kind::Transfer => "the recipient code is empty".into(),
                Kind::Charge => "the authorization code is empty".into(),
            }));
        }
        let reference = self.effective_reference();
        match self.kind {
            Kind::Transfer => paystack::validate::transfer_reference(&reference),
            Kind::Charge => paystack::validate::transaction_reference(&reference),
        }
        .map_err(|e| Error::Invalid(e.to_string()))
    }
}

/// The reference for a key: `pst-` and 32 hex digits of its SHA-256, valid both as a transfer
/// and as a transaction reference, and the same on every replica.
pub fn derive_reference(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    format!("pst-{}", hex::encode(&digest[..16]))
}

/// A payout intent as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intent {
    /// The store's id.
    pub id: i64,
    /// The caller's key.
    pub key: String,
    /// The reference it is sent with.
    pub reference: String,
    /// Transfer or charge.
    pub kind: Kind,
    /// The amount in subunits.
    pub amount: i64,
    /// The currency code, when one was given.
    pub currency: Option<String>,
    /// The recipient code (transfer) or authorization code (charge).
    pub target: String,
    /// The customer's email (charges only).
    pub email: Option<String>,
    /// The narration (transfers).
    pub reason: Option<String>,
    /// Where it stands.
    pub state: State,
    /// The last error, for `unknown` and `failed` intents.
    pub error: Option<String>,
    /// Paystack's code for it (`TRF_…` for transfers), once known.
    pub paystack_code: Option<String>,
    /// Paystack's own status word, once known (`pending`, `success`, `otp`...).
    pub paystack_status: Option<String>,
    /// How many times it was sent (a resend with the same reference counts).
    pub sends: i64,
    /// The fencing token of the newest lease.
    pub token: i64,
    /// The worker holding the lease, if one does.
    pub lease_owner: Option<String>,
    /// When the lease ends, or when it is next due for recovery or polling (ms since epoch).
    pub due_at: i64,
    /// When it was written (ms since epoch).
    pub created_at: i64,
    /// When it last changed (ms since epoch).
    pub updated_at: i64,
}

impl Intent {
    /// The amount as the SDK's type.
    pub fn sdk_amount(&self) -> Result<Amount, paystack::ValidationError> {
        Amount::from_subunits(self.amount)
    }

    /// Whether `new` describes the same payout (the key was reused for the same thing).
    pub(crate) fn same_payout(&self, new: &NewIntent) -> bool {
        self.kind == new.kind
            && self.amount == new.amount.subunits()
            && self.target == new.target
            && self.currency.as_deref() == new.currency.as_ref().map(Currency::as_str)
            && new.reference.as_ref().is_none_or(|r| *r == self.reference)
    }
}

/// A lease on one intent: who holds it and its fencing token. Records made under a lease are
/// refused once a newer lease exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The intent's id.
    pub id: i64,
    /// The token the claim set.
    pub token: i64,
}

/// What a send or a lookup found, to write under a lease or from a webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The new state.
    pub state: State,
    /// Why, for `unknown` and `failed`.
    pub error: Option<String>,
    /// Paystack's code, when the answer had one.
    pub paystack_code: Option<String>,
    /// Paystack's status word.
    pub paystack_status: Option<String>,
    /// When it is next due (lease end, retry or poll time).
    pub due_at: i64,
}
