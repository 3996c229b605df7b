//! `paystack-sim`: the simulator as a server.
//!
//! ```sh
//! cargo run -p paystack-sim -- --port 7010
//! ```

use std::process::ExitCode;

use paystack_sim::Simulator;

const USAGE: &str = "\
paystack-sim: a stateful local Paystack

USAGE:
    paystack-sim [OPTIONS]

OPTIONS:
    --port <PORT>          port to listen on (default 7010; 0 picks a free one)
    --host <ADDR>          address to listen on (default 127.0.0.1)
    --key <SECRET_KEY>     secret key of the first integration (default: generated sk_test_…)
    --webhook-url <URL>    send the first integration's webhooks here (http:// only)
    --state <PATH>         keep state in this file (redb); survives restarts
    --seed <FILE>          load records from a JSON seed file
    --fault-seed <N>       seed of the RNG behind probabilistic fault rules
    --print-spec           print the bundled OpenAPI spec it serves (JSON) and exit
    -h, --help             show this help
";

struct Args {
    port: u16,
    host: std::net::IpAddr,
    key: Option<String>,
    webhook_url: Option<String>,
    state: Option<String>,
    seed: Option<String>,
    fault_seed: Option<u64>,
}

fn parse(mut it: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut a = Args {
        port: 7010,
        host: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        key: None,
        webhook_url: None,
        state: None,
        seed: None,
        fault_seed: None,
    };
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if flag == "--print-spec" {
            println!("{}", paystack_sim::spec::bundled_json());
            std::process::exit(0);
        }
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "--port" => a.port = value()?.parse().map_err(|_| "--port takes a number")?,
            "--host" => a.host = value()?.parse().map_err(|_| "--host takes an IP address")?,
            "--key" => a.key = Some(value()?),
            "--webhook-url" => a.webhook_url = Some(value()?),
            "--state" => a.state = Some(value()?),
            "--seed" => a.seed = Some(value()?),
            "--fault-seed" => {
                a.fault_seed = Some(
                    value()?
                        .parse()
                        .map_err(|_| "--fault-seed takes a number")?,
                )
            }
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    Ok(Some(a))
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(k) = &args.key {
        if !k.starts_with("sk_test_") {
            eprintln!("--key must be a test secret key (sk_test_…)");
            return ExitCode::from(2);
        }
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    rt.block_on(async move {
        let mut b = Simulator::builder().host(args.host).port(args.port);
        if let Some(k) = args.key {
            b = b.secret_key(k);
        }
        if let Some(u) = &args.webhook_url {
            b = b.webhook_url(u);
        }
        if let Some(s) = &args.state {
            b = b.state(s);
        }
        if let Some(s) = args.fault_seed {
            b = b.fault_seed(s);
        }
        let sim = match b.start().await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("paystack-sim: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(seed) = &args.seed {
            match sim.seed_file(seed) {
                Ok(n) => println!("seeded {n} record(s) from {seed}"),
                Err(e) => {
                    eprintln!("paystack-sim: seed {seed}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let base = sim.base_url();
        println!("paystack-sim listening on {base}");
        println!("  secret key   {}", sim.secret_key());
        println!("  public key   {}", sim.public_key());
        println!(
            "  webhooks     {}",
            args.webhook_url
                .as_deref()
                .unwrap_or("not sent (set with --webhook-url or POST /_sim/webhook)")
        );
        println!(
            "  state        {}",
            args.state.as_deref().unwrap_or("in memory")
        );
        println!("  overview     {base}/_sim");
        println!("  control      {base}/_sim/... (clock, faults, journal, reset, seed)");
        println!(
            "Use it from the SDK with Paystack::builder(KEY).base_url(\"{base}\"). Ctrl-C stops."
        );
        let _ = tokio::signal::ctrl_c().await;
        drop(sim);
        ExitCode::SUCCESS
    })
}
