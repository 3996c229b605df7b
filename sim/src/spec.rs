//! The bundled spec, embedded at build time, turned into a route table.
//!
//! Every operation of `openapi/` is routed from here, so the simulator and the SDK can never
//! disagree about which operations exist or what they take.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

static SPEC_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/spec.json"));

/// The bundled spec as JSON text, exactly as embedded at build time.
pub fn bundled_json() -> &'static str {
    SPEC_JSON
}

/// One segment of a path template.
#[derive(Debug, Clone)]
pub enum Seg {
    /// A fixed segment such as `transfer`.
    Lit(String),
    /// A `{name}` segment.
    Param(String),
}

/// Where a parameter is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// The URL path.
    Path,
    /// The query string.
    Query,
}

/// A declared parameter of an operation.
#[derive(Debug, Clone)]
pub struct Param {
    /// Its name on the wire.
    pub name: String,
    /// Path or query.
    pub location: In,
    /// Whether the request must carry it.
    pub required: bool,
    /// Its schema (may be a `$ref`).
    pub schema: Value,
}

/// One operation of the spec.
#[derive(Debug, Clone)]
pub struct Op {
    /// The operation id, such as `transfer_initiate`.
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path template, such as `/transfer/{code}`.
    pub template: String,
    /// The template split into segments.
    pub segments: Vec<Seg>,
    /// The first tag (the API group).
    pub tag: String,
    /// Declared path and query parameters.
    pub params: Vec<Param>,
    /// The JSON request body schema and whether a body is required.
    pub body: Option<(bool, Value)>,
    /// The success status and its response schema.
    pub response: (u16, Option<Value>),
}

impl Op {
    /// The first path segment, which names the resource a generic operation works on.
    pub fn resource(&self) -> &str {
        match self.segments.first() {
            Some(Seg::Lit(s)) => s,
            _ => "",
        }
    }

    /// How many `{param}` segments the template has.
    pub fn path_params(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Seg::Param(_)))
            .count()
    }
}

/// The parsed spec and its operations.
#[derive(Debug)]
pub struct Spec {
    /// The whole bundled document.
    pub root: Value,
    /// Every operation, in spec order.
    pub ops: Vec<Op>,
    by_id: HashMap<String, usize>,
}

/// The spec, parsed once per process.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| Spec::parse(SPEC_JSON))
}

impl Spec {
    fn parse(text: &str) -> Spec {
        // The JSON is produced by our own build script from a spec `cargo xtask regen` checks.
        let root: Value = serde_json::from_str(text).expect("embedded spec is JSON");
        let mut ops = Vec::new();
        if let Some(paths) = root.get("paths").and_then(Value::as_object) {
            for (template, item) in paths {
                let Some(item) = item.as_object() else {
                    continue;
                };
                for (method, op) in item {
                    let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                        continue;
                    };
                    ops.push(Op {
                        id: id.to_string(),
                        method: method.to_ascii_uppercase(),
                        template: template.clone(),
                        segments: split(template),
                        tag: op
                            .pointer("/tags/0")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string(),
                        params: params(op),
                        body: op
                            .pointer("/requestBody/content/application~1json/schema")
                            .map(|s| {
                                let required = op
                                    .pointer("/requestBody/required")
                                    .and_then(Value::as_bool)
                                    .unwrap_or(false);
                                (required, s.clone())
                            }),
                        response: response(op),
                    });
                }
            }
        }
        let by_id = ops
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        Spec { root, ops, by_id }
    }

    /// The operation with this id.
    pub fn op(&self, id: &str) -> Option<&Op> {
        self.by_id.get(id).map(|&i| &self.ops[i])
    }

    /// Follows `$ref`s until a concrete schema.
    pub fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        for _ in 0..16 {
            let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
                return schema;
            };
            let pointer = r.trim_start_matches('#');
            match self.root.pointer(pointer) {
                Some(s) => schema = s,
                None => return schema,
            }
        }
        schema
    }

    /// The operation that serves `method path`, and its path parameters.
    ///
    /// A literal segment beats a parameter, so `/transfer/verify/x` is verify rather than
    /// fetch with id `verify`.
    pub fn route(&self, method: &str, path: &str) -> Option<(&Op, HashMap<String, String>)> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut best: Option<(usize, &Op)> = None;
        for op in &self.ops {
            if op.method != method || op.segments.len() != parts.len() {
                continue;
            }
            let mut literals = 0;
            let fits = op.segments.iter().zip(&parts).all(|(s, p)| match s {
                Seg::Lit(l) => {
                    literals += 1;
                    l == p
                }
                Seg::Param(_) => !p.is_empty(),
            });
            if fits && best.is_none_or(|(n, _)| literals > n) {
                best = Some((literals, op));
            }
        }
        let (_, op) = best?;
        let mut values = HashMap::new();
        for (s, p) in op.segments.iter().zip(&parts) {
            if let Seg::Param(name) = s {
                values.insert(name.clone(), percent_decode(p));
            }
        }
        Some((op, values))
    }

    /// Whether any operation has this path (under another method).
    pub fn path_exists(&self, path: &str) -> bool {
        ["GET", "POST", "PUT", "DELETE"]
            .iter()
            .any(|m| self.route(m, path).is_some())
    }
}

fn split(template: &str) -> Vec<Seg> {
    template
        .trim_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with('{') && s.ends_with('}') {
                Seg::Param(s[1..s.len() - 1].to_string())
            } else {
                Seg::Lit(s.to_string())
            }
        })
        .collect()
}

fn params(op: &Value) -> Vec<Param> {
    let Some(list) = op.get("parameters").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| {
            let location = match p.get("in").and_then(Value::as_str)? {
                "path" => In::Path,
                "query" => In::Query,
                _ => return None,
            };
            Some(Param {
                name: p.get("name")?.as_str()?.to_string(),
                location,
                required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                schema: p.get("schema").cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

fn response(op: &Value) -> (u16, Option<Value>) {
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return (200, None);
    };
    for (code, r) in responses {
        if let Ok(status) = code.parse::<u16>() {
            if (200..300).contains(&status) {
                let schema = r.pointer("/content/application~1json/schema").cloned();
                return (status, schema);
            }
        }
    }
    (200, None)
}

/// Decodes `%XX` escapes in a path segment or query value (and `+` as space when asked).
pub fn percent_decode(s: &str) -> String {
    decode(s, false)
}

/// Decodes a query-string component: `%XX` escapes and `+` as a space.
pub fn query_decode(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, plus: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' if plus => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a query string into decoded pairs.
pub fn parse_query(q: Option<&str>) -> Vec<(String, String)> {
    q.unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (query_decode(k), query_decode(v)),
            None => (query_decode(p), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_operations_are_routed() {
        let s = spec();
        assert_eq!(s.ops.len(), 170);
        for op in &s.ops {
            let path: String = op
                .segments
                .iter()
                .map(|seg| match seg {
                    Seg::Lit(l) => format!("/{l}"),
                    Seg::Param(_) => "/x1".to_string(),
                })
                .collect();
            let (found, _) = s.route(&op.method, &path).expect("routed");
            assert_eq!(found.id, op.id, "{} {path}", op.method);
        }
    }

    #[test]
    fn literal_beats_parameter() {
        let (op, p) = spec().route("GET", "/transfer/verify/ref-1").unwrap();
        assert_eq!(op.id, "transfer_verify");
        assert_eq!(p["reference"], "ref-1");
        assert_eq!(
            spec().route("GET", "/transaction/totals").unwrap().0.id,
            "transaction_totals"
        );
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(query_decode("a%40b.c+d"), "a@b.c d");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
