//! Transactions and charges: initialize, the checkout payment, verify, charges on saved
//! authorizations, totals and timeline. Customers are found or created by email here too.

use serde_json::{json, Value};

use crate::generic;
use crate::state::stamp;
use crate::world::{as_int, ApiErr, Call, CallResult, PayOutcome, Reply, World};

/// Paystack's local card fee as the simulator applies it: 1.5% plus 100 NGN from 2,500 NGN,
/// capped at 2,000 NGN; 3.9% elsewhere. Integer arithmetic on subunits.
pub fn fee(currency: &str, amount: i64) -> i64 {
    if currency == "NGN" {
        let base = amount * 15 / 1000 + if amount >= 250_000 { 10_000 } else { 0 };
        base.min(200_000)
    } else {
        amount * 39 / 1000
    }
}

/// The customer with this email, created when new; returns (position, record).
pub fn customer_for(w: &mut World, ix: usize, email: &str) -> (usize, Value) {
    if let Some(found) = w.find(ix, "customer", email) {
        return found;
    }
    let v = generic::with_codes(
        w,
        "customer",
        json!({"email": email, "first_name": null, "last_name": null, "phone": null,
               "metadata": null, "risk_action": "default", "identified": false}),
    );
    let rec = w.create(ix, "customer", v);
    let pos = w.integrations[ix].tables["customer"].len() - 1;
    let pos = w.integrations[ix].tables["customer"]
        .find(rec["customer_code"].as_str().unwrap_or(""))
        .unwrap_or(pos);
    (pos, rec)
}

/// The short form of a customer embedded in other records.
pub fn summary(c: &Value) -> Value {
    json!({
        "id": c["id"], "email": c["email"], "customer_code": c["customer_code"],
        "first_name": c["first_name"], "last_name": c["last_name"], "phone": c["phone"],
        "metadata": c["metadata"], "risk_action": c["risk_action"],
    })
}

pub fn check_reference(r: &str) -> Result<(), ApiErr> {
    paystack::validate::transaction_reference(r)
        .map_err(|e| ApiErr::invalid(format!("Invalid reference: {e}"), "invalid_reference"))
}

pub fn duplicate(w: &World, ix: usize, reference: &str) -> Result<(), ApiErr> {
    if w.find(ix, "transaction", reference).is_some() {
        return Err(ApiErr::invalid(
            "Duplicate Transaction Reference",
            "duplicate_reference",
        ));
    }
    Ok(())
}

/// Builds and stores a transaction record.
#[allow(clippy::too_many_arguments)]
fn new_transaction(
    w: &mut World,
    ix: usize,
    call_body: &Value,
    email: &str,
    amount: i64,
    currency: &str,
    reference: Option<&str>,
    channel: &str,
) -> Result<Value, ApiErr> {
    let reference = match reference {
        Some(r) => {
            check_reference(r)?;
            duplicate(w, ix, r)?;
            r.to_string()
        }
        None => w.fresh_code("T").to_lowercase(),
    };
    let (_, customer) = customer_for(w, ix, email);
    let access_code = w.fresh_code("").to_lowercase();
    let now = stamp(w.now());
    let tx = json!({
        "reference": reference,
        "amount": amount,
        "requested_amount": amount,
        "currency": currency,
        "status": "abandoned",
        "channel": channel,
        "gateway_response": "The transaction was not completed",
        "message": null,
        "customer": summary(&customer),
        "metadata": call_body.get("metadata").cloned().unwrap_or(Value::Null),
        "plan": call_body.get("plan").cloned().unwrap_or(Value::Null),
        "split_code": call_body.get("split_code").cloned().unwrap_or(Value::Null),
        "subaccount": call_body.get("subaccount").cloned().unwrap_or(Value::Null),
        "callback_url": call_body.get("callback_url").cloned().unwrap_or(Value::Null),
        "fees": null,
        "paid_at": null,
        "transaction_date": now,
        "access_code": access_code,
        "authorization_url": format!("{}/checkout/{access_code}", w.base_url),
        "log": {"start_time": 0, "time_spent": 0, "attempts": 0, "errors": 0, "success": false,
                "mobile": false, "input": [], "history": [
                    {"type": "action", "message": "Checkout opened", "time": 0}]},
    });
    Ok(w.create(ix, "transaction", tx))
}

