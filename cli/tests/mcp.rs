//! `paystack mcp` through rmcp's own client: over stdio against the built binary, and over
//! streamable HTTP. The simulator's journal (every request it received) shows what was sent,
//! so a refusal is checked to have sent nothing.

mod common;

use std::sync::{Arc, Mutex};

use paystack_sim::Simulator;
use rmcp::model::{
    CallToolRequestParams, CallToolResult, ClientCapabilities, ElicitRequestParams, ElicitResult,
    ElicitationAction, ElicitationCapability, Implementation, InitializeRequestParams,
    ReadResourceRequestParams, Tool,
};
use rmcp::service::{RequestContext, RoleClient, RunningService};
use rmcp::transport::TokioChildProcess;
use rmcp::{ClientHandler, ErrorData, ServiceExt};
use serde_json::{json, Map, Value};

/// How the test client answers a confirmation request.
#[derive(Clone, Copy, PartialEq)]
enum Human {
    /// The client declares no elicitation capability at all.
    Absent,
    Accepts,
    Declines,
}

/// A client that records every confirmation it was asked for.
#[derive(Clone)]
struct Client {
    human: Human,
    asked: Arc<Mutex<Vec<String>>>,
}

impl ClientHandler for Client {
    fn get_info(&self) -> InitializeRequestParams {
        let mut caps = ClientCapabilities::default();
        if self.human != Human::Absent {
            caps.elicitation = Some(ElicitationCapability::default());
        }
        InitializeRequestParams::new(caps, Implementation::new("mcp-test", "0"))
    }

    async fn create_elicitation(
        &self,
        request: ElicitRequestParams,
        _context: RequestContext<RoleClient>,
    ) -> Result<ElicitResult, ErrorData> {
        if let ElicitRequestParams::FormElicitationParams { message, .. } = request {
            self.asked.lock().unwrap().push(message);
        }
        Ok(match self.human {
            Human::Accepts => {
                ElicitResult::new(ElicitationAction::Accept).with_content(json!({"confirm": true}))
            }
            _ => ElicitResult::new(ElicitationAction::Decline),
        })
    }
}

type Session = RunningService<RoleClient, Client>;

struct Mcp {
    session: Session,
    asked: Arc<Mutex<Vec<String>>>,
    _dir: tempfile::TempDir,
    audit: std::path::PathBuf,
}

/// Starts `paystack mcp ARGS` over stdio, with `key` as PAYSTACK_SECRET_KEY when given.
async fn start(args: &[&str], key: Option<&str>, human: Human) -> Mcp {
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.jsonl");
    let mut cmd = common::paystack(dir.path());
    cmd.arg("mcp").args(args).arg("--audit-log").arg(&audit);
    if let Some(key) = key {
        cmd.env("PAYSTACK_SECRET_KEY", key);
    }
    let (transport, _) = TokioChildProcess::builder(tokio::process::Command::from(cmd))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let asked = Arc::new(Mutex::new(Vec::new()));
    let client = Client {
        human,
        asked: asked.clone(),
    };
    let session = client.serve(transport).await.expect("the server starts");
    Mcp {
        session,
        asked,
        _dir: dir,
        audit,
    }
}

/// `paystack mcp --backend sim --toolsets TOOLSETS`: the in-process simulator.
async fn on_sim(toolsets: &str, human: Human) -> Mcp {
    start(&["--backend", "sim", "--toolsets", toolsets], None, human).await
}

/// `paystack mcp --backend api` pointed at a simulator this test owns.
async fn against(sim: &Simulator, extra: &[&str], human: Human) -> Mcp {
    let base = sim.base_url();
    let mut args = vec!["--base-url", base.as_str()];
    args.extend_from_slice(extra);
    start(&args, Some(sim.secret_key()), human).await
}

impl Mcp {
    async fn tools(&self) -> Vec<Tool> {
        self.session.list_all_tools().await.unwrap()
    }

    async fn call(&self, tool: &str, args: Value) -> CallToolResult {
        let Value::Object(map) = args else {
            panic!("arguments are an object")
        };
        self.session
            .call_tool(CallToolRequestParams::new(tool.to_string()).with_arguments(map))
            .await
            .unwrap_or_else(|e| panic!("{tool}: {e}"))
    }

