//! Settlements: the payouts Paystack makes to your bank account, and what each one paid out.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::enums::SettlementStatus;
//! let page = ps.settlements().list().status(SettlementStatus::Success).send().await?;
//! for s in &page.data {
//!     if let Some(id) = s.id.as_ref().and_then(|i| i.as_u64()) {
//!         let txs = ps.settlements().transactions(id).send().await?;
//!         println!("{:?}: {} payments", s.settlement_date, txs.data.len());
//!     }
//! }
//! # Ok(()) }
//! ```

use super::enums::SettlementStatus;

use super::error::Result;
use super::validate::{self, to_i64};
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::SettlementListResponse => Vec<types::Settlement>, meta);
envelope!(types::SettlementTransactionsResponse => Vec<types::Transaction>, meta);

/// The Settlements API (`/settlement`).
#[derive(Debug, Clone, Copy)]
pub struct Settlements<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Settlements: payouts to your bank account and the payments behind them.
    pub fn settlements(&self) -> Settlements<'_> {
        Settlements { ps: self }
    }
}

impl<'a> Settlements<'a> {
    /// Lists payouts made to your settlement accounts, newest first.
    pub fn list(&self) -> ListSettlements<'a> {
        ListSettlements::new(self.ps)
    }

    /// Lists the payments paid out in one settlement, by the settlement's id.
    pub fn transactions(&self, id: u64) -> ListSettlementTransactions<'a> {
        ListSettlementTransactions::new(self.ps, id)
    }
}
}

request! {
    /// Request for [`Settlements::list`].
    ListSettlements => settlements_fetch -> Vec<types::Settlement> {} paged(page, dated) {
        /// Only payouts in this state.
        status: SettlementStatus,
        /// Only payouts to this subaccount (its code), or `none` for the main account only.
        subaccount: String,
    }
}

impl ListSettlements<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Settlement>>> {
        validate::check_period(self.from, self.to)?;
        if let Some(sub) = &self.subaccount {
            validate::non_empty("subaccount", sub)?;
        }
        let status = self.status.as_ref().map(ToString::to_string);
        self.ps
            .send(self.ps.api().settlements_fetch(
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                status.as_deref(),
                self.subaccount.as_deref(),
                self.to.as_ref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Settlements::transactions`].
    ListSettlementTransactions => settlements_transaction -> Vec<types::Transaction> { id: u64 } paged(page, dated) {}
}

impl ListSettlementTransactions<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Transaction>>> {
        let id = to_i64("id", self.id)?;
        validate::check_period(self.from, self.to)?;
        self.ps
            .send(self.ps.api().settlements_transaction(
                id,
                self.from.as_ref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.to.as_ref(),
            ))
            .await
    }
}
