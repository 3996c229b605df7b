//! Recovery after an unknown outcome: look the request up by its reference instead of
//! guessing.
//!
//! Requests that move money under a reference Paystack deduplicates on (transfers, charges on
//! saved authorizations, partial debits, bulk batches) have a `send_or_recover` method. It
//! sends as `send` does; when the outcome is unknown (a timeout after sending, a 5xx, an
//! unreadable answer) and the request carried a reference, it asks Paystack what became of
//! that reference:
//!
//! - found: the real record is returned as [`Recovery::Found`];
//! - not found: nothing was made, so the same request, with the same reference, is sent once
//!   more (Paystack would refuse it as a duplicate had the first one landed in between, and
//!   that refusal leads to one more lookup);
//! - the lookup fails too: the original [`Error::OutcomeUnknown`] is returned.
//!
//! A record found by lookup is trusted only when it is the request's own: its reference must
//! equal the request's, and its amount, currency and recipient or authorization must match
//! what was sent wherever the record carries them. Anything else is
//! [`Error::RecoveryMismatch`], which names both sides.
//!
//! Lookups run under the call's own options: a `.timeout(..)` or `.no_retry()` set on the
//! request applies to them too.

use std::future::Future;

use super::envelope::Response;
use super::error::{Error, RecoveryMismatch, Result};
use super::{Amount, Currency};
use crate::types;

/// What `send_or_recover` learned: Paystack's answer to the request, or the record found by
/// its reference after the answer was lost.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Recovery<S, F = S> {
    /// Paystack answered the request (the first time, or when sent again after the lookup
    /// found nothing).
    Answered(Response<S>),
    /// The answer was lost; this is what Paystack holds under the request's reference.
    Found(Response<F>),
}

impl<S, F> Recovery<S, F> {
    /// Whether the record came from a lookup after an unknown outcome.
    pub fn was_recovered(&self) -> bool {
        matches!(self, Recovery::Found(_))
    }
}

impl<T> Recovery<T, T> {
    /// The record, however it was obtained.
    pub fn into_response(self) -> Response<T> {
        match self {
            Recovery::Answered(r) | Recovery::Found(r) => r,
        }
    }
}

/// Whether a resend was refused because the reference already exists, or may have landed
/// (an unknown outcome of its own, which covers a `duplicate_reference` after a timeout).
fn resend_may_exist(e: &Error) -> bool {
    e.is_duplicate_reference() || e.as_outcome_unknown().is_some()
}

/// Sends, and on an unknown outcome with a reference, looks up, then resends at most once.
///
/// `check` says whether a record found by lookup is the request's own; a record that is not
/// ends the call with [`Error::RecoveryMismatch`], never with `Found`.
pub(crate) async fn send_or_recover<S, F, L, LF, R, RF>(
    first: impl Future<Output = Result<Response<S>>>,
    lookup: L,
    check: impl Fn(&F) -> std::result::Result<(), Box<RecoveryMismatch>>,
    resend: R,
) -> Result<Recovery<S, F>>
where
    L: Fn() -> LF,
    LF: Future<Output = Result<Response<F>>>,
    R: FnOnce() -> RF,
    RF: Future<Output = Result<Response<S>>>,
{
    let unknown = match first.await {
        Ok(answer) => return Ok(Recovery::Answered(answer)),
        Err(Error::OutcomeUnknown(u)) if u.reference.is_some() => u,
        Err(e) => return Err(e),
    };
    tracing::info!(
        operation = unknown.operation,
        "outcome unknown; looking the request up by its reference"
    );
    let verified = |found: Response<F>| match check(&found.data) {
        Ok(()) => Ok(Recovery::Found(found)),
        Err(mismatch) => Err(Error::RecoveryMismatch(mismatch)),
    };
    match lookup().await {
        Ok(found) => verified(found),
        Err(e) if e.is_not_found() => match resend().await {
            Ok(answer) => Ok(Recovery::Answered(answer)),
            Err(e) if resend_may_exist(&e) => match lookup().await {
                Ok(found) => verified(found),
                // The resend may have landed and the lookup cannot tell: still unknown.
                Err(_) => Err(match e {
                    Error::OutcomeUnknown(resent) => Error::OutcomeUnknown(resent),
                    _ => Error::OutcomeUnknown(unknown),
                }),
            },
            Err(e) => Err(e),
        },
        Err(_) => Err(Error::OutcomeUnknown(unknown)),
    }
}

/// What a by-reference request sent, to check a record found by lookup against.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sent {
    pub(crate) operation: &'static str,
    pub(crate) reference: String,
    pub(crate) amount: Option<Amount>,
    /// A partial debit may take less than it asked for, down to `at_least`: the found amount
    /// must lie in that range instead of being equal.
    pub(crate) partial: Option<Option<Amount>>,
    pub(crate) currency: Option<Currency>,
    pub(crate) recipient: Option<String>,
    pub(crate) authorization: Option<String>,
}