    /// A call that must succeed; its structured content, checked against the tool's output
    /// schema.
    async fn ok(&self, tool: &str, args: Value) -> Value {
        let r = self.call(tool, args).await;
        assert_ne!(r.is_error, Some(true), "{tool}: {}", text(&r));
        let answer = r.structured_content.expect("structured content");
        let listed = self.tools().await;
        let schema = listed
            .iter()
            .find(|t| t.name == tool)
            .and_then(|t| t.output_schema.as_deref())
            .cloned()
            .unwrap_or_default();
        let validator = jsonschema::validator_for(&Value::Object(schema)).unwrap();
        assert!(validator.is_valid(&answer), "{tool}: {answer}");
        answer
    }

    /// A call that must be refused; its text.
    async fn refused(&self, tool: &str, args: Value) -> String {
        let r = self.call(tool, args).await;
        assert_eq!(r.is_error, Some(true), "{tool} was not refused");
        text(&r)
    }

    fn audit_lines(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.audit)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("each audit line is JSON"))
            .collect()
    }
}

fn text(r: &CallToolResult) -> String {
    r.content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Requests the simulator received for `path` with `method`.
fn sent(sim: &Simulator, method: &str, path: &str) -> usize {
    sim.journal()
        .iter()
        .filter(|e| e.method == method && e.path == path)
        .count()
}

fn names(tools: &[Tool]) -> Vec<String> {
    tools.iter().map(|t| t.name.to_string()).collect()
}

/// A recipient on the simulator, made through the MCP tool (a write that moves no money).
async fn recipient(mcp: &Mcp, name: &str) -> String {
    let r = mcp
        .ok(
            "transfer_recipients_create",
            json!({"type": "nuban", "name": name, "account_number": "0001234567", "bank_code": "058", "currency": "NGN"}),
        )
        .await;
    r["data"]["recipient_code"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn every_toolset_lists_valid_schemas_and_spec_annotations() {
    let all = on_sim("all", Human::Absent).await;
    let tools = all.tools().await;
    let ops: Vec<&Tool> = tools
        .iter()
        .filter(|t| !t.name.starts_with("sim_"))
        .collect();
    assert_eq!(
        ops.len(),
        paystack::operations::OPERATIONS.len(),
        "one tool per operation"
    );
    let mut unique = names(&tools);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), tools.len(), "tool names are unique");
    for n in &unique {
        assert!(
            n.len() <= 64 && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            "{n} is a name every client takes"
        );
    }
    for t in &tools {
        let input = Value::Object((*t.input_schema).clone());
        jsonschema::meta::validate(&input)
            .unwrap_or_else(|e| panic!("{}: input schema is not JSON Schema: {e}", t.name));
        assert_eq!(input["type"], "object", "{}", t.name);
        let output = Value::Object(t.output_schema.as_deref().cloned().unwrap_or_default());
        if !t.name.starts_with("sim_") {
            jsonschema::meta::validate(&output)
                .unwrap_or_else(|e| panic!("{}: output schema: {e}", t.name));
        }
        let d = t.description.as_deref().unwrap_or("");
        assert!(d.len() > 40, "{} has a real description: {d:?}", t.name);
        let a = t.annotations.as_ref().expect("annotations");
        assert_eq!(
            a.open_world_hint,
            Some(false),
            "the simulator is a closed world"
        );
    }
    let by = |n: &str| tools.iter().find(|t| t.name == n).unwrap().clone();
    let transfer = by("transfers_initiate");
    let a = transfer.annotations.unwrap();
    assert_eq!(
        (a.read_only_hint, a.destructive_hint, a.idempotent_hint),
        (Some(false), Some(true), Some(false))
    );
    let schema = &transfer.input_schema;
    assert_eq!(schema["properties"]["amount"]["type"], "string");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for r in ["amount", "currency", "recipient", "reference"] {
        assert!(required.contains(&r), "{r} is required: {required:?}");
    }
    let out = transfer.output_schema.as_deref().unwrap();
    let amount = &out["properties"]["data"]["properties"]["amount"]["description"];
    assert!(amount.as_str().unwrap().contains("subunits"), "{amount}");
    let list = by("transactions_list").annotations.unwrap();
    assert_eq!(
        (
            list.read_only_hint,
            list.destructive_hint,
            list.idempotent_hint
        ),
        (Some(true), Some(false), Some(true))
    );
    let delete = tools
        .iter()
        .find(|t| {
            t.description
                .as_deref()
                .unwrap_or("")
                .contains("Calls DELETE")
        })
        .expect("some operation deletes");
    assert_eq!(
        delete.annotations.as_ref().unwrap().destructive_hint,
        Some(true)
    );
    // The structured answer matches the tool's output schema.
    let answer = all.ok("balance_fetch", json!({})).await;
    let validator = jsonschema::validator_for(&Value::Object(
        by("balance_fetch").output_schema.unwrap().as_ref().clone(),
    ))
    .unwrap();
    assert!(validator.is_valid(&answer), "{answer}");

    let mut per_area = 0;
    let mut counts = Vec::new();
    for area in [
        "transactions",
        "transfers",
        "customers",
        "refunds",
        "balance",
        "default",
    ] {
        let one = start(
            &["--backend", "sim", "--toolsets", area],
            None,
            Human::Absent,
        )
        .await;
        let listed = one.tools().await;
        let n = listed
            .iter()
            .filter(|t| !t.name.starts_with("sim_"))
            .count();
        counts.push(format!("{area}={n}"));
        if area != "default" {
            assert!(
                names(&listed)
                    .iter()
                    .filter(|t| !t.starts_with("sim_"))
                    .all(|t| t.starts_with(&area.replace('-', "_"))),
                "{area}"
            );
            per_area += n;
        } else {
            let writes: Vec<&Tool> = listed
                .iter()
                .filter(|t| t.annotations.as_ref().unwrap().read_only_hint == Some(false))
                .filter(|t| !t.name.starts_with("sim_"))
                .collect();
            assert_eq!(
                writes.iter().map(|t| t.name.as_ref()).collect::<Vec<_>>(),
                ["transactions_initialize"]
            );
            assert!((10..=40).contains(&n), "the default set stays small: {n}");
        }
    }
    assert!(per_area > 0 && per_area < paystack::operations::OPERATIONS.len());
    eprintln!("tool counts: {}", counts.join(" "));

    let ro = start(
        &["--backend", "sim", "--toolsets", "all", "--read-only"],
        None,
        Human::Absent,
    )
    .await;
    let reads = ro.tools().await;
    assert!(!reads.is_empty());
    assert!(reads
        .iter()
        .all(|t| t.annotations.as_ref().unwrap().read_only_hint == Some(true)));
    eprintln!("read-only all: {}", reads.len());
}

#[tokio::test]
async fn a_whole_checkout_flow_on_the_in_process_simulator() {
    let mcp = on_sim("transactions,refunds", Human::Accepts).await;
    let guide = mcp
        .session
        .read_resource(ReadResourceRequestParams::new(
            "paystack://guides/simulated-checkout",
        ))
        .await
        .unwrap();
    let guide = format!("{:?}", guide.contents);
    assert!(guide.contains("sim_pay") && guide.contains("transactions_verify"));

    let init = mcp
        .ok(
            "transactions_initialize",
            json!({"email": "ada@example.com", "amount": "2500.00", "currency": "NGN", "reference": "mcp-order-1"}),
        )
        .await;
    assert!(init["data"]["authorization_url"]
        .as_str()
        .unwrap()
        .contains("/checkout/"));
    mcp.ok("sim_pay", json!({"reference": "mcp-order-1"})).await;
    let tx = mcp
        .ok("transactions_verify", json!({"reference": "mcp-order-1"}))
        .await;
    assert_eq!(tx["data"]["status"], "success");
    assert_eq!(
        tx["data"]["amount"], 250000,
        "2500.00 major units is 250000 subunits"
    );
    let refund = mcp
        .ok(
            "refunds_create",
            json!({"transaction": "mcp-order-1", "amount": "1000.00", "currency": "NGN"}),
        )
        .await;
    assert_eq!(refund["data"]["amount"], 100000);
    let asked = mcp.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 1, "only the refund moves money: {asked:?}");
    assert!(asked[0].contains("NGN 1000.00"), "{}", asked[0]);
    // A number for an amount is refused: it hides whether subunits were meant.
    let why = mcp
        .refused(
            "transactions_initialize",
            json!({"email": "ada@example.com", "amount": 2500, "currency": "NGN"}),
        )
        .await;
    assert!(why.contains("major units"), "{why}");
}

