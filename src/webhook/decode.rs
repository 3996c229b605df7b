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
use serde_path_to_error::Path;

use super::error::EventDecodeError;
use super::payload::Payload;

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
            Err(e) if !crate::api::coerce::worth_a_second_pass(&e) => return Err(failure(e)),
            Err(_) => {}
        }
    }
    let mut value: Value =
        serde_json::from_str(raw.get()).map_err(|e| fail("data".into(), e.to_string()))?;
    rename(&mut value, T::RENAMED);
    crate::api::coerce::decode::<T>(&mut value).map_err(failure)
}

/// Moves each `(webhook, api)` key of a top-level object to the API's spelling, unless the
/// delivery sent that spelling too (then the API's wins).
fn rename(value: &mut Value, renamed: &[(&str, &str)]) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    for (webhook, api) in renamed {
        // The generated field reads both spellings; two would be a duplicate.
        let v = object.remove(*webhook);
        if let (Some(v), false) = (v, object.contains_key(*api)) {
            object.insert((*api).to_string(), v);
        }
    }
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
