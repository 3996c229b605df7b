//! The embedded backend: one SQLite file, shared by every process on the machine (feature
//! `sqlite`, the default).
//!
//! Leases are a column with an expiry, set in one write transaction; SQLite lets one writer
//! at a time in, so two workers never claim the same intent. The file runs in WAL mode with
//! `synchronous = FULL`, so an acknowledged write survives a crash or a power cut. Processes
//! on other machines cannot share it: use Postgres there.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::model::{Intent, Lease, NewIntent, Outcome, State};
use crate::sql;
use crate::store::{ClaimState, InboxStore, JournalStore};

/// A journal and inbox in a SQLite file. Cloning is cheap and shares the connection.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

/// SQLite reads `$1` as a named parameter; `?1` is the positional form.
fn dialect(statement: &str) -> String {
    statement.replace('$', "?")
}

impl SqliteStore {
    /// Opens (or creates) the database file and runs the migrations it lacks.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let p = path.clone();
        let conn = tokio::task::spawn_blocking(move || -> Result<Connection> {
            let mut conn = Connection::open(&p).map_err(Error::backend)?;
            // Many processes share the file: wait for the writer instead of failing at once.
            conn.busy_timeout(Duration::from_secs(30))
                .map_err(Error::backend)?;
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(Error::backend)?;
            conn.pragma_update(None, "synchronous", "FULL")
                .map_err(Error::backend)?;
            migrate(&mut conn)?;
            Ok(conn)
        })
        .await
        .map_err(Error::backend)??;
        Ok(SqliteStore {
            conn: Arc::new(Mutex::new(conn)),
            path,
        })
    }

    /// The newest migration applied to the file.
    pub async fn schema_version(&self) -> Result<i64> {
        self.run(|c| {
            c.query_row(
                "SELECT COALESCE(MAX(version), 0) FROM paystack_store_migrations",
                [],
                |r| r.get(0),
            )
        })
        .await
    }

    /// Runs `f` on the connection on a blocking thread.
    async fn run<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard).map_err(Error::backend)
        })
        .await
        .map_err(Error::backend)?
    }

    /// The rows of a statement returning [`sql::COLUMNS`].
    async fn intents<P>(&self, statement: String, params: P) -> Result<Vec<Intent>>
    where
        P: rusqlite::Params + Send + 'static,
    {
        let raws = self
            .run(move |c| {
                // Writes take the write lock up front (BEGIN IMMEDIATE): a read that turns
                // into a write can fail at once with SQLITE_BUSY instead of waiting.
                let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let rows = {
                    let mut st = tx.prepare_cached(&dialect(&statement))?;
                    let mut rows = st.query(params)?;
                    let mut read = Vec::new();
                    while let Some(r) = rows.next()? {
                        read.push(sql::intent(r));
                    }
                    read
                };
                tx.commit()?;
                Ok(rows)
            })
            .await?;
        raws.into_iter().collect()
    }

    /// The first row of a statement returning [`sql::COLUMNS`].
    async fn first<P>(&self, statement: String, params: P) -> Result<Option<Intent>>
    where
        P: rusqlite::Params + Send + 'static,
    {
        Ok(self.intents(statement, params).await?.into_iter().next())
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(Error::backend)?;
    tx.execute_batch(sql::MIGRATIONS_TABLE)
        .map_err(Error::backend)?;
    let applied: i64 = tx
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM paystack_store_migrations",
            [],
            |r| r.get(0),
        )
        .map_err(Error::backend)?;
    for (i, m) in sql::MIGRATIONS.iter().enumerate() {
        let version = i as i64 + 1;
        if version <= applied {
            continue;
        }
        tx.execute_batch(&m.replace("{id}", "INTEGER PRIMARY KEY AUTOINCREMENT"))
            .map_err(Error::backend)?;
        tx.execute(
            "INSERT INTO paystack_store_migrations (version, applied_at) VALUES (?1, ?2)",
            params![version, crate::clock::now_ms()],
        )
        .map_err(Error::backend)?;
    }
    tx.commit().map_err(Error::backend)
}

impl sql::Columns for Row<'_> {
    fn int(&self, i: usize) -> Result<i64> {
        self.get(i).map_err(Error::backend)
    }
    fn text(&self, i: usize) -> Result<String> {
        self.get(i).map_err(Error::backend)
    }
    fn opt(&self, i: usize) -> Result<Option<String>> {
        self.get(i).map_err(Error::backend)
    }
}

fn is_unique_violation(e: &Error) -> bool {
    matches!(e, Error::Backend(m) if m.contains("UNIQUE constraint failed"))
}

