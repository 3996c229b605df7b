//! `regen --upstream FILE`: patch Paystack's published spec, generate from it, compare with ours.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::bundle;
use crate::coverage::{data_typing, operations, resolve, Op, Typing};

/// Applies the patches, generates, diffs, and checks typing. Fails on any finding.
pub fn check(root: &Path, file: &Path, ours: &Value) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut upstream: Value =
        serde_norway::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;

    let patches = apply_patches(&root.join("openapi/patches"), &mut upstream)?;
    println!("applied {} patch files to {}", patches, file.display());

    let started = std::time::Instant::now();
    let code = bundle::generate(&upstream, false)?;
    println!(
        "progenitor generated {} lines from the patched upstream spec in {} ms",
        code.lines().count(),
        started.elapsed().as_millis()
    );

    let mut findings = diff(&upstream, ours);
    findings.extend(untyped(root, ours)?);
    let up_ops = operations(&upstream).len();
    let our_ops = operations(ours).len();
    println!("operations: upstream {up_ops}, ours {our_ops}");
    if findings.is_empty() {
        println!("no structural differences; every success `data` is typed or allow-listed");
        Ok(())
    } else {
        for f in &findings {
            println!("- {f}");
        }
        Err(format!(
            "{} finding(s) against the upstream spec",
            findings.len()
        ))
    }
}

/// Applies `dir/*.json` in name order. Each file is `{"reason": "...", "patch": [RFC 6902 ops]}`.
fn apply_patches(dir: &Path, doc: &mut Value) -> Result<usize, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        if v.get("reason")
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            return Err(format!("{}: every patch needs a `reason`", f.display()));
        }
        let ops: json_patch::Patch = serde_json::from_value(
            v.get("patch").cloned().unwrap_or(Value::Null),
        )
        .map_err(|e| format!("{}: `patch` is not an RFC 6902 document: {e}", f.display()))?;
        json_patch::patch(doc, &ops).map_err(|e| format!("{}: {e}", f.display()))?;
    }
    Ok(files.len())
}

/// The comparable shape of one operation.
#[derive(Default)]
struct Shape {
    method: String,
    path: String,
    params: BTreeSet<String>,
    body: BTreeSet<String>,
    /// `param:NAME` or `body:NAME` → allowed values.
    enums: BTreeMap<String, BTreeSet<String>>,
}

fn shapes(spec: &Value) -> BTreeMap<String, Shape> {
    let mut out = BTreeMap::new();
    // Operations Paystack documents but its published spec lacks are ours alone
    // (`x-paystack-source: docs`): there is nothing upstream to compare them with.
    let ours_alone =
        |op: &Op| op.node.get("x-paystack-source").and_then(Value::as_str) == Some("docs");
    for op in operations(spec).into_iter().filter(|op| !ours_alone(op)) {
        let mut shape = Shape {
            method: op.method.clone(),
            path: op.path.clone(),
            ..Default::default()
        };
        let path_params = spec
            .pointer(&format!(
                "/paths/{}/parameters",
                op.path.replace('~', "~0").replace('/', "~1")
            ))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let op_params = op
            .node
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for p in path_params.iter().chain(op_params.iter()) {
            let p = resolve(spec, p);
            let name = p.get("name").and_then(Value::as_str).unwrap_or("?");
            let place = p.get("in").and_then(Value::as_str).unwrap_or("?");
            shape.params.insert(format!("{place}:{name}"));
            if let Some(values) = p.get("schema").and_then(|s| enum_values(spec, s)) {
                shape.enums.insert(format!("param {name}"), values);
            }
        }
        if let Some(schema) = op
            .node
            .pointer("/requestBody/content/application~1json/schema")
        {
            let mut schema = resolve(spec, schema);
            if schema.get("type").and_then(Value::as_str) == Some("array") {
                if let Some(items) = schema.get("items") {
                    schema = resolve(spec, items);
                }
            }
            for (name, field) in properties(spec, schema) {
                if let Some(values) = enum_values(spec, &field) {
                    shape.enums.insert(format!("body {name}"), values);
                }
                shape.body.insert(name);
            }
        }
        out.insert(op.id, shape);
    }
    out
}

