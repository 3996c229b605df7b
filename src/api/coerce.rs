//! The last decoding pass for answers and webhook deliveries that the strict pass refused:
//! through a JSON value (a key given twice keeps its last value), turning a number or a
//! boolean found where text belongs (`"last4": 4081`) into its JSON spelling and trying again.
//!
//! A key sent in both spellings in one object (`paid_at` and `paidAt`, which the generated
//! types read as one field) keeps the snake_case one.
//!
//! It runs only after the strict pass failed, so a well-formed body never pays for it.

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

/// How many number-or-boolean text fields one body may have turned into text; past this the
/// body is refused as it stands.
pub(crate) const MAX_COERCIONS: usize = 64;

/// Decodes `value`, coercing text fields that hold a number or a boolean, and returns the
/// first error that coercion cannot fix (with its JSON path).
pub(crate) fn decode<T: DeserializeOwned>(
    value: &mut Value,
) -> Result<T, serde_path_to_error::Error<serde_json::Error>> {
    let mut left = MAX_COERCIONS;
    let mut twins_dropped = false;
    loop {
        match serde_path_to_error::deserialize::<_, T>(&*value) {
            Ok(decoded) => return Ok(decoded),
            Err(e) => {
                if !twins_dropped && twin_suspect(&e) {
                    twins_dropped = true;
                    drop_camel_twins(value);
                    continue;
                }
                if left == 0 || !is_text_mismatch(&e) || !to_text(value, e.path()) {
                    return Err(e);
                }
                left -= 1;
            }
        }
    }
}

/// Removes, in every object, a camelCase key whose snake_case spelling is also present: the
/// generated types read both spellings into one field, and two would be a duplicate.
fn drop_camel_twins(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let twins: Vec<String> = map
                .keys()
                .filter(|k| k.chars().any(|c| c.is_ascii_uppercase()))
                .filter(|k| map.contains_key(&snake(k)))
                .cloned()
                .collect();
            for k in twins {
                map.remove(&k);
            }
            map.values_mut().for_each(drop_camel_twins);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_camel_twins),
        _ => {}
    }
}

/// `paidAt` → `paid_at`.
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a failed strict pass may succeed through [`decode`]: a text field held something
/// else, a key came twice, or an id-or-record field failed (inside an untagged enum a key
/// sent in both spellings shows only as "did not match any variant").
pub(crate) fn worth_a_second_pass(e: &serde_path_to_error::Error<serde_json::Error>) -> bool {
    is_text_mismatch(e) || twin_suspect(e)
}

fn twin_suspect(e: &serde_path_to_error::Error<serde_json::Error>) -> bool {
    let m = e.inner().to_string();
    m.starts_with("duplicate field") || m.contains("did not match any variant")
}

/// Whether decoding stopped because a text field held something else.
pub(crate) fn is_text_mismatch(e: &serde_path_to_error::Error<serde_json::Error>) -> bool {
    e.inner().to_string().contains(", expected a string")
}

/// Replaces the number or boolean at `path` with its JSON spelling; false when the value
/// there is anything else, or the path cannot be followed.
fn to_text(value: &mut Value, path: &Path) -> bool {
    let mut node = value;
    for segment in path.iter() {
        let next = match segment {
            Segment::Map { key } => node.get_mut(key.as_str()),
            Segment::Seq { index } => node.get_mut(*index),
            _ => None,
        };
        let Some(next) = next else {
            return false;
        };
        node = next;
    }
    let text = match node {
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return false,
    };
    *node = Value::String(text);
    true
}
