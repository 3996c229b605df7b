//! Virtual Terminal: every operation's request and decoded response.

use paystack::types::{VirtualTerminalCustomField, VirtualTerminalDestinationInput};
use paystack::{
    enums::{Bearer, Currency, Domain},
    Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

fn destination(target: &str, name: Option<&str>) -> VirtualTerminalDestinationInput {
    VirtualTerminalDestinationInput {
        target: target.into(),
        name: name.map(Into::into),
    }
}

#[tokio::test]
async fn virtual_terminal_create_sends_body_and_decodes_terminal() {
    let (server, ps) = setup().await;
    expect("POST", "/virtual_terminal")
        .body(json!({
            "name": "Front desk",
            "destinations": [
                {"target": "+233201234567", "name": "Till supervisor"},
                {"target": "+233559876543"}
            ],
            "currency": "GHS",
            "metadata": {"branch": "osu"},
            "custom_fields": [{"display_name": "Table number", "variable_name": "table_no"}]
        }))
        .reply(&server, "virtual_terminal/virtual_terminal.json")
        .await;

    let r = ps
        .virtual_terminals()
        .create(
            "Front desk",
            vec![
                destination("+233201234567", Some("Till supervisor")),
                destination("+233559876543", None),
            ],
        )
        .currency(Currency::GHS)
        .metadata(json!({"branch": "osu"}))
        .custom_fields(vec![VirtualTerminalCustomField {
            display_name: "Table number".into(),
            variable_name: "table_no".into(),
        }])
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Virtual terminal saved");
    let vt = r.data;
    assert_eq!(vt.id, Some(Id::Num(31_877)));
    assert_eq!(vt.code.as_deref(), Some("VT_P4Q7R2ZX"));
    assert_eq!(vt.domain, Some(Domain::Test));
    assert_eq!(vt.currency, Some(Currency::GHS));
    assert_eq!(vt.active.map(|a| a.get()), Some(true), "1 reads as true");
    assert_eq!(
        vt.metadata,
        Some(json!("")),
        "empty-string metadata survives"
    );
    assert_eq!(vt.payment_methods.as_ref().map(Vec::len), Some(0));
    assert_eq!(vt.connect_account_id, None);
    let dests = vt.destinations.unwrap();
    assert_eq!(dests.len(), 2);
    assert_eq!(dests[0].type_.as_deref(), Some("whatsapp"));
    assert_eq!(
        dests[0].created_at.as_deref(),
        Some("2026-02-11T08:14:27.000Z")
    );
    assert_eq!(dests[1].name, None);
    assert_eq!(dests[1].created_at, None, "missing field reads as None");
}

#[tokio::test]
async fn virtual_terminal_create_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let vts = ps.virtual_terminals();
    let err = vts.create("Front desk", vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("destinations")))
    ));
    let err = vts
        .create("Front desk", vec![destination(" ", None)])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "destinations.target"
        )))
    ));
    let err = vts
        .create("", vec![destination("+233201234567", None)])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
    let err = vts
        .create("Front desk", vec![destination("+233201234567", None)])
        .custom_fields(vec![VirtualTerminalCustomField {
            display_name: "Table".into(),
            variable_name: String::new(),
        }])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty(
            "custom_fields.variable_name"
        )))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn virtual_terminal_list_sends_paging_and_decodes_page() {
    let (server, ps) = setup().await;
    expect("GET", "/virtual_terminal")
        .query("perPage", "10")
        .query("page", "1")
        .reply(&server, "virtual_terminal/list.json")
        .await;

    let r = ps
        .virtual_terminals()
        .list()
        .per_page(10u32)
        .page(1u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].active.map(|a| a.get()), Some(true));
    assert_eq!(r.data[1].id, Some(Id::Num(31_902)), "string id");
    assert_eq!(r.data[1].active.map(|a| a.get()), Some(false));
    assert_eq!(r.data[1].payment_methods, None, "null array");
    assert_eq!(
        r.data[1].currency,
        Some(Currency::Unknown("XAF".into())),
        "unknown currencies are kept"
    );
    let meta = r.meta.unwrap();
    assert_eq!(meta.per_page.map(|p| p.get()), Some(10));
    assert_eq!(meta.total.map(|p| p.get()), Some(2));
}

