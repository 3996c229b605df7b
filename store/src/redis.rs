//! Redis (feature `redis`): the webhook inbox and leases, shared by every replica.
//!
//! A claim is one key set only if absent with an expiry (`SET NX PX` semantics, in a script
//! that also draws a fencing token from a counter), so a replica that dies mid-handler loses
//! its claim when it expires. A handled event stays marked for [`RedisStore::done_ttl`]
//! (seven days by default, longer than Paystack's retries).
//!
//! There is no payout journal on Redis: Redis acknowledges a write before it reaches the disk
//! unless it runs with `appendonly yes` and `appendfsync always`, so a crash can forget an
//! intent that was already sent. [`RedisStore::journal_store`] refuses with
//! [`Error::NotDurable`] unless [`RedisStore::allow_journal`] was called, and even then this
//! version has none: keep the journal in SQLite or Postgres and use Redis for the inbox and
//! leases.

use std::time::Duration;

use async_trait::async_trait;
use redis::aio::ConnectionManager;
use redis::Script;

use crate::clock::ms;
use crate::error::{Error, Result};
use crate::store::{ClaimState, InboxStore};

const CLAIM: &str = r"
local v = redis.call('GET', KEYS[1])
if v == 'done' then return -1 end
if v then return 0 end
local t = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], 'claimed:' .. t, 'PX', ARGV[1])
return t
";

const DONE: &str = r"
if redis.call('GET', KEYS[1]) == 'claimed:' .. ARGV[1] then
  redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
  return 1
end
return 0
";

const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == 'claimed:' .. ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

const RENEW: &str = r"
if redis.call('GET', KEYS[1]) == 'claimed:' .. ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
";

/// The inbox and leases in Redis. Cloning is cheap and shares the connection.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    prefix: String,
    done_ttl: Duration,
    allow_journal: bool,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .field("done_ttl", &self.done_ttl)
            .finish_non_exhaustive()
    }
}

/// A lease on a name, held until it expires or is released. The token grows with every
/// lease ever granted under the store's prefix: pass it to whatever the lease protects, so a
/// holder whose lease expired can be told apart from the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisLease {
    /// The leased name.
    pub name: String,
    /// The fencing token.
    pub token: i64,
}

impl RedisStore {
    /// Connects with a URL such as `redis://127.0.0.1:6379/` (the connection reconnects by
    /// itself). Keys start with `paystack:`.
    pub async fn connect(url: &str) -> Result<Self> {
        let client = redis::Client::open(url).map_err(Error::backend)?;
        let conn = ConnectionManager::new(client)
            .await
            .map_err(Error::backend)?;
        Ok(RedisStore {
            conn,
            prefix: "paystack:".into(),
            done_ttl: Duration::from_secs(7 * 24 * 3600),
            allow_journal: false,
        })
    }

    /// Starts every key with `prefix` instead of `paystack:` (one Redis, several services).
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long a handled event is remembered.
    pub fn done_ttl(mut self, ttl: Duration) -> Self {
        self.done_ttl = ttl;
        self
    }

    /// Accepts that a journal on this Redis could lose acknowledged writes unless Redis runs
    /// with `appendonly yes` and `appendfsync always`.
    pub fn allow_journal(mut self, allow: bool) -> Self {
        self.allow_journal = allow;
        self
    }

    /// The payout journal's storage on Redis: always refused. Without
    /// [`RedisStore::allow_journal`] the error is [`Error::NotDurable`]; with it, this
    /// version still has no Redis journal and says so.
    pub fn journal_store(&self) -> Result<std::convert::Infallible> {
        if !self.allow_journal {
            return Err(Error::NotDurable);
        }
        Err(Error::Backend(
            "this version keeps the payout journal in SQLite or Postgres only; use Redis for the inbox and leases".into(),
        ))
    }

    fn inbox_key(&self, key: &str) -> String {
        format!("{}inbox:{key}", self.prefix)
    }

    fn lease_key(&self, name: &str) -> String {
        format!("{}lease:{name}", self.prefix)
    }

    fn fence_key(&self) -> String {
        format!("{}fence", self.prefix)
    }

    /// Takes the lease on `name` for `ttl` if nobody holds it.
    pub async fn lease(&self, name: &str, ttl: Duration) -> Result<Option<RedisLease>> {
        let token: i64 = Script::new(CLAIM)
            .key(self.lease_key(name))
            .key(self.fence_key())
            .arg(ms(ttl).max(1))
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok((token > 0).then(|| RedisLease {
            name: name.to_string(),
            token,
        }))
    }

    /// Extends a lease still held; `false` when it expired (and may belong to someone else).
    pub async fn renew(&self, lease: &RedisLease, ttl: Duration) -> Result<bool> {
        self.extend(self.lease_key(&lease.name), lease.token, ms(ttl))
            .await
    }

    /// Moves the expiry of a claim or lease still held by `token` to `ttl_ms` from now.
    async fn extend(&self, key: String, token: i64, ttl_ms: i64) -> Result<bool> {
        let n: i64 = Script::new(RENEW)
            .key(key)
            .arg(token)
            .arg(ttl_ms.max(1))
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok(n == 1)
    }

    /// Gives a lease up; a lease that expired and was taken since is left alone.
    pub async fn unlease(&self, lease: &RedisLease) -> Result<()> {
        let _: i64 = Script::new(RELEASE)
            .key(self.lease_key(&lease.name))
            .arg(lease.token)
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok(())
    }
}

#[async_trait]
impl InboxStore for RedisStore {
    async fn claim(
        &self,
        key: &str,
        _owner: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<ClaimState> {
        let token: i64 = Script::new(CLAIM)
            .key(self.inbox_key(key))
            .key(self.fence_key())
            .arg((expires_at - now).max(1))
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok(match token {
            -1 => ClaimState::Done,
            0 => ClaimState::Busy,
            t => ClaimState::Claimed(t),
        })
    }

    async fn done(&self, key: &str, token: i64, _now: i64) -> Result<bool> {
        let n: i64 = Script::new(DONE)
            .key(self.inbox_key(key))
            .arg(token)
            .arg(ms(self.done_ttl).max(1))
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok(n == 1)
    }

    async fn renew(&self, key: &str, token: i64, expires_at: i64) -> Result<bool> {
        let ttl = expires_at - crate::clock::now_ms();
        self.extend(self.inbox_key(key), token, ttl).await
    }

    async fn release(&self, key: &str, token: i64) -> Result<()> {
        let _: i64 = Script::new(RELEASE)
            .key(self.inbox_key(key))
            .arg(token)
            .invoke_async(&mut self.conn.clone())
            .await
            .map_err(Error::backend)?;
        Ok(())
    }
}
