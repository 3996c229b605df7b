//! Running one operation: guards, `--dry-run`, sending through `Paystack::raw`, `--all`.

use std::io::{BufRead, IsTerminal, Write};

use clap::ArgMatches;
use futures::TryStreamExt;
use paystack::{Paginate, Paystack, RawRequest};
use serde_json::Value;

use crate::config::{self, Credentials};
use crate::error::{Failure, Result};
use crate::output::{self, Format};
use crate::request::Request;
use crate::spec::Op;

/// What the global flags ask for.
pub struct Flags {
    pub live: bool,
    pub yes: bool,
    pub dry_run: bool,
    pub all: bool,
    pub format: Format,
}

impl Flags {
    pub fn from_matches(m: &ArgMatches) -> Flags {
        let flag = |id: &str| {
            m.try_get_one::<bool>(id)
                .ok()
                .flatten()
                .copied()
                .unwrap_or(false)
        };
        Flags {
            live: flag("live"),
            yes: flag("yes"),
            dry_run: flag("dry-run"),
            all: flag("all"),
            format: Format::from_matches(m),
        }
    }
}

/// Sends `req` for `op` (or prints it with `--dry-run`) and prints the answer.
pub async fn run(op: Option<&Op>, req: Request, m: &ArgMatches) -> Result<()> {
    let flags = Flags::from_matches(m);
    let moves_money = op.is_some_and(|op| op.moves_money);
    if flags.dry_run {
        let base = dry_run_base_url(m);
        config::check_url("the base URL", &base)?;
        println!("{}", curl(&base, &req));
        if let Some(profile) = config::profile_in_use(m) {
            eprintln!(
                "The key comes from profile {profile}; put it in the environment first (it is \
                 never shown):\n  export {}=\"$(paystack config key --profile {profile})\"",
                paystack::SECRET_KEY_ENV
            );
        }
        return Ok(());
    }
    let creds = config::credentials(m, flags.live)?;
    let timeout = m.try_get_one::<u64>("request-timeout").ok().flatten();
    let ps = client(&creds, timeout.copied())?;
    if let (true, Some(op)) = (moves_money, op) {
        confirm(&ps, op, &req, flags.yes).await?;
    }
    if flags.all {
        return walk(&ps, op, req, flags.format).await;
    }
    let answer = send(&ps, op, &req).await?;
    output::print(flags.format, &answer, op.map_or(&[], |op| &op.amounts));
    Ok(())
}

/// A client for these credentials, with `--request-timeout` (seconds per attempt) if given.
pub fn client(creds: &Credentials, timeout: Option<u64>) -> Result<Paystack> {
    let mut b = Paystack::builder(creds.key_text());
    if let Some(url) = &creds.base_url {
        b = b.base_url(url.trim_end_matches('/'));
    }
    if let Some(secs) = timeout {
        b = b.timeout(std::time::Duration::from_secs(secs));
    }
    b.build()
        .map_err(|e| failure(e, false, &host(&ps_base(creds))))
}

fn ps_base(creds: &Credentials) -> String {
    creds
        .base_url
        .clone()
        .unwrap_or_else(|| paystack::DEFAULT_BASE_URL.to_string())
}

/// `host[:port]` of a base URL, for messages.
pub fn host(base_url: &str) -> String {
    match reqwest::Url::parse(base_url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            _ => base_url.to_string(),
        },
        Err(_) => base_url.to_string(),
    }
}

/// One request through the SDK's generic call, with its retry and outcome rules.
pub async fn send(ps: &Paystack, op: Option<&Op>, req: &Request) -> Result<Value> {
    raw_request(ps, op, req)
        .send()
        .await
        .map_err(|e| failure(e, op.is_some_and(|op| op.moves_money), &host(ps.base_url())))
}

/// The SDK's raw request for `req`, carrying the operation's retry class when known.
fn raw_request<'a>(ps: &'a Paystack, op: Option<&Op>, req: &Request) -> RawRequest<'a> {
    let mut raw = ps.raw(&req.method, req.path.clone());
    for (k, v) in &req.query {
        raw = raw.query(k, v);
    }
    if let Some(body) = &req.body {
        raw = raw.json(body.clone());
    }
    if let Some(known) = op.and_then(|op| paystack::operations::find(&op.id)) {
        raw = raw.operation(known);
    }
    raw
}

