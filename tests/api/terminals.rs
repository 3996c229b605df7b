//! Terminal: every operation's request and decoded response.

use paystack::{
    enums::{Domain, TerminalEventAction, TerminalEventType},
    Error, Id, ValidationError,
};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param, query_param_is_missing};
use wiremock::Mock;

use crate::common::{assert_no_requests, expect, ok, setup, BEARER};

#[tokio::test]
async fn terminal_send_event_sends_invoice_and_decodes_event_id() {
    let (server, ps) = setup().await;
    Mock::given(method("POST"))
        .and(path("/terminal/T7x2kq9Z/event"))
        .and(header("authorization", BEARER))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "type": "invoice",
            "action": "process",
            "data": {"id": 4400812, "reference": "8810224400812"}
        })))
        .respond_with(ok("terminal/send_event.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .send_event(
            "T7x2kq9Z",
            TerminalEventType::Invoice,
            TerminalEventAction::Process,
        )
        .id(4_400_812u64)
        .reference("8810224400812")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Event queued for the device");
    assert_eq!(r.data.id.as_deref(), Some("6a1f0c93e7b2d4a85c10f3e9"));
}

#[tokio::test]
async fn terminal_send_event_sends_transaction_without_reference() {
    let (server, ps) = setup().await;
    Mock::given(method("POST"))
        .and(path("/terminal/T7x2kq9Z/event"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({
            "type": "transaction",
            "action": "print",
            "data": {"id": 5123987641u64}
        })))
        .respond_with(ok("terminal/send_event.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .send_event(
            "T7x2kq9Z",
            TerminalEventType::Transaction,
            TerminalEventAction::Print,
        )
        .id(5_123_987_641u64)
        .send()
        .await
        .unwrap();
    assert!(r.data.id.is_some());
}

#[tokio::test]
async fn terminal_send_event_rejects_bad_input_before_sending() {
    let (server, ps) = setup().await;
    let t = ps.terminals();
    let err = t
        .send_event(
            "T7x2kq9Z",
            TerminalEventType::Invoice,
            TerminalEventAction::View,
        )
        .id(4_400_812u64)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
    let err = t
        .send_event(
            " ",
            TerminalEventType::Transaction,
            TerminalEventAction::Process,
        )
        .id(1u64)
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("terminal_id")))
    ));
    let err = t
        .send_event(
            "T7x2kq9Z",
            TerminalEventType::Transaction,
            TerminalEventAction::Process,
        )
        .id(u64::MAX)
        .send()
        .await;
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
async fn terminal_fetch_event_status_reads_flag_sent_as_number() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/terminal/T7x2kq9Z/event/6a1f0c93e7b2d4a85c10f3e9"))
        .and(header("authorization", BEARER))
        .respond_with(ok("terminal/event_status.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .fetch_event_status("T7x2kq9Z", "6a1f0c93e7b2d4a85c10f3e9")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.data.delivered.map(|d| d.get()),
        Some(true),
        "1 reads as true"
    );
}

