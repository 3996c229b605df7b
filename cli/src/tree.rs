//! The clap command tree: fixed commands (api, config, webhook, sim...) plus one command per
//! API area with one subcommand per operation, built from the spec's command table.

use clap::{Arg, ArgAction, Command};

use crate::check::{self, Place};
use crate::spec::{self, arg_id, Field, Kind, Op};

/// Global flags; a spec field with one of these names gets a prefixed flag instead.
const RESERVED: &[&str] = &[
    "format",
    "base-url",
    "profile",
    "live",
    "yes",
    "dry-run",
    "request-timeout",
    "all",
    "input",
    "field",
    "help",
    "version",
];

/// The whole `paystack` command.
pub fn root() -> Command {
    let mut cmd = Command::new("paystack")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Every Paystack API operation, webhooks and a local simulator, from the terminal")
        .long_about(
            "Every Paystack API operation, webhooks and a local simulator, from the terminal.\n\n\
             The secret key comes from PAYSTACK_SECRET_KEY or a profile saved with \
             `paystack config set-key` (read from stdin). It is never taken on the command line \
             and never printed.",
        )
        .after_help(format!("{ROOT_EXAMPLES}\n\n{EXIT_CODES}"))
        .subcommand_required(true)
        .arg_required_else_help(true)
        .args(global_args());
    for area in &spec::table().areas {
        cmd = cmd.subcommand(area_command(area));
    }
    cmd.subcommand(crate::raw::command())
        .subcommand(crate::config::command())
        .subcommand(crate::webhook::command())
        .subcommand(crate::sim::command())
        .subcommand(crate::mcp::command())
        .subcommand(
            Command::new("completions")
                .about("Print a shell completion script")
                .arg(Arg::new("shell").required(true).value_parser([
                    "bash",
                    "zsh",
                    "fish",
                    "powershell",
                    "elvish",
                ])),
        )
        .subcommand(
            Command::new("man")
                .about("Print the man page (roff), or write one page per command into a directory")
                .arg(Arg::new("dir").long("dir").value_name("DIR").help(
                    "Write paystack.1, paystack-transfers.1, paystack-transfers-initiate.1... here",
                )),
        )
}

const ROOT_EXAMPLES: &str = "Examples:
  paystack sim serve &
  paystack --profile sim transactions list
  paystack transactions initialize --email ada@example.com --amount 2500.00 --currency NGN
  paystack transfers list --status success --all > transfers.ndjson
  paystack webhook listen --forward-to http://localhost:3000/hooks
  paystack api GET /balance";

/// Exit codes, shown at the end of `paystack --help`.
pub const EXIT_CODES: &str = "Exit codes:
  0  success
  1  other failure (config file, local I/O)
  2  usage error (unknown flag, missing argument)
  3  validation error: the input was refused before anything was sent
  4  API error: Paystack answered and refused the request
  5  transport error: no answer, and the request could not have taken effect
  6  outcome unknown: a money-moving request may have been processed; check before retrying
  7  refused by a safety guard (live key without --live, money moved without --yes)";

fn global_args() -> Vec<Arg> {
    let args = vec![
        Arg::new("format")
            .long("format")
            .global(true)
            .value_parser(["json", "table", "yaml"])
            .help("Output format [default: table on a terminal, json otherwise]"),
        Arg::new("base-url")
            .long("base-url")
            .global(true)
            .env("PAYSTACK_BASE_URL")
            .help("API base URL, e.g. the simulator's [default: https://api.paystack.co]"),
        Arg::new("profile")
            .long("profile")
            .global(true)
            .env("PAYSTACK_PROFILE")
            .help("Profile of the config file to take the key (and base URL) from"),
        Arg::new("live")
            .long("live")
            .global(true)
            .action(ArgAction::SetTrue)
            .help("Allow a live key (sk_live_); required on every command that uses one"),
        Arg::new("yes")
            .long("yes")
            .short('y')
            .global(true)
            .action(ArgAction::SetTrue)
            .help("Confirm a money-moving request without asking (required when not interactive)"),
        Arg::new("dry-run")
            .long("dry-run")
            .global(true)
            .action(ArgAction::SetTrue)
            .help("Print the request as a curl command (key masked) and send nothing"),
        Arg::new("request-timeout")
            .long("request-timeout")
            .global(true)
            .value_name("SECS")
            .value_parser(clap::value_parser!(u64).range(1..=3600))
            .help("Give up on each attempt after this many seconds [default: 30]"),
    ];
    args.into_iter()
        .map(|a| a.help_heading("Global options"))
        .collect()
}

fn area_command(area: &spec::Area) -> Command {
    let ops: Vec<&Op> = spec::table()
        .operations
        .iter()
        .filter(|op| op.area == area.name)
        .collect();
    let mut cmd = Command::new(area.name.clone())
        .about(area.about.clone())
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(area_examples(&ops));
    for op in ops {
        cmd = cmd.subcommand(op_command(op));
    }
    cmd
}

/// `--help` examples for an area: its first list, and its first operation that needs input.
fn area_examples(ops: &[&Op]) -> String {
    let mut lines = vec!["Examples:".to_string()];
    if let Some(list) = ops.iter().find(|op| op.pages()) {
        lines.push(format!(
            "  paystack {} {} --all --format json",
            list.area, list.action
        ));
    }
    let needs_input = ops.iter().find(|op| {
        !op.path_params.is_empty() || op.body.as_ref().is_some_and(|b| !b.fields.is_empty())
    });
    if let Some(op) = needs_input.or(ops.first()) {
        lines.push(format!("  {}", example(op)));
    }
    lines.join("\n")
}

