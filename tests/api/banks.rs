//! Banks: every operation's request and decoded response.

use paystack::types::{BankAccountType, BankDocumentType};
use paystack::{
    enums::{BankCountry, BankGateway, BankType, Currency},
    Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn bank_list_sends_filters_and_decodes_banks() {
    let (server, ps) = setup().await;
    expect("GET", "/bank")
        .query_is(&[
            ("country", "nigeria"),
            ("currency", "NGN"),
            ("type", "nuban"),
            ("gateway", "emandate"),
            ("use_cursor", "true"),
            ("perPage", "2"),
            ("pay_with_bank", "true"),
            ("include_nip_sort_code", "true"),
        ])
        .reply(&server, "bank/list.json")
        .await;
    let r = ps
        .banks()
        .list()
        .country(BankCountry::Nigeria)
        .currency(Currency::NGN)
        .bank_type(BankType::Nuban)
        .gateway(BankGateway::Emandate)
        .use_cursor(true)
        .per_page(2u32)
        .pay_with_bank(true)
        .include_nip_sort_code(true)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let lagoon = &r.data[0];
    assert_eq!(lagoon.code.as_deref(), Some("035"));
    assert_eq!(lagoon.id, Some(Id::Num(9)));
    assert_eq!(lagoon.gateway, None);
    assert_eq!(lagoon.is_deleted, None, "null flag");
    assert_eq!(
        lagoon.available_for_direct_debit.map(|f| f.get()),
        Some(true),
        "1 as a flag"
    );
    assert_eq!(lagoon.nip_sort_code.as_deref(), Some("000013"));
    assert_eq!(lagoon.type_, Some(BankType::Nuban));
    let savannah = &r.data[1];
    assert_eq!(savannah.pay_with_bank.map(|f| f.get()), Some(true));
    assert_eq!(savannah.supports_transfer.map(|f| f.get()), Some(false));
    assert_eq!(
        savannah.type_,
        Some(BankType::Unknown("digital_wallet".into())),
        "unknown bank types are kept"
    );
    assert_eq!(savannah.created_at, None);
    let meta = r.meta.unwrap();
    assert_eq!(meta.next.as_deref(), Some("YmFuazozMDI="));
    assert_eq!(meta.previous, None);
}

#[tokio::test]
async fn bank_list_spells_south_africa_with_a_space() {
    let (server, ps) = setup().await;
    expect("GET", "/bank")
        .query("country", "south africa")
        .query("enabled_for_verification", "true")
        .query("pay_with_bank_transfer", "false")
        .reply(&server, "bank/list.json")
        .await;
    ps.banks()
        .list()
        .country(BankCountry::SouthAfrica)
        .enabled_for_verification(true)
        .pay_with_bank_transfer(false)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn bank_resolve_account_number_keeps_leading_zeros() {
    let (server, ps) = setup().await;
    expect("GET", "/bank/resolve")
        .query_is(&[("account_number", "0731148290"), ("bank_code", "035")])
        .reply(&server, "bank/resolve.json")
        .await;
    let r = ps
        .banks()
        .resolve_account_number("0731148290")
        .bank_code("035")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.account_name.as_deref(), Some("KEMI ADEYEMI"));
    assert_eq!(r.data.account_number.as_deref(), Some("0731148290"));
    assert_eq!(r.data.bank_id, Some(Id::Num(9)));
}

#[tokio::test]
async fn bank_resolve_account_number_refuses_empty_input() {
    let (server, ps) = setup().await;
    let err = ps
        .banks()
        .resolve_account_number("")
        .bank_code("035")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_number")))
    ));
    let err = ps
        .banks()
        .resolve_account_number("0731148290")
        .bank_code(" ")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("bank_code")))
    ));
    let err = ps.banks().resolve_account_number("0731148290").send().await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("bank_code")))
        ),
        "the bank is required"
    );
    assert_no_requests(&server).await;
}

/// A South African account check with every required setter, as the tests below vary it.
fn za_check(ps: &paystack::Paystack) -> paystack::banks::ValidateAccountNumber<'_> {
    ps.banks()
        .validate_account_number("1100223344")
        .account_name("Thandi Nkosi")
        .account_type(BankAccountType::Personal)
        .bank_code("470010")
        .country_code("ZA")
        .document_type(BankDocumentType::IdentityNumber)
}

#[tokio::test]
async fn bank_validate_account_number_sends_body_and_decodes_flags() {
    let (server, ps) = setup().await;
    expect("POST", "/bank/validate")
        .body(json!({
            "account_name": "Thandi Nkosi",
            "account_number": "1100223344",
            "account_type": "personal",
            "bank_code": "470010",
            "country_code": "ZA",
            "document_type": "identityNumber",
            "document_number": "8801015800082"
        }))
        .reply(&server, "bank/validate.json")
        .await;
    let r = za_check(&ps)
        .document_number("8801015800082")
        .send()
        .await
        .unwrap();
    let v = r.data;
    assert_eq!(v.verified.map(|f| f.get()), Some(true));
    assert_eq!(
        v.verification_message.as_deref(),
        Some("Account holder confirmed")
    );
    assert_eq!(
        v.account_accepts_debits.map(|f| f.get()),
        Some(true),
        "1 as a flag"
    );
    assert_eq!(
        v.account_open_for_more_than_three_months.map(|f| f.get()),
        Some(true),
        "\"true\" as a flag"
    );
    assert_eq!(v.account_open.map(|f| f.get()), Some(false));
}

#[tokio::test]
async fn bank_validate_account_number_checks_input_before_sending() {
    let (server, ps) = setup().await;
    let err = za_check(&ps)
        .account_type(BankAccountType::Business)
        .country_code("ZAF")
        .document_type(BankDocumentType::BusinessRegistrationNumber)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "country_code",
            ..
        }))
    ));
    let err = za_check(&ps)
        .account_name("")
        .document_type(BankDocumentType::PassportNumber)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("account_name")))
    ));
    let err = ps
        .banks()
        .validate_account_number("1100223344")
        .account_name("Thandi Nkosi")
        .bank_code("470010")
        .country_code("ZA")
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Empty("account_type")))
        ),
        "required setters are checked"
    );
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn bank_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/bank")
        .query_is(&[
            ("country", "ghana"),
            ("currency", "GHS"),
            ("pay_with_bank_transfer", "false"),
            ("pay_with_bank", "true"),
            ("enabled_for_verification", "true"),
            ("gateway", "emandate"),
            ("type", "nuban"),
            ("include_nip_sort_code", "false"),
            ("perPage", "12"),
            ("page", "4"),
            ("use_cursor", "true"),
            ("next", "YmFuazo0MQ=="),
            ("previous", "YmFuazoxNw=="),
        ])
        .reply(&server, "bank/list.json")
        .await;
    let r = ps
        .banks()
        .list()
        .country(BankCountry::Ghana)
        .currency(Currency::GHS)
        .pay_with_bank_transfer(false)
        .pay_with_bank(true)
        .enabled_for_verification(true)
        .gateway(BankGateway::Emandate)
        .bank_type(BankType::Nuban)
        .include_nip_sort_code(false)
        .per_page(12u32)
        .page(4u32)
        .use_cursor(true)
        .next("YmFuazo0MQ==")
        .previous("YmFuazoxNw==")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].code.as_deref(), Some("035"));
}
