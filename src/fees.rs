//! Paystack's transaction fees, and the inverse: what to charge so you receive a sum after
//! fees ("bearer" pricing, where the customer pays the fee).
//!
//! Source: Paystack's support article "Transactions pricing"
//! (<https://support.paystack.com/hc/en-us/articles/360009973579>), read 2026-11-30, and
//! Paystack's FAQ (<https://paystack.com/faqs>) for the NGN 2,500 waiver of the flat fee. Where
//! that page marks a price "VAT exclusive", VAT at the national rate is added to the fee:
//! 15% in South Africa, 18% in Côte d'Ivoire. Paystack does not document how it rounds; every
//! fee here is rounded **up** to a whole subunit, so an estimate never falls short. Negotiated
//! or changed prices are not known to this table: build a [`Pricing`] by hand for those.
//!
//! ```
//! use paystack::fees::{Market, Payment, Pricing};
//! use paystack::Amount;
//!
//! let local = Pricing::of(Market::Nigeria, Payment::Local).unwrap();
//! // 1.5% of NGN 5,000 plus NGN 100:
//! assert_eq!(local.fee(Amount::from_major("5000").unwrap()), 175_00);
//! // To receive NGN 10,000 after fees, charge NGN 10,253.81:
//! let charge = local.charge_to_receive(Amount::from_major("10000").unwrap()).unwrap();
//! assert_eq!(charge.subunits(), 10_253_81);
//! ```

// Money is written major_minor (2_500_00 is 2,500.00), which clippy reads as odd grouping.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::api::error::ValidationError;
use crate::enums::Currency;
use crate::Amount;

/// Where the business is registered: each market has its own prices and currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Market {
    /// Nigeria (NGN).
    Nigeria,
    /// Ghana (GHS).
    Ghana,
    /// Kenya (KES).
    Kenya,
    /// South Africa (ZAR).
    SouthAfrica,
    /// Côte d'Ivoire (XOF).
    CoteDIvoire,
    /// Egypt (EGP).
    Egypt,
    /// Rwanda (RWF).
    Rwanda,
}

impl Market {
    /// The market's local currency.
    pub fn currency(self) -> Currency {
        match self {
            Market::Nigeria => Currency::NGN,
            Market::Ghana => Currency::GHS,
            Market::Kenya => Currency::KES,
            Market::SouthAfrica => Currency::ZAR,
            Market::CoteDIvoire => Currency::XOF,
            Market::Egypt => Currency::EGP,
            Market::Rwanda => Currency::RWF,
        }
    }
}

/// How the customer pays, as Paystack's price list distinguishes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Payment {
    /// A local card or other local channel (cards only, where the market prices them apart).
    Local,
    /// Mobile money (Ghana, M-PESA in Kenya, Wave/MTN/Orange in Côte d'Ivoire).
    MobileMoney,
    /// Instant EFT (South Africa).
    BankTransfer,
    /// Meeza cards (Egypt).
    Meeza,
    /// Direct debit (Nigeria).
    DirectDebit,
    /// A transfer into a dedicated virtual account (Nigeria).
    DedicatedAccount,
    /// An international Visa, Mastercard or Verve card in the local currency.
    International,
    /// An international American Express card in the local currency.
    InternationalAmex,
    /// A payment in US dollars (Visa, Mastercard, Verve).
    Usd,
    /// A payment in US dollars by American Express.
    UsdAmex,
}

/// One price: a percentage plus a flat fee, with an optional waiver, cap and VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pricing {
    /// The currency amounts are in.
    pub currency: Currency,
    /// The percentage, in hundredths of a percent (1.5% is 150).
    pub percent_bp: u32,
    /// The flat part, in subunits.
    pub flat: i64,
    /// The flat part is not charged on amounts below this, in subunits.
    pub flat_waived_below: Option<i64>,
    /// The largest fee before VAT, in subunits.
    pub cap: Option<i64>,
    /// VAT added to the fee, in hundredths of a percent (15% is 1500).
    pub vat_bp: u32,
}

impl Pricing {
    fn new(currency: Currency, percent_bp: u32, flat: i64) -> Pricing {
        Pricing {
            currency,
            percent_bp,
            flat,
            flat_waived_below: None,
            cap: None,
            vat_bp: 0,
        }
    }

