//! Turns parsed arguments into a checked request: path, query and JSON body.
//!
//! Every check here runs before anything is sent, with the SDK's own validators: amounts go
//! through `paystack::Amount::from_major` (and the currency minimum when a currency is given),
//! emails and references through `paystack::validate`.

use std::io::Read;

use clap::ArgMatches;
use serde_json::{Map, Value};

use crate::check::{self, Place};
use crate::error::{Failure, Result};
use crate::spec::{arg_id, Field, Kind, Op};

/// A request ready to send or to print as curl.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path with its parameters filled in, e.g. `/transfer/TRF_1`.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
}

/// Builds the request for `op` from its command's arguments.
pub fn build(op: &Op, m: &ArgMatches) -> Result<Request> {
    let mut path = op.path.clone();
    for p in &op.path_params {
        let value: &String = m
            .get_one(&arg_id("path", &p.name))
            .expect("path parameters are required by clap");
        check::value(op, Place::Path, &p.name, value)?;
        if p.kind == Kind::Integer && value.parse::<u64>().is_err() {
            return Err(Failure::Validation(format!(
                "{}: {value:?} is not a numeric id",
                p.name.to_uppercase()
            )));
        }
        path = path.replace(&format!("{{{}}}", p.name), &encode_segment(value));
    }

    let mut query = Vec::new();
    for f in &op.query {
        for text in values(m, "query", f) {
            let v = convert(f, &text)?;
            if let Value::String(s) = &v {
                check::value(op, Place::Query, &f.name, s)?;
            }
            query.push((f.name.clone(), query_text(&v)));
        }
    }

    let mut body = match m.try_get_one::<String>("input").ok().flatten() {
        Some(file) => Some(read_json(file)?),
        None => None,
    };
    if let Some(spec_body) = &op.body {
        for f in &spec_body.fields {
            let texts = values(m, "body", f);
            if texts.is_empty() {
                continue;
            }
            let v = if f.kind == Kind::List {
                let items = texts
                    .iter()
                    .map(|t| list_item(f, t))
                    .collect::<Result<Vec<_>>>()?;
                Value::Array(items)
            } else {
                convert(f, &texts[0])?
            };
            object(&mut body)?.insert(f.name.clone(), v);
        }
    }
    let extra: Vec<&String> = m
        .try_get_many::<String>("field")
        .ok()
        .flatten()
        .map(|v| v.collect())
        .unwrap_or_default();
    for kv in extra {
        let (key, value) = split_field(kv)?;
        if op.body.is_none() {
            query.push((key.to_string(), query_text(&value)));
        } else {
            set_path(object(&mut body)?, key, value)?;
        }
    }

    let from_file = m.try_get_one::<String>("input").ok().flatten().is_some();
    for f in &op.query {
        if f.required && !query.iter().any(|(k, _)| *k == f.name) {
            return Err(missing(f, false));
        }
    }
    if let Some(spec_body) = &op.body {
        if spec_body.kind == "object" {
            let empty = Map::new();
            let given = body.as_ref().and_then(Value::as_object).unwrap_or(&empty);
            for f in spec_body.fields.iter().filter(|f| f.required) {
                if !given.contains_key(&f.name) {
                    return Err(missing(f, from_file));
                }
            }
            check_minimum(given)?;
        }
        if let Some(b) = &body {
            check::body(op, b)?;
        }
        if spec_body.required && body.is_none() {
            return Err(Failure::Validation(
                "this operation needs a body: give --input FILE".into(),
            ));
        }
    }
    Ok(Request {
        method: op.method.clone(),
        path,
        query,
        body,
    })
}

/// A required flag left out is a usage error, as clap reports one; a body file without the
/// field is input to fix.
fn missing(f: &Field, from_file: bool) -> Failure {
    if from_file {
        return Failure::Validation(format!(
            "the body from --input has no {:?}: add it to the file or give --{}",
            f.name, f.flag
        ));
    }
    Failure::Usage(format!(
        "the following required argument was not provided: --{} <{}>",
        f.flag,
        f.value_name()
    ))
}

fn values(m: &ArgMatches, place: &str, f: &Field) -> Vec<String> {
    m.try_get_many::<String>(&arg_id(place, &f.name))
        .ok()
        .flatten()
        .map(|v| v.cloned().collect())
        .unwrap_or_default()
}

