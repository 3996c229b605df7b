//! The retry layer checked against a small model of it.
//!
//! Random sequences of per-attempt server behaviour (a refused connection, a timeout before or
//! after the request was read, a reset, 5xx, 429 with and without `Retry-After`,
//! `duplicate_reference`, other 4xx, success) run against a request of every retry class, with
//! and without a reference, through `send` and `send_or_recover`. The model below is written
//! apart from the client: from the sequence alone it predicts which requests reach the server in
//! which order, and what the caller is told. The client must match it on every case.
//!
//! Each case gets its own loopback server and its own resolver: a refused connection is a
//! connect to 127.0.0.2, where nothing listens, so it is refused by the kernel as it would be
//! in production. Connection reuse is off, so every attempt is one connection and the server
//! can play each attempt's behaviour, including not reading the request at all.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use paystack::{Amount, Error, Outcome, Paystack, Recovery, RetryPolicy};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one attempt of the money request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attempt {
    /// The connection is refused: nothing is sent.
    Refused,
    /// The connection is taken but the request is never read; the client times out.
    StallBeforeRead,
    /// The request is read whole, then nothing is answered; the client times out.
    StallAfterRead,
    /// The request is read, then the connection closes without an answer.
    Reset,
    /// Headers of a 200 and half its body, then the connection closes.
    ResetMidAnswer,
    /// An answer with this status: 500, 502, 503, 504.
    Server(u16),
    /// 429, with or without `Retry-After`.
    TooMany { retry_after: bool },
    /// 400 `duplicate_reference`.
    Duplicate,
    /// 400 with another code.
    Refusal,
    /// 200 with the record.
    Success,
}

/// What the server answers to one recovery lookup (each lookup is one request: its answers are
/// never retried).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lookup {
    /// The request's own record.
    Found,
    /// A record under the reference that is not the request's (another amount).
    Mismatch,
    /// 404: nothing under the reference.
    NotFound,
    /// 500: the lookup failed.
    Failed,
}

/// Which request the case sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A request that changes nothing (`safe`), sent raw with its operation id.
    Safe,
    /// A charge on a saved authorization (`by-reference`).
    ByReference,
    /// A request that is never resent after it may have arrived (`never`).
    Never,
}

/// What the caller is told, as the model and the test both see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    Answered,
    Found,
    Mismatch,
    NotSent,
    Rejected,
    Unknown,
}

/// One request that reaches the server (or is refused before it), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Post(Attempt),
    Get(Lookup),
}

/// One case: a class, whether a reference is set, whether `send_or_recover` is used, and the
/// behaviours the server draws from.
#[derive(Debug, Clone)]
struct Case {
    class: Class,
    reference: bool,
    recover: bool,
    attempts: Vec<Attempt>,
    lookups: Vec<Lookup>,
}

const MAX_ATTEMPTS: u32 = 3;

// ---------------------------------------------------------------------------------------------
// The model: written from the rules in the README's "Money safety" table, not from the client.

/// The outcome one finished attempt leaves, when it is the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Ok,
    NotSent,
    Rejected { duplicate: bool },
    Unknown,
}

/// `send`: the attempts it makes and what the caller is told.
fn model_send(case: &Case, attempts: &mut VecDeque<Attempt>, events: &mut Vec<Event>) -> Told {
    let resend_after_arrival = match case.class {
        Class::Safe => true,
        Class::ByReference => case.reference,
        Class::Never => false,
    };
    let mut ambiguous = false;
    let mut made = 0;
    let last = loop {
        let attempt = attempts.pop_front().unwrap_or(Attempt::Success);
        events.push(Event::Post(attempt));
        made += 1;
        let (last, again) = match attempt {
            Attempt::Refused => (Last::NotSent, true),
            Attempt::StallBeforeRead
            | Attempt::StallAfterRead
            | Attempt::Reset
            | Attempt::ResetMidAnswer => (Last::Unknown, resend_after_arrival),
            Attempt::Server(500) => (Last::Unknown, false),
            Attempt::Server(_) => (Last::Unknown, resend_after_arrival),
            Attempt::TooMany { .. } => (Last::Rejected { duplicate: false }, true),
            Attempt::Duplicate => (Last::Rejected { duplicate: true }, false),
            Attempt::Refusal => (Last::Rejected { duplicate: false }, false),
            Attempt::Success => (Last::Ok, false),
        };
        ambiguous |= last == Last::Unknown;
        if !again || made == MAX_ATTEMPTS {
            break last;
        }
    };
    match last {
        Last::Ok => Told::Answered,
        // A request that changes nothing may be answered "no" after a lost attempt: sending it
        // again cannot have done anything twice.
        _ if case.class == Class::Safe => match last {
            Last::NotSent => Told::NotSent,
            Last::Rejected { .. } => Told::Rejected,
            _ => Told::Unknown,
        },
        // Once an attempt may have been carried out, no later answer can say it was not.
        _ if ambiguous => Told::Unknown,
        Last::NotSent => Told::NotSent,
        Last::Rejected { .. } => Told::Rejected,
        Last::Unknown => Told::Unknown,
    }
}

