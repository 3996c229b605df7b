//! `paystack webhook sign | verify | trigger | listen`, on the SDK's `paystack::webhook`.

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use clap::{Arg, ArgAction, ArgMatches, Command};
use paystack::webhook::{Event, Webhook, EVENT_NAMES, SIGNATURE_HEADER};
use serde_json::Value;

use crate::config;
use crate::error::{Failure, Result};
use crate::request;

/// Example payloads (the project's webhook fixtures), by file name.
const EXAMPLES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/webhook_examples.rs"));

/// `paystack webhook ...`
pub fn command() -> Command {
    let body_arg = || {
        Arg::new("file")
            .value_name("FILE")
            .help("Body file [default: stdin]")
    };
    Command::new("webhook")
        .about("Sign, verify, send and receive Paystack webhooks")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(
            "Examples:\n  paystack webhook listen --forward-to http://localhost:3000/hooks\n  \
             paystack webhook trigger charge.success --to http://localhost:3000/hooks --set data.amount=5000\n  \
             paystack webhook sign body.json\n  \
             paystack webhook verify --signature \"$SIG\" body.json",
        )
        .subcommand(
            Command::new("sign")
                .about("Print the x-paystack-signature of a body (HMAC-SHA512 with your key)")
                .arg(body_arg()),
        )
        .subcommand(
            Command::new("verify")
                .about("Check a body against its x-paystack-signature and decode the event")
                .arg(
                    Arg::new("signature")
                        .long("signature")
                        .required(true)
                        .help("The x-paystack-signature header value"),
                )
                .arg(body_arg()),
        )
        .subcommand(
            Command::new("trigger")
                .about("Send a signed example of a documented event to your endpoint")
                .arg(
                    Arg::new("event")
                        .required_unless_present("list")
                        .help("Event name, e.g. charge.success (see --list)"),
                )
                .arg(
                    Arg::new("to")
                        .long("to")
                        .value_name("URL")
                        .required_unless_present("list")
                        .help("Your webhook endpoint"),
                )
                .arg(
                    Arg::new("set")
                        .long("set")
                        .value_name("PATH=VALUE")
                        .action(ArgAction::Append)
                        .help("Override a field, e.g. data.amount=5000 or data.customer.email=x@y.co (VALUE is JSON or else text)"),
                )
                .arg(
                    Arg::new("list")
                        .long("list")
                        .action(ArgAction::SetTrue)
                        .help("List the events that can be triggered"),
                ),
        )
        .subcommand(
            Command::new("listen")
                .about("Receive deliveries locally: verify, print, and forward them unchanged")
                .long_about(
                    "Receive deliveries locally: verify each signature with your key, print the \
                     event, reference, amount and dedupe key, and forward the raw body and \
                     headers unchanged to --forward-to.\n\nFor the simulator, give the printed \
                     URL as its webhook URL (`paystack sim serve --webhook-url`, or --sim-url \
                     here). For Paystack's test mode, expose the port with any tunnel and set \
                     the tunnel's URL as the test webhook URL on the dashboard.",
                )
                .arg(
                    Arg::new("forward-to")
                        .long("forward-to")
                        .value_name("URL")
                        .help("Where to forward verified deliveries"),
                )
                .arg(
                    Arg::new("port")
                        .long("port")
                        .value_parser(clap::value_parser!(u16))
                        .default_value("7011")
                        .help("Port to listen on (0 picks a free one)"),
                )
                .arg(
                    Arg::new("host")
                        .long("host")
                        .default_value("127.0.0.1")
                        .help("Address to bind"),
                )
                .arg(
                    Arg::new("sim-url")
                        .long("sim-url")
                        .value_name("URL")
                        .help("Register this listener as the webhook URL of a running simulator [default with --profile sim: the simulator's URL]"),
                )
                .arg(
                    Arg::new("max-events")
                        .long("max-events")
                        .value_parser(clap::value_parser!(usize))
                        .help("Exit after this many deliveries (for scripts and tests)"),
                ),
        )
}

