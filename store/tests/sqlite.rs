//! The journal and the inbox on SQLite: the shared scenarios on a file per test, and the
//! migrations.

#[macro_use]
mod common;

use common::db_file;
use paystack_store::{JournalStore, SqliteStore};

macro_rules! on_sqlite {
    ($($name:ident),+ $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            let (_dir, path) = db_file();
            common::suite::$name(Box::new(move || {
                let path = path.clone();
                Box::pin(async move { SqliteStore::open(path).await.expect("open the SQLite file") })
            }))
            .await;
        }
    )+};
}

every_scenario!(on_sqlite);

#[tokio::test]
async fn migrations_run_once_and_the_file_reopens() {
    let (_dir, path) = db_file();
    let a = SqliteStore::open(&path).await.unwrap();
    let b = SqliteStore::open(&path).await.unwrap();
    assert!(a.get("none").await.unwrap().is_none());
    assert!(b.counts().await.unwrap().is_empty());
    assert_eq!(a.schema_version().await.unwrap(), 1);
    assert_eq!(b.schema_version().await.unwrap(), 1);
}
