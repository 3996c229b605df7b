//! transfers
use crate::world::{ApiErr, TransferOutcome, World};
use serde_json::Value;
/// Settles.
pub fn settle(_w: &mut World, _ix: usize, _r: &str, _o: TransferOutcome) -> Result<Value, ApiErr> {
    Err(ApiErr::not_found("Transfer"))
}
/// Due.
pub fn settle_due(_w: &mut World, _ix: usize, _n: chrono::DateTime<chrono::Utc>) {}
