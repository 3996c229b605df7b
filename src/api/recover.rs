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

use std::future::Future;

use super::envelope::Response;
use super::error::{Error, Result};

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

/// Whether a lookup's error means "no record under that reference".
fn not_found(e: &Error) -> bool {
    e.as_api().is_some_and(|api| {
        api.status == 404
            || api
                .code
                .as_ref()
                .is_some_and(|c| c.as_str().ends_with("_not_found"))
    })
}

/// Whether a resend was refused because the reference already exists.
fn duplicate(e: &Error) -> bool {
    e.as_api().is_some_and(|api| {
        api.code
            .as_ref()
            .is_some_and(|c| c.as_str().starts_with("duplicate"))
    })
}

/// Sends, and on an unknown outcome with a reference, looks up, then resends at most once.
pub(crate) async fn send_or_recover<S, F, L, LF, R, RF>(
    first: impl Future<Output = Result<Response<S>>>,
    lookup: L,
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
    match lookup().await {
        Ok(found) => Ok(Recovery::Found(found)),
        Err(e) if not_found(&e) => match resend().await {
            Ok(answer) => Ok(Recovery::Answered(answer)),
            Err(e) if duplicate(&e) => match lookup().await {
                Ok(found) => Ok(Recovery::Found(found)),
                Err(_) => Err(Error::OutcomeUnknown(unknown)),
            },
            Err(e) => Err(e),
        },
        Err(_) => Err(Error::OutcomeUnknown(unknown)),
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
