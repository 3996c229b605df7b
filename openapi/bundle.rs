//! Bundles `openapi/` into one OpenAPI document and runs progenitor on it.
//!
//! Shared by `build.rs` (which writes the client into `OUT_DIR`) and `xtask` (which checks the
//! committed artefacts and the upstream spec), so both see exactly the same spec and settings.

use std::path::Path;

use serde_json::{Map, Value};

/// Component schemas that the handwritten layer supplies itself, as `(schema, Rust path)`.
///
/// A component marked `x-rust-replacement: crate::enums::Currency` is not generated: progenitor
/// would make a closed enum (an unknown value fails the whole decode) or a strict integer (a
/// numeric string fails it). The open or lenient type from `src/api` is used in its place, so
/// generated structs carry those types directly.
pub fn replacements(spec: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            if let Some(path) = schema.get("x-rust-replacement").and_then(Value::as_str) {
                out.push((name.clone(), path.to_string()));
            }
        }
    }
    out
}

/// Reads `dir/paystack.yaml` and merges every `dir/paths/*.yaml` and `dir/components/*.yaml`
/// into it.
///
/// Group files hold `paths` and `components`; `components/` holds schemas no operation
/// answers with (the `data` of webhook events). A name defined twice is an error rather than
/// a silent override, so two files can never disagree about one schema.
pub fn bundle(dir: &Path) -> Result<Value, String> {
    let root_path = dir.join("paystack.yaml");
    let mut root = read_yaml(&root_path)?;
    let mut files = yaml_files(&dir.join("paths"))?;
    let components = dir.join("components");
    if components.is_dir() {
        files.extend(yaml_files(&components)?);
    }
    for file in files {
        let part = read_yaml(&file)?;
        let Value::Object(part) = part else {
            return Err(format!("{}: not a mapping", file.display()));
        };
        for (key, value) in part {
            match key.as_str() {
                "paths" => merge_into(&mut root, &["paths"], value, &file)?,
                "components" => {
                    let Value::Object(kinds) = value else {
                        return Err(format!("{}: components is not a mapping", file.display()));
                    };
                    for (kind, entries) in kinds {
                        merge_into(&mut root, &["components", &kind], entries, &file)?;
                    }
                }
                other => {
                    return Err(format!(
                        "{}: unexpected top-level key {other}",
                        file.display()
                    ))
                }
            }
        }
    }
    Ok(root)
}

/// The `*.yaml` files of `dir`, sorted by name.
fn yaml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_yaml(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_norway::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn merge_into(root: &mut Value, at: &[&str], value: Value, file: &Path) -> Result<(), String> {
    let mut cursor = root;
    for key in at {
        let obj = cursor
            .as_object_mut()
            .ok_or_else(|| format!("root spec: {key} is not a mapping"))?;
        cursor = obj
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    let target = cursor
        .as_object_mut()
        .ok_or("root spec: merge target is not a mapping")?;
    let Value::Object(entries) = value else {
        return Err(format!(
            "{}: {} is not a mapping",
            file.display(),
            at.join(".")
        ));
    };
    for (name, entry) in entries {
        if target.contains_key(&name) {
            return Err(format!(
                "{}: {}.{name} is defined twice",
                file.display(),
                at.join(".")
            ));
        }
        target.insert(name, entry);
    }
    Ok(())
}

/// Runs progenitor on a bundled spec and returns formatted Rust source.
///
/// `project` selects the project's settings (open enums and lenient numbers from `src/api`,
/// and request/response logging hooks); without it the defaults are used, which is what the
/// upstream check needs.
pub fn generate(spec_json: &Value, project: bool) -> Result<String, String> {
    let spec: openapiv3::OpenAPI =
        serde_json::from_value(spec_json.clone()).map_err(|e| format!("not OpenAPI 3.0: {e}"))?;
    let mut settings = progenitor::GenerationSettings::new();
    settings
        .with_interface(progenitor::InterfaceStyle::Positional)
        .with_tag(progenitor::TagStyle::Merged)
        .with_derive("PartialEq");
    if project {
        for (name, path) in replacements(spec_json) {
            settings.with_replacement(name, path, std::iter::empty());
        }
        // Every request goes through src/api/client.rs (`ClientHooks for Client`): it adds the
        // key, applies timeouts and retries by the operation table, and logs without secrets.
        let inner = "crate::api::client::Inner"
            .parse::<proc_macro2::TokenStream>()
            .map_err(|e| e.to_string())?;
        settings
            .with_inner_type(inner)
            .with_hooks(progenitor::HooksMode::Expected);
    }
    let mut generator = progenitor::Generator::new(&settings);
    // progenitor reports some spec problems by panicking; turn that into an error message.
    let tokens = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generator.generate_tokens(&spec)
    }))
    .map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "progenitor panicked".into());
        format!("progenitor panicked: {msg}")
    })?
    .map_err(|e| format!("progenitor: {e}"))?;
    let file: syn::File = syn::parse2(tokens).map_err(|e| format!("generated code: {e}"))?;
    let code = prettyplease::unparse(&file);
    Ok(if project {
        other_spellings(&code)
    } else {
        code
    })
}

