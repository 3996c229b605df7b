//! Printing answers: a table for people, JSON (or YAML) for scripts.

use std::io::{IsTerminal, Write};

use clap::ArgMatches;
use serde_json::Value;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Table,
    Yaml,
}

impl Format {
    /// `--format`, else a table on a terminal and JSON when piped.
    pub fn from_matches(m: &ArgMatches) -> Format {
        match m.get_one::<String>("format").map(String::as_str) {
            Some("json") => Format::Json,
            Some("yaml") => Format::Yaml,
            Some("table") => Format::Table,
            _ if std::io::stdout().is_terminal() => Format::Table,
            _ => Format::Json,
        }
    }
}

/// Prints a whole answer (the `{status, message, data, meta}` envelope). `amounts` are the
/// paths of its money fields: tables and YAML show them in major units with their currency;
/// JSON keeps Paystack's subunits exactly as sent.
pub fn print(format: Format, answer: &Value, amounts: &[Vec<String>]) {
    let mut out = std::io::stdout().lock();
    let mut shown = answer.clone();
    if format != Format::Json {
        in_major_units(&mut shown, amounts);
    }
    let answer = &shown;
    let text = match format {
        Format::Json => serde_json::to_string_pretty(answer).expect("JSON values serialize"),
        Format::Yaml => serde_norway::to_string(answer).expect("JSON values serialize"),
        Format::Table => {
            if let Some(msg) = answer.get("message").and_then(Value::as_str) {
                eprintln!("{msg}");
            }
            let data = answer.get("data").unwrap_or(answer);
            let mut t = table(data);
            if let Some(meta) = answer.get("meta").filter(|m| m.is_object()) {
                t.push_str(&format!("\n{}", meta_line(meta)));
            }
            t
        }
    };
    let _ = writeln!(out, "{}", text.trim_end());
}

/// Prints one record of an `--all` walk: a JSON line, or a YAML list item (its amounts, at
/// `amounts`, in major units).
pub fn print_record(format: Format, record: &Value, amounts: &[Vec<String>]) {
    let mut out = std::io::stdout().lock();
    let _ = match format {
        Format::Yaml => {
            let mut shown = record.clone();
            in_major_units(&mut shown, amounts);
            let text = serde_norway::to_string(&vec![shown]).expect("JSON values serialize");
            write!(out, "{text}")
        }
        _ => writeln!(out, "{record}"),
    };
}

/// Rewrites the amount at each of `paths` (`*` for every array item) as major units with its
/// currency, `NGN 1,463.47`. The currency is the record's own `currency` field, else the
/// nearest enclosing record's; an amount with neither is shown in major units alone.
pub fn in_major_units(value: &mut Value, paths: &[Vec<String>]) {
    for path in paths {
        rewrite(value, path, None);
    }
}

fn rewrite(v: &mut Value, path: &[String], outer: Option<&str>) {
    let own = currency_of(v).or_else(|| {
        // A record without its own currency (a subscription) takes the one its nested records
        // agree on (its plan's).
        let mut found = v
            .as_object()?
            .values()
            .filter_map(currency_of)
            .collect::<Vec<_>>();
        found.dedup();
        (found.len() == 1).then(|| found.remove(0))
    });
    let currency = own.as_deref().or(outer);
    match path.split_first() {
        None => {
            // Paystack sends some amounts as numeric strings ("5000").
            let subunits = v
                .as_i64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
            if let Some(n) = subunits {
                *v = Value::String(major_units(n, currency));
            }
        }
        Some((seg, rest)) if seg == "*" => {
            for item in v.as_array_mut().into_iter().flatten() {
                rewrite(item, rest, currency);
            }
        }
        Some((seg, rest)) => {
            if let Some(child) = v.get_mut(seg.as_str()) {
                rewrite(child, rest, currency);
            }
        }
    }
}

fn currency_of(v: &Value) -> Option<String> {
    v.get("currency")
        .and_then(Value::as_str)
        .filter(|c| !c.trim().is_empty())
        .map(str::to_string)
}