/// Runs `paystack webhook ...`.
pub async fn run(m: &ArgMatches) -> Result<()> {
    match m.subcommand() {
        Some(("sign", sub)) => {
            let hook = verifier(sub).map_err(Failure::local)?;
            let body = read_body(sub.get_one::<String>("file"))?;
            println!("{}", hook.sign(&body));
            Ok(())
        }
        Some(("verify", sub)) => {
            let hook = verifier(sub).map_err(Failure::local)?;
            let body = read_body(sub.get_one::<String>("file"))?;
            let sig = sub.get_one::<String>("signature").map(String::as_str);
            let event = hook
                .parse(sig, &body)
                .map_err(|e| Failure::Invalid(format!("the webhook does not verify: {e}")))?;
            println!("valid: {}", describe(&event));
            Ok(())
        }
        Some(("trigger", sub)) if sub.get_flag("list") => {
            for name in EVENT_NAMES {
                println!("{name}");
            }
            Ok(())
        }
        Some(("trigger", sub)) => trigger(sub).await,
        Some(("listen", sub)) => listen(sub).await,
        _ => unreachable!("clap requires a subcommand"),
    }
}

fn verifier(m: &ArgMatches) -> Result<Webhook> {
    let creds = config::credentials(m, m.get_flag("live"))?;
    Ok(Webhook::from_key(creds.key))
}

fn read_body(file: Option<&String>) -> Result<Vec<u8>> {
    match file.map(String::as_str) {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        }
        Some(path) => std::fs::read(path).map_err(|e| Failure::Other(format!("{path}: {e}"))),
    }
}

/// `charge.success  reference=… amount=… domain=… dedupe=…`
fn describe(event: &Event) -> String {
    let mut s = event.name().to_string();
    if let Some(r) = event.reference() {
        s.push_str(&format!("  reference={r}"));
    }
    if let Some(a) = event.amount() {
        s.push_str(&format!("  amount={a} ({} subunits)", a.subunits()));
    }
    if let Some(d) = event.domain() {
        s.push_str(&format!("  domain={d}"));
    }
    s.push_str(&format!("  dedupe={}", event.dedupe_key()));
    s
}

/// The example body for `event`, with `--set` overrides applied.
pub fn example(event: &str, overrides: &[String]) -> Result<Value> {
    if !EVENT_NAMES.contains(&event) {
        return Err(Failure::Validation(format!(
            "unknown event {event:?}; see `paystack webhook trigger --list`"
        )));
    }
    let text = EXAMPLES
        .iter()
        .find(|(name, _)| *name == event)
        .map(|(_, body)| *body)
        .ok_or_else(|| Failure::Other(format!("no example payload for {event}")))?;
    let mut body: Value = serde_json::from_str(text).expect("fixtures are valid JSON");
    let obj = body.as_object_mut().expect("fixtures are JSON objects");
    for kv in overrides {
        let (path, value) = request::split_field(kv)?;
        request::set_path(obj, path, value)?;
    }
    Ok(body)
}

async fn trigger(m: &ArgMatches) -> Result<()> {
    let event = m.get_one::<String>("event").expect("required");
    let to = m.get_one::<String>("to").expect("required");
    let overrides: Vec<String> = m
        .get_many::<String>("set")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let body = example(event, &overrides)?.to_string();
    config::check_url("--to", to)?;
    let hook = verifier(m)?;
    let signature = hook.sign(body.as_bytes());
    if m.get_flag("dry-run") {
        println!(
            "curl -X POST '{to}' -H 'Content-Type: application/json' -H '{SIGNATURE_HEADER}: {signature}' -d '{}'",
            body.replace('\'', "'\\''")
        );
        return Ok(());
    }
    let answer = http()
        .post(to)
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, &signature)
        .body(body)
        .send()
        .await
        .map_err(|e| Failure::Transport(network_failure(to, &e)))?;
    let status = answer.status();
    eprintln!("{event} → {to}: {status}");
    if status.is_success() {
        Ok(())
    } else {
        Err(Failure::Api(format!("{to} answered {status}")))
    }
}

/// `POST URL: could not connect to HOST: connection refused` for a delivery that failed.
pub fn network_failure(url: &str, e: &reqwest::Error) -> String {
    let host = reqwest::Url::parse(url)
        .ok()
        .and_then(|u| Some(format!("{}:{}", u.host_str()?, u.port_or_known_default()?)))
        .unwrap_or_else(|| url.to_string());
    let cause = crate::error::network_cause(e).unwrap_or_else(|| crate::error::innermost(e));
    format!("POST {url}: {host}: {cause}")
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .expect("a plain HTTP client builds")
}

struct Listener {
    hook: Webhook,
    forward_to: Option<String>,
    client: reqwest::Client,
    seen: AtomicUsize,
    max: Option<usize>,
    done: tokio::sync::Notify,
}

