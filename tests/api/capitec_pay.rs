//! Capitec Pay: the requery operation's request and decoded response.

use paystack::enums::TransactionStatus;
use paystack::{Error, ValidationError};

use crate::common::{expect, setup};

#[tokio::test]
async fn capitec_pay_requery_puts_the_reference_in_the_path_and_reads_the_status() {
    let (server, ps) = setup().await;
    expect("GET", "/capitec-pay/requery/order-5531")
        .reply(&server, "capitec_pay/pending.json")
        .await;
    expect("GET", "/capitec-pay/requery/order-5532")
        .reply(&server, "capitec_pay/success.json")
        .await;
    let pending = ps.capitec_pay().requery("order-5531").send().await.unwrap();
    assert_eq!(pending.data.status, Some(TransactionStatus::Pending));
    assert_eq!(pending.message, "Still waiting on the customer");
    let paid = ps.capitec_pay().requery("order-5532").send().await.unwrap();
    assert_eq!(paid.data.status, Some(TransactionStatus::Success));
}

#[tokio::test]
async fn capitec_pay_requery_reports_an_unknown_reference_and_refuses_an_empty_one() {
    let (server, ps) = setup().await;
    expect("GET", "/capitec-pay/requery/order-0000")
        .respond(
            &server,
            wiremock::ResponseTemplate::new(400)
                .set_body_json(crate::common::fixture("capitec_pay/not_found.json")),
        )
        .await;
    match ps.capitec_pay().requery("order-0000").send().await {
        Err(Error::Api(e)) => {
            assert_eq!(e.status, 400);
            assert_eq!(e.message, "No such transaction");
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    assert!(matches!(
        ps.capitec_pay().requery("").send().await,
        Err(Error::Validation(ValidationError::Empty("reference")))
    ));
}
