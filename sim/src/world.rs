//! The whole simulated Paystack: integrations, clock, webhooks outbox, and request dispatch.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::faults::FaultRule;
use crate::journal::JournalEntry;
use crate::spec::Op;
use crate::state::{code, parse_stamp, stamp, stamp_record, Clock, Integration};
use crate::webhooks::Delivery;
use crate::{flows, generic};

/// A failed call, answered in Paystack's error shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErr {
    /// HTTP status.
    pub status: u16,
    /// Human-readable message.
    pub message: String,
    /// `validation_error`, `api_error` or `processor_error`.
    pub kind: &'static str,
    /// A machine code such as `duplicate_reference`.
    pub code: Option<&'static str>,
}

impl ApiErr {
    /// 400 validation error.
    pub fn invalid(message: impl Into<String>, code: &'static str) -> Self {
        ApiErr {
            status: 400,
            message: message.into(),
            kind: "validation_error",
            code: Some(code),
        }
    }

    /// 404 for a record that does not exist.
    pub fn not_found(what: &str) -> Self {
        ApiErr {
            status: 404,
            message: format!("{what} not found"),
            kind: "validation_error",
            code: Some("not_found"),
        }
    }

    /// 400 for a request Paystack's rules refuse (balance, state).
    pub fn refused(message: impl Into<String>, code: &'static str) -> Self {
        ApiErr {
            status: 400,
            message: message.into(),
            kind: "api_error",
            code: Some(code),
        }
    }

    /// The JSON body Paystack sends with this error.
    pub fn body(&self) -> Value {
        let mut b = json!({"status": false, "message": self.message, "type": self.kind});
        if let Some(c) = self.code {
            b["code"] = json!(c);
        }
        b
    }
}

/// A successful answer before it is shaped by the operation's response schema.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The envelope's message.
    pub message: String,
    /// `data`, if the operation has any.
    pub data: Option<Value>,
    /// `meta` of a list.
    pub meta: Option<Value>,
}

impl Reply {
    /// An answer with data.
    pub fn data(message: impl Into<String>, data: Value) -> Self {
        Reply {
            message: message.into(),
            data: Some(data),
            meta: None,
        }
    }

    /// An answer with only a message.
    pub fn message(message: impl Into<String>) -> Self {
        Reply {
            message: message.into(),
            data: None,
            meta: None,
        }
    }
}

/// The outcome of a call.
pub type CallResult = Result<Reply, ApiErr>;

/// Everything a handler needs about one call.
#[derive(Debug)]
pub struct Call<'a> {
    /// The operation.
    pub op: &'a Op,
    /// Path parameters by name.
    pub path: HashMap<String, String>,
    /// Query parameters, typed by their schemas.
    pub query: Map<String, Value>,
    /// The JSON body (an empty object when none was sent).
    pub body: Value,
}

impl Call<'_> {
    /// The first path parameter's value (most operations have one).
    pub fn id(&self) -> String {
        self.op
            .segments
            .iter()
            .find_map(|s| match s {
                crate::spec::Seg::Param(n) => self.path.get(n).cloned(),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// A string field of the body.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.body.get(name).and_then(Value::as_str)
    }

    /// An integer field of the body (numeric strings too).
    pub fn int(&self, name: &str) -> Option<i64> {
        as_int(self.body.get(name))
    }
}

/// An integer, or a numeric string, as i64.
pub fn as_int(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// How a payment on the checkout page (or `Simulator::pay`) ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayOutcome {
    /// The card is charged.
    Success,
    /// The bank declines.
    Declined,
    /// The card has too little money.
    InsufficientFunds,
    /// The customer walks away.
    Abandoned,
}

/// Where a transfer ends up once it leaves `pending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferOutcome {
    /// Paid to the recipient.
    Success,
    /// The bank refused it; the money comes back.
    Failed,
    /// Paid, then returned; the money comes back.
    Reversed,
}

/// The simulated Paystack.
#[derive(Debug, Serialize, Deserialize)]
pub struct World {
    /// Every integration.
    pub integrations: Vec<Integration>,
    #[serde(skip)]
    by_key: HashMap<String, usize>,
    /// Simulated time.
    pub clock: Clock,
    /// Next record id (shared by all integrations, as Paystack's ids are global).
    pub next_id: u64,
    /// The URL this simulator answers on, for checkout links.
    #[serde(skip)]
    pub base_url: String,
    /// Every webhook delivery, by id.
    #[serde(skip)]
    pub deliveries: Vec<Delivery>,
    /// Deliveries waiting for the sender.
    #[serde(skip)]
    pub outbox: Vec<usize>,
    /// Requests seen.
    #[serde(skip)]
    pub journal: Vec<JournalEntry>,
    /// Fault rules.
    #[serde(skip)]
    pub faults: Vec<FaultRule>,
    /// Seconds a transfer stays pending before it settles.
    pub transfer_settle_secs: i64,
    /// Seconds a refund stays pending before it is processed.
    pub refund_settle_secs: i64,
    /// Records changed since the last save, as (integration index, table, position).
    #[serde(skip)]
    pub dirty: Vec<(usize, String, usize)>,
    /// Integration settings changed since the last save.
    #[serde(skip)]
    pub dirty_integrations: Vec<usize>,
    /// Set by a reset: the saved records must go too.
    #[serde(skip)]
    pub wiped: bool,
}

