//! What the spec cannot say about an event's `data`: which field is its reference, its
//! amount, and the key that tells a retried delivery from a new event.
//!
//! The payload types themselves are the generated [`crate::types`], shared with the API
//! (`charge.success` carries a [`types::Transaction`], `transfer.success` a
//! [`types::Transfer`]...). Each one an event can carry implements [`Payload`]; the
//! accessors on [`super::Event`] dispatch through it, so an event whose type lacks the
//! implementation does not compile.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::api::{Amount, Id, Text};
use crate::enums::Domain;
use crate::types;

/// The facts every webhook payload type answers, used by [`super::Event`]'s accessors.
///
/// Every method is required, so a new payload type says explicitly which facts it lacks.
pub trait Payload: DeserializeOwned + Serialize {
    /// The reference of the payment or transfer the payload is about, where it has one.
    fn reference(&self) -> Option<&str>;

    /// The amount the payload is about, in subunits, where it has one.
    fn amount(&self) -> Option<Amount>;

    /// Test or live, when the payload says.
    fn domain(&self) -> Option<&Domain>;

    /// The part of [`super::Event::dedupe_key`] after the event name, from the payload's
    /// own fields; `event` is the event name, for types shared by several events.
    fn natural_key(&self, event: &str) -> Option<String>;

    /// Top-level keys a delivery spells differently from the API, as `(webhook, api)`:
    /// the webhook's spelling is read when the API's is absent.
    #[doc(hidden)]
    const RENAMED: &'static [(&'static str, &'static str)] = &[];
}

impl<T: Payload> Payload for Box<T> {
    fn reference(&self) -> Option<&str> {
        T::reference(self)
    }
    fn amount(&self) -> Option<Amount> {
        T::amount(self)
    }
    fn domain(&self) -> Option<&Domain> {
        T::domain(self)
    }
    fn natural_key(&self, event: &str) -> Option<String> {
        T::natural_key(self, event)
    }
    const RENAMED: &'static [(&'static str, &'static str)] = T::RENAMED;
}

fn text(v: &Option<Text>) -> Option<String> {
    v.as_ref().and_then(|t| t.non_empty()).map(str::to_string)
}

fn string<T: std::ops::Deref<Target = str>>(v: &Option<T>) -> Option<String> {
    v.as_deref().filter(|s| !s.is_empty()).map(str::to_string)
}

fn id(v: &Option<Id>) -> Option<String> {
    v.as_ref().map(Id::to_string)
}

/// A timestamp in one spelling (RFC 3339 in UTC), so a key does not depend on how precise
/// the sender's clock string was; text that is no timestamp is kept as it is.
fn instant(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&chrono::Utc).to_rfc3339())
        .unwrap_or_else(|_| at.to_string())
}

/// API records spell these in camelCase; the same records in webhooks use snake_case.
const TIMESTAMPS: &[(&str, &str)] = &[("created_at", "createdAt"), ("updated_at", "updatedAt")];

impl types::CustomerSummary {
    /// The customer code, from `customer_code` or, in direct-debit events, `code`.
    pub fn code(&self) -> Option<&str> {
        self.customer_code
            .as_deref()
            .filter(|c| !c.is_empty())
            .or_else(|| self.code.as_ref().and_then(|c| c.non_empty()))
    }
}

impl Payload for types::Transaction {
    fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.reference).or_else(|| id(&self.id))
    }
}

impl Payload for types::Dispute {
    fn reference(&self) -> Option<&str> {
        match &self.transaction {
            Some(types::DisputeTransactionRef::Transaction(t)) => t.reference.as_deref(),
            _ => None,
        }
        .or(self.transaction_reference.as_deref())
    }
    fn amount(&self) -> Option<Amount> {
        self.refund_amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    /// The dispute id; for reminders also the time of the change, since one dispute is
    /// reminded about more than once.
    fn natural_key(&self, event: &str) -> Option<String> {
        let id = id(&self.id)?;
        match (event, string(&self.updated_at)) {
            ("charge.dispute.remind", Some(at)) => Some(format!("{id}:{}", instant(&at))),
            _ => Some(id),
        }
    }
    const RENAMED: &'static [(&'static str, &'static str)] = TIMESTAMPS;
}

impl Payload for types::CustomerIdentificationResult {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        None
    }
    fn domain(&self) -> Option<&Domain> {
        None
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.customer_code).or_else(|| id(&self.customer_id))
    }
}

