//! Splits: every operation's request and decoded response.

use paystack::types::SplitShare;
use paystack::{
    enums::{Bearer, Currency, Domain, SplitType},
    Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, at, expect, setup};

fn share(code: &str, share: i64) -> SplitShare {
    SplitShare::new(code, share)
}

#[tokio::test]
async fn split_create_sends_body_and_decodes_split() {
    let (server, ps) = setup().await;
    expect("POST", "/split")
        .body(json!({
            "name": "Market stall partners",
            "type": "percentage",
            "currency": "NGN",
            "subaccounts": [
                {"subaccount": "ACCT_k0b0cr4ft5ltd9x", "share": 30},
                {"subaccount": "ACCT_b4k3ry0ne2x3c", "share": 20}
            ],
            "bearer_type": "subaccount",
            "bearer_subaccount": "ACCT_k0b0cr4ft5ltd9x"
        }))
        .reply(&server, "split/split.json")
        .await;

    let r = ps
        .splits()
        .create(
            "Market stall partners",
            vec![
                share("ACCT_k0b0cr4ft5ltd9x", 30),
                share("ACCT_b4k3ry0ne2x3c", 20),
            ],
        )
        .split_type(SplitType::Percentage)
        .currency(Currency::NGN)
        .bearer_type(Bearer::Subaccount)
        .bearer_subaccount("ACCT_k0b0cr4ft5ltd9x")
        .send()
        .await
        .unwrap();
    let s = r.data;
    assert_eq!(s.id, Some(Id::Num(3_309_151)));
    assert_eq!(s.split_code.as_deref(), Some("SPL_m4rk3tst4ll0"));
    assert_eq!(s.type_, Some(SplitType::Percentage));
    assert_eq!(s.bearer_type, Some(Bearer::Subaccount));
    assert_eq!(s.bearer_subaccount, Some(Id::Num(7_712_034)));
    assert_eq!(s.domain, Some(Domain::Test));
    assert_eq!(
        s.is_dynamic.map(|d| d.get()),
        Some(false),
        "0 reads as false"
    );
    assert_eq!(s.total_subaccounts.map(|t| t.get()), Some(2));
    let members = s.subaccounts.unwrap();
    assert_eq!(members[0].share.map(|x| x.get()), Some(30), "string share");
    let first = members[0].subaccount.as_ref().unwrap();
    assert_eq!(
        first.subaccount_code.as_deref(),
        Some("ACCT_k0b0cr4ft5ltd9x")
    );
    assert_eq!(first.description, None);
    assert_eq!(members[1].share.map(|x| x.get()), Some(20));
}

