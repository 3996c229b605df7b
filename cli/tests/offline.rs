//! The binary's guards, exit codes, keys and webhook commands, against local test servers.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use common::{paystack, run, Counter, LIVE_KEY, TEST_KEY};

const OK_LIST: &str = r#"{"status":true,"message":"ok","data":[],"meta":{"page":1,"pageCount":1}}"#;

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn assert_no_key(texts: &[&str]) {
    for t in texts {
        assert!(!t.contains(&TEST_KEY[8..]), "key leaked: {t}");
    }
}

#[test]
fn dry_run_prints_curl_with_the_key_masked_and_sends_nothing() {
    let d = dir();
    let server = Counter::start(200, OK_LIST, false);
    let (out, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["transactions", "initialize", "--email", "ada@example.com"])
        .args(["--amount", "2500.50", "--currency", "NGN", "--dry-run"])
        .args(["--base-url", &server.url]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim(),
        format!(
            "curl -X POST '{}/transaction/initialize' -H \"Authorization: Bearer $PAYSTACK_SECRET_KEY\" \
             -H 'Content-Type: application/json' -d '{{\"amount\":250050,\"currency\":\"NGN\",\"email\":\"ada@example.com\"}}'",
            server.url
        )
    );
    assert_no_key(&[&out, &err]);
    assert_eq!(server.count(), 0);
}

#[test]
fn a_live_key_is_refused_without_live() {
    let d = dir();
    let server = Counter::start(200, OK_LIST, false);
    let base = ["--base-url", server.url.as_str()];
    let (out, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", LIVE_KEY)
        .args(["balance", "fetch"])
        .args(base));
    assert_eq!(code, 7, "{err}");
    assert!(err.contains("--live"), "{err}");
    assert!(!err.contains(&LIVE_KEY[8..]) && !out.contains(&LIVE_KEY[8..]));
    assert_eq!(server.count(), 0);

    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", LIVE_KEY)
        .args(["balance", "fetch", "--live", "--format", "json"])
        .args(base));
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.count(), 1);
}

#[test]
fn money_moving_commands_need_yes_when_not_interactive() {
    let d = dir();
    let server = Counter::start(
        200,
        r#"{"status":true,"message":"queued","data":{}}"#,
        false,
    );
    let transfer = |yes: bool| {
        let mut cmd = paystack(d.path());
        cmd.env("PAYSTACK_SECRET_KEY", TEST_KEY)
            .args([
                "transfers",
                "initiate",
                "--source",
                "balance",
                "--amount",
                "1500",
            ])
            .args([
                "--recipient",
                "RCP_x1y2z3",
                "--reference",
                "payout-2026-11-0001",
            ])
            .args(["--base-url", &server.url, "--format", "json"]);
        if yes {
            cmd.arg("--yes");
        }
        run(&mut cmd)
    };
    let (_, err, code) = transfer(false);
    assert_eq!(code, 7, "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(
        server.count(),
        0,
        "nothing may be sent without confirmation"
    );

    let (out, err, code) = transfer(true);
    assert_eq!(code, 0, "{err}");
    assert_eq!(server.count(), 1);
    let seen = server.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.request_line, "POST /transfer HTTP/1.1");
    let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap();
    assert_eq!(body["amount"], 150000);
    assert_eq!(body["reference"], "payout-2026-11-0001");
    assert!(out.contains("\"queued\""), "{out}");
}

#[test]
fn bad_input_exits_3_before_sending() {
    let d = dir();
    let server = Counter::start(200, OK_LIST, false);
    for args in [
        "transactions initialize --email ada@example.com --amount 12.345",
        "transactions initialize --email not-an-email --amount 12.34",
        "transactions initialize --email ada@example.com --amount=-5",
        // clap hands "-5" to the amount check instead of reading it as a flag.
        "transactions initialize --email ada@example.com --amount -5",
        // A decimal comma would be a 100-fold misreading: refused.
        "transactions initialize --email ada@example.com --amount 2,50",
        // Above Paystack's per-transaction maximum of 10,000,000.00.
        "transactions initialize --email ada@example.com --amount 10,000,000.01",
        // Below the currency's minimum.
        "transactions initialize --email ada@example.com --amount 10 --currency NGN",
        "transfers initiate --source balance --amount 10 --recipient RCP_1 --reference Short --yes",
        // A customer code where a recipient code belongs.
        "transfers initiate --source balance --amount 10 --recipient CUS_x1y2z3 --reference payout-2026-12-0001 --yes",
        "customers fetch RCP_x1y2z3",
        // The spec types this id as an integer.
        "disputes fetch CUS_x1y2z3",
        "transactions list --per-page ten",
    ] {
        let (_, err, code) = run(paystack(d.path())
            .env("PAYSTACK_SECRET_KEY", TEST_KEY)
            .args(args.split_whitespace())
            .args(["--base-url", &server.url]));
        assert_eq!(code, 3, "{args:?}: {err}");
        assert!(err.contains("nothing was sent"), "{err}");
    }
    assert_eq!(server.count(), 0);
}