#[tokio::test]
async fn terminal_fetch_event_status_rejects_empty_ids() {
    let (server, ps) = setup().await;
    let err = ps
        .terminals()
        .fetch_event_status("T7x2kq9Z", "")
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("event_id")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn terminal_fetch_terminal_status_decodes_presence() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/terminal/T7x2kq9Z/presence"))
        .and(header("authorization", BEARER))
        .respond_with(ok("terminal/presence.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .fetch_terminal_status("T7x2kq9Z")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.online.map(|f| f.get()), Some(true));
    assert_eq!(
        r.data.available.map(|f| f.get()),
        Some(false),
        "0 reads as false"
    );
}

#[tokio::test]
async fn terminal_list_sends_cursor_and_per_page() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/terminal"))
        .and(header("authorization", BEARER))
        .and(query_param("perPage", "2"))
        .and(query_param("next", "dGVybWluYWw6NzA0MTI="))
        .and(query_param_is_missing("per_page"))
        .and(query_param_is_missing("previous"))
        .respond_with(ok("terminal/list.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .list()
        .per_page(2u32)
        .next("dGVybWluYWw6NzA0MTI=")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
    let first = &r.data[0];
    assert_eq!(first.id, Some(Id::Num(70_412)));
    assert_eq!(first.domain, Some(Domain::Live));
    assert_eq!(first.device_make.as_deref(), Some("Sunmi"));
    let second = &r.data[1];
    assert_eq!(
        second.id,
        Some(Id::Num(70_413)),
        "a string id reads as a number"
    );
    assert_eq!(second.serial_number, None);
    assert_eq!(second.name, None);
    assert_eq!(
        second.domain,
        Some(Domain::Unknown("staging".into())),
        "unknown domains are kept"
    );
    assert_eq!(second.status.as_deref(), Some("awaiting_setup"));
    let meta = r.meta.unwrap();
    assert_eq!(meta.next.as_deref(), Some("dGVybWluYWw6NzA0MTM="));
    assert_eq!(meta.previous, None);
    assert_eq!(
        meta.per_page.map(|p| p.get()),
        Some(2),
        "perPage as a string"
    );
}

#[tokio::test]
async fn terminal_fetch_decodes_device() {
    let (server, ps) = setup().await;
    Mock::given(method("GET"))
        .and(path("/terminal/T7x2kq9Z"))
        .and(header("authorization", BEARER))
        .respond_with(ok("terminal/terminal.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps.terminals().fetch("T7x2kq9Z").send().await.unwrap();
    let t = r.data;
    assert_eq!(t.terminal_id.as_deref(), Some("T7x2kq9Z"));
    assert_eq!(t.serial_number.as_deref(), Some("5510038821647302"));
    assert_eq!(t.integration, Some(Id::Num(1_093_381)));
    assert_eq!(t.domain, Some(Domain::Test));
    assert_eq!(t.split_code.as_deref(), Some("SPL_h3k9w2m4q8"));
    assert_eq!(t.address, None);
    assert_eq!(t.device_make, None);
}

#[tokio::test]
async fn terminal_fetch_rejects_empty_id() {
    let (server, ps) = setup().await;
    let err = ps.terminals().fetch("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("terminal_id")))
    ));
    let err = ps.terminals().fetch_terminal_status("  ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("terminal_id")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn terminal_update_sends_only_fields_set() {
    let (server, ps) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/terminal/T7x2kq9Z"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({"name": "Counter 3"})))
        .respond_with(ok("terminal/update.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .update("T7x2kq9Z")
        .name("Counter 3")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Device details saved");
}

#[tokio::test]
async fn terminal_update_needs_a_field() {
    let (server, ps) = setup().await;
    let err = ps.terminals().update("T7x2kq9Z").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Invalid {
            field: "update",
            ..
        }))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn terminal_commission_sends_serial_number() {
    let (server, ps) = setup().await;
    Mock::given(method("POST"))
        .and(path("/terminal/commission_device"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({"serial_number": "5510038821647302"})))
        .respond_with(ok("terminal/commission.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .commission("5510038821647302")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Device linked");
}

#[tokio::test]
async fn terminal_decommission_sends_serial_number() {
    let (server, ps) = setup().await;
    Mock::given(method("POST"))
        .and(path("/terminal/decommission_device"))
        .and(header("authorization", BEARER))
        .and(body_json(json!({"serial_number": "5510038821647302"})))
        .respond_with(ok("terminal/decommission.json"))
        .expect(1)
        .mount(&server)
        .await;

    let r = ps
        .terminals()
        .decommission("5510038821647302")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Device unlinked");
}

#[tokio::test]
async fn terminal_decommission_rejects_empty_serial_number() {
    let (server, ps) = setup().await;
    let err = ps.terminals().decommission("").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("serial_number")))
    ));
    let err = ps.terminals().commission(" ").send().await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("serial_number")))
    ));
    assert_no_requests(&server).await;
}

// Every optional setter at once, against the exact request.

#[tokio::test]
async fn terminal_send_event_requires_the_record_id() {
    let (server, ps) = setup().await;
    let err = ps
        .terminals()
        .send_event(
            "T7x2kq9Z",
            TerminalEventType::Transaction,
            TerminalEventAction::Print,
        )
        .send()
        .await;
    assert!(matches!(
        err,
        Err(Error::Validation(ValidationError::Empty("id")))
    ));
    assert_no_requests(&server).await;
}

#[tokio::test]
async fn terminal_list_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("GET", "/terminal")
        .query_is(&[
            ("perPage", "3"),
            ("next", "Y3Vyc29yOm5leHQ="),
            ("previous", "Y3Vyc29yOnByZXY="),
        ])
        .reply(&server, "terminal/list.json")
        .await;
    let r = ps
        .terminals()
        .list()
        .per_page(3u32)
        .next("Y3Vyc29yOm5leHQ=")
        .previous("Y3Vyc29yOnByZXY=")
        .send()
        .await
        .unwrap();
    assert_eq!(r.data.len(), 2);
}

#[tokio::test]
async fn terminal_update_sends_every_setter() {
    let (server, ps) = setup().await;
    expect("PUT", "/terminal/T7x2kq9Z")
        .body(json!({"name": "Till 3", "address": "14 Harbour Road, Tema"}))
        .reply(&server, "terminal/update.json")
        .await;
    let r = ps
        .terminals()
        .update("T7x2kq9Z")
        .name("Till 3")
        .address("14 Harbour Road, Tema")
        .send()
        .await
        .unwrap();
    assert_eq!(r.message, "Device details saved");
}
