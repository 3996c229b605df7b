//! Money, references and emails: exact parsing and the rules Paystack enforces.

use paystack::validate;
use paystack::{enums::Currency, Amount, ValidationError};

#[test]
fn money_from_major_is_exact() {
    let cases = [
        ("150.75", 15075),
        ("150.7", 15070),
        ("150", 15000),
        ("0.10", 10),
        (".5", 50),
        ("1,250.00", 125000),
        ("10_000", 1_000_000),
    ];
    for (text, subunits) in cases {
        assert_eq!(
            Amount::from_major(text).unwrap().subunits(),
            subunits,
            "{text}"
        );
    }
    // 0.1 + 0.2 style float traps do not exist here.
    assert_eq!(Amount::from_major("0.30").unwrap().subunits(), 30);
    assert_eq!(
        Amount::from_major("100000000000.00").unwrap().subunits(),
        Amount::CEILING
    );
}

#[test]
fn money_refuses_amounts_above_the_ceiling() {
    assert_eq!(
        Amount::from_major("92233720368547758.07"),
        Err(ValidationError::AmountAboveCeiling {
            amount: i64::MAX,
            ceiling: Amount::CEILING
        })
    );
    assert_eq!(
        Amount::from_subunits(Amount::CEILING + 1),
        Err(ValidationError::AmountAboveCeiling {
            amount: Amount::CEILING + 1,
            ceiling: Amount::CEILING
        })
    );
    assert!(Amount::from_subunits(Amount::CEILING).is_ok());
}

#[test]
fn money_without_a_currency_must_reach_the_smallest_minimum() {
    assert_eq!(
        Amount::from_subunits(9).unwrap().check_any_minimum(),
        Err(ValidationError::AmountBelowAnyMinimum {
            amount: 9,
            minimum: 10
        })
    );
    assert!(Amount::from_subunits(10)
        .unwrap()
        .check_any_minimum()
        .is_ok());
}

#[test]
fn money_rejects_zero_negative_overflow_and_bad_text() {
    assert_eq!(
        Amount::from_subunits(0),
        Err(ValidationError::AmountNotPositive(0))
    );
    assert_eq!(
        Amount::from_subunits(-5),
        Err(ValidationError::AmountNotPositive(-5))
    );
    assert_eq!(
        Amount::from_major("0.00"),
        Err(ValidationError::AmountNotPositive(0))
    );
    assert_eq!(
        Amount::from_major("92233720368547758.08"),
        Err(ValidationError::AmountOverflow)
    );
    assert_eq!(
        Amount::from_major_units(i64::MAX / 10),
        Err(ValidationError::AmountOverflow)
    );
    for bad in ["", ".", "-5", "+5", "1e3", "12.345", "abc", "1.2.3", " "] {
        assert!(Amount::from_major(bad).is_err(), "{bad:?} must be refused");
    }
    assert!(matches!(
        Amount::from_major("12.345"),
        Err(ValidationError::AmountPrecision(_))
    ));
}

#[test]
fn money_minimums_per_currency() {
    let cases = [
        (Currency::NGN, 5000),
        (Currency::USD, 200),
        (Currency::GHS, 10),
        (Currency::ZAR, 100),
        (Currency::KES, 300),
        (Currency::XOF, 100),
    ];
    for (currency, min) in cases {
        assert!(Amount::from_subunits(min)
            .unwrap()
            .check_minimum(&currency)
            .is_ok());
        let below = Amount::from_subunits(min - 1)
            .unwrap()
            .check_minimum(&currency);
        assert_eq!(
            below,
            Err(ValidationError::AmountBelowMinimum {
                amount: min - 1,
                minimum: min,
                currency: currency.clone()
            })
        );
    }
    // No documented minimum: only positivity applies.
    assert!(Amount::from_subunits(1)
        .unwrap()
        .check_minimum(&Currency::EGP)
        .is_ok());
}

#[test]
fn money_decodes_numbers_and_numeric_strings_only() {
    let read = |json: &str| serde_json::from_str::<Amount>(json).map(Amount::subunits);
    assert_eq!(read("5000").unwrap(), 5000);
    assert_eq!(read("\"5000\"").unwrap(), 5000);
    assert_eq!(read("\"5000.00\"").unwrap(), 5000);
    assert_eq!(read("0").unwrap(), 0, "a fee of zero is real data");
    assert!(read("50.5").is_err());
    assert!(read("\"fifty\"").is_err());
    assert!(read("null").is_err());
    assert_eq!(
        serde_json::to_string(&Amount::from_subunits(15075).unwrap()).unwrap(),
        "15075"
    );
    assert_eq!(Amount::from_subunits(15075).unwrap().to_string(), "150.75");
}

#[test]
fn references_follow_paystack_rules() {
    for ok in ["order-1042", "A.b=c-9", "x"] {
        assert!(validate::transaction_reference(ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "order 1042",
        "order/1042",
        "order_1042",
        "ордер",
        &"r".repeat(101),
    ] {
        assert!(validate::transaction_reference(bad).is_err(), "{bad}");
    }
    for ok in ["payout-2026-03-14-0001", "salary_march_2026_emp_42"] {
        assert!(validate::transfer_reference(ok).is_ok(), "{ok}");
    }
    for bad in [
        "Payout-2026-03-14-0001",
        "short-ref",
        "payout.2026.03.14.0001",
        &"a".repeat(51),
    ] {
        assert!(validate::transfer_reference(bad).is_err(), "{bad}");
    }
}

#[test]
fn emails_are_checked() {
    assert!(validate::email("ada@example.com").is_ok());
    for bad in [
        "",
        "ada",
        "@example.com",
        "ada@",
        "ada@example",
        "ada @example.com",
        "a@b@c.com",
    ] {
        assert!(
            matches!(validate::email(bad), Err(ValidationError::Email(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn open_enums_round_trip_and_keep_unknown_values() {
    assert_eq!("ngn".parse::<Currency>().unwrap(), Currency::NGN);
    assert_eq!(Currency::from("XAF"), Currency::Unknown("XAF".into()));
    assert_eq!(Currency::Unknown("XAF".into()).to_string(), "XAF");
    let c: Currency = serde_json::from_str("\"TZS\"").unwrap();
    assert!(!c.is_known());
    assert_eq!(serde_json::to_string(&c).unwrap(), "\"TZS\"");
    assert_eq!(
        serde_json::to_string(&paystack::enums::Bearer::AllProportional).unwrap(),
        "\"all-proportional\""
    );
}
