//! Apple Pay: the web domains allowed to offer Apple Pay at checkout.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! ps.apple_pay().register_domain("shop.example.org").send().await?;
//! let list = ps.apple_pay().list_domains().send().await?;
//! println!("{:?}", list.data.domain_names);
//! # Ok(()) }
//! ```

use super::error::Result;
use super::validate::check_domain;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::ApplePayListDomainResponse => types::ApplePayDomains, meta);
envelope!(types::ApplePayMessageResponse => ());

/// The Apple Pay API (`/apple-pay/domain`).
#[derive(Debug, Clone, Copy)]
pub struct ApplePay<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Apple Pay domains: register, list and unregister.
    pub fn apple_pay(&self) -> ApplePay<'_> {
        ApplePay { ps: self }
    }
}

impl<'a> ApplePay<'a> {
    /// Allows one domain or subdomain (such as `shop.example.org`, no scheme or path) to show
    /// Apple Pay.
    pub fn register_domain(&self, domain_name: impl Into<String>) -> RegisterApplePayDomain<'a> {
        RegisterApplePayDomain::new(self.ps, domain_name.into())
    }

    /// Lists the registered domains.
    pub fn list_domains(&self) -> ListApplePayDomains<'a> {
        ListApplePayDomains::new(self.ps)
    }

    /// Removes a domain from Apple Pay.
    pub fn unregister_domain(&self, domain_name: impl Into<String>) -> UnregisterApplePayDomain<'a> {
        UnregisterApplePayDomain::new(self.ps, domain_name.into())
    }
}
}

request! {
    /// Request for [`ApplePay::register_domain`].
    RegisterApplePayDomain => applePay_registerDomain -> () { domain_name: String } {}
}

impl RegisterApplePayDomain<'_> {
    /// Validates, sends and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        check_domain(&self.domain_name)?;
        let body = types::ApplePayDomainBody {
            domain_name: self.domain_name,
        };
        self.ps
            .send(self.ps.api().apple_pay_register_domain(&body))
            .await
    }
}

request! {
    /// Request for [`ApplePay::list_domains`].
    ListApplePayDomains => applePay_listDomain -> types::ApplePayDomains {} {
        /// Page through with cursors (`next`/`previous` in `meta`).
        use_cursor: bool,
        /// Cursor of the page after, from `meta.next`.
        next: String,
        /// Cursor of the page before, from `meta.previous`.
        previous: String,
    }
}

impl ListApplePayDomains<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<types::ApplePayDomains>> {
        self.ps
            .send(self.ps.api().apple_pay_list_domain(
                self.next.as_deref(),
                self.previous.as_deref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`ApplePay::unregister_domain`].
    UnregisterApplePayDomain => applePay_unregisterDomain -> () { domain_name: String } {}
}

impl UnregisterApplePayDomain<'_> {
    /// Validates, sends (a DELETE with a JSON body) and returns Paystack's message.
    pub async fn send(self) -> Result<Response<()>> {
        check_domain(&self.domain_name)?;
        let body = types::ApplePayDomainBody {
            domain_name: self.domain_name,
        };
        self.ps
            .send(self.ps.api().apple_pay_unregister_domain(&body))
            .await
    }
}
