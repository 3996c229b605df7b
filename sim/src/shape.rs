//! Request validation and response shaping against the spec's schemas.
//!
//! Requests are checked strictly (required fields, types, enum values). Responses go the other
//! way: stored state is projected onto the operation's response schema, so whatever the state
//! holds, the answer has exactly the shapes the SDK decodes.

use serde_json::{Map, Value};

use crate::spec::Spec;

/// What makes a request body or parameter invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Paystack-style message, naming the field.
    pub message: String,
    /// `missing_params` or `invalid_params`.
    pub code: &'static str,
}

fn invalid(message: String) -> Invalid {
    Invalid {
        message,
        code: "invalid_params",
    }
}

/// The handwritten type that replaces a schema in the SDK, if any.
fn replacement(schema: &Value) -> Option<&str> {
    schema.get("x-rust-replacement").and_then(Value::as_str)
}

fn ty(schema: &Value) -> Option<&str> {
    schema.get("type").and_then(Value::as_str)
}

fn nullable(schema: &Value) -> bool {
    schema.get("nullable").and_then(Value::as_bool) == Some(true)
}

fn is_int_string(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        !s.is_empty()
            && s.trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
    })
}

/// Checks a request value against a schema. `at` names the field in messages.
pub fn check(spec: &Spec, schema: &Value, value: &Value, at: &str) -> Result<(), Invalid> {
    let schema = spec.resolve(schema);
    if value.is_null() {
        return Ok(()); // optional fields may be null; required ones are checked by the parent
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        return if alts.iter().any(|a| check(spec, a, value, at).is_ok()) {
            Ok(())
        } else {
            Err(invalid(format!("{at} is invalid")))
        };
    }
    match replacement(schema) {
        Some("serde_json::Value") => return Ok(()),
        Some(_) if ty(schema) == Some("integer") => {
            return if value.is_i64() || value.is_u64() || is_int_string(value) {
                Ok(())
            } else {
                Err(invalid(format!("{at} must be an integer")))
            };
        }
        _ => {}
    }
    match ty(schema) {
        Some("object") => {
            let Some(obj) = value.as_object() else {
                return Err(invalid(format!("{at} must be an object")));
            };
            if let Some(req) = schema.get("required").and_then(Value::as_array) {
                for name in req.iter().filter_map(Value::as_str) {
                    if obj.get(name).is_none_or(Value::is_null) {
                        return Err(Invalid {
                            message: format!("{} is required", join(at, name)),
                            code: "missing_params",
                        });
                    }
                }
            }
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (name, v) in obj {
                    if let Some(p) = props.get(name) {
                        check(spec, p, v, &join(at, name))?;
                    }
                }
            }
            Ok(())
        }
        Some("array") => {
            let Some(items) = value.as_array() else {
                return Err(invalid(format!("{at} must be an array")));
            };
            if let Some(item) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    check(spec, item, v, &format!("{at}[{i}]"))?;
                }
            }
            Ok(())
        }
        Some("string") => {
            let Some(s) = value.as_str() else {
                return Err(invalid(format!("{at} must be a string")));
            };
            check_enum(schema, s, at)?;
            match schema.get("format").and_then(Value::as_str) {
                Some("date-time") if !is_date_time(s) && !is_date(s) => {
                    Err(invalid(format!("{at} must be a date")))
                }
                Some("date") if !is_date(s) => Err(invalid(format!("{at} must be a date"))),
                _ => Ok(()),
            }
        }
        Some("integer") if !(value.is_i64() || value.is_u64()) => {
            Err(invalid(format!("{at} must be an integer")))
        }
        Some("number") if !value.is_number() => Err(invalid(format!("{at} must be a number"))),
        Some("boolean") if !value.is_boolean() => {
            Err(invalid(format!("{at} must be true or false")))
        }
        _ => Ok(()),
    }
}

fn check_enum(schema: &Value, s: &str, at: &str) -> Result<(), Invalid> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.iter().any(|v| v.as_str() == Some(s)) {
            let list: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            return Err(invalid(format!("{at} must be one of: {}", list.join(", "))));
        }
    }
    Ok(())
}

