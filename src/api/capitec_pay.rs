//! Capitec Pay (South Africa): ask again where a payment stands.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let r = ps.capitec_pay().requery("order-5531").send().await?;
//! println!("payment is {:?}", r.data.status);
//! # Ok(()) }
//! ```

use super::error::Result;
use super::validate;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::CapitecPayRequeryResponse => types::CapitecPayStatus);

/// The Capitec Pay API (`/capitec-pay`).
#[derive(Debug, Clone, Copy)]
pub struct CapitecPay<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Capitec Pay: requery a payment's outcome.
    pub fn capitec_pay(&self) -> CapitecPay<'_> {
        CapitecPay { ps: self }
    }
}

impl<'a> CapitecPay<'a> {
    /// Asks where the Capitec Pay payment with this transaction reference stands. Pending and
    /// failed payments answer too: read `data.status`.
    pub fn requery(&self, reference: impl Into<String>) -> RequeryCapitecPay<'a> {
        RequeryCapitecPay::new(self.ps, reference.into())
    }
}
}

request! {
    /// Request for [`CapitecPay::requery`].
    RequeryCapitecPay => capitecPay_requery -> types::CapitecPayStatus { reference: String } {}
}

impl RequeryCapitecPay<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::CapitecPayStatus>> {
        validate::non_empty("reference", &self.reference)?;
        self.ps
            .send(self.ps.api().capitec_pay_requery(&self.reference))
            .await
    }
}
