//! Turns the project's OpenAPI description into the command table the binary embeds.
//!
//! The spec is the one source of truth for the command tree: one entry per operation with its
//! area, action, method, path, parameters and body fields. `src/spec.rs` reads the table back
//! and `src/tree.rs` builds clap commands from it at run time. The webhook example payloads
//! (the project's own fixtures) are embedded the same way for `paystack webhook trigger`.

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

// `openapi` and `fixtures/webhook` are links into the workspace (`openapi/`,
// `tests/fixtures/webhook/`), so the published crate carries what the build reads.
#[path = "openapi/bundle.rs"]
#[allow(dead_code)]
mod bundle;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let openapi = root.join("openapi");
    let fixtures = root.join("fixtures/webhook");
    println!("cargo:rerun-if-changed={}", openapi.display());
    println!("cargo:rerun-if-changed={}", openapi.join("paths").display());
    println!("cargo:rerun-if-changed={}", fixtures.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let spec = bundle::bundle(&openapi).unwrap_or_else(|e| panic!("bundling the spec: {e}"));
    let table = command_table(&openapi, &spec);
    std::fs::write(out.join("commands.json"), table.to_string()).unwrap();
    std::fs::write(
        out.join("responses.json"),
        responses(&table, &spec).to_string(),
    )
    .unwrap();
    std::fs::write(out.join("webhook_examples.rs"), webhook_examples(&fixtures)).unwrap();
}

/// What a group file (`openapi/paths/<group>.yaml`) is called on the command line.
///
/// The names follow the SDK's handlers (`ps.transfer_recipients()` is `transfer-recipients`).
fn area_name(group: &str) -> String {
    let name = match group {
        "bank" => "banks",
        "bulk_charge" => "bulk-charges",
        "charge" => "charges",
        "customer" => "customers",
        "dedicated_virtual_account" => "dedicated-accounts",
        "dispute" => "disputes",
        "miscellaneous" => "misc",
        "order" => "orders",
        "page" => "pages",
        "payment_request" => "payment-requests",
        "plan" => "plans",
        "preauthorization" => "preauthorizations",
        "product" => "products",
        "refund" => "refunds",
        "settlement" => "settlements",
        "split" => "splits",
        "storefront" => "storefronts",
        "subaccount" => "subaccounts",
        "subscription" => "subscriptions",
        "terminal" => "terminals",
        "transaction" => "transactions",
        "transfer" => "transfers",
        "transfer_recipient" => "transfer-recipients",
        "virtual_terminal" => "virtual-terminals",
        other => return other.replace('_', "-"),
    };
    name.to_string()
}

/// `transfer_resendOtp` → `resend-otp`: the part after the group prefix, in kebab case.
fn action_name(operation_id: &str) -> String {
    kebab(
        operation_id
            .split_once('_')
            .map_or(operation_id, |(_, r)| r),
    )
}

/// `callback_url` → `callback-url`, `perPage` → `per-page`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '_' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

/// The comment block at the top of a group file, which says what the area is for.
fn area_about(text: &str) -> String {
    let mut lines = Vec::new();
    for line in text.lines() {
        // The first paragraph only: notes on the spec follow after a blank comment line.
        match line.strip_prefix('#').map(str::trim) {
            Some("") | None => break,
            Some(rest) => lines.push(rest),
        }
    }
    lines.join(" ")
}