/// Checks a query or path value (always a string on the wire) and returns it typed.
pub fn check_param(spec: &Spec, schema: &Value, raw: &str, at: &str) -> Result<Value, Invalid> {
    let schema = spec.resolve(schema);
    match ty(schema) {
        Some("integer") => raw
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| invalid(format!("{at} must be an integer"))),
        Some("number") => raw
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| invalid(format!("{at} must be a number"))),
        Some("boolean") => match raw {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(invalid(format!("{at} must be true or false"))),
        },
        _ => {
            let v = Value::String(raw.to_string());
            check(spec, schema, &v, at)?;
            Ok(v)
        }
    }
}

fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        format!("{at}.{name}")
    }
}

fn is_date_time(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

fn is_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// The smallest value that decodes as `schema`: required properties only.
pub fn skeleton(spec: &Spec, schema: &Value) -> Value {
    skeleton_depth(spec, schema, 0)
}

fn skeleton_depth(spec: &Spec, schema: &Value, depth: usize) -> Value {
    let schema = spec.resolve(schema);
    if depth > 8 {
        return Value::Null;
    }
    if let Some(first) = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        return skeleton_depth(spec, first, depth + 1);
    }
    if replacement(schema) == Some("serde_json::Value") {
        return Value::Null;
    }
    match ty(schema) {
        Some("object") => {
            let mut out = Map::new();
            if let (Some(req), Some(props)) = (
                schema.get("required").and_then(Value::as_array),
                schema.get("properties").and_then(Value::as_object),
            ) {
                for name in req.iter().filter_map(Value::as_str) {
                    if let Some(p) = props.get(name) {
                        out.insert(name.to_string(), skeleton_depth(spec, p, depth + 1));
                    }
                }
            }
            Value::Object(out)
        }
        Some("array") => Value::Array(Vec::new()),
        Some("string") => match schema.pointer("/enum/0") {
            Some(v) => v.clone(),
            None => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => Value::from("2026-01-01T00:00:00.000Z"),
                Some("date") => Value::from("2026-01-01"),
                _ => Value::from(""),
            },
        },
        Some("integer") | Some("number") => Value::from(0),
        Some("boolean") => Value::Bool(false),
        _ => Value::Null,
    }
}

/// Projects `value` onto `schema`: keeps what fits, drops what does not, and fills required
/// properties that are missing. `None` when the value cannot stand for the schema at all.
pub fn conform(spec: &Spec, schema: &Value, value: &Value) -> Option<Value> {
    conform_depth(spec, schema, value, 0)
}

fn conform_depth(spec: &Spec, schema: &Value, value: &Value, depth: usize) -> Option<Value> {
    let schema = spec.resolve(schema);
    if depth > 12 {
        return None;
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        // An untagged enum: the first alternative that takes the value whole.
        return alts
            .iter()
            .find_map(|a| conform_depth(spec, a, value, depth + 1).filter(|c| c == value))
            .or_else(|| {
                alts.iter()
                    .find_map(|a| conform_depth(spec, a, value, depth + 1))
            });
    }
    match replacement(schema) {
        Some("serde_json::Value") => return Some(value.clone()),
        Some(_) => {
            return match ty(schema) {
                Some("integer") => {
                    // Id also takes any string (a few ids are hex).
                    let id_text =
                        replacement(schema) == Some("crate::ext::lenient::Id") && value.is_string();
                    (value.is_i64() || value.is_u64() || is_int_string(value) || id_text)
                        .then(|| value.clone())
                }
                Some("boolean") => match value {
                    Value::Bool(_) => Some(value.clone()),
                    Value::Number(n) if n.as_u64().is_some_and(|n| n <= 1) => Some(value.clone()),
                    _ => None,
                },
                // Open enums take any string.
                Some("string") => value.as_str().map(|_| value.clone()),
                // StorefrontProducts and the like: one item or a list of them.
                Some("array") | None => match (value, schema.get("items")) {
                    (Value::Array(a), Some(item)) => Some(Value::Array(
                        a.iter()
                            .filter_map(|v| conform_depth(spec, item, v, depth + 1))
                            .collect(),
                    )),
                    (Value::Array(_), None) => Some(value.clone()),
                    _ => None,
                },
                _ => conform_plain(spec, schema, value, depth),
            };
        }
        None => {}
    }
    conform_plain(spec, schema, value, depth)
}

