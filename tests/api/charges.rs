//! Charge: every operation's request and decoded response, including the pending states.

use chrono::NaiveDate;
use paystack::types::{self, ChargeBankTransfer, ChargeProvider};
use paystack::{
    enums::{Channel, Currency, Domain, TransactionStatus},
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{amount, assert_no_requests, expect, setup};

#[tokio::test]
async fn charge_create_sends_bank_account_and_decodes_otp_step() {
    let (server, ps) = setup().await;
    expect("POST", "/charge")
        .body(json!({
            "email": "kemi@example.com",
            "amount": 75000,
            "currency": "NGN",
            "reference": "shoe-order-77",
            "birthday": "1991-04-23",
            "bank": {"code": "057", "account_number": "0001234567"},
            "metadata": {"size": 44}
        }))
        .reply(&server, "charge/send_otp.json")
        .await;

    let r = ps
        .charges()
        .create("kemi@example.com", amount(75_000))
        .currency(Currency::NGN)
        .reference("shoe-order-77")
        .birthday(NaiveDate::from_ymd_opt(1991, 4, 23).unwrap())
        .bank(types::ChargeBankAccount {
            code: Some("057".into()),
            account_number: Some("0001234567".into()),
        })
        .metadata(json!({"size": 44}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Charge attempted");
    assert_eq!(r.data.status, Some(TransactionStatus::SendOtp));
    assert_eq!(
        r.data.display_text.as_deref(),
        Some("Type in the code sent to your phone")
    );
    assert_eq!(r.data.amount, None, "pending answers carry no amount");
}

#[tokio::test]
async fn charge_create_with_authorization_decodes_full_transaction() {
    let (server, ps) = setup().await;
    expect("POST", "/charge")
        .body(json!({
            "email": "kemi@example.com",
            "amount": 75000,
            "authorization_code": "AUTH_r4e3w2q1z0",
            "pin": "1234",
            "device_id": "dev-7f3a.9",
            "mobile_money": {"phone": "0550000001", "provider": "mtn"},
            "ussd": {"type": "737"},
            "qr": {"provider": "visa"},
            "eft": {"provider": "ozow"},
            "bank_transfer": {"account_expires_at": "2026-03-14T12:00:00Z"}
        }))
        .reply(&server, "charge/success.json")
        .await;

    let r = ps
        .charges()
        .create("kemi@example.com", amount(75_000))
        .authorization_code("AUTH_r4e3w2q1z0")
        .pin("1234")
        .device_id("dev-7f3a.9")
        .mobile_money_wallet("0550000001", "mtn")
        .ussd_bank("737")
        .qr(ChargeProvider {
            provider: Some("visa".into()),
        })
        .eft(ChargeProvider {
            provider: Some("ozow".into()),
        })
        .bank_transfer(ChargeBankTransfer {
            account_expires_at: Some("2026-03-14T12:00:00Z".parse().unwrap()),
        })
        .send()
        .await
        .unwrap();
    let c = r.data;
    assert_eq!(c.id, Some(Id::Num(5_123_999_012)));
    assert_eq!(c.status, Some(TransactionStatus::Success));
    assert_eq!(c.domain, Some(Domain::Test));
    assert_eq!(c.channel, Some(Channel::Card));
    assert_eq!(c.amount.map(Amount::subunits), Some(75_000));
    assert_eq!(
        c.requested_amount.map(Amount::subunits),
        Some(75_000),
        "string amount"
    );
    assert_eq!(c.fees.map(Amount::subunits), Some(1_125));
    assert!(c.log.is_none(), "null log");
    let auth = c.authorization.unwrap();
    assert_eq!(auth.exp_month.map(|m| m.get()), Some(7), "number month");
    assert_eq!(auth.exp_year.map(|m| m.get()), Some(2029), "string year");
    assert_eq!(
        auth.reusable.map(|f| f.get()),
        Some(true),
        "\"true\" as a string"
    );
    let customer = c.customer.unwrap();
    assert_eq!(customer.last_name.as_deref(), Some("Adebayo"));
    assert_eq!(
        c.metadata.unwrap()["custom_fields"][0]["value"],
        json!("44")
    );
}

#[tokio::test]
async fn charge_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let ch = ps.charges();
    let err = ch.create("kemi.example.com", amount(75_000)).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = ch
        .create("kemi@example.com", amount(4_000))
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::AmountBelowMinimum {
            minimum: 5000,
            ..
        }))
    ));
    let err = ch
        .create("kemi@example.com", amount(75_000))
        .reference("shoe order")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference { .. }))
    ));
    let err = ch
        .create("kemi@example.com", amount(75_000))
        .pin("12a4")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "pin",
            ..
        }))
    ));
    let err = ch
        .create("kemi@example.com", amount(75_000))
        .device_id("dev/1")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "device_id",
            ..
        }))
    ));
    let err = ch
        .create("kemi@example.com", amount(75_000))
        .bank(types::ChargeBankAccount {
            code: Some("057".into()),
            account_number: Some(String::new()),
        })
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "bank.account_number"
        )))
    ));
    let err = ch
        .create("kemi@example.com", amount(75_000))
        .mobile_money_wallet("0550000001", "")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "mobile_money.provider"
        )))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn charge_submit_pin_sends_body_and_decodes_next_step() {
    let (server, ps) = setup().await;
    expect("POST", "/charge/submit_pin")
        .body(json!({"pin": "0000", "reference": "shoe-order-77"}))
        .reply(&server, "charge/send_otp.json")
        .await;
    let r = ps
        .charges()
        .submit_pin("shoe-order-77", "0000")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::SendOtp));
    assert_eq!(r.data.reference.as_deref(), Some("shoe-order-77"));
}