/// `send_or_recover` on the by-reference request.
fn model_recover(case: &Case, events: &mut Vec<Event>) -> Told {
    let mut attempts: VecDeque<Attempt> = case.attempts.iter().copied().collect();
    let mut lookups: VecDeque<Lookup> = case.lookups.iter().copied().collect();
    let first = model_send(case, &mut attempts, events);
    if first != Told::Unknown || !case.reference {
        return first;
    }
    let mut look = |events: &mut Vec<Event>| {
        let l = lookups.pop_front().unwrap_or(Lookup::Failed);
        events.push(Event::Get(l));
        l
    };
    match look(events) {
        Lookup::Found => Told::Found,
        Lookup::Mismatch => Told::Mismatch,
        Lookup::Failed => Told::Unknown,
        Lookup::NotFound => {
            let before = events.len();
            let resent = model_send(case, &mut attempts, events);
            let duplicate = matches!(events.last(), Some(Event::Post(Attempt::Duplicate)))
                && events.len() > before;
            match resent {
                Told::Answered => Told::Answered,
                // Refused as a duplicate, or lost again: the reference may now hold a record.
                Told::Unknown => match look(events) {
                    Lookup::Found => Told::Found,
                    Lookup::Mismatch => Told::Mismatch,
                    _ => Told::Unknown,
                },
                Told::Rejected if duplicate => match look(events) {
                    Lookup::Found => Told::Found,
                    Lookup::Mismatch => Told::Mismatch,
                    _ => Told::Unknown,
                },
                other => other,
            }
        }
    }
}

/// The requests the model expects, in order, and what the caller is told.
fn model(case: &Case) -> (Vec<Event>, Told) {
    let mut events = Vec::new();
    let told = if case.recover {
        model_recover(case, &mut events)
    } else {
        let mut attempts = case.attempts.iter().copied().collect();
        model_send(case, &mut attempts, &mut events)
    };
    (events, told)
}

// ---------------------------------------------------------------------------------------------
// The server that plays a case.

const REFERENCE: &str = "model-ref-0001";
const AUTHORIZATION: &str = "AUTH_model00001";
const AMOUNT: i64 = 500_000;
const LOOKUP_PATH: &str = "/transaction/verify/model-ref-0001";
/// A `safe` POST and a `never` POST, sent raw under their operation ids.
const SAFE_OP: (&str, &str) = ("customer_riskAction", "/customer/set_risk_action");
const NEVER_OP: (&str, &str) = ("refund_create", "/refund");
// Long enough that a loaded CI machine answers every plain request in time; each stalled attempt
// costs this much, but cases wait side by side.
const TIMEOUT: Duration = Duration::from_millis(2_000);

fn record(amount: i64) -> String {
    format!(
        r#"{{"status":true,"message":"ok","data":{{"id":7001,"reference":"{REFERENCE}","amount":{amount},"currency":"NGN","status":"success","authorization":{{"authorization_code":"{AUTHORIZATION}"}}}}}}"#
    )
}

/// One request as the server saw it.
type Seen = super::server::Received;

#[derive(Default)]
struct Script {
    /// What the next connections get, in order; the resolver takes `Refused` off the front.
    queue: VecDeque<Event>,
    /// Requests read whole, in order.
    seen: Vec<Seen>,
    /// Connections made, refused ones included.
    connections: usize,
    /// Connections that found the script empty or of another kind: the client went its own way.
    unexpected: Vec<String>,
}

type Shared = Arc<Mutex<Script>>;

/// Every running case by its host name (`case-N.model.test`), with its server's port.
type Registry = Arc<Mutex<std::collections::HashMap<String, (Shared, u16)>>>;

/// Sends each connection to its case's server, or to 127.0.0.2 when the case's script says it
/// is refused. One resolver and one HTTP client serve every case: building a client per case
/// costs enough CPU to starve the timers of the cases running beside it.
struct Resolver {
    cases: Registry,
}

impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let found = self.cases.lock().unwrap().get(name.as_str()).cloned();
        let Some((script, port)) = found else {
            return Box::pin(async { Err("no such case".into()) });
        };
        let mut s = script.lock().unwrap();
        s.connections += 1;
        let refused = s.queue.front() == Some(&Event::Post(Attempt::Refused));
        if refused {
            s.queue.pop_front();
        }
        let ip = if refused {
            [127, 0, 0, 2]
        } else {
            [127, 0, 0, 1]
        };
        let addr = SocketAddr::from((ip, port));
        Box::pin(async move {
            let addrs: reqwest::dns::Addrs = Box::new(std::iter::once(addr));
            Ok(addrs)
        })
    }
}

async fn serve(mut socket: TcpStream, script: Shared) {
    let next = script.lock().unwrap().queue.pop_front();
    let Some(event) = next else {
        script
            .lock()
            .unwrap()
            .unexpected
            .push("a connection after the script ended".into());
        return;
    };
    if event == Event::Post(Attempt::StallBeforeRead) {
        tokio::time::sleep(TIMEOUT * 4).await;
        return;
    }
    let Some(request) = super::server::read_request(&mut socket).await else {
        return;
    };
    let expected = match event {
        Event::Post(_) => "POST",
        Event::Get(_) => "GET",
    };
    {
        let mut s = script.lock().unwrap();
        if request.method != expected {
            let got = format!(
                "{} {} where {expected} was due",
                request.method, request.path
            );
            s.unexpected.push(got);
        }
        s.seen.push(request);
    }
    let answer = |status: u16, body: &str| (status, body.to_string(), None::<&str>);
    let (status, body, retry_after) = match event {
        Event::Post(Attempt::StallAfterRead) => {
            tokio::time::sleep(TIMEOUT * 4).await;
            return;
        }
        Event::Post(Attempt::Reset) => return,
        Event::Post(Attempt::ResetMidAnswer) => {
            let body = record(AMOUNT);
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                body.len()
            );
            let _ = socket.write_all(head.as_bytes()).await;
            let _ = socket.write_all(&body.as_bytes()[..body.len() / 2]).await;
            let _ = socket.flush().await;
            return;
        }
        Event::Post(Attempt::Server(status)) => answer(status, "<html>unavailable</html>"),
        Event::Post(Attempt::TooMany { retry_after }) => (
            429,
            r#"{"status":false,"message":"slow down"}"#.to_string(),
            retry_after.then_some("1"),
        ),
        Event::Post(Attempt::Duplicate) => answer(
            400,
            r#"{"status":false,"message":"This reference was used before","code":"duplicate_reference","type":"validation_error"}"#,
        ),
        Event::Post(Attempt::Refusal) => answer(
            400,
            r#"{"status":false,"message":"The amount is not valid","code":"invalid_amount","type":"validation_error"}"#,
        ),
        Event::Post(Attempt::Success) | Event::Get(Lookup::Found) => answer(200, &record(AMOUNT)),
        Event::Get(Lookup::Mismatch) => answer(200, &record(100)),
        Event::Get(Lookup::NotFound) => answer(
            404,
            r#"{"status":false,"message":"No transaction under this reference","code":"transaction_not_found"}"#,
        ),
        Event::Get(Lookup::Failed) => answer(500, "<html>lookup failed</html>"),
        Event::Post(Attempt::Refused | Attempt::StallBeforeRead) => unreachable!(),
    };
    let kind = if body.starts_with('{') {
        "application/json"
    } else {
        "text/html"
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {kind}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    if let Some(wait) = retry_after {
        head.push_str(&format!("retry-after: {wait}\r\n"));
    }
    head.push_str("\r\n");
    let _ = socket.write_all(head.as_bytes()).await;
    let _ = socket.write_all(body.as_bytes()).await;
    let _ = socket.flush().await;
}

