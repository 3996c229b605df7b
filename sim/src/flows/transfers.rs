//! Transfers: recipients, initiate (idempotent by reference), the OTP step, bulk, and
//! settlement on the clock.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::generic;
use crate::state::{parse_stamp, stamp};
use crate::world::{as_int, ApiErr, Call, CallResult, Reply, TransferOutcome, World};

/// The OTP the simulator always sends.
pub const OTP: &str = "123456";

/// Banks the simulator knows, as (name, code, slug).
pub const BANKS: &[(&str, &str, &str)] = &[
    ("Access Bank", "044", "access-bank"),
    ("First Bank of Nigeria", "011", "first-bank-of-nigeria"),
    ("Guaranty Trust Bank", "058", "guaranty-trust-bank"),
    ("United Bank For Africa", "033", "united-bank-for-africa"),
    ("Wema Bank", "035", "wema-bank"),
    ("Zenith Bank", "057", "zenith-bank"),
    ("Simulated Test Bank", "001", "test-bank"),
];

/// Account numbers starting with this fail when their transfer settles.
pub const FAILING_ACCOUNT_PREFIX: &str = "000000";

/// Paystack's NGN transfer fee: 10 NGN up to 5,000, 25 NGN up to 50,000, 50 NGN above.
pub fn transfer_fee(currency: &str, amount: i64) -> i64 {
    if currency != "NGN" {
        return 0;
    }
    match amount {
        a if a <= 500_000 => 1_000,
        a if a <= 5_000_000 => 2_500,
        _ => 5_000,
    }
}

/// A made-up but stable account holder name for an account number.
pub fn account_name(account_number: &str) -> String {
    const FIRST: &[&str] = &[
        "ADA", "CHIDI", "KEMI", "TUNDE", "NGOZI", "EMEKA", "FOLA", "ZAINAB",
    ];
    const LAST: &[&str] = &[
        "OKAFOR", "BELLO", "ADEYEMI", "EZE", "MUSA", "OKONKWO", "ABUBAKAR", "NWOSU",
    ];
    let h = account_number
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    format!(
        "{} {}",
        FIRST[(h % 8) as usize],
        LAST[((h / 8) % 8) as usize]
    )
}

fn bank(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    BANKS.iter().find(|b| b.1 == code)
}

fn create_recipient(w: &mut World, ix: usize, body: &Value) -> Result<Value, ApiErr> {
    let ty = body["type"].as_str().unwrap_or("nuban");
    let account = body["account_number"].as_str().unwrap_or("").to_string();
    let bank_code = body["bank_code"].as_str().unwrap_or("").to_string();
    let details = if ty == "authorization" {
        json!({"authorization_code": body["authorization_code"], "account_number": null,
               "account_name": null, "bank_code": null, "bank_name": null})
    } else {
        if account.is_empty() {
            return Err(ApiErr::invalid(
                "Account number is required",
                "missing_params",
            ));
        }
        let b = bank(&bank_code).ok_or_else(|| {
            ApiErr::invalid(
                "Cannot resolve account: unknown bank code",
                "invalid_bank_code",
            )
        })?;
        json!({"account_number": account, "account_name": account_name(&account),
               "bank_code": bank_code, "bank_name": b.0, "authorization_code": null})
    };
    let rec = json!({
        "type": ty, "name": body["name"], "description": body.get("description").cloned().unwrap_or(Value::Null),
        "metadata": body.get("metadata").cloned().unwrap_or(Value::Null),
        "currency": body.get("currency").and_then(Value::as_str).unwrap_or("NGN"),
        "details": details, "active": true, "is_deleted": false, "email": null,
    });
    let rec = generic::with_codes(w, "transferrecipient", rec);
    Ok(w.create(ix, "transferrecipient", rec))
}