    /// Paystack's published price for a payment in a market, if it lists one.
    pub fn of(market: Market, payment: Payment) -> Option<Pricing> {
        use Market::*;
        use Payment::*;
        let local = market.currency();
        let p = |bp, flat| Pricing::new(local.clone(), bp, flat);
        Some(match (market, payment) {
            (Nigeria, Local) => Pricing {
                flat_waived_below: Some(2_500_00),
                cap: Some(2_000_00),
                ..p(150, 100_00)
            },
            (Nigeria, DirectDebit) => Pricing {
                cap: Some(1_000_00),
                ..p(50, 0)
            },
            (Nigeria, DedicatedAccount) => Pricing {
                cap: Some(300_00),
                ..p(100, 0)
            },
            // The flat fee on international cards is not waived and not capped.
            (Nigeria, International) => p(390, 100_00),
            (Nigeria, InternationalAmex) => p(450, 0),
            (Nigeria, Usd) => Pricing::new(Currency::USD, 390, 0),
            (Nigeria, UsdAmex) => Pricing::new(Currency::USD, 450, 0),
            (Ghana, Local | MobileMoney | International) => p(195, 0),
            (Kenya, Local) => p(290, 0),
            (Kenya, MobileMoney) => p(150, 0),
            (Kenya, International) => p(380, 0),
            (Kenya, Usd) => Pricing::new(Currency::USD, 380, 0),
            (SouthAfrica, Local) => Pricing {
                vat_bp: 15_00,
                ..p(290, 1_00)
            },
            // The EFT price is not marked VAT exclusive, so no VAT is added.
            (SouthAfrica, BankTransfer) => p(200, 0),
            (SouthAfrica, International) => Pricing {
                vat_bp: 15_00,
                ..p(310, 1_00)
            },
            (CoteDIvoire, Local) => Pricing {
                vat_bp: 18_00,
                ..p(320, 0)
            },
            (CoteDIvoire, MobileMoney) => Pricing {
                vat_bp: 18_00,
                ..p(195, 0)
            },
            (CoteDIvoire, International) => Pricing {
                vat_bp: 18_00,
                ..p(380, 0)
            },
            (Egypt, Local) => p(270, 2_50),
            (Egypt, Meeza) => p(200, 2_50),
            (Egypt, International) => p(350, 2_50),
            (Rwanda, Local) => p(290, 0),
            (Rwanda, International) => p(380, 0),
            _ => return None,
        })
    }

    /// The fee on `amount`, VAT included, in subunits (rounded up).
    pub fn fee(&self, amount: Amount) -> i64 {
        let amount = i128::from(amount.subunits());
        // Exact arithmetic in ten-thousandths of a subunit.
        let flat = match self.flat_waived_below {
            Some(below) if amount < i128::from(below) => 0,
            _ => i128::from(self.flat),
        };
        let mut base = amount * i128::from(self.percent_bp) + flat * 10_000;
        if let Some(cap) = self.cap {
            base = base.min(i128::from(cap) * 10_000);
        }
        let with_vat = base * (10_000 + i128::from(self.vat_bp));
        let fee = (with_vat + 99_999_999) / 100_000_000;
        // An Amount is at most 10^13 subunits, so the fee fits.
        i64::try_from(fee).unwrap_or(i64::MAX)
    }

    /// What you receive from a payment of `amount`, after the fee.
    pub fn settles(&self, amount: Amount) -> i64 {
        amount.subunits() - self.fee(amount)
    }

    /// The smallest amount to charge so that `receive` is left after the fee.
    ///
    /// The fee is not monotonic where a flat fee starts (NGN 2,500), so each side of that
    /// threshold is searched apart and the smaller answer wins.
    pub fn charge_to_receive(&self, receive: Amount) -> Result<Amount, ValidationError> {
        let want = receive.subunits();
        let ok = |c: i64| c > 0 && c <= Amount::CEILING && self.net(c) >= want;
        // The fee is at most about 6% plus the flat part, so this bound always settles enough.
        let high = want
            .saturating_mul(2)
            .saturating_add(self.flat.saturating_mul(2))
            .saturating_add(100)
            .min(Amount::CEILING);
        let mut ranges = vec![(want, high)];
        if let Some(t) = self.flat_waived_below {
            if t > want && t <= high {
                ranges = vec![(want, t - 1), (t, high)];
            }
        }
        ranges
            .into_iter()
            .filter_map(|(lo, hi)| first_true(lo, hi, ok))
            .min()
            .map(Amount::from_wire)
            .ok_or(ValidationError::AmountAboveCeiling {
                amount: high,
                ceiling: Amount::CEILING,
            })
    }

    fn net(&self, charge: i64) -> i64 {
        charge - self.fee(Amount::from_wire(charge))
    }
}

/// The least `x` in `lo..=hi` with `ok(x)`, for `ok` false then true over the range.
fn first_true(mut lo: i64, mut hi: i64, ok: impl Fn(i64) -> bool) -> Option<i64> {
    if lo > hi || !ok(hi) {
        return None;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}
