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
        let operation_id = self.operation.map_or("raw", |op| op.rust_id);
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
