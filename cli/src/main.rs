//! `paystack`: every Paystack operation, webhooks and the local simulator, from the terminal.
//!
//! The command tree comes from the project's OpenAPI description (see `build.rs`); requests go
//! through the SDK's generic call, so retries, validation and error classes match the typed SDK.

mod check;
mod config;
mod confirm;
mod control;
mod error;
mod mcp;
mod output;
mod raw;
mod request;
mod send;
mod sim;
mod spec;
mod tree;
mod webhook;

use clap::ArgMatches;

use crate::error::Result;

fn main() {
    // reqwest is built without a default TLS provider; the SDK uses ring, and so does the CLI.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let matches = tree::root().get_matches();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the tokio runtime starts");
    if let Err(failure) = runtime.block_on(dispatch(&matches)) {
        eprintln!("{failure}");
        std::process::exit(failure.code());
    }
}

async fn dispatch(m: &ArgMatches) -> Result<()> {
    let (name, sub) = m.subcommand().expect("clap requires a subcommand");
    match name {
        "api" => {
            let (op, req) = raw::build(sub)?;
            send::run(op, req, sub).await
        }
        "config" => config::run(m, sub).map_err(error::Failure::local),
        "webhook" => webhook::run(sub).await,
        "sim" => sim::run(sub).await,
        "mcp" => mcp::run(sub).await,
        "completions" => {
            let shell = sub.get_one::<String>("shell").expect("required");
            print_completions(shell);
            Ok(())
        }
        "man" => match sub.get_one::<String>("dir") {
            Some(dir) => man_pages(std::path::Path::new(dir)),
            None => {
                clap_mangen::Man::new(tree::root()).render(&mut std::io::stdout())?;
                Ok(())
            }
        },
        area => {
            let (action, leaf) = sub.subcommand().expect("clap requires an action");
            let op = spec::find(area, action).expect("commands are built from the table");
            let req = request::build(op, leaf)?;
            send::run(Some(op), req, leaf).await
        }
    }
}

/// One page per command, named after its path (`paystack-transfers-initiate.1`).
fn man_pages(dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut root = tree::root();
    root.build();
    let mut pending = vec![(String::from("paystack"), root)];
    let mut count = 0;
    while let Some((name, cmd)) = pending.pop() {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            pending.push((format!("{name}-{}", sub.get_name()), sub.clone()));
        }
        let mut file = std::fs::File::create(dir.join(format!("{name}.1")))?;
        clap_mangen::Man::new(cmd.name(name)).render(&mut file)?;
        count += 1;
    }
    eprintln!("wrote {count} man pages to {}", dir.display());
    Ok(())
}

fn print_completions(shell: &str) {
    use clap_complete::Shell;
    let shell = match shell {
        "bash" => Shell::Bash,
        "zsh" => Shell::Zsh,
        "fish" => Shell::Fish,
        "powershell" => Shell::PowerShell,
        _ => Shell::Elvish,
    };
    clap_complete::generate(shell, &mut tree::root(), "paystack", &mut std::io::stdout());
}
