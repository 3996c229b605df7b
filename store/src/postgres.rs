//! PostgreSQL (feature `postgres`): the backend for workers on several machines.
//!
//! Workers claim due intents with `FOR UPDATE SKIP LOCKED`, so concurrent claims never wait on
//! each other and never take the same row. Migrations run on connect under an advisory lock,
//! so replicas starting together apply each one once. Times are the workers' clocks: keep
//! them in sync (NTP) to well under the lease.

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::types::ToSql;
use tokio_postgres::{NoTls, Row};

use crate::error::{Error, Result};
use crate::model::{Intent, Lease, NewIntent, Outcome, State};
use crate::sql::{self, leased};
use crate::store::{ClaimState, InboxStore, JournalStore};

/// Any advisory lock number of our own: the migrations hold it while they run.
const MIGRATION_LOCK: i64 = 0x5041_5953_5354_4b31;

/// A journal and inbox in PostgreSQL, through a connection pool. Cloning is cheap.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may hold a password: never printed.
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects with a URL such as `postgres://user@127.0.0.1:5432/db` (a pool of up to 16
    /// connections) and runs the migrations the database lacks.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with(url, 16).await
    }

    /// [`PostgresStore::connect`] with a pool of at most `max_connections`.
    pub async fn connect_with(url: &str, max_connections: usize) -> Result<Self> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| Error::Backend(format!("bad Postgres URL: {e}")))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(max_connections.max(1))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(Error::backend)?;
        let store = PostgresStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let mut client = self.pool.get().await.map_err(Error::backend)?;
        let tx = client.transaction().await.map_err(Error::backend)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(Error::backend)?;
        tx.batch_execute(sql::MIGRATIONS_TABLE)
            .await
            .map_err(Error::backend)?;
        let applied: i64 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM paystack_store_migrations",
                &[],
            )
            .await
            .map_err(Error::backend)?
            .get(0);
        for (i, m) in sql::MIGRATIONS.iter().enumerate() {
            let version = i as i64 + 1;
            if version <= applied {
                continue;
            }
            tx.batch_execute(&m.replace("{id}", "BIGSERIAL PRIMARY KEY"))
                .await
                .map_err(Error::backend)?;
            tx.execute(
                "INSERT INTO paystack_store_migrations (version, applied_at) VALUES ($1, $2)",
                &[&version, &crate::clock::now_ms()],
            )
            .await
            .map_err(Error::backend)?;
        }
        tx.commit().await.map_err(Error::backend)
    }

    /// The newest migration applied to the database.
    pub async fn schema_version(&self) -> Result<i64> {
        let client = self.pool.get().await.map_err(Error::backend)?;
        let row = client
            .query_one(
                "SELECT COALESCE(MAX(version), 0)::BIGINT FROM paystack_store_migrations",
                &[],
            )
            .await
            .map_err(Error::backend)?;
        Ok(row.get(0))
    }

    /// A pooled connection and the statement prepared on it (cached per connection).
    async fn prepared(
        &self,
        statement: &str,
    ) -> Result<(deadpool_postgres::Client, tokio_postgres::Statement)> {
        let client = self.pool.get().await.map_err(Error::backend)?;
        let st = client
            .prepare_cached(statement)
            .await
            .map_err(Error::backend)?;
        Ok((client, st))
    }

    async fn rows(&self, statement: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        let (client, st) = self.prepared(statement).await?;
        client.query(&st, params).await.map_err(pg_error)
    }

    async fn intents(
        &self,
        statement: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Intent>> {
        self.rows(statement, params)
            .await?
            .iter()
            .map(sql::intent)
            .collect()
    }

    async fn execute(&self, statement: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        let (client, st) = self.prepared(statement).await?;
        client.execute(&st, params).await.map_err(pg_error)
    }

    async fn first(
        &self,
        statement: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Intent>> {
        Ok(self.intents(statement, params).await?.into_iter().next())
    }
}

/// Keeps the constraint name of a unique violation, which says which column clashed.
fn pg_error(e: tokio_postgres::Error) -> Error {
    match e.as_db_error() {
        Some(db) if db.code() == &tokio_postgres::error::SqlState::UNIQUE_VIOLATION => {
            Error::Backend(format!(
                "unique violation on {}",
                db.constraint().unwrap_or("a unique column")
            ))
        }
        _ => Error::backend(e),
    }
}

impl sql::Columns for Row {
    fn int(&self, i: usize) -> Result<i64> {
        self.try_get(i).map_err(Error::backend)
    }
    fn text(&self, i: usize) -> Result<String> {
        self.try_get(i).map_err(Error::backend)
    }
    fn opt(&self, i: usize) -> Result<Option<String>> {
        self.try_get(i).map_err(Error::backend)
    }
}

#[async_trait]
impl JournalStore for PostgresStore {
    async fn insert(
        &self,
        intent: &NewIntent,
        reference: &str,
        owner: &str,
        now: i64,
        lease_until: i64,
    ) -> Result<(Intent, Option<Lease>)> {
        let currency = intent.currency.as_ref().map(|c| c.as_str().to_string());
        let amount = intent.amount.subunits();
        let inserted = self
            .intents(
                &sql::insert(),
                &[
                    &intent.key,
                    &reference,
                    &intent.kind.as_str(),
                    &amount,
                    &currency,
                    &intent.target,
                    &intent.email,
                    &intent.reason,
                    &owner,
                    &lease_until,
                    &now,
                ],
            )
            .await;
        match inserted {
            Ok(rows) => match leased(rows).into_iter().next() {
                Some((i, lease)) => Ok((i, Some(lease))),
                None => {
                    let existing = self.get(&intent.key).await?.ok_or_else(|| {
                        Error::Backend("the key conflicted but no intent has it".into())
                    })?;
                    Ok((existing, None))
                }
            },
            // Two workers inserting one key at once: the loser may trip over the reference's
            // index rather than the key's, so the key decides.
            Err(Error::Backend(m)) if m.starts_with("unique violation") => {
                match self.get(&intent.key).await? {
                    Some(existing) => Ok((existing, None)),
                    None => Err(Error::ReferenceTaken {
                        reference: reference.to_string(),
                    }),
                }
            }
            Err(e) => Err(e),
        }
    }

    async fn claim_due(
        &self,
        states: &[State],
        owner: &str,
        now: i64,
        lease_until: i64,
        limit: usize,
    ) -> Result<Vec<(Intent, Lease)>> {
        let limit = limit as i64;
        let rows = self
            .intents(
                &sql::claim_due(states, "FOR UPDATE SKIP LOCKED"),
                &[&owner, &lease_until, &now, &limit],
            )
            .await?;
        Ok(leased(rows))
    }

    async fn mark_sent(&self, lease: &Lease, now: i64) -> Result<bool> {
        Ok(self
            .execute(&sql::mark_sent(), &[&lease.id, &lease.token, &now])
            .await?
            == 1)
    }

    async fn record(&self, lease: &Lease, o: &Outcome, now: i64) -> Result<Option<Intent>> {
        self.first(
            &sql::record(),
            &[
                &lease.id,
                &lease.token,
                &o.state.as_str(),
                &o.error,
                &o.paystack_code,
                &o.paystack_status,
                &o.due_at,
                &now,
            ],
        )
        .await
    }

    async fn apply(&self, reference: &str, o: &Outcome, now: i64) -> Result<Option<Intent>> {
        self.first(
            &sql::apply(o.state),
            &[
                &reference,
                &o.state.as_str(),
                &o.error,
                &o.paystack_code,
                &o.paystack_status,
                &o.due_at,
                &now,
            ],
        )
        .await
    }

    async fn get(&self, key: &str) -> Result<Option<Intent>> {
        self.first(&sql::get("key"), &[&key]).await
    }

    async fn get_by_reference(&self, reference: &str) -> Result<Option<Intent>> {
        self.first(&sql::get("reference"), &[&reference]).await
    }

    async fn counts(&self) -> Result<Vec<(State, u64)>> {
        self.rows(&sql::counts(), &[])
            .await?
            .iter()
            .map(|r| {
                let n: i64 = r.get(1);
                Ok((r.get::<_, String>(0).parse()?, n.max(0) as u64))
            })
            .collect()
    }

    async fn list(&self, state: State, after_id: i64, limit: usize) -> Result<Vec<Intent>> {
        let limit = limit as i64;
        self.intents(&sql::list(), &[&state.as_str(), &after_id, &limit])
            .await
    }
}

#[async_trait]
impl InboxStore for PostgresStore {
    async fn claim(&self, key: &str, owner: &str, now: i64, expires_at: i64) -> Result<ClaimState> {
        let rows = self
            .rows(sql::INBOX_CLAIM, &[&key, &owner, &now, &expires_at])
            .await?;
        if let Some(r) = rows.first() {
            return Ok(ClaimState::Claimed(r.get(0)));
        }
        let state = self.rows(sql::INBOX_STATE, &[&key]).await?;
        Ok(
            match state.first().map(|r| r.get::<_, String>(0)).as_deref() {
                Some("done") => ClaimState::Done,
                _ => ClaimState::Busy,
            },
        )
    }

    async fn done(&self, key: &str, token: i64, now: i64) -> Result<bool> {
        Ok(self.execute(sql::INBOX_DONE, &[&key, &token, &now]).await? == 1)
    }

    async fn renew(&self, key: &str, token: i64, expires_at: i64) -> Result<bool> {
        Ok(self
            .execute(sql::INBOX_RENEW, &[&key, &token, &expires_at])
            .await?
            == 1)
    }

    async fn release(&self, key: &str, token: i64) -> Result<()> {
        self.execute(sql::INBOX_RELEASE, &[&key, &token]).await?;
        Ok(())
    }
}