impl World {
    /// An empty world answering on `base_url`.
    pub fn new(base_url: String) -> Self {
        World {
            integrations: Vec::new(),
            by_key: HashMap::new(),
            clock: Clock::default(),
            next_id: 4_100_000_001,
            base_url,
            deliveries: Vec::new(),
            outbox: Vec::new(),
            journal: Vec::new(),
            faults: Vec::new(),
            transfer_settle_secs: 60,
            refund_settle_secs: 60,
            dirty: Vec::new(),
            dirty_integrations: Vec::new(),
            wiped: false,
        }
    }

    /// Adds an integration for `secret_key` (idempotent) and returns its index.
    pub fn add_integration(&mut self, secret_key: &str) -> usize {
        if let Some(&i) = self.by_key.get(secret_key) {
            return i;
        }
        let id = 100_000 + self.integrations.len() as u64 + 1;
        self.integrations
            .push(Integration::new(id, secret_key.to_string()));
        let i = self.integrations.len() - 1;
        self.by_key.insert(secret_key.to_string(), i);
        self.dirty_integrations.push(i);
        i
    }

    /// Puts a loaded integration back.
    pub fn restore_integration(&mut self, mut integ: Integration) {
        for t in integ.tables.values_mut() {
            t.reindex();
        }
        let key = integ.secret_key.clone();
        match self.by_key.get(&key) {
            Some(&i) => self.integrations[i] = integ,
            None => {
                self.integrations.push(integ);
                self.by_key.insert(key, self.integrations.len() - 1);
            }
        }
    }

    /// The integration a secret key reaches.
    pub fn integration_for(&self, secret_key: &str) -> Option<usize> {
        self.by_key.get(secret_key).copied()
    }

    /// The simulated now.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// A fresh record id.
    pub fn fresh_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A fresh code with a prefix, such as `CUS_…`.
    pub fn fresh_code(&mut self, prefix: &str) -> String {
        let n = self.fresh_id();
        code(prefix, n)
    }

    /// Stores a new record (stamped with id and dates) and returns it.
    pub fn create(&mut self, ix: usize, table: &str, mut v: Value) -> Value {
        let id = self.fresh_id();
        let now = self.now();
        let integ_id = self.integrations[ix].id;
        stamp_record(&mut v, id, integ_id, now);
        let pos = self.integrations[ix].table(table).insert(v.clone());
        self.dirty.push((ix, table.to_string(), pos));
        v
    }

    /// Replaces a stored record.
    pub fn save(&mut self, ix: usize, table: &str, pos: usize, mut v: Value) {
        if let Some(o) = v.as_object_mut() {
            let now = stamp(self.now());
            o.insert("updatedAt".into(), json!(now));
            o.insert("updated_at".into(), json!(now));
        }
        self.integrations[ix].table(table).set(pos, v);
        self.dirty.push((ix, table.to_string(), pos));
    }

    /// Deletes a stored record.
    pub fn delete(&mut self, ix: usize, table: &str, pos: usize) {
        self.integrations[ix].table(table).remove(pos);
        self.dirty.push((ix, table.to_string(), pos));
    }

    /// Position and copy of a record by id or code.
    pub fn find(&self, ix: usize, table: &str, key: &str) -> Option<(usize, Value)> {
        let t = self.integrations[ix].tables.get(table)?;
        let pos = t.find(key)?;
        Some((pos, t.at(pos).clone()))
    }

