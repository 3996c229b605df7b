//! Any Paystack endpoint by method and path, through the same key handling, retries, error
//! classes and logging as the typed wrappers. For tools (the `paystack` CLI) and for endpoints
//! newer than this crate.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let body = ps
//!     .raw("GET", "/bank")
//!     .query("country", "ghana")
//!     .operation_id("bank_list")
//!     .send()
//!     .await?;
//! println!("{}", body["data"][0]["name"]);
//! # Ok(()) }
//! ```

use progenitor_client::{ClientHooks, ClientInfo, Error as GenError, OperationInfo, ResponseValue};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::ClientRef;
use super::envelope::{Envelope, Response};
use super::error::{Result, ValidationError};
use super::operations::{self, Operation};
use super::pagination::Paginate;
use super::Paystack;

impl Paystack {
    /// A request to any endpoint: `method` (`GET`, `POST`, `PUT`, `DELETE`) and a path such
    /// as `/transfer/verify/abc`. Name its operation with
    /// [`RawRequest::operation_id`] so the operation's retry class applies; without one it is
    /// never resent once it may have reached Paystack.
    pub fn raw(&self, method: &str, path: impl Into<String>) -> RawRequest<'_> {
        RawRequest {
            ps: ClientRef::new(self),
            method: method.to_ascii_uppercase(),
            path: path.into(),
            query: Vec::new(),
            body: None,
            operation: None,
            unknown_operation: None,
            cursor: None,
        }
    }
}

/// Request for [`Paystack::raw`].
#[must_use = "a request does nothing until `.send().await`"]
#[derive(Debug, Clone)]
pub struct RawRequest<'a> {
    ps: ClientRef<'a>,
    method: String,
    path: String,
    query: Vec<(String, String)>,
    body: Option<Value>,
    operation: Option<&'static Operation>,
    unknown_operation: Option<String>,
    /// The query parameter that carries the cursor, when this list pages by cursor.
    cursor: Option<String>,
}

impl RawRequest<'_> {
    /// Adds a query parameter.
    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Sends `body` as JSON.
    pub fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The operation this request performs, by Paystack's id (`transfer_initiate`), so its
    /// retry class and money flag apply. An unknown id is refused at `send`.
    pub fn operation_id(mut self, id: &str) -> Self {
        match operations::find(id) {
            Some(op) => self.operation = Some(op),
            None => self.unknown_operation = Some(id.to_string()),
        }
        self
    }

    /// Pages this list by cursor when walked with [`Paginate::stream`](crate::Paginate):
    /// `param` is the query parameter the cursor goes in (`next` on most lists, `cursor` on
    /// direct-debit mandate authorizations). Without it, a walk pages by `page` number.
    pub fn by_cursor(mut self, param: impl Into<String>) -> Self {
        self.cursor = Some(param.into());
        self
    }

    /// Sets query parameter `key` to `value`, replacing any value it had.
    fn set_query(mut self, key: &str, value: String) -> Self {
        self.query.retain(|(k, _)| k != key);
        self.query.push((key.to_string(), value));
        self
    }

    /// The same as [`RawRequest::operation_id`], from the table.
    pub fn operation(mut self, op: &'static Operation) -> Self {
        self.operation = Some(op);
        self
    }

    /// Limit on each attempt; overrides the client's timeout.
    pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
        self.ps.opts.timeout = Some(timeout);
        self
    }

    /// Attempts and delays, within what the operation allows.
    pub fn retry(mut self, policy: crate::RetryPolicy) -> Self {
        self.ps.opts.retry = Some(policy);
        self
    }

    /// Never resend this request.
    pub fn no_retry(self) -> Self {
        self.retry(crate::RetryPolicy::never())
    }

    /// Validates, sends and returns the whole JSON answer (`{status, message, data, meta}`).
    ///
    /// An error status or a body whose `status` is not a success is an [`crate::Error::Api`],
    /// as for every typed request.
    pub async fn send(self) -> Result<Value> {
        if let Some(id) = self.unknown_operation {
            return Err(ValidationError::Invalid {
                field: "operation_id",
                reason: format!("{id:?} is not a Paystack operation"),
            }
            .into());
        }
        let method = reqwest::Method::from_bytes(self.method.as_bytes())
            .ok()
            .filter(|m| ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(&m.as_str()))
            .ok_or_else(|| ValidationError::Invalid {
                field: "method",
                reason: format!("{:?} is not GET, POST, PUT, PATCH or DELETE", self.method),
            })?;
        if !self.path.starts_with('/') || self.path.contains("://") {
            return Err(ValidationError::Invalid {
                field: "path",
                reason: "it must start with `/`, e.g. /transaction/verify/abc".into(),
            }
            .into());
        }
        // A path that matches an operation gets that operation's retry class, so
        // `raw("POST", "/transfer")` is as careful as `transfers().initiate(..)`. One that
        // matches none is classed by its method (reads are safe, the rest never resent).
        let operation = self
            .operation
            .or_else(|| operations::find_by_path(method.as_str(), &self.path));
        let operation_id = operation.map_or("raw", |op| op.rust_id);
        let client = self.ps.api();
        let url = format!("{}{}", client.baseurl(), self.path);
        let call = async {
            let mut builder = client.client().request(method, url).query(&self.query);
            if let Some(body) = &self.body {
                builder = builder.json(body);
            }
            let mut request = builder
                .build()
                .map_err(|e| GenError::InvalidRequest(e.to_string()))?;
            let info = OperationInfo { operation_id };
            client.pre::<()>(&mut request, &info).await?;
            let response = client
                .exec(request, &info)
                .await
                .map_err(GenError::CommunicationError)?;
            if response.status().is_success() {
                ResponseValue::<Whole>::from_response(response).await
            } else {
                Err(GenError::UnexpectedResponse(response))
            }
        };
        self.ps.send(call).await.map(|r| r.data)
    }
}

