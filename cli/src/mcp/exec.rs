//! Sending a checked call. Operations Paystack deduplicates by reference go through the SDK's
//! typed `send_or_recover`, so a lost answer is looked up by its reference instead of being
//! reported as a failure or sent under a new reference; everything else goes through the
//! SDK's generic call with the operation's retry class.

use std::collections::BTreeSet;

use paystack::enums::{Bearer, Currency, TransferSource};
use paystack::{types, Amount, Paystack, Recovery, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::error::{Failure, Result};
use crate::request::Request;
use crate::send;
use crate::spec::Op;

/// Sets each optional field the body holds on a typed builder (by the setter of the same
/// name), refuses a field left over, and sends with `send_or_recover`.
macro_rules! recover {
    ($r:ident, $b:ident; $($name:ident: $ty:ty),* $(,)?) => {{
        $(
            if let Some(v) = $b.opt::<$ty>(stringify!($name))? {
                $r = $r.$name(v);
            }
        )*
        $b.finish()?;
        answer($r.send_or_recover().await)
    }};
}

/// Paystack's answer as structured content: `{status, message, data, meta, recovered}`.
pub async fn run(ps: &Paystack, op: &Op, req: &Request) -> Result<Value> {
    let by_reference = op.retry.as_deref() == Some("by-reference");
    if !by_reference {
        return send::send(ps, Some(op), req).await;
    }
    let empty = Value::Object(Map::new());
    let body = req.body.as_ref().unwrap_or(&empty);
    let mut b = Body {
        value: body,
        used: BTreeSet::new(),
    };
    let answer = match op.id.as_str() {
        "transfer_initiate" => {
            let mut r = ps.transfers().initiate(
                b.need::<Amount>("amount")?,
                b.need::<String>("recipient")?,
                b.need::<String>("reference")?,
            );
            recover!(r, b; source: TransferSource, reason: String, currency: Currency)
        }
        "transfer_bulk" => {
            let mut r = ps
                .transfers()
                .bulk(b.need::<Vec<types::TransferBulkItem>>("transfers")?);
            recover!(r, b; source: TransferSource, currency: Currency)
        }
        "transaction_chargeAuthorization" => {
            let (email, amount, code) = b.saved_card()?;
            let mut r = ps.transactions().charge_authorization(email, amount, code);
            recover!(r, b; reference: String, currency: Currency, split_code: String,
                split: types::DynamicSplit, subaccount: String, transaction_charge: Amount,
                bearer: Bearer, metadata: Value, queue: bool)
        }
        "transaction_partialDebit" => {
            let (email, amount, code) = b.saved_card()?;
            let mut r = ps.transactions().partial_debit(email, amount, code);
            recover!(r, b; currency: Currency, at_least: Amount, reference: String)
        }
        "charge_create" => {
            let mut r = ps
                .charges()
                .create(b.need::<String>("email")?, b.need::<Amount>("amount")?);
            recover!(r, b; currency: Currency, authorization_code: String, pin: String,
                reference: String, device_id: String, metadata: Value,
                bank: types::ChargeBankAccount, bank_transfer: types::ChargeBankTransfer,
                mobile_money: types::ChargeMobileMoney, ussd: types::ChargeUssd,
                qr: types::ChargeProvider, eft: types::ChargeProvider)
        }
        "bulkCharge_initiate" => {
            let items: Vec<types::BulkChargeItem> = serde_json::from_value(body.clone())
                .map_err(|e| Failure::Validation(format!("items: {e}")))?;
            answer(ps.bulk_charges().initiate(items).send_or_recover().await)
        }
        // A by-reference operation the SDK has no typed builder for yet: the generic call
        // still applies the retry class (resent only under the same reference).
        _ => return send::send(ps, Some(op), req).await,
    };
    answer.map_err(|e| send::failure(e, true, &send::host(ps.base_url())))
}

/// A body being read into a typed builder; every field must be taken.
struct Body<'a> {
    value: &'a Value,
    used: BTreeSet<&'static str>,
}

impl Body<'_> {
    fn opt<T: DeserializeOwned>(&mut self, key: &'static str) -> Result<Option<T>> {
        self.used.insert(key);
        match self.value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => serde_json::from_value(v.clone())
                .map(Some)
                .map_err(|e| Failure::Validation(format!("{key}: {e}"))),
        }
    }

    fn need<T: DeserializeOwned>(&mut self, key: &'static str) -> Result<T> {
        self.opt(key)?
            .ok_or_else(|| Failure::Validation(format!("{key} is required")))
    }

    /// The payer of a charge on a saved card: email, amount and authorization code.
    fn saved_card(&mut self) -> Result<(String, Amount, String)> {
        Ok((
            self.need("email")?,
            self.need("amount")?,
            self.need("authorization_code")?,
        ))
    }

    /// Refuses a field the typed request cannot carry, rather than dropping it silently.
    fn finish(&self) -> Result<()> {
        let Some(map) = self.value.as_object() else {
            return Ok(());
        };
        match map.keys().find(|k| !self.used.contains(k.as_str())) {
            Some(k) => Err(Failure::Validation(format!(
                "{k} cannot be sent with this operation through the MCP server; leave it out"
            ))),
            None => Ok(()),
        }
    }
}

fn answer<S: Serialize, F: Serialize>(
    r: paystack::Result<Recovery<S, F>>,
) -> paystack::Result<Value> {
    Ok(match r? {
        Recovery::Answered(resp) => envelope(resp, false),
        Recovery::Found(resp) => envelope(resp, true),
    })
}

fn envelope<T: Serialize>(resp: Response<T>, recovered: bool) -> Value {
    json!({
        "status": true,
        "message": resp.message,
        "data": serde_json::to_value(&resp.data).unwrap_or(Value::Null),
        "meta": resp.meta.as_ref().and_then(|m| serde_json::to_value(m).ok()),
        "recovered": recovered,
    })
}
