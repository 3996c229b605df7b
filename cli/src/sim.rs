//! `paystack sim ...`: run the local simulator (`paystack-sim`) and drive a running one.
//!
//! `serve` runs the simulator in this process and saves its URL and test key as the profile
//! `sim`, so other commands reach it with `--profile sim`. The other subcommands talk to a
//! running simulator through its control endpoints under `/_sim`.

use std::time::Duration;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Value};

use crate::config::{self, Profile};
use crate::error::{Failure, Result};

/// `paystack sim ...`
pub fn command() -> Command {
    let url = || {
        Arg::new("sim-url")
            .long("sim-url")
            .value_name("URL")
            .help("The running simulator [default: --base-url, else the sim profile's URL]")
    };
    Command::new("sim")
        .about("Run and drive the local Paystack simulator")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(
            "Examples:\n  paystack sim serve --port 7010 --webhook-url http://127.0.0.1:7011/\n  \
             paystack --profile sim transactions initialize --email ada@example.com --amount 50.00\n  \
             paystack sim pay order-1042\n  paystack sim dispute order-1042 --amount 20.00\n  paystack sim fund 10000.00\n  paystack sim advance 1d\n  \
             paystack sim fault --status 503 --operation transfer_initiate --times 2",
        )
        .subcommand(
            Command::new("serve")
                .about("Run the simulator here; its URL and key are saved as profile \"sim\"")
                .arg(
                    Arg::new("port")
                        .long("port")
                        .value_parser(clap::value_parser!(u16))
                        .default_value("7010")
                        .help("Port (0 picks a free one)"),
                )
                .arg(
                    Arg::new("host")
                        .long("host")
                        .value_parser(clap::value_parser!(std::net::IpAddr))
                        .default_value("127.0.0.1"),
                )
                .arg(
                    Arg::new("state")
                        .long("state")
                        .value_name("PATH")
                        .help("Keep state in this file; a restart sees the same data"),
                )
                .arg(
                    Arg::new("webhook-url")
                        .long("webhook-url")
                        .value_name("URL")
                        .help("Send webhooks here (e.g. `paystack webhook listen`'s URL)"),
                )
                .arg(
                    Arg::new("seed")
                        .long("seed")
                        .value_name("FILE")
                        .help("Load records from a JSON seed file"),
                )
                .arg(
                    Arg::new("no-profile")
                        .long("no-profile")
                        .action(ArgAction::SetTrue)
                        .help("Do not save the URL and key as profile \"sim\""),
                ),
        )
        .subcommand(
            Command::new("pay")
                .about("Settle a pending transaction as if the customer paid (or did not)")
                .arg(Arg::new("reference").required(true))
                .arg(
                    Arg::new("outcome")
                        .long("outcome")
                        .value_parser(["success", "declined", "insufficient_funds", "abandoned"])
                        .default_value("success"),
                )
                .arg(url()),
        )
        .subcommand(
            Command::new("settle")
                .about("Finish a pending transfer now: success, failed or reversed")
                .arg(Arg::new("transfer-code").required(true))
                .arg(
                    Arg::new("outcome")
                        .long("outcome")
                        .value_parser(["success", "failed", "reversed"])
                        .default_value("success"),
                )
                .arg(url()),
        )
        .subcommand(
            Command::new("dispute")
                .about("Open a customer's dispute on a paid transaction (charge.dispute.create)")
                .arg(Arg::new("reference").required(true))
                .arg(
                    Arg::new("amount")
                        .long("amount")
                        .allow_hyphen_values(true)
                        .help("What the customer claims, in major units (default: all of it)"),
                )
                .arg(url()),
        )
        .subcommand(
            Command::new("fund")
                .about("Top up the integration's balance (amount in major units)")
                .arg(
                    Arg::new("amount")
                        .required(true)
                        .allow_hyphen_values(true)
                        .help("e.g. 10000.00"),
                )
                .arg(Arg::new("currency").long("currency").default_value("NGN"))
                .arg(url()),
        )
        .subcommand(
            Command::new("advance")
                .about("Move the simulator's clock forward (e.g. 30s, 15m, 2h, 1d)")
                .arg(Arg::new("by").required(true).value_parser(parse_duration))
                .arg(url()),
        )
        .subcommand(
            Command::new("fault")
                .about("Make calls fail: a status, a delay, a reset or a truncated answer")
                .arg(
                    Arg::new("status")
                        .long("status")
                        .value_parser(clap::value_parser!(u16).range(400..=599)),
                )
                .arg(
                    Arg::new("delay")
                        .long("delay")
                        .value_name("MS")
                        .value_parser(clap::value_parser!(u64)),
                )
                .arg(Arg::new("reset").long("reset").action(ArgAction::SetTrue))
                .arg(Arg::new("truncate").long("truncate").action(ArgAction::SetTrue))
                .group(
                    clap::ArgGroup::new("kind")
                        .args(["status", "delay", "reset", "truncate", "clear"])
                        .required(true),
                )
                .arg(
                    Arg::new("operation")
                        .long("operation")
                        .value_name("ID")
                        .help("Only this operation id, e.g. transfer_initiate [default: all]"),
                )
                .arg(
                    Arg::new("times")
                        .long("times")
                        .value_parser(clap::value_parser!(u32))
                        .help("Only this many calls [default: until cleared]"),
                )
                .arg(
                    Arg::new("after")
                        .long("after")
                        .action(ArgAction::SetTrue)
                        .help("Process the request, then lose the answer (outcome unknown)"),
                )
                .arg(
                    Arg::new("clear")
                        .long("clear")
                        .action(ArgAction::SetTrue)
                        .help("Remove every fault rule"),
                )
                .arg(url()),
        )
}