fn initialize(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let email = call.str("email").unwrap_or_default().to_string();
    let amount = call.int("amount").unwrap_or(0);
    if amount <= 0 {
        return Err(ApiErr::invalid("Invalid amount", "invalid_amount"));
    }
    let currency = call.str("currency").unwrap_or("NGN").to_string();
    if let Some(plan) = call.str("plan") {
        if w.find(ix, "plan", plan).is_none() {
            return Err(ApiErr::invalid("Plan not found", "invalid_plan"));
        }
    }
    let tx = new_transaction(
        w,
        ix,
        &call.body,
        &email,
        amount,
        &currency,
        call.str("reference"),
        "card",
    )?;
    Ok(Reply::data(
        "Authorization URL created",
        json!({"authorization_url": tx["authorization_url"], "access_code": tx["access_code"], "reference": tx["reference"]}),
    ))
}

/// A reusable card authorization for a customer, stored so charges can reuse it.
fn new_authorization(w: &mut World, ix: usize, email: &str, last4: &str) -> Value {
    let code = w
        .fresh_code("AUTH_")
        .to_lowercase()
        .replacen("auth_", "AUTH_", 1);
    let sig = w.fresh_code("SIG_");
    let auth = json!({
        "authorization_code": code, "bin": "408408", "last4": last4, "exp_month": "12",
        "exp_year": "2030", "channel": "card", "card_type": "visa", "bank": "Simulated Bank",
        "country_code": "NG", "brand": "visa", "reusable": true, "signature": sig,
        "account_name": null, "email": email, "active": true,
    });
    w.create(ix, "authorization", auth)
}

/// Marks a transaction paid and does what follows: balance, ledger, authorization, webhook,
/// and a subscription when it was for a plan.
fn succeed(
    w: &mut World,
    ix: usize,
    pos: usize,
    mut tx: Value,
    authorization: Value,
    channel: &str,
) -> Value {
    let amount = as_int(tx.get("amount")).unwrap_or(0);
    let currency = tx["currency"].as_str().unwrap_or("NGN").to_string();
    let fees = fee(&currency, amount);
    let now = stamp(w.now());
    tx["status"] = json!("success");
    tx["gateway_response"] = json!("Successful");
    tx["channel"] = json!(channel);
    tx["paid_at"] = json!(now);
    tx["fees"] = json!(fees);
    tx["authorization"] = authorization;
    if let Some(h) = tx.pointer_mut("/log/history").and_then(Value::as_array_mut) {
        h.push(json!({"type": "success", "message": "Payment completed", "time": 1}));
    }
    tx["log"]["success"] = json!(true);
    tx["log"]["attempts"] = json!(1);
    // Subaccount and split shares leave the integration's part; the fee is the
    // integration's to bear (Paystack's default bearer).
    let shares = shares(w, ix, &tx, amount);
    let to_others: i64 = shares.iter().map(|(_, v)| v).sum();
    let mine = amount - to_others - fees;
    tx["fees_split"] = json!({
        "paystack": fees,
        "integration": mine,
        "subaccounts": shares.iter().map(|(c, v)| json!({"subaccount_code": c, "amount": v})).collect::<Vec<_>>(),
    });
    w.save(ix, "transaction", pos, tx.clone());
    w.move_money(ix, &currency, mine, "Transaction", "Transaction", &tx);
    let settle_on = stamp(w.now() + chrono::Duration::days(1));
    w.create(
        ix,
        "settlement",
        json!({
            "status": "pending", "currency": currency, "total_amount": amount, "total_fees": fees,
            "effective_amount": mine, "total_processed": amount, "settlement_date": settle_on,
            "settled_by": null, "deductions": to_others, "transaction_reference": tx["reference"],
        }),
    );
    w.emit(ix, "charge.success", tx.clone());
    if let Some(plan) = tx
        .get("plan")
        .and_then(Value::as_str)
        .filter(|p| !p.is_empty())
    {
        let email = tx
            .pointer("/customer/email")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let _ = super::subscriptions::subscribe(w, ix, &email, plan, None, None);
    }
    tx
}

