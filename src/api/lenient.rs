//! Lenient scalars for the places where Paystack's payloads vary in type.
//!
//! Recorded responses send `meta.perPage` as `"50"` or `50`, flags as `true` or `1`, and a few
//! ids as strings. Each type here accepts every spelling seen and serializes one canonical form.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An integer that may arrive as a JSON number or as a numeric string.
///
/// A fractional number with a zero fraction (`50.0`) is accepted too; anything else is a decode
/// error that names the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FlexInt(pub i64);

impl FlexInt {
    /// The integer value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for FlexInt {
    fn from(v: i64) -> Self {
        FlexInt(v)
    }
}

impl From<FlexInt> for i64 {
    fn from(v: FlexInt) -> Self {
        v.0
    }
}

impl fmt::Display for FlexInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for FlexInt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for FlexInt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(IntVisitor).map(FlexInt)
    }
}

/// Reads an `i64` from a number or a numeric string; shared with [`crate::Amount`].
pub(crate) struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string holding one")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format!("{v} does not fit in 64 signed bits")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        // 2^53: past this an f64 no longer holds every integer exactly.
        if v.fract() == 0.0 && v.abs() <= 9_007_199_254_740_992.0 {
            Ok(v as i64)
        } else {
            Err(E::custom(format!("{v} is not a whole number")))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        let t = v.trim();
        if let Ok(n) = t.parse::<i64>() {
            return Ok(n);
        }
        // "5000.00" occurs in a few payloads; accept it only when the fraction is zero.
        if let Some((whole, frac)) = t.split_once('.') {
            if !frac.is_empty() && frac.bytes().all(|b| b == b'0') {
                if let Ok(n) = whole.parse::<i64>() {
                    return Ok(n);
                }
            }
        }
        Err(E::custom(format!("{v:?} is not an integer")))
    }
}

/// A flag that may arrive as `true`/`false`, `1`/`0`, or those values as strings.
///
/// As an envelope `status`, one documented answer sends `"success"`; that string reads as true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FlexBool(pub bool);

impl FlexBool {
    /// The boolean value.
    pub fn get(self) -> bool {
        self.0
    }
}

impl From<bool> for FlexBool {
    fn from(v: bool) -> Self {
        FlexBool(v)
    }
}

impl From<FlexBool> for bool {
    fn from(v: FlexBool) -> Self {
        v.0
    }
}

impl fmt::Display for FlexBool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for FlexBool {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(self.0)
    }
}

impl<'de> Deserialize<'de> for FlexBool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = bool;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean, 0/1, or a string holding one of those (or \"success\")")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
                Ok(v)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
                match v {
                    0 => Ok(false),
                    1 => Ok(true),
                    _ => Err(E::custom(format!("{v} is not a flag"))),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
                match v.trim().to_ascii_lowercase().as_str() {
                    "true" | "1" | "success" => Ok(true),
                    "false" | "0" => Ok(false),
                    _ => Err(E::custom(format!("{v:?} is not a flag"))),
                }
            }
        }
        d.deserialize_any(V).map(FlexBool)
    }
}

/// A record id: a 64-bit integer for almost every record, a string for a few.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Id {
    /// A numeric id (the usual case). Numeric strings are read into this variant.
    Num(u64),
    /// An id that is not a plain number, kept as sent.
    Text(String),
}

impl Id {
    /// The numeric value, when the id is a number.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Id::Num(n) => Some(*n),
            Id::Text(_) => None,
        }
    }
}

impl From<u64> for Id {
    fn from(v: u64) -> Self {
        Id::Num(v)
    }
}

impl From<&str> for Id {
    fn from(v: &str) -> Self {
        v.parse()
            .map(Id::Num)
            .unwrap_or_else(|_| Id::Text(v.to_string()))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Num(n) => n.fmt(f),
            Id::Text(s) => f.write_str(s),
        }
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Num(n) => s.serialize_u64(*n),
            Id::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (integer or string)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id::Num(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                u64::try_from(v)
                    .map(Id::Num)
                    .map_err(|_| E::custom(format!("{v} is not a valid id")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Id, E> {
                IntVisitor.visit_f64(v).and_then(|n| self.visit_i64(n))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id::from(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Text that may arrive as a JSON string, number or boolean.
///
/// Webhook payloads are looser than API answers: a field that is text in one delivery is a
/// number in the next (`"4081"` and `4081`). Numbers and booleans are kept in their JSON
/// spelling; `null` reads as an absent `Option<Text>`. An empty string stays empty: use
/// [`Text::non_empty`] where `""` stands for "no value".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text(pub String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, or `None` when it is empty.
    pub fn non_empty(&self) -> Option<&str> {
        (!self.0.is_empty()).then_some(self.0.as_str())
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(v: &str) -> Self {
        Text(v.to_string())
    }
}

impl From<String> for Text {
    fn from(v: String) -> Self {
        Text(v)
    }
}

impl From<Text> for String {
    fn from(v: Text) -> Self {
        v.0
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, a number or a boolean")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}
