//! `paystack sim ...`: run and drive the local simulator (the `paystack-sim` crate).

use clap::{ArgMatches, Command};

use crate::error::{Failure, Result};

/// `paystack sim ...`
pub fn command() -> Command {
    Command::new("sim").about("Run and drive the local Paystack simulator")
}

/// Runs `paystack sim ...`.
pub async fn run(_m: &ArgMatches) -> Result<()> {
    Err(Failure::Other(
        "the simulator commands arrive with the paystack-sim crate".into(),
    ))
}

/// Points a running simulator's webhooks at `url`.
pub async fn set_webhook_url(_sim: &str, _url: &str) -> Result<()> {
    Err(Failure::Other(
        "the simulator commands arrive with the paystack-sim crate".into(),
    ))
}