/// Runs one case against a fresh server and checks it against the model.
async fn run(id: usize, case: Case, http: reqwest::Client, cases: Registry) -> Result<(), String> {
    let (events, predicted) = model(&case);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let script: Shared = Arc::new(Mutex::new(Script {
        queue: events.iter().copied().collect(),
        ..Script::default()
    }));
    let accepting = {
        let script = Arc::clone(&script);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(serve(socket, Arc::clone(&script)));
            }
        })
    };
    let host = format!("case-{id}.model.test");
    cases
        .lock()
        .unwrap()
        .insert(host.clone(), (Arc::clone(&script), port));
    let ps = Paystack::builder("sk_test_m0d3lm0d3lm0d3l")
        .base_url(format!("http://{host}:{port}"))
        .http_client(http)
        .timeout(TIMEOUT)
        .retry(
            RetryPolicy::default()
                .max_attempts(MAX_ATTEMPTS)
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(5)),
        )
        .build()
        .unwrap();
    let result = send(&ps, &case).await;
    accepting.abort();
    cases.lock().unwrap().remove(&host);
    let s = script.lock().unwrap();
    let told = told(&result);
    let mut problems = Vec::new();
    if told != predicted {
        problems.push(format!(
            "told {told:?}, model says {predicted:?}: {result:?}"
        ));
    }
    if !s.unexpected.is_empty() {
        problems.push(format!(
            "requests off the model's script: {:?}",
            s.unexpected
        ));
    }
    if !s.queue.is_empty() {
        problems.push(format!(
            "requests the model expected but never came: {:?}",
            s.queue
        ));
    }
    if s.connections != events.len() {
        problems.push(format!(
            "{} connections, the model expects {}",
            s.connections,
            events.len()
        ));
    }
    let posts: Vec<&Seen> = s.seen.iter().filter(|r| r.method == "POST").collect();
    if let Some(first) = posts.first() {
        for post in &posts {
            if post.body != first.body {
                problems.push("two sends carried different bodies".into());
            }
        }
        let body: serde_json::Value = serde_json::from_slice(&first.body).unwrap_or_default();
        let carried = body.get("reference").and_then(|r| r.as_str());
        if carried != case.reference.then_some(REFERENCE) {
            problems.push(format!("the body's reference is {carried:?}"));
        }
    }
    for get in s.seen.iter().filter(|r| r.method == "GET") {
        if get.path != LOOKUP_PATH {
            problems.push(format!("a lookup of {}", get.path));
        }
    }
    if let Err(e) = &result {
        if e.outcome() == Outcome::Unknown && case.class != Class::Safe && e.is_transient() {
            problems.push("an unknown outcome of a money request is called transient".into());
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{case:?}\n  {}", problems.join("\n  ")))
    }
}

/// The result in one shape for every kind of request.
type Sent = Result<Told, Error>;

async fn send(ps: &Paystack, case: &Case) -> Sent {
    let body = |with_reference: bool| {
        let mut body = serde_json::json!({"email": "buyer@example.com", "amount": AMOUNT});
        if with_reference {
            body["reference"] = REFERENCE.into();
        }
        body
    };
    let raw = |(id, path): (&str, &str)| {
        ps.raw("POST", path)
            .operation_id(id)
            .json(body(case.reference))
    };
    match case.class {
        Class::Safe => raw(SAFE_OP).send().await.map(|_| Told::Answered),
        Class::Never => raw(NEVER_OP).send().await.map(|_| Told::Answered),
        Class::ByReference => {
            let mut charge = ps.transactions().charge_authorization(
                "buyer@example.com",
                Amount::from_subunits(AMOUNT).unwrap(),
                AUTHORIZATION,
            );
            if case.reference {
                charge = charge.reference(REFERENCE);
            }
            if case.recover {
                charge.send_or_recover().await.map(|r| match r {
                    Recovery::Answered(_) => Told::Answered,
                    Recovery::Found(_) => Told::Found,
                })
            } else {
                charge.send().await.map(|_| Told::Answered)
            }
        }
    }
}

