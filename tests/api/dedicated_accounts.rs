//! Dedicated virtual accounts: every operation's request and decoded response.

use paystack::{
    enums::{Currency, RiskAction},
    Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::ResponseTemplate;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn dedicated_account_create_sends_body_and_decodes_account() {
    let (server, ps) = setup().await;
    expect("POST", "/dedicated_account")
        .body(json!({
            "customer": "CUS_p0o9i8u7y6t5r4e",
            "preferred_bank": "kestrel-bank",
            "subaccount": "ACCT_m4n5b6v7c8x9z0l",
            "phone": "+2348024445566"
        }))
        .reply(&server, "dedicated_account/created.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .create("CUS_p0o9i8u7y6t5r4e")
        .preferred_bank("kestrel-bank")
        .subaccount("ACCT_m4n5b6v7c8x9z0l")
        .phone("+2348024445566")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Dedicated account opened");
    let a = r.data;
    assert_eq!(a.id, Some(Id::Num(40_057)));
    assert_eq!(a.account_number.as_deref(), Some("7701234611"));
    assert_eq!(a.currency, Some(Currency::NGN));
    assert_eq!(a.assigned.map(|f| f.get()), Some(true));
    assert_eq!(a.metadata, None, "null metadata");
    assert_eq!(
        a.split_config,
        Some(json!({"subaccount": "ACCT_m4n5b6v7c8x9z0l"}))
    );
    let bank = a.bank.unwrap();
    assert_eq!(bank.id, Some(Id::Num(912)));
    assert_eq!(bank.name.as_deref(), Some("Kestrel Bank"));
    let assignment = a.assignment.unwrap();
    assert_eq!(assignment.assignee_id, Some(Id::Num(5_120_100_042)));
    assert_eq!(assignment.assignee_type.as_deref(), Some("Customer"));
    assert_eq!(assignment.expired.map(|f| f.get()), Some(false), "0 flag");
    assert_eq!(assignment.expired_at, None);
    let customer = a.customer.unwrap();
    assert_eq!(
        customer.customer_code.as_deref(),
        Some("CUS_p0o9i8u7y6t5r4e")
    );
    assert_eq!(customer.risk_action, Some(RiskAction::Default));
    assert_eq!(customer.international_format_phone, None, "missing");
}

#[tokio::test]
async fn dedicated_account_create_rejects_empty_customer() {
    let (server, ps) = setup().await;
    let err = ps.dedicated_accounts().create(" ").send().await;
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
async fn dedicated_account_list_sends_filters_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account")
        .query_is(&[
            ("active", "true"),
            ("customer", "5120098817"),
            ("currency", "NGN"),
            ("provider_slug", "kestrel-bank"),
            ("bank_id", "912"),
            ("perPage", "20"),
            ("page", "1"),
        ])
        .reply(&server, "dedicated_account/list.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .list()
        .active(true)
        .customer(5_120_098_817u64)
        .currency(Currency::NGN)
        .provider_slug("kestrel-bank")
        .bank_id("912")
        .per_page(20u32)
        .page(1u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(
        r.data[0].split_config,
        Some(json!({"subaccount": "ACCT_m4n5b6v7c8x9z0l"}))
    );
    assert_eq!(r.data[1].split_config, Some(json!({})));
    assert_eq!(
        r.data[1].currency,
        Some(Currency::Unknown("XAF".into())),
        "unknown currencies are kept"
    );
    assert_eq!(r.data[1].active.map(|f| f.get()), Some(false));
    assert_eq!(r.data[1].assigned.map(|f| f.get()), Some(true));
    assert_eq!(r.data[1].customer.as_ref().unwrap().first_name, None);
    let meta = r.meta.unwrap();
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(20),
        "perPage as a string"
    );
    assert_eq!(meta.page_count.map(|p| p.get()), Some(1));
}

#[tokio::test]
async fn dedicated_account_list_sends_cursor() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account")
        .query_is(&[("use_cursor", "true"), ("next", "RFZBOjQwMDIx")])
        .reply(&server, "dedicated_account/list.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .list()
        .use_cursor(true)
        .next("RFZBOjQwMDIx")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data[0].id, Some(Id::Num(40_021)));
}

#[tokio::test]
async fn dedicated_account_assign_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/dedicated_account/assign")
        .body(json!({
            "email": "kemi@example.net",
            "first_name": "Kemi",
            "last_name": "Adeyemi",
            "phone": "+2348059876543",
            "preferred_bank": "lagoon-microfinance",
            "country": "NG",
            "bvn": "22109988776",
            "account_number": "0098755500",
            "bank_code": "917",
            "subaccount": "ACCT_r4t5y6u7i8",
            "split_code": "SPL_h6j7k8l9q0w1e2r"
        }))
        .reply(&server, "dedicated_account/assign.json")
        .await;
    let r = assignment(&ps, "kemi@example.net")
        .phone("+2348059876543")
        .preferred_bank("lagoon-microfinance")
        .bvn("22109988776")
        .account_number("0098755500")
        .bank_code("917")
        .subaccount("ACCT_r4t5y6u7i8")
        .split_code("SPL_h6j7k8l9q0w1e2r")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Dedicated account assignment started");
}

/// An assignment with every required setter, as the tests vary it.
fn assignment<'a>(
    ps: &'a paystack::Paystack,
    email: &str,
) -> paystack::dedicated_accounts::AssignDedicatedAccount<'a> {
    ps.dedicated_accounts()
        .assign(email)
        .first_name("Kemi")
        .last_name("Adeyemi")
        .phone("+234805")
        .preferred_bank("kestrel-bank")
        .country("NG")
}

