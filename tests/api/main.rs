//! One module per Paystack API area; each operation has a test that checks the request sent
//! (method, path, query, body, bearer header) and the values decoded from a fixture.

mod common;

mod client;
mod errors;
mod money;
mod pagination;

mod apple_pay;
mod balance;
mod banks;
mod bulk_charges;
mod capitec_pay;
mod charges;
mod customers;
mod dedicated_accounts;
mod direct_debit;
mod disputes;
mod integration;
mod miscellaneous;
mod orders;
mod pages;
mod payment_requests;
mod plans;
mod preauthorizations;
mod products;
mod refunds;
mod settlements;
mod splits;
mod storefronts;
mod subaccounts;
mod subscriptions;
mod terminals;
mod transactions;
mod transfer_recipients;
mod transfers;
mod virtual_terminals;