/// Queues one transfer. The same reference returns the transfer already made and never
/// debits twice.
fn initiate_one(w: &mut World, ix: usize, body: &Value, bulk: bool) -> Result<Value, ApiErr> {
    let reference = body["reference"].as_str().unwrap_or("").to_string();
    paystack::validate::transfer_reference(&reference)
        .map_err(|e| ApiErr::invalid(format!("Invalid reference: {e}"), "invalid_reference"))?;
    let amount = as_int(body.get("amount")).unwrap_or(0);
    let recipient_code = body["recipient"].as_str().unwrap_or("").to_string();
    if let Some((_, existing)) = w.find(ix, "transfer", &reference) {
        let same = as_int(existing.get("amount")) == Some(amount)
            && existing
                .pointer("/recipient/recipient_code")
                .and_then(Value::as_str)
                == Some(recipient_code.as_str());
        if !same {
            return Err(ApiErr::invalid(
                "Transfer reference already used with different details",
                "duplicate_reference",
            ));
        }
        return Ok(existing);
    }
    if amount <= 0 {
        return Err(ApiErr::invalid("Invalid amount", "invalid_amount"));
    }
    let (_, recipient) = w
        .find(ix, "transferrecipient", &recipient_code)
        .ok_or_else(|| ApiErr::invalid("Recipient specified is invalid", "invalid_recipient"))?;
    let currency = body
        .get("currency")
        .and_then(Value::as_str)
        .or_else(|| recipient["currency"].as_str())
        .unwrap_or("NGN")
        .to_string();
    let fee = transfer_fee(&currency, amount);
    let otp = w.integrations[ix].otp_enabled && !bulk;
    if !otp && w.integrations[ix].balance(&currency) < amount + fee {
        return Err(ApiErr::refused(
            "Your balance is not enough to fulfil this request",
            "insufficient_balance",
        ));
    }
    let settle_at = stamp(w.now() + chrono::Duration::seconds(w.transfer_settle_secs));
    let t = json!({
        "reference": reference, "amount": amount, "currency": currency,
        "source": body.get("source").and_then(Value::as_str).unwrap_or("balance"),
        "reason": body.get("reason").cloned().unwrap_or(Value::Null),
        "recipient": recipient, "status": if otp { "otp" } else { "pending" },
        "fee_charged": fee, "transferred_at": null, "failures": null, "transfersessionid": [],
        "transfertrials": [], "titan_code": null, "session": {"provider": null, "id": null},
        "gateway_response": null, "settle_at": settle_at,
    });
    let t = generic::with_codes(w, "transfer", t);
    let t = w.create(ix, "transfer", t);
    if !otp {
        w.move_money(ix, &currency, -(amount + fee), "Transfer", "Transfer", &t);
    }
    Ok(t)
}

/// Finishes a pending transfer with an outcome; failed and reversed ones refund the balance.
pub fn settle(
    w: &mut World,
    ix: usize,
    key: &str,
    outcome: TransferOutcome,
) -> Result<Value, ApiErr> {
    let (pos, mut t) = w
        .find(ix, "transfer", key)
        .ok_or_else(|| ApiErr::not_found("Transfer"))?;
    let status = t["status"].as_str().unwrap_or("");
    let allowed =
        status == "pending" || (status == "success" && outcome == TransferOutcome::Reversed);
    if !allowed {
        return Err(ApiErr::refused(
            format!("Transfer is {status}"),
            "transfer_not_pending",
        ));
    }
    let now = stamp(w.now());
    let amount = as_int(t.get("amount")).unwrap_or(0);
    let fee = as_int(t.get("fee_charged")).unwrap_or(0);
    let currency = t["currency"].as_str().unwrap_or("NGN").to_string();
    let (status, event) = match outcome {
        TransferOutcome::Success => ("success", "transfer.success"),
        TransferOutcome::Failed => ("failed", "transfer.failed"),
        TransferOutcome::Reversed => ("reversed", "transfer.reversed"),
    };
    t["status"] = json!(status);
    t["gateway_response"] = json!(match outcome {
        TransferOutcome::Success => "Approved",
        TransferOutcome::Failed => "Beneficiary bank unavailable",
        TransferOutcome::Reversed => "Reversed by the beneficiary bank",
    });
    if outcome == TransferOutcome::Success {
        t["transferred_at"] = json!(now);
    }
    w.save(ix, "transfer", pos, t.clone());
    if outcome != TransferOutcome::Success {
        w.move_money(
            ix,
            &currency,
            amount + fee,
            "Transfer returned",
            "Transfer",
            &t,
        );
    }
    w.emit(ix, event, t.clone());
    Ok(t)
}

/// How long a transfer waits for its OTP before Paystack abandons it.
pub const OTP_EXPIRY_SECS: i64 = 30 * 60;

