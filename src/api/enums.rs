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

// Banks

open_enum! {
    /// A country to list banks for, as the bank list's `country` filter spells it.
    BankCountry {
        /// Ghana.
        Ghana = "ghana",
        /// Kenya.
        Kenya = "kenya",
        /// Nigeria.
        Nigeria = "nigeria",
        /// South Africa.
        SouthAfrica = "south africa",
    }
}

open_enum! {
    /// The kind of institution or payment rail a bank entry is.
    BankType {
        /// Nigerian bank (NUBAN account numbers).
        Nuban = "nuban",
        /// Ghanaian bank. Paystack spells this bank-list value `ghipps`, unlike the
        /// recipient type `ghipss`.
        Ghipps = "ghipps",
        /// Mobile money provider.
        MobileMoney = "mobile_money",
        /// Kenyan bank on Pesalink.
        Kepss = "kepss",
        /// South African bank.
        Basa = "basa",
    }
}

open_enum! {
    /// The direct-debit gateway a bank is reached through.
    BankGateway {
        /// Electronic mandate.
        Emandate = "emandate",
        /// Digital bank mandate.
        DigitalBankMandate = "digitalbankmandate",
    }
}

// Bulk charges

open_enum! {
    /// How one charge inside a bulk charge batch went.
    BulkChargeItemStatus {
        /// Not attempted yet.
        Pending = "pending",
        /// Charged.
        Success = "success",
        /// The charge was declined.
        Failed = "failed",
        /// The charge could not be attempted.
        Error = "error",
        /// The authorization can no longer be charged.
        InactiveAuthorization = "inactive_authorization",
    }
}

// Customers

open_enum! {
    /// The kind of identity check run on a customer.
    IdentificationType {
        /// Match the customer's names and BVN against a bank account.
        BankAccount = "bank_account",
        /// A check on the BVN alone (seen on records from older checks).
        Bvn = "bvn",
    }
}

open_enum! {
    /// How a mandate authorization collects money.
    AuthorizationChannel {
        /// Debits from a bank account under a direct-debit mandate.
        DirectDebit = "direct_debit",
    }
}

// Direct debit

open_enum! {
    /// Where a direct-debit mandate stands.
    MandateStatus {
        /// Waiting for the customer's approval or the activation charge.
        Pending = "pending",
        /// Approved: the account can be debited.
        Active = "active",
        /// Withdrawn by the customer or the bank.
        Revoked = "revoked",
    }
}

// Disputes

open_enum! {
    /// Where a dispute stands.
    DisputeStatus {
        /// Waiting for the merchant to answer.
        AwaitingMerchantFeedback = "awaiting-merchant-feedback",
        /// Waiting for the customer's bank.
        AwaitingBankFeedback = "awaiting-bank-feedback",
        /// Opened, not yet routed.
        Pending = "pending",
        /// Closed.
        Resolved = "resolved",
        /// Closed and filed away.
        Archived = "archived",
    }
}

open_enum! {
    /// How a dispute is closed by the merchant.
    DisputeResolution {
        /// The merchant agrees and refunds.
        MerchantAccepted = "merchant-accepted",
        /// The merchant contests the claim with proof.
        Declined = "declined",
    }
}

// Pages

open_enum! {
    /// What a payment page collects.
    PageType {
        /// A one-off payment (the default).
        Payment = "payment",
        /// A subscription to a plan.
        Subscription = "subscription",
        /// A purchase of products added to the page.
        Product = "product",
        /// A plan purchase.
        Plan = "plan",
    }
}

// Payment requests

open_enum! {
    /// Where a payment request stands.
    PaymentRequestStatus {
        /// Saved but not yet issued to the customer.
        Draft = "draft",
        /// Issued and waiting for payment.
        Pending = "pending",
        /// Paid.
        Success = "success",
        /// The payment failed.
        Failed = "failed",
    }
}

// Plans

open_enum! {
    /// How often a plan bills its subscribers.
    Interval {
        /// Every hour.
        Hourly = "hourly",
        /// Every day.
        Daily = "daily",
        /// Every week.
        Weekly = "weekly",
        /// Every month.
        Monthly = "monthly",
        /// Every three months.
        Quarterly = "quarterly",
        /// Every six months.
        Biannually = "biannually",
        /// Every year.
        Annually = "annually",
    }
}

// Refunds

open_enum! {
    /// Where a refund stands.
    RefundStatus {
        /// Recorded, not yet sent to the processor.
        Pending = "pending",
        /// With the processor.
        Processing = "processing",
        /// The money reached the customer.
        Processed = "processed",
        /// The refund could not be completed.
        Failed = "failed",
        /// Paystack needs the customer's bank details; see [`Refunds::retry`](crate::refunds::Refunds::retry).
        NeedsAttention = "needs-attention",
    }
}

// Settlements

open_enum! {
    /// Where a payout stands.
    SettlementStatus {
        /// Paid into the settlement account.
        Success = "success",
        /// On its way.
        Processing = "processing",
        /// Waiting to be paid.
        Pending = "pending",
        /// The payout did not go through.
        Failed = "failed",
    }
}

// Splits

open_enum! {
    /// How the shares of a split are counted.
    SplitType {
        /// Shares are percentages of the payment.
        Percentage = "percentage",
        /// Shares are fixed amounts in the currency's subunit.
        Flat = "flat",
    }
}

// Storefronts

open_enum! {
    /// Whether a storefront is open to the public.
    StorefrontStatus {
        /// Published and selling.
        Active = "active",
        /// Not (or no longer) published.
        Inactive = "inactive",
    }
}

// Subscriptions

open_enum! {
    /// Where a subscription stands.
    SubscriptionStatus {
        /// Billing as scheduled.
        Active = "active",
        /// Will not bill again; ends after the current period.
        NonRenewing = "non-renewing",
        /// The last charge failed; the card may need updating.
        Attention = "attention",
        /// Every scheduled invoice has been billed.
        Completed = "completed",
        /// Stopped.
        Cancelled = "cancelled",
    }
}

// Terminals

open_enum! {
    /// What an event pushed to a POS device is about.
    TerminalEventType {
        /// A payment request (invoice) for the device to collect or show.
        Invoice = "invoice",
        /// A completed transaction, for the device to process or print.
        Transaction = "transaction",
    }
}

open_enum! {
    /// What the device should do with an event.
    ///
    /// Invoices take [`Process`](Self::Process) or [`View`](Self::View); transactions take
    /// [`Process`](Self::Process) or [`Print`](Self::Print).
    TerminalEventAction {
        /// Collect payment (invoices) or process the transaction.
        Process = "process",
        /// Show an invoice on screen.
        View = "view",
        /// Print a transaction receipt.
        Print = "print",
    }
}
