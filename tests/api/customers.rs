//! Customers: every operation's request and decoded response.

use paystack::types::{CustomerAddress, CustomerBankAccount};
use paystack::{
    enums::{
        AuthorizationChannel, Channel, Currency, Domain, IdentificationType, MandateStatus,
        RiskAction, TransactionStatus,
    },
    Amount, Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

fn account() -> CustomerBankAccount {
    CustomerBankAccount {
        number: "0098712345".into(),
        bank_code: "917".into(),
    }
}

fn address() -> CustomerAddress {
    CustomerAddress {
        street: "14 Palm Grove Close".into(),
        city: "Ibadan".into(),
        state: "Oyo".into(),
    }
}

#[tokio::test]
async fn customer_create_sends_body_and_decodes_customer() {
    let (server, ps) = setup().await;
    expect("POST", "/customer")
        .body(json!({
            "email": "tunde.bakare@example.org",
            "first_name": "Tunde",
            "last_name": "Bakare",
            "phone": "+2348031230000",
            "metadata": {"crm_id": "LEAD-5531", "source": "pos"}
        }))
        .reply(&server, "customer/created.json")
        .await;

    let r = ps
        .customers()
        .create("tunde.bakare@example.org")
        .first_name("Tunde")
        .last_name("Bakare")
        .phone("+2348031230000")
        .metadata(json!({"crm_id": "LEAD-5531", "source": "pos"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Customer created");
    let c = r.data;
    assert_eq!(c.customer_code.as_deref(), Some("CUS_p0o9i8u7y6t5r4e"));
    assert_eq!(c.id, Some(Id::Num(5_120_100_042)));
    assert_eq!(c.domain, Some(Domain::Live));
    assert_eq!(c.phone, None, "null phone");
    assert_eq!(c.identified.map(|f| f.get()), Some(false));
    assert_eq!(c.identifications, None);
    assert_eq!(
        c.created_at.as_deref(),
        Some("2026-03-14T11:22:33.000Z"),
        "createdAt is the only date spelling on create"
    );
    assert_eq!(c.transactions, None, "arrays missing outside fetch");
    assert_eq!(c.metadata.unwrap()["crm_id"], "LEAD-5531");
}

#[tokio::test]
async fn customer_create_rejects_bad_email_before_sending() {
    let (server, ps) = setup().await;
    for bad in [
        "",
        "tunde.example.org",
        "tunde@",
        "tunde bakare@example.org",
    ] {
        let err = ps.customers().create(bad).send().await;
        assert!(
            matches!(err, Err(Error::Validation(ValidationError::Email(_)))),
            "{bad:?}"
        );
    }
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_list_sends_cursor_and_period_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/customer")
        .query_is(&[
            ("use_cursor", "true"),
            ("next", "Q3VzdG9tZXI6NTEyMDEwMDA0Mg=="),
            ("perPage", "2"),
            ("from", "2026-03-01T00:00:00Z"),
            ("to", "2026-03-31T00:00:00Z"),
        ])
        .reply(&server, "customer/list.json")
        .await;

    let r = ps
        .customers()
        .list()
        .use_cursor(true)
        .next("Q3VzdG9tZXI6NTEyMDEwMDA0Mg==")
        .per_page(2u32)
        .from(
            "2026-03-01T00:00:00Z"
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap(),
        )
        .to("2026-03-31T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].risk_action, Some(RiskAction::Default));
    assert_eq!(r.data[1].risk_action, Some(RiskAction::Deny));
    assert_eq!(r.data[1].id, Some(Id::Num(5_120_100_007)), "string id");
    assert_eq!(r.data[1].metadata, Some(json!(0)), "metadata as 0");
    assert_eq!(r.data[1].first_name, None);
    assert_eq!(
        r.data[1].updated_at.as_deref(),
        Some("2026-03-11T09:00:00.000Z")
    );
    let meta = r.meta.unwrap();
    assert_eq!(meta.next.as_deref(), Some("Q3VzdG9tZXI6NTEyMDEwMDAwNw=="));
    assert_eq!(meta.previous, None);
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(2),
        "perPage as a string"
    );
    assert_eq!(meta.total, None, "cursor pages carry no total");
}

#[tokio::test]
async fn customer_list_sends_offset_paging() {
    let (server, ps) = setup().await;
    expect("GET", "/customer")
        .query_is(&[("page", "3"), ("perPage", "100")])
        .reply(&server, "customer/list.json")
        .await;
    let r = ps
        .customers()
        .list()
        .page(3u32)
        .per_page(100u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data[0].email.as_deref(), Some("tunde.bakare@example.org"));
}

#[tokio::test]
async fn customer_fetch_decodes_the_full_customer() {
    let (server, ps) = setup().await;
    expect("GET", "/customer/CUS_7hx2m9q4r1t8w3z")
        .reply(&server, "customer/customer.json")
        .await;

    let r = ps
        .customers()
        .fetch("CUS_7hx2m9q4r1t8w3z")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Customer retrieved");
    let c = r.data;
    assert_eq!(
        c.integration,
        Some(Id::Num(731_904)),
        "integration as a string"
    );
    assert_eq!(c.first_name, None);
    assert_eq!(c.metadata, Some(json!("")), "empty-string metadata");
    assert_eq!(
        c.risk_action,
        Some(RiskAction::Unknown("watchlist".into())),
        "unknown risk actions are kept"
    );
    assert_eq!(c.identified.map(|f| f.get()), Some(true), "1 reads as true");
    let ids = c.identifications.unwrap();
    assert_eq!(ids[0].type_, Some(IdentificationType::BankAccount));
    assert_eq!(
        ids[1].type_,
        Some(IdentificationType::Unknown("passport_photo".into()))
    );
    assert_eq!(ids[1].value, None);
    assert_eq!(c.created_at.as_deref(), Some("2025-11-02T08:14:51.000Z"));
    assert_eq!(c.total_transactions.map(|t| t.get()), Some(3));
    let totals = c.total_transaction_value.unwrap();
    assert_eq!(totals[0].amount.map(Amount::subunits), Some(1_875_000));
    assert_eq!(totals[1].currency, Some(Currency::USD));

    let tx = &c.transactions.unwrap()[0];
    assert_eq!(tx.status, Some(TransactionStatus::Success));
    assert_eq!(tx.amount.map(Amount::subunits), Some(1_875_000));
    assert_eq!(tx.channel, Some(Channel::DedicatedNuban));

    let sub = &c.subscriptions.unwrap()[0];
    assert_eq!(
        sub.subscription_code.as_deref(),
        Some("SUB_k3m8q2w7z1x5c9v")
    );
    assert_eq!(sub.amount.map(Amount::subunits), Some(350_000));
    assert_eq!(sub.payments_count.map(|n| n.get()), Some(4));
    assert_eq!(
        sub.plan.as_ref().unwrap()["plan_code"],
        "PLN_r5t6y7u8i9o0p1a"
    );
    assert_eq!(
        sub.authorization,
        Some(json!(903_311)),
        "id instead of object"
    );

    let auth = &c.authorizations.unwrap()[0];
    assert_eq!(auth.reusable.map(|f| f.get()), Some(true));
    assert_eq!(auth.exp_month.map(|m| m.get()), Some(7));
    assert_eq!(auth.exp_year.map(|m| m.get()), Some(2029));

    let dva = c.dedicated_account.unwrap();
    assert_eq!(dva.account_number.as_deref(), Some("7701234598"));
    assert_eq!(dva.active.map(|f| f.get()), Some(true));
    assert_eq!(dva.bank.unwrap().slug.as_deref(), Some("kestrel-bank"));
    assert_eq!(c.dedicated_accounts, None, "absent array");
}

#[tokio::test]
async fn customer_fetch_accepts_an_email() {
    let (server, ps) = setup().await;
    expect("GET", "/customer/chidinma.okafor@example.com")
        .reply(&server, "customer/customer.json")
        .await;
    let r = ps
        .customers()
        .fetch("chidinma.okafor@example.com")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.customer_code.as_deref(), Some("CUS_7hx2m9q4r1t8w3z"));

    let err = ps.customers().fetch("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "email_or_code",
            ..
        }))
    ));
}

