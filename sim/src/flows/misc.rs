//! Small rules that generic state cannot express: the payment session timeout, customer risk
//! actions, bulk charge batches, Apple Pay domains, and reference lists (countries, states,
//! card BINs).

use serde_json::{json, Value};

use crate::generic;
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, World};

use super::transactions::charge_authorization;

fn bulk_charge(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let items = call.body.as_array().cloned().unwrap_or_default();
    if items.is_empty() {
        return Err(ApiErr::invalid(
            "At least one charge is required",
            "missing_params",
        ));
    }
    let reference = w.fresh_code("bulk-").to_lowercase();
    let batch = generic::with_codes(
        w,
        "bulkcharge",
        json!({
            "reference": reference, "status": "complete",
            "total_charges": items.len(), "pending_charges": 0, "charges": [],
        }),
    );
    let batch = w.create(ix, "bulkcharge", batch);
    let (pos, mut batch) = w
        .find(ix, "bulkcharge", batch["batch_code"].as_str().unwrap_or(""))
        .ok_or_else(|| ApiErr::not_found("Bulk charge"))?;
    let mut charges = Vec::new();
    for item in items {
        let code = item["authorization"].as_str().unwrap_or("").to_string();
        let amount = as_int(item.get("amount")).unwrap_or(0);
        let email = w
            .find(ix, "authorization", &code)
            .and_then(|(_, a)| a["email"].as_str().map(str::to_string))
            .unwrap_or_default();
        let reference = item.get("reference").and_then(Value::as_str);
        let outcome =
            charge_authorization(w, ix, &json!({}), &email, &code, amount, "NGN", reference);
        charges.push(json!({
            "amount": amount, "currency": "NGN", "status": if outcome.is_ok() { "success" } else { "failed" },
            "authorization": {"authorization_code": code},
            "transaction": outcome.as_ref().ok().map(|t| json!({"reference": t["reference"], "id": t["id"]})),
        }));
    }
    batch["charges"] = json!(charges);
    w.save(ix, "bulkcharge", pos, batch.clone());
    Ok(Reply::data("Charges have been queued", batch))
}

const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Nigeria", "NG", "NGN", "+234"),
    ("Ghana", "GH", "GHS", "+233"),
    ("South Africa", "ZA", "ZAR", "+27"),
    ("Kenya", "KE", "KES", "+254"),
    ("Côte d'Ivoire", "CI", "XOF", "+225"),
];

/// The operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "integration_fetchPaymentSessionTimeout" => Ok(Reply::data(
            "Payment session timeout retrieved",
            json!({"payment_session_timeout": w.integrations[ix].session_timeout}),
        )),
        "integration_updatePaymentSessionTimeout" => {
            let t = call.int("timeout").unwrap_or(0);
            if t < 0 {
                return Some(Err(ApiErr::invalid("timeout cannot be negative", "invalid_params")));
            }
            w.integrations[ix].session_timeout = t;
            w.dirty_integrations.push(ix);
            Ok(Reply::data("Payment session timeout updated", json!({"payment_session_timeout": t})))
        }
        "customer_riskAction" => {
            let key = call.str("customer").unwrap_or_default().to_string();
            let Some((pos, mut c)) = w.find(ix, "customer", &key) else {
                return Some(Err(ApiErr::not_found("Customer")));
            };
            c["risk_action"] = json!(call.str("risk_action").unwrap_or("default"));
            w.save(ix, "customer", pos, c.clone());
            Ok(Reply::data("Customer updated", c))
        }
        "bulkCharge_initiate" => bulk_charge(w, ix, call),
        "bulkCharge_charges" => {
            let Some((_, b)) = w.find(ix, "bulkcharge", &call.id()) else {
                return Some(Err(ApiErr::not_found("Bulk charge")));
            };
            let rows = b["charges"].as_array().cloned().unwrap_or_default();
            let (data, meta) = generic::paginate(rows, &call.query);
            Ok(Reply { message: "Bulk charge items retrieved".into(), data: Some(Value::Array(data)), meta: Some(meta) })
        }
        "applePay_registerDomain" => {
            let name = call.str("domainName").unwrap_or_default().to_string();
            if w.find(ix, "apple_pay_domain", &name).is_none() {
                w.create(ix, "apple_pay_domain", json!({"domainName": name}));
            }
            Ok(Reply::message("Domain successfully registered on Apple Pay"))
        }
        "applePay_listDomain" => {
            let names: Vec<Value> = w.integrations[ix]
                .tables
                .get("apple_pay_domain")
                .map(|t| t.iter().map(|(_, d)| d["domainName"].clone()).collect())
                .unwrap_or_default();
            Ok(Reply::data("Apple Pay registered domains retrieved", json!({"domainNames": names})))
        }
        "applePay_unregisterDomain" => {
            let name = call.str("domainName").unwrap_or_default().to_string();
            match w.find(ix, "apple_pay_domain", &name) {
                Some((pos, _)) => {
                    w.delete(ix, "apple_pay_domain", pos);
                    Ok(Reply::message("Domain successfully unregistered"))
                }
                None => Err(ApiErr::not_found("Domain")),
            }
        }
        "miscellaneous_listCountries" => Ok(Reply::data(
            "Countries retrieved",
            Value::Array(
                COUNTRIES
                    .iter()
                    .enumerate()
                    .map(|(i, (name, iso, cur, call))| {
                        json!({"id": i + 1, "name": name, "iso_code": iso, "default_currency_code": cur,
                               "calling_code": call, "active_for_dashboard_onboarding": true, "pilot_mode": false})
                    })
                    .collect(),
            ),
        )),
        "miscellaneous_avs" => Ok(Reply::data(
            "States retrieved",
            json!([{"name": "Lagos", "slug": "lagos", "abbreviation": "LA"},
                   {"name": "Oyo", "slug": "oyo", "abbreviation": "OY"},
                   {"name": "Federal Capital Territory", "slug": "fct", "abbreviation": "FC"}]),
        )),
        "miscellaneous_resolveCardBin" => {
            let bin = call.id();
            if bin.len() < 6 || !bin.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Err(ApiErr::invalid("Invalid BIN", "invalid_bin")));
            }
            let brand = if bin.starts_with('4') { "visa" } else if bin.starts_with('5') { "mastercard" } else { "verve" };
            Ok(Reply::data(
                "Bin resolved",
                json!({"bin": &bin[..6], "brand": brand, "sub_brand": "", "country_code": "NG",
                       "country_name": "Nigeria", "card_type": "DEBIT", "bank": "Simulated Bank", "linked_bank_id": 1}),
            ))
        }
        _ => return None,
    })
}
