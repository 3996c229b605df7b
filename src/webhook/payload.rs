//! The `data` of each webhook event, as handwritten lenient structs.
//!
//! Every field is an `Option`: deliveries leave fields out or send `null` freely, and a field
//! this crate does not know is ignored. Money is [`Amount`] (number or numeric string), ids are
//! [`Id`] (number or string), flags are [`FlexBool`] (boolean or 0/1), timestamps are UTC and
//! accept `""` as "none". A field whose shape really varies or is user-defined (`metadata`,
//! `fees_split`, dispute `evidence`...) is kept as a [`serde_json::Value`].
//!
//! The nested types (customer, card authorization, plan...) are shared between events.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::de;
use crate::api::{
    Amount, Channel, Currency, DisputeResolution, DisputeStatus, Domain, FlexBool, FlexInt, Id,
    PaymentRequestStatus, RecipientType, RefundStatus, RiskAction, SubscriptionStatus,
    TransactionStatus, TransferSource, TransferStatus,
};

/// A value that is a bare id in some payloads and the expanded record in others.
///
/// Payment requests send `customer` as an id; transfers send `integration` as an object where
/// refunds send an id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IdOr<T> {
    /// Only the record's id.
    Id(Id),
    /// The record itself.
    Object(T),
}

impl<T> IdOr<T> {
    /// The bare id, when that is what was sent.
    pub fn as_id(&self) -> Option<&Id> {
        match self {
            IdOr::Id(id) => Some(id),
            IdOr::Object(_) => None,
        }
    }

    /// The expanded record, when that is what was sent.
    pub fn as_object(&self) -> Option<&T> {
        match self {
            IdOr::Id(_) => None,
            IdOr::Object(o) => Some(o),
        }
    }
}

/// A customer as embedded in event payloads.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Customer {
    /// Paystack's id for the customer.
    pub id: Option<Id>,
    /// Given name.
    #[serde(deserialize_with = "de::opt_text")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(deserialize_with = "de::opt_text")]
    pub last_name: Option<String>,
    /// Email address.
    #[serde(deserialize_with = "de::opt_text")]
    pub email: Option<String>,
    /// The customer code (`CUS_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub customer_code: Option<String>,
    /// The customer code under the name direct-debit events give it (`code`).
    /// [`Customer::code`] reads whichever of the two is present.
    #[serde(deserialize_with = "de::opt_text")]
    pub code: Option<String>,
    /// Phone number as entered.
    #[serde(deserialize_with = "de::opt_text")]
    pub phone: Option<String>,
    /// Phone number in international format.
    #[serde(deserialize_with = "de::opt_text")]
    pub international_format_phone: Option<String>,
    /// Your own data on the customer: an object, `""`, `0` or null, so kept as JSON.
    pub metadata: Option<Value>,
    /// How Paystack treats the customer's payments.
    pub risk_action: Option<RiskAction>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// The integration the customer belongs to.
    pub integration: Option<Id>,
}

impl Customer {
    /// The customer code, from `customer_code` or, in direct-debit events, `code`.
    pub fn code(&self) -> Option<&str> {
        self.customer_code.as_deref().or(self.code.as_deref())
    }
}

/// A reusable payment authorization: a card, or a bank mandate for direct debit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Authorization {
    /// The code to charge this authorization again (`AUTH_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub authorization_code: Option<String>,
    /// First six digits of the card.
    #[serde(deserialize_with = "de::opt_text")]
    pub bin: Option<String>,
    /// Last four digits of the card or account.
    #[serde(deserialize_with = "de::opt_text")]
    pub last4: Option<String>,
    /// Expiry month, as sent (`"07"` or `7`).
    #[serde(deserialize_with = "de::opt_text")]
    pub exp_month: Option<String>,
    /// Expiry year, as sent (`"2031"` or `2031`).
    #[serde(deserialize_with = "de::opt_text")]
    pub exp_year: Option<String>,
    /// How it was paid (card, bank, direct debit...).
    pub channel: Option<Channel>,
    /// Card type as the processor names it.
    #[serde(deserialize_with = "de::opt_text")]
    pub card_type: Option<String>,
    /// Issuing bank.
    #[serde(deserialize_with = "de::opt_text")]
    pub bank: Option<String>,
    /// Issuing country, ISO 3166 alpha-2.
    #[serde(deserialize_with = "de::opt_text")]
    pub country_code: Option<String>,
    /// Card brand.
    #[serde(deserialize_with = "de::opt_text")]
    pub brand: Option<String>,
    /// Whether the authorization can be charged again.
    pub reusable: Option<FlexBool>,
    /// A fingerprint of the card, the same across authorizations of one card.
    #[serde(deserialize_with = "de::opt_text")]
    pub signature: Option<String>,
    /// Account holder's name, when known.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_name: Option<String>,
    /// For transfers into a Paystack account: the receiving account number.
    #[serde(deserialize_with = "de::opt_text")]
    pub receiver_bank_account_number: Option<String>,
    /// For transfers into a Paystack account: the receiving bank.
    #[serde(deserialize_with = "de::opt_text")]
    pub receiver_bank: Option<String>,
}