/// `1d`, `2h`, `15m`, `30s`.
fn parse_duration(text: &str) -> std::result::Result<Duration, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("{text:?}: expected e.g. 1d, 2h, 15m, 30s"))?;
    let secs = match unit {
        "s" | "" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(format!("{text:?}: the unit is one of s, m, h, d, w")),
    };
    n.checked_mul(secs)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("{text:?} is too long"))
}

/// Runs `paystack sim ...`.
pub async fn run(m: &ArgMatches) -> Result<()> {
    match m.subcommand() {
        Some(("serve", sub)) => serve(sub).await,
        Some(("pay", sub)) => {
            let reference = sub.get_one::<String>("reference").expect("required");
            let outcome = sub.get_one::<String>("outcome").expect("has a default");
            let answer = control(
                sub,
                reqwest::Method::POST,
                "/_sim/pay",
                json!({"reference": reference, "outcome": outcome}),
            )
            .await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("settle", sub)) => {
            let code = sub.get_one::<String>("transfer-code").expect("required");
            let outcome = sub.get_one::<String>("outcome").expect("has a default");
            let path = format!(
                "/_sim/transfers/{}/settle",
                crate::request::encode_segment(code)
            );
            let answer = control(
                sub,
                reqwest::Method::POST,
                &path,
                json!({"outcome": outcome}),
            )
            .await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("dispute", sub)) => {
            let reference = sub.get_one::<String>("reference").expect("required");
            let mut body = json!({"reference": reference});
            if let Some(text) = sub.get_one::<String>("amount") {
                body["refund_amount"] = json!(paystack::Amount::from_major(text)?.subunits());
            }
            let answer = control(sub, reqwest::Method::POST, "/_sim/dispute", body).await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("fund", sub)) => {
            let text = sub.get_one::<String>("amount").expect("required");
            let amount = paystack::Amount::from_major(text)?;
            let currency = sub.get_one::<String>("currency").expect("has a default");
            let body = json!({"currency": currency, "amount": amount.subunits()});
            let answer = control(sub, reqwest::Method::POST, "/_sim/fund", body).await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("advance", sub)) => {
            let by = sub.get_one::<Duration>("by").expect("required");
            let answer = control(
                sub,
                reqwest::Method::POST,
                "/_sim/clock/advance",
                json!({"seconds": by.as_secs()}),
            )
            .await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("fault", sub)) if sub.get_flag("clear") => {
            let answer = control(sub, reqwest::Method::DELETE, "/_sim/faults", Value::Null).await?;
            print_answer(&answer);
            Ok(())
        }
        Some(("fault", sub)) => {
            let answer =
                control(sub, reqwest::Method::POST, "/_sim/faults", fault_rule(sub)).await?;
            print_answer(&answer);
            Ok(())
        }
        _ => unreachable!("clap requires a subcommand"),
    }
}

/// The rule as the simulator's `FaultRule` reads it.
fn fault_rule(m: &ArgMatches) -> Value {
    let fault = if let Some(status) = m.get_one::<u16>("status") {
        json!({"kind": "status", "status": status})
    } else if let Some(ms) = m.get_one::<u64>("delay") {
        json!({"kind": "delay", "ms": ms})
    } else if m.get_flag("reset") {
        json!({"kind": "reset"})
    } else {
        json!({"kind": "truncate"})
    };
    json!({
        "operation": m.get_one::<String>("operation"),
        "fault": fault,
        "times": m.get_one::<u32>("times"),
        "after": m.get_flag("after"),
    })
}

