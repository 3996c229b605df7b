//! Miscellaneous look-ups: card BINs, the countries Paystack serves, and the states used for
//! card address verification.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! let bin = ps.miscellaneous().resolve_card_bin("521987").send().await?;
//! println!("{:?} {:?}", bin.data.brand, bin.data.card_type);
//! # Ok(()) }
//! ```

use super::error::{Result, ValidationError};
use super::validate;
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::MiscellaneousCardBinResponse => types::MiscellaneousCardBin);
envelope!(types::MiscellaneousCountryListResponse => Vec<types::MiscellaneousCountry>);
envelope!(types::MiscellaneousStateListResponse => Vec<types::MiscellaneousState>);

/// The shortest and longest BIN accepted: 6 digits, or the 8 some networks now use. Anything
/// longer might be a whole card number, which must never go into a URL.
pub const BIN_LEN: std::ops::RangeInclusive<usize> = 6..=8;

/// The Miscellaneous API (`/decision/bin`, `/country`, `/address_verification`).
#[derive(Debug, Clone, Copy)]
pub struct Miscellaneous<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Look-ups: card BINs, countries, address-verification states.
    pub fn miscellaneous(&self) -> Miscellaneous<'_> {
        Miscellaneous { ps: self }
    }
}

impl<'a> Miscellaneous<'a> {
    /// Identifies a card from its BIN (its first 6 digits): brand, type, issuer, country.
    pub fn resolve_card_bin(&self, bin: impl Into<String>) -> ResolveCardBin<'a> {
        ResolveCardBin::new(self.ps, bin.into())
    }

    /// Lists the countries Paystack serves, with their currencies and payout account rules.
    pub fn list_countries(&self) -> ListCountries<'a> {
        ListCountries::new(self.ps)
    }

    /// Lists the states of `country` (a two-letter code such as `US`), for card address
    /// verification.
    pub fn avs(&self, country: impl Into<String>) -> ListAvsStates<'a> {
        ListAvsStates::new(self.ps, country.into())
    }
}
}

request! {
    /// Request for [`Miscellaneous::resolve_card_bin`].
    ResolveCardBin => miscellaneous_resolveCardBin -> types::MiscellaneousCardBin { bin: String } {}
}

impl ResolveCardBin<'_> {
    /// Validates (6 to 8 digits), sends and decodes.
    pub async fn send(self) -> Result<Response<types::MiscellaneousCardBin>> {
        if !BIN_LEN.contains(&self.bin.len()) || !self.bin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValidationError::Invalid {
                field: "bin",
                reason: "a BIN is the card number's first 6 to 8 digits".into(),
            }
            .into());
        }
        self.ps
            .send(self.ps.api().miscellaneous_resolve_card_bin(&self.bin))
            .await
    }
}

request! {
    /// Request for [`Miscellaneous::list_countries`].
    ListCountries => miscellaneous_listCountries -> Vec<types::MiscellaneousCountry> {} {}
}

impl ListCountries<'_> {
    /// Sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::MiscellaneousCountry>>> {
        self.ps
            .send(self.ps.api().miscellaneous_list_countries())
            .await
    }
}

request! {
    /// Request for [`Miscellaneous::avs`].
    ListAvsStates => miscellaneous_avs -> Vec<types::MiscellaneousState> { country: String } {}
}

impl ListAvsStates<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<Vec<types::MiscellaneousState>>> {
        validate::non_empty("country", &self.country)?;
        self.ps
            .send(self.ps.api().miscellaneous_avs(Some(&self.country)))
            .await
    }
}
