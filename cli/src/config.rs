//! Where the secret key comes from: `PAYSTACK_SECRET_KEY`, or a profile in the config file.
//!
//! The config file is JSON at `$PAYSTACK_CONFIG`, else `$XDG_CONFIG_HOME/paystack/config.json`,
//! else `~/.config/paystack/config.json`, written with mode 0600. Keys are read from stdin by
//! `paystack config set-key`, never from argv, and never printed (listings show the mode only).
//! No OS keyring is used: see the README for why.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Arg, ArgMatches, Command};
use paystack::{Mode, SecretKey};
use serde::{Deserialize, Serialize};

use crate::error::{Failure, Result};

/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";

/// The profile `paystack sim serve` writes: the simulator's URL and test key.
pub const SIM_PROFILE: &str = "sim";

/// The config file's contents.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One named key, with an optional base URL (the simulator's, say).
#[derive(Default, Serialize, Deserialize)]
pub struct Profile {
    pub secret_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("secret_key", &"[redacted]")
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// The config file's path.
pub fn path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("PAYSTACK_CONFIG") {
        return Ok(PathBuf::from(p));
    }
    let base = match std::env::var_os("XDG_CONFIG_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(
            std::env::var_os("HOME")
                .ok_or_else(|| Failure::Other("neither PAYSTACK_CONFIG nor HOME is set".into()))?,
        )
        .join(".config"),
    };
    Ok(base.join("paystack").join("config.json"))
}

