//! The SQL both relational backends share: schema, statements and the row shape. Statements
//! are written with `$n` placeholders (Postgres); SQLite reads them as `?n`.

use crate::error::Result;
use crate::model::{Intent, Lease, State};

/// The journal's table.
pub(crate) const INTENTS: &str = "paystack_payout_intents";

/// The columns every statement returns, in [`RawIntent`] order.
pub(crate) const COLUMNS: &str = "id, key, reference, kind, amount, currency, target, email, \
     reason, state, error, paystack_code, paystack_status, sends, token, lease_owner, due_at, \
     created_at, updated_at";

/// Migrations in order; version `i + 1` is `MIGRATIONS[i]`. `{id}` is the dialect's
/// auto-increment primary key. Never edit a shipped one: add the next.
pub(crate) const MIGRATIONS: &[&str] = &["CREATE TABLE paystack_payout_intents (
        id {id},
        key TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        amount BIGINT NOT NULL,
        currency TEXT,
        target TEXT NOT NULL,
        email TEXT,
        reason TEXT,
        state TEXT NOT NULL,
        error TEXT,
        paystack_code TEXT,
        paystack_status TEXT,
        sends BIGINT NOT NULL DEFAULT 0,
        token BIGINT NOT NULL DEFAULT 0,
        lease_owner TEXT,
        due_at BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
    );
    CREATE INDEX paystack_payout_intents_due ON paystack_payout_intents (state, due_at);
    CREATE TABLE paystack_webhook_inbox (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        token BIGINT NOT NULL,
        owner TEXT,
        expires_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
    );"];

/// The bookkeeping table of applied migrations.
pub(crate) const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS paystack_store_migrations (
    version BIGINT PRIMARY KEY,
    applied_at BIGINT NOT NULL
)";

/// `$1..$11`: key, reference, kind, amount, currency, target, email, reason, owner,
/// lease end, now.
pub(crate) fn insert() -> String {
    format!(
        "INSERT INTO {INTENTS} (key, reference, kind, amount, currency, target, email, reason, \
         state, sends, token, lease_owner, due_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, 1, $9, $10, $11, $11) \
         ON CONFLICT (key) DO NOTHING RETURNING {COLUMNS}"
    )
}

/// `$1` owner, `$2` lease end, `$3` now, `$4` limit. `lock` is `FOR UPDATE SKIP LOCKED` on
/// Postgres, empty on SQLite (whose write transaction holds the whole database).
pub(crate) fn claim_due(states: &[State], lock: &str) -> String {
    format!(
        "UPDATE {INTENTS} SET token = token + 1, lease_owner = $1, due_at = $2, updated_at = $3 \
         WHERE id IN (SELECT id FROM {INTENTS} WHERE state IN ({}) AND due_at <= $3 \
         ORDER BY due_at LIMIT $4 {lock}) RETURNING {COLUMNS}",
        in_list(states)
    )
}

/// `$1` id, `$2` token, `$3` now.
pub(crate) fn mark_sent() -> String {
    format!("UPDATE {INTENTS} SET sends = sends + 1, updated_at = $3 WHERE id = $1 AND token = $2")
}

/// `$1` id, `$2` token, `$3` state, `$4` error, `$5` code, `$6` status, `$7` due, `$8` now.
pub(crate) fn record() -> String {
    format!(
        "UPDATE {INTENTS} SET state = $3, error = $4, paystack_code = COALESCE($5, paystack_code), \
         paystack_status = COALESCE($6, paystack_status), lease_owner = NULL, due_at = $7, \
         updated_at = $8 WHERE id = $1 AND token = $2 AND state NOT IN ({}) RETURNING {COLUMNS}",
        in_list(&[State::Success, State::Failed, State::Reversed])
    )
}

/// `$1` reference, `$2` state, `$3` error, `$4` code, `$5` status, `$6` due, `$7` now. The
/// token moves on, so a worker that still holds a lease sends nothing more.
pub(crate) fn apply(to: State) -> String {
    format!(
        "UPDATE {INTENTS} SET state = $2, error = $3, paystack_code = COALESCE($4, paystack_code), \
         paystack_status = COALESCE($5, paystack_status), lease_owner = NULL, due_at = $6, \
         updated_at = $7, token = token + 1 WHERE reference = $1 AND state IN ({}) \
         RETURNING {COLUMNS}",
        in_list(to.reachable_from())
    )
}