/// The other spelling of a wire name: `createdAt` for `created_at` and the reverse; `None`
/// when both are the same (`id`, `amount`).
fn other_spelling(name: &str) -> Option<String> {
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let mut out = String::new();
    if name.contains('_') {
        let mut up = false;
        for c in name.chars() {
            if c == '_' {
                up = true;
            } else if up {
                out.push(c.to_ascii_uppercase());
                up = false;
            } else {
                out.push(c);
            }
        }
    } else {
        for c in name.chars() {
            if c.is_ascii_uppercase() {
                out.push('_');
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
    }
    (out != name && !out.is_empty()).then_some(out)
}

/// Lets every generated struct field also read its other spelling (`serde(alias)`).
///
/// Paystack sends one field as `createdAt` in one answer and `created_at` in another (refunds,
/// subscription customers, dedicated-account splits, product orders...). A struct cannot
/// declare both, so the spec names one and the generated field takes the other as an alias
/// when no other field of the struct uses it. Only decoding is affected: encoding writes the
/// spec's spelling.
fn other_spellings(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let Some(indent) = line.find("pub struct ") else {
            i += 1;
            continue;
        };
        if !line.trim_end().ends_with('{') {
            i += 1;
            continue;
        }
        // The struct's fields run to the closing brace at the same indentation.
        let close = format!("{}}}", &line[..indent]);
        let end = (i + 1..lines.len())
            .find(|&j| lines[j] == close)
            .unwrap_or(lines.len());
        let field_at = format!("{}    pub ", &line[..indent]);
        // (line of `pub name:`, first line of its attributes, wire name)
        let mut fields = Vec::new();
        let mut attr_start = None;
        for j in i + 1..end {
            let l = lines[j].trim_start();
            if l.starts_with("#[") {
                attr_start.get_or_insert(j);
            } else if lines[j].starts_with(&field_at) {
                let rest = &lines[j][field_at.len()..];
                if let Some(ident) = rest.split(':').next().filter(|_| rest.contains(':')) {
                    let first = attr_start.unwrap_or(j);
                    let attrs = lines[first..j].join(" ");
                    let wire = attrs
                        .split("rename = \"")
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .unwrap_or(ident.trim_start_matches("r#"))
                        .to_string();
                    fields.push((j, first, wire));
                }
                attr_start = None;
            }
        }
        let taken: Vec<&str> = fields.iter().map(|(_, _, w)| w.as_str()).collect();
        for (j, first, wire) in &fields {
            let Some(alias) = other_spelling(wire).filter(|a| !taken.contains(&a.as_str())) else {
                continue;
            };
            let serde_line = (*first..*j).find(|&k| lines[k].trim_start().starts_with("#[serde("));
            match serde_line {
                Some(k) => {
                    // `#[serde(` alone on its line (multi-line attribute) or followed by more.
                    let sep = if out[k].trim_end().ends_with("#[serde(") {
                        ","
                    } else {
                        ", "
                    };
                    out[k] = out[k].replacen(
                        "#[serde(",
                        &format!("#[serde(alias = \"{alias}\"{sep}"),
                        1,
                    );
                }
                None => {
                    let pad = &lines[*j][..lines[*j].len() - lines[*j].trim_start().len()];
                    out[*j] = format!("{pad}#[serde(alias = \"{alias}\")]\n{}", out[*j]);
                }
            }
        }
        i = end;
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    joined
}

/// One operation's row in the table `paystack::operations` is generated from.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationRow {
    /// The spec's operationId, e.g. `transfer_initiate`.
    pub id: String,
    /// The name progenitor gives the method (snake case).
    pub rust_id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, e.g. `/transfer/{code}`.
    pub path: String,
    /// The first tag.
    pub group: String,
    /// `safe`, `by-reference` or `never`.
    pub retry: String,
    /// `x-paystack-moves-money`.
    pub moves_money: bool,
    /// `x-paystack-reference`: where the deduplicated reference sits in the body.
    pub reference: Option<String>,
    /// The success answer's component schema (the generated type's name).
    pub response: Option<String>,
}

/// progenitor's method name for an operationId: snake case, splitting at capitals.
pub fn snake(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads every operation's retry facts; an operation without a valid class is an error.
pub fn operations(spec: &Value) -> Result<Vec<OperationRow>, String> {
    let mut rows = Vec::new();
    let paths = spec
        .get("paths")
        .and_then(Value::as_object)
        .ok_or("the spec has no paths")?;
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, op) in item {
            if !["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                continue;
            }
            let id = op
                .get("operationId")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{method} {path} has no operationId"))?;
            let retry = op
                .get("x-paystack-retry")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{id} has no x-paystack-retry"))?;
            if !["safe", "by-reference", "never"].contains(&retry) {
                return Err(format!(
                    "{id}: x-paystack-retry {retry:?} is not safe, by-reference or never"
                ));
            }
            let moves_money = op
                .get("x-paystack-moves-money")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let reference = op
                .get("x-paystack-reference")
                .and_then(Value::as_str)
                .map(str::to_string);
            if (retry == "by-reference") != reference.is_some() {
                return Err(format!(
                    "{id}: x-paystack-reference goes with by-reference, and only there"
                ));
            }
            if retry == "by-reference" && !moves_money {
                return Err(format!("{id}: by-reference operations move money; say so"));
            }
            rows.push(OperationRow {
                id: id.to_string(),
                rust_id: snake(id),
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                group: op
                    .pointer("/tags/0")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                retry: retry.to_string(),
                moves_money,
                reference,
                response: ["200", "201", "202"].iter().find_map(|code| {
                    op.pointer(&format!(
                        "/responses/{code}/content/application~1json/schema/$ref"
                    ))
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                    .map(str::to_string)
                }),
            });
        }
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(rows)
}

/// Rust source for the operation table, included by `src/api/operations.rs`.
pub fn operations_table(rows: &[OperationRow]) -> String {
    let mut s = String::from("/// Every operation of the spec, sorted by operation id.\npub static OPERATIONS: &[Operation] = &[\n");
    for r in rows {
        let class = match r.retry.as_str() {
            "safe" => "RetryClass::Safe",
            "by-reference" => "RetryClass::ByReference",
            _ => "RetryClass::Never",
        };
        s.push_str(&format!(
            "    Operation {{ id: {:?}, rust_id: {:?}, method: {:?}, path: {:?}, group: {:?}, retry: {class}, moves_money: {}, reference: {:?} }},\n",
            r.id, r.rust_id, r.method, r.path, r.group, r.moves_money, r.reference
        ));
    }
    s.push_str("];\n\n");
    // One decoder per operation, for the decoder fuzzing harness (`paystack::fuzzing`).
    s.push_str("/// Decodes `body` as the success answer of operation `id`, as the client does.\n#[doc(hidden)]\npub fn decode_response(id: &str, status: u16, body: &[u8]) -> Option<crate::Result<()>> {\n    use crate::api::client::decode_as;\n    use crate::generated::types;\n    Some(match id {\n");
    for r in rows {
        if let Some(ty) = &r.response {
            s.push_str(&format!(
                "        {:?} => decode_as::<types::{ty}>(status, body),\n",
                r.id
            ));
        }
    }
    s.push_str("        _ => return None,\n    })\n}\n\n");
    // Decode and encode again with the generated type, for the simulator's round-trip test:
    // whatever the types do not hold is missing from the second value.
    s.push_str("/// Decodes `body` with the generated type of operation `id`'s success answer and encodes\n/// it again; `None` for an unknown operation.\n#[doc(hidden)]\npub fn round_trip(id: &str, body: &[u8]) -> Option<Result<serde_json::Value, String>> {\n    use crate::generated::types;\n    fn again<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) -> Result<serde_json::Value, String> {\n        let t: T = serde_json::from_slice(body).map_err(|e| e.to_string())?;\n        serde_json::to_value(&t).map_err(|e| e.to_string())\n    }\n    Some(match id {\n");
    for r in rows {
        if let Some(ty) = &r.response {
            s.push_str(&format!(
                "        {:?} => again::<types::{ty}>(body),\n",
                r.id
            ));
        }
    }
    s.push_str("        _ => return None,\n    })\n}\n");
    s
}