#[tokio::test]
async fn charge_submit_pin_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.charges().submit_pin("shoe-order-77", "").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("pin")))
    ));
    let err = ps.charges().submit_pin("", "0000").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference { .. }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn charge_submit_otp_sends_body_and_decodes_success() {
    let (server, ps) = setup().await;
    expect("POST", "/charge/submit_otp")
        .body(json!({"otp": "482913", "reference": "shoe-order-77"}))
        .reply(&server, "charge/success.json")
        .await;
    let r = ps
        .charges()
        .submit_otp("shoe-order-77", "482913")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::Success));
    assert_eq!(r.data.gateway_response.as_deref(), Some("Approved"));

    let err = ps.charges().submit_otp("shoe-order-77", " ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("otp")))
    ));
}

#[tokio::test]
async fn charge_submit_phone_sends_body_and_decodes_open_url() {
    let (server, ps) = setup().await;
    expect("POST", "/charge/submit_phone")
        .body(json!({"phone": "08031234567", "reference": "shoe-order-77"}))
        .reply(&server, "charge/open_url.json")
        .await;
    let r = ps
        .charges()
        .submit_phone("shoe-order-77", "08031234567")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::OpenUrl));
    assert_eq!(
        r.data.url.as_deref(),
        Some("https://standard.example.net/3ds/shoe-order-77")
    );

    let err = ps.charges().submit_phone("shoe-order-77", "").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("phone")))
    ));
}

#[tokio::test]
async fn charge_submit_birthday_sends_iso_date() {
    let (server, ps) = setup().await;
    expect("POST", "/charge/submit_birthday")
        .body(json!({"birthday": "1988-12-01", "reference": "shoe-order-77"}))
        .reply(&server, "charge/send_birthday.json")
        .await;
    let r = ps
        .charges()
        .submit_birthday(
            "shoe-order-77",
            NaiveDate::from_ymd_opt(1988, 12, 1).unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::SendBirthday));
    assert_eq!(r.data.reference, None, "missing reference");
}

#[tokio::test]
async fn charge_submit_address_sends_every_field() {
    let (server, ps) = setup().await;
    expect("POST", "/charge/submit_address")
        .body(json!({
            "address": "14 Marina Road",
            "city": "Lagos Island",
            "state": "Lagos",
            "zip_code": "101001",
            "reference": "usd-order-3"
        }))
        .reply(&server, "charge/send_address.json")
        .await;
    let r = ps
        .charges()
        .submit_address("usd-order-3")
        .address("14 Marina Road")
        .city("Lagos Island")
        .state("Lagos")
        .zip_code("101001")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::SendAddress));

    let err = ps
        .charges()
        .submit_address("usd-order-3")
        .address("14 Marina Road")
        .city("")
        .state("Lagos")
        .zip_code("101001")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("city")))
    ));
    let err = ps
        .charges()
        .submit_address("usd-order-3")
        .address("14 Marina Road")
        .city("Lagos Island")
        .state("Lagos")
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("zip_code")))
        ),
        "every address setter is required"
    );
}

