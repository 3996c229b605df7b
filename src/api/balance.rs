//! Balance: the money your integration holds, per currency, and the ledger behind it.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! for entry in ps.balance().fetch().send().await?.data {
//!     println!("{:?}: {:?}", entry.currency, entry.balance.map(|b| b.to_string()));
//! }
//! # Ok(()) }
//! ```

use super::error::Result;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::BalanceResponse => Vec<types::Balance>);
envelope!(types::BalanceLedgerResponse => Vec<types::BalanceLedgerEntry>, meta);

/// The Balance API (`/balance`).
#[derive(Debug, Clone, Copy)]
pub struct BalanceApi<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Your balance per currency, and its ledger.
    pub fn balance(&self) -> BalanceApi<'_> {
        BalanceApi { ps: self }
    }
}

impl<'a> BalanceApi<'a> {
    /// The money available in each currency, in subunits.
    pub fn fetch(&self) -> FetchBalance<'a> {
        FetchBalance::new(self.ps)
    }

    /// Lists the credits and debits that changed the balance, newest first.
    pub fn ledger(&self) -> FetchBalanceLedger<'a> {
        FetchBalanceLedger::new(self.ps)
    }
}
}

request! {
    /// Request for [`BalanceApi::fetch`].
    FetchBalance => balance_fetch -> Vec<types::Balance> {} {}
}

impl FetchBalance<'_> {
    /// Sends and decodes: one entry per currency.
    pub async fn send(self) -> Result<Response<Vec<types::Balance>>> {
        self.ps.send(self.ps.api().balance_fetch()).await
    }
}

request! {
    /// Request for [`BalanceApi::ledger`].
    FetchBalanceLedger => balance_ledger -> Vec<types::BalanceLedgerEntry> {} paged(page, dated) {}
}

impl FetchBalanceLedger<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::BalanceLedgerEntry>>> {
        self.ps
            .send(self.ps.api().balance_ledger(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}