/// Subunits as people read money: `NGN 1,463.47`, `-12.50` without a currency.
pub fn major_units(subunits: i64, currency: Option<&str>) -> String {
    let sign = if subunits < 0 { "-" } else { "" };
    let abs = subunits.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut whole = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            whole.push(',');
        }
        whole.push(d);
    }
    let text = format!("{sign}{whole}.{:02}", abs % 100);
    match currency {
        Some(c) => format!("{} {text}", c.trim().to_uppercase()),
        None => text,
    }
}

fn meta_line(meta: &Value) -> String {
    let obj = meta.as_object().expect("checked by the caller");
    obj.iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| format!("{k}={}", cell(v)))
        .collect::<Vec<_>>()
        .join("  ")
}

/// Columns shown first when a record has them.
const PREFERRED: &[&str] = &[
    "id",
    "reference",
    "transfer_code",
    "customer_code",
    "recipient_code",
    "plan_code",
    "subscription_code",
    "name",
    "email",
    "status",
    "amount",
    "currency",
    "domain",
    "created_at",
    "createdAt",
];
const MAX_COLUMNS: usize = 8;
const MAX_CELL: usize = 32;

/// A plain-text table: rows of records for a list, `key  value` lines for one record.
pub fn table(data: &Value) -> String {
    match data {
        Value::Array(rows) if rows.iter().all(Value::is_object) && !rows.is_empty() => {
            let columns = columns(rows);
            let mut grid: Vec<Vec<String>> = vec![columns.clone()];
            for row in rows {
                grid.push(columns.iter().map(|c| cell(&row[c.as_str()])).collect());
            }
            render(&grid)
        }
        Value::Array(rows) if rows.is_empty() => "(no records)".into(),
        Value::Array(rows) => rows.iter().map(cell).collect::<Vec<_>>().join("\n"),
        Value::Object(map) => {
            let grid: Vec<Vec<String>> =
                map.iter().map(|(k, v)| vec![k.clone(), cell(v)]).collect();
            render(&grid)
        }
        other => cell(other),
    }
}

fn columns(rows: &[Value]) -> Vec<String> {
    let mut scalar_keys: Vec<String> = Vec::new();
    for row in rows.iter().take(20) {
        for (k, v) in row.as_object().into_iter().flatten() {
            if !v.is_object() && !v.is_array() && !scalar_keys.contains(k) {
                scalar_keys.push(k.clone());
            }
        }
    }
    let mut cols: Vec<String> = PREFERRED
        .iter()
        .filter(|p| scalar_keys.iter().any(|k| k == *p))
        .map(|p| p.to_string())
        .collect();
    for k in scalar_keys {
        if cols.len() >= MAX_COLUMNS {
            break;
        }
        if !cols.contains(&k) {
            cols.push(k);
        }
    }
    cols.truncate(MAX_COLUMNS);
    cols
}

fn cell(v: &Value) -> String {
    let s = match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{} items]", a.len()),
        Value::Object(o) => match o.get("id").or_else(|| o.get("email")) {
            Some(inner) if !inner.is_object() => format!("{{{}}}", cell(inner)),
            _ => "{…}".to_string(),
        },
        other => other.to_string(),
    };
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() > MAX_CELL {
        let cut: String = s.chars().take(MAX_CELL - 1).collect();
        format!("{cut}…")
    } else {
        s
    }
}