#[tokio::test]
async fn charge_check_decodes_pay_offline_with_ussd_code() {
    let (server, ps) = setup().await;
    expect("GET", "/charge/ussd-order-12")
        .reply(&server, "charge/pay_offline.json")
        .await;
    let r = ps.charges().check("ussd-order-12").send().await.unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::PayOffline));
    assert_eq!(r.data.ussd_code.as_deref(), Some("*737*000*4417#"));
}

#[tokio::test]
async fn charge_check_decodes_transfer_account_and_unknown_status() {
    let (server, ps) = setup().await;
    expect("GET", "/charge/pwt-order-5")
        .reply(&server, "charge/bank_transfer.json")
        .await;
    let r = ps.charges().check("pwt-order-5").send().await.unwrap();
    assert_eq!(
        r.data.status,
        Some(TransactionStatus::Unknown("pending_bank_transfer".into()))
    );
    assert_eq!(r.data.account_number.as_deref(), Some("9012345678"));
    let bank = r.data.bank.unwrap();
    assert_eq!(bank.id, Some(Id::Num(171)));
    assert_eq!(bank.slug.as_deref(), Some("demo-bank"));

    let err = ps.charges().check("pwt order").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Reference { .. }))
    ));
}

#[tokio::test]
async fn charge_create_without_channel_decodes_send_pin() {
    let (server, ps) = setup().await;
    expect("POST", "/charge")
        .body(json!({"email": "kemi@example.com", "amount": 75000}))
        .reply(&server, "charge/send_pin.json")
        .await;
    let r = ps
        .charges()
        .create("kemi@example.com", amount(75_000))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::SendPin));
    assert_eq!(r.data.display_text, None);
}

#[tokio::test]
async fn charge_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/charge")
        .body(json!({
            "email": "kemi@example.com",
            "amount": 64000,
            "currency": "NGN",
            "authorization_code": "AUTH_k3m1x9",
            "pin": "4096",
            "reference": "lamp-order-31",
            "birthday": "1991-04-23",
            "device_id": "tablet-7",
            "metadata": {"lamp": "brass"},
            "bank": {"code": "057", "account_number": "0001234567"},
            "bank_transfer": {"account_expires_at": "2026-05-01T12:00:00Z"},
            "mobile_money": {"phone": "0550000001", "provider": "mtn"},
            "ussd": {"type": "737"},
            "qr": {"provider": "visa"},
            "eft": {"provider": "ozow"}
        }))
        .reply(&server, "charge/send_otp.json")
        .await;
    let r = ps
        .charges()
        .create("kemi@example.com", amount(64_000))
        .currency(Currency::NGN)
        .authorization_code("AUTH_k3m1x9")
        .pin("4096")
        .reference("lamp-order-31")
        .birthday(NaiveDate::from_ymd_opt(1991, 4, 23).unwrap())
        .device_id("tablet-7")
        .metadata(json!({"lamp": "brass"}))
        .bank(types::ChargeBankAccount {
            code: Some("057".into()),
            account_number: Some("0001234567".into()),
        })
        .bank_transfer(ChargeBankTransfer {
            account_expires_at: Some(crate::common::at("2026-05-01T12:00:00Z")),
        })
        .mobile_money_wallet("0550000001", "mtn")
        .ussd_bank("737")
        .qr(ChargeProvider {
            provider: Some("visa".into()),
        })
        .eft(ChargeProvider {
            provider: Some("ozow".into()),
        })
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.status, Some(TransactionStatus::SendOtp));
    assert_eq!(r.data.reference.as_deref(), Some("shoe-order-77"));
}

#[tokio::test]
async fn charge_create_refuses_a_wrong_prefix_authorization_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .charges()
        .create("kemi@example.com", amount(64_000))
        .authorization_code("CUS_k3m1x9")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization_code",
            expected: "AUTH_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
