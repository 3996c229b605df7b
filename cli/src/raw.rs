//! `paystack api METHOD PATH`: any request, for what the generated commands do not cover.
//!
//! The spec still decides the safety rules: a method and path that match a money-moving
//! operation need confirmation exactly as the generated command does.

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Map, Value};

use crate::error::{Failure, Result};
use crate::request::{self, Request};
use crate::spec::{self, Op};

/// `paystack api ...`
pub fn command() -> Command {
    Command::new("api")
        .about("Send any request: the raw escape hatch")
        .after_help(
            "Examples:\n  paystack api GET /balance\n  paystack api GET /transaction -f perPage=5 -f status=success\n  \
             paystack api POST /customer -f email=ada@example.com -f metadata.tier=gold\n  \
             paystack api POST /transfer --input transfer.json --yes",
        )
        .arg(
            Arg::new("method")
                .required(true)
                .value_parser(["GET", "POST", "PUT", "DELETE", "get", "post", "put", "delete"]),
        )
        .arg(Arg::new("path").required(true).help("Path such as /transaction/verify/ref-1"))
        .arg(
            Arg::new("field")
                .long("field")
                .short('f')
                .value_name("KEY=VALUE")
                .action(ArgAction::Append)
                .help("Body field (query parameter for GET/DELETE); dotted keys nest; VALUE is JSON or else text"),
        )
        .arg(
            Arg::new("input")
                .long("input")
                .value_name("FILE")
                .help("Request body as JSON from a file ('-' for stdin)"),
        )
}

/// Builds the request and finds the operation it matches, if any.
pub fn build(m: &ArgMatches) -> Result<(Option<&'static Op>, Request)> {
    let method = m
        .get_one::<String>("method")
        .expect("required")
        .to_uppercase();
    let path_arg = m.get_one::<String>("path").expect("required");
    let (path, query_text) = match path_arg.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q)),
        None => (path_arg.clone(), None),
    };
    if !path.starts_with('/') {
        return Err(Failure::Validation(format!("{path:?} must start with /")));
    }
    let mut query: Vec<(String, String)> = query_text
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|kv| !kv.is_empty())
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (kv.to_string(), String::new()),
        })
        .collect();
    let mut body = match m.get_one::<String>("input") {
        Some(file) => Some(request::read_json(file)?),
        None => None,
    };
    let fields: Vec<&String> = m
        .get_many::<String>("field")
        .map(|v| v.collect())
        .unwrap_or_default();
    let in_query = method == "GET" || method == "DELETE";
    for kv in fields {
        let (key, value) = request::split_field(kv)?;
        if in_query {
            let text = match value {
                Value::String(s) => s,
                other => other.to_string(),
            };
            query.push((key.to_string(), text));
        } else {
            let obj = body
                .get_or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .ok_or_else(|| Failure::Validation("the --input body is not an object".into()))?;
            request::set_path(obj, key, value)?;
        }
    }
    let op = matching_op(&method, &path);
    // The escape hatch sends fields as written, but a code of the wrong kind, a bad reference
    // or a misread amount is refused here too: Paystack would refuse them or, worse, act.
    if let (Some(op), Some(body)) = (op, &body) {
        crate::check::body(op, body)?;
    }
    Ok((
        op,
        Request {
            method,
            path,
            query,
            body,
        },
    ))
}

/// The operation whose method and path template match, preferring literal segments
/// (`/transfer/bulk` over `/transfer/{code}`).
pub fn matching_op(method: &str, path: &str) -> Option<&'static Op> {
    let segs: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    spec::table()
        .operations
        .iter()
        .filter(|op| op.method == method)
        .filter_map(|op| {
            let tpl: Vec<&str> = op.path.split('/').collect();
            if tpl.len() != segs.len() {
                return None;
            }
            let mut holes = 0;
            for (t, s) in tpl.iter().zip(&segs) {
                if t.starts_with('{') {
                    holes += 1;
                } else if t != s {
                    return None;
                }
            }
            Some((holes, op))
        })
        .min_by_key(|(holes, _)| *holes)
        .map(|(_, op)| op)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_paths_win_over_templates() {
        assert_eq!(
            matching_op("POST", "/transfer/bulk").unwrap().id,
            "transfer_bulk"
        );
        assert_eq!(
            matching_op("GET", "/transfer/TRF_1").unwrap().id,
            "transfer_fetch"
        );
        assert!(matching_op("GET", "/nowhere").is_none());
    }
}