fn render(grid: &[Vec<String>]) -> String {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..width)
        .map(|i| {
            grid.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    grid.iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn list_tables_put_known_columns_first() {
        let rows = json!([
            {"status": "success", "extra": {"a": 1}, "reference": "r-1", "amount": 5000},
            {"status": "failed", "reference": "r-2", "amount": 700}
        ]);
        let t = table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "reference  status   amount");
        assert_eq!(lines[2], "r-2        failed   700");
    }

    #[test]
    fn amounts_read_in_major_units_with_the_nearest_currency() {
        let mut answer = json!({"data": [
            {"amount": 146347, "currency": "NGN", "fees": "2500"},
            {"amount": -50, "log": {"amount": 100000000}, "currency": "ghs"},
            {"amount": null, "note": 7}
        ], "total": 5});
        let paths = vec![
            vec!["data".to_string(), "*".into(), "amount".into()],
            vec!["data".to_string(), "*".into(), "fees".into()],
            vec![
                "data".to_string(),
                "*".into(),
                "log".into(),
                "amount".into(),
            ],
            vec!["total".to_string()],
        ];
        in_major_units(&mut answer, &paths);
        assert_eq!(
            answer,
            json!({"data": [
                {"amount": "NGN 1,463.47", "currency": "NGN", "fees": "NGN 25.00"},
                {"amount": "GHS -0.50", "log": {"amount": "GHS 1,000,000.00"}, "currency": "ghs"},
                {"amount": null, "note": 7}
            ], "total": "0.05"})
        );
        assert_eq!(major_units(0, Some("USD")), "USD 0.00");

        // A subscription has no currency of its own; its plan's applies.
        let mut sub = json!({"data": {"amount": 500000, "plan": {"currency": "ZAR", "amount": 500000},
            "invoices": [{"amount": 500000}]}});
        let paths = [
            vec!["data".to_string(), "amount".into()],
            vec![
                "data".to_string(),
                "invoices".into(),
                "*".into(),
                "amount".into(),
            ],
        ];
        in_major_units(&mut sub, &paths);
        assert_eq!(sub["data"]["amount"], "ZAR 5,000.00");
        assert_eq!(sub["data"]["invoices"][0]["amount"], "ZAR 5,000.00");
        assert_eq!(major_units(123_456_789, None), "1,234,567.89");
        assert_eq!(major_units(i64::MIN, None), "-92,233,720,368,547,758.08");
    }

    proptest::proptest! {
        /// What a table shows reads back, through the SDK's own parser, to what Paystack sent.
        #[test]
        fn major_units_read_back_through_the_sdk(
            n in 1i64..=paystack::Amount::CEILING,
            currency in "[A-Z]{3}",
        ) {
            let shown = major_units(n, Some(&currency));
            let (code, text) = shown.split_once(' ').unwrap();
            proptest::prop_assert_eq!(code, currency.as_str());
            proptest::prop_assert_eq!(paystack::Amount::from_major(text).unwrap().subunits(), n);
            let negative = major_units(-n, None);
            proptest::prop_assert_eq!(negative.strip_prefix('-'), Some(text));
        }

        /// Only the amounts at the given paths change, each to its own record's currency (or
        /// the envelope's), and every other value stays as sent.
        #[test]
        fn only_amount_fields_change(
            rows in proptest::collection::vec(
                (proptest::option::of(-10_000_000i64..10_000_000), proptest::option::of("[A-Z]{3}"), 0i64..1000),
                0..8,
            ),
            outer in proptest::option::of("[A-Z]{3}"),
        ) {
            let data: Vec<Value> = rows
                .iter()
                .map(|(amount, currency, other)| {
                    let mut r = json!({"other": other, "amount_like": other});
                    if let Some(a) = amount { r["amount"] = json!(a); }
                    if let Some(c) = currency { r["currency"] = json!(c); }
                    r
                })
                .collect();
            let mut answer = json!({"data": data});
            if let Some(c) = &outer { answer["currency"] = json!(c); }
            let before = answer.clone();
            in_major_units(&mut answer, &[vec!["data".into(), "*".into(), "amount".into()]]);
            for (i, (amount, currency, _)) in rows.iter().enumerate() {
                let shown = &answer["data"][i];
                let sent = &before["data"][i];
                proptest::prop_assert_eq!(&shown["other"], &sent["other"]);
                proptest::prop_assert_eq!(&shown["amount_like"], &sent["amount_like"]);
                proptest::prop_assert_eq!(&shown["currency"], &sent["currency"]);
                if let Some(a) = amount {
                    let expected = major_units(*a, currency.as_deref().or(outer.as_deref()));
                    proptest::prop_assert_eq!(&shown["amount"], &json!(expected));
                }
            }
        }
    }

    #[test]
    fn records_show_nested_values_briefly() {
        let t = table(&json!({"customer": {"id": 7}, "items": [1, 2], "note": null}));
        assert_eq!(t, "customer  {7}\nitems     [2 items]\nnote      -");
    }
}