#[tokio::test]
async fn dedicated_account_assign_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = assignment(&ps, "kemi").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Email(_)))
    ));
    let err = assignment(&ps, "kemi@example.net")
        .country("ng")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "country",
            ..
        }))
    ));
    let err = assignment(&ps, "kemi@example.net").phone("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("phone")))
    ));
    let err = assignment(&ps, "kemi@example.net")
        .preferred_bank("")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("preferred_bank")))
    ));
    let err = assignment(&ps, "kemi@example.net")
        .bvn("2210998877A")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "bvn",
            ..
        }))
    ));
    let err = ps
        .dedicated_accounts()
        .assign("kemi@example.net")
        .first_name("Kemi")
        .last_name("Adeyemi")
        .phone("+234805")
        .country("NG")
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("preferred_bank")))
        ),
        "required setters are checked"
    );
    let err = assignment(&ps, "kemi@example.net")
        .split_code("ACCT_r4t5y6u7i8")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "split_code",
            expected: "SPL_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dedicated_account_fetch_decodes_string_split_config() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account/40021")
        .reply(&server, "dedicated_account/fetched.json")
        .await;
    let r = ps.dedicated_accounts().fetch(40_021).send().await.unwrap();
    let a = r.data;
    assert_eq!(
        a.split_config,
        Some(json!("{\"split_code\":\"SPL_h6j7k8l9q0w1e2r\"}")),
        "a JSON-encoded string survives as sent"
    );
    assert_eq!(a.active.map(|f| f.get()), Some(true), "1 flag");
    assert_eq!(a.assigned.map(|f| f.get()), Some(true), "\"true\" flag");
    assert_eq!(
        a.bank.unwrap().id,
        Some(Id::Num(433)),
        "bank id as a string"
    );
    let customer = a.customer.unwrap();
    assert_eq!(customer.risk_action, Some(RiskAction::Allow));
    assert_eq!(customer.metadata, Some(json!({"calling_code": "+234"})));
    assert_eq!(a.assignment, None, "missing on fetch");
}

#[tokio::test]
async fn dedicated_account_fetch_rejects_oversized_id() {
    let (server, ps) = setup().await;
    let err = ps.dedicated_accounts().fetch(u64::MAX).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "id",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dedicated_account_deactivate_uses_delete() {
    let (server, ps) = setup().await;
    expect("DELETE", "/dedicated_account/40021")
        .reply(&server, "dedicated_account/deactivated.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .deactivate(40_021)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.assigned.map(|f| f.get()), Some(false));
    let assignment = r.data.assignment.unwrap();
    assert_eq!(assignment.assignee_type.as_deref(), Some("Integration"));
    assert_eq!(assignment.expired, None, "missing flag");
    assert_eq!(r.data.customer, None);
}

#[tokio::test]
async fn dedicated_account_requery_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account/requery")
        .query_is(&[
            ("account_number", "7701234598"),
            ("provider_slug", "kestrel-bank"),
            ("date", "2026-03-12"),
        ])
        .reply(&server, "dedicated_account/requery.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .requery("7701234598")
        .provider_slug("kestrel-bank")
        .date(chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.message,
        "Looking for the transfer; a webhook follows if one is found"
    );
}

#[tokio::test]
async fn dedicated_account_requery_rejects_missing_arguments() {
    let (server, ps) = setup().await;
    let err = ps
        .dedicated_accounts()
        .requery("")
        .provider_slug("kestrel-bank")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = ps
        .dedicated_accounts()
        .requery("7701234598")
        .provider_slug("")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("provider_slug")))
    ));
    let err = ps.dedicated_accounts().requery("7701234598").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("provider_slug")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dedicated_account_add_split_sends_split_code() {
    let (server, ps) = setup().await;
    expect("POST", "/dedicated_account/split")
        .body(json!({
            "account_number": "7701234611",
            "split_code": "SPL_h6j7k8l9q0w1e2r"
        }))
        .reply(&server, "dedicated_account/split_added.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .add_split("7701234611")
        .split_code("SPL_h6j7k8l9q0w1e2r")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.split_config,
        Some(json!({"split_code": "SPL_h6j7k8l9q0w1e2r"}))
    );
    assert_eq!(r.data.customer.unwrap().phone, None);
}