/// A subscription plan as embedded in event payloads.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Plan {
    /// Paystack's id for the plan.
    pub id: Option<Id>,
    /// Plan name.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// The plan code (`PLN_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub plan_code: Option<String>,
    /// Plan description.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// Amount charged each interval.
    pub amount: Option<Amount>,
    /// Billing interval (`daily`, `weekly`, `monthly`, `quarterly`, `biannually`, `annually`).
    #[serde(deserialize_with = "de::opt_text")]
    pub interval: Option<String>,
    /// Whether Paystack emails invoices to subscribers.
    pub send_invoices: Option<FlexBool>,
    /// Whether Paystack texts subscribers.
    pub send_sms: Option<FlexBool>,
    /// Currency of the plan.
    pub currency: Option<Currency>,
}

/// The subaccount that received a share of a payment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Subaccount {
    /// Paystack's id for the subaccount.
    pub id: Option<Id>,
    /// The subaccount code (`ACCT_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub subaccount_code: Option<String>,
    /// Business name.
    #[serde(deserialize_with = "de::opt_text")]
    pub business_name: Option<String>,
    /// Description.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// Settlement bank.
    #[serde(deserialize_with = "de::opt_text")]
    pub settlement_bank: Option<String>,
    /// Settlement account number.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_number: Option<String>,
    /// Share of each payment the main account keeps, in percent.
    #[serde(deserialize_with = "de::opt_number")]
    pub percentage_charge: Option<f64>,
    /// Currency of the subaccount.
    pub currency: Option<Currency>,
}

/// The transaction split a payment used.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Split {
    /// Paystack's id for the split.
    pub id: Option<Id>,
    /// Split name.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// The split code (`SPL_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub split_code: Option<String>,
    /// `percentage` or `flat`.
    #[serde(rename = "type", deserialize_with = "de::opt_text")]
    pub kind: Option<String>,
    /// Who bears Paystack's fee.
    #[serde(deserialize_with = "de::opt_text")]
    pub bearer_type: Option<String>,
    /// Currency of the split.
    pub currency: Option<Currency>,
}

/// One step of the checkout session log.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LogEntry {
    /// What kind of step (`input`, `action`, `auth`, `success`...).
    #[serde(rename = "type", deserialize_with = "de::opt_text")]
    pub kind: Option<String>,
    /// What happened.
    #[serde(deserialize_with = "de::opt_text")]
    pub message: Option<String>,
    /// Seconds since the session started.
    pub time: Option<FlexInt>,
}

/// The customer's checkout session, step by step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ChargeLog {
    /// Unix time the session started.
    pub start_time: Option<FlexInt>,
    /// Seconds spent.
    pub time_spent: Option<FlexInt>,
    /// Payment attempts.
    pub attempts: Option<FlexInt>,
    /// Authentication used (`pin`, `otp`, `3DS`...).
    #[serde(deserialize_with = "de::opt_text")]
    pub authentication: Option<String>,
    /// Failed attempts.
    pub errors: Option<FlexInt>,
    /// Whether the session ended in a payment.
    pub success: Option<FlexBool>,
    /// Whether the customer was on a phone.
    pub mobile: Option<FlexBool>,
    /// Fields the customer filled; the entries are undocumented and vary, so kept as JSON.
    pub input: Option<Vec<Value>>,
    /// The steps, in order.
    pub history: Option<Vec<LogEntry>>,
}