fn told(result: &Sent) -> Told {
    match result {
        Ok(told) => *told,
        Err(Error::RecoveryMismatch(_)) => Told::Mismatch,
        Err(e) => match e.outcome() {
            Outcome::NotSent => Told::NotSent,
            Outcome::Rejected => Told::Rejected,
            Outcome::Unknown => Told::Unknown,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Generation.

fn attempt() -> impl Strategy<Value = Attempt> {
    prop_oneof![
        1 => Just(Attempt::Refused),
        1 => Just(Attempt::StallBeforeRead),
        1 => Just(Attempt::StallAfterRead),
        1 => Just(Attempt::Reset),
        1 => Just(Attempt::ResetMidAnswer),
        2 => prop::sample::select(vec![500u16, 502, 503, 504]).prop_map(Attempt::Server),
        2 => any::<bool>().prop_map(|retry_after| Attempt::TooMany { retry_after }),
        1 => Just(Attempt::Duplicate),
        1 => Just(Attempt::Refusal),
        // Success is weighted up so that sequences often end well.
        3 => Just(Attempt::Success),
    ]
}

fn lookup() -> impl Strategy<Value = Lookup> {
    prop_oneof![
        Just(Lookup::Found),
        Just(Lookup::Mismatch),
        Just(Lookup::NotFound),
        Just(Lookup::Failed),
    ]
}

/// One behaviour sequence, run as every case it applies to: each class, with and without a
/// reference, through `send` and (for the by-reference request) `send_or_recover`.
fn cases_of(attempts: &[Attempt], lookups: &[Lookup]) -> Vec<Case> {
    let mut cases = Vec::new();
    for class in [Class::Safe, Class::ByReference, Class::Never] {
        for reference in [false, true] {
            for recover in [false, true] {
                if recover && class != Class::ByReference {
                    continue;
                }
                cases.push(Case {
                    class,
                    reference,
                    recover,
                    attempts: attempts.to_vec(),
                    lookups: lookups.to_vec(),
                });
            }
        }
    }
    cases
}

/// Sequences to draw per CI run; each is run as 8 cases. `PAYSTACK_MODEL_SEQUENCES` raises it.
fn sequences() -> usize {
    std::env::var("PAYSTACK_MODEL_SEQUENCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retry_layer_matches_its_model() {
    // The test builds its own reqwest client (for its resolver), so it needs a TLS provider
    // even though it never uses TLS.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let started = Instant::now();
    let strategy = (
        prop::collection::vec(
            attempt(),
            2 * MAX_ATTEMPTS as usize..=2 * MAX_ATTEMPTS as usize,
        ),
        prop::collection::vec(lookup(), 2..=2),
    );
    let mut runner = TestRunner::new(Config::default());
    let mut all = Vec::new();
    for _ in 0..sequences() {
        let (attempts, lookups) = strategy.new_tree(&mut runner).unwrap().current();
        all.extend(cases_of(&attempts, &lookups));
    }
    // The four sequences from the fault probe are always in.
    let fixed = [
        vec![Attempt::StallAfterRead, Attempt::Duplicate],
        vec![Attempt::Reset, Attempt::Duplicate],
        vec![
            Attempt::StallAfterRead,
            Attempt::TooMany { retry_after: false },
            Attempt::TooMany { retry_after: true },
        ],
        vec![Attempt::Server(503), Attempt::Refused, Attempt::Refused],
    ];
    for attempts in &fixed {
        for lookups in [
            [Lookup::Found, Lookup::Found],
            [Lookup::NotFound, Lookup::Found],
        ] {
            all.extend(cases_of(attempts, &lookups));
        }
    }
    let total = all.len();
    // Cases wait on timeouts, not on the CPU, so many run at once.
    let cases: Registry = Arc::default();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .dns_resolver(Resolver {
            cases: Arc::clone(&cases),
        })
        .build()
        .unwrap();
    let runs = all
        .into_iter()
        .enumerate()
        .map(|(id, case)| run(id, case, http.clone(), Arc::clone(&cases)));
    let results: Vec<Result<(), String>> = futures::stream::iter(runs)
        .buffer_unordered(64)
        .collect()
        .await;
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    println!(
        "retry model: {total} cases, {} failed, {:.1} s",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from the model; the first:\n{}",
        failures.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

use futures::StreamExt;

#[test]
fn the_model_itself_gives_the_known_answers() {
    let case = |class, reference, recover, attempts: Vec<Attempt>, lookups: Vec<Lookup>| Case {
        class,
        reference,
        recover,
        attempts,
        lookups,
    };
    // A charge with a reference: a timeout, then duplicate_reference on the resend.
    let c = case(
        Class::ByReference,
        true,
        false,
        vec![Attempt::StallAfterRead, Attempt::Duplicate],
        vec![],
    );
    assert_eq!(model(&c).1, Told::Unknown);
    assert_eq!(model(&c).0.len(), 2);
    // The same through send_or_recover: one lookup settles it.
    let c = case(
        Class::ByReference,
        true,
        true,
        vec![Attempt::StallAfterRead, Attempt::Duplicate],
        vec![Lookup::Found],
    );
    assert_eq!(model(&c).1, Told::Found);
    // A timeout, then 429 on every retry.
    let c = case(
        Class::ByReference,
        true,
        false,
        vec![
            Attempt::StallAfterRead,
            Attempt::TooMany { retry_after: true },
        ],
        vec![],
    );
    assert_eq!(
        model(&c),
        (
            vec![
                Event::Post(Attempt::StallAfterRead),
                Event::Post(Attempt::TooMany { retry_after: true }),
                Event::Post(Attempt::Success),
            ],
            Told::Answered
        )
    );
    // Without a reference, a charge that timed out is never resent.
    let c = case(
        Class::ByReference,
        false,
        true,
        vec![Attempt::StallAfterRead, Attempt::Success],
        vec![],
    );
    assert_eq!(
        model(&c),
        (vec![Event::Post(Attempt::StallAfterRead)], Told::Unknown)
    );
}
