//! Reading one event's `data` into its payload type, as leniently as deliveries need.
//!
//! The payload types are the API's, and two things differ in webhooks:
//! - some records spell their timestamps in snake_case (`created_at`) where API answers use
//!   camelCase (`createdAt`); [`Payload::RENAMED`] lists those, read into the API's field;
//! - any text field may arrive as a number or a boolean (`"last4": 4081`). Fields only
//!   webhooks send are [`crate::Text`] in the spec; a field shared with the API is a `String`
//!   there, so when decoding stops at one holding a number or a boolean, that value is
//!   turned into its JSON spelling and decoding starts again.

use serde_json::value::RawValue;
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

use super::error::EventDecodeError;
use super::payload::Payload;

/// How many number-or-boolean text fields one delivery may have turned into text; past
/// this the delivery is refused as it stands.
const MAX_COERCIONS: usize = 64;

/// Decodes one payload, naming the failing path (`data.amount`) on error.
pub(super) fn decode_data<T: Payload>(
    name: &str,
    data: Option<&RawValue>,
) -> Result<T, EventDecodeError> {
    let fail = |path: String, message: String| EventDecodeError {
        event: Some(name.to_string()),
        path,
        message,
        data: data.and_then(|raw| serde_json::from_str(raw.get()).ok()),
    };
    let Some(raw) = data else {
        return Err(fail("data".into(), "the event has no `data`".into()));
    };
    let failure = |e: serde_path_to_error::Error<serde_json::Error>| {
        fail(data_path(e.path()), e.into_inner().to_string())
    };
    // Most deliveries fit as sent: decode straight from the text.
    if T::RENAMED.is_empty() {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(payload) => return Ok(payload),
            Err(e) if !is_text_mismatch(&e) => return Err(failure(e)),
            Err(_) => {}
        }
    }
    let mut value: Value =
        serde_json::from_str(raw.get()).map_err(|e| fail("data".into(), e.to_string()))?;
    rename(&mut value, T::RENAMED);
    let mut left = MAX_COERCIONS;
    loop {
        match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(payload) => return Ok(payload),
            Err(e) => {
                if left == 0 || !is_text_mismatch(&e) || !to_text(&mut value, e.path()) {
                    return Err(failure(e));
                }
                left -= 1;
            }
        }
    }
}

/// Moves each `(webhook, api)` key of a top-level object to the API's spelling, unless the
/// delivery sent that spelling too (then the API's wins).
fn rename(value: &mut Value, renamed: &[(&str, &str)]) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for (webhook, api) in renamed {
        if !object.contains_key(*api) {
            if let Some(v) = object.remove(*webhook) {
                object.insert((*api).to_string(), v);
            }
        }
    }
}

/// Whether decoding stopped because a text field held something else.
fn is_text_mismatch(e: &serde_path_to_error::Error<serde_json::Error>) -> bool {
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

/// `data.customer.email` for a path inside `data`.
fn data_path(path: &Path) -> String {
    let inner = path.to_string();
    if inner == "." {
        "data".to_string()
    } else if inner.starts_with('[') {
        format!("data{inner}")
    } else {
        format!("data.{inner}")
    }
}
