//! Preauthorization: every operation's request and decoded response.

use paystack::types::PreauthorizationExpireAction;
use paystack::{
    enums::{Currency, Domain, TransactionStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

fn zar(major: &str) -> Amount {
    Amount::from_major(major).unwrap()
}

#[tokio::test]
async fn preauthorization_initialize_sends_body_and_decodes_checkout() {
    let (server, ps) = setup().await;
    expect("POST", "/preauthorization/initialize")
        .body(json!({
            "email": "sipho@example.com",
            "amount": 35000,
            "currency": "ZAR",
            "reference": "ride-20931",
            "callback_url": "https://rides.example.com/done",
            "metadata": {"ride": "20931"},
            "expire_action": "capture",
            "expire_after_days": 3
        }))
        .reply(&server, "preauthorization/initialized.json")
        .await;
    let r = ps
        .preauthorizations()
        .initialize("sipho@example.com", zar("350.00"), Currency::ZAR)
        .reference("ride-20931")
        .callback_url("https://rides.example.com/done")
        .metadata(json!({"ride": "20931"}))
        .expire_action(PreauthorizationExpireAction::Capture)
        .expire_after_days(3_u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.access_code.as_deref(), Some("q7w2e9r4t1y6"));
    assert_eq!(r.data.reference.as_deref(), Some("ride-20931"));
    assert!(r.data.authorization_url.unwrap().ends_with("/q7w2e9r4t1y6"));
}

#[tokio::test]
async fn preauthorization_reserve_sends_body_and_decodes_the_hold() {
    let (server, ps) = setup().await;
    expect("POST", "/preauthorization/reserve_authorization")
        .body(json!({
            "authorization_code": "AUTH_k3j5h7g9f1",
            "email": "sipho@example.com",
            "amount": 35000,
            "currency": "ZAR",
            "reference": "ride-20931",
            "metadata": {"ride": "20931"}
        }))
        .reply(&server, "preauthorization/reserved.json")
        .await;
    let r = ps
        .preauthorizations()
        .reserve("AUTH_k3j5h7g9f1", "sipho@example.com", zar("350"))
        .currency(Currency::ZAR)
        .reference("ride-20931")
        .metadata(json!({"ride": "20931"}))
        .send()
        .await
        .unwrap();
    let hold = r.data;
    assert_eq!(hold.id, Some(Id::Num(88_120)));
    assert_eq!(hold.domain, Some(Domain::Test));
    assert_eq!(hold.status.as_deref(), Some("authorized"));
    assert_eq!(
        hold.amount.map(Amount::subunits),
        Some(35_000),
        "amount as text"
    );
    assert_eq!(hold.currency, Some(Currency::ZAR));
    assert_eq!(hold.released_at, None);
    assert_eq!(
        hold.expiry_date.as_deref(),
        Some("2026-04-07T07:15:00.000Z")
    );
    assert_eq!(
        hold.gateway_response,
        Some(json!({"authorizeResponse": "Approved", "rrn": "RRN7731"}))
    );
    let card = hold.authorization.unwrap();
    assert_eq!(card.last4.as_deref(), Some("7720"));
    let customer = hold.customer.unwrap();
    assert_eq!(
        customer.customer_code.as_deref(),
        Some("CUS_z8x7c6v5b4n3m2l")
    );
    assert_eq!(hold.merchant_name.as_deref(), Some("Karoo Rides"));
}

#[tokio::test]
async fn preauthorization_reserve_refuses_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let pre = ps.preauthorizations();
    let no_currency = pre
        .reserve("AUTH_k3j5h7g9f1", "sipho@example.com", zar("350"))
        .send()
        .await;
    assert!(matches!(
        no_currency,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    let wrong_code = pre
        .reserve("CUS_k3j5h7g9f1", "sipho@example.com", zar("350"))
        .currency(Currency::ZAR)
        .send()
        .await;
    assert!(matches!(
        wrong_code,
        Err(Error::Validation(ValidationError::CodePrefix { .. }))
    ));
    let bad_reference = pre
        .reserve("AUTH_k3j5h7g9f1", "sipho@example.com", zar("350"))
        .currency(Currency::ZAR)
        .reference("ride 20931")
        .send()
        .await;
    assert!(matches!(
        bad_reference,
        Err(Error::Validation(ValidationError::Reference { .. }))
    ));
    let too_long = pre
        .reserve("AUTH_k3j5h7g9f1", "sipho@example.com", zar("350"))
        .currency(Currency::ZAR)
        .expire_after_days(31_u32)
        .send()
        .await;
    assert!(matches!(
        too_long,
        Err(Error::Validation(ValidationError::Invalid {
            field: "expire_after_days",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn preauthorization_capture_sends_reference_and_amount_and_decodes_the_payment() {
    let (server, ps) = setup().await;
    expect("POST", "/preauthorization/capture")
        .body(json!({"reference": "ride-20931", "amount": 28750, "currency": "ZAR"}))
        .reply(&server, "preauthorization/captured.json")
        .await;
    let r = ps
        .preauthorizations()
        .capture("ride-20931", zar("287.50"))
        .currency(Currency::ZAR)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::Success));
    assert_eq!(r.data.amount.map(Amount::subunits), Some(28_750));
    assert_eq!(r.data.fees.map(Amount::subunits), Some(402));
    assert_eq!(r.data.id, Some(Id::Num(6_120_044_871)));
}

#[tokio::test]
async fn preauthorization_capture_and_release_refuse_empty_input_before_sending() {
    let (server, ps) = setup().await;
    let pre = ps.preauthorizations();
    assert!(matches!(
        pre.capture("", zar("10")).send().await,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
    assert!(matches!(
        pre.release("").send().await,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
    assert!(matches!(
        pre.verify("").send().await,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn preauthorization_release_sends_reference() {
    let (server, ps) = setup().await;
    expect("POST", "/preauthorization/release")
        .body(json!({"reference": "ride-20940"}))
        .reply(&server, "preauthorization/released.json")
        .await;
    let r = ps
        .preauthorizations()
        .release("ride-20940")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Hold let go");
    assert_eq!(r.data.status.as_deref(), Some("released"));
    assert_eq!(r.data.reference.as_deref(), Some("ride-20940"));
}

#[tokio::test]
async fn preauthorization_verify_puts_the_reference_in_the_path() {
    let (server, ps) = setup().await;
    expect("GET", "/preauthorization/ride-20931")
        .reply(&server, "preauthorization/reserved.json")
        .await;
    let r = ps
        .preauthorizations()
        .verify("ride-20931")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("ride-20931"));
    assert_eq!(r.data.expire_action.as_deref(), Some("release"));
}

#[tokio::test]
async fn preauthorization_list_sends_paging_and_dates_and_decodes_holds() {
    let (server, ps) = setup().await;
    expect("GET", "/preauthorization")
        .query_is(&[
            ("perPage", "20"),
            ("page", "1"),
            ("from", "2026-04-01T00:00:00Z"),
            ("to", "2026-04-30T23:59:59Z"),
        ])
        .reply(&server, "preauthorization/list.json")
        .await;
    let r = ps
        .preauthorizations()
        .list()
        .per_page(20_u32)
        .page(1_u32)
        .from(at("2026-04-01T00:00:00Z"))
        .to(at("2026-04-30T23:59:59Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].status.as_deref(), Some("released"));
    assert_eq!(
        r.data[1].transaction_id,
        Some(Id::Num(6_120_044_871)),
        "id sent as text"
    );
    assert_eq!(r.data[1].fees.map(Amount::subunits), Some(402));
    assert_eq!(r.meta.unwrap().total.map(|t| t.get()), Some(2));
}

// The operation table marks reserve and capture as moving money under the caller's reference.
#[test]
fn reserve_and_capture_are_resent_only_by_reference() {
    use paystack::operations::{find, RetryClass};
    for id in ["preauthorization_reserve", "preauthorization_capture"] {
        let op = find(id).unwrap();
        assert_eq!(op.retry, RetryClass::ByReference, "{id}");
        assert!(op.moves_money, "{id}");
        assert_eq!(op.reference, Some("/reference"), "{id}");
    }
    assert_eq!(
        find("preauthorization_initialize").unwrap().retry,
        RetryClass::Never
    );
    for id in [
        "preauthorization_release",
        "preauthorization_verify",
        "preauthorization_list",
        "capitecPay_requery",
    ] {
        assert_eq!(find(id).unwrap().retry, RetryClass::Safe, "{id}");
    }
}