fn conform_plain(spec: &Spec, schema: &Value, value: &Value, depth: usize) -> Option<Value> {
    if value.is_null() {
        return nullable(schema).then_some(Value::Null);
    }
    match ty(schema) {
        Some("object") => {
            let obj = value.as_object()?;
            let props = schema.get("properties").and_then(Value::as_object);
            let extra = schema.get("additionalProperties");
            if props.is_none() && !extra.is_some_and(Value::is_object) {
                return Some(value.clone()); // a free-form map
            }
            let mut out = Map::new();
            if let Some(props) = props {
                for (name, p) in props {
                    if let Some(v) = obj.get(name) {
                        if v.is_null() {
                            continue; // an absent optional field reads as None either way
                        }
                        if let Some(c) = conform_depth(spec, p, v, depth + 1) {
                            out.insert(name.clone(), c);
                        }
                    }
                }
            }
            if let Some(extra) = extra.filter(|e| e.is_object()) {
                for (name, v) in obj {
                    if props.is_some_and(|p| p.contains_key(name)) {
                        continue;
                    }
                    if let Some(c) = conform_depth(spec, extra, v, depth + 1) {
                        out.insert(name.clone(), c);
                    }
                }
            }
            if let (Some(req), Some(props)) =
                (schema.get("required").and_then(Value::as_array), props)
            {
                for name in req.iter().filter_map(Value::as_str) {
                    if !out.contains_key(name) {
                        if let Some(p) = props.get(name) {
                            out.insert(name.to_string(), skeleton_depth(spec, p, depth + 1));
                        }
                    }
                }
            }
            Some(Value::Object(out))
        }
        Some("array") => {
            let a = value.as_array()?;
            Some(match schema.get("items") {
                Some(item) => Value::Array(
                    a.iter()
                        .filter_map(|v| conform_depth(spec, item, v, depth + 1))
                        .collect(),
                ),
                None => value.clone(),
            })
        }
        Some("string") => {
            let s = value.as_str()?;
            if let Some(values) = schema.get("enum").and_then(Value::as_array) {
                if !values.iter().any(|v| v.as_str() == Some(s)) {
                    return None;
                }
            }
            match schema.get("format").and_then(Value::as_str) {
                Some("date-time") if !is_date_time(s) => None,
                Some("date") if !is_date(s) => None,
                _ => Some(value.clone()),
            }
        }
        Some("integer") => (value.is_i64() || value.is_u64()).then(|| value.clone()),
        Some("number") => value.is_number().then(|| value.clone()),
        Some("boolean") => value.is_boolean().then(|| value.clone()),
        _ => Some(value.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::spec;
    use serde_json::json;

    fn body(op: &str) -> Value {
        spec().op(op).unwrap().body.clone().unwrap().1
    }

    #[test]
    fn required_fields_types_and_enums() {
        let s = spec();
        let schema = body("transfer_initiate");
        let err = check(s, &schema, &json!({"source": "balance", "amount": 100}), "").unwrap_err();
        assert_eq!(err.code, "missing_params");
        assert!(err.message.contains("recipient"), "{}", err.message);
        let err = check(
            s,
            &schema,
            &json!({"source": "balance", "amount": "lots", "recipient": "RCP_1", "reference": "r"}),
            "",
        )
        .unwrap_err();
        assert!(err.message.contains("amount"), "{}", err.message);
        let err = check(
            s,
            &schema,
            &json!({"source": "balance", "amount": 1, "recipient": "RCP_1", "reference": "r", "currency": "XYZ"}),
            "",
        )
        .unwrap_err();
        assert!(
            err.message.contains("currency must be one of"),
            "{}",
            err.message
        );
    }

    #[test]
    fn conform_drops_what_does_not_fit() {
        let s = spec();
        let schema = json!({"$ref": "#/components/schemas/Authorization"});
        let v = conform(
            s,
            &schema,
            &json!({"authorization_code": "AUTH_1", "bin": 408408, "extra": 1, "reusable": true}),
        )
        .unwrap();
        assert_eq!(v, json!({"authorization_code": "AUTH_1", "reusable": true}));
    }
}
