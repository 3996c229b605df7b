//! Optional persistence.
use crate::world::World;
/// Store.
#[derive(Debug)]
pub struct Store;
impl Store {
    /// Open.
    pub fn open(_p: &std::path::Path, _w: &mut World) -> Result<Store, String> {
        Err("persistence is not built yet".into())
    }
    /// Flush.
    pub fn flush(&self, _w: &mut World) -> Result<(), String> {
        Ok(())
    }
}