/// A runnable-looking example of one operation with its required arguments.
pub fn example(op: &Op) -> String {
    let mut parts = vec![format!("paystack {} {}", op.area, op.action)];
    for p in &op.path_params {
        parts.push(placeholder(op, Place::Path, p));
    }
    let query = op.query.iter().map(|f| (Place::Query, f));
    let fields = op
        .body
        .iter()
        .flat_map(|b| b.fields.iter().map(|f| (Place::Body, f)));
    for (place, f) in query.chain(fields).filter(|(_, f)| f.required) {
        parts.push(format!("--{} {}", f.flag, placeholder(op, place, f)));
    }
    if op.body.as_ref().is_some_and(|b| b.kind == "array") {
        parts.push("--input items.json".into());
    }
    if op.moves_money {
        parts.push("--yes".into());
    }
    parts.join(" ")
}

/// A value that passes the CLI's own checks, so an example runs as shown.
fn placeholder(op: &Op, place: Place, f: &Field) -> String {
    if let Some(v) = f.values.first() {
        return v.clone();
    }
    if let Some((code, _)) = check::code_field(op, place, &f.name) {
        return format!("{}x1y2z3", code.prefix());
    }
    if f.name == "reference" {
        // A transfer reference needs 16 to 50 characters.
        let example = if op.area == "transfers" {
            "payout-2026-12-0001"
        } else {
            "order-1042"
        };
        return example.into();
    }
    match f.kind {
        Kind::Amount => "2500.00".into(),
        Kind::Integer | Kind::Number => "1".into(),
        Kind::Boolean => "true".into(),
        Kind::Json => "'{}'".into(),
        _ if f.name == "email" || f.name.ends_with("_email") => "ada@example.com".into(),
        _ => format!("<{}>", f.name.to_uppercase()),
    }
}

fn op_command(op: &Op) -> Command {
    let mut about = op.summary.clone();
    if op.moves_money {
        about.push_str(" [moves money: asks to confirm]");
    }
    let mut long = format!("{}\n\n{} {}", op.summary, op.method, op.path);
    if !op.description.is_empty() {
        long = format!("{}\n\n{}", long, op.description);
    }
    if let Some(retry) = &op.retry {
        long.push_str(&format!("\n\nRetries after a lost answer: {retry}."));
    }
    if op.moves_money {
        long.push_str(
            "\n\nThis operation moves or reserves money: it asks for confirmation on a terminal \
             and needs --yes otherwise.",
        );
    }
    let mut cmd = Command::new(op.action.clone())
        .about(about)
        .long_about(long)
        .after_help(format!("Example:\n  {}", example(op)));
    let mut used: Vec<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    for p in &op.path_params {
        cmd = cmd.arg(
            Arg::new(arg_id("path", &p.name))
                .value_name(p.name.to_uppercase())
                .required(true)
                .help(p.desc.clone()),
        );
    }
    for f in &op.query {
        cmd = cmd.arg(field_arg("query", f, &mut used));
    }
    if let Some(body) = &op.body {
        for f in &body.fields {
            cmd = cmd.arg(field_arg("body", f, &mut used));
        }
        cmd =
            cmd.arg(Arg::new("input").long("input").value_name("FILE").help(
                "Request body as JSON from a file ('-' for stdin); flags override its fields",
            ));
    }
    cmd = cmd.arg(
        Arg::new("field")
            .long("field")
            .short('f')
            .value_name("KEY=VALUE")
            .action(ArgAction::Append)
            .help("Extra raw field (dotted keys nest; VALUE is JSON or else text; amounts in subunits)"),
    );
    if op.pages() {
        cmd = cmd.arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .help("Walk every page and write one record per line (NDJSON)"),
        );
    }
    cmd
}

fn field_arg(place: &str, f: &Field, used: &mut Vec<String>) -> Arg {
    let mut flag = f.flag.clone();
    if used.contains(&flag) {
        flag = format!("{place}-{flag}");
    }
    used.push(flag.clone());
    let mut help = f.desc.clone();
    let hint = match f.kind {
        Kind::Amount => " (major units such as 2500.00; sent in subunits)",
        Kind::List => " (comma-separated or repeated)",
        Kind::Json => " (JSON)",
        _ => "",
    };
    help.push_str(hint);
    if f.required {
        help.push_str(" [required]");
    }
    let mut arg = Arg::new(arg_id(place, &f.name))
        .long(flag)
        .value_name(f.value_name())
        .help(help.trim().to_string());
    if f.kind == Kind::List {
        arg = arg.action(ArgAction::Append).value_delimiter(',');
    }
    if f.kind == Kind::Amount {
        // `--amount -5` must reach the amount check, not clap's "unexpected argument".
        arg = arg.allow_hyphen_values(true);
    }
    if !f.values.is_empty() {
        // Listed, not enforced: Paystack adds values over time and the SDK's enums are open.
        arg = arg.hide_possible_values(false).long_help(format!(
            "{}\nKnown values: {}",
            help.trim(),
            f.values.join(", ")
        ));
    }
    arg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names of the fixed top-level commands, which no area may take.
    const FIXED: &[&str] = &["api", "config", "webhook", "sim", "completions", "man"];

    #[test]
    fn every_operation_has_a_unique_command() {
        let ops = &spec::table().operations;
        assert_eq!(ops.len(), 170);
        let mut seen = std::collections::HashSet::new();
        for op in ops {
            assert!(seen.insert((op.area.clone(), op.action.clone())), "{op:?}");
            assert!(!FIXED.contains(&op.area.as_str()));
        }
        assert_eq!(spec::table().areas.len(), 29);
        root().debug_assert();
    }
}
