//! A tool's arguments turned into a checked request, with amounts converted from major units
//! to the subunits Paystack takes. Every check runs before anything is sent.

use paystack::Amount;
use serde_json::{Map, Value};

use super::tools;
use crate::check::{self, Place};
use crate::error::{Failure, Result};
use crate::request::{check_minimum, encode_segment, query_text, Request};
use crate::spec::{Field, Kind, Op};

/// What a money-moving call is about, for the caps, the allow-list and the confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Money {
    /// The total the call moves, in subunits, when it states one.
    pub total: Option<i64>,
    /// The stated currency (upper case).
    pub currency: Option<String>,
    /// Every `recipient` in the body.
    pub recipients: Vec<String>,
    /// Every `reference` in the body.
    pub references: Vec<String>,
}

/// The request and its money facts.
#[derive(Debug, Clone)]
pub struct Checked {
    pub request: Request,
    pub money: Money,
}

/// Builds the request for `op` from a tool's arguments.
pub fn build(op: &Op, args: &Map<String, Value>) -> Result<Checked> {
    let known = tools::input_schema(op);
    let props = known["properties"].as_object().cloned().unwrap_or_default();
    for name in args.keys() {
        if !props.contains_key(name) {
            let mut names: Vec<&String> = props.keys().collect();
            names.sort();
            return Err(Failure::Validation(format!(
                "unknown argument {name:?}; this tool takes: {}",
                names
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    for req in known["required"].as_array().into_iter().flatten() {
        let name = req.as_str().unwrap_or_default();
        if args.get(name).is_none_or(Value::is_null) {
            return Err(Failure::Validation(format!("{name} is required")));
        }
    }
    let currency = match args.get("currency") {
        Some(Value::String(c)) => {
            let c = c.trim().to_ascii_uppercase();
            if !tools::CURRENCIES.contains(&c.as_str()) {
                return Err(Failure::Validation(format!(
                    "currency {c:?} is not one of {}",
                    tools::CURRENCIES.join(", ")
                )));
            }
            Some(c)
        }
        Some(other) => {
            return Err(Failure::Validation(format!(
                "currency must be a string such as \"NGN\", not {other}"
            )))
        }
        None => None,
    };

    let mut path = op.path.clone();
    for f in &op.path_params {
        let text = scalar_text(f, &args[&f.name])?;
        check::value(op, Place::Path, &f.name, &text)?;
        path = path.replace(&format!("{{{}}}", f.name), &encode_segment(&text));
    }
    let mut query = Vec::new();
    for f in &op.query {
        if let Some(v) = args.get(&f.name).filter(|v| !v.is_null()) {
            match convert(op, Place::Query, f, v)? {
                Value::Array(items) => {
                    for item in items {
                        query.push((f.name.clone(), query_text(&item)));
                    }
                }
                one => query.push((f.name.clone(), query_text(&one))),
            }
        }
    }

    let mut total: Option<i64> = None;
    let mut body = None;
    if let Some(spec_body) = &op.body {
        if spec_body.kind == "array" {
            let mut items = args.get("items").cloned().unwrap_or(Value::Null);
            total = add(total, major_amounts(&mut items, "items")?);
            body = Some(items);
        } else {
            let mut map = Map::new();
            // The currency was checked (and upper-cased) above and is set below.
            for f in spec_body.fields.iter().filter(|f| f.name != "currency") {
                let fallback = tools::fixed(f).map(|v| Value::String(v.into()));
                let Some(v) = args
                    .get(&f.name)
                    .filter(|v| !v.is_null())
                    .or(fallback.as_ref())
                else {
                    continue;
                };
                let mut v = convert(op, Place::Body, f, v)?;
                if f.kind == Kind::Amount {
                    // The largest amount is what the call moves: a fee share or a least
                    // acceptable amount is part of it, a refund amount is the whole of it.
                    total = total.max(v.as_i64());
                } else if f.kind == Kind::Json && op.moves_money {
                    total = add(total, major_amounts(&mut v, &f.name)?);
                }
                map.insert(f.name.clone(), v);
            }
            if let (Some(c), true) = (&currency, tools::sends_currency(op)) {
                map.insert("currency".into(), Value::String(c.clone()));
            }
            check_minimum(&map)?;
            if !map.is_empty() || spec_body.required {
                body = Some(Value::Object(map));
            }
        }
    }
    let mut money = Money {
        total,
        currency,
        ..Money::default()
    };
    if let Some(b) = &body {
        collect(b, "recipient", &mut money.recipients);
        collect(b, "reference", &mut money.references);
    }
    Ok(Checked {
        request: Request {
            method: op.method.clone(),
            path,
            query,
            body,
        },
        money,
    })
}

fn add(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => a.checked_add(b),
        (a, b) => a.or(b),
    }
}

/// A path parameter as text: a string, or an integer id.
fn scalar_text(f: &Field, v: &Value) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        other => Err(Failure::Validation(format!(
            "{} must be a string or an integer id, not {other}",
            f.name
        ))),
    }
}

/// One argument as the JSON value the spec asks for.
fn convert(op: &Op, place: Place, f: &Field, v: &Value) -> Result<Value> {
    let bad = |what: &str| Failure::Validation(format!("{}: {v} is not {what}", f.name));
    Ok(match f.kind {
        Kind::Amount => Value::from(major(&f.name, v)?),
        Kind::Integer => match v {
            Value::Number(n) if n.is_i64() => v.clone(),
            Value::String(s) => {
                Value::from(s.trim().parse::<i64>().map_err(|_| bad("an integer"))?)
            }
            _ => return Err(bad("an integer")),
        },
        Kind::Number => match v {
            Value::Number(_) => v.clone(),
            _ => return Err(bad("a number")),
        },
        Kind::Boolean => match v {
            Value::Bool(_) => v.clone(),
            Value::String(s) if s == "true" || s == "false" => Value::Bool(s == "true"),
            _ => return Err(bad("true or false")),
        },
        Kind::List => match v {
            Value::Array(_) => v.clone(),
            Value::String(_) | Value::Number(_) => Value::Array(vec![v.clone()]),
            _ => return Err(bad("a list")),
        },
        Kind::Json => v.clone(),
        Kind::String => {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(bad("a string")),
            };
            if !f.values.is_empty() && !f.values.contains(&text) {
                return Err(Failure::Validation(format!(
                    "{}: {text:?} is not one of {}",
                    f.name,
                    f.values.join(", ")
                )));
            }
            check::value(op, place, &f.name, &text)?;
            Value::String(text)
        }
    })
}

/// An amount in major units, given as a string, in subunits. A JSON number is refused: it
/// may already have been rounded by the time it is read, and it hides whether subunits were
/// meant.
pub fn major(name: &str, v: &Value) -> Result<i64> {
    match v {
        Value::String(s) => Ok(Amount::from_major(s)?.subunits()),
        other => Err(Failure::Validation(format!(
            "{name}: give the amount as a string in major units, e.g. \"2500.00\", not {other}"
        ))),
    }
}

/// Converts every `amount` (and `at_least`) in a nested value from major units, in place, and
/// returns their sum.
fn major_amounts(v: &mut Value, at: &str) -> Result<Option<i64>> {
    let mut sum: Option<i64> = None;
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                sum = add(sum, major_amounts(item, &format!("{at}[{i}]"))?);
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                let path = format!("{at}.{k}");
                if k == "amount" || k == "at_least" {
                    let sub = major(&path, item)?;
                    *item = Value::from(sub);
                    if k == "amount" {
                        sum = add(sum, Some(sub));
                    }
                } else if k != "metadata" {
                    sum = add(sum, major_amounts(item, &path)?);
                }
            }
        }
        _ => {}
    }
    Ok(sum)
}

