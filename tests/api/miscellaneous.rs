//! Miscellaneous look-ups: every operation's request and decoded response.

use paystack::{enums::Currency, Error, Id, ValidationError};

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn miscellaneous_resolve_card_bin_decodes_card_facts() {
    let (server, ps) = setup().await;
    expect("GET", "/decision/bin/521987")
        .reply(&server, "miscellaneous/bin.json")
        .await;
    let r = ps
        .miscellaneous()
        .resolve_card_bin("521987")
        .send()
        .await
        .unwrap();
    let bin = r.data;
    assert_eq!(bin.bin.as_deref(), Some("521987"));
    assert_eq!(bin.brand.as_deref(), Some("Visa"));
    assert_eq!(bin.sub_brand.as_deref(), Some(""));
    assert_eq!(bin.card_type.as_deref(), Some("DEBIT"));
    assert_eq!(bin.currency, Some(Currency::NGN));
    assert_eq!(bin.linked_bank_id, Some(Id::Num(9)));
}

#[tokio::test]
async fn miscellaneous_resolve_card_bin_refuses_non_bins_and_card_numbers() {
    let (server, ps) = setup().await;
    for bad in ["52198", "52198a", "5219870011223344", ""] {
        let err = ps.miscellaneous().resolve_card_bin(bad).send().await;
        assert!(
            matches!(
                err,
                Err(Error::Validation(ValidationError::Invalid {
                    field: "bin",
                    ..
                }))
            ),
            "{bad:?} should be refused"
        );
    }
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn miscellaneous_list_countries_decodes_nested_account_rules() {
    let (server, ps) = setup().await;
    expect("GET", "/country")
        .reply(&server, "miscellaneous/countries.json")
        .await;
    let r = ps.miscellaneous().list_countries().send().await.unwrap();
    assert_eq!(r.data.len(), 2);
    let ng = &r.data[0];
    assert_eq!(ng.iso_code.as_deref(), Some("NG"));
    assert_eq!(ng.default_currency_code, Some(Currency::NGN));
    assert_eq!(ng.pilot_mode.map(|f| f.get()), Some(false), "0 as a flag");
    assert_eq!(ng.calling_code.as_deref(), Some("+234"));
    let rel = ng.relationships.as_ref().unwrap();
    let currency = rel.currency.as_ref().unwrap();
    assert_eq!(currency.data, Some(vec![Currency::NGN, Currency::USD]));
    let supported = currency.supported_currencies.as_ref().unwrap();
    let usd_bank = &supported["USD"]["bank"];
    assert_eq!(usd_bank.branch_code.map(|f| f.get()), Some(false));
    assert_eq!(usd_bank.required_fields.as_ref().map(Vec::len), Some(3));
    assert_eq!(usd_bank.notices.as_ref().map(Vec::len), Some(1));
    let pattern = supported["NGN"]["bank"]
        .account_number_pattern
        .as_ref()
        .unwrap();
    assert_eq!(pattern.pattern.as_deref(), Some("^[0-9]{10}$"));
    assert_eq!(
        rel.payment_method.as_ref().unwrap().data,
        Some(vec!["card".to_string(), "bank".into(), "ussd".into()])
    );
    let gh = &r.data[1];
    assert_eq!(gh.integration_defaults, None, "null defaults");
    let gh_rules = gh
        .relationships
        .as_ref()
        .and_then(|r| r.currency.as_ref())
        .and_then(|c| c.supported_currencies.as_ref())
        .unwrap();
    assert_eq!(
        gh_rules["GHS"]["mobile_money"]
            .account_number_label
            .as_deref(),
        Some("Wallet number"),
        "account kinds other than bank are kept"
    );
    assert!(gh
        .relationships
        .as_ref()
        .unwrap()
        .integration_feature
        .is_none());
}

#[tokio::test]
async fn miscellaneous_avs_sends_country_and_decodes_states() {
    let (server, ps) = setup().await;
    expect("GET", "/address_verification/states")
        .query("country", "US")
        .reply(&server, "miscellaneous/states.json")
        .await;
    let r = ps.miscellaneous().avs("US").send().await.unwrap();
    assert_eq!(r.data.len(), 3);
    assert_eq!(r.data[0].abbreviation.as_deref(), Some("OR"));
    assert_eq!(r.data[1].abbreviation, None);
    assert_eq!(r.data[2].slug.as_deref(), Some("puerto-rico"));
}

#[tokio::test]
async fn miscellaneous_avs_refuses_an_empty_country() {
    let (server, ps) = setup().await;
    let err = ps.miscellaneous().avs("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("country")))
    ));
    assert_no_requests(&server).await;
}
