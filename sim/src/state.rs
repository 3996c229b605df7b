//! What the simulator remembers: integrations (one per secret key) and their records.
//!
//! Records are JSON objects kept in tables named after the API resource (`customer`,
//! `transaction`, `transfer`...). Handwritten flows and the generic handlers share them, so a
//! customer made through the generic path shows up in a transaction made by a flow.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Fields whose values identify a record besides its numeric `id`.
const KEY_FIELDS: &[&str] = &[
    "reference",
    "customer_code",
    "plan_code",
    "subscription_code",
    "transfer_code",
    "recipient_code",
    "subaccount_code",
    "split_code",
    "product_code",
    "request_code",
    "access_code",
    "batch_code",
    "order_code",
    "code",
    "slug",
    "email",
    "terminal_id",
    "authorization_code",
    "account_number",
    "domainName",
];

/// One resource's records, in creation order, with an index by id and by code.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Table {
    rows: Vec<Value>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Table {
    fn keys(v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(id) = v.get("id") {
            match id {
                Value::Number(n) => out.push(n.to_string()),
                Value::String(s) => out.push(s.clone()),
                _ => {}
            }
        }
        for f in KEY_FIELDS {
            if let Some(s) = v.get(*f).and_then(Value::as_str) {
                if !s.is_empty() {
                    out.push(s.to_string());
                }
            }
        }
        out
    }

    /// Adds a record and returns its position.
    pub fn insert(&mut self, v: Value) -> usize {
        let i = self.rows.len();
        for k in Self::keys(&v) {
            self.index.entry(k).or_insert(i);
        }
        self.rows.push(v);
        i
    }

    /// Position of the record with this id or code.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.index
            .get(key)
            .copied()
            .filter(|&i| !self.rows[i].is_null())
    }

    /// The record with this id or code.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).map(|i| &self.rows[i])
    }

    /// The record at a position.
    pub fn at(&self, i: usize) -> &Value {
        &self.rows[i]
    }

    /// Replaces the record at a position, keeping the index current.
    pub fn set(&mut self, i: usize, v: Value) {
        for k in Self::keys(&v) {
            self.index.entry(k).or_insert(i);
        }
        self.rows[i] = v;
    }

    /// Deletes the record at a position (its slot stays, as a tombstone).
    pub fn remove(&mut self, i: usize) {
        for k in Self::keys(&self.rows[i]) {
            if self.index.get(&k) == Some(&i) {
                self.index.remove(&k);
            }
        }
        self.rows[i] = Value::Null;
    }

    /// Live records, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Value> {
        self.rows.iter().rev().filter(|v| !v.is_null())
    }

    /// Live records, oldest first, with their positions.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Value)> {
        self.rows.iter().enumerate().filter(|(_, v)| !v.is_null())
    }

    /// How many live records there are.
    pub fn len(&self) -> usize {
        self.rows.iter().filter(|v| !v.is_null()).count()
    }

    /// Whether there are no live records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Puts a loaded record at its position (tombstones fill any gap).
    pub fn put(&mut self, pos: usize, v: Value) {
        if self.rows.len() <= pos {
            self.rows.resize(pos + 1, Value::Null);
        }
        self.rows[pos] = v;
    }

    /// Rebuilds the index after loading.
    pub fn reindex(&mut self) {
        self.index.clear();
        for i in 0..self.rows.len() {
            for k in Self::keys(&self.rows[i]) {
                self.index.entry(k).or_insert(i);
            }
        }
    }
}

/// One Paystack integration: a business with its own keys, records and balance.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Integration {
    /// Paystack's integration id.
    pub id: u64,
    /// The secret key that reaches this integration.
    pub secret_key: String,
    /// The matching public key (refused by the API, shown on the checkout page).
    pub public_key: String,
    /// The business name shown on the checkout page.
    pub business_name: String,
    /// Where webhooks go, if anywhere.
    pub webhook_url: Option<String>,
    /// Whether transfers wait for an OTP.
    pub otp_enabled: bool,
    /// Whether a request to turn OTP off waits for its OTP.
    pub otp_disable_pending: bool,
    /// Payment session timeout in seconds.
    pub session_timeout: i64,
    /// Available balance per currency, in subunits.
    pub balances: BTreeMap<String, i64>,
    /// Records by resource (persisted one by one, not with the settings).
    #[serde(skip, default)]
    pub tables: BTreeMap<String, Table>,
}

impl Integration {
    /// A fresh integration with a balance to pay out from.
    pub fn new(id: u64, secret_key: String) -> Self {
        let public_key = secret_key.replacen("sk_", "pk_", 1);
        Integration {
            id,
            secret_key,
            public_key,
            business_name: "Simulated Business".into(),
            webhook_url: None,
            otp_enabled: false,
            otp_disable_pending: false,
            session_timeout: 1800,
            balances: BTreeMap::new(),
            tables: BTreeMap::new(),
        }
    }

    /// The table for a resource, created on first use.
    pub fn table(&mut self, name: &str) -> &mut Table {
        self.tables.entry(name.to_string()).or_default()
    }

    /// A record by id or code, if the table exists.
    pub fn get(&self, table: &str, key: &str) -> Option<&Value> {
        self.tables.get(table).and_then(|t| t.get(key))
    }

    /// The balance in one currency.
    pub fn balance(&self, currency: &str) -> i64 {
        self.balances.get(currency).copied().unwrap_or(0)
    }
}

/// The simulated time: real time plus however far tests advanced it.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Clock {
    /// Seconds added to the wall clock.
    pub offset_secs: i64,
}

impl Clock {
    /// The simulated now.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::seconds(self.offset_secs)
    }
}

/// A timestamp as Paystack writes it.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Reads a timestamp written by [`stamp`].
pub fn parse_stamp(v: Option<&Value>) -> Option<DateTime<Utc>> {
    v.and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// Adds the fields every Paystack record carries.
pub fn stamp_record(v: &mut Value, id: u64, integration: u64, now: DateTime<Utc>) {
    if let Some(o) = v.as_object_mut() {
        o.insert("id".into(), json!(id));
        o.insert("integration".into(), json!(integration));
        o.insert("domain".into(), json!("test"));
        o.insert("createdAt".into(), json!(stamp(now)));
        o.insert("created_at".into(), json!(stamp(now)));
        o.insert("updatedAt".into(), json!(stamp(now)));
        o.insert("updated_at".into(), json!(stamp(now)));
    }
}

/// A short random-looking code with a prefix, such as `CUS_k3j9x...`.
pub fn code(prefix: &str, n: u64) -> String {
    // Mixed so consecutive codes do not look consecutive.
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66_D1CE_4E5B;
    let alphabet = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut s = String::from(prefix);
    for _ in 0..14 {
        s.push(alphabet[(x % 32) as usize] as char);
        x /= 32;
        if x == 0 {
            x = n.wrapping_add(0x1234_5678);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_finds_by_id_and_code_and_forgets_removed() {
        let mut t = Table::default();
        let i = t.insert(json!({"id": 7, "customer_code": "CUS_a"}));
        assert_eq!(t.get("7").unwrap()["customer_code"], "CUS_a");
        assert_eq!(t.find("CUS_a"), Some(i));
        t.remove(i);
        assert!(t.get("CUS_a").is_none());
        assert!(t.is_empty());
    }

    #[test]
    fn codes_differ() {
        assert_ne!(code("CUS_", 1), code("CUS_", 2));
        assert!(code("TRF_", 9).starts_with("TRF_"));
    }
}