#[tokio::test]
async fn split_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let splits = ps.splits();
    let pct = SplitType::Percentage;
    let err = splits
        .create("", vec![share("ACCT_a", 10)])
        .split_type(pct.clone())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = splits
        .create("S", vec![])
        .split_type(pct.clone())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("subaccounts")))
    ));
    let err = splits
        .create("S", vec![share("", 10)])
        .split_type(pct.clone())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            ..
        }))
    ));
    let err = splits
        .create("S", vec![share("ACCT_a", 0)])
        .split_type(pct.clone())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "share",
            ..
        }))
    ));
    let err = splits
        .create("S", vec![share("ACCT_a", 60), share("ACCT_b", 50)])
        .split_type(pct.clone())
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "subaccounts",
            ..
        }))
    ));
    let err = splits
        .create("S", vec![share("ACCT_a", 500), share("ACCT_a", 700)])
        .split_type(SplitType::Flat)
        .currency(Currency::NGN)
        .send()
        .await;
    assert!(
        matches!(
            err,
            Err(Error::Validation(ValidationError::Invalid {
                field: "subaccounts",
                ..
            }))
        ),
        "a subaccount listed twice"
    );
    let err = splits
        .create("S", vec![share("ACCT_a", 10)])
        .split_type(pct)
        .currency(Currency::NGN)
        .bearer_type(Bearer::Subaccount)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "bearer_subaccount"
        )))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn split_create_allows_flat_shares_above_100() {
    let (server, ps) = setup().await;
    expect("POST", "/split")
        .body(json!({
            "name": "Delivery fees",
            "type": "flat",
            "currency": "GHS",
            "subaccounts": [{"subaccount": "ACCT_k0b0cr4ft5ltd9x", "share": 25000}]
        }))
        .reply(&server, "split/split.json")
        .await;
    ps.splits()
        .create("Delivery fees", vec![share("ACCT_k0b0cr4ft5ltd9x", 25_000)])
        .split_type(SplitType::Flat)
        .currency(Currency::GHS)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn split_list_sends_filters_and_decodes_unknown_values() {
    let (server, ps) = setup().await;
    expect("GET", "/split")
        .query_is(&[
            ("perPage", "10"),
            ("page", "1"),
            ("active", "false"),
            ("subaccount_code", "ACCT_k0b0cr4ft5ltd9x"),
            ("name", "Market stall partners"),
            ("sort_by", "name"),
            ("to", "2026-03-31T23:59:59Z"),
        ])
        .reply(&server, "split/list.json")
        .await;
    let to: chrono::DateTime<chrono::Utc> = "2026-03-31T23:59:59Z".parse().unwrap();
    let r = ps
        .splits()
        .list()
        .per_page(10u32)
        .page(1u32)
        .active(false)
        .subaccount_code("ACCT_k0b0cr4ft5ltd9x")
        .name("Market stall partners")
        .sort_by("name")
        .to(to)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].type_, Some(SplitType::Flat));
    assert_eq!(r.data[0].bearer_type, Some(Bearer::AllProportional));
    assert_eq!(r.data[0].bearer_subaccount, None);
    assert_eq!(
        r.data[0].active.map(|a| a.get()),
        Some(true),
        "1 reads as true"
    );
    assert_eq!(r.data[0].total_subaccounts.map(|t| t.get()), Some(0));
    assert_eq!(r.data[0].subaccounts.as_ref().map(Vec::len), Some(0));
    assert_eq!(r.data[1].type_, Some(SplitType::Unknown("tiered".into())));
    assert_eq!(
        r.data[1].bearer_type,
        Some(Bearer::Unknown("platform".into()))
    );
    assert_eq!(r.data[1].subaccounts, None, "null array");
    assert_eq!(r.data[1].currency, Some(Currency::GHS));
    assert_eq!(r.meta.unwrap().total.map(|t| t.get()), Some(2));
}

#[tokio::test]
async fn split_fetch_uses_numeric_id() {
    let (server, ps) = setup().await;
    expect("GET", "/split/3309151")
        .reply(&server, "split/split.json")
        .await;
    let r = ps.splits().fetch(3_309_151).send().await.unwrap();
    assert_eq!(r.message, "Split found");
    assert_eq!(r.data.name.as_deref(), Some("Market stall partners"));
    assert_eq!(
        r.data.created_at.as_deref(),
        Some("2026-02-12T10:00:00.000Z")
    );
}

#[tokio::test]
async fn split_fetch_rejects_ids_beyond_i64() {
    let (server, ps) = setup().await;
    let err = ps.splits().fetch(u64::MAX).send().await;
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
async fn split_update_sends_only_set_fields() {
    let (server, ps) = setup().await;
    expect("PUT", "/split/3309151")
        .body(json!({
            "name": "Stall partners 2026",
            "active": true,
            "bearer_type": "all"
        }))
        .reply(&server, "split/split.json")
        .await;
    let r = ps
        .splits()
        .update(3_309_151)
        .name("Stall partners 2026")
        .active(true)
        .bearer_type(Bearer::All)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(3_309_151)));
}

#[tokio::test]
async fn split_update_rejects_blank_values_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.splits().update(1).name("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = ps.splits().update(1).bearer_subaccount("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "bearer_subaccount",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn split_add_subaccount_sends_share() {
    let (server, ps) = setup().await;
    expect("POST", "/split/3309151/subaccount/add")
        .body(json!({"subaccount": "ACCT_b4k3ry0ne2x3c", "share": 20}))
        .reply(&server, "split/split.json")
        .await;
    let r = ps
        .splits()
        .add_subaccount(3_309_151, "ACCT_b4k3ry0ne2x3c", 20)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.subaccounts.map(|s| s.len()), Some(2));
}

