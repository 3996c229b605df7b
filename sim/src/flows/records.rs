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
        "bank_validateAccountNumber" => return Some(validate_account(call)),
        "customer_initializeAuthorization" | "customer_initializeDirectDebit" => {
            return Some(mandate_request(w, ix, call))
        }
        "customer_verifyAuthorization" => return Some(mandate_verify(w, ix, call)),
        "dispute_download" | "transfer_exportTransfer" => return Some(Ok(export(w, call))),
        "dispute_uploadUrl" => return Some(upload_url(w, ix, call)),
        "dispute_transaction" => return Some(dispute_of_transaction(w, ix, call)),
        "paymentRequest_totals" => return Some(Ok(payment_request_totals(w, ix))),
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

/// An account check: an account number of ten digits or more checks out; a shorter one is an
/// account the bank does not know.
fn validate_account(call: &Call) -> CallResult {
    let number = call.str("account_number").unwrap_or_default();
    let ok = number.len() >= 10 && number.bytes().all(|b| b.is_ascii_digit());
    Ok(crate::world::Reply::data(
        "Personal Account Verification attempted",
        json!({
            "verified": ok,
            "verificationMessage": if ok { "Account is verified successfully" } else { "Account could not be verified" },
            "accountAcceptsDebits": ok, "accountAcceptsCredits": ok,
            "accountOpenForMoreThanThreeMonths": ok, "accountHolderMatch": ok, "accountOpen": ok,
        }),
    ))
}

/// A mandate request (card or direct debit authorization): kept by its reference, answered
/// with where to send the customer. The simulated bank approves it at once.
fn mandate_request(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let customer = match call.op.id.as_str() {
        "customer_initializeDirectDebit" => {
            let (_, c) = w
                .find(ix, "customer", &call.id())
                .ok_or_else(|| ApiErr::not_found("Customer"))?;
            c
        }
        _ => {
            let email = call.str("email").unwrap_or_default().to_string();
            super::transactions::customer_for(w, ix, &email).1
        }
    };
    let reference = w.fresh_code("mdt_").to_lowercase();
    let access_code = w.fresh_code("").to_lowercase();
    let channel = call.str("channel").unwrap_or("direct_debit").to_string();
    let code = w.fresh_code("AUTH_");
    w.create(
        ix,
        "mandate",
        json!({"reference": reference, "authorization_code": code, "channel": channel,
               "bank": "Simulated Bank", "active": true,
               "customer": super::transactions::summary(&customer)}),
    );
    Ok(crate::world::Reply::data(
        "Authorization initialized",
        json!({"redirect_url": format!("{}/checkout/{access_code}", w.base_url),
               "access_code": access_code, "reference": reference}),
    ))
}

/// The mandate a reference names; 404 for a reference never issued, as Paystack.
fn mandate_verify(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (_, m) = w
        .find(ix, "mandate", &call.id())
        .ok_or_else(|| ApiErr::not_found("Authorization"))?;
    Ok(crate::world::Reply::data(
        "Authorization retrieved successfully",
        json!({"authorization_code": m["authorization_code"], "channel": m["channel"],
               "bank": m["bank"], "active": m["active"], "customer": m["customer"]}),
    ))
}

/// An export: a file URL on the simulator that expires in an hour.
fn export(w: &mut World, call: &Call) -> crate::world::Reply {
    let name = w.fresh_code("export_").to_lowercase();
    let expires = crate::state::stamp(w.now() + chrono::Duration::hours(1));
    crate::world::Reply::data(
        "Export successful",
        json!({"path": format!("{}/_sim/files/{}/{name}.csv", w.base_url, call.op.resource()),
               "expiresAt": expires}),
    )
}

/// Where to upload evidence for a dispute that exists.
fn upload_url(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (_, d) = w
        .find(ix, "dispute", &call.id())
        .ok_or_else(|| ApiErr::not_found("Dispute"))?;
    let file = call
        .query
        .get("upload_filename")
        .and_then(Value::as_str)
        .unwrap_or("evidence.pdf")
        .to_string();
    Ok(crate::world::Reply::data(
        "Upload url generated",
        json!({"signedUrl": format!("{}/_sim/uploads/{}/{file}", w.base_url, d["id"]),
               "fileName": file}),
    ))
}

/// The dispute opened on a transaction (by the transaction's id); 404 when there is none.
fn dispute_of_transaction(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let id = call.id();
    let (_, tx) = w
        .find(ix, "transaction", &id)
        .ok_or_else(|| ApiErr::not_found("Transaction"))?;
    let reference = tx["reference"].clone();
    w.integrations[ix]
        .tables
        .get("dispute")
        .and_then(|t| {
            t.newest_first()
                .find(|d| {
                    d["transaction_reference"] == reference
                        || d["transaction"]["reference"] == reference
                        || d["transaction"] == tx["id"]
                })
                .cloned()
        })
        .map(|d| crate::world::Reply::data("Dispute retrieved", d))
        .ok_or_else(|| ApiErr::not_found("Dispute"))
}

/// Sums of payment requests per currency: pending, paid, and both.
fn payment_request_totals(w: &World, ix: usize) -> crate::world::Reply {
    use std::collections::BTreeMap;
    let mut pending: BTreeMap<String, i64> = BTreeMap::new();
    let mut paid: BTreeMap<String, i64> = BTreeMap::new();
    if let Some(t) = w.integrations[ix].tables.get("paymentrequest") {
        for r in t.newest_first() {
            let currency = r["currency"].as_str().unwrap_or("NGN").to_string();
            let amount = crate::world::as_int(r.get("amount")).unwrap_or(0);
            let into = if r["paid"] == true || r["status"] == "success" {
                &mut paid
            } else {
                &mut pending
            };
            *into.entry(currency).or_default() += amount;
        }
    }
    let mut total = pending.clone();
    for (c, a) in &paid {
        *total.entry(c.clone()).or_default() += a;
    }
    let list = |m: &BTreeMap<String, i64>| -> Value {
        json!(m
            .iter()
            .map(|(c, a)| json!({"currency": c, "amount": a}))
            .collect::<Vec<_>>())
    };
    crate::world::Reply::data(
        "Payment request totals",
        json!({"pending": list(&pending), "successful": list(&paid), "total": list(&total)}),
    )
}
