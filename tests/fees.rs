//! The fee calculator against examples worked out by hand from Paystack's price list.

// Money is written major_minor (2_500_00 is 2,500.00), which clippy reads as odd grouping.
#![allow(clippy::inconsistent_digit_grouping)]

use paystack::fees::{Market, Payment, Pricing};
use paystack::{enums::Currency, Amount};

fn amount(major: &str) -> Amount {
    Amount::from_major(major).unwrap()
}

fn price(market: Market, payment: Payment) -> Pricing {
    Pricing::of(market, payment).unwrap()
}

#[test]
fn nigeria_local_percentage_flat_fee_waiver_and_cap() {
    let p = price(Market::Nigeria, Payment::Local);
    assert_eq!(p.currency, Currency::NGN);
    // 1.5% of 5,000 = 75, plus 100.
    assert_eq!(p.fee(amount("5000")), 175_00);
    // Below 2,500 the 100 is waived: 1.5% of 2,000 = 30.
    assert_eq!(p.fee(amount("2000")), 30_00);
    // At 2,500 it applies: 37.50 + 100.
    assert_eq!(p.fee(amount("2500")), 137_50);
    // 1.5% of 126,666 = 1,899.99, plus 100 = 1,999.99: just under the cap.
    assert_eq!(p.fee(amount("126666")), 1_999_99);
    // 1.5% of 200,000 = 3,000, plus 100: capped at 2,000.
    assert_eq!(p.fee(amount("200000")), 2_000_00);
    assert_eq!(p.settles(amount("200000")), 198_000_00);
    // 1.5% of 10,253.81 = 153.80715, rounded up to 153.81, plus 100.
    assert_eq!(p.fee(amount("10253.81")), 253_81);
}

#[test]
fn other_markets_and_channels() {
    // 2.9% of R100 = 2.90, plus R1 = 3.90, plus 15% VAT = 4.485, rounded up.
    assert_eq!(
        price(Market::SouthAfrica, Payment::Local).fee(amount("100")),
        4_49
    );
    // 3.2% of XOF 10,000 = 320, plus 18% VAT = 377.60 (XOF amounts are sent ×100).
    assert_eq!(
        price(Market::CoteDIvoire, Payment::Local).fee(amount("10000")),
        377_60
    );
    // M-PESA: 1.5% of KES 1,000.
    assert_eq!(
        price(Market::Kenya, Payment::MobileMoney).fee(amount("1000")),
        15_00
    );
    // 2.7% of EGP 100 = 2.70, plus EGP 2.50.
    assert_eq!(
        price(Market::Egypt, Payment::Local).fee(amount("100")),
        5_20
    );
    // Dedicated accounts: 1% of NGN 50,000 = 500, capped at 300.
    assert_eq!(
        price(Market::Nigeria, Payment::DedicatedAccount).fee(amount("50000")),
        300_00
    );
    // International cards in Nigeria: 3.9% plus 100, not waived below 2,500.
    assert_eq!(
        price(Market::Nigeria, Payment::International).fee(amount("1000")),
        139_00
    );
    // Ghana: 1.95% of GHS 100.
    assert_eq!(
        price(Market::Ghana, Payment::MobileMoney).fee(amount("100")),
        1_95
    );
    let usd = price(Market::Nigeria, Payment::Usd);
    assert_eq!(
        (usd.currency.clone(), usd.fee(amount("100"))),
        (Currency::USD, 3_90)
    );
    assert_eq!(Pricing::of(Market::Ghana, Payment::Meeza), None);
}

#[test]
fn what_to_charge_to_receive_a_sum() {
    let p = price(Market::Nigeria, Payment::Local);
    // (10,000 + 100) / 0.985 = 10,253.807…; 10,253.80 leaves 9,999.99.
    assert_eq!(
        p.charge_to_receive(amount("10000")).unwrap(),
        amount("10253.81")
    );
    assert_eq!(p.settles(amount("10253.80")), 9_999_99);
    // Below the waiver threshold: 2,497.47 − 37.47 = 2,460; 2,497.46 leaves 2,459.99.
    assert_eq!(
        p.charge_to_receive(amount("2460")).unwrap(),
        amount("2497.47")
    );
    assert_eq!(p.settles(amount("2497.46")), 2_459_99);
    // Just past it the flat fee starts, so the answer jumps: (2,465 + 100) / 0.985 = 2,604.06…
    assert_eq!(
        p.charge_to_receive(amount("2465")).unwrap(),
        amount("2604.07")
    );
    assert_eq!(p.settles(amount("2604.06")), 2_464_99);
    // Capped: receive 1,000,000 by charging 1,002,000.
    assert_eq!(
        p.charge_to_receive(amount("1000000")).unwrap(),
        amount("1002000")
    );
    // With VAT: R104.64 − 4.64 = R100.
    let za = price(Market::SouthAfrica, Payment::Local);
    assert_eq!(
        za.charge_to_receive(amount("100")).unwrap(),
        amount("104.64")
    );
    assert_eq!(za.settles(amount("104.63")), 99_99);
}

#[test]
fn the_inverse_is_minimal_everywhere() {
    let p = price(Market::Nigeria, Payment::Local);
    for receive in (1_00..400_000_00).step_by(99_991) {
        let want = Amount::from_subunits(receive).unwrap();
        let charge = p.charge_to_receive(want).unwrap();
        assert!(p.settles(charge) >= receive, "{receive}");
        let less = Amount::from_subunits(charge.subunits() - 1).unwrap();
        assert!(
            p.settles(less) < receive,
            "{receive}: {charge} is not the least"
        );
    }
}
