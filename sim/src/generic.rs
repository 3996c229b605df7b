//! Create, fetch, list, update, delete and actions over stored records, for every operation
//! without a handwritten flow. The operation's method and path shape say which it is.

use serde_json::{json, Map, Value};

use crate::spec::{Op, Seg};
use crate::world::{ApiErr, Call, CallResult, Reply, World};

/// The code field and prefix a resource's records carry, if any.
pub fn code_field(table: &str) -> Option<(&'static str, &'static str)> {
    Some(match table {
        "customer" => ("customer_code", "CUS_"),
        "plan" => ("plan_code", "PLN_"),
        "subaccount" => ("subaccount_code", "ACCT_"),
        "split" => ("split_code", "SPL_"),
        "product" => ("product_code", "PROD_"),
        "paymentrequest" => ("request_code", "PRQ_"),
        "transferrecipient" => ("recipient_code", "RCP_"),
        "subscription" => ("subscription_code", "SUB_"),
        "transfer" => ("transfer_code", "TRF_"),
        "virtual_terminal" => ("code", "VT_"),
        "bulkcharge" => ("batch_code", "BCH_"),
        "order" => ("order_code", "ORD_"),
        "storefront" => ("slug", "shop-"),
        "page" => ("slug", "page-"),
        "terminal" => ("terminal_id", "TRM_"),
        _ => return None,
    })
}

/// Adds the resource's code to a new record when it has none.
pub fn with_codes(world: &mut World, table: &str, mut v: Value) -> Value {
    if let Some((field, prefix)) = code_field(table) {
        if v.get(field)
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            let c = world.fresh_code(prefix);
            if let Some(o) = v.as_object_mut() {
                o.insert(field.into(), json!(c));
            }
        }
    }
    v
}

/// What a generic operation does, from its method and path shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `POST /thing`
    Create,
    /// `GET /thing`
    List,
    /// `GET /thing/{id}`
    Fetch,
    /// `PUT /thing/{id}`
    Update,
    /// `DELETE /thing/{id}`
    Delete,
    /// Anything else: an action on a record (when the path names one) or on the integration.
    Action,
}

/// Classifies an operation.
pub fn kind(op: &Op) -> Kind {
    let param_second = matches!(op.segments.get(1), Some(Seg::Param(_)));
    match (op.method.as_str(), op.segments.len()) {
        ("POST", 1) => Kind::Create,
        ("GET", 1) => Kind::List,
        ("GET", 2) if param_second => Kind::Fetch,
        ("PUT", 2) if param_second => Kind::Update,
        ("DELETE", 2) if param_second => Kind::Delete,
        _ => Kind::Action,
    }
}

/// Title-cased resource name for messages.
fn title(table: &str) -> String {
    let mut s = table.replace('_', " ");
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// Query parameters that steer paging rather than filter records.
const PAGING: &[&str] = &[
    "page",
    "perPage",
    "per_page",
    "use_cursor",
    "next",
    "previous",
    "from",
    "to",
];

/// Keeps records whose scalar fields equal the query's filters. A filter naming a field the
/// record lacks (or holds as an object) does not exclude it.
pub fn filter<'a>(rows: impl Iterator<Item = &'a Value>, query: &Map<String, Value>) -> Vec<Value> {
    let filters: Vec<(&String, String)> = query
        .iter()
        .filter(|(k, _)| !PAGING.contains(&k.as_str()))
        .map(|(k, v)| {
            (
                k,
                match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                },
            )
        })
        .collect();
    let from = query
        .get("from")
        .and_then(Value::as_str)
        .and_then(date_bound);
    let to = query.get("to").and_then(Value::as_str).and_then(date_bound);
    rows.filter(|r| {
        filters.iter().all(|(k, want)| match r.get(k.as_str()) {
            Some(Value::String(s)) => s == want,
            Some(Value::Number(n)) => n.to_string() == *want,
            Some(Value::Bool(b)) => b.to_string() == *want,
            _ => true,
        }) && {
            let at = crate::state::parse_stamp(r.get("createdAt"));
            match at {
                Some(at) => from.is_none_or(|f| at >= f) && to.is_none_or(|t| at <= t),
                None => true,
            }
        }
    })
    .cloned()
    .collect()
}

