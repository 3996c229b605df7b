//! Integration: settings of your own Paystack integration.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let now = ps.integration().update_payment_session_timeout(45).send().await?;
//! println!("checkout sessions now last {:?} s", now.data.payment_session_timeout);
//! # Ok(()) }
//! ```

use super::error::Result;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::IntegrationPaymentSessionTimeoutResponse => types::IntegrationPaymentSessionTimeout);

/// The Integration API (`/integration`).
#[derive(Debug, Clone, Copy)]
pub struct Integration<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Integration settings: the checkout session timeout.
    pub fn integration(&self) -> Integration<'_> {
        Integration { ps: self }
    }
}

impl<'a> Integration<'a> {
    /// Reads how many seconds a checkout session stays open.
    pub fn fetch_payment_session_timeout(&self) -> FetchPaymentSessionTimeout<'a> {
        FetchPaymentSessionTimeout::new(self.ps)
    }

    /// Sets how many seconds a checkout session stays open; 0 keeps sessions open for good.
    pub fn update_payment_session_timeout(&self, seconds: u32) -> UpdatePaymentSessionTimeout<'a> {
        UpdatePaymentSessionTimeout::new(self.ps, seconds)
    }
}
}

request! {
    /// Request for [`Integration::fetch_payment_session_timeout`].
    FetchPaymentSessionTimeout => integration_fetchPaymentSessionTimeout -> types::IntegrationPaymentSessionTimeout {} {}
}

impl FetchPaymentSessionTimeout<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::IntegrationPaymentSessionTimeout>> {
        self.ps
            .send(self.ps.api().integration_fetch_payment_session_timeout())
            .await
    }
}

request! {
    /// Request for [`Integration::update_payment_session_timeout`].
    UpdatePaymentSessionTimeout => integration_updatePaymentSessionTimeout -> types::IntegrationPaymentSessionTimeout { seconds: u32 } {}
}

impl UpdatePaymentSessionTimeout<'_> {
    /// Sends and decodes the timeout now in force.
    pub async fn send(self) -> Result<Response<types::IntegrationPaymentSessionTimeout>> {
        let body = types::IntegrationUpdatePaymentSessionTimeoutBody {
            timeout: i64::from(self.seconds),
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .integration_update_payment_session_timeout(&body),
            )
            .await
    }
}