/// Reads the config file; a missing file is an empty config.
pub fn load() -> Result<Config> {
    let p = path()?;
    match std::fs::read_to_string(&p) {
        Ok(text) => {
            serde_json::from_str(&text).map_err(|e| Failure::Other(format!("{}: {e}", p.display())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(Failure::Other(format!("{}: {e}", p.display()))),
    }
}

/// Writes the config file, readable by its owner only.
pub fn save(config: &Config) -> Result<PathBuf> {
    let p = path()?;
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(config).expect("config serializes");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&p)
        .map_err(|e| Failure::Other(format!("{}: {e}", p.display())))?;
    // An existing file keeps its old mode on open; tighten it too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(text.as_bytes())?;
    Ok(p)
}

/// The key and base URL a command runs with. Its `Debug` never shows the key.
pub struct Credentials {
    pub key: SecretKey,
    /// The key's text, for the SDK's builders (which take a string); kept private.
    text: String,
    pub base_url: Option<String>,
}

impl Credentials {
    /// The key's text, to hand to `Paystack::builder` or `Webhook::new` only.
    pub fn key_text(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("key", &self.key)
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// Finds the key: a profile named with `--profile`, else `PAYSTACK_SECRET_KEY`, else the
/// default profile. A live key is refused unless `live` is set.
pub fn credentials(m: &ArgMatches, live: bool) -> Result<Credentials> {
    let named = m.get_one::<String>("profile").cloned();
    let (key, profile_url, source) = match (&named, std::env::var(paystack::SECRET_KEY_ENV)) {
        (None, Ok(key)) if !key.trim().is_empty() => {
            (key, None, paystack::SECRET_KEY_ENV.to_string())
        }
        _ => {
            let name = named.unwrap_or_else(|| DEFAULT_PROFILE.to_string());
            let mut config = load()?;
            let profile = config.profiles.remove(&name).ok_or_else(|| {
                Failure::Validation(format!(
                    "no secret key: set {} or save one with `paystack config set-key --profile \
                     {name}` (it reads the key from stdin)",
                    paystack::SECRET_KEY_ENV
                ))
            })?;
            (
                profile.secret_key,
                profile.base_url,
                format!("profile {name}"),
            )
        }
    };
    let text = key.trim().to_string();
    let key = SecretKey::parse(key)
        .map_err(|e| Failure::Validation(format!("the key from {source}: {e}")))?;
    if key.mode() == Mode::Live && !live {
        return Err(Failure::Guard(format!(
            "the key from {source} is a live key (real money); add --live to use it"
        )));
    }
    let base_url = m.get_one::<String>("base-url").cloned().or(profile_url);
    if let Some(url) = &base_url {
        check_url("the base URL", url)?;
    }
    Ok(Credentials {
        key,
        text,
        base_url,
    })
}

/// The profile the key of a command comes from, when it comes from one (the same choice as
/// [`credentials`]) and that profile exists.
pub fn profile_in_use(m: &ArgMatches) -> Option<String> {
    let named = m.get_one::<String>("profile").cloned();
    let from_env = std::env::var(paystack::SECRET_KEY_ENV).is_ok_and(|k| !k.trim().is_empty());
    if named.is_none() && from_env {
        return None;
    }
    let name = named.unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    load().ok()?.profiles.contains_key(&name).then_some(name)
}

/// Refuses a URL the HTTP client cannot use, saying how to fix it.
pub fn check_url(what: &str, url: &str) -> Result<()> {
    if !url.contains("://") {
        return Err(Failure::Validation(format!(
            "{what} {url:?} has no scheme: add http:// or https:// (e.g. http://{url})"
        )));
    }
    match reqwest::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(()),
        Ok(u) => Err(Failure::Validation(format!(
            "{what} {url:?} is not an http:// or https:// URL (its scheme is {})",
            u.scheme()
        ))),
        Err(e) => Err(Failure::Validation(format!(
            "{what} {url:?} is not a URL: {e}"
        ))),
    }
}

/// `paystack config ...`
pub fn command() -> Command {
    let profile = || {
        Arg::new("name")
            .long("name")
            .value_name("PROFILE")
            .help("Profile name [default: the global --profile, else \"default\"]")
    };
    Command::new("config")
        .about("Save secret keys as named profiles (the key is read from stdin)")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(
            "Examples:\n  paystack config set-key --profile test < key.txt\n  \
             paystack config list\n  paystack --profile test balance fetch",
        )
        .subcommand(
            Command::new("set-key")
                .about("Read a secret key from stdin and save it under a profile (file mode 0600)")
                .arg(profile())
                .arg(
                    Arg::new("profile-base-url")
                        .long("profile-base-url")
                        .value_name("URL")
                        .help("Base URL to use with this profile (e.g. a simulator)"),
                ),
        )
        .subcommand(Command::new("list").about("List profiles (keys are never shown)"))
        .subcommand(
            Command::new("key")
                .about("Write a profile's key into a pipe or $(...), never onto a terminal")
                .long_about(
                    "Write a profile's key to stdout when stdout is a pipe, so that \
                     `export PAYSTACK_SECRET_KEY=\"$(paystack config key --profile test)\"` puts \
                     it in the environment (for the curl commands --dry-run prints) without \
                     showing it. Refused when stdout is a terminal.",
                )
                .arg(profile()),
        )
        .subcommand(
            Command::new("remove")
                .about("Delete a profile")
                .arg(profile()),
        )
        .subcommand(Command::new("path").about("Print the config file's path"))
}

fn profile_name(top: &ArgMatches, sub: &ArgMatches) -> String {
    sub.get_one::<String>("name")
        .or_else(|| top.get_one::<String>("profile"))
        .cloned()
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string())
}

/// Runs `paystack config ...`.
pub fn run(top: &ArgMatches, m: &ArgMatches) -> Result<()> {
    match m.subcommand() {
        Some(("set-key", sub)) => {
            let name = profile_name(top, sub);
            let typed = std::io::stdin().is_terminal();
            if typed {
                eprint!("Paste the secret key for profile {name} and press Enter: ");
                // Best effort: keep the key off the screen while it is typed.
                echo(false);
            }
            let mut line = String::new();
            let read = std::io::stdin().lock().read_line(&mut line);
            if typed {
                echo(true);
                eprintln!();
            }
            read?;
            let key = SecretKey::parse(line.trim())?;
            let mut config = load()?;
            config.profiles.insert(
                name.clone(),
                Profile {
                    secret_key: line.trim().to_string(),
                    base_url: sub.get_one::<String>("profile-base-url").cloned(),
                },
            );
            let p = save(&config)?;
            eprintln!(
                "saved a {} key as profile {name} in {}",
                mode_name(key.mode()),
                p.display()
            );
            Ok(())
        }
        Some(("list", _)) => {
            let config = load()?;
            for (name, profile) in &config.profiles {
                let mode = SecretKey::parse(profile.secret_key.as_str())
                    .map(|k| mode_name(k.mode()))
                    .unwrap_or("invalid");
                let url = profile
                    .base_url
                    .as_deref()
                    .unwrap_or(paystack::DEFAULT_BASE_URL);
                println!("{name}\t{mode} key\t{url}");
            }
            Ok(())
        }
        Some(("key", sub)) => {
            let name = profile_name(top, sub);
            if std::io::stdout().is_terminal() {
                return Err(Failure::Guard(format!(
                    "the key is not shown on a terminal; use it as export {}=\"$(paystack \
                     config key --profile {name})\"",
                    paystack::SECRET_KEY_ENV
                )));
            }
            let profile = load()?
                .profiles
                .remove(&name)
                .ok_or_else(|| Failure::Other(format!("no profile named {name}")))?;
            println!("{}", profile.secret_key.trim());
            Ok(())
        }
        Some(("remove", sub)) => {
            let name = profile_name(top, sub);
            let mut config = load()?;
            if config.profiles.remove(&name).is_none() {
                return Err(Failure::Other(format!("no profile named {name}")));
            }
            save(&config)?;
            eprintln!("removed profile {name}");
            Ok(())
        }
        Some(("path", _)) => {
            println!("{}", path()?.display());
            Ok(())
        }
        _ => unreachable!("clap requires a subcommand"),
    }
}

/// Turns the terminal's echo off or on with `stty`, where there is one.
fn echo(on: bool) {
    let _ = std::process::Command::new("stty")
        .arg(if on { "echo" } else { "-echo" })
        .stdin(std::process::Stdio::inherit())
        .status();
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Test => "test",
        Mode::Live => "live",
    }
}