#[test]
fn exit_codes_tell_api_errors_from_transport_errors_and_unknown_outcomes() {
    let d = dir();
    let refused = Counter::start(
        400,
        r#"{"status":false,"message":"Customer not found","code":"not_found"}"#,
        false,
    );
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["customers", "fetch", "CUS_none", "--base-url", &refused.url]));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("Customer not found"), "{err}");

    // Nothing listens on a port just released: the request never left.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["balance", "fetch", "--base-url", &url]));
    assert_eq!(code, 5, "{err}");

    // A transfer whose answer is lost may have been processed.
    let lost = Counter::start(200, "", true);
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args([
            "transfers",
            "initiate",
            "--source",
            "balance",
            "--amount",
            "1500",
        ])
        .args([
            "--recipient",
            "RCP_x1y2z3",
            "--reference",
            "payout-2026-11-0002",
            "--yes",
        ])
        .args(["--base-url", &lost.url]));
    assert_eq!(code, 6, "{err}");
    assert!(err.contains("outcome unknown"), "{err}");
    assert!(lost.count() >= 1);
    assert_no_key(&[&err]);
}

#[test]
fn profiles_keep_the_key_in_a_private_file_and_never_show_it() {
    let d = dir();
    let server = Counter::start(200, OK_LIST, false);
    let mut child = paystack(d.path())
        .args(["config", "set-key", "--profile", "test"])
        .args(["--profile-base-url", &server.url])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{TEST_KEY}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let file = d.path().join("config.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let (out, err, code) = run(paystack(d.path()).args(["config", "list"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), format!("test\ttest key\t{}", server.url));
    assert_no_key(&[&out, &err]);

    let (out, err, code) = run(paystack(d.path()).args([
        "--profile",
        "test",
        "transactions",
        "list",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_no_key(&[&out, &err]);
    let seen = server.seen.lock().unwrap()[0].clone();
    assert!(
        seen.request_line.starts_with("GET /transaction "),
        "{seen:?}"
    );
    assert!(seen
        .headers
        .contains(&("authorization".into(), format!("Bearer {TEST_KEY}"))));

    let (_, err, code) = run(paystack(d.path()).args(["--profile", "other", "balance", "fetch"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("config set-key"), "{err}");
}

#[test]
fn webhook_sign_and_verify_agree_and_catch_tampering() {
    let d = dir();
    let body = d.path().join("body.json");
    std::fs::write(
        &body,
        r#"{"event":"transfer.success","data":{"reference":"payout-1","amount":90000}}"#,
    )
    .unwrap();
    let (sig, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "sign"])
        .arg(&body));
    assert_eq!(code, 0, "{err}");
    let sig = sig.trim().to_string();
    assert_eq!(
        sig,
        paystack::webhook::sign(TEST_KEY, std::fs::read(&body).unwrap())
    );

    let (out, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "verify", "--signature", &sig])
        .arg(&body));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("valid: transfer.success  reference=payout-1  amount=900.00"),
        "{out}"
    );

    std::fs::write(
        &body,
        r#"{"event":"transfer.success","data":{"reference":"payout-1","amount":99000}}"#,
    )
    .unwrap();
    // This time the body comes on stdin.
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "verify", "--signature", &sig])
        .stdin(std::fs::File::open(&body).unwrap()));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("does not verify"), "{err}");
}

