//! One case for every exit code in the README's table, and messages that name the host and
//! the cause of a failure.

mod common;

use std::io::Write;

use common::{paystack, run, Counter, TEST_KEY};

const OK: &str = r#"{"status":true,"message":"ok","data":{"currency":"NGN","balance":146347}}"#;

/// The codes of the README's "Exit codes" table.
fn readme_codes() -> Vec<i32> {
    let readme = include_str!("../README.md");
    readme
        .split("## Exit codes")
        .nth(1)
        .expect("the README has an exit code table")
        .lines()
        .filter_map(|l| {
            l.strip_prefix("| ")?
                .split(" |")
                .next()?
                .trim()
                .parse()
                .ok()
        })
        .collect()
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn every_exit_code_in_the_readme_has_a_case() {
    let d = tempfile::tempdir().unwrap();
    let ok = Counter::start(200, OK, false);
    let refused = Counter::start(
        400,
        r#"{"status":false,"message":"Customer not found","code":"not_found"}"#,
        false,
    );
    let lost = Counter::start(200, "", true);
    let broken_config = d.path().join("broken");
    std::fs::create_dir_all(&broken_config).unwrap();
    std::fs::write(broken_config.join("config.json"), "{ not json").unwrap();
    let dead = format!("http://127.0.0.1:{}", closed_port());
    let transfer = |base: &str, yes: &str| {
        format!(
            "transfers initiate --source balance --amount 1500 --recipient RCP_x1y2z3 \
             --reference payout-2026-12-0042 --base-url {base} {yes}"
        )
        .split_whitespace()
        .map(String::from)
        .collect::<Vec<_>>()
    };
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    // (code, key from the environment?, config dir, arguments, text the message must hold)
    let cases: Vec<(i32, bool, &std::path::Path, Vec<String>, &str)> = vec![
        (
            0,
            true,
            d.path(),
            words(&format!("balance fetch --base-url {}", ok.url)),
            "",
        ),
        (
            1,
            false,
            &broken_config,
            words("--profile test balance fetch"),
            "config.json",
        ),
        (
            2,
            true,
            d.path(),
            words("transactions initialize --amount 25.00 --base-url http://127.0.0.1:9"),
            "--email",
        ),
        (
            2,
            true,
            d.path(),
            words("balance fetch --no-such-flag"),
            "--no-such-flag",
        ),
        (
            3,
            true,
            d.path(),
            words(
                "transactions initialize --email ada@ --amount 25.00 --base-url http://127.0.0.1:9",
            ),
            "nothing was sent",
        ),
        (
            4,
            true,
            d.path(),
            words(&format!(
                "customers fetch CUS_none --base-url {}",
                refused.url
            )),
            "Customer not found",
        ),
        (
            5,
            true,
            d.path(),
            words(&format!("balance fetch --base-url {dead}")),
            "connection refused",
        ),
        (
            6,
            true,
            d.path(),
            transfer(&lost.url, "--yes"),
            "outcome unknown",
        ),
        (7, true, d.path(), transfer(&ok.url, ""), "--yes"),
    ];
    let mut covered = Vec::new();
    for (code, env_key, config, args, needle) in &cases {
        let mut cmd = paystack(config);
        if *env_key {
            cmd.env("PAYSTACK_SECRET_KEY", TEST_KEY);
        }
        let (out, err, got) = run(cmd.args(args));
        assert_eq!(got, *code, "{args:?}: {out}{err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains(&TEST_KEY[8..]) && !out.contains(&TEST_KEY[8..]));
        covered.push(*code);
    }
    let mut wanted = readme_codes();
    assert_eq!(wanted, (0..=7).collect::<Vec<_>>(), "the README's table");
    covered.dedup();
    wanted.dedup();
    assert_eq!(covered, wanted);
    // Nothing reached the server for the refused transfer; the lost one was sent.
    assert!(ok
        .seen
        .lock()
        .unwrap()
        .iter()
        .all(|s| s.request_line.starts_with("GET /balance ")));
    assert!(lost.count() >= 1);
}

#[test]
fn network_failures_name_the_host_and_the_cause() {
    let d = tempfile::tempdir().unwrap();
    let fetch = |base: &str| {
        run(paystack(d.path())
            .env("PAYSTACK_SECRET_KEY", TEST_KEY)
            .args(["balance", "fetch", "--base-url", base]))
    };
    let port = closed_port();
    let (_, err, code) = fetch(&format!("http://127.0.0.1:{port}"));
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains(&format!("127.0.0.1:{port}")) && err.contains("connection refused"),
        "{err}"
    );
    assert!(err.contains("nothing was sent"), "{err}");

    // No scheme: say what to add instead of "builder error".
    let (_, err, code) = fetch(&format!("127.0.0.1:{port}"));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("add http:// or https://"), "{err}");
    let (_, err, code) = fetch("localhost:7010");
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("add http:// or https://"), "{err}");

    // A server that does not speak TLS, reached with https://.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let plain_port = plain.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in plain.incoming() {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
        }
    });
    let (_, err, code) = fetch(&format!("https://127.0.0.1:{plain_port}"));
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains(&format!("127.0.0.1:{plain_port}")) && err.contains("TLS"),
        "{err}"
    );

    // A name that cannot resolve (.invalid never does).
    let (_, err, code) = fetch("http://no-such-host.invalid");
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains("no-such-host.invalid") && err.contains("DNS"),
        "{err}"
    );
}

