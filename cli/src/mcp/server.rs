//! The MCP server: lists the tools built from the command table and runs a call through the
//! checks (arguments, read-only, caps, allow-list), the human's confirmation, then the SDK.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use paystack::Paystack;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ElicitRequestParams,
    ElicitationAction, ElicitationSchema, Implementation, InitializeResult, ListResourcesResult,
    ListToolsResult, PaginatedRequestParams, ProtocolVersion, ReadResourceRequestParams,
    ReadResourceResponse, ReadResourceResult, Resource, ResourceContents, ServerCapabilities, Tool,
};
use rmcp::service::{RequestContext, RoleServer};
use rmcp::{ErrorData, ServerHandler};
use serde_json::{json, Map, Value};

use super::args;
use super::audit::{scrub, Audit, Entry};
use super::dynamic;
use super::exec;
use super::guard::{self, Policy};
use super::tools::{self, Selection};
use crate::error::Failure;
use crate::spec::Op;

/// What every session of one `paystack mcp` process shares.
pub struct Shared {
    pub ps: Paystack,
    /// The in-process simulator, for `--backend sim`.
    pub sim: Option<paystack_sim::Simulator>,
    pub selection: Selection,
    pub policy: Policy,
    pub audit: Audit,
    /// The tools listed, built once.
    pub tools: Vec<Tool>,
    calls: AtomicU64,
}

impl Shared {
    /// Builds the tool list for `selection`.
    pub fn new(
        ps: Paystack,
        sim: Option<paystack_sim::Simulator>,
        selection: Selection,
        policy: Policy,
        audit: Audit,
    ) -> Shared {
        let tools = match &selection {
            Selection::Dynamic => dynamic::tools(sim.is_some()),
            Selection::Ops(ops) => ops
                .iter()
                .map(|op| tools::tool(op, sim.is_some()))
                .collect(),
        };
        let mut tools = tools;
        if sim.is_some() && !policy.read_only {
            tools.extend(dynamic::sim_tools());
        }
        Shared {
            ps,
            sim,
            selection,
            policy,
            audit,
            tools,
            calls: AtomicU64::new(0),
        }
    }

    /// Whether `op` may be called here: listed, or any operation in dynamic mode (read-only
    /// still applies).
    pub fn allows(&self, op: &Op) -> bool {
        match &self.selection {
            Selection::Dynamic => !self.policy.read_only || tools::is_read(op),
            Selection::Ops(ops) => ops.iter().any(|o| o.id == op.id),
        }
    }
}

/// One MCP session's handler.
#[derive(Clone)]
pub struct Server(pub Arc<Shared>);

/// The guide to paying a simulated checkout, served as a resource.
pub const SIM_GUIDE_URI: &str = "paystack://guides/simulated-checkout";

const SIM_GUIDE: &str = include_str!("sim_checkout.md");

