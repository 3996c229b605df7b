//! The client: key checks, modes, settings, and that the key never leaks.

use paystack::{Error, Mode, Paystack, SecretKey, ValidationError};
use wiremock::matchers::{header, method, path};
use wiremock::Mock;

use crate::common::{ok, setup, BEARER, KEY};

type Check = fn(&ValidationError) -> bool;

#[test]
fn client_rejects_empty_public_and_malformed_keys() {
    let cases: [(&str, Check); 6] = [
        ("", |e| matches!(e, ValidationError::EmptyKey)),
        ("   ", |e| matches!(e, ValidationError::EmptyKey)),
        ("pk_test_4f1c0ffee0ddba11c0de5eed", |e| {
            matches!(e, ValidationError::PublicKey)
        }),
        ("pk_live_4f1c0ffee0ddba11c0de5eed", |e| {
            matches!(e, ValidationError::PublicKey)
        }),
        ("4f1c0ffee0ddba11c0de5eed", |e| {
            matches!(e, ValidationError::MalformedKey(_))
        }),
        ("sk_test_abc def ghi jkl", |e| {
            matches!(e, ValidationError::MalformedKey(_))
        }),
    ];
    for (key, check) in cases {
        match Paystack::new(key) {
            Err(Error::Validation(v)) => assert!(check(&v), "{key:?} gave {v:?}"),
            other => panic!("{key:?} should fail, got {other:?}"),
        }
    }
}

#[test]
fn client_knows_test_from_live() {
    let test = Paystack::new(KEY).unwrap();
    assert_eq!(test.mode(), Mode::Test);
    assert!(!test.is_live());
    let live = Paystack::new("sk_live_9a8b7c6d5e4f3a2b1c0d").unwrap();
    assert_eq!(live.mode(), Mode::Live);
    assert!(live.is_live());
    assert_eq!(live.base_url(), "https://api.paystack.co");
}

#[test]
fn client_never_prints_the_key() {
    let secret = "sk_live_9a8b7c6d5e4f3a2b1c0d";
    let ps = Paystack::new(secret).unwrap();
    let builder = Paystack::builder(secret);
    let key = SecretKey::parse(secret).unwrap();
    let shown = format!("{ps:?} {builder:?} {key:?} {:#?}", ps);
    assert!(!shown.contains("9a8b7c6d5e4f3a2b1c0d"), "{shown}");
    assert!(shown.contains("redacted"));
    // A public key in the secret slot: the error must not echo it either.
    let err = Paystack::new("pk_live_9a8b7c6d5e4f3a2b1c0d").unwrap_err();
    assert!(!format!("{err} {err:?}").contains("9a8b7c6d5e4f3a2b1c0d"));
}

#[test]
fn client_from_env_reads_the_variable() {
    // Only this test touches the variable in this binary.
    std::env::remove_var(paystack::SECRET_KEY_ENV);
    assert!(matches!(
        Paystack::from_env(),
        Err(Error::Validation(ValidationError::MissingEnv(
            "PAYSTACK_SECRET_KEY"
        )))
    ));
    std::env::set_var(paystack::SECRET_KEY_ENV, KEY);
    assert_eq!(Paystack::from_env().unwrap().mode(), Mode::Test);
    std::env::remove_var(paystack::SECRET_KEY_ENV);
}

#[tokio::test]
async fn client_sends_bearer_user_agent_and_json_accept() {
    let (server, _) = setup().await;
    let ps = Paystack::builder(KEY)
        .base_url(format!("{}/", server.uri()))
        .user_agent("shop-backend/2.1")
        .timeout(std::time::Duration::from_secs(5))
        .build()
        .unwrap();
    Mock::given(method("GET"))
        .and(path("/transaction/verify/order-1042"))
        .and(header("authorization", BEARER))
        .and(header("user-agent", "shop-backend/2.1"))
        .respond_with(ok("transaction/transaction.json"))
        .expect(1)
        .mount(&server)
        .await;
    ps.transactions().verify("order-1042").send().await.unwrap();
}

#[tokio::test]
async fn client_timeout_is_a_transport_error() {
    let (server, _) = setup().await;
    let ps = Paystack::builder(KEY)
        .base_url(server.uri())
        .timeout(std::time::Duration::from_millis(200))
        .build()
        .unwrap();
    Mock::given(method("GET"))
        .and(path("/transaction/verify/order-1042"))
        .respond_with(
            ok("transaction/transaction.json").set_delay(std::time::Duration::from_secs(3)),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = ps
        .transactions()
        .verify("order-1042")
        .no_retry()
        .send()
        .await
        .unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((t.kind, t.sent), (paystack::TransportKind::Timeout, true));
    assert_eq!(err.outcome(), paystack::Outcome::Unknown);
}

#[test]
fn client_futures_and_streams_can_move_across_threads() {
    fn is_send<T: Send>(_: &T) {}
    fn is_shareable<T: Send + Sync + Clone + 'static>() {}
    is_shareable::<Paystack>();
    let ps = Paystack::new(KEY).unwrap();
    // Built but never polled: only the types are checked.
    let call = ps.transactions().verify("order-1042").send();
    is_send(&call);
    let pages = paystack::Paginate::stream(ps.customers().list());
    is_send(&pages);
}