/// Where an offline (terminal) payment came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ChargeSource {
    /// `offline` or `online`.
    #[serde(rename = "type", deserialize_with = "de::opt_text")]
    pub kind: Option<String>,
    /// The source system, e.g. `pos`.
    #[serde(deserialize_with = "de::opt_text")]
    pub source: Option<String>,
    /// How the payment was started.
    #[serde(deserialize_with = "de::opt_text")]
    pub entry_point: Option<String>,
    /// The terminal or device id.
    #[serde(deserialize_with = "de::opt_text")]
    pub identifier: Option<String>,
}

/// A payment: the data of `charge.success`, and the transaction inside dispute events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Charge {
    /// Paystack's transaction id.
    pub id: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Outcome (`success` for `charge.success`).
    pub status: Option<TransactionStatus>,
    /// Your reference for the payment.
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// Receipt number, for terminal payments.
    #[serde(deserialize_with = "de::opt_text")]
    pub receipt_number: Option<String>,
    /// Amount paid, in subunits (a string in some terminal payloads).
    pub amount: Option<Amount>,
    /// The amount first asked for, before any partial debit.
    pub requested_amount: Option<Amount>,
    /// Processor message.
    #[serde(deserialize_with = "de::opt_text")]
    pub message: Option<String>,
    /// What the processor answered.
    #[serde(deserialize_with = "de::opt_text")]
    pub gateway_response: Option<String>,
    /// When the payment completed.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub paid_at: Option<DateTime<Utc>>,
    /// When the transaction was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// How the customer paid.
    pub channel: Option<Channel>,
    /// Currency.
    pub currency: Option<Currency>,
    /// The customer's IP address (sometimes a comma-separated proxy chain).
    #[serde(deserialize_with = "de::opt_text")]
    pub ip_address: Option<String>,
    /// Your metadata for the payment: an object, `""`, `0` or null, so kept as JSON.
    pub metadata: Option<Value>,
    /// The checkout session log.
    pub log: Option<ChargeLog>,
    /// Paystack's fee, in subunits.
    pub fees: Option<Amount>,
    /// How fees were shared in a split; undocumented and varying, so kept as JSON.
    pub fees_split: Option<Value>,
    /// Fee breakdown; undocumented and varying, so kept as JSON.
    pub fees_breakdown: Option<Value>,
    /// The authorization used; reusable ones can be charged again.
    pub authorization: Option<Authorization>,
    /// The paying customer.
    pub customer: Option<Customer>,
    /// The plan, for subscription payments (an empty object otherwise).
    pub plan: Option<Plan>,
    /// The subaccount, for split payments (an empty object otherwise).
    pub subaccount: Option<Subaccount>,
    /// The split, for split payments (an empty object otherwise).
    pub split: Option<Split>,
    /// Storefront order id, when the payment paid an order.
    pub order_id: Option<Id>,
    /// Terminal data; undocumented, so kept as JSON.
    pub pos_transaction_data: Option<Value>,
    /// Where an offline payment came from.
    pub source: Option<ChargeSource>,
}