#[tokio::test]
async fn caps_refuse_before_sending_and_name_the_cap() {
    let sim = Simulator::start().await.unwrap();
    sim.fund("NGN", 10_000_000);
    let mcp = against(
        &sim,
        &[
            "--toolsets",
            "transfers,transfer-recipients",
            "--max-amount",
            "NGN:5000",
            "--max-session",
            "NGN:8000",
        ],
        Human::Accepts,
    )
    .await;
    let rcp = recipient(&mcp, "Bola").await;
    let transfer = |amount: &str, reference: &str| json!({"amount": amount, "currency": "NGN", "recipient": rcp, "reference": reference, "reason": "test payout"});
    let why = mcp
        .refused(
            "transfers_initiate",
            transfer("5000.01", "mcp-cap-1-payout-ref"),
        )
        .await;
    assert!(why.contains("--max-amount NGN:5000.00"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 0);

    mcp.ok(
        "transfers_initiate",
        transfer("5000.00", "mcp-cap-2-payout-ref"),
    )
    .await;
    assert_eq!(sent(&sim, "POST", "/transfer"), 1);
    let why = mcp
        .refused(
            "transfers_initiate",
            transfer("3000.01", "mcp-cap-3-payout-ref"),
        )
        .await;
    assert!(why.contains("--max-session NGN:8000.00"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 1);
    // A currency the caps do not cover is refused, not left unlimited.
    let mut usd = transfer("5.00", "mcp-cap-4-payout-ref");
    usd["currency"] = json!("USD");
    let why = mcp.refused("transfers_initiate", usd).await;
    assert!(why.contains("no cap for USD"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 1);
}

#[tokio::test]
async fn read_only_serves_reads_and_refuses_writes() {
    let sim = Simulator::start().await.unwrap();
    let mcp = against(&sim, &["--toolsets", "all", "--read-only"], Human::Accepts).await;
    let listed = names(&mcp.tools().await);
    assert!(listed.contains(&"transfers_list".to_string()));
    assert!(!listed.contains(&"transfers_initiate".to_string()));
    mcp.ok("transfers_list", json!({})).await;
    let err = mcp
        .session
        .call_tool(
            CallToolRequestParams::new("transfers_initiate")
                .with_arguments(Map::from_iter([("amount".into(), json!("1.00"))])),
        )
        .await;
    assert!(err.is_err(), "an unlisted write is not callable");

    let dynamic = against(
        &sim,
        &["--toolsets", "dynamic", "--read-only"],
        Human::Accepts,
    )
    .await;
    let why = dynamic
        .refused(
            "call_operation",
            json!({"operation": "transfers_initiate", "arguments": {"amount": "1.00", "currency": "NGN", "recipient": "RCP_x", "reference": "ro-1-payout-refx"}}),
        )
        .await;
    assert!(why.contains("cannot be called here"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 0);
}

#[tokio::test]
async fn a_live_key_is_refused_without_allow_live() {
    let dir = tempfile::tempdir().unwrap();
    let (_, err, code) = common::run(
        common::paystack(dir.path())
            .args(["mcp", "--audit-log", "-"])
            .env("PAYSTACK_SECRET_KEY", common::LIVE_KEY),
    );
    assert_eq!(code, 7, "{err}");
    assert!(err.contains("--allow-live"), "{err}");
    assert!(!err.contains(common::LIVE_KEY), "the key is never printed");
}

#[tokio::test]
async fn money_needs_a_confirmation_or_allow_money() {
    let sim = Simulator::start().await.unwrap();
    sim.fund("NGN", 10_000_000);
    let args = ["--toolsets", "transfers,transfer-recipients"];
    let mcp = against(&sim, &args, Human::Absent).await;
    let rcp = recipient(&mcp, "Chidi").await;
    let transfer = json!({"amount": "100.00", "currency": "NGN", "recipient": rcp, "reference": "mcp-confirm-1-payout-ref"});
    let why = mcp.refused("transfers_initiate", transfer.clone()).await;
    assert!(why.contains("--allow-money"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 0);

    let declined = against(&sim, &args, Human::Declines).await;
    let why = declined
        .refused("transfers_initiate", transfer.clone())
        .await;
    assert!(why.contains("did not confirm"), "{why}");
    let asked = declined.asked.lock().unwrap().clone();
    assert_eq!(asked.len(), 1);
    for shown in ["NGN 100.00", rcp.as_str(), "mcp-confirm-1-payout-ref"] {
        assert!(asked[0].contains(shown), "{shown} in {}", asked[0]);
    }
    assert_eq!(
        sent(&sim, "POST", "/transfer"),
        0,
        "a declined call sends nothing"
    );
    assert_eq!(sim.balance("NGN"), 10_000_000);

    let allowed = against(
        &sim,
        &["--toolsets", "transfers", "--allow-money"],
        Human::Absent,
    )
    .await;
    let done = allowed.ok("transfers_initiate", transfer).await;
    assert_eq!(done["data"]["reference"], "mcp-confirm-1-payout-ref");
    assert_eq!(sent(&sim, "POST", "/transfer"), 1);
}

#[tokio::test]
async fn recipients_outside_the_allow_list_are_refused() {
    let sim = Simulator::start().await.unwrap();
    sim.fund("NGN", 10_000_000);
    let setup = against(&sim, &["--toolsets", "transfer-recipients"], Human::Accepts).await;
    let allowed = recipient(&setup, "Dayo").await;
    let other = recipient(&setup, "Efe").await;
    let list = format!("{allowed},RCP_unused");
    let mcp = against(
        &sim,
        &["--toolsets", "transfers", "--recipients", &list],
        Human::Accepts,
    )
    .await;
    let why = mcp
        .refused(
            "transfers_initiate",
            json!({"amount": "60.00", "currency": "NGN", "recipient": other, "reference": "mcp-rcp-1-payout-ref"}),
        )
        .await;
    assert!(why.contains(&other) && why.contains("allow-list"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 0);
    mcp.ok(
        "transfers_initiate",
        json!({"amount": "60.00", "currency": "NGN", "recipient": allowed, "reference": "mcp-rcp-2-payout-ref"}),
    )
    .await;
    assert_eq!(sent(&sim, "POST", "/transfer"), 1);
}

#[tokio::test]
async fn a_lost_answer_is_recovered_by_reference_not_resent() {
    let sim = Simulator::start().await.unwrap();
    sim.fund("NGN", 10_000_000);
    let mcp = against(
        &sim,
        &["--toolsets", "transfers,transfer-recipients"],
        Human::Accepts,
    )
    .await;
    let rcp = recipient(&mcp, "Funmi").await;
    sim.add_fault(
        serde_json::from_value(json!({
            "operation": "transfer_initiate", "fault": {"kind": "reset"}, "after": true
        }))
        .unwrap(),
    );
    let got = mcp
        .ok(
            "transfers_initiate",
            json!({"amount": "200.00", "currency": "NGN", "recipient": rcp, "reference": "mcp-lost-1-payout-ref"}),
        )
        .await;
    // Every answer to the transfer is lost; the SDK resends it only under the same
    // reference, then send_or_recover finds it by that reference.
    assert_eq!(got["recovered"], true, "{got}");
    assert_eq!(got["data"]["reference"], "mcp-lost-1-payout-ref");
    sim.clear_faults();
    let listed = mcp.ok("transfers_list", json!({})).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        1,
        "paid once: {listed}"
    );
    let debit = 10_000_000 - sim.balance("NGN");
    assert!(
        (20_000..40_000).contains(&debit),
        "one amount (and its fee): {debit}"
    );
    let initiated: Vec<_> = sim
        .journal()
        .into_iter()
        .filter(|e| e.method == "POST" && e.path == "/transfer")
        .collect();
    assert!(!initiated.is_empty());
    assert!(initiated
        .iter()
        .all(|e| e.body["reference"] == "mcp-lost-1-payout-ref"));
    assert!(sent(&sim, "GET", "/transfer/verify/mcp-lost-1-payout-ref") >= 1);
    // The agent sending it again under the same reference moves nothing and is told to look
    // it up.
    let why = mcp
        .refused(
            "transfers_initiate",
            json!({"amount": "200.00", "currency": "NGN", "recipient": rcp, "reference": "mcp-lost-1-payout-ref"}),
        )
        .await;
    assert!(
        why.contains("transfers_verify") && why.contains("do not retry with a new reference"),
        "{why}"
    );
    assert_eq!(10_000_000 - sim.balance("NGN"), debit);
}

#[tokio::test]
async fn the_audit_log_has_every_call_and_no_key_or_email() {
    let sim = Simulator::start().await.unwrap();
    let mcp = against(
        &sim,
        &[
            "--toolsets",
            "transactions,transfers",
            "--max-amount",
            "NGN:100",
        ],
        Human::Declines,
    )
    .await;
    mcp.ok(
        "transactions_initialize",
        json!({"email": "grace@example.com", "amount": "50.00", "currency": "NGN", "metadata": {"note": "for grace@example.com"}}),
    )
    .await;
    mcp.refused(
        "transfers_initiate",
        json!({"amount": "200.00", "currency": "NGN", "recipient": "RCP_any", "reference": "audit-1-payout-ref"}),
    )
    .await;
    mcp.refused(
        "transfers_initiate",
        json!({"amount": "60.00", "currency": "NGN", "recipient": "RCP_any", "reference": "audit-2-payout-ref"}),
    )
    .await;
    let lines = mcp.audit_lines();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["tool"], "transactions_initialize");
    assert_eq!(lines[0]["outcome"], "ok");
    assert_eq!(lines[0]["arguments"]["amount"], "50.00");
    assert_eq!(lines[1]["outcome"], "refused");
    assert_eq!(lines[2]["outcome"], "declined");
    for l in &lines {
        assert!(l["time"].as_str().unwrap().ends_with('Z'));
        assert!(l["request_id"].as_str().unwrap().starts_with("mcp-"));
    }
    let raw = std::fs::read_to_string(&mcp.audit).unwrap();
    assert!(!raw.contains("example.com"), "{raw}");
    assert!(!raw.contains(sim.secret_key()), "{raw}");
    assert!(!raw.contains("sk_test"), "{raw}");
}

#[tokio::test]
async fn dynamic_mode_searches_describes_and_calls_under_the_same_rules() {
    let sim = Simulator::start().await.unwrap();
    let mcp = against(
        &sim,
        &["--toolsets", "dynamic", "--max-amount", "NGN:100"],
        Human::Accepts,
    )
    .await;
    assert_eq!(
        names(&mcp.tools().await),
        ["search_operations", "describe_operation", "call_operation"]
    );
    let found = mcp
        .ok("search_operations", json!({"query": "refund a payment"}))
        .await;
    let hits: Vec<&str> = found["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["operation"].as_str().unwrap())
        .collect();
    assert!(hits.contains(&"refunds_create"), "{hits:?}");
    let described = mcp
        .ok(
            "describe_operation",
            json!({"operation": "transactions_initialize"}),
        )
        .await;
    jsonschema::meta::validate(&described["data"]["input_schema"]).unwrap();
    let init = mcp
        .ok(
            "call_operation",
            json!({"operation": "transactions_initialize", "arguments": {"email": "hadiza@example.com", "amount": "60.00", "currency": "NGN"}}),
        )
        .await;
    assert!(init["data"]["reference"].is_string());
    let why = mcp
        .refused(
            "call_operation",
            json!({"operation": "transfers_initiate", "arguments": {"amount": "100.01", "currency": "NGN", "recipient": "RCP_x", "reference": "dyn-1-payout-ref"}}),
        )
        .await;
    assert!(why.contains("--max-amount NGN:100.00"), "{why}");
    assert_eq!(sent(&sim, "POST", "/transfer"), 0);
}

/// A free loopback port.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn streamable_http_needs_the_bearer_token() {
    use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
    use rmcp::transport::StreamableHttpClientTransport;
    use tokio::io::AsyncBufReadExt;

    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let token = "test-token-0123456789abcdef";
    let addr = format!("127.0.0.1:{}", free_port());
    let mut cmd = tokio::process::Command::from(common::paystack(dir.path()));
    cmd.args([
        "mcp",
        "--backend",
        "sim",
        "--audit-log",
        "-",
        "--toolsets",
        "default,refunds",
        "--http",
        &addr,
    ])
    .env("PAYSTACK_MCP_TOKEN", token)
    .stderr(std::process::Stdio::piped())
    .kill_on_drop(true);
    let mut child = cmd.spawn().unwrap();
    let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
    loop {
        let line = lines.next_line().await.unwrap().expect("the server starts");
        assert!(!line.contains(token), "the given token is not printed");
        if line.contains("listening on") {
            break;
        }
    }
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    let url = format!("http://{addr}/mcp");

    let status = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/json")
        .body(r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 401);

    let transport = StreamableHttpClientTransport::from_config(
        StreamableHttpClientTransportConfig::with_uri(url).auth_header(token),
    );
    let client = Client {
        human: Human::Declines,
        asked: Arc::default(),
    };
    let asked = client.asked.clone();
    let session = client.serve(transport).await.unwrap();
    let tools = session.list_all_tools().await.unwrap();
    assert!(names(&tools).contains(&"transactions_list".to_string()));
    let r = session
        .call_tool(CallToolRequestParams::new("balance_fetch"))
        .await
        .unwrap();
    assert_ne!(r.is_error, Some(true), "{}", text(&r));
    assert!(r.structured_content.unwrap()["data"].is_array());

    // Elicitation works over HTTP too: a declined refund is not made.
    let call = |tool: &'static str, args: Value| {
        let Value::Object(args) = args else {
            unreachable!()
        };
        session.call_tool(CallToolRequestParams::new(tool).with_arguments(args))
    };
    let paid = [
        call(
            "transactions_initialize",
            json!({"email": "ifeoma@example.com", "amount": "75.00", "currency": "NGN", "reference": "http-order-1"}),
        ),
        call("sim_pay", json!({"reference": "http-order-1"})),
    ];
    for step in paid {
        let r = step.await.unwrap();
        assert_ne!(r.is_error, Some(true), "{}", text(&r));
    }
    let r = call(
        "refunds_create",
        json!({"transaction": "http-order-1", "amount": "75.00", "currency": "NGN"}),
    )
    .await
    .unwrap();
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("did not confirm"), "{}", text(&r));
    assert!(asked.lock().unwrap()[0].contains("NGN 75.00"));
    let refunds = call("refunds_list", json!({})).await.unwrap();
    assert_eq!(refunds.structured_content.unwrap()["data"], json!([]));
    let _ = session.cancel().await;
    let _ = child.kill().await;
}

#[tokio::test]
async fn bulk_amounts_are_major_units_and_count_whole_against_the_cap() {
    let sim = Simulator::start().await.unwrap();
    sim.fund("NGN", 10_000_000);
    let mcp = against(
        &sim,
        &[
            "--toolsets",
            "transfers,transfer-recipients,subscriptions",
            "--max-amount",
            "NGN:5000",
        ],
        Human::Accepts,
    )
    .await;
    let rcp = recipient(&mcp, "Gbenga").await;
    let item = |amount: &str, reference: &str| json!({"amount": amount, "recipient": rcp, "reference": reference, "reason": "bulk"});
    let over = json!({"currency": "NGN", "transfers": [
        item("3000.00", "mcp-bulk-a-payout-ref"), item("3000.00", "mcp-bulk-b-payout-ref"),
    ]});
    let why = mcp.refused("transfers_bulk", over).await;
    assert!(
        why.contains("NGN 6000.00") && why.contains("--max-amount NGN:5000.00"),
        "{why}"
    );
    assert_eq!(sent(&sim, "POST", "/transfer/bulk"), 0);

    let within = json!({"currency": "NGN", "transfers": [
        item("100.00", "mcp-bulk-c-payout-ref"), item("250.50", "mcp-bulk-d-payout-ref"),
    ]});
    mcp.ok("transfers_bulk", within).await;
    let bulk: Vec<_> = sim
        .journal()
        .into_iter()
        .filter(|e| e.method == "POST" && e.path == "/transfer/bulk")
        .collect();
    assert_eq!(bulk.len(), 1);
    assert_eq!(bulk[0].body["transfers"][0]["amount"], 10_000);
    assert_eq!(bulk[0].body["transfers"][1]["amount"], 25_050);
    let asked = mcp.asked.lock().unwrap().clone();
    assert!(asked.last().unwrap().contains("NGN 350.50"), "{asked:?}");

    // A money-moving call whose amount the server cannot see is refused while caps are set.
    let why = mcp
        .refused(
            "subscriptions_create",
            json!({"customer": "CUS_unknown", "plan": "PLN_unknown"}),
        )
        .await;
    assert!(why.contains("does not state its amount"), "{why}");
    assert_eq!(sent(&sim, "POST", "/subscription"), 0);
}
