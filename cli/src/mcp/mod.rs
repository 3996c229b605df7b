//! `paystack mcp`: Paystack's operations as MCP tools for AI agents, built from the same
//! command table as the CLI, safe with money by default, and runnable against an in-process
//! simulator with no key at all.
//!
//! The layers: [`tools`] turns the table into tools, [`args`] turns a call's arguments into a
//! checked request, [`guard`] holds the money rules, [`exec`] sends through the SDK,
//! [`audit`] logs each call, [`server`] ties them together behind rmcp's handler, [`dynamic`]
//! adds the discovery and simulator tools, and [`http`] serves streamable HTTP.

mod args;
mod audit;
mod dynamic;
mod exec;
mod guard;
mod http;
mod server;
mod tools;

use std::sync::Arc;

use clap::{Arg, ArgAction, ArgMatches, Command};
use paystack::Mode;
use rmcp::ServiceExt;

use crate::config;
use crate::error::{Failure, Result};

/// The environment variable `--http` takes its bearer token from.
pub const TOKEN_ENV: &str = "PAYSTACK_MCP_TOKEN";

/// `paystack mcp`
pub fn command() -> Command {
    let set = |id: &'static str, help: &'static str| {
        Arg::new(id).long(id).action(ArgAction::SetTrue).help(help)
    };
    Command::new("mcp")
        .about("Serve Paystack's operations as MCP tools for AI agents (stdio, or HTTP on loopback)")
        .long_about(
            "Serve every Paystack operation as an MCP tool, generated from the spec.\n\n\
             Safe with money by default: test keys only, caps per call and per session, the \
             human confirms each money-moving call (MCP elicitation), and every call is written \
             to a JSON-lines audit log with keys and emails redacted.",
        )
        .after_help(
            "Examples:\n  paystack mcp --backend sim\n  \
             paystack mcp --toolsets transactions,transfers --max-amount NGN:50000 --max-session NGN:200000\n  \
             paystack mcp --read-only --toolsets all\n  paystack mcp --toolsets dynamic\n  \
             PAYSTACK_MCP_TOKEN=... paystack mcp --http 127.0.0.1:8765",
        )
        .arg(
            Arg::new("toolsets")
                .long("toolsets")
                .value_name("LIST")
                .default_value("default")
                .help(
                    "Comma-separated: default (reads of balance, transactions, customers, \
                     transfers, refunds, plus transactions_initialize), all, dynamic (search, \
                     describe and call), or API areas such as transactions,transfers,customers",
                ),
        )
        .arg(
            Arg::new("backend")
                .long("backend")
                .value_parser(["api", "sim"])
                .default_value("api")
                .help("api: Paystack (or --base-url) with your key; sim: an in-process simulator, no key needed"),
        )
        .arg(set("read-only", "Serve reads only; every write is refused"))
        .arg(set("allow-live", "Allow a live key (sk_live_): real money"))
        .arg(set(
            "allow-money",
            "Let money move without a confirmation when the client cannot ask the human (no elicitation)",
        ))
        .arg(
            Arg::new("max-amount")
                .long("max-amount")
                .value_name("CUR:AMOUNT")
                .help("Most one call may move, in major units, e.g. NGN:50000 (comma-separate currencies)"),
        )
        .arg(
            Arg::new("max-session")
                .long("max-session")
                .value_name("CUR:AMOUNT")
                .help("Most this server may move in total, in major units, e.g. NGN:200000"),
        )
        .arg(
            Arg::new("recipients")
                .long("recipients")
                .value_name("RCP_a,RCP_b")
                .help("Only these transfer recipients may be paid"),
        )
        .arg(
            Arg::new("audit-log")
                .long("audit-log")
                .value_name("PATH")
                .help("JSON-lines audit log; `-` for stderr [default: mcp-audit.jsonl beside the config file]"),
        )
        .arg(
            Arg::new("http")
                .long("http")
                .value_name("ADDR")
                .value_parser(clap::value_parser!(std::net::SocketAddr))
                .help(
                    "Serve streamable HTTP at http://ADDR/mcp (loopback only) instead of stdio; \
                     clients send `Authorization: Bearer TOKEN`, the token from PAYSTACK_MCP_TOKEN \
                     or generated and printed on stderr",
                ),
        )
}

/// Runs `paystack mcp`.
pub async fn run(m: &ArgMatches) -> Result<()> {
    let list = |id: &str| -> Vec<String> {
        m.get_one::<String>(id)
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let read_only = m.get_flag("read-only");
    let selection = tools::select(&list("toolsets"), read_only).map_err(Failure::Validation)?;
    let caps = |id: &str| match m.get_one::<String>(id) {
        Some(text) => guard::parse_caps(id, text),
        None => Ok(Default::default()),
    };
    let policy = guard::Policy {
        read_only,
        allow_money: m.get_flag("allow-money"),
        max_amount: caps("max-amount")?,
        max_session: caps("max-session")?,
        recipients: list("recipients"),
        ..Default::default()
    };
    let (ps, sim) = if m.get_one::<String>("backend").map(String::as_str) == Some("sim") {
        let sim = paystack_sim::Simulator::start()
            .await
            .map_err(|e| Failure::Other(format!("the simulator did not start: {e}")))?;
        let ps = paystack::Paystack::builder(sim.secret_key())
            .base_url(sim.base_url())
            .build()
            .map_err(|e| crate::send::failure(e, false, &crate::send::host(&sim.base_url())))?;
        eprintln!(
            "paystack mcp: simulator at {} (test data only)",
            sim.base_url()
        );
        (ps, Some(sim))
    } else {
        let creds = config::credentials(m, true).map_err(|f| match f {
            Failure::Validation(why) => Failure::Validation(format!(
                "{why}; or try `paystack mcp --backend sim`, which needs no key"
            )),
            other => other,
        })?;
        if creds.key.mode() == Mode::Live && !m.get_flag("allow-live") {
            return Err(Failure::Guard(
                "the key is a live key (real money); paystack mcp uses test keys only unless \
                 --allow-live is given"
                    .into(),
            ));
        }
        (crate::send::client(&creds, None)?, None)
    };
    let audit_path = match m.get_one::<String>("audit-log") {
        Some(p) => p.clone(),
        None => config::path()?
            .with_file_name("mcp-audit.jsonl")
            .display()
            .to_string(),
    };
    let audit = audit::Audit::open(&audit_path)
        .map_err(|e| Failure::Other(format!("audit log {audit_path}: {e}")))?;

    eprintln!("paystack mcp: audit log {audit_path}");
    let shared = Arc::new(server::Shared::new(ps, sim, selection, policy, audit));
    eprintln!("paystack mcp: {} tools", shared.tools.len());

    if let Some(addr) = m.get_one::<std::net::SocketAddr>("http") {
        return http::serve(*addr, shared).await;
    }
    let service = server::Server(shared)
        .serve(rmcp::transport::stdio())
        .await
        .map_err(|e| Failure::Other(format!("MCP over stdio: {e}")))?;
    service
        .waiting()
        .await
        .map_err(|e| Failure::Other(format!("MCP over stdio: {e}")))?;
    Ok(())
}