/// One status change in a dispute's history.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DisputeHistory {
    /// The status the dispute moved to.
    #[serde(deserialize_with = "de::opt_enum")]
    pub status: Option<DisputeStatus>,
    /// Who moved it.
    #[serde(deserialize_with = "de::opt_text")]
    pub by: Option<String>,
    /// When.
    #[serde(rename = "createdAt", deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// One message exchanged on a dispute.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DisputeMessage {
    /// Who wrote it.
    #[serde(deserialize_with = "de::opt_text")]
    pub sender: Option<String>,
    /// The text.
    #[serde(deserialize_with = "de::opt_text")]
    pub body: Option<String>,
    /// When.
    #[serde(rename = "createdAt", deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// A dispute: the data of the `charge.dispute.*` events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Dispute {
    /// Paystack's id for the dispute.
    pub id: Option<Id>,
    /// Amount the customer asks back.
    pub refund_amount: Option<Amount>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Where the dispute stands (`awaiting-merchant-feedback`, `awaiting-bank-feedback`,
    /// `pending`, `resolved`...).
    #[serde(deserialize_with = "de::opt_enum")]
    pub status: Option<DisputeStatus>,
    /// How it was resolved, once it is (`merchant-accepted`, `declined`, `auto-accepted`...).
    #[serde(deserialize_with = "de::opt_enum")]
    pub resolution: Option<DisputeResolution>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// The disputed payment.
    pub transaction: Option<Charge>,
    /// The disputed payment's reference, when sent apart from `transaction`.
    #[serde(deserialize_with = "de::opt_text")]
    pub transaction_reference: Option<String>,
    /// `chargeback` or `fraud-claim`.
    #[serde(deserialize_with = "de::opt_text")]
    pub category: Option<String>,
    /// The customer who disputes.
    pub customer: Option<Customer>,
    /// Card BIN.
    #[serde(deserialize_with = "de::opt_text")]
    pub bin: Option<String>,
    /// Card last four digits.
    #[serde(deserialize_with = "de::opt_text")]
    pub last4: Option<String>,
    /// Deadline for your answer.
    #[serde(rename = "dueAt", deserialize_with = "de::opt_datetime")]
    pub due_at: Option<DateTime<Utc>>,
    /// When it was resolved.
    #[serde(rename = "resolvedAt", deserialize_with = "de::opt_datetime")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// Evidence you sent; its shape is undocumented, so kept as JSON.
    pub evidence: Option<Value>,
    /// Attached files; their shape is undocumented, so kept as JSON.
    pub attachments: Option<Value>,
    /// Your note.
    #[serde(deserialize_with = "de::opt_text")]
    pub note: Option<String>,
    /// Status changes so far.
    pub history: Option<Vec<DisputeHistory>>,
    /// Messages so far.
    pub messages: Option<Vec<DisputeMessage>>,
    /// When it was opened.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last change.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The identity document checked for a customer. Which fields are present depends on `kind`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Identification {
    /// Country, ISO 3166 alpha-2.
    #[serde(deserialize_with = "de::opt_text")]
    pub country: Option<String>,
    /// What was checked (`bvn`, `bank_account`...).
    #[serde(rename = "type", deserialize_with = "de::opt_text")]
    pub kind: Option<String>,
    /// The identity number, masked.
    #[serde(deserialize_with = "de::opt_text")]
    pub value: Option<String>,
    /// The BVN, masked.
    #[serde(deserialize_with = "de::opt_text")]
    pub bvn: Option<String>,
    /// The account number, masked.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_number: Option<String>,
    /// The bank code.
    #[serde(deserialize_with = "de::opt_text")]
    pub bank_code: Option<String>,
}

/// The data of `customeridentification.success` and `.failed`. It carries no amount.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct CustomerIdentification {
    /// The customer's id (sent as a string in some deliveries).
    pub customer_id: Option<Id>,
    /// The customer code (`CUS_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub customer_code: Option<String>,
    /// The customer's email.
    #[serde(deserialize_with = "de::opt_text")]
    pub email: Option<String>,
    /// What was checked.
    pub identification: Option<Identification>,
    /// Why the check failed (failure only).
    #[serde(deserialize_with = "de::opt_text")]
    pub reason: Option<String>,
}

/// A bank as embedded in a dedicated account.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Bank {
    /// Paystack's id for the bank.
    pub id: Option<Id>,
    /// Bank name.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// The provider slug to ask for this bank.
    #[serde(deserialize_with = "de::opt_text")]
    pub slug: Option<String>,
}

/// Who a dedicated account is assigned to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Assignment {
    /// Your integration's id.
    pub integration: Option<Id>,
    /// The assignee's id.
    pub assignee_id: Option<Id>,
    /// The assignee's kind (`Customer`).
    #[serde(deserialize_with = "de::opt_text")]
    pub assignee_type: Option<String>,
    /// Whether the assignment has expired.
    pub expired: Option<FlexBool>,
    /// The kind of account.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_type: Option<String>,
    /// When it was assigned.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub assigned_at: Option<DateTime<Utc>>,
    /// When it expired.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub expired_at: Option<DateTime<Utc>>,
}

/// A dedicated virtual account.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DedicatedAccount {
    /// Paystack's id for the account.
    pub id: Option<Id>,
    /// Account name.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_name: Option<String>,
    /// Account number the customer pays into.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_number: Option<String>,
    /// Whether it is assigned.
    pub assigned: Option<FlexBool>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Your metadata; user-defined, so kept as JSON.
    pub metadata: Option<Value>,
    /// Whether it accepts payments.
    pub active: Option<FlexBool>,
    /// The partner bank.
    pub bank: Option<Bank>,
    /// The assignment.
    pub assignment: Option<Assignment>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last change.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Outcome of the identity step of an assignment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct IdentificationStatus {
    /// `success` or `failed`.
    #[serde(deserialize_with = "de::opt_text")]
    pub status: Option<String>,
}