async fn listen(m: &ArgMatches) -> Result<()> {
    let creds = config::credentials(m, m.get_flag("live"))?;
    let key = creds.key_text().to_string();
    // With the simulator's profile the listener registers itself there: no flag needed.
    let on_sim_profile =
        m.get_one::<String>("profile").map(String::as_str) == Some(config::SIM_PROFILE);
    let sim_url = m
        .get_one::<String>("sim-url")
        .cloned()
        .or_else(|| creds.base_url.clone().filter(|_| on_sim_profile));
    let hook = Webhook::from_key(creds.key);
    let host = m.get_one::<String>("host").expect("has a default");
    let port = *m.get_one::<u16>("port").expect("has a default");
    let socket = tokio::net::TcpListener::bind((host.as_str(), port))
        .await
        .map_err(|e| {
            let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
                "; another program uses that port: stop it, or pass --port 0 to pick a free one"
            } else {
                ""
            };
            Failure::Other(format!("cannot listen on {host}:{port}: {e}{hint}"))
        })?;
    let addr = socket.local_addr()?;
    let url = format!("http://{addr}/");
    let forward_to = m.get_one::<String>("forward-to").cloned();
    if let Some(f) = &forward_to {
        config::check_url("--forward-to", f)?;
    }
    if let Some(sim) = &sim_url {
        crate::control::set_webhook_url(sim, &url, &key).await?;
        eprintln!("registered {url} as the simulator's webhook URL");
    }
    eprintln!("listening on {url}");
    match &forward_to {
        Some(f) => eprintln!("verified deliveries are forwarded unchanged to {f}"),
        None => eprintln!("no --forward-to: deliveries are verified, printed and answered 200"),
    }
    eprintln!(
        "for Paystack's test mode, expose port {} with a tunnel and set the tunnel's URL as the \
         test webhook URL on the dashboard",
        addr.port()
    );
    let state = Arc::new(Listener {
        hook,
        forward_to,
        client: http(),
        seen: AtomicUsize::new(0),
        max: m.get_one::<usize>("max-events").copied(),
        done: tokio::sync::Notify::new(),
    });
    let app = axum::Router::new()
        .fallback(receive)
        .with_state(state.clone());
    let stop = state.clone();
    axum::serve(socket, app)
        .with_graceful_shutdown(async move {
            tokio::select! {
                _ = stop.done.notified() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        })
        .await
        .map_err(|e| Failure::Other(format!("listener failed: {e}")))
}

async fn receive(State(st): State<Arc<Listener>>, headers: HeaderMap, body: Bytes) -> Response {
    let response = match st.hook.parse_http(&headers, &body) {
        Ok(event) => {
            println!("{}", describe(&event));
            forward(&st, &headers, body).await
        }
        Err(e) => {
            println!("rejected: {e}");
            (StatusCode::UNAUTHORIZED, "signature does not verify").into_response()
        }
    };
    let n = st.seen.fetch_add(1, Ordering::SeqCst) + 1;
    if st.max.is_some_and(|max| n >= max) {
        st.done.notify_one();
    }
    response
}

/// Sends the body and headers on as received; answers with the target's status.
async fn forward(st: &Listener, headers: &HeaderMap, body: Bytes) -> Response {
    let Some(target) = &st.forward_to else {
        return StatusCode::OK.into_response();
    };
    let mut req = st.client.post(target);
    for (name, value) in headers {
        // Connection-level headers belong to each hop; everything else passes unchanged.
        if !matches!(
            name.as_str(),
            "host" | "content-length" | "connection" | "transfer-encoding"
        ) {
            req = req.header(name.as_str(), value.as_bytes());
        }
    }
    match req.body(body).send().await {
        Ok(answer) => {
            let status = answer.status().as_u16();
            eprintln!("  forwarded to {target}: {status}");
            StatusCode::from_u16(status)
                .unwrap_or(StatusCode::BAD_GATEWAY)
                .into_response()
        }
        Err(e) => {
            eprintln!("  forwarding to {target} failed: {e}");
            StatusCode::BAD_GATEWAY.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_event_has_an_example_that_decodes() {
        assert_eq!(EVENT_NAMES.len(), 33);
        for name in EVENT_NAMES {
            let body = example(name, &[]).unwrap();
            let event = Event::from_slice(body.to_string().as_bytes()).unwrap();
            assert_eq!(event.name(), *name);
            assert!(event.is_known(), "{name}");
        }
    }

    #[test]
    fn overrides_reach_the_event() {
        let body = example("charge.success", &["data.amount=5000".into()]).unwrap();
        let event = Event::from_slice(body.to_string().as_bytes()).unwrap();
        assert_eq!(event.amount().unwrap().subunits(), 5000);
    }
}
