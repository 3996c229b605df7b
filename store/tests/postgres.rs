//! The journal and the inbox on PostgreSQL: the shared scenarios, each in a database of its
//! own, and the migrations under concurrent start-up. Needs `PAYSTACK_STORE_PG_URL` (see
//! `store/ci-services.sh`); skipped without it, except under `CI=true`.
#![cfg(feature = "postgres")]

#[macro_use]
mod common;

use paystack_store::{JournalStore, PostgresStore};

macro_rules! on_postgres {
    ($($name:ident),+ $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            let Some(url) = common::pg_database().await else { return };
            common::suite::$name(Box::new(move || {
                let url = url.clone();
                Box::pin(async move { PostgresStore::connect(&url).await.expect("connect to Postgres") })
            }))
            .await;
        }
    )+};
}

every_scenario!(on_postgres);

#[tokio::test]
async fn replicas_starting_together_migrate_once() {
    let Some(url) = common::pg_database().await else {
        return;
    };
    let opens = (0..4).map(|_| PostgresStore::connect(&url));
    let stores = futures::future::try_join_all(opens).await.unwrap();
    for s in &stores {
        assert_eq!(s.schema_version().await.unwrap(), 1);
        assert!(s.counts().await.unwrap().is_empty());
    }
}