/// The data of `dedicatedaccount.assign.success` and `.failed`. It carries no amount.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DedicatedAccountAssignment {
    /// The customer the account is for.
    pub customer: Option<Customer>,
    /// The account (null when assignment failed).
    pub dedicated_account: Option<DedicatedAccount>,
    /// Outcome of the identity step.
    pub identification: Option<IdentificationStatus>,
}

/// The data of `direct_debit.authorization.created` and `.active`: a bank mandate.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct DirectDebitAuthorization {
    /// The code to charge the mandate (`AUTH_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub authorization_code: Option<String>,
    /// Whether the mandate can be charged yet.
    pub active: Option<FlexBool>,
    /// Last four digits of the account.
    #[serde(deserialize_with = "de::opt_text")]
    pub last4: Option<String>,
    /// The channel (`direct_debit`).
    pub channel: Option<Channel>,
    /// Kind of authorization (`mandate`).
    #[serde(deserialize_with = "de::opt_text")]
    pub card_type: Option<String>,
    /// The account's bank.
    #[serde(deserialize_with = "de::opt_text")]
    pub bank: Option<String>,
    /// Mandate expiry month, as sent.
    #[serde(deserialize_with = "de::opt_text")]
    pub exp_month: Option<String>,
    /// Mandate expiry year, as sent.
    #[serde(deserialize_with = "de::opt_text")]
    pub exp_year: Option<String>,
    /// Country, ISO 3166 alpha-2.
    #[serde(deserialize_with = "de::opt_text")]
    pub country_code: Option<String>,
    /// Brand (the bank's name for mandates).
    #[serde(deserialize_with = "de::opt_text")]
    pub brand: Option<String>,
    /// Whether it can be charged repeatedly.
    pub reusable: Option<FlexBool>,
    /// Fingerprint of the account.
    #[serde(deserialize_with = "de::opt_text")]
    pub signature: Option<String>,
    /// Account holder's name.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_name: Option<String>,
    /// Your integration's id.
    pub integration: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Reference of the mandate request.
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// The customer (its code comes as `code`; see [`Customer::code`]).
    pub customer: Option<Customer>,
}

/// The payment behind an invoice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct InvoiceTransaction {
    /// The payment's reference.
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// The payment's outcome.
    pub status: Option<TransactionStatus>,
    /// Amount charged.
    pub amount: Option<Amount>,
    /// Currency.
    pub currency: Option<Currency>,
}

/// A subscription invoice: the data of the `invoice.*` events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Invoice {
    /// Test or live.
    pub domain: Option<Domain>,
    /// The invoice code (`INV_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub invoice_code: Option<String>,
    /// Amount due.
    pub amount: Option<Amount>,
    /// Start of the billed period.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub period_start: Option<DateTime<Utc>>,
    /// End of the billed period.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub period_end: Option<DateTime<Utc>>,
    /// Where it stands (`pending`, `success`, `failed`...).
    #[serde(deserialize_with = "de::opt_text")]
    pub status: Option<String>,
    /// Whether it is paid.
    pub paid: Option<FlexBool>,
    /// When it was paid.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub paid_at: Option<DateTime<Utc>>,
    /// Description.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// The authorization charged.
    pub authorization: Option<Authorization>,
    /// The subscription billed (an empty object in some deliveries).
    pub subscription: Option<Subscription>,
    /// The subscriber.
    pub customer: Option<Customer>,
    /// The payment (an empty object while unpaid).
    pub transaction: Option<InvoiceTransaction>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// One line of a payment request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LineItem {
    /// What is billed.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// Price per unit.
    pub amount: Option<Amount>,
    /// Units.
    pub quantity: Option<FlexInt>,
}

/// One tax line of a payment request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TaxItem {
    /// The tax's name.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// Amount of tax.
    pub amount: Option<Amount>,
}

/// A notification sent for a payment request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Notification {
    /// When it was sent.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub sent_at: Option<DateTime<Utc>>,
    /// How (`email`, `sms`).
    #[serde(deserialize_with = "de::opt_text")]
    pub channel: Option<String>,
}

