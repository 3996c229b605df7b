//! The HTTP front: auth, routing from the spec, validation, faults, journal, and Paystack's
//! envelope and error shapes around every answer.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use crate::faults::{pick, Fault, Rng};
use crate::journal::JournalEntry;
use crate::persist::Store;
use crate::shape::{check, check_param, conform, project, ShapeLog, ShapeReport};
use crate::spec::{parse_query, spec, In};
use crate::world::{ApiErr, Call, Reply, World};

/// Largest request body accepted; bigger ones get 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// How many journal entries are kept (the oldest half is dropped when full).
pub const JOURNAL_CAP: usize = 20_000;

/// State shared by the server, the webhook sender and the [`crate::Simulator`] handle.
#[derive(Debug)]
pub struct Shared {
    world: Mutex<World>,
    rng: Mutex<Rng>,
    hooks: mpsc::UnboundedSender<usize>,
    retry_delays: Mutex<Vec<u64>>,
    store: Mutex<Option<Store>>,
    /// Strict shape mode: answers go out as built and are checked against the spec.
    shapes: Mutex<Option<ShapeLog>>,
}

impl Shared {
    /// Wraps a world; `hooks` feeds the webhook sender.
    pub fn new(
        world: World,
        fault_seed: u64,
        hooks: mpsc::UnboundedSender<usize>,
        store: Option<Store>,
    ) -> Self {
        Shared {
            world: Mutex::new(world),
            rng: Mutex::new(Rng::new(fault_seed)),
            hooks,
            retry_delays: Mutex::new(crate::webhooks::DEFAULT_RETRY_DELAYS_MS.to_vec()),
            store: Mutex::new(store),
            shapes: Mutex::new(None),
        }
    }

    /// Turns strict shape mode on: answers are no longer fitted to the spec but sent as the
    /// simulator built them, and each is checked strictly (see [`crate::shape::strict`]).
    pub fn strict_shapes(&self) {
        let mut s = self.shapes.lock().unwrap_or_else(|e| e.into_inner());
        s.get_or_insert_with(ShapeLog::default);
    }

    /// The strict check's findings so far (empty when strict mode is off).
    pub fn shape_reports(&self) -> Vec<ShapeReport> {
        let s = self.shapes.lock().unwrap_or_else(|e| e.into_inner());
        s.as_ref().map(ShapeLog::reports).unwrap_or_default()
    }