impl Payload for types::DedicatedAccountAssignOutcome {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        None
    }
    fn domain(&self) -> Option<&Domain> {
        self.customer.as_ref().and_then(|c| c.domain.as_ref())
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        let c = self.customer.as_ref()?;
        c.code().map(str::to_string).or_else(|| id(&c.id))
    }
}

impl Payload for types::DirectDebitAuthorization {
    fn amount(&self) -> Option<Amount> {
        None
    }
    fn reference(&self) -> Option<&str> {
        self.reference.as_ref().and_then(|r| r.non_empty())
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.authorization_code).or_else(|| text(&self.reference))
    }
}

impl Payload for types::Invoice {
    /// The reference of the payment that settled the invoice, once paid.
    fn reference(&self) -> Option<&str> {
        self.transaction
            .as_ref()
            .and_then(|t| t.reference.as_ref())
            .and_then(|r| r.non_empty())
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    /// The invoice code; for `invoice.update` also the status, since one invoice is
    /// updated more than once (raised, then paid or failed).
    fn natural_key(&self, event: &str) -> Option<String> {
        let code = text(&self.invoice_code)?;
        match (event, text(&self.status)) {
            ("invoice.update", Some(status)) => Some(format!("{code}:{status}")),
            _ => Some(code),
        }
    }
}

impl Payload for types::PaymentRequest {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.request_code).or_else(|| id(&self.id))
    }
}

impl Payload for types::Preauthorization {
    fn reference(&self) -> Option<&str> {
        self.reference.as_ref().and_then(|r| r.non_empty())
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        text(&self.reference).or_else(|| id(&self.id))
    }
}

impl Payload for types::Refund {
    /// The refunded payment's reference (refund webhooks have no `reference` of their own).
    fn reference(&self) -> Option<&str> {
        self.transaction_reference.as_deref()
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    /// The payment's reference and the refund's (else its id, else its amount), since one
    /// payment can be refunded in parts.
    fn natural_key(&self, _: &str) -> Option<String> {
        let part = text(&self.refund_reference)
            .or_else(|| id(&self.id))
            .or_else(|| self.amount.map(|a| a.subunits().to_string()));
        match (string(&self.transaction_reference), part) {
            (Some(tx), Some(part)) => Some(format!("{tx}:{part}")),
            (tx, None) => tx,
            (None, part) => part,
        }
    }
}

impl Payload for types::Subscription {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.subscription_code).or_else(|| id(&self.id))
    }
    const RENAMED: &'static [(&'static str, &'static str)] = TIMESTAMPS;
}

/// `subscription.expiring_cards`: the subscription codes listed, sorted.
impl Payload for Vec<types::ExpiringCard> {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        None
    }
    fn domain(&self) -> Option<&Domain> {
        None
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        let mut codes: Vec<&str> = self
            .iter()
            .filter_map(|c| c.subscription.as_ref())
            .filter_map(|s| s.subscription_code.as_deref())
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        (!codes.is_empty()).then(|| codes.join(","))
    }
}

impl Payload for types::Transfer {
    fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }
    fn amount(&self) -> Option<Amount> {
        self.amount
    }
    fn domain(&self) -> Option<&Domain> {
        self.domain.as_ref()
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        string(&self.transfer_code)
            .or_else(|| string(&self.reference))
            .or_else(|| id(&self.id))
    }
    const RENAMED: &'static [(&'static str, &'static str)] = TIMESTAMPS;
}

impl Payload for types::BankTransferRejection {
    fn reference(&self) -> Option<&str> {
        None
    }
    fn amount(&self) -> Option<Amount> {
        self.bank_transfer.as_ref().and_then(|t| t.amount)
    }
    fn domain(&self) -> Option<&Domain> {
        self.customer.as_ref().and_then(|c| c.domain.as_ref())
    }
    fn natural_key(&self, _: &str) -> Option<String> {
        self.bank_transfer
            .as_ref()
            .and_then(|t| id(&t.transaction_id))
    }
}
