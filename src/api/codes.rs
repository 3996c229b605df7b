//! Paystack's prefixed codes as types: a `CUS_…` customer code cannot be passed where a
//! `RCP_…` recipient code belongs.
//!
//! Each code type
//! - converts from `&str` and `String` without a check, so arguments can take
//!   `impl Into<CustomerCode>` and a literal still works; the request's `send()` then checks the
//!   prefix and refuses a wrong one with [`ValidationError::CodePrefix`] before sending;
//! - checks the prefix at once through [`str::parse`] or `parse_code` (for values you read from
//!   a user or a file);
//! - decodes from any string in a response, prefix or not: a response is never refused for the
//!   shape of a code.
//!
//! [`IdOrCode`] is for the many endpoints that accept a numeric id or a code in the same place;
//! [`EmailOrCode`] for the customer endpoints that accept an email address or a customer code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::ValidationError;

/// Defines a code type with its prefix.
macro_rules! code {
    ($( $(#[$meta:meta])* $name:ident = $prefix:literal, )+) => {$(
        $(#[$meta])*
        #[doc = concat!("\n\nThe prefix is `", $prefix, "`.")]
        ///
        /// `Default` is the empty code, a placeholder (`unwrap_or_default()`) that every
        /// request refuses before sending.
        #[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// The prefix every code of this kind starts with.
            pub const PREFIX: &'static str = $prefix;

            /// The code, after checking its prefix.
            pub fn parse_code(value: impl Into<String>) -> Result<Self, ValidationError> {
                let code = Self(value.into());
                code.check(stringify!($name))?;
                Ok(code)
            }

            /// The code as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The code as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }

            /// Refuses a code without this kind's prefix or with nothing after it; `field` names
            /// the argument in the error.
            pub(crate) fn check(&self, field: &'static str) -> Result<(), ValidationError> {
                check_prefix(field, Self::PREFIX, &self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_string())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }

        impl From<&String> for $name {
            fn from(value: &String) -> Self {
                Self(value.clone())
            }
        }

        impl From<&$name> for $name {
            fn from(value: &$name) -> Self {
                value.clone()
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl From<&$name> for String {
            fn from(value: &$name) -> Self {
                value.0.clone()
            }
        }

        impl FromStr for $name {
            type Err = ValidationError;
            fn from_str(s: &str) -> Result<Self, ValidationError> {
                Self::parse_code(s)
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Codes are identifiers, not secrets: Debug shows them, which makes logs useful.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // Read as lenient text: a string, or a number or boolean in its JSON spelling.
                super::lenient::Text::deserialize(d).map(|t| Self(t.0))
            }
        }

        impl From<$name> for IdOrCode<$name> {
            fn from(code: $name) -> Self {
                IdOrCode::Code(code)
            }
        }

        impl From<&$name> for IdOrCode<$name> {
            fn from(code: &$name) -> Self {
                IdOrCode::Code(code.clone())
            }
        }

        impl From<&str> for IdOrCode<$name> {
            /// All digits reads as an id; anything else as a code (checked when sent).
            fn from(value: &str) -> Self {
                match value.parse::<u64>() {
                    Ok(id) if !value.starts_with('+') => IdOrCode::Id(id),
                    _ => IdOrCode::Code($name::from(value)),
                }
            }
        }

        impl From<String> for IdOrCode<$name> {
            fn from(value: String) -> Self {
                IdOrCode::from(value.as_str())
            }
        }

        impl From<&String> for IdOrCode<$name> {
            fn from(value: &String) -> Self {
                IdOrCode::from(value.as_str())
            }
        }

        impl Prefixed for $name {
            fn check_prefix(&self, field: &'static str) -> Result<(), ValidationError> {
                self.check(field)
            }
        }
    )+};
}

code! {
    /// A customer code, as in [`crate::types::Customer`]'s `customer_code`.
    CustomerCode = "CUS_",
    /// A transfer recipient code, as in [`crate::types::TransferRecipient`]'s
    /// `recipient_code`.
    RecipientCode = "RCP_",
    /// A transfer code, as in [`crate::types::Transfer`]'s `transfer_code`.
    TransferCode = "TRF_",
    /// A saved card or account authorization, as in [`crate::types::Authorization`]'s
    /// `authorization_code`.
    AuthorizationCode = "AUTH_",
    /// A subscription plan code.
    PlanCode = "PLN_",
    /// A subscription code.
    SubscriptionCode = "SUB_",
    /// A transaction split code.
    SplitCode = "SPL_",
    /// A subaccount code.
    SubaccountCode = "ACCT_",
    /// A payment request code (an invoice's `request_code`).
    PaymentRequestCode = "PRQ_",
    /// A product code.
    ProductCode = "PROD_",
    /// A bulk charge batch code.
    BulkChargeCode = "BCH_",
    /// A virtual terminal code.
    VirtualTerminalCode = "VT_",
}

/// A record's numeric id or its code: many endpoints accept either in the same place.
///
/// `From<u64>` gives an id, `From<CustomerCode>` (and the other codes) a code, and `From<&str>`
/// reads all digits as an id and anything else as a code, checked when the request is sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdOrCode<C> {
    /// Paystack's numeric id.
    Id(u64),
    /// The record's code.
    Code(C),
}

/// A code kind with a prefix to check, so one `IdOrCode::check` serves every kind.
pub(crate) trait Prefixed {
    fn check_prefix(&self, field: &'static str) -> Result<(), ValidationError>;
}

// The impl holds only a crate-private method, so its crate-private bound hides nothing public.
#[allow(private_bounds)]
impl<C: Prefixed> IdOrCode<C> {
    /// Refuses a code without its prefix; an id is always well-formed.
    pub(crate) fn check(&self, field: &'static str) -> Result<(), ValidationError> {
        match self {
            IdOrCode::Id(_) => Ok(()),
            IdOrCode::Code(code) => code.check_prefix(field),
        }
    }
}

impl<C> From<u64> for IdOrCode<C> {
    fn from(id: u64) -> Self {
        IdOrCode::Id(id)
    }
}

impl<C: fmt::Display> fmt::Display for IdOrCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdOrCode::Id(id) => write!(f, "{id}"),
            IdOrCode::Code(code) => code.fmt(f),
        }
    }
}

/// A customer's email address or customer code: the customer endpoints accept either.
///
/// `From<&str>` reads text with an `@` as an email and anything else as a code; both are
/// checked when the request is sent.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum EmailOrCode {
    /// The customer's email address.
    Email(String),
    /// The customer code.
    Code(CustomerCode),
}

