//! The binary end to end against the simulator: a command in every area, `--all`, the money
//! guard checked through the simulator's request journal, and the simulator commands.

mod common;

use std::path::Path;

use common::{paystack, run};
use paystack_sim::Simulator;
use serde_json::Value;

/// Runs `paystack ARGS --format json` against `sim` (ARGS split at spaces) and returns the
/// decoded answer.
fn ok(sim: &Simulator, dir: &Path, args: &str) -> Value {
    let (out, err, code) = run(paystack(dir)
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args(args.split_whitespace())
        .args(["--base-url", &sim.base_url(), "--format", "json"]));
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// One command per API area, each answered `status: true` by the simulator and recorded in its
/// journal under the operation the command names.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_area_has_a_working_command() {
    let sim = Simulator::start().await.unwrap();
    // A payment for Capitec Pay's requery to find.
    sim.seed(&serde_json::json!({"transaction": [
        {"reference": "cap-8812", "status": "success", "amount": 120000, "currency": "ZAR"}
    ]}))
    .unwrap();
    let d = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str)] = &[
        ("applePay_listDomain", "apple-pay list-domain"),
        ("balance_fetch", "balance fetch"),
        ("bank_list", "banks list --country nigeria"),
        ("bulkCharge_list", "bulk-charges list"),
        ("capitecPay_requery", "capitec-pay requery cap-8812"),
        (
            "charge_create",
            "charges create --email ada@example.com --amount 75.00 --yes",
        ),
        (
            "customer_create",
            "customers create --email ada@example.com --first-name Ada",
        ),
        (
            "dedicatedAccount_availableProviders",
            "dedicated-accounts available-providers",
        ),
        (
            "directdebit_listMandateAuthorizations",
            "direct-debit list-mandate-authorizations",
        ),
        ("dispute_list", "disputes list"),
        (
            "integration_fetchPaymentSessionTimeout",
            "integration fetch-payment-session-timeout",
        ),
        ("miscellaneous_listCountries", "misc list-countries"),
        ("order_list", "orders list"),
        (
            "page_create",
            "pages create --name Donations --amount 100.00",
        ),
        ("paymentRequest_list", "payment-requests list"),
        ("preauthorization_list", "preauthorizations list"),
        (
            "plan_create",
            "plans create --name Gold --amount 5000.00 --interval monthly",
        ),
        (
            "product_create",
            "products create --name Mug --description Mugs --price 20.00 --currency NGN",
        ),
        ("refund_list", "refunds list"),
        ("settlements_fetch", "settlements fetch"),
        ("split_list", "splits list"),
        ("storefront_list", "storefronts list"),
        ("subaccount_list", "subaccounts list"),
        ("subscription_list", "subscriptions list"),
        ("terminal_list", "terminals list"),
        (
            "transaction_initialize",
            "transactions initialize --email ada@example.com --amount 2500.00 --currency NGN --reference order-1042",
        ),
        (
            "transfer_list",
            "transfers list --status success",
        ),
        ("transferrecipient_list", "transfer-recipients list"),
        ("virtualTerminal_list", "virtual-terminals list"),
    ];
    let mut areas: Vec<&str> = cases
        .iter()
        .map(|(_, args)| args.split(' ').next().unwrap())
        .collect();
    areas.dedup();
    assert_eq!(areas.len(), 29, "one case per area");
    for (operation, args) in cases {
        sim.clear_journal();
        let answer = ok(&sim, d.path(), args);
        assert_eq!(answer["status"], true, "{args:?}: {answer}");
        let journal = sim.journal();
        assert_eq!(journal.len(), 1, "{args:?}: {journal:?}");
        assert_eq!(
            journal[0].operation.as_deref(),
            Some(*operation),
            "{args:?}"
        );
        assert!(journal[0].status < 300, "{args:?}: {journal:?}");
    }

    // Amounts go out in subunits, thousands separators and all.
    sim.clear_journal();
    ok(
        &sim,
        d.path(),
        "transactions initialize --email bo@example.com --amount 1,250.5",
    );
    assert_eq!(sim.journal()[0].body["amount"], 125050);

    // State is real: a created customer can be fetched back by its code.
    let created = ok(&sim, d.path(), "customers create --email cy@example.com");
    let code = created["data"]["customer_code"].as_str().unwrap();
    let fetched = ok(&sim, d.path(), &format!("customers fetch {code}"));
    assert_eq!(fetched["data"]["email"], "cy@example.com");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_walks_every_page_as_ndjson() {
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    for i in 0..7 {
        let email = format!("buyer{i}@example.com");
        ok(&sim, d.path(), &format!("customers create --email {email}"));
    }
    sim.clear_journal();
    let (out, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args(["customers", "list", "--per-page", "3", "--all"])
        .args(["--base-url", &sim.base_url()]));
    assert_eq!(code, 0, "{err}");
    let emails: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["email"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(emails.len(), 7, "{out}");
    let mut unique = emails.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 7, "no record twice: {emails:?}");
    let pages: Vec<String> = sim.journal().iter().map(|e| e.query.clone()).collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages.iter().all(|q| q.contains("perPage=3")), "{pages:?}");

    // The same walk by cursor: follows meta.next until it runs out.
    sim.clear_journal();
    let (out, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args([
            "customers",
            "list",
            "--use-cursor",
            "true",
            "--per-page",
            "3",
            "--all",
        ])
        .args(["--base-url", &sim.base_url(), "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let mut by_cursor: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["email"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    by_cursor.sort();
    assert_eq!(by_cursor, unique);
    let queries: Vec<String> = sim.journal().iter().map(|e| e.query.clone()).collect();
    assert_eq!(queries.len(), 3, "{queries:?}");
    assert!(
        !queries[0].contains("next=") && queries[1..].iter().all(|q| q.contains("next=")),
        "{queries:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_without_yes_never_reaches_the_simulator() {
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    sim.clear_journal();
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args([
            "transfers",
            "initiate",
            "--source",
            "balance",
            "--amount",
            "1000",
        ])
        .args([
            "--recipient",
            "RCP_a1b2c3",
            "--reference",
            "payout-nov-000001",
        ])
        .args(["--base-url", &sim.base_url()]));
    assert_eq!(code, 7, "{err}");
    assert!(sim.journal().is_empty(), "{:?}", sim.journal());

    // The raw escape hatch follows the same rule for the same operation.
    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args([
            "api",
            "POST",
            "/transfer",
            "-f",
            "amount=100000",
            "-f",
            "source=balance",
        ])
        .args(["--base-url", &sim.base_url()]));
    assert_eq!(code, 7, "{err}");
    assert!(sim.journal().is_empty(), "{:?}", sim.journal());

    let (_, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args(["api", "GET", "/balance"])
        .args(["--base-url", &sim.base_url()]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(sim.journal().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_errors_from_the_simulator_exit_4() {
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    for args in [
        "customers fetch CUS_nobody",
        // The raw hatch skips the CLI's checks, so the simulator's own validation answers.
        "api POST /customer -f first_name=Ada",
    ] {
        let (out, err, code) = run(paystack(d.path())
            .env("PAYSTACK_SECRET_KEY", sim.secret_key())
            .args(args.split_whitespace())
            .args(["--base-url", &sim.base_url()]));
        assert_eq!(code, 4, "{args:?}: {err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("HTTP 4"), "{err}");
    }
}

/// Initialize with the CLI, pay on the simulator, verify with the CLI; the simulator's signed
/// `charge.success` goes through `webhook listen` (which verifies it) to a test receiver.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pay_verify_and_the_simulators_webhook_through_listen() {
    use std::io::BufRead;
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    let receiver = common::Counter::start(200, "{}", false);
    let mut listener = paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args(["webhook", "listen", "--port", "0", "--max-events", "1"])
        .args(["--forward-to", &receiver.url])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(listener.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("the listener prints its URL").unwrap();
        if let Some(url) = line.strip_prefix("listening on ") {
            break url.to_string();
        }
    };
    sim.set_webhook_url(url);

    ok(
        &sim,
        d.path(),
        "transactions initialize --email ada@example.com --amount 2500.00 --currency NGN --reference order-2077",
    );
    sim.pay("order-2077", paystack_sim::PayOutcome::Success)
        .unwrap();
    let verified = ok(&sim, d.path(), "transactions verify order-2077");
    assert_eq!(verified["data"]["status"], "success", "{verified}");
    assert_eq!(verified["data"]["amount"], 250000);

    let out = tokio::task::spawn_blocking(move || listener.wait_with_output().unwrap())
        .await
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.starts_with("charge.success  reference=order-2077  amount=2500.00"),
        "{printed}"
    );
    assert_eq!(receiver.count(), 1);
    let seen = receiver.seen.lock().unwrap()[0].clone();
    let sig = seen
        .headers
        .iter()
        .find(|(k, _)| k == "x-paystack-signature")
        .map(|(_, v)| v.clone());
    let event = paystack::webhook::Webhook::new(sim.secret_key())
        .unwrap()
        .parse(sig.as_deref(), &seen.body)
        .expect("forwarded unchanged, so the simulator's signature still verifies");
    assert_eq!(event.reference(), Some("order-2077"));
}

/// Funds NGN 10,000.00 and saves a recipient (Bola, account 0001234567 at bank 058); returns
/// its code.
fn funded_recipient(sim: &Simulator, dir: &Path) -> String {
    sim.fund("NGN", 1_000_000);
    let recipient = ok(
        sim,
        dir,
        "transfer-recipients create --type nuban --name Bola --account-number 0001234567 --bank-code 058 --currency NGN",
    );
    recipient["data"]["recipient_code"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A confirmed transfer moves the simulator's balance, once per reference.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirmed_transfer_debits_the_balance_once() {
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    let code = funded_recipient(&sim, d.path());
    let args = format!(
        "transfers initiate --source balance --amount 1500.00 --recipient {code} --reference payout-nov-000002 --yes"
    );
    let sent = ok(&sim, d.path(), &args);
    assert_eq!(sent["data"]["amount"], 150000, "{sent}");
    let mut balances = vec![sim.balance("NGN")];
    // Sending it again with the same reference is refused, as Paystack does
    // (duplicate_reference), and takes nothing more.
    let (_, err, status) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args(args.split_whitespace())
        .args(["--base-url", &sim.base_url(), "--format", "json"]));
    assert_eq!(status, 4, "{err}");
    assert!(err.contains("duplicate_reference"), "{err}");
    balances.push(sim.balance("NGN"));
    // The amount plus the simulator's transfer fee left the balance once.
    assert!(balances[0] <= 1_000_000 - 150_000, "{balances:?}");
    assert_eq!(balances[0], balances[1]);
    let shown = ok(&sim, d.path(), "balance fetch");
    let (yaml, err, code) = run(paystack(d.path())
        .env("PAYSTACK_SECRET_KEY", sim.secret_key())
        .args([
            "balance",
            "fetch",
            "--format",
            "yaml",
            "--base-url",
            &sim.base_url(),
        ]));
    assert_eq!(code, 0, "{err}");
    // JSON keeps Paystack's subunits; YAML shows the same answer with money in major units.
    assert_eq!(shown["data"][0]["balance"], balances[0], "{shown}");
    let mut expected = shown.clone();
    expected["data"][0]["balance"] = Value::from(major(balances[0], "NGN"));
    assert_eq!(serde_norway::from_str::<Value>(&yaml).unwrap(), expected);
}

/// `NGN 1,463.47` for 146347, written here apart from the CLI's own formatter.
fn major(subunits: i64, currency: &str) -> String {
    let whole = (subunits / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{currency} {grouped}.{:02}", subunits % 100)
}

/// Tables and YAML show every amount the spec types as money in major units with its
/// currency, for one record, a list, a nested record and an `--all` walk; JSON keeps subunits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tables_and_yaml_speak_major_units() {
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    ok(
        &sim,
        d.path(),
        "transactions initialize --email ada@example.com --amount 1,463.47 --currency NGN --reference order-5001",
    );
    sim.pay("order-5001", paystack_sim::PayOutcome::Success)
        .unwrap();
    let shown = |args: &str| {
        let (out, err, code) = run(paystack(d.path())
            .env("PAYSTACK_SECRET_KEY", sim.secret_key())
            .args(args.split_whitespace())
            .args(["--base-url", &sim.base_url()]));
        assert_eq!(code, 0, "{args}: {err}");
        out
    };
    let json: Value =
        serde_json::from_str(&shown("transactions verify order-5001 --format json")).unwrap();
    assert_eq!(json["data"]["amount"], 146347);

    let table = shown("transactions verify order-5001 --format table");
    let amount_line = table
        .lines()
        .find(|l| l.starts_with("amount "))
        .unwrap_or_else(|| panic!("{table}"));
    assert_eq!(
        amount_line.split_whitespace().collect::<Vec<_>>(),
        ["amount", "NGN", "1,463.47"]
    );
    assert!(!table.contains("146347"), "{table}");

    let list = shown("transactions list --format table");
    assert!(list.contains("NGN 1,463.47"), "{list}");
    assert!(!list.contains("146347"), "{list}");
    let walked = shown("transactions list --all --format table");
    assert!(walked.contains("NGN 1,463.47"), "{walked}");

    let yaml: Value =
        serde_norway::from_str(&shown("transactions verify order-5001 --format yaml")).unwrap();
    assert_eq!(yaml["data"]["amount"], "NGN 1,463.47");
    // Every other field is as Paystack sent it.
    let mut back = yaml.clone();
    back["data"]["amount"] = json["data"]["amount"].clone();
    for (path, v) in [("requested_amount", "requested_amount"), ("fees", "fees")] {
        if let Some(n) = json["data"][path].as_i64() {
            assert_eq!(yaml["data"][v], major(n, "NGN"), "{path}");
            back["data"][v] = json["data"][path].clone();
        }
    }
    assert_eq!(back, json);
    let ndjson = shown("transactions list --all --format yaml");
    assert!(ndjson.contains("amount: NGN 1,463.47"), "{ndjson}");
}

/// On a terminal the question names the recipient as the CLI looked it up: name, bank and the
/// account's last four digits. Only that lookup (a GET) reaches the simulator before "y".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_money_question_names_amount_recipient_bank_and_reference() {
    use std::io::Write;
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    let code = funded_recipient(&sim, d.path());
    let command = format!(
        "{} transfers initiate --source balance --amount 1500 --recipient {code} \
         --reference payout-2026-12-0001 --format json --base-url {}",
        env!("CARGO_BIN_EXE_paystack"),
        sim.base_url()
    );
    let key = sim.secret_key().to_string();
    let config = d.path().join("config.json");
    let answer = move |reply: &'static str| {
        let mut child = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &command, "/dev/null"])
            .env("PAYSTACK_SECRET_KEY", &key)
            .env("PAYSTACK_CONFIG", &config)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("script(1) runs");
        std::thread::sleep(std::time::Duration::from_millis(500));
        writeln!(child.stdin.take().unwrap(), "{reply}").unwrap();
        let out = child.wait_with_output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code(),
        )
    };
    sim.clear_journal();
    let ask = answer.clone();
    let (screen, status) = tokio::task::spawn_blocking(move || ask("n")).await.unwrap();
    assert_eq!(status, Some(7), "{screen}");
    assert!(
        screen.contains(&format!(
            "Transfer NGN 1,500.00 to Bola ({code}, Guaranty Trust Bank ****4567), reference \
             payout-2026-12-0001? [y/N]"
        )),
        "{screen}"
    );
    let ops: Vec<Option<String>> = sim.journal().iter().map(|e| e.operation.clone()).collect();
    assert_eq!(ops, [Some("transferrecipient_fetch".to_string())]);

    let (screen, status) = tokio::task::spawn_blocking(move || answer("y"))
        .await
        .unwrap();
    assert_eq!(status, Some(0), "{screen}");
    let made: Vec<_> = sim
        .journal()
        .into_iter()
        .filter(|e| e.operation.as_deref() == Some("transfer_initiate"))
        .collect();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].body["amount"], 150000);
}

