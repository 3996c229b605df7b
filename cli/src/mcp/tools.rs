//! Tools from the command table: one per operation, with its input schema, output schema,
//! description and annotations all derived from the spec's data. Nothing here is a hand-kept
//! list of operations; the toolsets are the spec's areas.

use serde_json::{json, Map, Value};

use crate::spec::{self, Field, Kind, Op};

/// Areas whose reads make up the default toolset: enough to look up payments, customers,
/// payouts and refunds without loading every tool (clients cap how many they take).
const DEFAULT_AREAS: &[&str] = &[
    "balance",
    "transactions",
    "customers",
    "transfers",
    "refunds",
];

/// The one write in the default toolset: it makes a checkout link and moves no money, and it
/// is the first step of every flow an agent is likely to try.
const DEFAULT_WRITES: &[&str] = &["transaction_initialize"];

/// Currencies Paystack settles in; the cap and confirmation rules need one stated.
pub const CURRENCIES: &[&str] = &["NGN", "GHS", "ZAR", "KES", "USD", "XOF", "EGP", "RWF"];

/// The MCP tool name of an operation: `transfers_initiate`, `transfer_recipients_create`.
pub fn tool_name(op: &Op) -> String {
    format!("{}_{}", op.area, op.action).replace('-', "_")
}

/// The operation behind a tool name.
pub fn find(name: &str) -> Option<&'static Op> {
    spec::table()
        .operations
        .iter()
        .find(|op| tool_name(op) == name)
}

/// Whether the operation only reads.
pub fn is_read(op: &Op) -> bool {
    op.method == "GET"
}

/// Whether the call carries an amount that the caps and the confirmation must see, so a
/// currency is required with it.
pub fn needs_currency(op: &Op) -> bool {
    let Some(body) = &op.body else {
        return false;
    };
    body.fields.iter().any(|f| f.kind == Kind::Amount)
        || (op.moves_money && (body.kind == "array" || body.fields.iter().any(has_nested_amounts)))
}

/// A JSON field of a money-moving body (a list of transfers, say) whose entries carry amounts.
fn has_nested_amounts(f: &Field) -> bool {
    f.kind == Kind::Json && f.name != "metadata" && f.name != "custom_fields"
}

/// Whether the body has a `currency` field of its own (else the one given is for checks only).
pub fn sends_currency(op: &Op) -> bool {
    op.body
        .as_ref()
        .is_some_and(|b| b.fields.iter().any(|f| f.name == "currency"))
}

