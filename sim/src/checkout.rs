//! The hosted checkout page (`/checkout/{access_code}`) and the overview page (`/_sim`):
//! plain server-rendered HTML with forms, no script.
//!
//! Test cards: any number pays, except `4084 0800 0000 0409` (declined) and
//! `4084 0800 0000 5408` (insufficient funds). The Decline button declines whatever the card.

use std::fmt::Write;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::Value;

use crate::flows::transactions::pay_with_card;
use crate::server::Shared;
use crate::spec::parse_query;
use crate::world::{as_int, PayOutcome, World};

/// The card number the page suggests; it pays.
pub const SUCCESS_CARD: &str = "4084084084084081";
/// A card that is declined.
pub const DECLINED_CARD: &str = "4084080000000409";
/// A card without enough money.
pub const INSUFFICIENT_FUNDS_CARD: &str = "4084080000005408";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `250000` kobo as `2,500.00`.
fn major(subunits: i64) -> String {
    let sign = if subunits < 0 { "-" } else { "" };
    let n = subunits.unsigned_abs();
    let whole = (n / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", n % 100)
}

fn page(title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b2330}}\
         .card{{border:1px solid #d5dbe3;border-radius:8px;padding:1.5rem}}\
         .amount{{font-size:2rem;font-weight:600}}\
         button{{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #888;cursor:pointer}}\
         button.pay{{background:#0ba4db;color:#fff;border-color:#0ba4db}}\
         table{{border-collapse:collapse;width:100%;margin-bottom:2rem}}td,th{{border-bottom:1px solid #e3e7ec;padding:.3rem;text-align:left;font-size:.9rem}}\
         input{{font-size:1rem;padding:.4rem;width:16rem}}</style></head>\
         <body>{}</body></html>",
        esc(title),
        body
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

fn not_found() -> Response {
    let mut r = page(
        "Not found",
        "<h1>Checkout not found</h1><p>This payment link is unknown or expired.</p>",
    );
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

/// The integration and transaction an access code belongs to.
fn lookup(w: &World, access_code: &str) -> Option<(usize, Value)> {
    w.integrations.iter().enumerate().find_map(|(ix, i)| {
        let t = i.tables.get("transaction")?.get(access_code)?;
        (t["access_code"] == access_code).then(|| (ix, t.clone()))
    })
}

fn result_page(w: &World, ix: usize, tx: &Value) -> Response {
    let status = tx["status"].as_str().unwrap_or("");
    let heading = match status {
        "success" => "Payment successful",
        "failed" => "Payment failed",
        _ => "Payment not completed",
    };
    let body = format!(
        "<div class=\"card\"><p>{merchant}</p><h1 id=\"result\" data-status=\"{status}\">{heading}</h1>\
         <p>Reference <code id=\"reference\">{reference}</code></p><p>{reason}</p></div>",
        merchant = esc(&w.integrations[ix].business_name),
        status = esc(status),
        heading = heading,
        reference = esc(tx["reference"].as_str().unwrap_or("")),
        reason = esc(tx["gateway_response"].as_str().unwrap_or("")),
    );
    page(heading, &body)
}

async fn show(State(sh): State<Arc<Shared>>, Path(code): Path<String>) -> Response {
    sh.with_world(|w| {
        let Some((ix, tx)) = lookup(w, &code) else {
            return not_found();
        };
        if tx["status"] != "abandoned" {
            return result_page(w, ix, &tx);
        }
        let currency = tx["currency"].as_str().unwrap_or("NGN");
        let amount = as_int(tx.get("amount")).unwrap_or(0);
        let body = format!(
            "<div class=\"card\"><p id=\"merchant\">{merchant}</p>\
             <p class=\"amount\"><span id=\"currency\">{currency}</span> <span id=\"amount\">{amount}</span></p>\
             <p>Paying as <span id=\"email\">{email}</span> · reference <code>{reference}</code></p>\
             <form method=\"post\" action=\"/checkout/{code}\">\
             <p><label>Test card number<br><input name=\"card\" id=\"card\" value=\"{card}\" inputmode=\"numeric\"></label></p>\
             <button class=\"pay\" id=\"pay\" type=\"submit\" name=\"outcome\" value=\"success\">Pay {currency} {amount}</button>\
             <button id=\"decline\" type=\"submit\" name=\"outcome\" value=\"declined\">Decline</button>\
             </form><p><small>Simulated checkout: no real card is charged. {declined} is declined, \
             {insufficient} has insufficient funds.</small></p></div>",
            merchant = esc(&w.integrations[ix].business_name),
            currency = esc(currency),
            amount = major(amount),
            email = esc(tx.pointer("/customer/email").and_then(Value::as_str).unwrap_or("")),
            reference = esc(tx["reference"].as_str().unwrap_or("")),
            code = esc(&code),
            card = SUCCESS_CARD,
            declined = DECLINED_CARD,
            insufficient = INSUFFICIENT_FUNDS_CARD,
        );
        page("Checkout", &body)
    })
}

async fn submit(State(sh): State<Arc<Shared>>, Path(code): Path<String>, body: Bytes) -> Response {
    let form = parse_query(std::str::from_utf8(&body).ok());
    let field = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let card: String = field("card").chars().filter(char::is_ascii_digit).collect();
    let outcome = match (field("outcome").as_str(), card.as_str()) {
        ("declined", _) | (_, DECLINED_CARD) => PayOutcome::Declined,
        (_, INSUFFICIENT_FUNDS_CARD) => PayOutcome::InsufficientFunds,
        _ => PayOutcome::Success,
    };
    let last4 = if card.len() >= 4 {
        card[card.len() - 4..].to_string()
    } else {
        "4081".to_string()
    };
    sh.with_world(|w| {
        let Some((ix, tx)) = lookup(w, &code) else {
            return not_found();
        };
        let reference = tx["reference"].as_str().unwrap_or("").to_string();
        let tx = pay_with_card(w, ix, &reference, outcome, &last4).unwrap_or(tx);
        match tx["callback_url"].as_str().filter(|u| !u.is_empty()) {
            Some(url) => {
                let sep = if url.contains('?') { '&' } else { '?' };
                let to = format!("{url}{sep}trxref={reference}&reference={reference}");
                (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
            }
            None => result_page(w, ix, &tx),
        }
    })
}

async fn overview(State(sh): State<Arc<Shared>>) -> Response {
    sh.with_world(|w| {
        let mut b = String::from("<h1>Paystack simulator</h1>");
        let _ = write!(
            b,
            "<p>Simulated time: <span id=\"now\">{}</span></p>",
            crate::state::stamp(w.now())
        );
        for integ in &w.integrations {
            let _ = write!(
                b,
                "<h2>Integration {}</h2><p>Webhooks go to {}</p>",
                integ.id,
                esc(integ.webhook_url.as_deref().unwrap_or("nowhere (not set)"))
            );
            b.push_str(
                "<h3>Transactions</h3><table id=\"transactions\"><tr><th>Reference</th><th>Amount</th><th>Status</th><th>Paid at</th></tr>",
            );
            if let Some(t) = integ.tables.get("transaction") {
                for tx in t.newest_first().take(200) {
                    let _ = write!(
                        b,
                        "<tr><td>{}</td><td>{} {}</td><td class=\"status\">{}</td><td>{}</td></tr>",
                        esc(tx["reference"].as_str().unwrap_or("")),
                        esc(tx["currency"].as_str().unwrap_or("")),
                        major(as_int(tx.get("amount")).unwrap_or(0)),
                        esc(tx["status"].as_str().unwrap_or("")),
                        esc(tx["paid_at"].as_str().unwrap_or("")),
                    );
                }
            }
            b.push_str("</table><h3>Transfers</h3><table id=\"transfers\"><tr><th>Reference</th><th>Amount</th><th>Status</th><th>Recipient</th></tr>");
            if let Some(t) = integ.tables.get("transfer") {
                for tr in t.newest_first().take(200) {
                    let _ = write!(
                        b,
                        "<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td></tr>",
                        esc(tr["reference"].as_str().unwrap_or("")),
                        esc(tr["currency"].as_str().unwrap_or("")),
                        major(as_int(tr.get("amount")).unwrap_or(0)),
                        esc(tr["status"].as_str().unwrap_or("")),
                        esc(tr.pointer("/recipient/name").and_then(Value::as_str).unwrap_or("")),
                    );
                }
            }
            b.push_str("</table>");
            let _ = write!(b, "<h3>Balance</h3><ul id=\"balance-{}\">", integ.id);
            for (c, v) in &integ.balances {
                let _ = write!(b, "<li>{} {}</li>", esc(c), major(*v));
            }
            b.push_str("</ul>");
        }
        b.push_str("<h2>Webhook deliveries</h2><table id=\"webhooks\"><tr><th>#</th><th>Event</th><th>Integration</th><th>Tries</th><th>Delivered</th></tr>");
        for d in w.deliveries.iter().rev().take(200) {
            let _ = write!(
                b,
                "<tr><td>{}</td><td class=\"event\">{}</td><td>{}</td><td>{}</td><td class=\"delivered\">{}</td></tr>",
                d.id,
                esc(&d.event),
                d.integration,
                d.attempts.len(),
                if d.delivered { "yes" } else { "no" }
            );
        }
        b.push_str("</table>");
        page("Paystack simulator", &b)
    })
}

/// The pages.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/checkout/{code}", get(show).post(submit))
        .route("/_sim", get(overview))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_escapes() {
        assert_eq!(major(250_000), "2,500.00");
        assert_eq!(major(5), "0.05");
        assert_eq!(major(-123_456_789), "-1,234,567.89");
        assert_eq!(esc("<a href='x'>&"), "&lt;a href=&#39;x&#39;&gt;&amp;");
    }
}