/// What each subaccount gets from a payment, from the transaction's `subaccount` (its
/// `percentage_charge` is the integration's part) or `split_code` (percentage or flat shares).
fn shares(w: &World, ix: usize, tx: &Value, amount: i64) -> Vec<(String, i64)> {
    if let Some((_, sub)) = tx["subaccount"]
        .as_str()
        .and_then(|c| w.find(ix, "subaccount", c))
    {
        let pct = sub["percentage_charge"]
            .as_f64()
            .unwrap_or(0.0)
            .clamp(0.0, 100.0);
        // Basis points keep the arithmetic on integers.
        let mine = amount * (pct * 100.0).round() as i64 / 10_000;
        let code = sub["subaccount_code"].as_str().unwrap_or("").to_string();
        return vec![(code, amount - mine)];
    }
    let Some((_, split)) = tx["split_code"]
        .as_str()
        .and_then(|c| w.find(ix, "split", c))
    else {
        return Vec::new();
    };
    let flat = split["type"] == "flat";
    let mut left = amount;
    let mut out = Vec::new();
    for s in split["subaccounts"].as_array().into_iter().flatten() {
        let share = as_int(s.get("share")).unwrap_or(0).max(0);
        let v = if flat { share } else { amount * share / 100 }.min(left);
        left -= v;
        out.push((s["subaccount"].as_str().unwrap_or("").to_string(), v));
    }
    out
}

fn fail(w: &mut World, ix: usize, pos: usize, mut tx: Value, status: &str, why: &str) -> Value {
    tx["status"] = json!(status);
    tx["gateway_response"] = json!(why);
    if let Some(h) = tx.pointer_mut("/log/history").and_then(Value::as_array_mut) {
        h.push(json!({"type": "error", "message": why, "time": 1}));
    }
    tx["log"]["errors"] = json!(1);
    w.save(ix, "transaction", pos, tx.clone());
    tx
}

/// Pays a transaction by reference or access code with a test outcome.
pub fn pay(
    w: &mut World,
    ix: usize,
    reference: &str,
    outcome: PayOutcome,
) -> Result<Value, ApiErr> {
    pay_with_card(w, ix, reference, outcome, "4081")
}

/// Like [`pay`], with the card's last four digits.
pub fn pay_with_card(
    w: &mut World,
    ix: usize,
    reference: &str,
    outcome: PayOutcome,
    last4: &str,
) -> Result<Value, ApiErr> {
    let (pos, tx) = w
        .find(ix, "transaction", reference)
        .ok_or_else(|| ApiErr::not_found("Transaction"))?;
    if tx["status"] != "abandoned" && tx["status"] != "ongoing" {
        return Err(ApiErr::refused(
            format!(
                "Transaction is already {}",
                tx["status"].as_str().unwrap_or("")
            ),
            "transaction_closed",
        ));
    }
    Ok(match outcome {
        PayOutcome::Success => {
            let email = tx
                .pointer("/customer/email")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let auth = new_authorization(w, ix, &email, last4);
            succeed(w, ix, pos, tx, auth, "card")
        }
        PayOutcome::Declined => fail(w, ix, pos, tx, "failed", "Declined"),
        PayOutcome::InsufficientFunds => fail(w, ix, pos, tx, "failed", "Insufficient Funds"),
        PayOutcome::Abandoned => fail(
            w,
            ix,
            pos,
            tx,
            "abandoned",
            "The customer left the checkout",
        ),
    })
}