/// A payment request (invoice sent to a customer): the data of the `paymentrequest.*` events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PaymentRequest {
    /// Paystack's id for the request.
    pub id: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Amount asked.
    pub amount: Option<Amount>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Due date, as sent (a timestamp or a bare date).
    #[serde(deserialize_with = "de::opt_text")]
    pub due_date: Option<String>,
    /// Whether an invoice number was issued.
    pub has_invoice: Option<FlexBool>,
    /// The invoice number.
    pub invoice_number: Option<FlexInt>,
    /// Description.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// Link to the PDF, once generated.
    #[serde(deserialize_with = "de::opt_text")]
    pub pdf_url: Option<String>,
    /// The lines billed.
    pub line_items: Option<Vec<LineItem>>,
    /// The tax lines.
    pub tax: Option<Vec<TaxItem>>,
    /// The request code (`PRQ_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub request_code: Option<String>,
    /// Where it stands (`pending`, `success`...).
    #[serde(deserialize_with = "de::opt_enum")]
    pub status: Option<PaymentRequestStatus>,
    /// Whether it is paid.
    pub paid: Option<FlexBool>,
    /// When it was paid.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub paid_at: Option<DateTime<Utc>>,
    /// Your metadata; user-defined, so kept as JSON.
    pub metadata: Option<Value>,
    /// Notifications sent.
    pub notifications: Option<Vec<Notification>>,
    /// Reference for paying offline.
    #[serde(deserialize_with = "de::opt_text")]
    pub offline_reference: Option<String>,
    /// The customer: an id here, an object elsewhere.
    pub customer: Option<IdOr<Customer>>,
    /// Discount applied; its shape is undocumented, so kept as JSON.
    pub discount: Option<Value>,
    /// Split code, when the payment is split.
    #[serde(deserialize_with = "de::opt_text")]
    pub split_code: Option<String>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// The captured payment inside a pre-authorization event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PreauthorizationTransaction {
    /// Transaction id (a string in these payloads).
    pub id: Option<Id>,
    /// The payment's reference.
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// The payment's outcome.
    pub status: Option<TransactionStatus>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Currency.
    pub currency: Option<Currency>,
    /// What the processor answered.
    #[serde(deserialize_with = "de::opt_text")]
    pub gateway_response: Option<String>,
    /// Processor message.
    #[serde(deserialize_with = "de::opt_text")]
    pub message: Option<String>,
    /// Channel (`preauth`).
    pub channel: Option<Channel>,
    /// Paystack's fee.
    pub fees: Option<Amount>,
    /// Your metadata; user-defined, so kept as JSON.
    pub metadata: Option<Value>,
    /// When the payment happened.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub transaction_date: Option<DateTime<Utc>>,
}

/// A card pre-authorization (funds held, captured or released later): the data of the
/// `preauthorization.*` events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Preauthorization {
    /// Paystack's id for the pre-authorization.
    pub id: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Where it stands (`authorized`, `captured`, `capture_failed`, `released`,
    /// `release_failed`...).
    #[serde(deserialize_with = "de::opt_text")]
    pub status: Option<String>,
    /// Your reference.
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// Amount held.
    pub amount: Option<Amount>,
    /// Amount captured (a string in some deliveries).
    pub captured_amount: Option<Amount>,
    /// Processor message.
    #[serde(deserialize_with = "de::opt_text")]
    pub message: Option<String>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Your metadata; user-defined, so kept as JSON.
    pub metadata: Option<Value>,
    /// Paystack's fee.
    pub fees: Option<Amount>,
    /// The card.
    pub authorization: Option<Authorization>,
    /// The customer.
    pub customer: Option<Customer>,
    /// Id of the merchant holding the funds.
    pub merchant_id: Option<Id>,
    /// Name of the merchant holding the funds.
    #[serde(deserialize_with = "de::opt_text")]
    pub merchant_name: Option<String>,
    /// Id of the capturing transaction (a string in these payloads).
    pub transaction_id: Option<Id>,
    /// The capturing transaction.
    pub transaction: Option<PreauthorizationTransaction>,
    /// When funds were captured.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub captured_at: Option<DateTime<Utc>>,
    /// When the hold expired or was released.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub expired_at: Option<DateTime<Utc>>,
    /// When the hold will expire.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub expiry_date: Option<DateTime<Utc>>,
    /// What happens at expiry (`release` or `capture`).
    #[serde(deserialize_with = "de::opt_text")]
    pub expire_action: Option<String>,
    /// Split code, when the payment is split.
    #[serde(deserialize_with = "de::opt_text")]
    pub split_code: Option<String>,
    /// Split details; undocumented here, so kept as JSON.
    pub split: Option<Value>,
}