#[async_trait]
impl JournalStore for SqliteStore {
    async fn insert(
        &self,
        intent: &NewIntent,
        reference: &str,
        owner: &str,
        now: i64,
        lease_until: i64,
    ) -> Result<(Intent, Option<Lease>)> {
        let params = (
            intent.key.clone(),
            reference.to_string(),
            intent.kind.as_str(),
            intent.amount.subunits(),
            intent.currency.as_ref().map(|c| c.as_str().to_string()),
            intent.target.clone(),
            intent.email.clone(),
            intent.reason.clone(),
            owner.to_string(),
            lease_until,
            now,
        );
        let inserted = match self.intents(sql::insert(), params).await {
            Ok(rows) => rows,
            // The key's own conflict is handled by the statement; any other means the
            // reference is another key's.
            Err(e) if is_unique_violation(&e) => {
                return Err(Error::ReferenceTaken {
                    reference: reference.to_string(),
                })
            }
            Err(e) => return Err(e),
        };
        if let Some((i, lease)) = sql::leased(inserted).into_iter().next() {
            return Ok((i, Some(lease)));
        }
        let existing = self
            .get(&intent.key)
            .await?
            .ok_or_else(|| Error::Backend("the key conflicted but no intent has it".into()))?;
        Ok((existing, None))
    }

    async fn claim_due(
        &self,
        states: &[State],
        owner: &str,
        now: i64,
        lease_until: i64,
        limit: usize,
    ) -> Result<Vec<(Intent, Lease)>> {
        let rows = self
            .intents(
                sql::claim_due(states, ""),
                (owner.to_string(), lease_until, now, limit as i64),
            )
            .await?;
        Ok(sql::leased(rows))
    }

    async fn mark_sent(&self, lease: &Lease, now: i64) -> Result<bool> {
        let (id, token) = (lease.id, lease.token);
        let n = self
            .run(move |c| {
                c.prepare_cached(&dialect(&sql::mark_sent()))?
                    .execute(params![id, token, now])
            })
            .await?;
        Ok(n == 1)
    }

    async fn record(&self, lease: &Lease, o: &Outcome, now: i64) -> Result<Option<Intent>> {
        let params = (
            lease.id,
            lease.token,
            o.state.as_str(),
            o.error.clone(),
            o.paystack_code.clone(),
            o.paystack_status.clone(),
            o.due_at,
            now,
        );
        self.first(sql::record(), params).await
    }

    async fn apply(&self, reference: &str, o: &Outcome, now: i64) -> Result<Option<Intent>> {
        let params = (
            reference.to_string(),
            o.state.as_str(),
            o.error.clone(),
            o.paystack_code.clone(),
            o.paystack_status.clone(),
            o.due_at,
            now,
        );
        self.first(sql::apply(o.state), params).await
    }

    async fn get(&self, key: &str) -> Result<Option<Intent>> {
        self.first(sql::get("key"), (key.to_string(),)).await
    }

    async fn get_by_reference(&self, reference: &str) -> Result<Option<Intent>> {
        self.first(sql::get("reference"), (reference.to_string(),))
            .await
    }

    async fn counts(&self) -> Result<Vec<(State, u64)>> {
        let rows = self
            .run(|c| {
                let mut st = c.prepare_cached(&sql::counts())?;
                let rows =
                    st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()
            })
            .await?;
        rows.into_iter()
            .map(|(s, n)| Ok((s.parse()?, n.max(0) as u64)))
            .collect()
    }

    async fn list(&self, state: State, after_id: i64, limit: usize) -> Result<Vec<Intent>> {
        self.intents(sql::list(), (state.as_str(), after_id, limit as i64))
            .await
    }
}

#[async_trait]
impl InboxStore for SqliteStore {
    async fn claim(&self, key: &str, owner: &str, now: i64, expires_at: i64) -> Result<ClaimState> {
        let (key, owner) = (key.to_string(), owner.to_string());
        self.run(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let token: Option<i64> = tx
                .prepare_cached(&dialect(sql::INBOX_CLAIM))?
                .query_row(params![key, owner, now, expires_at], |r| r.get(0))
                .optional()?;
            let state = match token {
                Some(t) => ClaimState::Claimed(t),
                None => {
                    let s: Option<String> = tx
                        .prepare_cached(&dialect(sql::INBOX_STATE))?
                        .query_row(params![key], |r| r.get(0))
                        .optional()?;
                    match s.as_deref() {
                        Some("done") => ClaimState::Done,
                        _ => ClaimState::Busy,
                    }
                }
            };
            tx.commit()?;
            Ok(state)
        })
        .await
    }

    async fn done(&self, key: &str, token: i64, now: i64) -> Result<bool> {
        let key = key.to_string();
        let n = self
            .run(move |c| {
                c.prepare_cached(&dialect(sql::INBOX_DONE))?
                    .execute(params![key, token, now])
            })
            .await?;
        Ok(n == 1)
    }

    async fn renew(&self, key: &str, token: i64, expires_at: i64) -> Result<bool> {
        let key = key.to_string();
        let n = self
            .run(move |c| {
                c.prepare_cached(&dialect(sql::INBOX_RENEW))?
                    .execute(params![key, token, expires_at])
            })
            .await?;
        Ok(n == 1)
    }

    async fn release(&self, key: &str, token: i64) -> Result<()> {
        let key = key.to_string();
        self.run(move |c| {
            c.prepare_cached(&dialect(sql::INBOX_RELEASE))?
                .execute(params![key, token])
        })
        .await?;
        Ok(())
    }
}