/// A finished call: the structured answer, or what went wrong and the audit outcome.
pub type Outcome = Result<Value, (Failure, &'static str)>;

impl Server {
    /// Runs `op` with `arguments` under every rule, and writes the audit line.
    pub async fn call_op(
        &self,
        tool: &str,
        op: &'static Op,
        arguments: &Map<String, Value>,
        peer: &rmcp::Peer<RoleServer>,
    ) -> CallToolResult {
        let id = format!(
            "mcp-{}-{}",
            std::process::id(),
            self.0.calls.fetch_add(1, Ordering::Relaxed) + 1
        );
        let outcome = self.guarded(op, arguments, peer).await;
        let (label, detail) = match &outcome {
            Ok(_) => ("ok", None),
            Err((f, label)) => (*label, Some(f.to_string())),
        };
        self.0.audit.write(&Entry {
            tool,
            args: arguments,
            outcome: label,
            detail: detail.as_deref(),
            request_id: Some(&id),
        });
        result(outcome, op)
    }

    async fn guarded(
        &self,
        op: &'static Op,
        arguments: &Map<String, Value>,
        peer: &rmcp::Peer<RoleServer>,
    ) -> Outcome {
        let shared = &self.0;
        if !shared.allows(op) {
            return Err((
                Failure::Guard(if shared.policy.read_only && !tools::is_read(op) {
                    format!(
                        "{} cannot be called here: it writes and the server runs with \
                         --read-only; nothing was sent",
                        tools::tool_name(op)
                    )
                } else {
                    format!(
                        "{} cannot be called here: it is not in --toolsets",
                        tools::tool_name(op)
                    )
                }),
                "refused",
            ));
        }
        let checked = args::build(op, arguments).map_err(|f| (f, "invalid"))?;
        shared
            .policy
            .check(op, &checked.money)
            .map_err(|f| (f, "refused"))?;
        if op.moves_money {
            self.confirm(op, &checked.money, peer).await?;
        }
        shared
            .policy
            .reserve(op, &checked.money)
            .map_err(|f| (f, "refused"))?;
        match exec::run(&shared.ps, op, &checked.request).await {
            Ok(answer) => Ok(answer),
            Err(f) => {
                let label = match &f {
                    Failure::Validation(_) => "invalid",
                    Failure::Api(_) => "rejected",
                    Failure::Transport(_) => "not_sent",
                    Failure::OutcomeUnknown(_) => "unknown",
                    Failure::Guard(_) => "refused",
                    _ => "error",
                };
                // Only an answer that proves nothing moved gives the session cap back.
                if matches!(
                    f,
                    Failure::Validation(_) | Failure::Api(_) | Failure::Transport(_)
                ) {
                    shared.policy.refund(&checked.money);
                }
                Err((f, label))
            }
        }
    }

    /// Asks the human through elicitation; without it, `--allow-money` decides.
    async fn confirm(
        &self,
        op: &Op,
        money: &args::Money,
        peer: &rmcp::Peer<RoleServer>,
    ) -> Result<(), (Failure, &'static str)> {
        let can_ask = peer
            .peer_info()
            .is_some_and(|info| info.capabilities.elicitation.is_some());
        if !can_ask {
            if self.0.policy.allow_money {
                return Ok(());
            }
            return Err((
                Failure::Guard(
                    "this operation moves money and this MCP client cannot ask the human to \
                     confirm (no elicitation); nothing was sent. The server must be started \
                     with --allow-money to send such calls without a confirmation."
                        .into(),
                ),
                "refused",
            ));
        }
        let schema = json!({
            "type": "object",
            "properties": {
                "confirm": {
                    "type": "boolean",
                    "title": "Send it",
                    "description": "Tick to send this request; leave unticked or decline to send nothing.",
                }
            },
            "required": ["confirm"],
        });
        let schema = match schema {
            Value::Object(m) => ElicitationSchema::from_json_schema(m)
                .map_err(|e| (Failure::Other(format!("confirmation form: {e}")), "error"))?,
            _ => unreachable!("the schema is an object literal"),
        };
        let asked = peer
            .create_elicitation(ElicitRequestParams::FormElicitationParams {
                meta: None,
                message: guard::confirmation(op, money),
                requested_schema: schema,
            })
            .await;
        match asked {
            Ok(r)
                if r.action == ElicitationAction::Accept
                    && r.content
                        .as_ref()
                        .and_then(|c| c.get("confirm"))
                        .and_then(Value::as_bool)
                        == Some(true) =>
            {
                Ok(())
            }
            Ok(_) => Err((
                Failure::Guard("the human did not confirm; nothing was sent".into()),
                "declined",
            )),
            Err(e) => Err((
                Failure::Guard(format!(
                    "the confirmation could not be asked ({}); nothing was sent",
                    scrub(&e.to_string())
                )),
                "refused",
            )),
        }
    }
}

/// The tool result: structured content on success, a plain explanation otherwise.
fn result(outcome: Outcome, op: &Op) -> CallToolResult {
    match outcome {
        Ok(answer) => CallToolResult::structured(match answer {
            Value::Object(_) => answer,
            other => json!({"status": true, "data": other}),
        }),
        Err((f, _)) => CallToolResult::error(vec![ContentBlock::text(explain(&f, op))]),
    }
}

/// Error text for the agent. An unknown outcome says plainly that the request may have gone
/// through and must be looked up, never resent under a new reference.
pub fn explain(f: &Failure, op: &Op) -> String {
    let text = scrub(&f.to_string());
    let text: String = text.chars().take(2000).collect();
    match f {
        Failure::OutcomeUnknown(_) => format!(
            "OUTCOME UNKNOWN: the request may have been processed. Do not retry with a new \
             reference. Look it up by its reference first (for a transfer, transfers_verify; \
             for a charge, transactions_verify), or call {} again with the SAME reference, \
             which Paystack deduplicates.\n{text}",
            tools::tool_name(op)
        ),
        Failure::Api(_)
            if op.retry.as_deref() == Some("by-reference") && text.contains("duplicate") =>
        {
            format!(
                "{text}\nA request with this reference already exists, so nothing new was sent. \
                 Look it up by the reference (transfers_verify or transactions_verify) to see \
                 what became of it; do not retry with a new reference."
            )
        }
        _ => text,
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> InitializeResult {
        let caps = ServerCapabilities::builder()
            .enable_tools()
            .enable_resources()
            .build();
        let backend = if self.0.sim.is_some() {
            "an in-process Paystack simulator (no real money; test data only)"
        } else {
            "the Paystack API"
        };
        InitializeResult::new(caps)
            .with_server_info(Implementation::new("paystack", env!("CARGO_PKG_VERSION")))
            .with_instructions(format!(
                "Paystack operations as tools, against {backend}. Amounts in arguments are \
                 strings in major units with the currency stated; amounts in answers are in \
                 subunits. Money-moving tools ask the human to confirm. Read {SIM_GUIDE_URI} for \
                 a whole simulated payment flow."
            ))
    }

    fn supported_protocol_versions(&self) -> std::borrow::Cow<'static, [ProtocolVersion]> {
        // Confirmation uses a server-to-client elicitation request, which the 2026-07-28
        // revision replaces; stay on the revisions where it exists.
        std::borrow::Cow::Borrowed(ProtocolVersion::known_up_to(&ProtocolVersion::V_2025_11_25))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.0.tools.clone()))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.0.tools.iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let args = request.arguments.unwrap_or_default();
        let name = request.name.as_ref();
        if let Some(answer) = dynamic::call(self, name, &args, &context.peer).await {
            return Ok(answer.into());
        }
        let op = match &self.0.selection {
            Selection::Ops(ops) => ops.iter().find(|op| tools::tool_name(op) == name),
            Selection::Dynamic => None,
        };
        let Some(op) = op else {
            return Err(ErrorData::invalid_params(
                format!("no tool named {name:?} here; list the tools to see what is served"),
                None,
            ));
        };
        Ok(self.call_op(name, op, &args, &context.peer).await.into())
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(vec![Resource::new(
            SIM_GUIDE_URI,
            "simulated-checkout",
        )
        .with_title("How to pay a simulated checkout")
        .with_description(
            "A whole payment flow against the simulator: initialize, pay, verify, refund.",
        )
        .with_mime_type("text/markdown")]))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        if request.uri != SIM_GUIDE_URI {
            return Err(ErrorData::resource_not_found(
                format!("no resource {}", request.uri),
                None,
            ));
        }
        Ok(ReadResourceResult::new(vec![ResourceContents::text(SIM_GUIDE, SIM_GUIDE_URI)]).into())
    }
}
