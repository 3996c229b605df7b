//! Every one of the SDK's 170 wrappers, called against the simulator: each must send a request
//! the simulator accepts and decode the answer. The journal then proves that every operation
//! of the spec was answered with a success.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::{call, Sim};
use paystack::types::{
    BankAccountType, BankDocumentType, BulkChargeItem, CustomerAddress, CustomerBankAccount,
    OrderItemInput, OrderShippingInput, SplitShare, TransferBulkItem, TransferOtpReason,
    TransferRecipientBatchItem, VirtualTerminalDestinationInput,
};
use paystack::{
    enums::{
        Currency, DisputeResolution, Interval, RecipientType, RiskAction, SplitType,
        TerminalEventAction, TerminalEventType,
    },
    Amount,
};
use paystack_sim::PayOutcome;
use serde_json::{json, Value};

fn amt(n: i64) -> Amount {
    Amount::from_subunits(n).unwrap()
}

/// Sends a request builder; records a failure instead of stopping so one run shows them all.
macro_rules! send {
    ($fails:ident, $name:literal, $req:expr) => {
        match $req.send().await {
            Ok(r) => Some(r),
            Err(e) => {
                $fails.push(format!("{}: {e}", $name));
                None
            }
        }
    };
}

/// The id of the newest record of a list endpoint, read from the raw JSON.
async fn newest(s: &Sim, path: &str, field: &str) -> Value {
    let (_, b) = call(&s.base, "GET", path, Some(&s.key), None).await;
    b["data"][0][field].clone()
}

#[test]
fn all_170_wrappers_decode_the_simulators_answers() {
    // One async body with 170 awaits makes a large future; it runs boxed, on a thread with
    // room for it.
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(|| {
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(Box::pin(every_wrapper()))
        })
        .unwrap()
        .join()
        .unwrap();
}