/// Top-level properties of an object schema, merging `allOf`.
fn properties(spec: &Value, schema: &Value) -> Vec<(String, Value)> {
    let schema = resolve(spec, schema);
    let mut out = Vec::new();
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            out.extend(properties(spec, part));
        }
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        out.extend(props.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    out
}

/// The enum values of a schema (or of its array items), if it declares any.
fn enum_values(spec: &Value, schema: &Value) -> Option<BTreeSet<String>> {
    let schema = resolve(spec, schema);
    let schema = match schema.get("type").and_then(Value::as_str) {
        Some("array") => resolve(spec, schema.get("items")?),
        _ => schema,
    };
    let values = schema.get("enum")?.as_array()?;
    Some(
        values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect(),
    )
}

fn diff(upstream: &Value, ours: &Value) -> Vec<String> {
    let up = shapes(upstream);
    let our = shapes(ours);
    let mut findings = Vec::new();
    for id in up.keys().filter(|id| !our.contains_key(*id)) {
        findings.push(format!("{id}: in the upstream spec, missing from ours"));
    }
    for id in our.keys().filter(|id| !up.contains_key(*id)) {
        findings.push(format!("{id}: in our spec, not in the upstream one"));
    }
    for (id, u) in &up {
        let Some(o) = our.get(id) else { continue };
        if (u.method.as_str(), u.path.as_str()) != (o.method.as_str(), o.path.as_str()) {
            findings.push(format!(
                "{id}: upstream {} {}, ours {} {}",
                u.method, u.path, o.method, o.path
            ));
        }
        for p in u.params.difference(&o.params) {
            findings.push(format!("{id}: parameter {p} only upstream"));
        }
        for p in o.params.difference(&u.params) {
            findings.push(format!("{id}: parameter {p} only in ours"));
        }
        for f in u.body.difference(&o.body) {
            findings.push(format!("{id}: body field {f} only upstream"));
        }
        for f in o.body.difference(&u.body) {
            findings.push(format!("{id}: body field {f} only in ours"));
        }
        // Our enums are open, so more values on our side are fine; fewer are not.
        for (field, values) in &u.enums {
            if let Some(mine) = o.enums.get(field) {
                let missing: Vec<_> = values.difference(mine).cloned().collect();
                if !missing.is_empty() {
                    findings.push(format!("{id}: {field} lacks upstream values {missing:?}"));
                }
            }
        }
    }
    findings
}

/// Operations of ours whose success `data` is free-form and not in the allow-list.
fn untyped(root: &Path, ours: &Value) -> Result<Vec<String>, String> {
    let path = root.join("openapi/untyped-allowlist.yaml");
    let allow: BTreeMap<String, String> = match std::fs::read_to_string(&path) {
        Ok(text) => serde_norway::from_str::<Option<BTreeMap<String, String>>>(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .unwrap_or_default(),
        Err(_) => BTreeMap::new(),
    };
    let mut findings = Vec::new();
    let mut listed = 0;
    for op in operations(ours) {
        if let Typing::Untyped(why) = data_typing(ours, &op.node) {
            match allow.get(&op.id) {
                Some(reason) if !reason.trim().is_empty() => listed += 1,
                _ => findings.push(format!(
                    "{}: untyped success data ({why}) and not allow-listed",
                    op.id
                )),
            }
        }
    }
    for id in allow.keys() {
        if !operations(ours).iter().any(|o| &o.id == id) {
            findings.push(format!(
                "untyped-allowlist.yaml names {id}, which is not an operation"
            ));
        }
    }
    println!("untyped success data allow-listed: {listed}");
    Ok(findings)
}
