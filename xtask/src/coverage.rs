//! The coverage report: operation → wrapper → typing → tests.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// One operation of a spec.
pub struct Op {
    pub id: String,
    pub method: String,
    pub path: String,
    pub tag: String,
    pub node: Value,
}

/// All operations of a spec, sorted by tag then operation id.
pub fn operations(spec: &Value) -> Vec<Op> {
    let mut out = Vec::new();
    if let Some(paths) = spec.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (method, node) in item {
                let Some(id) = node.get("operationId").and_then(Value::as_str) else {
                    continue;
                };
                let tag = node
                    .pointer("/tags/0")
                    .and_then(Value::as_str)
                    .unwrap_or("(untagged)")
                    .to_string();
                out.push(Op {
                    id: id.to_string(),
                    method: method.to_uppercase(),
                    path: path.clone(),
                    tag,
                    node: node.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.tag, &a.id).cmp(&(&b.tag, &b.id)));
    out
}

/// Follows `$ref`s (local ones only) to the schema they name.
pub fn resolve<'a>(spec: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..32 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| spec.pointer(p)) {
                Some(target) => node = target,
                None => return node,
            },
            None => return node,
        }
    }
    node
}

/// How well an operation's success `data` is described.
#[derive(Debug, Clone, PartialEq)]
pub enum Typing {
    /// Field by field (an object with properties, or an array of them, or a scalar type).
    Typed,
    /// The operation answers only `{status, message}`.
    NoData,
    /// A free-form value; the string says where.
    Untyped(String),
}

/// The success response schema of an operation (first 2xx with JSON content).
pub fn success_schema<'a>(spec: &'a Value, op: &'a Value) -> Option<&'a Value> {
    let responses = op.get("responses")?.as_object()?;
    let (_, resp) = responses.iter().find(|(code, _)| code.starts_with('2'))?;
    let resp = resolve(spec, resp);
    let schema = resp.pointer("/content/application~1json/schema")?;
    Some(resolve(spec, schema))
}

/// Classifies the `data` of an operation's success response.
pub fn data_typing(spec: &Value, op: &Value) -> Typing {
    let Some(envelope) = success_schema(spec, op) else {
        return Typing::Untyped("no JSON success response".into());
    };
    match envelope.pointer("/properties/data") {
        None => Typing::NoData,
        Some(data) => schema_typing(spec, data, "data", 0),
    }
}

fn schema_typing(spec: &Value, node: &Value, at: &str, depth: usize) -> Typing {
    if depth > 8 {
        return Typing::Typed;
    }
    let node = resolve(spec, node);
    if let Some(rep) = node.get("x-rust-replacement").and_then(Value::as_str) {
        return if rep.contains("serde_json::Value") {
            Typing::Untyped(format!("{at} is free-form JSON"))
        } else {
            Typing::Typed
        };
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            for (i, item) in list.iter().enumerate() {
                if let Typing::Untyped(r) =
                    schema_typing(spec, item, &format!("{at}.{key}[{i}]"), depth + 1)
                {
                    return Typing::Untyped(r);
                }
            }
            return Typing::Typed;
        }
    }
    match node.get("type").and_then(Value::as_str) {
        Some("array") => match node.get("items") {
            Some(items) => schema_typing(spec, items, &format!("{at}[]"), depth + 1),
            None => Typing::Untyped(format!("{at} is an array of anything")),
        },
        Some("object") | None => {
            let has_props = node
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| !p.is_empty());
            if has_props {
                Typing::Typed
            } else {
                Typing::Untyped(format!("{at} has no properties"))
            }
        }
        Some(_) => Typing::Typed,
    }
}

/// `transaction_chargeAuthorization` → `transaction_charge_authorization`.
pub use crate::bundle::snake;

/// `Name => operation_id -> Data {` lines of `request!` blocks, by operation id.
fn wrappers(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (module, text) in rust_files(&root.join("src/api"))? {
        for line in text.lines() {
            let t = line.trim();
            let Some((name, rest)) = t.split_once(" => ") else {
                continue;
            };
            let op: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `Name => op -> Data {`: skip the data type the blocking client's `send` uses.
            let after = rest[op.len()..].trim_start();
            let after = after
                .strip_prefix("->")
                .map_or(after, |ty| ty.trim_start_matches(|c| c != '{'));
            if !after.starts_with('{') {
                continue;
            }
            let op = op.as_str();
            let is_ident =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if is_ident(name) && is_ident(op) && name.starts_with(|c: char| c.is_ascii_uppercase())
            {
                out.insert(op.to_string(), format!("{module}::{name}"));
            }
        }
    }
    Ok(out)
}

/// Test function names in `tests/api/*.rs`, with their module.
fn tests(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (module, text) in rust_files(&root.join("tests/api"))? {
        for line in text.lines() {
            if let Some(rest) = line.trim().strip_prefix("async fn ") {
                if let Some(name) = rest.split('(').next() {
                    out.push((module.clone(), name.to_string()));
                }
            }
        }
    }
    Ok(out)
}

fn rust_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let module = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::read_to_string(&p)
                .map(|t| (module, t))
                .map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// `event name → component schema`, from every schema's `x-paystack-webhook-events`.
fn spec_events(spec: &Value) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    let schemas = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (name, schema) in schemas.into_iter().flatten() {
        let Some(events) = schema.get("x-paystack-webhook-events") else {
            continue;
        };
        let events = events
            .as_array()
            .ok_or_else(|| format!("{name}: x-paystack-webhook-events is not a list"))?;
        for event in events {
            let event = event
                .as_str()
                .ok_or_else(|| format!("{name}: an event name is not text"))?;
            if let Some(other) = out.insert(event.to_string(), name.clone()) {
                return Err(format!(
                    "webhook event {event} is claimed by {other} and {name}"
                ));
            }
        }
    }
    Ok(out)
}