#[test]
fn trigger_into_listen_reaches_the_receiver_with_a_valid_signature() {
    let d = dir();
    let receiver = Counter::start(200, "{}", false);
    let mut listener = paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "listen", "--port", "0", "--max-events", "1"])
        .args(["--forward-to", &format!("{}/hooks", receiver.url)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(listener.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("the listener prints its URL").unwrap();
        if let Some(url) = line.strip_prefix("listening on ") {
            break url.to_string();
        }
    };
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args(["webhook", "trigger", "charge.success", "--to", &url])
        .args([
            "--set",
            "data.amount=5000",
            "--set",
            "data.reference=order-5000",
        ]));
    assert_eq!(code, 0, "{err}");
    let out = listener.wait_with_output().unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.starts_with(
            "charge.success  reference=order-5000  amount=50.00 (5000 subunits)  domain=test  dedupe="
        ),
        "{printed}"
    );

    assert_eq!(receiver.count(), 1);
    let seen = receiver.seen.lock().unwrap()[0].clone();
    assert_eq!(seen.request_line, "POST /hooks HTTP/1.1");
    let sig = seen
        .headers
        .iter()
        .find(|(k, _)| k == "x-paystack-signature")
        .map(|(_, v)| v.clone());
    let event = paystack::webhook::Webhook::new(TEST_KEY)
        .unwrap()
        .parse(sig.as_deref(), &seen.body)
        .expect("the forwarded delivery verifies");
    assert_eq!(event.name(), "charge.success");
    assert_eq!(event.amount().unwrap().subunits(), 5000);
}

#[test]
fn trigger_knows_all_33_events_and_refuses_others() {
    let d = dir();
    let (out, _, code) = run(paystack(d.path()).args(["webhook", "trigger", "--list"]));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 33);
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", TEST_KEY)
        .args([
            "webhook",
            "trigger",
            "charge.nothing",
            "--to",
            "http://127.0.0.1:9/",
        ]));
    assert_eq!(code, 3, "{err}");
}

#[test]
fn every_area_shows_examples_in_its_help() {
    let d = dir();
    let (top, _, code) = run(paystack(d.path()).arg("--help"));
    assert_eq!(code, 0);
    assert!(top.contains("Exit codes:"), "{top}");
    let areas: Vec<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| l.as_bytes().get(2).is_some_and(|b| b.is_ascii_lowercase()))
        .map(|l| l.split_whitespace().next().unwrap())
        .filter(|name| {
            ![
                "api",
                "config",
                "webhook",
                "sim",
                "mcp",
                "completions",
                "man",
                "help",
            ]
            .contains(name)
        })
        .collect();
    assert_eq!(areas.len(), 29, "{areas:?}");
    for area in areas {
        let (help, err, code) = run(paystack(d.path()).args([area, "--help"]));
        assert_eq!(code, 0, "{err}");
        let examples = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{help}"));
        assert!(
            examples.contains(&format!("paystack {area} ")),
            "{area}: {help}"
        );
    }
}

#[test]
fn completions_and_man_page_are_generated() {
    let d = dir();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (out, err, code) = run(paystack(d.path()).args(["completions", shell]));
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("transfer-recipients"), "{shell}");
    }
    let (out, _, code) = run(paystack(d.path()).arg("man"));
    assert_eq!(code, 0);
    assert!(out.contains(".TH paystack 1"), "{}", &out[..200]);

    let pages = d.path().join("man");
    let (_, err, code) = run(paystack(d.path()).args(["man", "--dir"]).arg(&pages));
    assert_eq!(code, 0, "{err}");
    // The root, 29 areas with 170 operations, and the fixed commands with theirs.
    let count = std::fs::read_dir(&pages).unwrap().count();
    assert!(count > 1 + 29 + 170, "{count}");
    let page = std::fs::read_to_string(pages.join("paystack-transfers-initiate.1")).unwrap();
    assert!(page.contains("POST /transfer"), "{page}");
}