fn command_table(openapi: &Path, spec: &Value) -> Value {
    let mut files: Vec<PathBuf> = std::fs::read_dir(openapi.join("paths"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut areas = Vec::new();
    let mut ops = Vec::new();
    for file in files {
        let group = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let part: Value = serde_norway::from_str(&text).unwrap();
        let area = area_name(&group);
        areas.push(json!({"name": area, "group": group, "about": area_about(&text)}));
        let Some(paths) = part.get("paths").and_then(Value::as_object) else {
            continue;
        };
        for (path, item) in paths {
            let shared = item.get("parameters").cloned().unwrap_or(json!([]));
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(op) = item.get(method) {
                    ops.push(operation(spec, &area, path, method, op, &shared));
                }
            }
        }
    }
    json!({"areas": areas, "operations": ops})
}

fn operation(
    spec: &Value,
    area: &str,
    path: &str,
    method: &str,
    op: &Value,
    shared: &Value,
) -> Value {
    let id = op["operationId"]
        .as_str()
        .expect("every operation has an id");
    let mut path_params = Vec::new();
    let mut query = Vec::new();
    let params = shared.as_array().into_iter().flatten().chain(
        op.get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    for p in params {
        let p = resolve(spec, p);
        let name = p["name"].as_str().unwrap_or_default();
        let schema = p.get("schema").cloned().unwrap_or(json!({}));
        let mut f = field(
            spec,
            name,
            &schema,
            p["required"].as_bool().unwrap_or(false),
        );
        if let Some(d) = p.get("description").and_then(Value::as_str) {
            f["desc"] = json!(one_line(d));
        }
        match p["in"].as_str() {
            Some("path") => path_params.push(f),
            Some("query") => query.push(f),
            _ => {}
        }
    }
    let body = op
        .pointer("/requestBody/content/application~1json/schema")
        .map(|schema| body(spec, schema, op.pointer("/requestBody/required")));
    json!({
        "id": id,
        "area": area,
        "action": action_name(id),
        "method": method.to_uppercase(),
        "path": path,
        "summary": op.get("summary").and_then(Value::as_str).map(one_line).unwrap_or_default(),
        "description": op.get("description").and_then(Value::as_str).map(one_line).unwrap_or_default(),
        "path_params": path_params,
        "query": query,
        "body": body,
        "retry": op.get("x-paystack-retry").cloned().unwrap_or(Value::Null),
        "moves_money": op.get("x-paystack-moves-money").and_then(Value::as_bool).unwrap_or(false),
        "amounts": answer_amounts(spec, op),
    })
}

const AMOUNT: &str = "#/components/schemas/Amount";

/// Where the success answer carries money: the path to every field typed `Amount`, with `*`
/// for the items of an array (`["data", "*", "amount"]`). Tables and YAML print these in major
/// units; the spec, not a list of field names, says which fields they are.
fn answer_amounts(spec: &Value, op: &Value) -> Vec<Vec<String>> {
    let schema = op
        .get("responses")
        .and_then(Value::as_object)
        .and_then(|r| r.iter().find(|(code, _)| code.starts_with('2')))
        .and_then(|(_, r)| r.pointer("/content/application~1json/schema"));
    let mut out = Vec::new();
    if let Some(schema) = schema {
        amounts_in(spec, schema, &mut Vec::new(), &mut Vec::new(), &mut out);
    }
    // The parts of an allOf or oneOf can name the same field.
    out.sort();
    out.dedup();
    out
}

fn amounts_in(
    spec: &Value,
    schema: &Value,
    path: &mut Vec<String>,
    seen: &mut Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        if r == AMOUNT {
            out.push(path.clone());
        } else if !seen.iter().any(|s| s == r) {
            // A schema that contains itself (a split's subaccounts...) is walked once per path.
            seen.push(r.to_string());
            amounts_in(spec, resolve(spec, schema), path, seen, out);
            seen.pop();
        }
        return;
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for part in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            amounts_in(spec, part, path, seen, out);
        }
    }
    for (name, prop) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        path.push(name.clone());
        amounts_in(spec, prop, path, seen, out);
        path.pop();
    }
    if let Some(items) = schema.get("items") {
        path.push("*".into());
        amounts_in(spec, items, path, seen, out);
        path.pop();
    }
}

fn body(spec: &Value, schema: &Value, required: Option<&Value>) -> Value {
    let schema = flatten(spec, schema);
    let required_body = required.and_then(Value::as_bool).unwrap_or(false);
    if schema.get("type").and_then(Value::as_str) == Some("array") {
        return json!({"kind": "array", "required": required_body, "fields": []});
    }
    let needed: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            fields.push(field(spec, name, prop, needed.contains(&name.as_str())));
        }
    }
    json!({"kind": "object", "required": required_body, "fields": fields})
}

/// One flag: its wire name, its kind (how the text on the command line is turned into JSON),
/// whether it is required, its allowed values and a one-line description.
fn field(spec: &Value, name: &str, schema: &Value, required: bool) -> Value {
    let resolved = flatten(spec, schema);
    let ty = resolved.get("type").and_then(Value::as_str).unwrap_or("");
    // Money fields refer to the Amount component. Two list filters (`plan_list`,
    // `transaction_list`) type their `amount` as a bare integer; on the command line every
    // amount is in major units, so those count as money too.
    let is_amount = schema.get("$ref").and_then(Value::as_str)
        == Some("#/components/schemas/Amount")
        || (name == "amount" && ty == "integer");
    let (kind, item) = if is_amount {
        ("amount", Value::Null)
    } else {
        match ty {
            "integer" => ("integer", Value::Null),
            "number" => ("number", Value::Null),
            "boolean" => ("boolean", Value::Null),
            "string" => ("string", Value::Null),
            "array" => {
                let items = flatten(spec, resolved.get("items").unwrap_or(&Value::Null));
                match items.get("type").and_then(Value::as_str) {
                    Some(t @ ("string" | "integer")) => ("list", json!(t)),
                    _ => ("json", Value::Null),
                }
            }
            _ => ("json", Value::Null),
        }
    };
    let mut values: Vec<Value> = resolved
        .get("enum")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if kind == "list" {
        let items = flatten(spec, resolved.get("items").unwrap_or(&Value::Null));
        values = items
            .get("enum")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
    }
    // The Amount component describes the wire (subunits); the flag takes major units, so only
    // a field's own description is kept for amounts.
    let own = schema.get("description");
    let desc = if is_amount {
        own
    } else {
        own.or_else(|| resolved.get("description"))
    }
    .and_then(Value::as_str)
    .map(one_line)
    .unwrap_or_default();
    let mut f = json!({"name": name, "flag": kebab(name), "kind": kind, "required": required, "desc": desc});
    if !item.is_null() {
        f["item"] = item;
    }
    if !values.is_empty() {
        f["enum"] = Value::Array(values.into_iter().filter(|v| v.is_string()).collect());
    }
    f
}