impl EmailOrCode {
    pub(crate) fn check(&self, field: &'static str) -> Result<(), ValidationError> {
        match self {
            EmailOrCode::Email(email) => super::validate::email(email),
            EmailOrCode::Code(code) => code.check(field),
        }
    }
}

// An email stays out of Debug output, so logs of a request never carry it.
impl fmt::Debug for EmailOrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailOrCode::Email(_) => f.write_str("Email(<redacted>)"),
            EmailOrCode::Code(code) => f.debug_tuple("Code").field(code).finish(),
        }
    }
}

impl fmt::Display for EmailOrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailOrCode::Email(email) => f.write_str(email),
            EmailOrCode::Code(code) => code.fmt(f),
        }
    }
}

impl From<&str> for EmailOrCode {
    fn from(value: &str) -> Self {
        if value.contains('@') {
            EmailOrCode::Email(value.to_string())
        } else {
            EmailOrCode::Code(CustomerCode::from(value))
        }
    }
}

impl From<String> for EmailOrCode {
    fn from(value: String) -> Self {
        EmailOrCode::from(value.as_str())
    }
}

impl From<&String> for EmailOrCode {
    fn from(value: &String) -> Self {
        EmailOrCode::from(value.as_str())
    }
}

impl From<CustomerCode> for EmailOrCode {
    fn from(code: CustomerCode) -> Self {
        EmailOrCode::Code(code)
    }
}

impl From<&CustomerCode> for EmailOrCode {
    fn from(code: &CustomerCode) -> Self {
        EmailOrCode::Code(code.clone())
    }
}

fn check_prefix(
    field: &'static str,
    prefix: &'static str,
    value: &str,
) -> Result<(), ValidationError> {
    let rest = value.strip_prefix(prefix);
    let well_formed = rest.is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    });
    if well_formed {
        Ok(())
    } else {
        Err(ValidationError::CodePrefix {
            field,
            expected: prefix,
            value: value.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_checks_the_prefix() {
        assert_eq!(
            "CUS_x7k2m9".parse::<CustomerCode>().unwrap().as_str(),
            "CUS_x7k2m9"
        );
        let err = "RCP_x7k2m9".parse::<CustomerCode>().unwrap_err();
        assert!(
            matches!(
                err,
                ValidationError::CodePrefix {
                    expected: "CUS_",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            "CUS_".parse::<CustomerCode>().is_err(),
            "nothing after the prefix"
        );
        assert!("CUS_ab cd".parse::<CustomerCode>().is_err(), "a space");
        assert!(
            "cus_abcd".parse::<CustomerCode>().is_err(),
            "prefix case matters"
        );
    }

    #[test]
    fn from_str_defers_the_check_to_send() {
        let code = CustomerCode::from("not-a-code");
        assert_eq!(code.as_str(), "not-a-code");
        assert!(code.check("customer").is_err());
    }

    #[test]
    fn decodes_any_string_or_number() {
        let c: PlanCode = serde_json::from_str("\"PLN_q1w2e3\"").unwrap();
        assert_eq!(c, "PLN_q1w2e3");
        let c: PlanCode = serde_json::from_str("\"legacy-plan\"").unwrap();
        assert_eq!(c.as_str(), "legacy-plan");
        let c: PlanCode = serde_json::from_str("4821").unwrap();
        assert_eq!(c.as_str(), "4821");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"4821\"");
    }

    #[test]
    fn id_or_code_reads_digits_as_an_id() {
        assert_eq!(IdOrCode::<TransferCode>::from("8812"), IdOrCode::Id(8812));
        assert_eq!(
            IdOrCode::<TransferCode>::from("TRF_a1b2"),
            IdOrCode::Code(TransferCode::from("TRF_a1b2"))
        );
        assert_eq!(IdOrCode::<TransferCode>::from(17u64).to_string(), "17");
        assert!(IdOrCode::<TransferCode>::from("RCP_a1b2")
            .check("id_or_code")
            .is_err());
    }

    #[test]
    fn email_or_code_keeps_emails_out_of_debug() {
        let e = EmailOrCode::from("ada@example.com");
        assert_eq!(format!("{e:?}"), "Email(<redacted>)");
        assert_eq!(e.to_string(), "ada@example.com");
        assert!(e.check("email_or_code").is_ok());
        let c = EmailOrCode::from("CUS_k3j4");
        assert!(matches!(c, EmailOrCode::Code(_)));
        assert!(EmailOrCode::from("SUB_k3j4")
            .check("email_or_code")
            .is_err());
    }
}
