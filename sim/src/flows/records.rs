//! Operations whose request names other records by id or code where Paystack's answer holds
//! the records themselves (a split's subaccounts, a page's products), or holds an id where
//! the request gave a code (a payment request's customer). The body is rewritten from state,
//! then the generic handler stores and answers it.

use serde_json::{json, Value};

use crate::generic;
use crate::world::{ApiErr, Call, CallResult, World};

/// Serves the operation when it is one of these, else `None`.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    let body = match call.op.id.as_str() {
        "split_create" | "split_update" => split_body(w, ix, &call.body),
        "split_addSubaccount" => return Some(split_add(w, ix, call)),
        "page_addProducts" => return Some(page_add_products(w, ix, call)),
        "terminal_sendEvent" => return Some(terminal_event(w, ix, call)),
        "terminal_fetchEventStatus" => return Some(terminal_event_status(w, ix, call)),
        "terminal_fetchTerminalStatus" => return Some(terminal_presence(w, ix, call)),
        "paymentRequest_create" | "paymentRequest_update" => payment_request_body(w, ix, call),
        _ => return None,
    };
    let body = match body {
        Ok(b) => b,
        Err(e) => return Some(Err(e)),
    };
    let rewritten = Call {
        op: call.op,
        path: call.path.clone(),
        query: call.query.clone(),
        body,
    };
    Some(generic::handle(w, ix, &rewritten))
}

/// One split share with its subaccount record in place of the code.
fn share(w: &World, ix: usize, s: &Value) -> Result<Value, ApiErr> {
    let code = s["subaccount"].as_str().unwrap_or_default();
    let (_, sub) = w
        .find(ix, "subaccount", code)
        .ok_or_else(|| ApiErr::not_found("Subaccount"))?;
    Ok(json!({"subaccount": sub, "share": s["share"]}))
}

fn split_body(w: &World, ix: usize, body: &Value) -> Result<Value, ApiErr> {
    let mut body = body.clone();
    if let Some(shares) = body.get("subaccounts").and_then(Value::as_array) {
        let expanded = shares
            .iter()
            .map(|s| share(w, ix, s))
            .collect::<Result<Vec<_>, _>>()?;
        body["subaccounts"] = json!(expanded);
    }
    Ok(body)
}

/// Adds (or re-shares) one subaccount on a split.
fn split_add(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (pos, mut split) = w
        .find(ix, "split", &call.id())
        .ok_or_else(|| ApiErr::not_found("Split"))?;
    let added = share(w, ix, &call.body)?;
    let code = call.body["subaccount"].as_str().unwrap_or_default();
    let mut shares: Vec<Value> = split["subaccounts"].as_array().cloned().unwrap_or_default();
    shares.retain(|s| s["subaccount"]["subaccount_code"].as_str() != Some(code));
    shares.push(added);
    split["subaccounts"] = json!(shares);
    w.save(ix, "split", pos, split.clone());
    Ok(crate::world::Reply::data("Subaccount added", split))
}

/// Puts products on a page, each as the page's product record.
fn page_add_products(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (pos, mut page) = w
        .find(ix, "page", &call.id())
        .ok_or_else(|| ApiErr::not_found("Page"))?;
    let page_id = page["id"].clone();
    let mut products: Vec<Value> = page["products"].as_array().cloned().unwrap_or_default();
    for id in call.body["products"].as_array().into_iter().flatten() {
        let key = id.as_u64().map(|n| n.to_string()).unwrap_or_default();
        let (_, p) = w
            .find(ix, "product", &key)
            .ok_or_else(|| ApiErr::not_found("Product"))?;
        products.retain(|x| x["product_id"] != p["id"]);
        products.push(json!({
            "product_id": p["id"], "page": page_id, "integration": p["integration"],
            "domain": p["domain"], "name": p["name"], "description": p["description"],
            "product_code": p["product_code"], "price": p["price"], "currency": p["currency"],
            "quantity": p["quantity"], "type": "good", "is_shippable": p["is_shippable"],
            "active": true, "in_stock": true,
        }));
    }
    page["products"] = json!(products);
    w.save(ix, "page", pos, page.clone());
    Ok(crate::world::Reply::data("Products added to page", page))
}

/// A payment request's customer is stored as the customer's numeric id, as Paystack answers
/// it; the request may name the customer by code, email or id.
fn payment_request_body(w: &World, ix: usize, call: &Call) -> Result<Value, ApiErr> {
    let mut body = call.body.clone();
    let key = match body.get("customer") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Ok(body),
    };
    let (_, c) = w
        .find(ix, "customer", &key)
        .ok_or_else(|| ApiErr::not_found("Customer"))?;
    body["customer"] = c["id"].clone();
    Ok(body)
}

/// Sends an event to a terminal: it is kept (delivered at once, as the simulated device is
/// always on) and answered with its text id.
fn terminal_event(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (_, terminal) = w
        .find(ix, "terminal", &call.id())
        .ok_or_else(|| ApiErr::not_found("Terminal"))?;
    let id = format!("{:024x}", w.fresh_id());
    w.create(
        ix,
        "terminal_event",
        json!({"event_id": id, "terminal_id": terminal["terminal_id"], "type": call.body["type"],
               "action": call.body["action"], "delivered": true}),
    );
    Ok(crate::world::Reply::data(
        "Event sent to Terminal",
        json!({"id": id}),
    ))
}

/// Whether an event reached its terminal; 404 for an event never sent.
fn terminal_event_status(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let event = call.path.get("event_id").cloned().unwrap_or_default();
    let terminal = call.path.get("terminal_id").cloned().unwrap_or_default();
    let found = w.integrations[ix]
        .tables
        .get("terminal_event")
        .and_then(|t| {
            t.newest_first()
                .find(|e| e["event_id"] == json!(event) && e["terminal_id"] == json!(terminal))
                .cloned()
        })
        .ok_or_else(|| ApiErr::not_found("Terminal event"))?;
    Ok(crate::world::Reply::data(
        "Message Status Retrieved",
        json!({"delivered": found["delivered"]}),
    ))
}

/// A terminal that exists is online and available; 404 for one that does not.
fn terminal_presence(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let terminal = call.path.get("terminal_id").cloned().unwrap_or_default();
    w.find(ix, "terminal", &terminal)
        .ok_or_else(|| ApiErr::not_found("Terminal"))?;
    Ok(crate::world::Reply::data(
        "Terminal status retrieved",
        json!({"online": true, "available": true}),
    ))
}
