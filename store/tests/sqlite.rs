//! The journal and the inbox on SQLite: the shared scenarios on a file per test, and the
//! migrations.

#[macro_use]
mod common;

use common::db_file;
use paystack_store::{JournalStore, SqliteStore, State};

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

/// One step against a single intent, as workers and webhooks would take them.
#[derive(Debug, Clone)]
enum Step {
    /// A worker claims it (a new lease).
    Claim,
    /// A worker records under the `n`-th lease taken so far (possibly a stale one).
    Record(usize, State),
    /// A webhook or poll reports a state.
    Apply(State),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    let state = proptest::sample::select(State::ALL.to_vec());
    prop_oneof![
        Just(Step::Claim),
        (0usize..6, state.clone()).prop_map(|(n, s)| Step::Record(n, s)),
        state.prop_map(Step::Apply),
    ]
}

/// The rules, stated on their own: nothing leaves a final state except a success that is
/// reversed; `pending` and `unknown` are only reached from not-yet-accepted states.
fn allowed(from: State, to: State) -> bool {
    use State::*;
    match (from, to) {
        (Success, Reversed) => true,
        (Success | Failed | Reversed, _) => false,
        (Processing, Pending | Unknown) => false,
        _ => true,
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]

    /// Against a model: leases are fenced (a stale lease records nothing), webhooks move the
    /// state only forward, and every claim draws a new token.
    #[test]
    fn leases_fence_and_states_only_move_forward(steps in proptest::collection::vec(step(), 1..20)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let (_dir, path) = db_file();
            let store = SqliteStore::open(&path).await.unwrap();
            let intent = paystack_store::NewIntent::transfer(
                "model-1",
                paystack::Amount::from_subunits(10_000).unwrap(),
                "RCP_model",
            );
            let reference = intent.effective_reference();
            let (_, first) = store.insert(&intent, &reference, "w", 0, 0).await.unwrap();
            let mut leases = vec![first.unwrap().token];
            let (mut state, mut token) = (State::Pending, leases[0]);
            let mut now = 1_000;
            for s in steps {
                now += 1_000; // every lease taken before has expired
                let outcome = |to: State| paystack_store::Outcome {
                    state: to,
                    error: None,
                    paystack_code: None,
                    paystack_status: None,
                    due_at: now,
                };
                match s {
                    Step::Claim => {
                        let got = store
                            .claim_due(&[State::Pending, State::Unknown, State::Processing], "w", now, now + 1, 5)
                            .await
                            .unwrap();
                        let expect = !state.is_final();
                        assert_eq!(got.len(), usize::from(expect), "{state}");
                        if let Some((_, lease)) = got.first() {
                            assert!(lease.token > token, "a claim draws a new token");
                            token = lease.token;
                            leases.push(token);
                        }
                    }
                    Step::Record(n, to) => {
                        let Some(t) = leases.get(n).copied() else { continue };
                        let lease = paystack_store::Lease { id: 1, token: t };
                        let got = store.record(&lease, &outcome(to), now).await.unwrap();
                        let expect = t == token && !state.is_final();
                        assert_eq!(got.is_some(), expect, "record {to} under {t} (newest {token}) from {state}");
                        if expect {
                            state = to;
                        }
                    }
                    Step::Apply(to) => {
                        let got = store.apply(&reference, &outcome(to), now).await.unwrap();
                        let expect = allowed(state, to);
                        assert_eq!(got.is_some(), expect, "apply {to} from {state}");
                        if let Some(i) = got {
                            assert!(i.token > token, "an applied report fences older leases");
                            token = i.token;
                            state = to;
                        }
                    }
                }
                let stored = store.get("model-1").await.unwrap().unwrap();
                assert_eq!((stored.state, stored.token), (state, token));
            }
        });
    }
}

#[tokio::test]
async fn the_sweeper_sends_what_was_enqueued() {
    let b = common::Bench::start(1_000_000).await;
    let (_dir, path) = db_file();
    let journal =
        paystack_store::Journal::new(SqliteStore::open(&path).await.unwrap(), b.ps.clone());
    for n in 0..3 {
        journal
            .enqueue(paystack_store::NewIntent::transfer(
                format!("swept-{n}"),
                paystack::Amount::from_subunits(10_000).unwrap(),
                b.recipient.as_str(),
            ))
            .await
            .unwrap();
    }
    assert!(b.initiates().is_empty(), "enqueue only writes");
    let sweeper = journal.spawn_sweeper(std::time::Duration::from_millis(20));
    let mut sent = 0;
    for _ in 0..200 {
        sent = journal.list(State::Processing, 0, 10).await.unwrap().len();
        if sent == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    sweeper.abort();
    assert_eq!(sent, 3);
    assert_eq!(b.initiates().len(), 3);
}