/// `paystack sim serve` as its own process, driven by `sim pay`, `sim dispute`, `sim fund`, `sim advance` and
/// `sim fault` through its control endpoints, with the profile it saves.
#[test]
fn sim_serve_and_the_sim_commands() {
    use std::io::BufRead;
    let d = tempfile::tempdir().unwrap();
    let mut server = common::KillOnDrop(
        paystack(d.path())
            .args(["sim", "serve", "--port", "0"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut lines = std::io::BufReader::new(server.0.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("the simulator prints its URL").unwrap();
        if let Some(url) = line.strip_prefix("simulator listening on ") {
            break url.to_string();
        }
    };
    let sim = |args: &str| {
        run(paystack(d.path())
            .env("PAYSTACK_PROFILE", "sim")
            .args(args.split_whitespace())
            .args(["--format", "json"]))
    };
    let json = |args: &str| -> Value {
        let (out, err, code) = sim(args);
        assert_eq!(code, 0, "{args}: {err}");
        serde_json::from_str(&out).unwrap()
    };

    let (out, _, _) = run(paystack(d.path()).args(["config", "list"]));
    assert!(out.starts_with(&format!("sim\ttest key\t{url}")), "{out}");

    json("transactions initialize --email ada@example.com --amount 300.00 --reference order-3001");
    assert_eq!(
        json("transactions verify order-3001")["data"]["status"],
        "abandoned"
    );
    json("sim pay order-3001");
    let verified = json("transactions verify order-3001");
    assert_eq!(verified["data"]["status"], "success", "{verified}");

    let opened = json("sim dispute order-3001 --amount 120.00");
    assert_eq!(
        opened["data"]["status"], "awaiting-merchant-feedback",
        "{opened}"
    );
    assert_eq!(opened["data"]["refund_amount"], 12000, "{opened}");
    let id = opened["data"]["id"].as_u64().unwrap();
    let fetched = json(&format!("disputes fetch {id}"));
    assert_eq!(fetched["data"]["transaction_reference"], "order-3001");

    let before = json("balance fetch")["data"][0]["balance"]
        .as_i64()
        .unwrap_or(0);
    json("sim fund 100.50");
    let after = json("balance fetch")["data"][0]["balance"]
        .as_i64()
        .unwrap();
    assert_eq!(after - before, 10050);

    let advanced = json("sim advance 1d");
    assert!(advanced["data"]["now"].is_string(), "{advanced}");

    // A 400 is not retried, so the one injected fault reaches the command: exit 4, then fine.
    json("sim fault --status 400 --operation balance_fetch --times 1");
    let (_, err, code) = sim("balance fetch");
    assert_eq!(code, 4, "{err}");
    json("balance fetch");
}

/// `--dry-run` with the key in a profile prints a curl command and, on stderr, the one
/// command that puts the profile's key in the environment. Run together in a shell, they reach
/// the simulator exactly as the CLI would have: the printed command runs as printed. (curl
/// comes with every machine that installed Rust through rustup.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dry_run_curl_runs_as_printed_with_a_profile_key() {
    use std::io::Write;
    let sim = Simulator::start().await.unwrap();
    let d = tempfile::tempdir().unwrap();
    let mut child = paystack(d.path())
        .args(["config", "set-key", "--profile", "test"])
        .args(["--profile-base-url", &sim.base_url()])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{}", sim.secret_key()).unwrap();
    assert!(child.wait().unwrap().success());

    let (curl, err, code) = run(paystack(d.path()).args([
        "--profile",
        "test",
        "customers",
        "create",
        "--email",
        "ada@example.com",
        "--dry-run",
    ]));
    assert_eq!(code, 0, "{err}");
    let key_tail = &sim.secret_key()[8..];
    assert!(!curl.contains(key_tail) && !err.contains(key_tail));
    let export = err
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("export PAYSTACK_SECRET_KEY="))
        .unwrap_or_else(|| panic!("{err}"));

    sim.clear_journal();
    let bin = Path::new(env!("CARGO_BIN_EXE_paystack")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let shell = std::process::Command::new("bash")
        .args(["-c", &format!("set -e\n{export}\n{} --silent", curl.trim())])
        .env("PATH", path)
        .env("PAYSTACK_CONFIG", d.path().join("config.json"))
        .env_remove("PAYSTACK_SECRET_KEY")
        .env_remove("PAYSTACK_PROFILE")
        .output()
        .unwrap();
    let answer = String::from_utf8_lossy(&shell.stdout);
    assert!(
        shell.status.success(),
        "{answer}{}",
        String::from_utf8_lossy(&shell.stderr)
    );
    let answer: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["data"]["email"], "ada@example.com", "{answer}");
    let journal = sim.journal();
    assert_eq!(journal.len(), 1, "{journal:?}");
    assert_eq!(journal[0].operation.as_deref(), Some("customer_create"));
    assert_eq!(journal[0].body["email"], "ada@example.com");
}