/// `event name → payload type` from the `events!` table of `src/webhook/event.rs`
/// (`Variant = "name" => Box<types::Schema>,`).
fn code_events(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let path = root.join("src/webhook/event.rs");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some((left, ty)) = line.trim().split_once(" => ") else {
            continue;
        };
        let Some(name) = left
            .split_once(" = \"")
            .and_then(|(_, n)| n.strip_suffix('"'))
        else {
            continue;
        };
        out.insert(name.to_string(), ty.trim_end_matches(',').to_string());
    }
    Ok(out)
}

/// The webhook section: every event, the schema the spec gives its `data`, and whether the
/// SDK decodes it into that type. A disagreement either way is an error.
fn webhook_section(root: &Path, spec: &Value) -> Result<String, String> {
    let ours = spec_events(spec)?;
    let code = code_events(root)?;
    let fixtures = root.join("tests/fixtures/webhook");
    let mut rows = String::new();
    for (event, schema) in &ours {
        let ty = code.get(event).ok_or_else(|| {
            format!(
                "the spec describes webhook {event}, which src/webhook/event.rs does not decode"
            )
        })?;
        let expected = [
            format!("Box<types::{schema}>"),
            format!("Vec<types::{schema}>"),
        ];
        if !expected.contains(ty) {
            return Err(format!(
                "webhook {event}: the spec says {schema}, src/webhook/event.rs decodes {ty}"
            ));
        }
        let fixture = fixtures.join(format!("{event}.json")).exists();
        let _ = writeln!(
            rows,
            "| `{event}` | `{schema}` | `{ty}` | {} |",
            if fixture { "yes" } else { "—" }
        );
    }
    if let Some(event) = code.keys().find(|e| !ours.contains_key(*e)) {
        return Err(format!(
            "src/webhook/event.rs decodes {event}, which no schema's x-paystack-webhook-events lists"
        ));
    }
    let mut out = String::new();
    let _ = writeln!(out, "\n## Webhook events\n");
    let _ = writeln!(
        out,
        "{} events, each decoded into the schema whose `x-paystack-webhook-events` lists it.\n",
        ours.len()
    );
    let _ = writeln!(out, "| event | `data` schema | `Event` payload | fixture |");
    let _ = writeln!(out, "|---|---|---|---|");
    out.push_str(&rows);
    Ok(out)
}

/// Renders `openapi/coverage.md`.
pub fn report(root: &Path, spec: &Value) -> Result<String, String> {
    let ops = operations(spec);
    let wrappers = wrappers(root)?;
    let tests = tests(root)?;
    let mut rows = String::new();
    let (mut wrapped, mut typed, mut tested) = (0, 0, 0);
    let mut classes = BTreeMap::new();
    for op in &ops {
        let wrapper = wrappers.get(&op.id);
        let typing = data_typing(spec, &op.node);
        let prefix = snake(&op.id);
        let names: Vec<&str> = tests
            .iter()
            .filter(|(_, n)| *n == prefix || n.starts_with(&format!("{prefix}_")))
            .map(|(_, n)| n.as_str())
            .collect();
        wrapped += usize::from(wrapper.is_some());
        typed += usize::from(!matches!(typing, Typing::Untyped(_)));
        tested += usize::from(!names.is_empty());
        let typing = match typing {
            Typing::Typed => "typed".to_string(),
            Typing::NoData => "no data".to_string(),
            Typing::Untyped(why) => format!("untyped ({why})"),
        };
        let retry = op
            .node
            .get("x-paystack-retry")
            .and_then(Value::as_str)
            .unwrap_or("—");
        *classes.entry(retry.to_string()).or_insert(0usize) += 1;
        let money = if op
            .node
            .get("x-paystack-moves-money")
            .and_then(Value::as_bool)
            == Some(true)
        {
            " · money"
        } else {
            ""
        };
        let _ = writeln!(
            rows,
            "| {} | `{}` | `{} {}` | {retry}{money} | {} | {} | {} |",
            op.tag,
            op.id,
            op.method,
            op.path,
            wrapper.map_or("—".to_string(), |w| format!("`{w}`")),
            typing,
            if names.is_empty() {
                "—".to_string()
            } else {
                names.len().to_string()
            },
        );
    }
    let total = ops.len();
    let mut out = String::new();
    let _ = writeln!(out, "# Operation coverage\n");
    let _ = writeln!(
        out,
        "Written by `cargo xtask regen` from `openapi/`, `src/api/`, `tests/api/` and\n`src/webhook/event.rs`; do not edit.\n"
    );
    let _ = writeln!(
        out,
        "{total} operations: {wrapped} wrapped, {typed} with typed (or no) `data`, {tested} tested.\n"
    );
    let classes: Vec<String> = classes.iter().map(|(c, n)| format!("{n} {c}")).collect();
    let _ = writeln!(
        out,
        "Retry classes (`x-paystack-retry`; \"money\" marks `x-paystack-moves-money`): {}.\n",
        classes.join(", ")
    );
    let _ = writeln!(
        out,
        "| group | operation | request | retry | wrapper | `data` | tests |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    out.push_str(&rows);
    out.push_str(&webhook_section(root, spec)?);
    Ok(out)
}
