//! transactions
use crate::world::{ApiErr, PayOutcome, World};
use serde_json::Value;
/// Pays.
pub fn pay(_w: &mut World, _ix: usize, _r: &str, _o: PayOutcome) -> Result<Value, ApiErr> {
    Err(ApiErr::not_found("Transaction"))
}