#[tokio::test]
async fn virtual_terminal_fetch_uses_code() {
    let (server, ps) = setup().await;
    expect("GET", "/virtual_terminal/VT_P4Q7R2ZX")
        .reply(&server, "virtual_terminal/virtual_terminal.json")
        .await;

    let r = ps
        .virtual_terminals()
        .fetch("VT_P4Q7R2ZX")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.name.as_deref(), Some("Front desk"));
    assert_eq!(r.data.integration, Some(Id::Num(2_287_104)));
}

#[tokio::test]
async fn virtual_terminal_fetch_rejects_empty_code() {
    let (server, ps) = setup().await;
    let err = ps.virtual_terminals().fetch("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn virtual_terminal_update_sends_name() {
    let (server, ps) = setup().await;
    expect("PUT", "/virtual_terminal/VT_P4Q7R2ZX")
        .body(json!({"name": "Front desk (east)"}))
        .reply(&server, "virtual_terminal/virtual_terminal.json")
        .await;

    let r = ps
        .virtual_terminals()
        .update("VT_P4Q7R2ZX", "Front desk (east)")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.code.as_deref(), Some("VT_P4Q7R2ZX"));

    let err = ps
        .virtual_terminals()
        .update("VT_P4Q7R2ZX", "  ")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("name")))
    ));
}

#[tokio::test]
async fn virtual_terminal_deactivate_puts_without_body() {
    let (server, ps) = setup().await;
    expect("PUT", "/virtual_terminal/VT_P4Q7R2ZX/deactivate")
        .reply(&server, "virtual_terminal/deactivate.json")
        .await;

    let r = ps
        .virtual_terminals()
        .deactivate("VT_P4Q7R2ZX")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Virtual terminal deactivated");
}

#[tokio::test]
async fn virtual_terminal_destination_assign_sends_numbers_and_decodes_records() {
    let (server, ps) = setup().await;
    expect("POST", "/virtual_terminal/VT_P4Q7R2ZX/destination/assign")
        .body(json!({
            "destinations": [
                {"target": "+233244556677", "name": "Night shift lead"},
                {"target": "+233209988776"}
            ]
        }))
        .reply(&server, "virtual_terminal/assign.json")
        .await;

    let r = ps
        .virtual_terminals()
        .assign_destination(
            "VT_P4Q7R2ZX",
            vec![
                destination("+233244556677", Some("Night shift lead")),
                destination("+233209988776", None),
            ],
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    assert_eq!(r.data[0].id, Some(Id::Num(880_143)));
    assert_eq!(
        r.data[0].created_at.as_deref(),
        Some("2026-03-09T10:02:11.000Z"),
        "camelCase createdAt"
    );
    assert_eq!(r.data[1].id, Some(Id::Num(880_144)));
    assert_eq!(r.data[1].updated_at, None);
}

#[tokio::test]
async fn virtual_terminal_destination_assign_rejects_empty_list() {
    let (server, ps) = setup().await;
    let err = ps
        .virtual_terminals()
        .assign_destination("VT_P4Q7R2ZX", vec![])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("destinations")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn virtual_terminal_destination_unassign_sends_targets() {
    let (server, ps) = setup().await;
    expect("POST", "/virtual_terminal/VT_P4Q7R2ZX/destination/unassign")
        .body(json!({"targets": ["+233209988776"]}))
        .reply(&server, "virtual_terminal/unassign.json")
        .await;

    let r = ps
        .virtual_terminals()
        .unassign_destination("VT_P4Q7R2ZX", vec!["+233209988776".into()])
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Destinations removed");
}

#[tokio::test]
async fn virtual_terminal_destination_unassign_rejects_empty_targets() {
    let (server, ps) = setup().await;
    let vts = ps.virtual_terminals();
    let err = vts.unassign_destination("VT_P4Q7R2ZX", vec![]).send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("targets")))
    ));
    let err = vts
        .unassign_destination("VT_P4Q7R2ZX", vec![String::new()])
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("targets")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn virtual_terminal_add_split_code_sends_code_and_decodes_split() {
    let (server, ps) = setup().await;
    expect("PUT", "/virtual_terminal/VT_P4Q7R2ZX/split_code")
        .body(json!({"split_code": "SPL_v6t2n8r1k4"}))
        .reply(&server, "virtual_terminal/split.json")
        .await;

    let r = ps
        .virtual_terminals()
        .add_split_code("VT_P4Q7R2ZX", "SPL_v6t2n8r1k4")
        .send()
        .await
        .unwrap();
    let split = r.data;
    assert_eq!(split.split_code.as_deref(), Some("SPL_v6t2n8r1k4"));
    assert_eq!(split.type_, Some(paystack::enums::SplitType::Percentage));
    assert_eq!(split.bearer_type, Some(Bearer::AllProportional));
    assert_eq!(split.bearer_subaccount, None);
    assert_eq!(split.active.map(|a| a.get()), Some(true));
    assert_eq!(split.is_dynamic.map(|a| a.get()), Some(false));
    assert_eq!(split.total_subaccounts.map(|t| t.get()), Some(1));
    let subs = split.subaccounts.unwrap();
    assert_eq!(
        subs[0].share.map(|s| s.get()),
        Some(30),
        "share as a string"
    );
    let sub = subs[0].subaccount.as_ref().unwrap();
    assert_eq!(sub.subaccount_code.as_deref(), Some("ACCT_c2x7m9p4w1"));
    assert_eq!(sub.description, None);
    assert_eq!(sub.currency, Some(Currency::GHS));
}