/// A refund: the data of the `refund.*` events.
///
/// These payloads name the refunded payment `transaction_reference` (there is no `reference`),
/// often send `amount` as a string, and `id` as a string in `refund.needs-attention`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Refund {
    /// Paystack's id for the refund (a string in `refund.needs-attention`).
    pub id: Option<Id>,
    /// Where it stands (`pending`, `processing`, `processed`, `failed`, `needs-attention`).
    #[serde(deserialize_with = "de::opt_enum")]
    pub status: Option<RefundStatus>,
    /// Reference of the refunded payment.
    #[serde(deserialize_with = "de::opt_text")]
    pub transaction_reference: Option<String>,
    /// The refund's own reference, once the processor gives one.
    #[serde(deserialize_with = "de::opt_text")]
    pub refund_reference: Option<String>,
    /// Amount refunded.
    pub amount: Option<Amount>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Who processes it.
    #[serde(deserialize_with = "de::opt_text")]
    pub processor: Option<String>,
    /// The refunded customer (name and email only).
    pub customer: Option<Customer>,
    /// Your integration's id.
    pub integration: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Note for the customer.
    #[serde(deserialize_with = "de::opt_text")]
    pub customer_note: Option<String>,
    /// Note for you.
    #[serde(deserialize_with = "de::opt_text")]
    pub merchant_note: Option<String>,
}

/// A subscription: the data of `subscription.create`, `.disable` and `.not_renew`, and the
/// subscription embedded in invoices and expiring-card notices.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Subscription {
    /// Paystack's id for the subscription.
    pub id: Option<Id>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Where it stands (`active`, `non-renewing`, `attention`, `completed`, `cancelled`).
    #[serde(deserialize_with = "de::opt_enum")]
    pub status: Option<SubscriptionStatus>,
    /// The subscription code (`SUB_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub subscription_code: Option<String>,
    /// Token for the customer's manage-subscription links.
    #[serde(deserialize_with = "de::opt_text")]
    pub email_token: Option<String>,
    /// Amount charged each interval.
    pub amount: Option<Amount>,
    /// The billing schedule, as a cron expression.
    #[serde(deserialize_with = "de::opt_text")]
    pub cron_expression: Option<String>,
    /// Next charge (null once it will not renew).
    #[serde(deserialize_with = "de::opt_datetime")]
    pub next_payment_date: Option<DateTime<Utc>>,
    /// Code of the unpaid invoice, if any.
    #[serde(deserialize_with = "de::opt_text")]
    pub open_invoice: Option<String>,
    /// Your integration's id.
    pub integration: Option<Id>,
    /// The plan.
    pub plan: Option<Plan>,
    /// The card or mandate charged.
    pub authorization: Option<Authorization>,
    /// The subscriber.
    pub customer: Option<Customer>,
    /// Number of charges after which it ends (0: no limit).
    pub invoice_limit: Option<FlexInt>,
    /// Split code, when payments are split.
    #[serde(deserialize_with = "de::opt_text")]
    pub split_code: Option<String>,
    /// Invoices; their entries are not documented for this event, so kept as JSON.
    pub invoices: Option<Vec<Value>>,
    /// Invoice history; entries not documented for this event, so kept as JSON.
    pub invoices_history: Option<Vec<Value>>,
    /// The latest invoice; not documented for this event, so kept as JSON.
    pub most_recent_invoice: Option<Value>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// One entry of `subscription.expiring_cards`, whose `data` is a list of these.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ExpiringCard {
    /// Card expiry as `MM/YYYY`.
    #[serde(deserialize_with = "de::opt_text")]
    pub expiry_date: Option<String>,
    /// A short human description of the card.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// Card brand.
    #[serde(deserialize_with = "de::opt_text")]
    pub brand: Option<String>,
    /// The subscription charged on that card.
    pub subscription: Option<Subscription>,
    /// The subscriber.
    pub customer: Option<Customer>,
}

/// The integration that sent a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TransferIntegration {
    /// Integration id.
    pub id: Option<Id>,
    /// Whether the integration is live.
    pub is_live: Option<FlexBool>,
    /// Business name.
    #[serde(deserialize_with = "de::opt_text")]
    pub business_name: Option<String>,
}