    /// Runs `f` on the world under the lock, then sends queued webhooks and makes every
    /// changed record durable before returning (so before any answer is sent).
    pub fn with_world<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let mut w = self.world.lock().unwrap_or_else(|e| e.into_inner());
        let r = f(&mut w);
        for id in std::mem::take(&mut w.outbox) {
            let _ = self.hooks.send(id);
        }
        let store = self.store.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(store) = store.as_ref() {
            if let Err(e) = store.flush(&mut w) {
                eprintln!("paystack-sim: could not save state: {e}");
            }
        } else {
            w.dirty.clear();
            w.dirty_integrations.clear();
            w.wiped = false;
        }
        r
    }

    /// Closes the state file (the simulator is stopping), so another can open it at once.
    pub fn close_store(&self) {
        let _ = self.world.lock().map(|mut w| {
            if let Some(store) = self
                .store
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .as_ref()
            {
                let _ = store.flush(&mut w);
            }
        });
        self.store.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    /// Delays between webhook tries, in milliseconds.
    pub fn retry_delays(&self) -> Vec<u64> {
        self.retry_delays
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Replaces the webhook retry schedule.
    pub fn set_retry_delays(&self, delays: Vec<u64>) {
        *self.retry_delays.lock().unwrap_or_else(|e| e.into_inner()) = delays;
    }

    /// Re-seeds the fault RNG.
    pub fn set_fault_seed(&self, seed: u64) {
        *self.rng.lock().unwrap_or_else(|e| e.into_inner()) = Rng::new(seed);
    }

    /// Queues a delivery again.
    pub fn resend(&self, id: usize) {
        let _ = self.hooks.send(id);
    }
}

/// The whole app: control and pages first, then every API operation.
pub fn app(shared: Arc<Shared>) -> Router {
    crate::control::router()
        .merge(crate::checkout::router())
        .fallback(api)
        .with_state(shared)
}

fn json_response(status: u16, body: &Value) -> Response {
    let mut r = Response::new(Body::from(body.to_string()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

fn error(status: u16, message: &str) -> (u16, Value) {
    (status, json!({"status": false, "message": message}))
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let token = v
        .strip_prefix("Bearer ")
        .or_else(|| v.strip_prefix("bearer "))?;
    Some(token.trim())
}

/// Puts Paystack's envelope around a reply and fits it to the operation's response schema;
/// in strict mode it goes out as built, and is checked.
fn shape(shared: &Shared, op: &crate::spec::Op, reply: Reply) -> Value {
    let mut env = json!({"status": true, "message": reply.message});
    if let Some(d) = reply.data {
        // Some answers carry one record inside an array (dispute update) or the reverse.
        env["data"] = match (data_type(op), d) {
            (Some("array"), d @ Value::Object(_)) => Value::Array(vec![d]),
            (Some("object"), Value::Array(mut a)) if !a.is_empty() => a.swap_remove(0),
            (_, d) => d,
        };
    }
    if let Some(m) = reply.meta {
        env["meta"] = m;
    }
    if let Some(log) = shared
        .shapes
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_mut()
    {
        let sent = match &op.response.1 {
            Some(schema) => project(spec(), schema, &env),
            None => env,
        };
        log.record(spec(), &op.id, op.response.1.as_ref(), &sent);
        return sent;
    }
    match &op.response.1 {
        Some(schema) => conform(spec(), schema, &env).unwrap_or(env),
        None => env,
    }
}

/// The JSON type of the operation's `data`, if declared.
fn data_type(op: &crate::spec::Op) -> Option<&'static str> {
    let s = spec();
    let schema = s.resolve(op.response.1.as_ref()?);
    let data = s.resolve(schema.pointer("/properties/data")?);
    match data.get("type").and_then(Value::as_str)? {
        "array" => Some("array"),
        "object" => Some("object"),
        _ => None,
    }
}

/// Why a fault was applied, for the journal.
fn describe(f: &Fault, after: bool) -> String {
    let s = match f {
        Fault::Status { status } => status.to_string(),
        Fault::Delay { ms } => format!("delay={ms}"),
        Fault::Reset => "reset".into(),
        Fault::Truncate => "truncate".into(),
    };
    if after {
        format!("{s};after")
    } else {
        s
    }
}

/// The answer a fault replaces the real one with; `None` means answer normally.
async fn fault_response(f: &Fault, real: &[u8]) -> Option<Response> {
    match f {
        Fault::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(*ms)).await;
            None
        }
        Fault::Status { status } if matches!(status, 502..=504) => {
            // A proxy in front of Paystack answers these, with an HTML page.
            let mut r = Response::new(Body::from(format!(
                "<html><head><title>{status}</title></head><body><h1>{status} Service unavailable</h1></body></html>"
            )));
            *r.status_mut() = StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_GATEWAY);
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            Some(r)
        }
        Fault::Status { status } => {
            let body = if *status == 429 {
                json!({"status": false, "message": "Too many requests, slow down"})
            } else {
                json!({"status": false, "message": "An error occurred while processing your request", "type": "api_error"})
            };
            Some(json_response(*status, &body))
        }
        Fault::Reset => {
            let stream = futures::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "simulated reset",
                ))
            });
            Some(Response::new(Body::from_stream(stream)))
        }
        Fault::Truncate => {
            let half = Bytes::copy_from_slice(&real[..real.len() / 2]);
            let stream = futures::stream::iter(vec![
                Ok(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "simulated truncation",
                )),
            ]);
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            Some(r)
        }
    }
}