/// Every string under `key`, at any depth (outside `metadata`).
fn collect(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, key, out)),
        Value::Object(map) => {
            for (k, item) in map {
                if k == key {
                    if let Some(s) = item.as_str() {
                        out.push(s.to_string());
                    }
                } else if k != "metadata" {
                    collect(item, key, out);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(area: &str, action: &str) -> &'static Op {
        crate::spec::find(area, action).expect("the spec has this operation")
    }

    fn args(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn amounts_are_major_unit_strings_and_reach_the_wire_in_subunits() {
        let checked = build(
            op("transfers", "initiate"),
            &args(json!({"amount": "1,250.5", "currency": "ngn", "recipient": "RCP_a1", "reference": "order-2026-000001"})),
        )
        .unwrap();
        let body = checked.request.body.unwrap();
        assert_eq!(body["amount"], 125_050);
        assert_eq!(body["currency"], "NGN");
        assert_eq!(
            body["source"], "balance",
            "the one allowed source is filled in"
        );
        assert_eq!(checked.request.path, "/transfer");
        assert_eq!(checked.money.total, Some(125_050));
        assert_eq!(checked.money.recipients, ["RCP_a1"]);
        assert_eq!(checked.money.references, ["order-2026-000001"]);
        for bad in [json!(1250.5), json!(125050), json!("12.345"), json!("-5")] {
            let e = build(
                op("transfers", "initiate"),
                &args(
                    json!({"amount": bad, "currency": "NGN", "recipient": "RCP_a1", "reference": "order-2026-000001"}),
                ),
            );
            assert!(matches!(e, Err(Failure::Validation(_))), "{bad} is refused");
        }
    }

    #[test]
    fn currency_and_reference_are_required_where_money_moves() {
        let missing = |v: Value| match build(op("transfers", "initiate"), &args(v)) {
            Err(Failure::Validation(m)) => m,
            other => panic!("{other:?}"),
        };
        assert!(missing(
            json!({"amount": "10.00", "recipient": "RCP_a1", "reference": "order-2026-000001"})
        )
        .contains("currency"));
        assert!(
            missing(json!({"amount": "10.00", "currency": "NGN", "recipient": "RCP_a1"}))
                .contains("reference")
        );
        assert!(missing(json!({"amount": "60.00", "currency": "NGN", "recipient": "RCP_a1", "reference": "order-2026-000001", "colour": "red"})).contains("unknown argument \"colour\""));
    }

    #[test]
    fn nested_amounts_convert_and_add_up() {
        let checked = build(
            op("transfers", "bulk"),
            &args(json!({"currency": "NGN", "transfers": [
                {"amount": "100", "recipient": "RCP_a", "reference": "bulk-2026-00000a"},
                {"amount": "0.75", "recipient": "RCP_b", "reference": "bulk-2026-00000b", "metadata": {"amount": "not money"}},
            ]})),
        )
        .unwrap();
        let body = checked.request.body.unwrap();
        assert_eq!(body["transfers"][0]["amount"], 10_000);
        assert_eq!(body["transfers"][1]["amount"], 75);
        assert_eq!(body["transfers"][1]["metadata"]["amount"], "not money");
        assert_eq!(checked.money.total, Some(10_075));
        assert_eq!(checked.money.recipients, ["RCP_a", "RCP_b"]);
    }

    #[test]
    fn path_and_query_arguments_fill_the_request() {
        let checked = build(
            op("customers", "fetch"),
            &args(json!({"code": "CUS_abc123"})),
        )
        .unwrap();
        assert_eq!(checked.request.path, "/customer/CUS_abc123");
        let by_email = build(
            op("customers", "fetch"),
            &args(json!({"code": "ada@example.com"})),
        )
        .unwrap();
        assert_eq!(by_email.request.path, "/customer/ada@example.com");
        let wrong_kind = build(op("customers", "fetch"), &args(json!({"code": "RCP/1?x"})));
        assert!(matches!(wrong_kind, Err(Failure::Validation(_))));
        let bad = build(
            op("transactions", "verify"),
            &args(json!({"reference": "order/1"})),
        );
        assert!(matches!(bad, Err(Failure::Validation(_))));
        let listed = build(
            op("transactions", "list"),
            &args(json!({"perPage": 5, "amount": "20.00"})),
        )
        .unwrap();
        assert!(listed
            .request
            .query
            .contains(&("perPage".into(), "5".into())));
        assert!(listed
            .request
            .query
            .contains(&("amount".into(), "2000".into())));
        assert_eq!(listed.request.body, None);
    }
}
