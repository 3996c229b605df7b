//! refunds
use crate::world::World;
/// Due.
pub fn process_due(_w: &mut World, _ix: usize, _n: chrono::DateTime<chrono::Utc>) {}