/// Serves every API operation.
pub async fn api(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let raw_query = parts.uri.query().unwrap_or("").to_string();
    let mut entry = JournalEntry {
        seq: 0,
        method: method.clone(),
        path: path.clone(),
        query: raw_query.clone(),
        operation: None,
        integration: None,
        body: Value::Null,
        status: 0,
        fault: None,
    };
    let bytes = match to_bytes(body, BODY_LIMIT).await {
        Ok(b) => b,
        Err(_) => {
            let (s, b) = error(413, "Request body is too large");
            entry.status = s;
            return finish(&shared, entry, json_response(s, &b));
        }
    };
    entry.body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let header_fault = parts
        .headers
        .get("x-sim-fault")
        .and_then(|v| v.to_str().ok())
        .and_then(Fault::parse);

    // Auth comes first, as on Paystack: an unknown route with a bad key is a 401.
    let key = bearer(&parts.headers).map(str::to_string);
    let ix = shared.with_world(|w| key.as_deref().and_then(|k| w.integration_for(k)));
    let Some(ix) = ix.filter(|_| key.as_deref().is_some_and(|k| k.starts_with("sk_"))) else {
        let msg = match key.as_deref() {
            None => "No Authorization header was found",
            Some(k) if k.starts_with("pk_") => "Invalid key: use your secret key on the server",
            Some(_) => "Invalid key",
        };
        let (s, b) = error(401, msg);
        entry.status = s;
        return finish(&shared, entry, json_response(s, &b));
    };
    entry.integration = Some(shared.with_world(|w| w.integrations[ix].id));

    let Some((op, path_params)) = spec().route(&method, &path) else {
        let (s, b) = if spec().path_exists(&path) {
            error(405, &format!("{method} is not supported on {path}"))
        } else {
            error(404, &format!("No route matches {method} {path}"))
        };
        entry.status = s;
        return finish(&shared, entry, json_response(s, &b));
    };
    entry.operation = Some(op.id.clone());

    let fault = header_fault.or_else(|| {
        let mut rng = shared.rng.lock().unwrap_or_else(|e| e.into_inner());
        shared.with_world(|w| pick(&mut w.faults, &mut rng, Some(&op.id)))
    });
    if let Some((f, false)) = &fault {
        entry.fault = Some(describe(f, false));
        if let Some(r) = fault_response(f, b"{}").await {
            entry.status = r.status().as_u16();
            return finish(&shared, entry, r);
        }
    }

    let (status, body) = match parse_call(op, path_params, &raw_query, &bytes) {
        Err(e) => (e.status, e.body()),
        Ok(call) => match shared.with_world(|w| w.call(ix, &call)) {
            Ok(reply) => (op.response.0, shape(&shared, op, reply)),
            Err(e) => (e.status, e.body()),
        },
    };
    entry.status = status;
    if let Some((f, true)) = &fault {
        entry.fault = Some(describe(f, true));
        if let Fault::Delay { ms } = f {
            // The call is done: journal it before the wait, because a client that gives up
            // drops this handler mid-wait and the entry would be lost with it.
            let r = finish(&shared, entry, json_response(status, &body));
            tokio::time::sleep(Duration::from_millis(*ms)).await;
            return r;
        }
        let real = body.to_string();
        if let Some(r) = fault_response(f, real.as_bytes()).await {
            entry.status = r.status().as_u16();
            return finish(&shared, entry, r);
        }
    }
    finish(&shared, entry, json_response(status, &body))
}

fn parse_call<'a>(
    op: &'a crate::spec::Op,
    path: std::collections::HashMap<String, String>,
    raw_query: &str,
    bytes: &[u8],
) -> Result<Call<'a>, ApiErr> {
    let s = spec();
    let pairs = parse_query(Some(raw_query));
    let mut query = Map::new();
    for p in &op.params {
        let raw = match p.location {
            In::Path => path.get(&p.name).cloned(),
            In::Query => pairs
                .iter()
                .find(|(k, _)| *k == p.name)
                .map(|(_, v)| v.clone()),
        };
        match raw {
            Some(raw) => {
                let v = check_param(s, &p.schema, &raw, &p.name)
                    .map_err(|e| ApiErr::invalid(e.message, e.code))?;
                if p.location == In::Query {
                    query.insert(p.name.clone(), v);
                }
            }
            None if p.required => {
                return Err(ApiErr::invalid(
                    format!("{} is required", p.name),
                    "missing_params",
                ))
            }
            None => {}
        }
    }
    let body = if bytes.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        serde_json::from_slice::<Value>(bytes).map_err(|e| {
            ApiErr::invalid(format!("Invalid JSON in request body: {e}"), "invalid_json")
        })?
    };
    if let Some((_, schema)) = &op.body {
        check(s, schema, &body, "").map_err(|e| ApiErr::invalid(e.message, e.code))?;
    }
    Ok(Call {
        op,
        path,
        query,
        body,
    })
}

fn finish(shared: &Shared, mut entry: JournalEntry, r: Response) -> Response {
    shared.with_world(|w| {
        entry.seq = w.journal.last().map_or(1, |e| e.seq + 1);
        // Bounded so a long benchmark run cannot grow memory without end.
        if w.journal.len() >= JOURNAL_CAP {
            w.journal.drain(..JOURNAL_CAP / 2);
        }
        w.journal.push(entry);
    });
    r
}