/// The fields of a found record that [`Sent::check`] compares, where the record carries them.
#[derive(Debug, Default)]
pub(crate) struct Seen<'a> {
    pub(crate) reference: Option<&'a str>,
    pub(crate) amount: Option<Amount>,
    pub(crate) currency: Option<&'a Currency>,
    pub(crate) recipient: Option<&'a str>,
    pub(crate) authorization: Option<&'a str>,
}

/// A record a lookup can return.
pub(crate) trait Record {
    fn seen(&self) -> Seen<'_>;
}

impl Record for types::Transfer {
    fn seen(&self) -> Seen<'_> {
        Seen {
            reference: self.reference.as_deref(),
            amount: self.amount,
            currency: self.currency.as_ref(),
            recipient: self.recipient.as_ref().and_then(|r| r.code()),
            authorization: None,
        }
    }
}

/// Transactions and charges carry the same fields recovery compares.
macro_rules! payment_record {
    ($($ty:ty),*) => {$(
        impl Record for $ty {
            fn seen(&self) -> Seen<'_> {
                Seen {
                    reference: self.reference.as_deref(),
                    amount: self.amount,
                    currency: self.currency.as_ref(),
                    recipient: None,
                    authorization: self
                        .authorization
                        .as_ref()
                        .and_then(|a| a.authorization_code.as_deref())
                        .filter(|code| !code.is_empty()),
                }
            }
        }
    )*};
}

payment_record!(types::Transaction, types::Charge);

impl Sent {
    /// Whether `found` is this request's record.
    pub(crate) fn check(
        &self,
        found: &impl Record,
    ) -> std::result::Result<(), Box<RecoveryMismatch>> {
        let seen = found.seen();
        let mismatch = |field: &'static str, sent: String, found: Option<String>| {
            Box::new(RecoveryMismatch {
                operation: self.operation,
                reference: self.reference.clone(),
                field,
                sent,
                found: found.unwrap_or_else(|| "nothing".into()),
            })
        };
        if seen.reference != Some(self.reference.as_str()) {
            return Err(mismatch(
                "reference",
                self.reference.clone(),
                seen.reference.map(str::to_string),
            ));
        }
        if let (Some(sent), Some(found)) = (self.amount, seen.amount) {
            let fits = match self.partial {
                Some(at_least) => found <= sent && at_least.is_none_or(|least| found >= least),
                None => found == sent,
            };
            if !fits {
                return Err(mismatch(
                    "amount",
                    format!("{} subunits", sent.subunits()),
                    Some(format!("{} subunits", found.subunits())),
                ));
            }
        }
        if let (Some(sent), Some(found)) = (&self.currency, seen.currency) {
            if sent != found {
                return Err(mismatch(
                    "currency",
                    sent.to_string(),
                    Some(found.to_string()),
                ));
            }
        }
        if let (Some(sent), Some(found)) = (&self.recipient, seen.recipient) {
            if sent != found {
                return Err(mismatch("recipient", sent.clone(), Some(found.to_string())));
            }
        }
        if let (Some(sent), Some(found)) = (&self.authorization, seen.authorization) {
            if sent != found {
                return Err(mismatch(
                    "authorization",
                    sent.clone(),
                    Some(found.to_string()),
                ));
            }
        }
        Ok(())
    }

    /// Checks a batch's records, found in the order of the batch's entries.
    pub(crate) fn check_each<T: Record>(
        sent: &[Sent],
        found: &[T],
    ) -> std::result::Result<(), Box<RecoveryMismatch>> {
        for (entry, record) in sent.iter().zip(found) {
            entry.check(record)?;
        }
        if let Some(missing) = sent.get(found.len()) {
            return Err(Box::new(RecoveryMismatch {
                operation: missing.operation,
                reference: missing.reference.clone(),
                field: "reference",
                sent: missing.reference.clone(),
                found: "nothing".into(),
            }));
        }
        Ok(())
    }
}

/// The lookup of a bulk request: each entry's record by its reference, in order. The first
/// failed lookup ends it, so a bulk request is resent only when every entry is known absent.
pub(crate) async fn each_reference<T, L, LF>(
    references: &[String],
    lookup: L,
) -> Result<Response<Vec<T>>>
where
    L: Fn(String) -> LF,
    LF: Future<Output = Result<Response<T>>>,
{
    let mut found = Vec::with_capacity(references.len());
    for reference in references {
        found.push(lookup(reference.clone()).await?.data);
    }
    Ok(Response {
        data: found,
        message: "found by reference after an unknown outcome".into(),
        meta: None,
    })
}
