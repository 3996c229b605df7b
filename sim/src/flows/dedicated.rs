//! dedicated
use crate::world::{ApiErr, World};
use serde_json::Value;
/// Transfer in.
pub fn bank_transfer(_w: &mut World, _ix: usize, _r: &str, _o: i64) -> Result<Value, ApiErr> {
    Err(ApiErr::not_found("Dedicated account"))
}
