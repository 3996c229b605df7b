//! The inbox and leases on Redis, and the journal's refusal. Needs
//! `PAYSTACK_STORE_REDIS_URL` (see `store/ci-services.sh`); skipped without it, except under
//! `CI=true`.
#![cfg(feature = "redis")]

mod common;

use std::time::Duration;

use paystack_store::{Error, RedisStore};

async fn store() -> Option<RedisStore> {
    let url = common::server_url("PAYSTACK_STORE_REDIS_URL")?;
    let store = RedisStore::connect(&url)
        .await
        .expect("PAYSTACK_STORE_REDIS_URL is set but the server cannot be reached");
    // Each test in its own key space.
    Some(store.prefix(format!("{}:", common::unique("test"))))
}

#[tokio::test]
async fn the_inbox_hands_each_event_to_one_replica() {
    let Some(s) = store().await else { return };
    common::suite::the_inbox_hands_each_event_to_one_replica(Box::new(move || {
        let s = s.clone();
        Box::pin(async move { s })
    }))
    .await;
}

#[tokio::test]
async fn leases_are_exclusive_fenced_and_expire() {
    let Some(s) = store().await else { return };
    let a = s
        .lease("recover-sweep", Duration::from_millis(200))
        .await
        .unwrap()
        .unwrap();
    assert!(s
        .lease("recover-sweep", Duration::from_secs(5))
        .await
        .unwrap()
        .is_none());
    assert!(s.renew(&a, Duration::from_millis(200)).await.unwrap());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let b = s
        .lease("recover-sweep", Duration::from_secs(5))
        .await
        .unwrap()
        .unwrap();
    assert!(b.token > a.token, "fencing tokens grow");
    assert!(
        !s.renew(&a, Duration::from_secs(5)).await.unwrap(),
        "the old holder lost it"
    );
    s.unlease(&a).await.unwrap();
    assert!(
        s.lease("recover-sweep", Duration::from_secs(5))
            .await
            .unwrap()
            .is_none(),
        "a stale release changes nothing"
    );
    s.unlease(&b).await.unwrap();
    assert!(s
        .lease("recover-sweep", Duration::from_secs(5))
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn the_journal_refuses_redis_unless_asked() {
    let Some(s) = store().await else { return };
    assert!(matches!(s.journal_store(), Err(Error::NotDurable)));
    let allowed = s.allow_journal(true).journal_store().unwrap_err();
    assert!(
        allowed.to_string().contains("SQLite or Postgres"),
        "{allowed}"
    );
}