/// Maps an SDK error to the exit code that says what the user can do about it. Network
/// failures name `host` and the cause found down the error's source chain.
pub fn failure(e: paystack::Error, moves_money: bool, host: &str) -> Failure {
    use paystack::Outcome;
    if let paystack::Error::Validation(v) = &e {
        return Failure::Validation(v.to_string());
    }
    let network = transport_of(&e).map(|t| network_cause(t, host));
    let text = match &network {
        Some(cause) if e.as_outcome_unknown().is_some() => format!("{e}\n{cause}"),
        Some(cause) => format!("transport error: {cause}"),
        None => e.to_string(),
    };
    if e.as_outcome_unknown().is_some() {
        return Failure::OutcomeUnknown(text);
    }
    match e.outcome() {
        Outcome::NotSent => Failure::Transport(text),
        Outcome::Unknown if moves_money => Failure::OutcomeUnknown(text),
        Outcome::Rejected => Failure::Api(text),
        _ if e.as_api().is_some() => Failure::Api(text),
        _ => Failure::Transport(text),
    }
}

/// The network failure inside an SDK error, if it is one (also as an unknown outcome's cause).
fn transport_of(e: &paystack::Error) -> Option<&paystack::TransportError> {
    match e {
        paystack::Error::Transport(t) => Some(t),
        paystack::Error::OutcomeUnknown(u) => transport_of(&u.cause),
        _ => None,
    }
}

/// `could not connect to 127.0.0.1:9: connection refused; nothing was sent`.
fn network_cause(t: &paystack::TransportError, host: &str) -> String {
    let cause = crate::error::network_cause(&*t.source).unwrap_or_else(|| match t.kind {
        paystack::TransportKind::Timeout => "no answer in time (timed out)".to_string(),
        _ => crate::error::innermost(&*t.source),
    });
    if t.sent {
        format!("talking to {host}: {cause}; the request may have been sent")
    } else {
        format!("could not connect to {host}: {cause}; nothing was sent")
    }
}

/// Asks on a terminal; refuses without `--yes` when nobody can answer. The question names the
/// action, the amount with its currency, the recipient and the reference.
async fn confirm(ps: &Paystack, op: &Op, req: &Request, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        let what = crate::confirm::summary(op, req, None);
        return Err(Failure::Guard(format!(
            "{what}: this moves money; pass --yes to confirm when not running on a terminal"
        )));
    }
    let found = lookup(ps, req).await;
    let what = crate::confirm::summary(op, req, found.as_ref());
    eprint!("{what}? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    if matches!(line.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
        Ok(())
    } else {
        Err(Failure::Guard("not confirmed; nothing was sent".into()))
    }
}

/// The record the question is about, looked up with a GET so it can show names and amounts:
/// a transfer's recipient (name, bank, account), the transfer an OTP releases, the payment a
/// refund returns. `None` (codes alone are shown) when there is none or the lookup fails.
async fn lookup(ps: &Paystack, req: &Request) -> Option<Value> {
    let body = req.body.as_ref()?;
    let text = |name: &str| body.get(name).and_then(Value::as_str);
    let segment = crate::request::encode_segment;
    let (id, path) = if let Some(code) = text("recipient") {
        (
            "transferrecipient_fetch",
            format!("/transferrecipient/{}", segment(code)),
        )
    } else if let Some(code) = text("transfer_code") {
        ("transfer_fetch", format!("/transfer/{}", segment(code)))
    } else if let Some(t) = text("transaction").filter(|t| t.bytes().all(|b| b.is_ascii_digit())) {
        ("transaction_fetch", format!("/transaction/{t}"))
    } else if let Some(reference) = text("transaction") {
        (
            "transaction_verify",
            format!("/transaction/verify/{}", segment(reference)),
        )
    } else {
        return None;
    };
    let op = crate::spec::by_id(id)?;
    let lookup = Request {
        method: "GET".into(),
        path,
        query: vec![],
        body: None,
    };
    let answer = raw_request(ps, Some(op), &lookup)
        .timeout(std::time::Duration::from_secs(10))
        .send()
        .await
        .ok()?;
    answer.get("data").filter(|d| d.is_object()).cloned()
}

