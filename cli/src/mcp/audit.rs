//! The audit log: one JSON line per tool call with the time, the tool, its arguments (secret
//! keys and customer emails redacted), the outcome and Paystack's request id.

use std::io::Write;
use std::sync::Mutex;

use serde_json::{json, Map, Value};

/// Where the lines go.
pub struct Audit {
    out: Mutex<Box<dyn Write + Send>>,
}

/// What became of a call.
pub struct Entry<'a> {
    pub tool: &'a str,
    pub args: &'a Map<String, Value>,
    /// `ok`, `refused`, `invalid`, `rejected`, `not_sent`, `unknown`, `declined`.
    pub outcome: &'a str,
    /// The reason, for anything but `ok` (already free of keys and emails, and short).
    pub detail: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

impl Audit {
    /// Appends to a file (created with mode 0600), or writes to stderr for `-`.
    pub fn open(path: &str) -> std::io::Result<Audit> {
        let out: Box<dyn Write + Send> = if path == "-" {
            Box::new(std::io::stderr())
        } else {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)?;
                }
            }
            let mut options = std::fs::OpenOptions::new();
            options.create(true).append(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            Box::new(options.open(path)?)
        };
        Ok(Audit {
            out: Mutex::new(out),
        })
    }

    /// Writes one line; a failed write is reported on stderr and never stops the server.
    pub fn write(&self, e: &Entry<'_>) {
        let line = json!({
            "time": now(),
            "tool": e.tool,
            "arguments": redact(&Value::Object(e.args.clone())),
            "outcome": e.outcome,
            "detail": e.detail.map(scrub),
            "request_id": e.request_id,
        });
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(err) = writeln!(out, "{line}").and_then(|()| out.flush()) {
            eprintln!("paystack mcp: the audit log could not be written: {err}");
        }
    }
}

/// RFC 3339 UTC time, to the millisecond.
fn now() -> String {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, day) = civil(days);
    format!(
        "{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        d.subsec_millis()
    )
}

/// Days since 1970-01-01 as a calendar date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Arguments with keys and emails taken out: fields named like a secret or an email are
/// replaced whole, and any text that looks like a key or an address is masked wherever it is.
pub fn redact(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, item)| {
                    let lower = k.to_ascii_lowercase();
                    let hidden = lower.split(['_', '-']).any(|w| {
                        matches!(
                            w,
                            "email" | "secret" | "key" | "password" | "pin" | "otp" | "token"
                        )
                    }) && !item.is_null();
                    let item = if hidden {
                        Value::String("[redacted]".into())
                    } else {
                        redact(item)
                    };
                    (k.clone(), item)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        Value::String(s) => Value::String(scrub(s)),
        other => other.clone(),
    }
}

/// Masks secret keys (`sk_…`) and email addresses inside free text.
pub fn scrub(text: &str) -> String {
    text.split_inclusive(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '(' | ')'))
        .map(|word| {
            let core = word.trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '(' | ')')
            });
            let tail = &word[core.len()..];
            if core.starts_with("sk_") || core.starts_with("Bearer") && core.len() > 6 {
                format!("[redacted key]{tail}")
            } else if core.contains('@') && core.contains('.') {
                format!("[redacted email]{tail}")
            } else {
                word.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_emails_never_reach_the_log() {
        let args = json!({
            "email": "ada@example.com",
            "metadata": {"note": "from ada@example.com with sk_test_abc", "contact_email": "x@y.io"},
            "amount": "50.00",
            "customer": "bob@example.org",
        });
        let text = redact(&args).to_string();
        assert!(!text.contains("example.com"), "{text}");
        assert!(!text.contains("bob@"), "{text}");
        assert!(!text.contains("sk_test"), "{text}");
        assert!(!text.contains("x@y.io"), "{text}");
        assert!(text.contains("\"amount\":\"50.00\""), "{text}");
    }

    #[test]
    fn times_are_utc_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_454), (2026, 1, 1));
        assert_eq!(now().len(), 24);
    }
}