fn date_bound(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// One page of `rows` by offset (`page`/`perPage`) or by cursor (`use_cursor`, `next`,
/// `previous`), with a `meta` that tells the truth.
pub fn paginate(rows: Vec<Value>, query: &Map<String, Value>) -> (Vec<Value>, Value) {
    let per_page = query
        .get("perPage")
        .or_else(|| query.get("per_page"))
        .and_then(Value::as_i64)
        .unwrap_or(50)
        .clamp(1, 1000) as usize;
    let total = rows.len();
    let cursor = |s: &str| -> Option<usize> { s.strip_prefix("cur_")?.parse().ok() };
    let cursor_mode = query.get("use_cursor").and_then(Value::as_bool) == Some(true)
        || query.contains_key("next")
        || query.contains_key("previous");
    if cursor_mode {
        let start = if let Some(n) = query.get("next").and_then(Value::as_str) {
            cursor(n).unwrap_or(0)
        } else if let Some(p) = query.get("previous").and_then(Value::as_str) {
            cursor(p).unwrap_or(0).saturating_sub(per_page)
        } else {
            0
        }
        .min(total);
        let end = (start + per_page).min(total);
        let page: Vec<Value> = rows[start..end].to_vec();
        let next = (end < total).then(|| format!("cur_{end}"));
        let previous = (start > 0).then(|| format!("cur_{start}"));
        return (
            page,
            json!({"next": next, "previous": previous, "perPage": per_page}),
        );
    }
    let page_no = query
        .get("page")
        .and_then(Value::as_i64)
        .unwrap_or(1)
        .max(1) as usize;
    let skipped = (page_no - 1).saturating_mul(per_page).min(total);
    let end = (skipped + per_page).min(total);
    let page: Vec<Value> = rows[skipped..end].to_vec();
    let page_count = total.div_ceil(per_page).max(1);
    (
        page,
        json!({
            "total": total,
            "skipped": skipped,
            "perPage": per_page,
            "page": page_no,
            "pageCount": page_count,
        }),
    )
}

/// Lists a table: filtered, newest first, paged.
pub fn list(world: &World, ix: usize, table: &str, call: &Call) -> Reply {
    let rows = match world.integrations[ix].tables.get(table) {
        Some(t) => filter(t.newest_first(), &call.query),
        None => Vec::new(),
    };
    let (data, meta) = paginate(rows, &call.query);
    Reply {
        message: format!("{}s retrieved", title(table)),
        data: Some(Value::Array(data)),
        meta: Some(meta),
    }
}

/// Merges `patch`'s fields into `into` (both objects).
pub fn merge(into: &mut Value, patch: &Value) {
    if let (Some(o), Some(p)) = (into.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            o.insert(k.clone(), v.clone());
        }
    }
}

/// Whether the operation's `data` is a list.
fn data_is_list(op: &Op) -> bool {
    let s = crate::spec::spec();
    op.response
        .1
        .as_ref()
        .map(|r| s.resolve(r))
        .and_then(|r| r.pointer("/properties/data"))
        .map(|d| s.resolve(d))
        .and_then(|d| d.get("type"))
        .and_then(Value::as_str)
        == Some("array")
}

/// Serves an operation from the store.
pub fn handle(world: &mut World, ix: usize, call: &Call) -> CallResult {
    let table = call.op.resource().to_string();
    let name = title(&table);
    match kind(call.op) {
        Kind::Create => {
            let v = with_codes(world, &table, call.body.clone());
            let rec = world.create(ix, &table, v);
            Ok(Reply::data(format!("{name} created"), rec))
        }
        Kind::List => Ok(list(world, ix, &table, call)),
        Kind::Fetch => {
            let (_, rec) = world
                .find(ix, &table, &call.id())
                .ok_or_else(|| ApiErr::not_found(&name))?;
            Ok(Reply::data(format!("{name} retrieved"), rec))
        }
        Kind::Update => {
            let (pos, mut rec) = world
                .find(ix, &table, &call.id())
                .ok_or_else(|| ApiErr::not_found(&name))?;
            merge(&mut rec, &call.body);
            world.save(ix, &table, pos, rec.clone());
            Ok(Reply::data(format!("{name} updated"), rec))
        }
        Kind::Delete => {
            let (pos, _) = world
                .find(ix, &table, &call.id())
                .ok_or_else(|| ApiErr::not_found(&name))?;
            world.delete(ix, &table, pos);
            Ok(Reply::message(format!("{name} deleted")))
        }
        Kind::Action => {
            // `/thing/{id}/...` acts on a record that must exist; other shapes look one up
            // when they can and otherwise answer from the request.
            let on_record = matches!(call.op.segments.get(1), Some(Seg::Param(_)));
            let id = call.id();
            let found = if id.is_empty() {
                None
            } else {
                world.find(ix, &table, &id)
            };
            if on_record && found.is_none() {
                return Err(ApiErr::not_found(&name));
            }
            if data_is_list(call.op) {
                // Sub-lists (a storefront's orders, a customer's mandates) are not tracked
                // as their own records: an honest empty page.
                let (data, meta) = paginate(Vec::new(), &call.query);
                return Ok(Reply {
                    message: format!("{name} items retrieved"),
                    data: Some(Value::Array(data)),
                    meta: Some(meta),
                });
            }
            let mut data = found.map(|(_, r)| r).unwrap_or_else(|| json!({}));
            merge(&mut data, &call.body);
            Ok(Reply::data(format!("{name} request processed"), data))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_and_cursor_pages() {
        let rows: Vec<Value> = (0..7).map(|i| json!({"id": i})).collect();
        let mut q = Map::new();
        q.insert("perPage".into(), json!(3));
        q.insert("page".into(), json!(3));
        let (page, meta) = paginate(rows.clone(), &q);
        assert_eq!(page, vec![json!({"id": 6})]);
        assert_eq!(meta["pageCount"], 3);
        assert_eq!(meta["skipped"], 6);
        let mut q = Map::new();
        q.insert("perPage".into(), json!(3));
        q.insert("use_cursor".into(), json!(true));
        let (page, meta) = paginate(rows.clone(), &q);
        assert_eq!(page.len(), 3);
        assert_eq!(meta["next"], "cur_3");
        assert!(meta["previous"].is_null());
        q.insert("next".into(), meta["next"].clone());
        let (page, meta) = paginate(rows, &q);
        assert_eq!(page[0]["id"], 3);
        assert_eq!(meta["previous"], "cur_3");
    }
}
