//! Terminal: every operation's request and decoded response.

use paystack::{
    enums::{Domain, TerminalEventAction, TerminalEventType},
    Error, Id, ValidationError,
};
use serde_json::json;

use crate::common::{assert_no_requests, expect, setup};

#[tokio::test]
async fn terminal_send_event_sends_invoice_and_decodes_event_id() {
    let (server, ps) = setup().await;
    expect("POST", "/terminal/T7x2kq9Z/event")
        .body(json!({
            "type": "invoice",
            "action": "process",
            "data": {"id": 4400812, "reference": "8810224400812"}
        }))
        .reply(&server, "terminal/send_event.json")
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
    expect("POST", "/terminal/T7x2kq9Z/event")
        .body(json!({
            "type": "transaction",
            "action": "print",
            "data": {"id": 5123987641u64}
        }))
        .reply(&server, "terminal/send_event.json")
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
    expect("GET", "/terminal/T7x2kq9Z/event/6a1f0c93e7b2d4a85c10f3e9")
        .reply(&server, "terminal/event_status.json")
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
    expect("GET", "/terminal/T7x2kq9Z/presence")
        .reply(&server, "terminal/presence.json")
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
    expect("GET", "/terminal")
        .query_is(&[("perPage", "2"), ("next", "dGVybWluYWw6NzA0MTI=")])
        .reply(&server, "terminal/list.json")
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
    expect("GET", "/terminal/T7x2kq9Z")
        .reply(&server, "terminal/terminal.json")
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
    expect("PUT", "/terminal/T7x2kq9Z")
        .body(json!({"name": "Counter 3"}))
        .reply(&server, "terminal/update.json")
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
    expect("POST", "/terminal/commission_device")
        .body(json!({"serial_number": "5510038821647302"}))
        .reply(&server, "terminal/commission.json")
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
    expect("POST", "/terminal/decommission_device")
        .body(json!({"serial_number": "5510038821647302"}))
        .reply(&server, "terminal/decommission.json")
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
