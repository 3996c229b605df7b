//! Handwritten flows for the operations where Paystack has rules. Everything else is served
//! by [`crate::generic`].

pub mod dedicated;
pub mod disputes;
pub mod misc;
pub mod preauth;
pub mod records;
pub mod refunds;
pub mod settlements;
pub mod subscriptions;
pub mod transactions;
pub mod transfers;

use crate::world::{Call, CallResult, World};

/// Runs the flow for this operation, or `None` to let the generic handler serve it.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    transactions::dispatch(w, ix, call)
        .or_else(|| transfers::dispatch(w, ix, call))
        .or_else(|| refunds::dispatch(w, ix, call))
        .or_else(|| settlements::dispatch(w, ix, call))
        .or_else(|| disputes::dispatch(w, ix, call))
        .or_else(|| subscriptions::dispatch(w, ix, call))
        .or_else(|| dedicated::dispatch(w, ix, call))
        .or_else(|| misc::dispatch(w, ix, call))
        .or_else(|| records::dispatch(w, ix, call))
        .or_else(|| preauth::dispatch(w, ix, call))
}