/// Account details of a transfer recipient.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct RecipientDetails {
    /// Authorization code, for recipients of type `authorization`.
    #[serde(deserialize_with = "de::opt_text")]
    pub authorization_code: Option<String>,
    /// Account number.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_number: Option<String>,
    /// Account name, when resolved.
    #[serde(deserialize_with = "de::opt_text")]
    pub account_name: Option<String>,
    /// Bank code.
    #[serde(deserialize_with = "de::opt_text")]
    pub bank_code: Option<String>,
    /// Bank name.
    #[serde(deserialize_with = "de::opt_text")]
    pub bank_name: Option<String>,
}

/// The recipient of a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TransferRecipient {
    /// Paystack's id for the recipient.
    pub id: Option<Id>,
    /// Whether the recipient is active.
    pub active: Option<FlexBool>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Description.
    #[serde(deserialize_with = "de::opt_text")]
    pub description: Option<String>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Email.
    #[serde(deserialize_with = "de::opt_text")]
    pub email: Option<String>,
    /// Your integration's id.
    pub integration: Option<Id>,
    /// Your metadata; user-defined, so kept as JSON.
    pub metadata: Option<Value>,
    /// Name.
    #[serde(deserialize_with = "de::opt_text")]
    pub name: Option<String>,
    /// The recipient code (`RCP_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub recipient_code: Option<String>,
    /// Kind of account.
    #[serde(rename = "type")]
    pub kind: Option<RecipientType>,
    /// Whether it was deleted.
    pub is_deleted: Option<FlexBool>,
    /// Account details.
    pub details: Option<RecipientDetails>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last change.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The payment-network session that carried a transfer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct TransferSession {
    /// Network (`nip`...).
    #[serde(deserialize_with = "de::opt_text")]
    pub provider: Option<String>,
    /// Session id on that network.
    #[serde(deserialize_with = "de::opt_text")]
    pub id: Option<String>,
}

/// A transfer: the data of the `transfer.*` events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Transfer {
    /// Paystack's id for the transfer.
    pub id: Option<Id>,
    /// Amount sent.
    pub amount: Option<Amount>,
    /// Fee charged for it.
    pub fee_charged: Option<Amount>,
    /// Currency.
    pub currency: Option<Currency>,
    /// Test or live.
    pub domain: Option<Domain>,
    /// Why it failed; undocumented shape, so kept as JSON.
    pub failures: Option<Value>,
    /// The sending integration: an object here, an id elsewhere.
    pub integration: Option<IdOr<TransferIntegration>>,
    /// The reason you gave.
    #[serde(deserialize_with = "de::opt_text")]
    pub reason: Option<String>,
    /// Your reference (the transfer's idempotency key).
    #[serde(deserialize_with = "de::opt_text")]
    pub reference: Option<String>,
    /// Where the money came from.
    pub source: Option<TransferSource>,
    /// Details of the source; undocumented, so kept as JSON.
    pub source_details: Option<Value>,
    /// Where it stands.
    pub status: Option<TransferStatus>,
    /// Processor code, when given.
    #[serde(deserialize_with = "de::opt_text")]
    pub titan_code: Option<String>,
    /// The transfer code (`TRF_…`).
    #[serde(deserialize_with = "de::opt_text")]
    pub transfer_code: Option<String>,
    /// When the money arrived.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub transferred_at: Option<DateTime<Utc>>,
    /// Who received it.
    pub recipient: Option<TransferRecipient>,
    /// The network session.
    pub session: Option<TransferSession>,
    /// When it was created.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// Last change.
    #[serde(deserialize_with = "de::opt_datetime")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The refused payment inside `bank.transfer.rejected`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct RejectedBankTransfer {
    /// Amount the customer sent (a string in these payloads).
    pub amount: Option<Amount>,
    /// Why it was refused, in words.
    #[serde(deserialize_with = "de::opt_text")]
    pub message: Option<String>,
    /// Why it was refused, as a code (e.g. `INCORRECT_AMOUNT`).
    #[serde(deserialize_with = "de::opt_text")]
    pub message_type: Option<String>,
    /// The transaction the transfer was meant to pay (a string in these payloads).
    pub transaction_id: Option<Id>,
}

/// The data of `bank.transfer.rejected`: a pay-with-transfer payment refused for a wrong amount
/// or by fraud checks. It has no reference; [`RejectedBankTransfer::transaction_id`] identifies
/// the payment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct BankTransferRejection {
    /// The refused transfer.
    pub bank_transfer: Option<RejectedBankTransfer>,
    /// The customer who sent it.
    pub customer: Option<Customer>,
}
