//! Optional persistence in redb, an embedded ACID store. Every change a call makes is
//! committed (fsync'd, redb's default durability) before the answer is sent, so a crash after
//! an answer loses nothing and a restart sees the same data.
//!
//! Records are stored one per row, keyed by (integration, table, position), so a write costs
//! what it changed, not the size of the state. The webhook log, journal and fault rules live
//! in memory only.

use redb::{Database, ReadableTable, TableDefinition};
use serde_json::{json, Value};

use crate::state::Integration;
use crate::world::World;

const RECORDS: TableDefinition<(u64, &str, u64), &[u8]> = TableDefinition::new("records");
const INTEGRATIONS: TableDefinition<u64, &[u8]> = TableDefinition::new("integrations");
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");

/// An open state file.
#[derive(Debug)]
pub struct Store {
    db: Database,
    saved_offset: std::sync::Mutex<i64>,
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

impl Store {
    /// Opens (or creates) the file and loads what it holds into `world`.
    pub fn open(path: &std::path::Path, world: &mut World) -> Result<Store, String> {
        let db = Database::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let txn = db.begin_write().map_err(err)?;
        {
            txn.open_table(RECORDS).map_err(err)?;
            txn.open_table(INTEGRATIONS).map_err(err)?;
            txn.open_table(META).map_err(err)?;
        }
        txn.commit().map_err(err)?;

        let read = db.begin_read().map_err(err)?;
        let meta = read.open_table(META).map_err(err)?;
        if let Some(m) = meta.get("world").map_err(err)? {
            let m: Value = serde_json::from_slice(m.value()).map_err(err)?;
            world.next_id = m["next_id"].as_u64().unwrap_or(world.next_id);
            world.clock.offset_secs = m["offset_secs"].as_i64().unwrap_or(0);
            world.transfer_settle_secs = m["transfer_settle_secs"].as_i64().unwrap_or(60);
            world.refund_settle_secs = m["refund_settle_secs"].as_i64().unwrap_or(60);
        }
        let integrations = read.open_table(INTEGRATIONS).map_err(err)?;
        let mut loaded: Vec<Integration> = Vec::new();
        for row in integrations.iter().map_err(err)? {
            let (_, v) = row.map_err(err)?;
            loaded.push(serde_json::from_slice(v.value()).map_err(err)?);
        }
        let records = read.open_table(RECORDS).map_err(err)?;
        for row in records.iter().map_err(err)? {
            let (k, v) = row.map_err(err)?;
            let (ix, table, pos) = k.value();
            let rec: Value = serde_json::from_slice(v.value()).map_err(err)?;
            if let Some(integ) = loaded.get_mut(ix as usize) {
                integ.table(table).put(pos as usize, rec);
            }
        }
        for integ in loaded {
            world.restore_integration(integ);
        }
        let offset = world.clock.offset_secs;
        Ok(Store {
            db,
            saved_offset: std::sync::Mutex::new(offset),
        })
    }

    /// Commits everything `world` changed since the last flush, in one transaction.
    pub fn flush(&self, world: &mut World) -> Result<(), String> {
        let mut saved = self.saved_offset.lock().unwrap_or_else(|e| e.into_inner());
        if world.dirty.is_empty()
            && world.dirty_integrations.is_empty()
            && !world.wiped
            && *saved == world.clock.offset_secs
        {
            return Ok(());
        }
        let txn = self.db.begin_write().map_err(err)?;
        if std::mem::take(&mut world.wiped) {
            txn.delete_table(RECORDS).map_err(err)?;
        }
        {
            let mut records = txn.open_table(RECORDS).map_err(err)?;
            for (ix, table, pos) in world.dirty.drain(..) {
                let Some(t) = world.integrations[ix].tables.get(&table) else {
                    continue;
                };
                let bytes = serde_json::to_vec(t.at(pos)).map_err(err)?;
                records
                    .insert((ix as u64, table.as_str(), pos as u64), bytes.as_slice())
                    .map_err(err)?;
            }
            let mut integrations = txn.open_table(INTEGRATIONS).map_err(err)?;
            let mut ixs = std::mem::take(&mut world.dirty_integrations);
            ixs.sort_unstable();
            ixs.dedup();
            for ix in ixs {
                let bytes = serde_json::to_vec(&world.integrations[ix]).map_err(err)?;
                integrations
                    .insert(ix as u64, bytes.as_slice())
                    .map_err(err)?;
            }
            let mut meta = txn.open_table(META).map_err(err)?;
            let m = json!({
                "next_id": world.next_id,
                "offset_secs": world.clock.offset_secs,
                "transfer_settle_secs": world.transfer_settle_secs,
                "refund_settle_secs": world.refund_settle_secs,
            });
            let bytes = serde_json::to_vec(&m).map_err(err)?;
            meta.insert("world", bytes.as_slice()).map_err(err)?;
        }
        txn.commit().map_err(err)?;
        *saved = world.clock.offset_secs;
        Ok(())
    }
}
