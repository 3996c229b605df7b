//! One module per Paystack API area; each operation has a test that checks the request sent
//! (method, path, query, body, bearer header) and the values decoded from a fixture.

mod common;

mod transactions;