fn resolve<'a>(spec: &'a Value, v: &'a Value) -> &'a Value {
    let mut v = v;
    for _ in 0..16 {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| spec.pointer(p)) {
                Some(target) => v = target,
                None => panic!("unresolved reference {r}"),
            },
            None => break,
        }
    }
    v
}

/// A schema with its `$ref` followed and an `allOf` merged into one object.
fn flatten(spec: &Value, v: &Value) -> Value {
    let v = resolve(spec, v);
    let Some(parts) = v.get("allOf").and_then(Value::as_array) else {
        return v.clone();
    };
    let mut props = Map::new();
    let mut required = Vec::new();
    for part in parts {
        let part = flatten(spec, part);
        if let Some(p) = part.get("properties").and_then(Value::as_object) {
            props.extend(p.clone());
        }
        if let Some(r) = part.get("required").and_then(Value::as_array) {
            required.extend(r.clone());
        }
    }
    json!({"type": "object", "properties": props, "required": required})
}

/// For `paystack mcp`'s output schemas: each operation's `data`, as field names and
/// descriptions only (no types), so the schema documents the answer without ever rejecting
/// one of Paystack's looser shapes (a number sent as a string, a null object).
fn responses(table: &Value, spec: &Value) -> Value {
    let mut out = Map::new();
    for op in table["operations"].as_array().into_iter().flatten() {
        let (Some(id), Some(method), Some(path)) = (
            op["id"].as_str(),
            op["method"].as_str(),
            op["path"].as_str(),
        ) else {
            continue;
        };
        let pointer = format!(
            "/paths/{}/{}/responses/200/content/application~1json/schema",
            path.replace('~', "~0").replace('/', "~1"),
            method.to_lowercase()
        );
        if let Some(schema) = spec.pointer(&pointer) {
            let whole = flatten(spec, schema);
            if let Some(data) = whole.pointer("/properties/data") {
                out.insert(id.to_string(), shape(spec, data, 3));
            }
        }
    }
    Value::Object(out)
}

/// A schema's field names and descriptions, `depth` levels down.
fn shape(spec: &Value, schema: &Value, depth: u32) -> Value {
    let is_amount =
        schema.get("$ref").and_then(Value::as_str) == Some("#/components/schemas/Amount");
    let resolved = flatten(spec, schema);
    let mut out = Map::new();
    let desc = schema
        .get("description")
        .or_else(|| resolved.get("description"))
        .and_then(Value::as_str)
        .map(one_line);
    let desc = match (is_amount, desc) {
        (true, _) => Some("Money in subunits (100 subunits = 1 major unit).".to_string()),
        (false, d) => d,
    };
    if let Some(d) = desc.filter(|d| !d.is_empty()) {
        out.insert("description".into(), json!(d));
    }
    if depth == 0 {
        return Value::Object(out);
    }
    if let Some(items) = resolved.get("items") {
        out.insert("items".into(), shape(spec, items, depth - 1));
    }
    if let Some(props) = resolved.get("properties").and_then(Value::as_object) {
        let fields: Map<String, Value> = props
            .iter()
            .map(|(k, v)| (k.clone(), shape(spec, v, depth - 1)))
            .collect();
        out.insert("properties".into(), Value::Object(fields));
    }
    Value::Object(out)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `(event name, example body)` for every fixture named after an event.
fn webhook_examples(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        // unknown.json is no event; variants such as `charge.success-pos` are kept and
        // `src/webhook/trigger.rs` picks the ones named exactly after an event.
        if !stem.contains('.') {
            continue;
        }
        out.push_str(&format!(
            "    ({stem:?}, include_str!({:?})),\n",
            file.canonicalize().unwrap().display().to_string()
        ));
    }
    out.push(']');
    out
}