#[tokio::test]
async fn dedicated_account_add_split_needs_a_target() {
    let (server, ps) = setup().await;
    let err = ps.dedicated_accounts().add_split("7701234611").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "split_code",
            ..
        }))
    ));
    let err = ps
        .dedicated_accounts()
        .add_split("")
        .subaccount("ACCT_m4n5b6v7c8x9z0l")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn dedicated_account_remove_split_sends_delete_with_body_and_reads_success_string() {
    let (server, ps) = setup().await;
    expect("DELETE", "/dedicated_account/split")
        .body(json!({"account_number": "7701234611"}))
        .reply(&server, "dedicated_account/split_removed.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .remove_split("7701234611")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Split removed from dedicated account");
    assert_eq!(r.data.split_config, Some(json!({})));
    assert_eq!(r.data.id, Some(Id::Num(40_057)));
    assert_eq!(
        r.data.created_at.as_deref(),
        Some("2026-03-14T11:30:02.000Z"),
        "this answer spells it createdAt, read through the alias"
    );
}

#[tokio::test]
async fn dedicated_account_remove_split_reports_a_false_status() {
    let (server, ps) = setup().await;
    expect("DELETE", "/dedicated_account/split")
        .respond(
            &server,
            ResponseTemplate::new(200).set_body_json(json!({
                "status": "failed",
                "message": "No split on this account"
            })),
        )
        .await;
    let err = ps
        .dedicated_accounts()
        .remove_split("7701234611")
        .send()
        .await
        .unwrap_err();
    let api = err.as_api().expect("an API error");
    assert_eq!(api.message, "No split on this account");

    let err = ps.dedicated_accounts().remove_split("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
}

#[tokio::test]
async fn dedicated_account_available_providers_decodes_an_array() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account/available_providers")
        .reply(&server, "dedicated_account/providers.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .available_providers()
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].provider_slug.as_deref(), Some("kestrel-bank"));
    assert_eq!(r.data[0].bank_id, Some(Id::Num(912)));
    assert_eq!(r.data[1].bank_id, Some(Id::Num(433)), "string bank id");
    assert_eq!(r.data[1].id, Some(Id::Num(11)));
    assert_eq!(
        r.data[1].bank_name.as_deref(),
        Some("Lagoon Microfinance Bank")
    );
}

#[tokio::test]
async fn dedicated_account_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/dedicated_account")
        .body(json!({
            "customer": "CUS_p0o9i8u7y6t5r4e",
            "preferred_bank": "kestrel-bank",
            "subaccount": "ACCT_m1n2b3v4",
            "split_code": "SPL_c5x6z7a8",
            "first_name": "Tunde",
            "last_name": "Bakare",
            "phone": "+2348031230000"
        }))
        .reply(&server, "dedicated_account/created.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .create("CUS_p0o9i8u7y6t5r4e")
        .preferred_bank("kestrel-bank")
        .subaccount("ACCT_m1n2b3v4")
        .split_code("SPL_c5x6z7a8")
        .first_name("Tunde")
        .last_name("Bakare")
        .phone("+2348031230000")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.account_number.as_deref(), Some("7701234611"));
}

#[tokio::test]
async fn dedicated_account_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/dedicated_account")
        .query_is(&[
            ("active", "true"),
            ("customer", "5120098817"),
            ("currency", "NGN"),
            ("provider_slug", "kestrel-bank"),
            ("bank_id", "912"),
            ("perPage", "5"),
            ("page", "1"),
            ("use_cursor", "false"),
            ("next", "ZHZhOjQw"),
            ("previous", "ZHZhOjIw"),
        ])
        .reply(&server, "dedicated_account/list.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .list()
        .active(true)
        .customer(5_120_098_817u64)
        .currency(Currency::NGN)
        .provider_slug("kestrel-bank")
        .bank_id("912")
        .per_page(5u32)
        .page(1u32)
        .use_cursor(false)
        .next("ZHZhOjQw")
        .previous("ZHZhOjIw")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].id, Some(Id::Num(40_021)));
}

#[tokio::test]
async fn dedicated_account_add_split_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/dedicated_account/split")
        .body(json!({
            "account_number": "7701234611",
            "subaccount": "ACCT_m1n2b3v4",
            "split_code": "SPL_c5x6z7a8"
        }))
        .reply(&server, "dedicated_account/split_added.json")
        .await;
    let r = ps
        .dedicated_accounts()
        .add_split("7701234611")
        .subaccount("ACCT_m1n2b3v4")
        .split_code("SPL_c5x6z7a8")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.account_number.as_deref(), Some("7701234611"));
}

#[tokio::test]
async fn dedicated_account_create_refuses_wrong_prefix_codes_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.dedicated_accounts().create("ACCT_m1n2b3v4").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "customer",
            expected: "CUS_",
            ..
        }))
    ));
    let err = ps
        .dedicated_accounts()
        .add_split("7701234611")
        .subaccount("SPL_c5x6z7a8")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            expected: "ACCT_",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