fn find_tx(w: &World, ix: usize, key: &str) -> Result<(usize, Value), ApiErr> {
    w.find(ix, "transaction", key)
        .ok_or_else(|| ApiErr::invalid("Transaction reference not found", "transaction_not_found"))
}

/// Charges a stored authorization (charge_authorization, partial_debit, renewals, /charge).
#[allow(clippy::too_many_arguments)]
pub fn charge_authorization(
    w: &mut World,
    ix: usize,
    body: &Value,
    email: &str,
    auth_code: &str,
    amount: i64,
    currency: &str,
    reference: Option<&str>,
) -> Result<Value, ApiErr> {
    let (_, auth) = w
        .find(ix, "authorization", auth_code)
        .ok_or_else(|| ApiErr::invalid("Invalid authorization code", "invalid_authorization"))?;
    if auth["active"] == false {
        return Err(ApiErr::invalid(
            "Authorization is no longer active",
            "invalid_authorization",
        ));
    }
    if !auth["email"]
        .as_str()
        .unwrap_or("")
        .eq_ignore_ascii_case(email)
    {
        return Err(ApiErr::invalid(
            "Authorization code does not belong to this customer",
            "invalid_authorization",
        ));
    }
    let tx = new_transaction(w, ix, body, email, amount, currency, reference, "card")?;
    let pos = find_tx(w, ix, tx["reference"].as_str().unwrap_or(""))?.0;
    let mut auth = auth;
    if let Some(o) = auth.as_object_mut() {
        for k in [
            "id",
            "integration",
            "domain",
            "createdAt",
            "created_at",
            "updatedAt",
            "updated_at",
            "email",
            "active",
        ] {
            o.remove(k);
        }
    }
    Ok(succeed(w, ix, pos, tx, auth, "card"))
}

fn totals(w: &World, ix: usize) -> Value {
    let mut volume = std::collections::BTreeMap::<String, i64>::new();
    let mut pending = std::collections::BTreeMap::<String, i64>::new();
    let mut customers = std::collections::BTreeSet::new();
    let mut count = 0;
    let integ = &w.integrations[ix];
    if let Some(t) = integ.tables.get("transaction") {
        for (_, tx) in t.iter().filter(|(_, t)| t["status"] == "success") {
            count += 1;
            *volume
                .entry(tx["currency"].as_str().unwrap_or("NGN").into())
                .or_default() += as_int(tx.get("amount")).unwrap_or(0);
            customers.insert(
                tx.pointer("/customer/email")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            );
        }
    }
    if let Some(t) = integ.tables.get("transfer") {
        for (_, tr) in t
            .iter()
            .filter(|(_, t)| t["status"] == "pending" || t["status"] == "otp")
        {
            *pending
                .entry(tr["currency"].as_str().unwrap_or("NGN").into())
                .or_default() += as_int(tr.get("amount")).unwrap_or(0);
        }
    }
    let by = |m: &std::collections::BTreeMap<String, i64>| -> Vec<Value> {
        m.iter()
            .map(|(c, a)| json!({"currency": c, "amount": a}))
            .collect()
    };
    json!({
        "total_transactions": count,
        "unique_customers": customers.len(),
        "total_volume": volume.values().sum::<i64>(),
        "total_volume_by_currency": by(&volume),
        "pending_transfers": pending.values().sum::<i64>(),
        "pending_transfers_by_currency": by(&pending),
    })
}