#[tokio::test]
async fn customer_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/customer/CUS_p0o9i8u7y6t5r4e")
        .body(json!({
            "first_name": "Tunde",
            "last_name": "Bakare-Ojo",
            "phone": "+2348024445566",
            "metadata": {"tier": 2}
        }))
        .reply(&server, "customer/created.json")
        .await;
    let r = ps
        .customers()
        .update("CUS_p0o9i8u7y6t5r4e")
        .first_name("Tunde")
        .last_name("Bakare-Ojo")
        .phone("+2348024445566")
        .metadata(json!({"tier": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.first_name.as_deref(), Some("Tunde"));

    let err = ps.customers().update("").phone("1").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
}

#[tokio::test]
async fn customer_risk_action_sends_body() {
    let (server, ps) = setup().await;
    expect("POST", "/customer/set_risk_action")
        .body(json!({
            "customer": "CUS_p0o9i8u7y6t5r4e",
            "risk_action": "deny"
        }))
        .reply(&server, "customer/risk_action.json")
        .await;
    let r = ps
        .customers()
        .risk_action("CUS_p0o9i8u7y6t5r4e", RiskAction::Deny)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.risk_action, Some(RiskAction::Deny));
    assert_eq!(r.data.phone.as_deref(), Some(""));
    assert_eq!(
        r.data.identified.map(|f| f.get()),
        Some(false),
        "\"false\" reads as false"
    );
}

