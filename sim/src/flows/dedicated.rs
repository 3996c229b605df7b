//! Dedicated virtual accounts: created for customers, and credited by simulated bank
//! transfers.

use serde_json::{json, Value};

use crate::world::{ApiErr, Call, CallResult, Reply, World};

use super::transactions::{customer_for, receive, summary};

const PROVIDER: (&str, &str, u64) = ("test-bank", "Simulated Test Bank", 1);

fn open(w: &mut World, ix: usize, customer: &Value, body: &Value) -> Value {
    let n = w.fresh_id();
    let number = format!("9{:09}", n % 1_000_000_000);
    let name = format!(
        "SIM/{} {}",
        customer["first_name"].as_str().unwrap_or("CUSTOMER"),
        customer["last_name"].as_str().unwrap_or("")
    )
    .trim()
    .to_uppercase();
    let acct = json!({
        "account_number": number, "account_name": name, "currency": "NGN", "active": true, "assigned": true,
        "bank": {"id": PROVIDER.2, "name": PROVIDER.1, "slug": PROVIDER.0},
        "customer": summary(customer), "split_config": body.get("split_code").cloned().unwrap_or(Value::Null),
        "metadata": null,
        "assignment": {"integration": w.integrations[ix].id, "assignee_type": "Customer", "account_type": "PAY-WITH-TRANSFER-RECURRING", "expired": false},
    });
    w.create(ix, "dedicated_account", acct)
}

/// A bank transfer from a customer into a dedicated account.
pub fn bank_transfer(
    w: &mut World,
    ix: usize,
    account_number: &str,
    amount: i64,
) -> Result<Value, ApiErr> {
    let (_, acct) = w
        .find(ix, "dedicated_account", account_number)
        .ok_or_else(|| ApiErr::not_found("Dedicated account"))?;
    if acct["active"] == false {
        return Err(ApiErr::refused(
            "Dedicated account is not active",
            "account_inactive",
        ));
    }
    if amount <= 0 {
        return Err(ApiErr::invalid("Invalid amount", "invalid_amount"));
    }
    let email = acct
        .pointer("/customer/email")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    receive(w, ix, &email, amount, "NGN", "dedicated_nuban", &acct)
}

/// The dedicated account operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "dedicatedAccount_create" => {
            let key = match call.body.get("customer") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            match w.find(ix, "customer", &key) {
                Some((_, c)) => Ok(Reply::data("NUBAN successfully created", open(w, ix, &c, &call.body))),
                None => Err(ApiErr::not_found("Customer")),
            }
        }
        "dedicatedAccount_assign" => {
            let email = call.str("email").unwrap_or_default().to_string();
            let (pos, mut c) = customer_for(w, ix, &email);
            for k in ["first_name", "last_name", "phone"] {
                if let Some(v) = call.body.get(k) {
                    c[k] = v.clone();
                }
            }
            w.save(ix, "customer", pos, c.clone());
            let acct = open(w, ix, &c, &call.body);
            w.emit(ix, "dedicatedaccount.assign.success", json!({"customer": summary(&c), "dedicated_account": acct}));
            Ok(Reply::message("Assign dedicated account in progress"))
        }
        "dedicatedAccount_deactivate" => {
            let Some((pos, mut a)) = w.find(ix, "dedicated_account", &call.id()) else {
                return Some(Err(ApiErr::not_found("Dedicated account")));
            };
            a["active"] = json!(false);
            a["assigned"] = json!(false);
            w.save(ix, "dedicated_account", pos, a.clone());
            Ok(Reply::data("Managed Account Successfully Unassigned", a))
        }
        "dedicatedAccount_availableProviders" => Ok(Reply::data(
            "Dedicated account providers retrieved",
            json!([{"provider_slug": PROVIDER.0, "bank_id": PROVIDER.2, "bank_name": PROVIDER.1, "id": 1}]),
        )),
        "dedicatedAccount_requery" => Ok(Reply::message("We are checking the status of your transfer. We will send you a notification once it is confirmed")),
        _ => return None,
    })
}