/// Which toolsets to serve: area names, `default`, `all` or `dynamic`.
#[derive(Debug, Clone)]
pub enum Selection {
    /// The three discovery tools (search, describe, call) instead of one tool per operation.
    Dynamic,
    /// These operations, each as its own tool.
    Ops(Vec<&'static Op>),
}

/// Resolves `--toolsets`; an unknown name is refused with the list of known ones.
pub fn select(names: &[String], read_only: bool) -> Result<Selection, String> {
    let ops = &spec::table().operations;
    let mut chosen: Vec<&'static Op> = Vec::new();
    for name in names {
        let name = name.trim().replace('_', "-");
        match name.as_str() {
            "dynamic" if names.len() == 1 => return Ok(Selection::Dynamic),
            "dynamic" => return Err("`dynamic` cannot be combined with other toolsets".into()),
            "all" => chosen.extend(ops.iter()),
            "default" => chosen.extend(ops.iter().filter(|op| in_default(op))),
            area if spec::table().areas.iter().any(|a| a.name == area) => {
                chosen.extend(ops.iter().filter(|op| op.area == area))
            }
            other => {
                return Err(format!(
                    "unknown toolset {other:?}; use default, all, dynamic or an area: {}",
                    toolset_names().join(", ")
                ))
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    chosen.retain(|op| seen.insert(op.id.as_str()) && (!read_only || is_read(op)));
    Ok(Selection::Ops(chosen))
}

fn in_default(op: &Op) -> bool {
    (DEFAULT_AREAS.contains(&op.area.as_str()) && is_read(op))
        || DEFAULT_WRITES.contains(&op.id.as_str())
}

/// Every area, as a toolset name.
pub fn toolset_names() -> Vec<String> {
    spec::table().areas.iter().map(|a| a.name.clone()).collect()
}

/// The MCP tool for one operation.
pub fn tool(op: &Op, sim: bool) -> rmcp::model::Tool {
    let annotations = rmcp::model::ToolAnnotations::from_raw(
        Some(title(op)),
        Some(is_read(op)),
        Some(op.moves_money || op.method == "DELETE"),
        Some(op.retry.as_deref() == Some("safe")),
        Some(!sim),
    );
    rmcp::model::Tool::new(tool_name(op), description(op), object(input_schema(op)))
        .with_raw_output_schema(object(output_schema(op)).into())
        .with_annotations(annotations)
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// `Transfers: initiate`.
fn title(op: &Op) -> String {
    let area = op.area.replace('-', " ");
    let mut chars = area.chars();
    let area = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
        None => area,
    };
    format!("{area}: {}", op.action.replace('-', " "))
}

/// What the tool does, when to use it and what it risks, from the spec's summary, description
/// and extension data.
pub fn description(op: &Op) -> String {
    let mut parts = Vec::new();
    let summary = op.summary.trim_end_matches('.');
    if !summary.is_empty() {
        parts.push(format!("{summary}."));
    }
    if !op.description.is_empty() && op.description != op.summary {
        parts.push(op.description.clone());
    }
    parts.push(format!("Calls {} {}.", op.method, op.path));
    if is_read(op) {
        parts.push("Reads only; safe to call again.".into());
    } else if op.moves_money {
        parts.push(
            "MOVES MONEY: the human is asked to confirm (amount, currency, recipient, \
             reference) before anything is sent, and the server's amount caps apply."
                .into(),
        );
    } else if op.method == "DELETE" {
        parts.push("Deletes or deactivates a record.".into());
    } else {
        parts.push("Changes records but moves no money.".into());
    }
    match op.retry.as_deref() {
        Some("by-reference") => parts.push(
            "Give your own unique reference: after a lost answer the server looks the \
             reference up instead of paying twice. Never retry with a new reference."
                .into(),
        ),
        Some("never") => {
            parts.push("Not repeated automatically: calling again may create a duplicate.".into())
        }
        _ => {}
    }
    if needs_currency(op) {
        parts.push(
            "Amounts are strings in major units (\"2500.00\" is two thousand five hundred) \
             with the currency stated."
                .into(),
        );
    }
    parts.join(" ")
}

/// The input JSON Schema: path parameters, query and body fields, amounts in major units.
pub fn input_schema(op: &Op) -> Value {
    let mut props = Map::new();
    let mut required: Vec<String> = Vec::new();
    let fields = op
        .path_params
        .iter()
        .map(|f| (f, true))
        .chain(op.query.iter().map(|f| (f, f.required)));
    for (f, req) in fields {
        props.insert(f.name.clone(), field_schema(f));
        if req {
            required.push(f.name.clone());
        }
    }
    if let Some(body) = &op.body {
        if body.kind == "array" {
            props.insert(
                "items".into(),
                json!({
                    "type": "array",
                    "minItems": 1,
                    "items": {"type": "object"},
                    "description": "The entries of the request, each an object as the operation \
                                    takes it; every `amount` in them is a string in major units.",
                }),
            );
            required.push("items".into());
        }
        for f in &body.fields {
            let mut schema = field_schema(f);
            if let Some(v) = fixed(f) {
                schema["default"] = json!(v);
            }
            props.insert(f.name.clone(), schema);
            let by_reference = op.retry.as_deref() == Some("by-reference") && f.name == "reference";
            if (f.required && fixed(f).is_none()) || by_reference {
                required.push(f.name.clone());
            }
        }
    }
    if needs_currency(op) {
        let mut currency = json!({
            "type": "string",
            "enum": CURRENCIES,
            "description": "The currency of every amount in this call (ISO code).",
        });
        if !sends_currency(op) {
            currency["description"] = json!(
                "The currency of the amounts in this call (ISO code); used for the safety caps \
                 and the confirmation, not sent."
            );
        }
        props.insert("currency".into(), currency);
        if !required.iter().any(|r| r == "currency") {
            required.push("currency".into());
        }
    }
    required.dedup();
    json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

/// The value of a required field that can hold only one (a transfer's `source`, today always
/// `balance`): filled in when left out, so the agent need not guess it.
pub fn fixed(f: &Field) -> Option<&str> {
    match f.values.as_slice() {
        [only] if f.required && f.kind == Kind::String => Some(only),
        _ => None,
    }
}

/// One field's schema.
fn field_schema(f: &Field) -> Value {
    let mut s = match f.kind {
        Kind::String => json!({"type": "string"}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Number => json!({"type": "number"}),
        Kind::Boolean => json!({"type": "boolean"}),
        Kind::Amount => json!({
            "type": "string",
            "pattern": AMOUNT_PATTERN,
        }),
        Kind::List => {
            let item = if f.item.as_deref() == Some("integer") {
                json!({"type": "integer"})
            } else {
                json!({"type": "string"})
            };
            json!({"type": "array", "items": item})
        }
        Kind::Json => json!({}),
    };
    if !f.values.is_empty() {
        let target = if f.kind == Kind::List {
            &mut s["items"]
        } else {
            &mut s
        };
        target["enum"] = json!(f.values);
    }
    let mut desc = f.desc.clone();
    match f.kind {
        Kind::Amount => {
            desc = join(
                &desc,
                "In major units as a string, e.g. \"2500.00\" (never subunits).",
            )
        }
        Kind::Json if has_nested_amounts(f) => {
            desc = join(&desc, "Any `amount` inside is a string in major units.")
        }
        _ => {}
    }
    if !desc.is_empty() {
        s["description"] = json!(desc);
    }
    s
}

/// Major units: digits with an optional `.` and at most two decimals.
pub const AMOUNT_PATTERN: &str = "^[0-9][0-9_,]*(\\.[0-9]{1,2})?$";

fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{} {b}", a.trim_end())
    }
}

/// What `build.rs` found of each operation's `data` (field names and descriptions).
fn data_shapes() -> &'static Map<String, Value> {
    static SHAPES: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/responses.json")))
            .expect("build.rs writes valid response shapes")
    })
}

/// Every answer: Paystack's envelope, plus what the server learned after a lost answer. The
/// `data` part lists the operation's fields from the spec.
pub fn output_schema(op: &Op) -> Value {
    let mut schema = json!({
        "type": "object",
        "properties": {
            "status": {"type": "boolean", "description": "Whether Paystack accepted the request."},
            "message": {"type": "string", "description": "Paystack's message."},
            "data": {"description": "The record or list. Amounts here are in subunits, as Paystack sends them (100 subunits = 1 major unit)."},
            "meta": {"description": "Paging facts on lists."},
            "recovered": {"type": "boolean", "description": "True when the answer was lost and this record was found by its reference instead."},
        },
        "required": ["status", "data"],
    });
    if let Some(Value::Object(shape)) = data_shapes().get(&op.id) {
        let data = &mut schema["properties"]["data"];
        for (k, v) in shape {
            if k != "description" {
                data[k] = v.clone();
            }
        }
    }
    schema
}