/// Settles every pending transfer whose time has come, and abandons those whose OTP was never
/// entered.
pub fn settle_due(w: &mut World, ix: usize, now: DateTime<Utc>) {
    let expired: Vec<usize> = w.integrations[ix]
        .tables
        .get("transfer")
        .map(|t| {
            t.iter()
                .filter(|(_, t)| t["status"] == "otp")
                .filter(|(_, t)| {
                    parse_stamp(t.get("createdAt"))
                        .is_some_and(|at| (now - at).num_seconds() >= OTP_EXPIRY_SECS)
                })
                .map(|(p, _)| p)
                .collect()
        })
        .unwrap_or_default();
    for pos in expired {
        let mut t = w.integrations[ix].tables["transfer"].at(pos).clone();
        t["status"] = json!("abandoned");
        t["gateway_response"] = json!("The OTP was not entered in time");
        w.save(ix, "transfer", pos, t);
    }
    let due: Vec<(String, bool)> = match w.integrations[ix].tables.get("transfer") {
        Some(t) => t
            .iter()
            .filter(|(_, t)| t["status"] == "pending")
            .filter(|(_, t)| parse_stamp(t.get("settle_at")).is_some_and(|at| at <= now))
            .map(|(_, t)| {
                let fails = t
                    .pointer("/recipient/details/account_number")
                    .and_then(Value::as_str)
                    .is_some_and(|a| a.starts_with(FAILING_ACCOUNT_PREFIX));
                (t["transfer_code"].as_str().unwrap_or("").to_string(), fails)
            })
            .collect(),
        None => return,
    };
    for (code, fails) in due {
        let outcome = if fails {
            TransferOutcome::Failed
        } else {
            TransferOutcome::Success
        };
        let _ = settle(w, ix, &code, outcome);
    }
}

fn finalize(w: &mut World, ix: usize, call: &Call) -> CallResult {
    let code = call.str("transfer_code").unwrap_or_default().to_string();
    let (pos, mut t) = w
        .find(ix, "transfer", &code)
        .ok_or_else(|| ApiErr::not_found("Transfer"))?;
    if t["status"] != "otp" {
        return Err(ApiErr::refused(
            "Transfer is not currently awaiting OTP",
            "transfer_not_awaiting_otp",
        ));
    }
    if call.str("otp") != Some(OTP) {
        return Err(ApiErr::invalid("Invalid OTP", "invalid_otp"));
    }
    let amount = as_int(t.get("amount")).unwrap_or(0);
    let fee = as_int(t.get("fee_charged")).unwrap_or(0);
    let currency = t["currency"].as_str().unwrap_or("NGN").to_string();
    if w.integrations[ix].balance(&currency) < amount + fee {
        return Err(ApiErr::refused(
            "Your balance is not enough to fulfil this request",
            "insufficient_balance",
        ));
    }
    t["status"] = json!("pending");
    t["settle_at"] = json!(stamp(
        w.now() + chrono::Duration::seconds(w.transfer_settle_secs)
    ));
    w.save(ix, "transfer", pos, t.clone());
    w.move_money(ix, &currency, -(amount + fee), "Transfer", "Transfer", &t);
    Ok(Reply::data("Transfer has been queued", t))
}

fn balance(w: &World, ix: usize) -> Value {
    let integ = &w.integrations[ix];
    let mut rows: Vec<Value> = integ
        .balances
        .iter()
        .map(|(c, b)| json!({"currency": c, "balance": b}))
        .collect();
    if rows.is_empty() {
        rows.push(json!({"currency": "NGN", "balance": 0}));
    }
    Value::Array(rows)
}