#[test]
fn a_busy_port_suggests_port_0() {
    let d = tempfile::tempdir().unwrap();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let (_, err, code) =
        run(paystack(d.path()).args(["sim", "serve", "--no-profile", "--port", &port]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--port 0") && err.contains(&port), "{err}");
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "listen", "--port", &port]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("--port 0"), "{err}");
}

/// Commands that never send anything do not say "nothing was sent".
#[test]
fn local_commands_do_not_talk_about_sending() {
    let d = tempfile::tempdir().unwrap();
    let body = d.path().join("body.json");
    std::fs::write(
        &body,
        r#"{"event":"charge.success","data":{"amount":5000}}"#,
    )
    .unwrap();
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "verify", "--signature", "00ff"])
        .arg(&body));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("does not verify"), "{err}");
    assert!(!err.contains("sent"), "{err}");
    let (_, err, code) = run(paystack(d.path()).args(["webhook", "sign"]).arg(&body));
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("no secret key") && !err.contains("sent"),
        "{err}"
    );
}

/// `--dry-run` with the key from a profile says how to put that key in the environment, so
/// the printed curl runs as printed; the key itself is never shown.
#[test]
fn dry_run_with_a_profile_prints_the_command_that_exports_its_key() {
    let d = tempfile::tempdir().unwrap();
    let mut child = paystack(d.path())
        .args(["config", "set-key", "--profile", "test"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{TEST_KEY}").unwrap();
    assert!(child.wait().unwrap().success());

    let (out, err, code) =
        run(paystack(d.path()).args(["--profile", "test", "balance", "fetch", "--dry-run"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("$PAYSTACK_SECRET_KEY"), "{out}");
    let export = r#"export PAYSTACK_SECRET_KEY="$(paystack config key --profile test)""#;
    assert!(err.contains(export), "{err}");
    assert!(!out.contains(&TEST_KEY[8..]) && !err.contains(&TEST_KEY[8..]));

    // The exported command gives exactly the key (into a pipe, as $(...) does).
    let (key, err, code) = run(paystack(d.path()).args(["config", "key", "--profile", "test"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(key.trim(), TEST_KEY);

    // With the key in the environment and no profile named, there is nothing to export.
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["balance", "fetch", "--dry-run"]));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("export"), "{err}");
}

/// A server that takes the request and never answers: the message says it timed out, and
/// names the host. A read that changes nothing is exit 5; a transfer is an unknown outcome.
#[test]
fn a_timeout_is_named_as_one() {
    let d = tempfile::tempdir().unwrap();
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming().flatten() {
            held.push(stream);
        }
    });
    let base = format!("http://127.0.0.1:{port}");
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args([
            "balance",
            "fetch",
            "--request-timeout",
            "1",
            "--base-url",
            &base,
        ]));
    assert_eq!(code, 5, "{err}");
    assert!(
        err.contains(&format!("127.0.0.1:{port}")) && err.contains("timed out"),
        "{err}"
    );
}
