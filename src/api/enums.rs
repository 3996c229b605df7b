//! Open enums: closed sets of values that Paystack may extend.
//!
//! Each enum keeps the values Paystack documents as variants and carries anything else in
//! `Unknown(String)`, so a new currency or status never breaks decoding. All of them implement
//! serde, `Display` and `FromStr` (which never fails, for the same reason).

/// Defines an open enum with its wire names.
///
/// Matching is exact first, then ASCII case-insensitive, so `"ngn"` still reads as `NGN`.
#[macro_export]
#[doc(hidden)]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the crate does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every known variant, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as Paystack spells it on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other.as_str(),
                }
            }

            /// Whether this is a value the crate knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl $name {
            /// The known variant spelled `s` (exactly, else ignoring ASCII case), if any.
            fn known(s: &str) -> ::std::option::Option<Self> {
                match s {
                    $( $wire => ::std::option::Option::Some($name::$variant), )+
                    _ => {
                        $( if s.eq_ignore_ascii_case($wire) { return ::std::option::Option::Some($name::$variant); } )+
                        ::std::option::Option::None
                    }
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok($name::known(s).unwrap_or_else(|| $name::Unknown(s.to_string())))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                match s.parse() {
                    Ok(v) => v,
                    Err(never) => match never {},
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                // A visitor, not `String` or `Cow<str>` (serde hands those out owned): a known
                // value is read from the borrowed input and allocates nothing.
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " string"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, s: &str) -> ::std::result::Result<$name, E> {
                        Ok($name::from(s))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, s: ::std::string::String) -> ::std::result::Result<$name, E> {
                        // Already owned: keep the allocation for `Unknown`.
                        Ok($name::known(&s).unwrap_or($name::Unknown(s)))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

open_enum! {
    /// A currency Paystack settles in, by ISO 4217 code.
    Currency {
        /// Nigerian naira (subunit: kobo).
        NGN = "NGN",
        /// Ghanaian cedi (subunit: pesewa).
        GHS = "GHS",
        /// South African rand (subunit: cent).
        ZAR = "ZAR",
        /// Kenyan shilling (subunit: cent).
        KES = "KES",
        /// US dollar (subunit: cent).
        USD = "USD",
        /// West African CFA franc. It has no subunit, but Paystack still expects amounts ×100.
        XOF = "XOF",
        /// Egyptian pound (subunit: piastre).
        EGP = "EGP",
        /// Rwandan franc.
        RWF = "RWF",
    }
}

open_enum! {
    /// A payment channel: how the customer pays.
    Channel {
        /// Debit or credit card.
        Card = "card",
        /// Direct bank account debit.
        Bank = "bank",
        /// Apple Pay.
        ApplePay = "apple_pay",
        /// USSD short code.
        Ussd = "ussd",
        /// QR code.
        Qr = "qr",
        /// Mobile money wallet.
        MobileMoney = "mobile_money",
        /// Transfer into a one-time account.
        BankTransfer = "bank_transfer",
        /// Electronic funds transfer (South Africa).
        Eft = "eft",
        /// PayAttitude.
        Payattitude = "payattitude",
        /// Capitec Pay (South Africa).
        CapitecPay = "capitec_pay",
        /// Transfer into a dedicated virtual account.
        DedicatedNuban = "dedicated_nuban",
        /// Point-of-sale terminal.
        Pos = "pos",
        /// Debit under a direct-debit mandate.
        DirectDebit = "direct_debit",
    }
}

open_enum! {
    /// Who bears Paystack's fee when a payment is split.
    Bearer {
        /// The main account pays the fee.
        Account = "account",
        /// The subaccount pays the fee.
        Subaccount = "subaccount",
        /// Every party pays in proportion to its share.
        AllProportional = "all-proportional",
        /// Every party pays an equal part.
        All = "all",
    }
}

open_enum! {
    /// Whether a record belongs to test or live mode.
    Domain {
        /// Test mode (`sk_test_` keys).
        Test = "test",
        /// Live mode (`sk_live_` keys).
        Live = "live",
    }
}

open_enum! {
    /// How Paystack treats a customer's future payments.
    RiskAction {
        /// No list: Paystack's fraud checks decide.
        Default = "default",
        /// Whitelisted: always allowed.
        Allow = "allow",
        /// Blacklisted: always refused.
        Deny = "deny",
    }
}

open_enum! {
    /// Where a transaction stands.
    TransactionStatus {
        /// Paid.
        Success = "success",
        /// The payment attempt failed.
        Failed = "failed",
        /// The customer left without paying.
        Abandoned = "abandoned",
        /// Paid, then reversed.
        Reversed = "reversed",
        /// Waiting on the customer (OTP, PIN, bank approval...).
        Ongoing = "ongoing",
        /// Started but not yet settled.
        Pending = "pending",
        /// Being processed.
        Processing = "processing",
        /// Queued for a later attempt.
        Queued = "queued",
        /// Waiting for the customer's date of birth.
        SendBirthday = "send_birthday",
        /// Waiting for the customer's PIN.
        SendPin = "send_pin",
        /// Waiting for the customer's OTP.
        SendOtp = "send_otp",
        /// Waiting for the customer's phone number.
        SendPhone = "send_phone",
        /// Waiting for the customer's address.
        SendAddress = "send_address",
        /// The customer must open a URL to finish.
        OpenUrl = "open_url",
        /// Waiting for the customer to approve on their device.
        PayOffline = "pay_offline",
    }
}

open_enum! {
    /// Where a transfer stands.
    TransferStatus {
        /// Created, not yet sent.
        Pending = "pending",
        /// Money delivered.
        Success = "success",
        /// Could not be delivered.
        Failed = "failed",
        /// Delivered, then sent back.
        Reversed = "reversed",
        /// Waiting for the OTP that finalizes it.
        Otp = "otp",
        /// The OTP was not given within 30 minutes.
        Abandoned = "abandoned",
        /// Stopped by Paystack's checks.
        Blocked = "blocked",
        /// Refused by the receiving bank or Paystack.
        Rejected = "rejected",
        /// Received by Paystack, processing not yet begun.
        Received = "received",
    }
}

open_enum! {
    /// The kind of account a transfer recipient holds.
    RecipientType {
        /// Nigerian bank account (NUBAN).
        Nuban = "nuban",
        /// Ghanaian bank account (GhIPSS).
        Ghipss = "ghipss",
        /// Mobile money wallet.
        MobileMoney = "mobile_money",
        /// South African bank account (BASA).
        Basa = "basa",
        /// Authorization code of a past card payment.
        Authorization = "authorization",
        /// Kenyan bank account or M-PESA via Pesalink.
        Kepss = "kepss",
        /// M-PESA till.
        MpesaTill = "mpesa_till",
        /// M-PESA paybill.
        MpesaPaybill = "mpesa_paybill",
    }
}

open_enum! {
    /// Where a bulk charge batch stands.
    BulkChargeStatus {
        /// Waiting to start.
        Pending = "pending",
        /// Charging.
        Active = "active",
        /// Paused by the merchant.
        Paused = "paused",
        /// Every charge in the batch was attempted.
        Complete = "complete",
    }
}

open_enum! {
    /// Where the money for a transfer comes from.
    TransferSource {
        /// The integration's balance (the only source Paystack documents today).
        Balance = "balance",
    }
}