/// The transfer, recipient, balance and bank operations this module serves.
pub fn dispatch(w: &mut World, ix: usize, call: &Call) -> Option<CallResult> {
    Some(match call.op.id.as_str() {
        "transferrecipient_create" => create_recipient(w, ix, &call.body)
            .map(|r| Reply::data("Transfer recipient created successfully", r)),
        "transferrecipient_bulk" => {
            let mut success = Vec::new();
            let mut errors = Vec::new();
            for (i, item) in call.body["batch"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                match create_recipient(w, ix, item) {
                    Ok(r) => success.push(r),
                    Err(e) => errors.push(json!({"index": i, "error": e.message})),
                }
            }
            Ok(Reply::data(
                "Recipients added successfully",
                json!({"success": success, "errors": errors}),
            ))
        }
        "transfer_initiate" => {
            // Paystack refuses a single transfer whose reference was used before, whatever its
            // details: the earlier transfer stands, and the client finds it by verifying the
            // reference. (Bulk entries with a known reference are answered as they stand.)
            if w.find(ix, "transfer", call.str("reference").unwrap_or(""))
                .is_some()
            {
                return Some(Err(ApiErr::invalid(
                    "This reference has already been used on a prior transfer",
                    "duplicate_reference",
                )));
            }
            initiate_one(w, ix, &call.body, false).map(|t| {
                let msg = if t["status"] == "otp" {
                    "Transfer requires OTP to continue"
                } else {
                    "Transfer has been queued"
                };
                Reply::data(msg, t)
            })
        }
        "transfer_bulk" => {
            if w.integrations[ix].otp_enabled {
                return Some(Err(ApiErr::refused(
                    "You need to disable the Transfers OTP to use this feature",
                    "otp_enabled",
                )));
            }
            let items = call.body["transfers"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let mut out = Vec::new();
            let currency = call.body.get("currency").cloned();
            for item in items {
                let mut item = item;
                item["source"] = call.body["source"].clone();
                if let Some(c) = &currency {
                    item.as_object_mut()
                        .map(|o| o.entry("currency").or_insert(c.clone()));
                }
                match initiate_one(w, ix, &item, true) {
                    Ok(t) => out.push(json!({
                        "reference": t["reference"], "recipient": t.pointer("/recipient/recipient_code"),
                        "amount": t["amount"], "transfer_code": t["transfer_code"],
                        "currency": t["currency"], "status": t["status"],
                    })),
                    Err(e) => return Some(Err(e)),
                }
            }
            Ok(Reply::data(
                format!("{} transfers queued.", out.len()),
                Value::Array(out),
            ))
        }
        "transfer_finalize" => finalize(w, ix, call),
        "transfer_verify" | "transfer_fetch" => w
            .find(ix, "transfer", &call.id())
            .map(|(_, t)| Reply::data("Transfer retrieved", t))
            .ok_or_else(|| ApiErr::not_found("Transfer")),
        "transfer_resendOtp" => {
            let code = call.str("transfer_code").unwrap_or_default();
            match w.find(ix, "transfer", code) {
                Some((_, t)) if t["status"] == "otp" => Ok(Reply::message("OTP has been resent")),
                Some(_) => Err(ApiErr::refused(
                    "Transfer is not currently awaiting OTP",
                    "transfer_not_awaiting_otp",
                )),
                None => Err(ApiErr::not_found("Transfer")),
            }
        }
        "transfer_disableOtp" => {
            w.integrations[ix].otp_disable_pending = true;
            w.dirty_integrations.push(ix);
            Ok(Reply::message(
                "OTP has been sent to mobile number ending with 4321",
            ))
        }
        "transfer_disableOtpFinalize" => {
            if !w.integrations[ix].otp_disable_pending {
                return Some(Err(ApiErr::refused(
                    "No OTP disable request is pending",
                    "no_pending_request",
                )));
            }
            if call.str("otp") != Some(OTP) {
                return Some(Err(ApiErr::invalid("Invalid OTP", "invalid_otp")));
            }
            w.integrations[ix].otp_enabled = false;
            w.integrations[ix].otp_disable_pending = false;
            w.dirty_integrations.push(ix);
            Ok(Reply::message(
                "OTP requirement for transfers has been disabled",
            ))
        }
        "transfer_enableOtp" => {
            w.integrations[ix].otp_enabled = true;
            w.dirty_integrations.push(ix);
            Ok(Reply::message(
                "OTP requirement for transfers has been enabled",
            ))
        }
        "balance_fetch" => Ok(Reply::data("Balances retrieved", balance(w, ix))),
        "balance_ledger" => {
            let mut r = generic::list(w, ix, "ledger", call);
            r.message = "Balance ledger retrieved".into();
            Ok(r)
        }
        "bank_list" => {
            let rows: Vec<Value> = BANKS
                .iter()
                .enumerate()
                .map(|(i, (name, code, slug))| {
                    json!({"id": i + 1, "name": name, "slug": slug, "code": code, "longcode": "",
                           "gateway": null, "pay_with_bank": false, "active": true, "is_deleted": false,
                           "country": "Nigeria", "currency": "NGN", "type": "nuban"})
                })
                .collect();
            let (data, meta) = generic::paginate(rows, &call.query);
            Ok(Reply {
                message: "Banks retrieved".into(),
                data: Some(Value::Array(data)),
                meta: Some(meta),
            })
        }
        "bank_resolveAccountNumber" => {
            let account = call
                .query
                .get("account_number")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let code = call
                .query
                .get("bank_code")
                .and_then(Value::as_str)
                .unwrap_or("");
            if account.len() != 10
                || !account.bytes().all(|b| b.is_ascii_digit())
                || bank(code).is_none()
            {
                return Some(Err(ApiErr::invalid(
                    "Could not resolve account name. Check parameters or try again.",
                    "invalid_account",
                )));
            }
            Ok(Reply::data(
                "Account number resolved",
                json!({"account_number": account, "account_name": account_name(&account), "bank_id": 1}),
            ))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_and_names() {
        assert_eq!(transfer_fee("NGN", 500_000), 1_000);
        assert_eq!(transfer_fee("NGN", 500_001), 2_500);
        assert_eq!(transfer_fee("NGN", 9_000_000), 5_000);
        assert_eq!(account_name("0123456789"), account_name("0123456789"));
    }
}