fn charge(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let email = call.str("email").unwrap_or_default().to_string();
    let amount = call.int("amount").unwrap_or(0);
    let currency = call.str("currency").unwrap_or("NGN").to_string();
    if let Some(code) = call.str("authorization_code") {
        let tx = charge_authorization(
            w,
            ix,
            &call.body,
            &email,
            code,
            amount,
            &currency,
            call.str("reference"),
        )?;
        return Ok(Reply::data("Charge attempted", tx));
    }
    let channel = if call.body.get("bank").is_some() {
        "bank"
    } else {
        "card"
    };
    let tx = new_transaction(
        w,
        ix,
        &call.body,
        &email,
        amount,
        &currency,
        call.str("reference"),
        channel,
    )?;
    let (pos, mut tx) = find_tx(w, ix, tx["reference"].as_str().unwrap_or(""))?;
    // The next step the customer must take, as Paystack asks for it.
    let next = if channel == "bank" || call.str("pin").is_some() {
        "send_otp"
    } else {
        "send_pin"
    };
    tx["status"] = json!(next);
    tx["display_text"] = json!(if next == "send_pin" {
        "Please enter your 4-digit PIN"
    } else {
        "Please enter the OTP sent to your phone"
    });
    w.save(ix, "transaction", pos, tx.clone());
    Ok(Reply::data("Charge attempted", tx))
}

fn submit(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let reference = call.str("reference").unwrap_or_default().to_string();
    let (pos, mut tx) = find_tx(w, ix, &reference)?;
    let status = tx["status"].as_str().unwrap_or("").to_string();
    let step = call
        .op
        .id
        .trim_start_matches("charge_submit")
        .to_ascii_lowercase();
    let expected = match step.as_str() {
        "pin" => "send_pin",
        "otp" => "send_otp",
        "phone" => "send_phone",
        "birthday" => "send_birthday",
        _ => "send_address",
    };
    if status != expected {
        return Err(ApiErr::refused(
            format!("This charge is not waiting for a {step} (it is {status})"),
            "invalid_charge_state",
        ));
    }
    match step.as_str() {
        "pin" => {
            tx["status"] = json!("send_otp");
            tx["display_text"] = json!("Please enter the OTP sent to your phone");
            w.save(ix, "transaction", pos, tx.clone());
            Ok(Reply::data("Charge attempted", tx))
        }
        "otp" if call.str("otp") != Some("123456") => {
            let tx = fail(w, ix, pos, tx, "failed", "Token Validation Failed");
            Ok(Reply::data("Charge attempted", tx))
        }
        _ => {
            tx["status"] = json!("abandoned");
            let email = tx
                .pointer("/customer/email")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let auth = new_authorization(w, ix, &email, "4081");
            let tx = succeed(w, ix, pos, tx, auth, "card");
            Ok(Reply::data("Charge attempted", tx))
        }
    }
}

fn create_customer(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let email = call.str("email").unwrap_or_default().to_string();
    if !email.contains('@') {
        return Err(ApiErr::invalid("Invalid email address", "invalid_email"));
    }
    let (pos, mut c) = customer_for(w, ix, &email);
    generic::merge(&mut c, &call.body);
    w.save(ix, "customer", pos, c.clone());
    Ok(Reply::data("Customer created", c))
}

