//! `--toolsets dynamic`: three tools (search operations, describe one, call one) instead of
//! one per operation, for clients that load few tools. A call goes through the same checks,
//! confirmation and audit as a tool of its own. Also the simulator's own tools for
//! `--backend sim` (pay a checkout, top up the balance), which touch no real money.

use rmcp::model::{CallToolResult, ContentBlock, Tool, ToolAnnotations};
use rmcp::RoleServer;
use serde_json::{json, Map, Value};

use super::audit::Entry;
use super::server::Server;
use super::tools::{self, Selection};
use crate::error::Failure;
use crate::spec;

const SEARCH: &str = "search_operations";
const DESCRIBE: &str = "describe_operation";
const CALL: &str = "call_operation";
const SIM_PAY: &str = "sim_pay";
const SIM_FUND: &str = "sim_fund";

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn read_only() -> ToolAnnotations {
    ToolAnnotations::from_raw(None, Some(true), Some(false), Some(true), Some(false))
}

/// The three discovery tools; `sim` for the in-process simulator (a closed world).
pub fn tools(sim: bool) -> Vec<Tool> {
    let name_arg = json!({"type": "string", "description": "The operation's tool name, e.g. transfers_initiate (from search_operations)."});
    vec![
        Tool::new(
            SEARCH,
            "Find Paystack operations by what you want to do (\"refund a payment\", \"list \
             transfers\"). Answers with tool names, summaries and whether each reads, writes or \
             moves money. Use it first, then describe_operation.",
            object(json!({
                "type": "object",
                "properties": {
                    "query": {"type": "string", "description": "What you want to do, in a few words."},
                    "limit": {"type": "integer", "minimum": 1, "maximum": 50, "description": "Most results (default 10)."},
                },
                "required": ["query"],
                "additionalProperties": false,
            })),
        )
        .with_annotations(read_only()),
        Tool::new(
            DESCRIBE,
            "The full description and input JSON Schema of one operation, so call_operation \
             can be given the right arguments (amounts are strings in major units).",
            object(json!({
                "type": "object",
                "properties": {"operation": name_arg},
                "required": ["operation"],
                "additionalProperties": false,
            })),
        )
        .with_annotations(read_only()),
        Tool::new(
            CALL,
            "Runs one operation with arguments matching its input schema. Every rule of this \
             server applies: read-only mode, amount caps, the recipient allow-list, and the \
             human's confirmation before money moves.",
            object(json!({
                "type": "object",
                "properties": {
                    "operation": name_arg,
                    "arguments": {"type": "object", "description": "The operation's arguments, per describe_operation."},
                },
                "required": ["operation"],
                "additionalProperties": false,
            })),
        )
        .with_annotations(ToolAnnotations::from_raw(
            None,
            Some(false),
            Some(true),
            Some(false),
            Some(!sim),
        )),
    ]
}

/// The simulator's own tools, served with `--backend sim`.
pub fn sim_tools() -> Vec<Tool> {
    let closed =
        ToolAnnotations::from_raw(None, Some(false), Some(false), Some(false), Some(false));
    vec![
        Tool::new(
            SIM_PAY,
            "Simulator only: settle a checkout made with transactions_initialize as if the \
             customer paid (or failed to pay). Then transactions_verify shows the result.",
            object(json!({
                "type": "object",
                "properties": {
                    "reference": {"type": "string", "description": "The transaction's reference."},
                    "outcome": {"type": "string", "enum": ["success", "declined", "insufficient_funds", "abandoned"], "description": "What happens at the checkout (default success)."},
                },
                "required": ["reference"],
                "additionalProperties": false,
            })),
        )
        .with_annotations(closed.clone()),
        Tool::new(
            SIM_FUND,
            "Simulator only: top up the simulated balance, so transfers have money to send.",
            object(json!({
                "type": "object",
                "properties": {
                    "amount": {"type": "string", "pattern": tools::AMOUNT_PATTERN, "description": "In major units, e.g. \"10000.00\"."},
                    "currency": {"type": "string", "enum": tools::CURRENCIES},
                },
                "required": ["amount", "currency"],
                "additionalProperties": false,
            })),
        )
        .with_annotations(closed),
    ]
}

