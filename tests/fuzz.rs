//! Decoder fuzzing, bounded for CI: arbitrary bytes and mutated fixtures go through the
//! response decoding of every operation and through the webhook decoder. The only allowed
//! outcome is `Ok` or `Err`. `PROPTEST_CASES=100000 cargo test --test fuzz --release` runs
//! longer; `fuzz/` holds the cargo-fuzz target for long runs.

use paystack::fuzzing::{decode_any, decode_operation};
use paystack::operations::OPERATIONS;
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(std::fs::read(&path).unwrap());
            }
        }
    }
    out.sort();
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 0..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop_oneof![
                    Just(b'"'),
                    Just(b'{'),
                    Just(b'['),
                    Just(b'}'),
                    Just(b','),
                    Just(b':'),
                    Just(b'0'),
                    any::<u8>()
                ],
                1..8
            )
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<usize>(), 1..256usize).prop_map(|(i, n)| Mutation::Repeat(i, n)),
    ]
}

fn apply(mut data: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match m {
        Mutation::Flip(i, b) if !data.is_empty() => {
            let i = i % data.len();
            data[i] ^= b | 1;
        }
        Mutation::Delete(i, n) => {
            let i = at(*i, data.len());
            let end = (i + n).min(data.len());
            data.drain(i..end);
        }
        Mutation::Insert(i, bytes) => {
            let i = at(*i, data.len());
            data.splice(i..i, bytes.iter().copied());
        }
        Mutation::Repeat(i, n) => {
            let i = at(*i, data.len());
            let end = (i + n).min(data.len());
            let copy = data[i..end].to_vec();
            data.splice(end..end, copy);
        }
        _ => {}
    }
    data
}

#[test]
fn every_operation_has_a_decoder_and_every_fixture_goes_through_all_of_them() {
    let fixtures = fixtures();
    assert!(fixtures.len() > 150, "{} fixtures", fixtures.len());
    let mut decoded = 0;
    for op in OPERATIONS {
        assert!(
            paystack::operations::decode_response(op.id, 200, b"{}").is_some(),
            "{} has no decoder",
            op.id
        );
        for body in &fixtures {
            decoded += usize::from(decode_operation(op.id, body));
        }
    }
    // Each API fixture decodes as at least its own operation's answer.
    assert!(decoded >= 150, "{decoded}");
}

proptest! {
    #[test]
    fn arbitrary_bytes_only_ever_decode_or_fail(data in prop::collection::vec(any::<u8>(), 0..2048)) {
        decode_any(&data);
    }

    #[test]
    fn mutated_fixtures_only_ever_decode_or_fail(
        pick in any::<prop::sample::Index>(),
        op in any::<u8>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        thread_local!(static FIXTURES: Vec<Vec<u8>> = fixtures());
        let body = FIXTURES.with(|f| pick.get(f).clone());
        let body = mutations.iter().fold(body, apply);
        let mut data = vec![op];
        data.extend_from_slice(&body);
        decode_any(&data);
    }
}