fn fetch_customer(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let (_, mut c) = w
        .find(ix, "customer", &call.id())
        .ok_or_else(|| ApiErr::not_found("Customer"))?;
    let email = c["email"].as_str().unwrap_or("").to_string();
    let mine = |t: &str, field: &str| -> Vec<Value> {
        w.integrations[ix]
            .tables
            .get(t)
            .map(|t| {
                t.newest_first()
                    .filter(|r| r.pointer(field).and_then(Value::as_str) == Some(email.as_str()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    c["transactions"] = json!(mine("transaction", "/customer/email"));
    c["subscriptions"] = json!(mine("subscription", "/customer/email"));
    c["authorizations"] = json!(mine("authorization", "/email"));
    c["dedicated_accounts"] = json!(mine("dedicated_account", "/customer/email"));
    Ok(Reply::data("Customer retrieved", c))
}

/// The transaction operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "transaction_initialize" => initialize(w, ix, call),
        "transaction_verify" => {
            find_tx(w, ix, &call.id()).map(|(_, tx)| Reply::data("Verification successful", tx))
        }
        "transaction_fetch" => w
            .find(ix, "transaction", &call.id())
            .map(|(_, tx)| Reply::data("Transaction retrieved", tx))
            .ok_or_else(|| ApiErr::not_found("Transaction")),
        "transaction_list" => {
            let mut r = generic::list(w, ix, "transaction", call);
            if let (Some(meta), Some(rows)) =
                (r.meta.as_mut(), r.data.as_ref().and_then(Value::as_array))
            {
                let volume: i64 = rows
                    .iter()
                    .map(|t| as_int(t.get("amount")).unwrap_or(0))
                    .sum();
                meta["total_volume"] = json!(volume);
            }
            Ok(r)
        }
        "transaction_timeline" => find_tx(w, ix, &call.id())
            .map(|(_, tx)| Reply::data("Timeline retrieved", tx["log"].clone())),
        "transaction_totals" => Ok(Reply::data("Transaction totals", totals(w, ix))),
        "transaction_chargeAuthorization" | "transaction_partialDebit" => {
            let email = call.str("email").unwrap_or_default().to_string();
            let code = call
                .str("authorization_code")
                .unwrap_or_default()
                .to_string();
            let amount = call.int("amount").unwrap_or(0);
            let currency = call.str("currency").unwrap_or("NGN").to_string();
            charge_authorization(
                w,
                ix,
                &call.body,
                &email,
                &code,
                amount,
                &currency,
                call.str("reference"),
            )
            .map(|tx| Reply::data("Charge attempted", tx))
        }
        "transaction_export" => Ok(Reply::data(
            "Export successful",
            json!({"path": format!("{}/_sim/export/transactions.csv", w.base_url), "expiresAt": stamp(w.now() + chrono::Duration::hours(1))}),
        )),
        "charge_create" => charge(w, ix, call),
        "charge_submitPin"
        | "charge_submitOtp"
        | "charge_submitPhone"
        | "charge_submitBirthday"
        | "charge_submitAddress" => submit(w, ix, call),
        "charge_check" => {
            find_tx(w, ix, &call.id()).map(|(_, tx)| Reply::data("Charge retrieved", tx))
        }
        "customer_create" => create_customer(w, ix, call),
        "customer_fetch" => fetch_customer(w, ix, call),
        "customer_deactivateAuthorization" => {
            let code = call
                .str("authorization_code")
                .unwrap_or_default()
                .to_string();
            let Some((pos, mut a)) = w.find(ix, "authorization", &code) else {
                return Some(Err(ApiErr::not_found("Authorization")));
            };
            a["active"] = json!(false);
            a["reusable"] = json!(false);
            w.save(ix, "authorization", pos, a);
            Ok(Reply::message("Authorization has been deactivated"))
        }
        _ => return None,
    })
}

/// Records money that arrived without a checkout (a bank transfer into a dedicated account).
pub fn receive(
    w: &mut World,
    ix: usize,
    email: &str,
    amount: i64,
    currency: &str,
    channel: &str,
    account: &Value,
) -> Result<Value, ApiErr> {
    let tx = new_transaction(w, ix, &json!({}), email, amount, currency, None, channel)?;
    let pos = find_tx(w, ix, tx["reference"].as_str().unwrap_or(""))?.0;
    let auth = json!({
        "authorization_code": w.fresh_code("AUTH_"), "channel": channel, "reusable": false,
        "bank": account.pointer("/bank/name").cloned().unwrap_or(Value::Null),
        "receiver_bank_account_number": account["account_number"],
        "receiver_bank": account.pointer("/bank/name").cloned().unwrap_or(Value::Null),
        "account_name": account["account_name"], "country_code": "NG",
    });
    Ok(succeed(w, ix, pos, tx, auth, channel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_follow_the_local_card_rule() {
        assert_eq!(fee("NGN", 100_000), 1_500, "under 2,500 NGN: no flat part");
        assert_eq!(fee("NGN", 250_000), 3_750 + 10_000);
        assert_eq!(fee("NGN", 100_000_000), 200_000, "capped");
        assert_eq!(fee("USD", 10_000), 390);
    }
}
