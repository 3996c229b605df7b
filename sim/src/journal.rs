//! The request journal: every call the simulator answered, for tests to assert on.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One answered request. The key itself is never recorded, only the integration it reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Order of arrival, from 1.
    pub seq: u64,
    /// HTTP method.
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// The raw query string.
    pub query: String,
    /// The operation id it was routed to.
    pub operation: Option<String>,
    /// The integration id the key reached.
    pub integration: Option<u64>,
    /// The JSON body sent (null when none or not JSON).
    pub body: Value,
    /// The status answered.
    pub status: u16,
    /// The fault applied, if any.
    pub fault: Option<String>,
}