async fn every_wrapper() {
    let s = Sim::start_strict().await;
    let ps = s.sdk();
    let mut f: Vec<String> = Vec::new();

    // Records Paystack makes on its own side (no API creates them).
    s.sim
        .seed(&json!({
            "dispute": [{"id": 7001, "status": "awaiting-merchant-feedback", "currency": "NGN",
                          "refund_amount": 0, "transaction_reference": "seed-tx", "category": "chargeback"}],
            "settlement": [{"id": 8001, "status": "success", "currency": "NGN", "total_amount": 100000,
                             "effective_amount": 98500, "total_fees": 1500, "settled_by": null}],
            "terminal": [{"id": 9001, "terminal_id": "2232abcd", "serial_number": "SN-0001", "name": "Till 1",
                           "address": "Shop 4", "status": "active", "device_make": "simulated"}],
        }))
        .unwrap();

    // Apple Pay
    send!(
        f,
        "register_domain",
        ps.apple_pay().register_domain("shop.example.com")
    );
    send!(f, "list_domains", ps.apple_pay().list_domains());
    send!(
        f,
        "unregister_domain",
        ps.apple_pay().unregister_domain("shop.example.com")
    );

    // Banks
    send!(f, "bank list", ps.banks().list());
    send!(
        f,
        "resolve",
        ps.banks()
            .resolve_account_number("0123456789")
            .bank_code("058")
    );
    send!(
        f,
        "validate_account_number",
        ps.banks()
            .validate_account_number("0123456789")
            .account_name("Thandi Nkosi")
            .account_type(BankAccountType::Personal)
            .bank_code("632005")
            .country_code("ZA")
            .document_type(BankDocumentType::IdentityNumber)
            .document_number("8001015009087")
    );

    // Customers and a paid transaction, which most other areas build on.
    let cust = send!(
        f,
        "customer create",
        ps.customers().create("ada@example.com").first_name("Ada")
    );
    let cust_code = cust.and_then(|c| c.data.customer_code).unwrap_or_default();
    let cust_id = newest(&s, "/customer", "id").await.as_u64().unwrap_or(0);
    send!(f, "customer list", ps.customers().list());
    send!(
        f,
        "customer fetch",
        ps.customers().fetch(cust_code.as_str())
    );
    send!(
        f,
        "customer update",
        ps.customers().update(&cust_code).last_name("Obi")
    );
    send!(
        f,
        "risk_action",
        ps.customers()
            .risk_action(cust_code.as_str(), RiskAction::Allow)
    );
    send!(
        f,
        "customer validate",
        ps.customers()
            .validate(&cust_code)
            .first_name("Ada")
            .last_name("Obi")
            .country("NG")
            .bvn("20012345677")
            .bank_code("007")
            .account_number("0123456789")
    );

    let init = send!(
        f,
        "initialize",
        ps.transactions()
            .initialize("ada@example.com", amt(500_000))
            .reference("every-1")
    );
    assert!(init.is_some());
    let paid = s.sim.pay("every-1", PayOutcome::Success).unwrap();
    let auth_code = paid["authorization"]["authorization_code"]
        .as_str()
        .unwrap()
        .to_string();
    let tx_id = paid["id"].as_u64().unwrap();
    send!(f, "verify", ps.transactions().verify("every-1"));
    send!(f, "transaction list", ps.transactions().list());
    send!(f, "transaction fetch", ps.transactions().fetch(tx_id));
    send!(f, "timeline", ps.transactions().timeline("every-1"));
    send!(f, "totals", ps.transactions().totals());
    send!(f, "export", ps.transactions().export());
    send!(
        f,
        "charge_authorization",
        ps.transactions()
            .charge_authorization("ada@example.com", amt(10_000), &auth_code)
    );
    send!(
        f,
        "partial_debit",
        ps.transactions()
            .partial_debit("ada@example.com", amt(10_000), &auth_code)
            .currency(Currency::NGN)
    );

    // Preauthorization: a hold on the saved card, captured in part; a second hold released.
    send!(
        f,
        "preauth initialize",
        ps.preauthorizations()
            .initialize("ada@example.com", amt(40_000), Currency::ZAR)
            .reference("hold-0")
    );
    send!(
        f,
        "preauth reserve",
        ps.preauthorizations()
            .reserve(&auth_code, "ada@example.com", amt(40_000))
            .currency(Currency::ZAR)
            .reference("hold-1")
    );
    send!(
        f,
        "preauth capture",
        ps.preauthorizations().capture("hold-1", amt(25_000))
    );
    send!(
        f,
        "preauth reserve 2",
        ps.preauthorizations()
            .reserve(&auth_code, "ada@example.com", amt(15_000))
            .currency(Currency::ZAR)
            .reference("hold-2")
    );
    send!(
        f,
        "preauth release",
        ps.preauthorizations().release("hold-2")
    );
    send!(f, "preauth verify", ps.preauthorizations().verify("hold-1"));
    send!(f, "preauth list", ps.preauthorizations().list());
    send!(f, "capitec requery", ps.capitec_pay().requery("every-1"));

    // Charges: PIN, then OTP; then phone, birthday and address steps from the same state.
    let ch = send!(
        f,
        "charge create",
        ps.charges()
            .create("ada@example.com", amt(30_000))
            .reference("charge-1")
    );
    assert!(ch.is_some());
    send!(f, "submit_pin", ps.charges().submit_pin("charge-1", "1234"));
    send!(
        f,
        "submit_otp",
        ps.charges().submit_otp("charge-1", "123456")
    );
    send!(f, "charge check", ps.charges().check("charge-1"));
    for (reference, step) in [
        ("charge-2", "send_phone"),
        ("charge-3", "send_birthday"),
        ("charge-4", "send_address"),
    ] {
        send!(
            f,
            "charge create (steps)",
            ps.charges()
                .create("ada@example.com", amt(30_000))
                .reference(reference)
        );
        force_charge_step(&s, reference, step).await;
    }
    send!(
        f,
        "submit_phone",
        ps.charges().submit_phone("charge-2", "08012345678")
    );
    send!(
        f,
        "submit_birthday",
        ps.charges()
            .submit_birthday("charge-3", NaiveDate::from_ymd_opt(1990, 5, 17).unwrap())
    );
    send!(
        f,
        "submit_address",
        ps.charges()
            .submit_address("charge-4")
            .address("4 Marina Road")
            .city("Lagos")
            .state("Lagos")
            .zip_code("100001")
    );

    // Customer authorizations and direct debit.
    let mandate = send!(
        f,
        "initialize_authorization",
        ps.customers()
            .initialize_authorization("ada@example.com")
            .channel(paystack::enums::AuthorizationChannel::DirectDebit)
    );
    let mandate_ref = mandate.and_then(|m| m.data.reference).unwrap_or_default();
    send!(
        f,
        "verify_authorization",
        ps.customers().verify_authorization(&mandate_ref)
    );
    send!(
        f,
        "initialize_direct_debit",
        ps.customers().initialize_direct_debit(
            cust_id,
            CustomerBankAccount {
                number: "0123456789".into(),
                bank_code: "058".into()
            },
            CustomerAddress {
                street: "4 Marina Road".into(),
                city: "Lagos".into(),
                state: "Lagos".into()
            },
        )
    );
    send!(
        f,
        "direct_debit_activation_charge",
        ps.customers()
            .direct_debit_activation_charge(cust_id)
            .authorization_id(1u64)
    );
    send!(
        f,
        "fetch_mandate_authorizations",
        ps.customers().fetch_mandate_authorizations(cust_id)
    );
    send!(
        f,
        "trigger_activation_charge",
        ps.direct_debit().trigger_activation_charge(vec![cust_id])
    );
    send!(
        f,
        "list_mandate_authorizations",
        ps.direct_debit().list_mandate_authorizations()
    );

    // Refunds
    let refund = send!(
        f,
        "refund create",
        ps.refunds().create("every-1").amount(amt(1_000))
    );
    let refund_id = refund
        .and_then(|r| r.data.id.and_then(|i| i.as_u64()))
        .unwrap_or(0);
    send!(f, "refund list", ps.refunds().list());
    send!(f, "refund fetch", ps.refunds().fetch(refund_id));
    send!(
        f,
        "refund retry",
        ps.refunds()
            .retry(refund_id)
            .currency(Currency::NGN)
            .account_number("0123456789")
            .bank_id("9")
    );

    // Plans and subscriptions
    let plan = send!(
        f,
        "plan create",
        ps.plans()
            .create("Monthly box", amt(250_000), Interval::Monthly)
    );
    let plan_code = plan.and_then(|p| p.data.plan_code).unwrap_or_default();
    send!(f, "plan list", ps.plans().list());
    send!(f, "plan fetch", ps.plans().fetch(plan_code.as_str()));
    send!(
        f,
        "plan update",
        ps.plans().update(plan_code.as_str()).name("Monthly crate")
    );
    let sub = send!(
        f,
        "subscription create",
        ps.subscriptions().create(cust_code.as_str(), &plan_code)
    );
    let (sub_code, token) = sub
        .map(|r| {
            (
                r.data.subscription_code.unwrap_or_default(),
                r.data.email_token.unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    send!(f, "subscription list", ps.subscriptions().list());
    send!(
        f,
        "subscription fetch",
        ps.subscriptions().fetch(sub_code.as_str())
    );
    send!(f, "manage_link", ps.subscriptions().manage_link(&sub_code));
    send!(
        f,
        "manage_email",
        ps.subscriptions().manage_email(&sub_code)
    );
    send!(
        f,
        "subscription disable",
        ps.subscriptions().disable(&sub_code, &token)
    );
    send!(
        f,
        "subscription enable",
        ps.subscriptions().enable(&sub_code, &token)
    );

    // Dedicated accounts
    send!(
        f,
        "dva create",
        ps.dedicated_accounts().create(cust_code.as_str())
    );
    send!(f, "dva list", ps.dedicated_accounts().list());
    let dva_id = newest(&s, "/dedicated_account", "id")
        .await
        .as_u64()
        .unwrap_or(0);
    let dva_number = newest(&s, "/dedicated_account", "account_number")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "dva fetch", ps.dedicated_accounts().fetch(dva_id));
    send!(
        f,
        "dva assign",
        ps.dedicated_accounts()
            .assign("bo@example.com")
            .first_name("Bo")
            .last_name("Ade")
            .phone("+2348012345678")
            .preferred_bank("test-bank")
            .country("NG")
    );
    send!(
        f,
        "dva requery",
        ps.dedicated_accounts()
            .requery(&dva_number)
            .provider_slug("test-bank")
    );
    send!(
        f,
        "dva add_split",
        ps.dedicated_accounts()
            .add_split(&dva_number)
            .split_code("SPL_x1")
    );
    send!(
        f,
        "dva remove_split",
        ps.dedicated_accounts().remove_split(&dva_number)
    );
    send!(
        f,
        "dva providers",
        ps.dedicated_accounts().available_providers()
    );
    send!(
        f,
        "dva deactivate",
        ps.dedicated_accounts().deactivate(dva_id)
    );

    // Transfers and recipients
    let rcp = send!(
        f,
        "recipient create",
        ps.transfer_recipients()
            .create(RecipientType::Nuban, "Chidi Eze")
            .account_number("0123456789")
            .bank_code("058")
    );
    let rcp_code = rcp.and_then(|r| r.data.recipient_code).unwrap_or_default();
    send!(
        f,
        "recipient bulk",
        ps.transfer_recipients()
            .bulk(vec![TransferRecipientBatchItem::new(
                RecipientType::Nuban,
                "Kemi Bello"
            )
            .with_account_number("0222222222")
            .with_bank_code("044")])
    );
    send!(f, "recipient list", ps.transfer_recipients().list());
    send!(
        f,
        "recipient fetch",
        ps.transfer_recipients().fetch(rcp_code.as_str())
    );
    send!(
        f,
        "recipient update",
        ps.transfer_recipients()
            .update(rcp_code.as_str(), "Chidi E.")
    );
    s.sim.fund("NGN", 5_000_000);
    send!(
        f,
        "transfer initiate",
        ps.transfers()
            .initiate(amt(100_000), &rcp_code, "every-transfer-0001")
    );
    send!(f, "transfer list", ps.transfers().list());
    send!(
        f,
        "transfer fetch",
        ps.transfers().fetch(
            newest(&s, "/transfer", "transfer_code")
                .await
                .as_str()
                .unwrap_or("")
        )
    );
    send!(
        f,
        "transfer verify",
        ps.transfers().verify("every-transfer-0001")
    );
    send!(f, "transfer export", ps.transfers().export());
    send!(
        f,
        "transfer bulk",
        ps.transfers().bulk(vec![TransferBulkItem::new(
            amt(10_000),
            &rcp_code,
            "every-transfer-0002"
        )])
    );
    send!(f, "enable_otp", ps.transfers().enable_otp());
    let otp_t = send!(
        f,
        "transfer initiate (otp)",
        ps.transfers()
            .initiate(amt(10_000), &rcp_code, "every-transfer-0003")
    );
    let otp_code = otp_t.and_then(|t| t.data.transfer_code).unwrap_or_default();
    send!(
        f,
        "resend_otp",
        ps.transfers()
            .resend_otp(&otp_code, TransferOtpReason::ResendOtp)
    );
    send!(f, "finalize", ps.transfers().finalize(&otp_code, "123456"));
    send!(f, "disable_otp", ps.transfers().disable_otp());
    send!(
        f,
        "disable_otp_finalize",
        ps.transfers().disable_otp_finalize("123456")
    );
    send!(
        f,
        "recipient delete",
        ps.transfer_recipients().delete(rcp_code.as_str())
    );

    // Balance
    send!(f, "balance", ps.balance().fetch());
    send!(f, "ledger", ps.balance().ledger());

    // Bulk charges
    let bulk = send!(
        f,
        "bulk charge initiate",
        ps.bulk_charges()
            .initiate([BulkChargeItem::new(&auth_code, amt(5_000)).with_reference("bulk-item-1")])
    );
    let batch = bulk.and_then(|b| b.data.batch_code).unwrap_or_default();
    send!(f, "bulk charge list", ps.bulk_charges().list());
    send!(
        f,
        "bulk charge fetch",
        ps.bulk_charges().fetch(batch.as_str())
    );
    send!(
        f,
        "bulk charge charges",
        ps.bulk_charges().charges(batch.as_str())
    );
    send!(f, "bulk charge pause", ps.bulk_charges().pause(&batch));
    send!(f, "bulk charge resume", ps.bulk_charges().resume(&batch));

    // Disputes (seeded)
    send!(f, "dispute list", ps.disputes().list());
    send!(f, "dispute fetch", ps.disputes().fetch(7001));
    send!(f, "dispute update", ps.disputes().update(7001, amt(1_000)));
    send!(
        f,
        "dispute upload_url",
        ps.disputes()
            .upload_url(7001)
            .upload_filename("receipt.pdf")
    );
    send!(f, "dispute download", ps.disputes().download());
    s.sim.open_dispute("every-1", None).unwrap();
    send!(f, "dispute transaction", ps.disputes().transaction(tx_id));
    send!(
        f,
        "dispute evidence",
        ps.disputes()
            .evidence(7001)
            .customer_email("ada@example.com")
            .customer_name("Ada Obi")
            .customer_phone("+2348012345678")
            .service_details("Delivered on time")
    );
    send!(
        f,
        "dispute resolve",
        ps.disputes()
            .resolve(7001, DisputeResolution::MerchantAccepted)
            .message("Refunded")
            .refund_amount(amt(1_000))
            .uploaded_filename("receipt.pdf")
    );

    // Integration and miscellaneous
    send!(
        f,
        "fetch_payment_session_timeout",
        ps.integration().fetch_payment_session_timeout()
    );
    send!(
        f,
        "update_payment_session_timeout",
        ps.integration().update_payment_session_timeout(900)
    );
    send!(
        f,
        "resolve_card_bin",
        ps.miscellaneous().resolve_card_bin("408408")
    );
    send!(f, "list_countries", ps.miscellaneous().list_countries());
    send!(f, "avs", ps.miscellaneous().avs("NG"));

    // Products, pages, storefronts, orders
    send!(
        f,
        "product create",
        ps.products()
            .create("Mug", amt(150_000))
            .description("A big mug")
            .currency(Currency::NGN)
    );
    let product_id = newest(&s, "/product", "id").await.as_u64().unwrap_or(0);
    send!(f, "product list", ps.products().list());
    send!(f, "product fetch", ps.products().fetch(product_id));
    send!(
        f,
        "product update",
        ps.products().update(product_id).name("Bigger mug")
    );
    send!(
        f,
        "page create",
        ps.pages().create("Donations").amount(amt(100_000))
    );
    let page_slug = newest(&s, "/page", "slug")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "page list", ps.pages().list());
    send!(f, "page fetch", ps.pages().fetch(&page_slug));
    send!(
        f,
        "page update",
        ps.pages()
            .update(&page_slug)
            .description("Give what you can")
    );
    send!(
        f,
        "check_slug_availability",
        ps.pages().check_slug_availability("fresh-slug")
    );
    send!(
        f,
        "page add_products",
        ps.pages().add_products(&page_slug, vec![product_id])
    );
    send!(
        f,
        "storefront create",
        ps.storefronts()
            .create("Ada's shop", "ada-shop")
            .currency(Currency::NGN)
    );
    let shop = newest(&s, "/storefront", "id").await.as_u64().unwrap_or(0);
    send!(f, "storefront list", ps.storefronts().list());
    send!(f, "storefront fetch", ps.storefronts().fetch(shop));
    send!(
        f,
        "storefront update",
        ps.storefronts().update(shop).description("Mugs and more")
    );
    send!(f, "verify_slug", ps.storefronts().verify_slug("ada-shop-2"));
    send!(
        f,
        "storefront add_products",
        ps.storefronts().add_products(shop, vec![product_id])
    );
    send!(
        f,
        "storefront list_products",
        ps.storefronts().list_products(shop)
    );
    send!(
        f,
        "storefront fetch_orders",
        ps.storefronts().fetch_orders(shop)
    );
    send!(f, "storefront publish", ps.storefronts().publish(shop));
    send!(f, "storefront duplicate", ps.storefronts().duplicate(shop));
    send!(
        f,
        "order create",
        ps.orders()
            .create(
                "ada@example.com",
                vec![OrderItemInput::product(product_id as i64, 1, amt(150_000))],
            )
            .first_name("Ada")
            .last_name("Obi")
            .phone("+2348012345678")
            .currency(Currency::NGN)
            .shipping(OrderShippingInput {
                street_line: "4 Marina Road".into(),
                city: "Lagos".into(),
                state: "Lagos".into(),
                country: "Nigeria".into(),
                shipping_fee: 2_000,
                delivery_note: None,
            })
    );
    let order_id = newest(&s, "/order", "id").await.as_u64().unwrap_or(0);
    let order_code = newest(&s, "/order", "order_code")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "order list", ps.orders().list());
    send!(f, "order fetch", ps.orders().fetch(order_id));
    send!(f, "order products", ps.orders().products(product_id));
    send!(f, "order validate", ps.orders().validate(&order_code));
    send!(f, "storefront delete", ps.storefronts().delete(shop));
    send!(f, "product delete", ps.products().delete(product_id));

    // Payment requests
    send!(
        f,
        "payment request create",
        ps.payment_requests()
            .create(cust_code.as_str())
            .amount(amt(75_000))
    );
    let prq = newest(&s, "/paymentrequest", "request_code")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "payment request list", ps.payment_requests().list());
    send!(
        f,
        "payment request fetch",
        ps.payment_requests().fetch(prq.as_str())
    );
    send!(
        f,
        "payment request update",
        ps.payment_requests()
            .update(prq.as_str())
            .description("Invoice 12")
    );
    send!(
        f,
        "payment request verify",
        ps.payment_requests().verify(&prq)
    );
    send!(
        f,
        "payment request notify",
        ps.payment_requests().notify(&prq)
    );
    send!(f, "payment request totals", ps.payment_requests().totals());
    send!(
        f,
        "payment request finalize",
        ps.payment_requests().finalize(&prq)
    );
    send!(
        f,
        "payment request archive",
        ps.payment_requests().archive(&prq)
    );

    // Settlements (seeded)
    send!(f, "settlement list", ps.settlements().list());
    send!(
        f,
        "settlement transactions",
        ps.settlements().transactions(8001)
    );

    // Subaccounts and splits
    send!(
        f,
        "subaccount create",
        ps.subaccounts()
            .create("Ada Ventures")
            .settlement_bank("058")
            .account_number("0123456789")
            .percentage_charge(10.5)
    );
    let acct = newest(&s, "/subaccount", "subaccount_code")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "subaccount list", ps.subaccounts().list());
    send!(f, "subaccount fetch", ps.subaccounts().fetch(acct.as_str()));
    send!(
        f,
        "subaccount update",
        ps.subaccounts()
            .update(acct.as_str())
            .business_name("Ada Ventures Ltd")
    );
    send!(
        f,
        "split create",
        ps.splits()
            .create("Halves", vec![SplitShare::new(acct.as_str(), 50)])
            .split_type(SplitType::Percentage)
            .currency(Currency::NGN)
    );
    let split_id = newest(&s, "/split", "id").await.as_u64().unwrap_or(0);
    send!(f, "split list", ps.splits().list());
    send!(f, "split fetch", ps.splits().fetch(split_id));
    send!(
        f,
        "split update",
        ps.splits().update(split_id).name("Even halves")
    );
    send!(
        f,
        "split add_subaccount",
        ps.splits().add_subaccount(split_id, &acct, 40)
    );
    send!(
        f,
        "split remove_subaccount",
        ps.splits().remove_subaccount(split_id, &acct)
    );

    // Terminals (seeded)
    let event = send!(
        f,
        "terminal send_event",
        ps.terminals()
            .send_event(
                "2232abcd",
                TerminalEventType::Transaction,
                TerminalEventAction::Process
            )
            .id(tx_id)
    );
    let event_id = event.and_then(|e| e.data.id).unwrap_or_default();
    send!(
        f,
        "terminal fetch_event_status",
        ps.terminals().fetch_event_status("2232abcd", &event_id)
    );
    send!(
        f,
        "terminal fetch_terminal_status",
        ps.terminals().fetch_terminal_status("2232abcd")
    );
    send!(f, "terminal list", ps.terminals().list());
    send!(f, "terminal fetch", ps.terminals().fetch("2232abcd"));
    send!(
        f,
        "terminal update",
        ps.terminals().update("2232abcd").name("Front till")
    );
    send!(
        f,
        "terminal commission",
        ps.terminals().commission("SN-0002")
    );
    send!(
        f,
        "terminal decommission",
        ps.terminals().decommission("SN-0002")
    );

    // Virtual terminals
    let dest = || {
        vec![VirtualTerminalDestinationInput {
            target: "+2348012345678".into(),
            name: Some("Till".into()),
        }]
    };
    send!(
        f,
        "vt create",
        ps.virtual_terminals().create("Counter", dest())
    );
    let vt = newest(&s, "/virtual_terminal", "code")
        .await
        .as_str()
        .unwrap_or("")
        .to_string();
    send!(f, "vt list", ps.virtual_terminals().list());
    send!(f, "vt fetch", ps.virtual_terminals().fetch(&vt));
    send!(
        f,
        "vt update",
        ps.virtual_terminals().update(&vt, "Back counter")
    );
    send!(
        f,
        "vt assign_destination",
        ps.virtual_terminals().assign_destination(&vt, dest())
    );
    send!(
        f,
        "vt unassign_destination",
        ps.virtual_terminals()
            .unassign_destination(&vt, vec!["+2348012345678".into()])
    );
    send!(
        f,
        "vt add_split_code",
        ps.virtual_terminals().add_split_code(&vt, "SPL_x1")
    );
    send!(
        f,
        "vt delete_split_code",
        ps.virtual_terminals().delete_split_code(&vt, "SPL_x1")
    );
    send!(f, "vt deactivate", ps.virtual_terminals().deactivate(&vt));

    // Last, as the charges above use this authorization.
    send!(
        f,
        "deactivate_authorization",
        ps.customers().deactivate_authorization(&auth_code)
    );

    // Every operation of the spec was answered with a success at least once.
    let answered: BTreeSet<String> = s
        .sim
        .journal()
        .into_iter()
        .filter(|e| (200..300).contains(&e.status))
        .filter_map(|e| e.operation)
        .collect();
    let all: BTreeSet<String> = paystack_sim::spec::spec()
        .ops
        .iter()
        .map(|o| o.id.clone())
        .collect();
    assert_eq!(all.len(), 170);
    let missing: Vec<_> = all.difference(&answered).collect();

    // Strict shapes: every answer, as the simulator built it, fits the spec exactly.
    let reports = s.sim.shape_reports();
    let failing: Vec<String> = reports
        .iter()
        .filter(|r| !r.problems.is_empty())
        .map(|r| format!("{}: {}", r.operation, r.problems.join("; ")))
        .collect();
    println!(
        "strict shape check: {} of {} operations pass",
        reports.len() - failing.len(),
        reports.len()
    );
    // Round trip: the SDK's types decode each answer and encode it again without losing a key.
    let mut lost = Vec::new();
    for r in &reports {
        let body = r.last_answer.to_string();
        match paystack::operations::round_trip(&r.operation, body.as_bytes()) {
            Some(Ok(again)) => {
                let before = key_paths(&r.last_answer);
                let after = key_paths(&again);
                let gone: Vec<_> = before.difference(&after).cloned().collect();
                if !gone.is_empty() {
                    lost.push(format!("{}: {gone:?}", r.operation));
                }
            }
            Some(Err(e)) => lost.push(format!("{}: does not decode: {e}", r.operation)),
            None => lost.push(format!("{}: no generated answer type", r.operation)),
        }
    }
    println!(
        "round trip: {} of {} operations keep every key",
        reports.len() - lost.len(),
        reports.len()
    );
    for line in failing.iter().chain(&lost) {
        println!("  {line}");
    }
    assert!(
        missing.is_empty(),
        "operations never answered with a success: {missing:?}"
    );
    assert!(
        f.is_empty(),
        "{} wrapper(s) failed:\n{}",
        f.len(),
        f.join("\n")
    );
    assert!(
        failing.is_empty(),
        "{} operation(s) answer outside the spec:\n{}",
        failing.len(),
        failing.join("\n")
    );
    assert!(
        lost.is_empty(),
        "{} operation(s) lose keys in the SDK's types:\n{}",
        lost.len(),
        lost.join("\n")
    );
}

/// The JSON key paths that carry a value (arrays collapsed, nulls left out, one spelling
/// per key: camelCase counts as its snake_case twin).
fn key_paths(v: &Value) -> BTreeSet<String> {
    fn walk(v: &Value, at: &str, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if x.is_null() {
                        continue;
                    }
                    let p = format!("{at}.{}", snake(k));
                    out.insert(p.clone());
                    walk(x, &p, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, &format!("{at}[]"), out)),
            _ => {}
        }
    }
    fn snake(k: &str) -> String {
        k.chars()
            .flat_map(|c| {
                if c.is_ascii_uppercase() {
                    vec!['_', c.to_ascii_lowercase()]
                } else {
                    vec![c]
                }
            })
            .collect()
    }
    let mut out = BTreeSet::new();
    walk(v, "", &mut out);
    out
}

/// Puts a pending charge at a given step, as a card that asks for it would.
async fn force_charge_step(s: &Sim, reference: &str, step: &str) {
    let (st, _) = call(
        &s.base,
        "POST",
        "/_sim/charge_step",
        Some(&s.key),
        Some(json!({"reference": reference, "status": step})),
    )
    .await;
    assert_eq!(st, 200, "control endpoint sets the charge step");
}
