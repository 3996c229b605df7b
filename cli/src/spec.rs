//! The command table built from the spec by `build.rs`, read back once at start-up.

use std::sync::OnceLock;

use serde::Deserialize;

/// Every API area and operation, as `build.rs` found them in `openapi/`.
#[derive(Debug, Deserialize)]
pub struct Table {
    pub areas: Vec<Area>,
    pub operations: Vec<Op>,
}

/// One group file of the spec: one command with an action per operation.
#[derive(Debug, Deserialize)]
pub struct Area {
    pub name: String,
    pub about: String,
}

/// One operation: `paystack <area> <action>`.
#[derive(Debug, Deserialize)]
pub struct Op {
    pub id: String,
    pub area: String,
    pub action: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub description: String,
    pub path_params: Vec<Field>,
    pub query: Vec<Field>,
    pub body: Option<Body>,
    /// `safe`, `by-reference` or `never`, from `x-paystack-retry`.
    pub retry: Option<String>,
    /// From `x-paystack-moves-money`: the operation moves or reserves money.
    pub moves_money: bool,
    /// Where the success answer carries money (`["data", "*", "amount"]`, `*` for array
    /// items): the fields the spec types as `Amount`, in subunits on the wire.
    #[serde(default)]
    pub amounts: Vec<Vec<String>>,
}

/// A request body: an object with fields, or a bare array (given with `--input` only).
#[derive(Debug, Deserialize)]
pub struct Body {
    pub kind: String,
    pub required: bool,
    pub fields: Vec<Field>,
}

/// A parameter or body field.
#[derive(Debug, Deserialize, Clone)]
pub struct Field {
    /// The name on the wire (`perPage`, `callback_url`).
    pub name: String,
    /// The flag, in kebab case (`per-page`, `callback-url`).
    pub flag: String,
    pub kind: Kind,
    /// For a list, the kind of its items (`string` or `integer`).
    pub item: Option<String>,
    pub required: bool,
    #[serde(default)]
    pub desc: String,
    /// Allowed values, when the spec lists them.
    #[serde(default, rename = "enum")]
    pub values: Vec<String>,
}

/// How a flag's text becomes JSON.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    /// Money in major units (`2500.00`), checked by `paystack::Amount::from_major`.
    Amount,
    /// Comma-separated or repeated values.
    List,
    /// Any JSON value, for nested objects and arrays of objects.
    Json,
}

/// Where an argument goes: its clap id says so (`path:`, `query:`, `body:` + wire name). The
/// command tree names arguments with it and request building reads them back.
pub fn arg_id(place: &str, wire: &str) -> String {
    format!("{place}:{wire}")
}

impl Field {
    /// The placeholder in help and usage messages (`AMOUNT`, `N`, `EMAIL`).
    pub fn value_name(&self) -> String {
        match self.kind {
            Kind::Amount => "AMOUNT".into(),
            Kind::Integer | Kind::Number => "N".into(),
            Kind::Boolean => "BOOL".into(),
            Kind::Json => "JSON".into(),
            _ => self.flag.to_uppercase().replace('-', "_"),
        }
    }
}

impl Op {
    /// Whether a list operation pages (has a `page` or cursor parameter), so `--all` applies.
    pub fn pages(&self) -> bool {
        self.query
            .iter()
            .any(|f| f.name == "page" || f.name == "next")
    }

    /// The amount paths inside one record of a list (`data[*]`), for `--all` walks.
    pub fn record_amounts(&self) -> Vec<Vec<String>> {
        self.amounts
            .iter()
            .filter_map(|p| match p.as_slice() {
                [data, star, rest @ ..] if data == "data" && star == "*" => Some(rest.to_vec()),
                _ => None,
            })
            .collect()
    }
}

/// The table, parsed on first use.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/commands.json")))
            .expect("build.rs writes a valid command table")
    })
}

/// The operation behind `paystack <area> <action>`.
pub fn find(area: &str, action: &str) -> Option<&'static Op> {
    table()
        .operations
        .iter()
        .find(|op| op.area == area && op.action == action)
}

/// The operation with this id (`transferrecipient_fetch`).
pub fn by_id(id: &str) -> Option<&'static Op> {
    table().operations.iter().find(|op| op.id == id)
}
