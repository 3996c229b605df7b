//! Entry points for decoder fuzzing: the client's response decoding for every operation, and
//! the webhook decoder, fed with arbitrary bytes. Not part of the stable API.

/// Decodes `data` as one answer: the first byte picks the operation (or, past the last one,
/// the webhook decoder), the rest is the body. Only `Ok` or `Err` may come out.
pub fn decode_any(data: &[u8]) -> bool {
    let Some((&pick, body)) = data.split_first() else {
        return false;
    };
    let ops = super::operations::OPERATIONS;
    match ops.get(usize::from(pick) % (ops.len() + 1)) {
        Some(op) => decode_operation(op.id, body),
        None => crate::webhook::Event::from_slice(body).is_ok(),
    }
}

/// Decodes `body` as the success answer of operation `id`; true when it decodes.
pub fn decode_operation(id: &str, body: &[u8]) -> bool {
    matches!(
        super::operations::decode_response(id, 200, body),
        Some(Ok(()))
    )
}