fn dry_run_base_url(m: &ArgMatches) -> String {
    if let Some(url) = m.get_one::<String>("base-url") {
        return url.clone();
    }
    let name = m
        .get_one::<String>("profile")
        .cloned()
        .unwrap_or_else(|| config::DEFAULT_PROFILE.into());
    config::load()
        .ok()
        .and_then(|mut c| c.profiles.remove(&name))
        .and_then(|p| p.base_url)
        .unwrap_or_else(|| paystack::DEFAULT_BASE_URL.to_string())
}

/// The request as a curl command. The key is left as `$PAYSTACK_SECRET_KEY`, so the command
/// runs as printed without the key ever being shown.
pub fn curl(base_url: &str, req: &Request) -> String {
    let mut url = format!("{}{}", base_url.trim_end_matches('/'), req.path);
    if !req.query.is_empty() {
        let q: Vec<String> = req
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", encode_query(k), encode_query(v)))
            .collect();
        url = format!("{url}?{}", q.join("&"));
    }
    let mut parts = vec![
        "curl".to_string(),
        "-X".into(),
        req.method.clone(),
        shell_quote(&url),
        "-H".into(),
        "\"Authorization: Bearer $PAYSTACK_SECRET_KEY\"".into(),
    ];
    if let Some(body) = &req.body {
        parts.push("-H".into());
        parts.push(shell_quote("Content-Type: application/json"));
        parts.push("-d".into());
        parts.push(shell_quote(&body.to_string()));
    }
    parts.join(" ")
}

fn encode_query(s: &str) -> String {
    crate::request::encode_segment(s)
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// `--all`: every page, one record per line, progress on stderr.
///
/// The walk is the SDK's own `Paginate` stream over the raw request, so the CLI stops where a
/// typed list stops: offset lists on an empty or short page or at `meta.pageCount`, cursor
/// lists when `meta.next` runs out, and a repeated cursor or a page answered out of turn ends
/// the walk with an error.
async fn walk(ps: &Paystack, op: Option<&Op>, req: Request, format: Format) -> Result<()> {
    let has_query = |name: &str| op.is_some_and(|op| op.query.iter().any(|f| f.name == name));
    let cursor_mode = req
        .query
        .iter()
        .any(|(k, v)| k == "use_cursor" && v == "true")
        || (op.is_some() && !has_query("page"));
    let mut raw = raw_request(ps, op, &req);
    if cursor_mode {
        raw = raw.by_cursor(if has_query("cursor") && !has_query("next") {
            "cursor"
        } else {
            "next"
        });
    }
    let amounts = op.map(Op::record_amounts).unwrap_or_default();
    let progress = std::io::stderr().is_terminal();
    let mut records = raw.stream();
    let mut count = 0usize;
    let mut collected = Vec::new();
    while let Some(record) = records
        .try_next()
        .await
        .map_err(|e| failure(e, op.is_some_and(|op| op.moves_money), &host(ps.base_url())))?
    {
        count += 1;
        if format == Format::Table {
            collected.push(record);
        } else {
            output::print_record(format, &record, &amounts);
        }
        if progress && count.is_multiple_of(100) {
            eprint!("\rfetched {count} records");
        }
    }
    if progress {
        eprintln!("\rfetched {count} records");
    }
    if format == Format::Table {
        let mut all = Value::Array(collected);
        let in_list: Vec<Vec<String>> = amounts
            .iter()
            .map(|p| std::iter::once("*".to_string()).chain(p.clone()).collect())
            .collect();
        output::in_major_units(&mut all, &in_list);
        println!("{}", output::table(&all));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn curl_quotes_the_body_and_never_holds_a_key() {
        let req = Request {
            method: "POST".into(),
            path: "/transaction/initialize".into(),
            query: vec![],
            body: Some(json!({"email": "o'neil@example.com", "amount": 250000})),
        };
        let c = curl("http://127.0.0.1:7010/", &req);
        assert_eq!(
            c,
            "curl -X POST 'http://127.0.0.1:7010/transaction/initialize' -H \
             \"Authorization: Bearer $PAYSTACK_SECRET_KEY\" -H 'Content-Type: application/json' \
             -d '{\"amount\":250000,\"email\":\"o'\\''neil@example.com\"}'"
        );
    }
}
