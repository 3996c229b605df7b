//! Every operation's response decoding and the webhook decoder, on arbitrary bytes: the first
//! byte picks the decoder, the rest is the body.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    paystack::fuzzing::decode_any(data);
});