#[tokio::test]
async fn customer_risk_action_rejects_empty_customer() {
    let (server, ps) = setup().await;
    let err = ps
        .customers()
        .risk_action("", RiskAction::Allow)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_validate_sends_every_setter_and_reads_202() {
    let (server, ps) = setup().await;
    expect("POST", "/customer/CUS_7hx2m9q4r1t8w3z/identification")
        .body(json!({
            "first_name": "Chidinma",
            "middle_name": "Ada",
            "last_name": "Okafor",
            "type": "bvn",
            "value": "22104455667",
            "country": "NG",
            "bvn": "22104455667",
            "bank_code": "917",
            "account_number": "0098712345"
        }))
        .respond(
            &server,
            wiremock::ResponseTemplate::new(202)
                .set_body_json(crate::common::fixture("customer/validate.json")),
        )
        .await;
    let r = identity(&ps, "CUS_7hx2m9q4r1t8w3z")
        .middle_name("Ada")
        .identification_type(IdentificationType::Bvn)
        .value("22104455667")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Identity check queued");
}

/// An identity check with every required setter, as the tests vary it.
fn identity<'a>(
    ps: &'a paystack::Paystack,
    code: &str,
) -> paystack::customers::ValidateCustomer<'a> {
    ps.customers()
        .validate(code)
        .first_name("Chidinma")
        .last_name("Okafor")
        .country("NG")
        .bvn("22104455667")
        .bank_code("917")
        .account_number("0098712345")
}

#[tokio::test]
async fn customer_validate_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = identity(&ps, "CUS_x").bvn("2210445566").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "bvn",
            ..
        }))
    ));
    let err = identity(&ps, "CUS_x").country("Nigeria").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "country",
            ..
        }))
    ));
    let err = identity(&ps, "CUS_x").first_name("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("first_name")))
    ));
    let err = identity(&ps, "CUS_x").account_number("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = ps
        .customers()
        .validate("CUS_x")
        .first_name("Ada")
        .last_name("Obi")
        .country("NG")
        .send()
        .await;
    assert!(
        matches!(err, Err(Error::Validation(ValidationError::Empty("bvn")))),
        "required setters are checked"
    );
    let err = identity(&ps, "RCP_x").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            expected: "CUS_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_initialize_authorization_sends_mandate_request() {
    let (server, ps) = setup().await;
    expect("POST", "/customer/authorization/initialize")
        .body(json!({
            "email": "chidinma.okafor@example.com",
            "channel": "direct_debit",
            "callback_url": "https://shop.example.com/mandates/done",
            "account": {"number": "0098712345", "bank_code": "917"},
            "address": {"street": "14 Palm Grove Close", "city": "Ibadan", "state": "Oyo"}
        }))
        .reply(&server, "customer/authorization_redirect.json")
        .await;
    let r = ps
        .customers()
        .initialize_authorization("chidinma.okafor@example.com")
        .channel(AuthorizationChannel::DirectDebit)
        .callback_url("https://shop.example.com/mandates/done")
        .account(account())
        .address(address())
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.redirect_url.as_deref(),
        Some("https://link.example.net/mandates/r7t8y9u0")
    );
    assert_eq!(r.data.reference.as_deref(), Some("ddref_9z8x7c6v5b"));
    assert_eq!(r.data.access_code.as_deref(), Some("dd_acc_4k5l6m7n"));
}

#[tokio::test]
async fn customer_initialize_authorization_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .customers()
        .initialize_authorization("not-an-email")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let mut bad = address();
    bad.city = " ".into();
    let err = ps
        .customers()
        .initialize_authorization("chidinma.okafor@example.com")
        .address(bad)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("address.city")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_verify_authorization_decodes_status() {
    let (server, ps) = setup().await;
    expect("GET", "/customer/authorization/verify/ddref_9z8x7c6v5b")
        .reply(&server, "customer/verify_authorization.json")
        .await;
    let r = ps
        .customers()
        .verify_authorization("ddref_9z8x7c6v5b")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.authorization_code.as_deref(),
        Some("AUTH_dd1q2w3e4r")
    );
    assert_eq!(r.data.channel, Some(AuthorizationChannel::DirectDebit));
    assert_eq!(r.data.active.map(|f| f.get()), Some(true));
    assert_eq!(
        r.data.customer.unwrap().code.as_deref(),
        Some("CUS_7hx2m9q4r1t8w3z")
    );

    let err = ps.customers().verify_authorization("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
}