/// Handles a discovery or simulator tool; `None` when `name` is neither.
pub async fn call(
    server: &Server,
    name: &str,
    args: &Map<String, Value>,
    peer: &rmcp::Peer<RoleServer>,
) -> Option<CallToolResult> {
    let shared = &server.0;
    let dynamic = matches!(shared.selection, Selection::Dynamic);
    let answer = match name {
        SEARCH if dynamic => search(server, args),
        DESCRIBE if dynamic => describe(server, args),
        CALL if dynamic => {
            let target = args.get("operation").and_then(Value::as_str).unwrap_or("");
            let Some(op) = tools::find(target) else {
                return Some(error(format!(
                    "there is no operation {target:?}; use search_operations"
                )));
            };
            let inner = match args.get("arguments") {
                Some(Value::Object(m)) => m.clone(),
                None | Some(Value::Null) => Map::new(),
                Some(_) => return Some(error("arguments must be an object".into())),
            };
            let label = format!("{CALL}:{target}");
            return Some(server.call_op(&label, op, &inner, peer).await);
        }
        SIM_PAY | SIM_FUND if shared.sim.is_some() && !shared.policy.read_only => {
            let r = sim_call(server, name, args);
            shared.audit.write(&Entry {
                tool: name,
                args,
                outcome: if r.is_ok() { "ok" } else { "invalid" },
                detail: r.as_ref().err().map(String::as_str),
                request_id: None,
            });
            r
        }
        _ => return None,
    };
    Some(match answer {
        Ok(v) => CallToolResult::structured(v),
        Err(e) => error(e),
    })
}

fn error(text: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(text)])
}

/// Operations ranked by how many of the query's words their name, summary and description
/// hold; the name and summary count double.
fn search(server: &Server, args: &Map<String, Value>) -> Result<Value, String> {
    let query = args
        .get("query")
        .and_then(Value::as_str)
        .ok_or("query is required")?
        .to_lowercase();
    let limit = args
        .get("limit")
        .and_then(Value::as_u64)
        .unwrap_or(10)
        .clamp(1, 50) as usize;
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(|w| w.trim_end_matches('s').to_string())
        .collect();
    let mut scored: Vec<(usize, &spec::Op)> = spec::table()
        .operations
        .iter()
        .filter(|op| server.0.allows(op))
        .map(|op| {
            let head =
                format!("{} {} {}", tools::tool_name(op), op.area, op.summary).to_lowercase();
            let body = op.description.to_lowercase();
            let score = words
                .iter()
                .map(|w| {
                    2 * usize::from(head.contains(w.as_str()))
                        + usize::from(body.contains(w.as_str()))
                })
                .sum();
            (score, op)
        })
        .filter(|(s, _)| *s > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let results: Vec<Value> = scored
        .into_iter()
        .take(limit)
        .map(|(_, op)| {
            json!({
                "operation": tools::tool_name(op),
                "summary": op.summary,
                "kind": if tools::is_read(op) { "read" } else if op.moves_money { "moves money" } else { "write" },
            })
        })
        .collect();
    Ok(json!({"status": true, "data": results}))
}

fn describe(server: &Server, args: &Map<String, Value>) -> Result<Value, String> {
    let name = args.get("operation").and_then(Value::as_str).unwrap_or("");
    let op = tools::find(name)
        .filter(|op| server.0.allows(op))
        .ok_or_else(|| format!("no operation {name:?} here; use search_operations"))?;
    let tool = tools::tool(op, server.0.sim.is_some());
    Ok(json!({
        "status": true,
        "data": {
            "operation": tool.name,
            "description": tool.description,
            "input_schema": tool.input_schema.as_ref(),
            "annotations": tool.annotations,
        }
    }))
}

fn sim_call(server: &Server, name: &str, args: &Map<String, Value>) -> Result<Value, String> {
    let sim = server.0.sim.as_ref().ok_or("no simulator")?;
    let text = |k: &str| {
        args.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if name == SIM_PAY {
        let outcome = match args
            .get("outcome")
            .and_then(Value::as_str)
            .unwrap_or("success")
        {
            "success" => paystack_sim::PayOutcome::Success,
            "declined" => paystack_sim::PayOutcome::Declined,
            "insufficient_funds" => paystack_sim::PayOutcome::InsufficientFunds,
            "abandoned" => paystack_sim::PayOutcome::Abandoned,
            other => {
                return Err(format!(
                "outcome {other:?} is not one of success, declined, insufficient_funds, abandoned"
            ))
            }
        };
        let tx = sim
            .pay(&text("reference"), outcome)
            .map_err(|e| e.to_string())?;
        return Ok(json!({"status": true, "data": tx}));
    }
    let currency = text("currency").to_ascii_uppercase();
    if !tools::CURRENCIES.contains(&currency.as_str()) {
        return Err(format!(
            "currency {currency:?} is not one of {}",
            tools::CURRENCIES.join(", ")
        ));
    }
    let amount = super::args::major("amount", args.get("amount").unwrap_or(&Value::Null))
        .map_err(|f: Failure| f.to_string())?;
    sim.fund(&currency, amount);
    Ok(json!({"status": true, "data": {"currency": currency, "balance": sim.balance(&currency)}}))
}
