//! Money, references and emails: exact parsing and the rules Paystack enforces.

use paystack::validate;
use paystack::{enums::Currency, Amount, AmountSyntax, ValidationError};
use proptest::prelude::*;

#[test]
fn money_from_major_is_exact() {
    let cases = [
        ("150.75", 15075),
        ("150.7", 15070),
        ("150", 15000),
        ("0.10", 10),
        ("0.5", 50),
        ("1,250.00", 125000),
        ("1,234,567.89", 123_456_789),
        ("10_000", 1_000_000),
        ("999,999", 99_999_900),
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
    for bad in [
        "", ".", "-5", "+5", "1e3", "12.345", "abc", "1.2.3", " ", ".5", "2,50",
    ] {
        assert!(Amount::from_major(bad).is_err(), "{bad:?} must be refused");
    }
    assert!(matches!(
        Amount::from_major("12.345"),
        Err(ValidationError::AmountPrecision(_))
    ));
}

/// The problem `from_major` names for a refused text.
fn problem(text: &str) -> AmountSyntax {
    match Amount::from_major(text) {
        Err(ValidationError::AmountSyntax { problem, .. }) => problem,
        other => panic!("{text:?} gave {other:?}"),
    }
}

#[test]
fn money_refuses_every_spelling_that_could_be_misread() {
    // A decimal comma would charge 100 times the amount: refused, never read as thousands.
    for text in ["2,50", "10,00", "1.234,56", "2,5", "0,99", "1_5"] {
        assert_eq!(problem(text), AmountSyntax::DecimalComma, "{text}");
    }
    for text in [
        "1,0,0",
        "12,34,567",
        ",100",
        "100,",
        "1,00,000",
        "1,2345",
        "1,000,00",
    ] {
        assert_eq!(problem(text), AmountSyntax::Grouping, "{text}");
    }
    assert_eq!(problem("1,000_000"), AmountSyntax::MixedSeparators);
    assert_eq!(problem(""), AmountSyntax::Empty);
    for text in [" 5", "5 ", "1 000", "5\u{a0}00", "5\t"] {
        assert_eq!(problem(text), AmountSyntax::Whitespace, "{text:?}");
    }
    for text in ["-5", "+5", "\u{2212}5"] {
        assert_eq!(problem(text), AmountSyntax::Sign, "{text}");
    }
    assert_eq!(problem("1e3"), AmountSyntax::Exponent);
    assert_eq!(problem("1E3"), AmountSyntax::Exponent);
    for text in ["٥٠", "５０", "१०"] {
        assert_eq!(problem(text), AmountSyntax::NonAsciiDigit, "{text}");
    }
    for text in ["₦500", "$5", "5NGN", "abc", "0x10"] {
        assert_eq!(problem(text), AmountSyntax::Character, "{text}");
    }
    assert_eq!(problem(".5"), AmountSyntax::NoWholePart);
    assert_eq!(problem("5."), AmountSyntax::NoDecimals);
    assert_eq!(problem("1.2.3"), AmountSyntax::TwoPoints);
    // The message says how to write it instead.
    let err = Amount::from_major("2,50").unwrap_err().to_string();
    assert!(err.contains("use `.` for decimals"), "{err}");
    let err = Amount::from_major("1,0,0").unwrap_err().to_string();
    assert!(err.contains("groups of exactly three digits"), "{err}");
    // Refused input is quoted, but never at length.
    let long = "9".repeat(10_000) + ",5";
    assert!(Amount::from_major(&long).unwrap_err().to_string().len() < 400);
}

#[test]
fn transaction_amounts_above_paystacks_maximum_are_refused() {
    let max = Amount::from_major("10,000,000").unwrap();
    assert_eq!(max.subunits(), Amount::TRANSACTION_MAXIMUM);
    assert!(max.check_transaction_maximum().is_ok());
    let over = Amount::from_major("10,000,000.01").unwrap();
    assert_eq!(
        over.check_transaction_maximum(),
        Err(ValidationError::AmountAboveTransactionMaximum {
            amount: 1_000_000_001,
            maximum: Amount::TRANSACTION_MAXIMUM
        })
    );
}

/// The grammar `from_major` accepts, written apart from it: digits, optionally grouped by
/// threes with one kind of separator, then optionally a point and one or two decimals.
fn model_accepts(text: &str) -> Option<i64> {
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    if let Some(f) = frac {
        if !(1..=2).contains(&f.len()) || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let digits: String = if whole.contains(',') || whole.contains('_') {
        let sep = if whole.contains(',') { ',' } else { '_' };
        let groups: Vec<&str> = whole.split(sep).collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return None;
        }
        groups.concat()
    } else {
        whole.to_string()
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac = frac.unwrap_or("");
    let cents = format!("{frac:0<2}");
    format!("{digits}{cents}")
        .parse::<i128>()
        .ok()
        .and_then(|v| (v > 0 && v <= i128::from(Amount::CEILING)).then_some(v as i64))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn every_amount_prints_and_parses_back_to_itself(subunits in 1i64..=Amount::CEILING) {
        let amount = Amount::from_subunits(subunits).unwrap();
        prop_assert_eq!(Amount::from_major(&amount.to_string()), Ok(amount));
    }

    #[test]
    fn any_text_is_read_as_the_model_reads_it_or_refused(
        text in prop_oneof![
            "[0-9,._ +\\-e]{0,14}",
            "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
            "[0-9]{1,3}(_[0-9]{3}){0,3}(\\.[0-9]{1,2})?",
            "[0-9]{1,4}[,.][0-9]{1,3}",
            any::<String>(),
        ]
    ) {
        match Amount::from_major(&text) {
            Ok(amount) => {
                prop_assert_eq!(Some(amount.subunits()), model_accepts(&text), "{:?}", text);
                // What was read prints as a text that reads back the same.
                prop_assert_eq!(Amount::from_major(&amount.to_string()), Ok(amount));
            }
            Err(_) => prop_assert_eq!(model_accepts(&text), None, "{:?} was refused", text),
        }
    }
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