/// The body as an object, created empty when there was none.
fn object(body: &mut Option<Value>) -> Result<&mut Map<String, Value>> {
    body.get_or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or_else(|| Failure::Validation("the body from --input is not a JSON object".into()))
}

/// One flag's text as the JSON value the spec asks for.
fn convert(f: &Field, text: &str) -> Result<Value> {
    let bad = |what: &str| Failure::Validation(format!("--{}: {text:?} is not {what}", f.flag));
    Ok(match f.kind {
        Kind::Amount => {
            let amount = paystack::Amount::from_major(text)
                .map_err(|e| Failure::Validation(format!("--{}: {e}", f.flag)))?;
            Value::from(amount.subunits())
        }
        Kind::Integer => Value::from(text.trim().parse::<i64>().map_err(|_| bad("an integer"))?),
        Kind::Number => {
            // Only non-money numbers (coordinates, percentages) are typed `number` in the spec.
            let n: serde_json::Number = text.trim().parse().map_err(|_| bad("a number"))?;
            Value::Number(n)
        }
        Kind::Boolean => Value::Bool(parse_bool(text).ok_or_else(|| bad("true or false"))?),
        Kind::Json => serde_json::from_str(text).map_err(|_| bad("valid JSON"))?,
        Kind::List => Value::Array(vec![list_item(f, text)?]),
        Kind::String => Value::String(text.to_string()),
    })
}

fn list_item(f: &Field, text: &str) -> Result<Value> {
    if f.item.as_deref() == Some("integer") {
        let n: i64 = text.trim().parse().map_err(|_| {
            Failure::Validation(format!("--{}: {text:?} is not an integer", f.flag))
        })?;
        return Ok(Value::from(n));
    }
    Ok(Value::String(text.trim().to_string()))
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// With both `amount` and `currency` at the top of the body, the currency's minimum applies.
pub fn check_minimum(body: &Map<String, Value>) -> Result<()> {
    let (Some(amount), Some(currency)) = (
        body.get("amount").and_then(Value::as_i64),
        body.get("currency").and_then(Value::as_str),
    ) else {
        return Ok(());
    };
    let currency: paystack::enums::Currency = serde_json::from_value(Value::from(currency))
        .map_err(|e| Failure::Validation(format!("currency: {e}")))?;
    paystack::Amount::from_subunits(amount)?.check_minimum(&currency)?;
    Ok(())
}

pub fn query_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `key=value`; the value is read as JSON when it parses, as text otherwise.
pub fn split_field(kv: &str) -> Result<(&str, Value)> {
    let (key, value) = kv
        .split_once('=')
        .ok_or_else(|| Failure::Validation(format!("{kv:?} is not KEY=VALUE")))?;
    if key.is_empty() {
        return Err(Failure::Validation(format!("{kv:?} has an empty key")));
    }
    let value = serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_string()));
    Ok((key, value))
}

/// Sets `a.b.c` in an object, creating the objects on the way.
pub fn set_path(root: &mut Map<String, Value>, key: &str, value: Value) -> Result<()> {
    let mut parts: Vec<&str> = key.split('.').collect();
    let last = parts.pop().unwrap_or_default();
    let mut cursor = root;
    for part in parts {
        let entry = cursor
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        cursor = entry
            .as_object_mut()
            .ok_or_else(|| Failure::Validation(format!("{key}: {part} is not an object")))?;
    }
    cursor.insert(last.to_string(), value);
    Ok(())
}

/// Reads a JSON document from a file, or from stdin for `-`.
pub fn read_json(file: &str) -> Result<Value> {
    let text = if file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        std::fs::read_to_string(file).map_err(|e| Failure::Other(format!("{file}: {e}")))?
    };
    serde_json::from_str(&text).map_err(|e| Failure::Validation(format!("{file}: {e}")))
}

/// Percent-encodes one path segment, so an id can never add a `/` or a query.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'@' | b'=') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_fields_nest() {
        let mut m = Map::new();
        let (k, v) = split_field("metadata.order=12").unwrap();
        set_path(&mut m, k, v).unwrap();
        let (k, v) = split_field("metadata.note=hello").unwrap();
        set_path(&mut m, k, v).unwrap();
        assert_eq!(
            Value::Object(m),
            serde_json::json!({"metadata": {"order": 12, "note": "hello"}})
        );
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(encode_segment("a/b?c"), "a%2Fb%3Fc");
        assert_eq!(encode_segment("TRF_1x"), "TRF_1x");
    }
}