fn print_answer(answer: &Value) {
    match answer {
        Value::Null => {}
        Value::String(s) => println!("{s}"),
        other => println!(
            "{}",
            serde_json::to_string_pretty(other).expect("JSON values serialize")
        ),
    }
}

async fn serve(m: &ArgMatches) -> Result<()> {
    let port = *m.get_one::<u16>("port").expect("has a default");
    let host = *m
        .get_one::<std::net::IpAddr>("host")
        .expect("has a default");
    let save_profile = !m.get_flag("no-profile");
    let mut config = config::load()?;
    let mut b = paystack_sim::Simulator::builder().host(host).port(port);
    // Reuse the saved test key, so a restart with --state finds the same integration.
    if let Some(p) = config.profiles.get(config::SIM_PROFILE) {
        if p.secret_key.starts_with("sk_test_") {
            b = b.secret_key(p.secret_key.clone());
        }
    }
    if let Some(url) = m.get_one::<String>("webhook-url") {
        b = b.webhook_url(url);
    }
    if let Some(path) = m.get_one::<String>("state") {
        b = b.state(path);
    }
    let sim = b.start().await.map_err(|e| {
        let hint = if crate::error::addr_in_use(&e) {
            format!(
                "; port {port} is taken by another program: stop it, or pass --port 0 to \
                     pick a free one"
            )
        } else {
            String::new()
        };
        Failure::Other(format!("the simulator did not start: {e}{hint}"))
    })?;
    if let Some(seed) = m.get_one::<String>("seed") {
        let n = sim
            .seed_file(seed)
            .map_err(|e| Failure::Other(format!("seed {seed}: {e}")))?;
        eprintln!("seeded {n} record(s) from {seed}");
    }
    let base = sim.base_url();
    if save_profile {
        config.profiles.insert(
            config::SIM_PROFILE.into(),
            Profile {
                secret_key: sim.secret_key().to_string(),
                base_url: Some(base.clone()),
            },
        );
        let path = config::save(&config)?;
        eprintln!(
            "saved the simulator's URL and test key as profile \"sim\" in {}",
            path.display()
        );
    }
    eprintln!("simulator listening on {base}");
    eprintln!(
        "  webhooks  {}",
        m.get_one::<String>("webhook-url").map_or(
            "not sent (set with --webhook-url or `paystack webhook listen --sim-url`)",
            String::as_str
        )
    );
    eprintln!(
        "  state     {}",
        m.get_one::<String>("state")
            .map_or("in memory", String::as_str)
    );
    eprintln!("  overview  {base}/_sim");
    eprintln!("Try: paystack --profile sim transactions list   (Ctrl-C stops the simulator)");
    let _ = tokio::signal::ctrl_c().await;
    drop(sim);
    Ok(())
}

/// The running simulator and the key of the integration to act on: `--sim-url` (else
/// `--base-url`, else the active profile's URL, else the `sim` profile's), with the key in use
/// (else the `sim` profile's key).
fn target(m: &ArgMatches) -> Result<(String, Option<String>)> {
    let creds = config::credentials(m, false).ok();
    let sim_profile = config::load()?.profiles.remove(config::SIM_PROFILE);
    let url = m
        .get_one::<String>("sim-url")
        .cloned()
        .or_else(|| creds.as_ref().and_then(|c| c.base_url.clone()))
        .or_else(|| sim_profile.as_ref().and_then(|p| p.base_url.clone()))
        .ok_or_else(|| {
            Failure::Validation(
                "no simulator URL: give --sim-url, or start one with `paystack sim serve`".into(),
            )
        })?;
    let key = creds
        .map(|c| c.key_text().to_string())
        .or_else(|| sim_profile.map(|p| p.secret_key));
    config::check_url("the simulator URL", &url)?;
    Ok((url.trim_end_matches('/').to_string(), key))
}

/// Calls a control endpoint of the simulator `m` points at.
async fn control(
    m: &ArgMatches,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> Result<Value> {
    let (base, key) = target(m)?;
    crate::control::call(method, &base, path, body, key.as_deref()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(parse_duration("1d").unwrap(), Duration::from_secs(86_400));
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(5_400));
        assert!(parse_duration("1y").is_err());
        assert!(parse_duration("d").is_err());
    }
}
