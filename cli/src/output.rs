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

/// Prints a whole answer (the `{status, message, data, meta}` envelope).
pub fn print(format: Format, answer: &Value) {
    let mut out = std::io::stdout().lock();
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

/// Prints one record of an `--all` walk: a JSON line, or a YAML list item.
pub fn print_record(format: Format, record: &Value) {
    let mut out = std::io::stdout().lock();
    let _ = match format {
        Format::Yaml => {
            let text = serde_norway::to_string(&vec![record]).expect("JSON values serialize");
            write!(out, "{text}")
        }
        _ => writeln!(out, "{record}"),
    };
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
    fn records_show_nested_values_briefly() {
        let t = table(&json!({"customer": {"id": 7}, "items": [1, 2], "note": null}));
        assert_eq!(t, "customer  {7}\nitems     [2 items]\nnote      -");
    }
}