#[tokio::test]
async fn customer_deactivate_authorization_sends_code() {
    let (server, ps) = setup().await;
    expect("POST", "/customer/authorization/deactivate")
        .body(json!({"authorization_code": "AUTH_z9y8x7w6v5"}))
        .reply(&server, "customer/deactivate_authorization.json")
        .await;
    let r = ps
        .customers()
        .deactivate_authorization("AUTH_z9y8x7w6v5")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Authorization switched off");
}

#[tokio::test]
async fn customer_deactivate_authorization_rejects_empty_code() {
    let (server, ps) = setup().await;
    let err = ps.customers().deactivate_authorization("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "authorization_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_initialize_direct_debit_sends_account_and_address() {
    let (server, ps) = setup().await;
    expect("POST", "/customer/5120098817/initialize-direct-debit")
        .body(json!({
            "account": {"number": "0098712345", "bank_code": "917"},
            "address": {"street": "14 Palm Grove Close", "city": "Ibadan", "state": "Oyo"}
        }))
        .reply(&server, "customer/authorization_redirect.json")
        .await;
    let r = ps
        .customers()
        .initialize_direct_debit(5_120_098_817, account(), address())
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.reference.as_deref(), Some("ddref_9z8x7c6v5b"));
}

#[tokio::test]
async fn customer_initialize_direct_debit_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let mut bad = account();
    bad.bank_code = String::new();
    let err = ps
        .customers()
        .initialize_direct_debit(5_120_098_817, bad, address())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "account.bank_code"
        )))
    ));
    let err = ps
        .customers()
        .initialize_direct_debit(u64::MAX, account(), address())
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "customer_id",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn customer_direct_debit_activation_charge_sends_authorization_id() {
    let (server, ps) = setup().await;
    expect("PUT", "/customer/5120098817/directdebit-activation-charge")
        .body(json!({"authorization_id": 2_209_938_471_u64}))
        .reply(&server, "customer/activation_charge.json")
        .await;
    let r = ps
        .customers()
        .direct_debit_activation_charge(5_120_098_817)
        .authorization_id(2_209_938_471u64)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Activation charge requested");

    let err = ps
        .customers()
        .direct_debit_activation_charge(1)
        .authorization_id(u64::MAX)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "authorization_id",
            ..
        }))
    ));
    let err = ps
        .customers()
        .direct_debit_activation_charge(1)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "authorization_id"
        )))
    ));
}

#[tokio::test]
async fn customer_fetch_mandate_authorizations_decodes_mandates_and_cursor() {
    let (server, ps) = setup().await;
    expect(
        "GET",
        "/customer/5120098817/directdebit-mandate-authorizations",
    )
    .reply(&server, "direct_debit/mandates.json")
    .await;
    let r = ps
        .customers()
        .fetch_mandate_authorizations(5_120_098_817)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].status, Some(MandateStatus::Active));
    assert_eq!(
        r.data[0].authorization_id,
        Some(Id::Num(2_209_938_471)),
        "string id"
    );
    let meta = r.meta.unwrap();
    assert_eq!(meta.next.as_deref(), Some("bWFuZGF0ZTo3NzAwMg=="));
    assert_eq!(meta.per_page.map(|p| p.get()), Some(2));
}

#[tokio::test]
async fn customer_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/customer")
        .query_is(&[
            ("perPage", "30"),
            ("page", "2"),
            ("use_cursor", "true"),
            ("next", "Y3VzdDo5MDE="),
            ("previous", "Y3VzdDo4MDE="),
            ("from", "2026-02-01T00:00:00Z"),
            ("to", "2026-02-20T00:00:00Z"),
        ])
        .reply(&server, "customer/list.json")
        .await;
    let r = ps
        .customers()
        .list()
        .per_page(30u32)
        .page(2u32)
        .use_cursor(true)
        .next("Y3VzdDo5MDE=")
        .previous("Y3VzdDo4MDE=")
        .from(crate::common::at("2026-02-01T00:00:00Z"))
        .to(crate::common::at("2026-02-20T00:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].first_name.as_deref(), Some("Tunde"));
}

#[tokio::test]
async fn customers_refuse_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.customers().fetch("RCP_w8e7r6t5").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "email_or_code",
            expected: "CUS_",
            ..
        }))
    ));
    let err = ps
        .customers()
        .risk_action("PLN_w8e7r6t5", RiskAction::Deny)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            ..
        }))
    ));
    let err = ps
        .customers()
        .deactivate_authorization("CUS_w8e7r6t5")
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