#[tokio::test]
async fn virtual_terminal_add_split_code_rejects_empty_code() {
    let (server, ps) = setup().await;
    let err = ps
        .virtual_terminals()
        .add_split_code("VT_P4Q7R2ZX", "")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "split_code",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn virtual_terminal_delete_split_code_sends_body_with_delete() {
    let (server, ps) = setup().await;
    expect("DELETE", "/virtual_terminal/VT_P4Q7R2ZX/split_code")
        .body(json!({"split_code": "SPL_v6t2n8r1k4"}))
        .reply(&server, "virtual_terminal/delete_split.json")
        .await;

    let r = ps
        .virtual_terminals()
        .delete_split_code("VT_P4Q7R2ZX", "SPL_v6t2n8r1k4")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Split removed from virtual terminal");
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn virtual_terminal_create_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("POST", "/virtual_terminal")
        .body(json!({
            "name": "Pool bar",
            "destinations": [{"target": "+254711000222", "name": "Bar lead"}],
            "split_code": "SPL_p0o9l8k7",
            "metadata": {"floor": "roof"},
            "currency": "KES",
            "custom_fields": [{"display_name": "Cabana", "variable_name": "cabana"}]
        }))
        .reply(&server, "virtual_terminal/virtual_terminal.json")
        .await;
    let r = ps
        .virtual_terminals()
        .create(
            "Pool bar",
            vec![VirtualTerminalDestinationInput {
                target: "+254711000222".into(),
                name: Some("Bar lead".into()),
            }],
        )
        .split_code("SPL_p0o9l8k7")
        .metadata(json!({"floor": "roof"}))
        .currency(Currency::KES)
        .custom_fields(vec![VirtualTerminalCustomField {
            display_name: "Cabana".into(),
            variable_name: "cabana".into(),
        }])
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.code.as_deref(), Some("VT_P4Q7R2ZX"));
}

#[tokio::test]
async fn virtual_terminal_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/virtual_terminal")
        .query_is(&[("perPage", "4"), ("page", "2")])
        .reply(&server, "virtual_terminal/list.json")
        .await;
    let r = ps
        .virtual_terminals()
        .list()
        .per_page(4u32)
        .page(2u32)
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn virtual_terminal_codes_with_a_wrong_prefix_are_refused_before_sending() {
    let (server, ps) = setup().await;
    let err = ps
        .virtual_terminals()
        .deactivate("PRQ_P4Q7R2ZX")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::CodePrefix {
            field: "code",
            expected: "VT_",
            ..
        }))
    ));
    let err = ps
        .virtual_terminals()
        .add_split_code("VT_P4Q7R2ZX", "VT_p0o9l8k7")
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