    /// Positions (with their records) in `table` whose `status` is `status` and whose
    /// timestamp `field` has come by `now`: what the clock's jobs act on.
    pub fn due(
        &self,
        ix: usize,
        table: &str,
        status: &str,
        field: &str,
        now: DateTime<Utc>,
    ) -> Vec<(usize, Value)> {
        self.integrations[ix]
            .tables
            .get(table)
            .map(|t| {
                t.iter()
                    .filter(|(_, r)| r["status"] == status)
                    .filter(|(_, r)| parse_stamp(r.get(field)).is_some_and(|at| at <= now))
                    .map(|(p, r)| (p, r.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Moves money in or out of the balance and writes the ledger row.
    pub fn move_money(
        &mut self,
        ix: usize,
        currency: &str,
        difference: i64,
        reason: &str,
        model: &str,
        row: &Value,
    ) {
        let integ = &mut self.integrations[ix];
        let balance = integ.balances.entry(currency.to_string()).or_insert(0);
        *balance += difference;
        let balance = *balance;
        self.dirty_integrations.push(ix);
        let entry = json!({
            "balance": balance,
            "currency": currency,
            "difference": difference,
            "reason": reason,
            "model_responsible": model,
            "model_row": row.get("id").cloned().unwrap_or(Value::Null),
        });
        self.create(ix, "ledger", entry);
    }

    /// Queues a webhook for an integration.
    pub fn emit(&mut self, ix: usize, event: &str, data: Value) {
        let integ = &self.integrations[ix];
        let body = json!({"event": event, "data": data}).to_string();
        let signature = paystack::webhook::sign(&integ.secret_key, body.as_bytes());
        let id = self.deliveries.len();
        self.deliveries.push(Delivery {
            id,
            integration: integ.id,
            event: event.to_string(),
            url: integ.webhook_url.clone(),
            body,
            signature,
            attempts: Vec::new(),
            delivered: false,
            created_at: stamp(self.now()),
        });
        if self.deliveries[id].url.is_some() {
            self.outbox.push(id);
        }
    }

    /// Runs everything that is due at the simulated now: transfer settlement, refund
    /// processing, subscription renewals, payouts of settlements, dispute reminders.
    pub fn tick(&mut self) {
        let now = self.now();
        for ix in 0..self.integrations.len() {
            flows::transfers::settle_due(self, ix, now);
            flows::refunds::process_due(self, ix, now);
            flows::subscriptions::renew_due(self, ix, now);
            flows::settlements::settle_due(self, ix, now);
            flows::disputes::remind_due(self, ix, now);
        }
    }

    /// Moves the clock forward and runs what became due.
    pub fn advance(&mut self, secs: i64) {
        self.clock.offset_secs += secs;
        self.tick();
    }

    /// Handles one API call for integration `ix`.
    pub fn call(&mut self, ix: usize, call: &Call) -> CallResult {
        self.tick();
        match flows::dispatch(self, ix, call) {
            Some(r) => r,
            None => generic::handle(self, ix, call),
        }
    }

    /// Forgets every record, delivery and journal entry; keys stay valid.
    pub fn reset(&mut self) {
        let keys: Vec<(String, Option<String>)> = self
            .integrations
            .iter()
            .map(|i| (i.secret_key.clone(), i.webhook_url.clone()))
            .collect();
        let base = std::mem::take(&mut self.base_url);
        *self = World::new(base);
        for (k, url) in keys {
            let ix = self.add_integration(&k);
            self.integrations[ix].webhook_url = url;
        }
        self.wiped = true;
    }

    /// Loads records from a seed: `{"customer": [{...}], "dispute": [...], "balance": {"NGN": 100}}`.
    pub fn seed(&mut self, ix: usize, seed: &Value) -> Result<usize, String> {
        let obj = seed.as_object().ok_or("a seed is a JSON object")?;
        let mut n = 0;
        for (table, rows) in obj {
            if table == "balance" {
                let b = rows
                    .as_object()
                    .ok_or("balance is an object of currency: amount")?;
                for (cur, amount) in b {
                    let amount = as_int(Some(amount)).ok_or("balance amounts are integers")?;
                    let have = self.integrations[ix].balance(cur);
                    self.move_money(ix, cur, amount - have, "Seeded balance", "Seed", &json!({}));
                }
                continue;
            }
            let rows = rows
                .as_array()
                .ok_or_else(|| format!("{table}: a list of records"))?;
            for row in rows {
                if !row.is_object() {
                    return Err(format!("{table}: records are objects"));
                }
                // Seeded ids, codes and dates win over generated ones.
                let mut v = generic::with_codes(self, table, row.clone());
                let id = self.fresh_id();
                let mut base = json!({});
                stamp_record(&mut base, id, self.integrations[ix].id, self.now());
                if let (Some(o), Some(b)) = (v.as_object_mut(), base.as_object()) {
                    for (k, val) in b {
                        o.entry(k.clone()).or_insert_with(|| val.clone());
                    }
                }
                let pos = self.integrations[ix].table(table).insert(v);
                self.dirty.push((ix, table.clone(), pos));
                n += 1;
            }
        }
        Ok(n)
    }

    /// Integration indexes by secret key (for listing).
    pub fn keys(&self) -> BTreeMap<String, usize> {
        self.by_key.iter().map(|(k, v)| (k.clone(), *v)).collect()
    }
}