#[tokio::test]
async fn split_add_subaccount_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.splits().add_subaccount(1, "", 10).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            ..
        }))
    ));
    let err = ps.splits().add_subaccount(1, "ACCT_a", -5).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "share",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn split_remove_subaccount_sends_code_and_reads_message() {
    let (server, ps) = setup().await;
    expect("POST", "/split/3309151/subaccount/remove")
        .body(json!({"subaccount": "ACCT_b4k3ry0ne2x3c"}))
        .reply(&server, "split/removed.json")
        .await;
    let r = ps
        .splits()
        .remove_subaccount(3_309_151, "ACCT_b4k3ry0ne2x3c")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Subaccount taken out of split");
    assert_eq!(r.data, ());
}

#[tokio::test]
async fn split_remove_subaccount_rejects_blank_code_before_sending() {
    let (server, ps) = setup().await;
    let err = ps.splits().remove_subaccount(1, " ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn split_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/split")
        .body(json!({
            "name": "Tailor co-op",
            "type": "flat",
            "currency": "KES",
            "subaccounts": [
                {"subaccount": "ACCT_needle01", "share": 4000},
                {"subaccount": "ACCT_thread02", "share": 2500}
            ],
            "bearer_type": "subaccount",
            "bearer_subaccount": "ACCT_needle01"
        }))
        .reply(&server, "split/split.json")
        .await;
    let r = ps
        .splits()
        .create(
            "Tailor co-op",
            vec![share("ACCT_needle01", 4000), share("ACCT_thread02", 2500)],
        )
        .split_type(SplitType::Flat)
        .currency(Currency::KES)
        .bearer_type(Bearer::Subaccount)
        .bearer_subaccount("ACCT_needle01")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.split_code.as_deref(), Some("SPL_m4rk3tst4ll0"));
}

#[tokio::test]
async fn split_create_requires_type_and_currency() {
    let (server, ps) = setup().await;
    let err = ps
        .splits()
        .create("Tailor co-op", vec![share("ACCT_needle01", 40)])
        .currency(Currency::KES)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("split_type")))
    ));
    let err = ps
        .splits()
        .create("Tailor co-op", vec![share("ACCT_needle01", 40)])
        .split_type(SplitType::Percentage)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("currency")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn split_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/split")
        .query_is(&[
            ("perPage", "25"),
            ("page", "2"),
            ("from", "2026-05-01T00:00:00Z"),
            ("to", "2026-05-31T00:00:00Z"),
            ("subaccount_code", "ACCT_needle01"),
            ("name", "Tailor co-op"),
            ("active", "true"),
            ("sort_by", "name"),
        ])
        .reply(&server, "split/list.json")
        .await;
    let r = ps
        .splits()
        .list()
        .per_page(25u32)
        .page(2u32)
        .from(at("2026-05-01T00:00:00Z"))
        .to(at("2026-05-31T00:00:00Z"))
        .subaccount_code("ACCT_needle01")
        .name("Tailor co-op")
        .active(true)
        .sort_by("name")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn split_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/split/3309151")
        .body(json!({
            "name": "Tailor co-op 2026",
            "active": false,
            "bearer_type": "subaccount",
            "bearer_subaccount": "ACCT_thread02"
        }))
        .reply(&server, "split/split.json")
        .await;
    let r = ps
        .splits()
        .update(3_309_151)
        .name("Tailor co-op 2026")
        .active(false)
        .bearer_type(Bearer::Subaccount)
        .bearer_subaccount("ACCT_thread02")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.id, Some(Id::Num(3_309_151)));
}

#[tokio::test]
async fn split_remove_subaccount_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/split/3309151/subaccount/remove")
        .body(json!({"subaccount": "ACCT_thread02", "share": 25}))
        .reply(&server, "split/removed.json")
        .await;
    let r = ps
        .splits()
        .remove_subaccount(3_309_151, "ACCT_thread02")
        .share(25)
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Subaccount taken out of split");
}

#[tokio::test]
async fn split_subaccount_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .splits()
        .add_subaccount(3_309_151, "SPL_m4rk3tst4ll0", 10)
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
    let err = ps
        .splits()
        .create("Tailor co-op", vec![share("CUS_needle01", 40)])
        .split_type(SplitType::Percentage)
        .currency(Currency::KES)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount",
            ..
        }))
    ));
    let err = ps.splits().list().subaccount_code("needle01").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "subaccount_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}