/// A whole answer, kept as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
struct Whole(Value);

impl Envelope for Whole {
    type Data = Value;
    const DATA_REQUIRED: bool = false;
    fn ok(&self) -> bool {
        // An answer with no status at all is taken as it is.
        self.0
            .get("status")
            .is_none_or(super::error::status_is_success)
    }
    fn has_data(&self) -> bool {
        true
    }
    fn into_response(self) -> Option<Response<Value>> {
        let message = self
            .0
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        Some(Response {
            data: self.0,
            message,
            meta: None,
        })
    }
}

/// A raw list request walks every page with the same rules as the typed lists: records are
/// the elements of `data`, and `meta` decides where the walk goes next.
impl Paginate for RawRequest<'_> {
    type Item = Value;

    fn cursor_mode(&self) -> bool {
        self.cursor.is_some()
    }

    fn page_number(&self) -> u32 {
        self.query
            .iter()
            .rev()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1)
    }

    fn at_page(self, page: u32) -> Self {
        self.set_query("page", page.to_string())
    }

    fn at_cursor(self, cursor: String) -> Self {
        let param = self.cursor.clone().unwrap_or_else(|| "next".into());
        self.set_query(&param, cursor)
    }

    async fn fetch(self) -> Result<Response<Vec<Value>>> {
        let mut answer = self.send().await?;
        let data = match answer.get_mut("data").map(Value::take) {
            Some(Value::Array(rows)) => rows,
            _ => {
                return Err(crate::Error::Decode(Box::new(crate::DecodeError {
                    status: 200,
                    path: "data".into(),
                    message: "a list answer needs `data` to be an array".into(),
                    raw: String::new(),
                })))
            }
        };
        let message = match answer.get("message") {
            Some(Value::String(m)) => m.clone(),
            _ => String::new(),
        };
        // A `meta` this crate cannot read only costs the walk its stop hints: it then ends on
        // an empty or short page.
        let meta = answer
            .get_mut("meta")
            .map(Value::take)
            .and_then(|m| serde_json::from_value(m).ok());
        Ok(Response {
            data,
            message,
            meta,
        })
    }
}