/// `$1` key or reference.
pub(crate) fn get(by: &str) -> String {
    format!("SELECT {COLUMNS} FROM {INTENTS} WHERE {by} = $1")
}

pub(crate) fn counts() -> String {
    format!("SELECT state, COUNT(*) FROM {INTENTS} GROUP BY state")
}

/// `$1` state, `$2` after id, `$3` limit.
pub(crate) fn list() -> String {
    format!("SELECT {COLUMNS} FROM {INTENTS} WHERE state = $1 AND id > $2 ORDER BY id LIMIT $3")
}

/// `$1` key, `$2` owner, `$3` now, `$4` expiry. Returns the new token when claimed.
pub(crate) const INBOX_CLAIM: &str = "INSERT INTO paystack_webhook_inbox \
    (key, state, token, owner, expires_at, updated_at) VALUES ($1, 'claimed', 1, $2, $4, $3) \
    ON CONFLICT (key) DO UPDATE SET state = 'claimed', \
    token = paystack_webhook_inbox.token + 1, owner = excluded.owner, \
    expires_at = excluded.expires_at, updated_at = excluded.updated_at \
    WHERE paystack_webhook_inbox.state = 'released' \
    OR (paystack_webhook_inbox.state = 'claimed' AND paystack_webhook_inbox.expires_at <= $3) \
    RETURNING token";

/// `$1` key.
pub(crate) const INBOX_STATE: &str = "SELECT state FROM paystack_webhook_inbox WHERE key = $1";

/// `$1` key, `$2` token, `$3` now.
pub(crate) const INBOX_DONE: &str = "UPDATE paystack_webhook_inbox SET state = 'done', \
    owner = NULL, updated_at = $3 WHERE key = $1 AND token = $2 AND state = 'claimed'";

/// `$1` key, `$2` token, `$3` new expiry.
pub(crate) const INBOX_RENEW: &str = "UPDATE paystack_webhook_inbox SET expires_at = $3 \
    WHERE key = $1 AND token = $2 AND state = 'claimed'";

/// `$1` key, `$2` token. Released rows stay, so tokens keep growing.
pub(crate) const INBOX_RELEASE: &str = "UPDATE paystack_webhook_inbox SET state = 'released', \
    owner = NULL WHERE key = $1 AND token = $2 AND state = 'claimed'";

fn in_list(states: &[State]) -> String {
    states
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row of [`COLUMNS`], as each backend's driver reads it.
pub(crate) trait Columns {
    /// A non-null integer column.
    fn int(&self, i: usize) -> Result<i64>;
    /// A non-null text column.
    fn text(&self, i: usize) -> Result<String>;
    /// A nullable text column.
    fn opt(&self, i: usize) -> Result<Option<String>>;
}

/// Reads a row of [`COLUMNS`].
pub(crate) fn intent(r: &impl Columns) -> Result<Intent> {
    Ok(Intent {
        id: r.int(0)?,
        key: r.text(1)?,
        reference: r.text(2)?,
        kind: r.text(3)?.parse()?,
        amount: r.int(4)?,
        currency: r.opt(5)?,
        target: r.text(6)?,
        email: r.opt(7)?,
        reason: r.opt(8)?,
        state: r.text(9)?.parse()?,
        error: r.opt(10)?,
        paystack_code: r.opt(11)?,
        paystack_status: r.opt(12)?,
        sends: r.int(13)?,
        token: r.int(14)?,
        lease_owner: r.opt(15)?,
        due_at: r.int(16)?,
        created_at: r.int(17)?,
        updated_at: r.int(18)?,
    })
}

/// The lease each claimed row carries.
pub(crate) fn leased(intents: Vec<Intent>) -> Vec<(Intent, Lease)> {
    intents
        .into_iter()
        .map(|i| {
            let lease = Lease {
                id: i.id,
                token: i.token,
            };
            (i, lease)
        })
        .collect()
}