#[test]
fn bodies_come_from_input_files_with_flags_on_top() {
    let d = dir();
    let file = d.path().join("body.json");
    let body = r#"{"email": "old@example.com", "amount": 90000, "metadata": {"cart": 7}}"#;
    std::fs::write(&file, body).unwrap();
    let (out, err, code) = run(paystack(d.path())
        .args(["transactions", "initialize", "--email", "new@example.com"])
        .args(["--dry-run", "--input"])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    let sent = r#"-d '{"amount":90000,"email":"new@example.com","metadata":{"cart":7}}'"#;
    assert!(out.trim_end().ends_with(sent), "{out}");

    // A bare-array body (bulk charges) is given whole. It moves money, but a dry run sends
    // nothing, so it needs no --yes.
    let items = r#"[{"authorization": "AUTH_a1", "amount": 5000, "reference": "bc-1"}]"#;
    std::fs::write(&file, items).unwrap();
    let (out, err, code) = run(paystack(d.path())
        .args(["bulk-charges", "initiate", "--dry-run", "--input"])
        .arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("/bulkcharge'") && out.contains(r#"[{"amount":5000"#),
        "{out}"
    );

    let (_, err, code) = run(paystack(d.path()).args(["bulk-charges", "initiate", "--dry-run"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("--input"), "{err}");
}

/// On a terminal the money guard asks; only "y" sends. `script` (util-linux, in every Debian
/// install) gives the command a pseudo-terminal.
#[test]
fn on_a_terminal_a_money_moving_command_asks_first() {
    let d = dir();
    let server = Counter::start(
        200,
        r#"{"status":true,"message":"queued","data":{}}"#,
        false,
    );
    let command = format!(
        "{} transfers initiate --source balance --amount 20 --recipient RCP_x1y2z3 \
         --reference payout-2026-11-0003 --format json --base-url {}",
        env!("CARGO_BIN_EXE_paystack"),
        server.url
    );
    let answer = |reply: &str| {
        let mut child = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &command, "/dev/null"])
            .env("PAYSTACK_SECRET_KEY", TEST_KEY)
            .env("PAYSTACK_CONFIG", d.path().join("config.json"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("script(1) runs");
        // Answer once the prompt is up; the command reads one line.
        std::thread::sleep(std::time::Duration::from_millis(300));
        writeln!(child.stdin.take().unwrap(), "{reply}").unwrap();
        let out = child.wait_with_output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code(),
        )
    };
    let posts = || {
        server
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.request_line.starts_with("POST /transfer "))
            .count()
    };
    let (screen, code) = answer("n");
    // This server's lookup answer has no recipient details: the code stands in for them.
    assert!(
        screen.contains(
            "Transfer 20.00 (in the integration's default currency) to RCP_x1y2z3, \
             reference payout-2026-11-0003? [y/N]"
        ),
        "{screen}"
    );
    assert_eq!(code, Some(7), "{screen}");
    assert_eq!(posts(), 0);

    let (screen, code) = answer("y");
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(posts(), 1);
    // Only GETs for the recipient besides the one transfer.
    let seen = server.seen.lock().unwrap().clone();
    assert!(
        seen.iter()
            .all(|s| s.request_line.starts_with("POST /transfer ")
                || s.request_line
                    .starts_with("GET /transferrecipient/RCP_x1y2z3 ")),
        "{seen:?}"
    );
}

#[test]
fn the_sdks_messages_reach_the_user() {
    let d = dir();
    // (arguments, texts the message holds); nothing listens at the base URL, and nothing is
    // sent: each is refused first.
    let cases: &[(&str, &[&str])] = &[
        (
            "transactions initialize --email ada@example.com --amount 2,50",
            &["--amount", "use `.` for decimals"],
        ),
        (
            "transactions initialize --email ada@example.com --amount -5",
            &["--amount", "sign"],
        ),
        (
            "transfers initiate --source balance --amount 10 --recipient CUS_x1y2z3 --reference payout-2026-12-0001 --yes",
            &["--recipient", "RCP_", "CUS_x1y2z3"],
        ),
        // Bodies from -f and --input are checked the same way (amounts there are subunits).
        (
            "api POST /transfer -f recipient=CUS_x1y2z3 -f amount=500 --yes",
            &["RCP_"],
        ),
        (
            "refunds create --transaction order-1 -f amount=25.5 --yes",
            &["whole number of subunits"],
        ),
    ];
    for (args, needles) in cases {
        let (_, err, code) = run(paystack(d.path())
            .env("PAYSTACK_SECRET_KEY", TEST_KEY)
            .args(args.split_whitespace())
            .args(["--base-url", "http://127.0.0.1:9"]));
        assert_eq!(code, 3, "{args}: {err}");
        for needle in *needles {
            assert!(err.contains(needle), "{args}: {err}");
        }
    }
}

/// Help shows examples that pass the CLI's own checks: a transfer reference of 16 to 50
/// characters and codes with the right prefix.
#[test]
fn help_examples_use_valid_references_and_codes() {
    let d = dir();
    let (help, _, code) = run(paystack(d.path()).args(["transfers", "initiate", "--help"]));
    assert_eq!(code, 0);
    // Help wraps long lines: the example is every indented line after "Example:".
    let example = help
        .lines()
        .skip_while(|l| !l.starts_with("Example:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(example.contains("--recipient RCP_"), "{example}");
    let reference = example
        .split("--reference ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap();
    paystack::validate::transfer_reference(reference).unwrap();
    // The example runs as shown (as a dry run, which sends nothing).
    let args: Vec<&str> = example.split_whitespace().skip(1).collect();
    let (out, err, code) = run(paystack(d.path()).args(&args).arg("--dry-run"));
    assert_eq!(code, 0, "{example}: {err}");
    assert!(out.contains("/transfer'"), "{out}");
}
