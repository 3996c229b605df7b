//! Subscriptions: created on a saved authorization, renewed when the clock passes the next
//! payment date, disabled and enabled with the email token.

use chrono::{DateTime, Months, Utc};
use serde_json::{json, Value};

use crate::generic;
use crate::state::{parse_stamp, stamp};
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, World};

use super::transactions::{charge_authorization, summary};

/// The next billing date after `from` for a plan interval.
pub fn next_date(from: DateTime<Utc>, interval: &str) -> DateTime<Utc> {
    let months = |m| from.checked_add_months(Months::new(m)).unwrap_or(from);
    match interval {
        "hourly" => from + chrono::Duration::hours(1),
        "daily" => from + chrono::Duration::days(1),
        "weekly" => from + chrono::Duration::weeks(1),
        "quarterly" => months(3),
        "biannually" => months(6),
        "annually" => months(12),
        _ => months(1),
    }
}

/// Subscribes a customer (email or code) to a plan, on a given or their latest authorization.
pub fn subscribe(
    w: &mut World,
    ix: usize,
    customer: &str,
    plan: &str,
    authorization: Option<&str>,
    start: Option<&str>,
) -> Result<Value, ApiErr> {
    let (_, c) = w
        .find(ix, "customer", customer)
        .ok_or_else(|| ApiErr::not_found("Customer"))?;
    let (_, p) = w
        .find(ix, "plan", plan)
        .ok_or_else(|| ApiErr::not_found("Plan"))?;
    let email = c["email"].as_str().unwrap_or("").to_string();
    let auth = match authorization {
        Some(code) => w.find(ix, "authorization", code).map(|(_, a)| a),
        None => w.integrations[ix]
            .tables
            .get("authorization")
            .and_then(|t| {
                t.newest_first()
                    .find(|a| {
                        a["email"] == email.as_str()
                            && a["reusable"] == true
                            && a["active"] != false
                    })
                    .cloned()
            }),
    }
    .ok_or_else(|| {
        ApiErr::invalid(
            "This customer has no reusable authorization",
            "no_authorization",
        )
    })?;
    let now = w.now();
    let interval = p["interval"].as_str().unwrap_or("monthly").to_string();
    let first = start
        .and_then(|s| parse_stamp(Some(&json!(s))))
        .unwrap_or_else(|| next_date(now, &interval));
    let token = w.fresh_code("").to_lowercase();
    let s = json!({
        "customer": summary(&c), "plan": p, "authorization": auth, "status": "active",
        "amount": p["amount"], "quantity": 1, "email_token": token, "invoice_limit": p.get("invoice_limit").cloned().unwrap_or(json!(0)),
        "cron_expression": "0 0 * * *", "start": now.timestamp(), "next_payment_date": stamp(first),
        "payments_count": 0, "invoices": [], "open_invoice": null, "most_recent_invoice": null,
        "split_code": null, "easy_cron_id": null, "cancelledAt": null, "metadata": null,
    });
    let s = generic::with_codes(w, "subscription", s);
    let s = w.create(ix, "subscription", s);
    w.emit(ix, "subscription.create", s.clone());
    Ok(s)
}

/// Charges every active subscription whose next payment date has passed.
pub fn renew_due(w: &mut World, ix: usize, now: DateTime<Utc>) {
    for (pos, _) in w.due(ix, "subscription", "active", "next_payment_date", now) {
        // Catch up on every missed period, bounded so a huge jump cannot spin for long.
        for _ in 0..1000 {
            let mut s = w.integrations[ix].tables["subscription"].at(pos).clone();
            let Some(at) = parse_stamp(s.get("next_payment_date")) else {
                break;
            };
            if at > now || s["status"] != "active" {
                break;
            }
            let email = s
                .pointer("/customer/email")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let code = s
                .pointer("/authorization/authorization_code")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let amount = as_int(s.get("amount")).unwrap_or(0);
            let currency = s
                .pointer("/plan/currency")
                .and_then(Value::as_str)
                .unwrap_or("NGN")
                .to_string();
            let interval = s
                .pointer("/plan/interval")
                .and_then(Value::as_str)
                .unwrap_or("monthly")
                .to_string();
            let charged =
                charge_authorization(w, ix, &json!({}), &email, &code, amount, &currency, None);
            let invoice_code = w.fresh_code("INV_");
            let paid = charged.is_ok();
            let invoice = json!({
                "invoice_code": invoice_code, "amount": amount, "paid": paid,
                "status": if paid { "success" } else { "failed" },
                "period_start": stamp(at), "period_end": stamp(next_date(at, &interval)),
                "paid_at": if paid { json!(stamp(now)) } else { Value::Null },
                "subscription": {"subscription_code": s["subscription_code"]},
                "transaction": charged.as_ref().ok().map(|t| json!({"reference": t["reference"]})),
            });
            if paid {
                s["payments_count"] = json!(as_int(s.get("payments_count")).unwrap_or(0) + 1);
                s["next_payment_date"] = json!(stamp(next_date(at, &interval)));
                s["most_recent_invoice"] = invoice.clone();
                w.save(ix, "subscription", pos, s);
                w.emit(ix, "invoice.update", invoice);
            } else {
                s["status"] = json!("attention");
                s["open_invoice"] = json!(invoice_code);
                w.save(ix, "subscription", pos, s);
                w.emit(ix, "invoice.payment_failed", invoice);
                break;
            }
        }
    }
}

fn toggle(w: &mut World, ix: usize, call: &Call, enable: bool) -> CallResult {
    let code = call.str("code").unwrap_or_default().to_string();
    let (pos, mut s) = w
        .find(ix, "subscription", &code)
        .ok_or_else(|| ApiErr::not_found("Subscription"))?;
    if call.str("token") != s["email_token"].as_str() {
        return Err(ApiErr::invalid(
            "Subscription token is invalid",
            "invalid_token",
        ));
    }
    if enable {
        s["status"] = json!("active");
        s["cancelledAt"] = Value::Null;
    } else {
        s["status"] = json!("cancelled");
        s["cancelledAt"] = json!(stamp(w.now()));
    }
    w.save(ix, "subscription", pos, s.clone());
    if !enable {
        w.emit(ix, "subscription.disable", s);
    }
    Ok(Reply::message(if enable {
        "Subscription enabled successfully"
    } else {
        "Subscription disabled successfully"
    }))
}

/// The subscription operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "subscription_create" => {
            let customer = call.str("customer").unwrap_or_default().to_string();
            let plan = call.str("plan").unwrap_or_default().to_string();
            subscribe(w, ix, &customer, &plan, call.str("authorization"), call.str("start_date"))
                .map(|s| Reply::data("Subscription successfully created", s))
        }
        "subscription_disable" => toggle(w, ix, call, false),
        "subscription_enable" => toggle(w, ix, call, true),
        "subscription_manageLink" => w
            .find(ix, "subscription", &call.id())
            .map(|(_, s)| {
                Reply::data(
                    "Link generated",
                    json!({"link": format!("{}/_sim/subscription/{}", w.base_url, s["subscription_code"].as_str().unwrap_or(""))}),
                )
            })
            .ok_or_else(|| ApiErr::not_found("Subscription")),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        let t = DateTime::parse_from_rfc3339("2026-01-31T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(stamp(next_date(t, "monthly")), "2026-02-28T10:00:00.000Z");
        assert_eq!(stamp(next_date(t, "weekly")), "2026-02-07T10:00:00.000Z");
        assert_eq!(stamp(next_date(t, "annually")), "2027-01-31T10:00:00.000Z");
    }
}
