//! The typed event: Paystack's `{event, data}` envelope decoded by event name.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use sha2::{Digest, Sha512};

use super::decode::decode_data;
use super::error::{EventDecodeError, WebhookError};
use super::payload::Payload;
use crate::api::Amount;
use crate::enums::Domain;
use crate::types;

macro_rules! events {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal => $ty:ty, )+) => {
        /// A webhook event, decoded by its `event` name.
        ///
        /// Each event Paystack documents has a variant with a typed payload; any other name
        /// decodes to [`Event::Unknown`] with the raw `data`, so a new event never fails a
        /// delivery. The payloads are the generated [`crate::types`] the API answers with:
        /// `charge.success` carries the [`types::Transaction`] that verifying the payment
        /// returns. Match on the variants you handle and ignore the rest:
        ///
        /// ```
        /// # fn handle(event: paystack::webhook::Event) {
        /// use paystack::webhook::Event;
        /// match event {
        ///     Event::ChargeSuccess(charge) => {
        ///         println!("paid: {:?} {:?}", charge.reference, charge.amount);
        ///     }
        ///     Event::RefundProcessed(refund) => {
        ///         println!("refunded: {:?}", refund.transaction_reference);
        ///     }
        ///     other => println!("ignoring {}", other.name()),
        /// }
        /// # }
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($ty), )+
            /// An event this version of the crate does not know, with its `data` kept as sent.
            Unknown {
                /// The event name.
                name: String,
                /// The event's `data` (`null` when the envelope had none).
                data: Value,
            },
        }

        /// Every event name this crate decodes into a typed variant.
        pub const EVENT_NAMES: &[&str] = &[$($name),+];

        impl Event {
            /// The event name as Paystack sends it, e.g. `charge.success`.
            pub fn name(&self) -> &str {
                match self {
                    $( Event::$variant(_) => $name, )+
                    Event::Unknown { name, .. } => name,
                }
            }

            /// Decodes `data` into the payload type of a known `name`, or keeps it for an
            /// unknown one.
            fn decode_known(name: &str, data: Option<&RawValue>) -> Result<Event, EventDecodeError> {
                match name {
                    $( $name => decode_data::<$ty>(name, data).map(Event::$variant), )+
                    _ => Ok(Event::Unknown {
                        name: name.to_string(),
                        data: match data {
                            Some(raw) => serde_json::from_str(raw.get()).map_err(|e| {
                                EventDecodeError {
                                    event: Some(name.to_string()),
                                    path: "data".into(),
                                    message: e.to_string(),
                                    data: None,
                                }
                            })?,
                            None => Value::Null,
                        },
                    }),
                }
            }

            /// The reference of the payment or transfer the event is about, where it has
            /// one: the transaction reference for charges, disputes, paid invoices,
            /// pre-authorizations and refunds; your reference for transfers and
            /// direct-debit mandates; `data.reference` for unknown events. An empty one is
            /// `None`.
            pub fn reference(&self) -> Option<&str> {
                match self {
                    $( Event::$variant(p) => p.reference(), )+
                    Event::Unknown { data, .. } => data.get("reference").and_then(Value::as_str),
                }
                .filter(|r| !r.is_empty())
            }

            /// The amount the event is about, in subunits, where it has one. Identity,
            /// dedicated-account, direct-debit and expiring-card events carry none.
            pub fn amount(&self) -> Option<Amount> {
                match self {
                    $( Event::$variant(p) => p.amount(), )+
                    Event::Unknown { data, .. } => {
                        data.get("amount").and_then(|v| Amount::deserialize(v).ok())
                    }
                }
            }

            /// Test or live, when the payload says.
            pub fn domain(&self) -> Option<&Domain> {
                match self {
                    $( Event::$variant(p) => p.domain(), )+
                    Event::Unknown { .. } => None,
                }
            }

            fn natural_key(&self) -> Option<String> {
                match self {
                    $( Event::$variant(p) => p.natural_key($name), )+
                    Event::Unknown { data, .. } => {
                        ["reference", "id"].iter().find_map(|k| match data.get(k) {
                            Some(Value::String(s)) => Some(s.clone()),
                            Some(Value::Number(n)) => Some(n.to_string()),
                            _ => None,
                        })
                    }
                }
            }

            /// The payload as generic JSON, used to derive a fallback dedupe key.
            fn data_json(&self) -> Value {
                match self {
                    $( Event::$variant(p) => serde_json::to_value(p).unwrap_or(Value::Null), )+
                    Event::Unknown { data, .. } => data.clone(),
                }
            }
        }
    };
}

events! {
    /// `charge.success`: a payment succeeded. Give value here (after checking amount and
    /// currency against your order).
    ChargeSuccess = "charge.success" => Box<types::Transaction>,
    /// `charge.dispute.create`: a customer disputed a payment.
    ChargeDisputeCreate = "charge.dispute.create" => Box<types::Dispute>,
    /// `charge.dispute.remind`: a dispute still waits for your answer.
    ChargeDisputeRemind = "charge.dispute.remind" => Box<types::Dispute>,
    /// `charge.dispute.resolve`: a dispute was settled.
    ChargeDisputeResolve = "charge.dispute.resolve" => Box<types::Dispute>,
    /// `customeridentification.success`: a customer's identity check passed.
    CustomerIdentificationSuccess = "customeridentification.success" => Box<types::CustomerIdentificationResult>,
    /// `customeridentification.failed`: a customer's identity check failed.
    CustomerIdentificationFailed = "customeridentification.failed" => Box<types::CustomerIdentificationResult>,
    /// `dedicatedaccount.assign.success`: a dedicated virtual account was assigned.
    DedicatedAccountAssignSuccess = "dedicatedaccount.assign.success" => Box<types::DedicatedAccountAssignOutcome>,
    /// `dedicatedaccount.assign.failed`: a dedicated virtual account could not be assigned.
    DedicatedAccountAssignFailed = "dedicatedaccount.assign.failed" => Box<types::DedicatedAccountAssignOutcome>,
    /// `direct_debit.authorization.created`: a direct-debit mandate was set up.
    DirectDebitAuthorizationCreated = "direct_debit.authorization.created" => Box<types::DirectDebitAuthorization>,
    /// `direct_debit.authorization.active`: a direct-debit mandate can now be charged.
    DirectDebitAuthorizationActive = "direct_debit.authorization.active" => Box<types::DirectDebitAuthorization>,
    /// `invoice.create`: a subscription invoice was raised ahead of a charge.
    InvoiceCreate = "invoice.create" => Box<types::Invoice>,
    /// `invoice.update`: a subscription invoice changed (usually: it was paid).
    InvoiceUpdate = "invoice.update" => Box<types::Invoice>,
    /// `invoice.payment_failed`: charging a subscription invoice failed.
    InvoicePaymentFailed = "invoice.payment_failed" => Box<types::Invoice>,
    /// `paymentrequest.pending`: a payment request was sent to a customer.
    PaymentRequestPending = "paymentrequest.pending" => Box<types::PaymentRequest>,
    /// `paymentrequest.success`: a payment request was paid.
    PaymentRequestSuccess = "paymentrequest.success" => Box<types::PaymentRequest>,
    /// `preauthorization.reserve.success`: funds were held on a card.
    PreauthorizationReserveSuccess = "preauthorization.reserve.success" => Box<types::Preauthorization>,
    /// `preauthorization.capture.success`: held funds were captured.
    PreauthorizationCaptureSuccess = "preauthorization.capture.success" => Box<types::Preauthorization>,
    /// `preauthorization.capture.failed`: capturing held funds failed.
    PreauthorizationCaptureFailed = "preauthorization.capture.failed" => Box<types::Preauthorization>,
    /// `preauthorization.release.success`: held funds were released.
    PreauthorizationReleaseSuccess = "preauthorization.release.success" => Box<types::Preauthorization>,
    /// `preauthorization.release.failed`: releasing held funds failed.
    PreauthorizationReleaseFailed = "preauthorization.release.failed" => Box<types::Preauthorization>,
    /// `refund.pending`: a refund was started.
    RefundPending = "refund.pending" => Box<types::Refund>,
    /// `refund.processing`: the processor accepted a refund.
    RefundProcessing = "refund.processing" => Box<types::Refund>,
    /// `refund.processed`: the money went back to the customer.
    RefundProcessed = "refund.processed" => Box<types::Refund>,
    /// `refund.failed`: a refund could not be completed.
    RefundFailed = "refund.failed" => Box<types::Refund>,
    /// `refund.needs-attention`: a refund needs action (e.g. the customer's account details).
    RefundNeedsAttention = "refund.needs-attention" => Box<types::Refund>,
    /// `subscription.create`: a subscription started.
    SubscriptionCreate = "subscription.create" => Box<types::Subscription>,
    /// `subscription.disable`: a subscription ended.
    SubscriptionDisable = "subscription.disable" => Box<types::Subscription>,
    /// `subscription.not_renew`: a subscription will not renew after the current period.
    SubscriptionNotRenew = "subscription.not_renew" => Box<types::Subscription>,
    /// `subscription.expiring_cards`: cards that pay subscriptions expire soon. Unlike every
    /// other event, its `data` is a list.
    SubscriptionExpiringCards = "subscription.expiring_cards" => Vec<types::ExpiringCard>,
    /// `transfer.success`: a transfer reached its recipient.
    TransferSuccess = "transfer.success" => Box<types::Transfer>,
    /// `transfer.failed`: a transfer failed.
    TransferFailed = "transfer.failed" => Box<types::Transfer>,
    /// `transfer.reversed`: a transfer came back to your balance.
    TransferReversed = "transfer.reversed" => Box<types::Transfer>,
    /// `bank.transfer.rejected`: a pay-with-transfer payment was refused (wrong amount, or
    /// flagged by fraud checks).
    BankTransferRejected = "bank.transfer.rejected" => Box<types::BankTransferRejection>,
}

/// The envelope every delivery shares. Other top-level fields are ignored.
#[derive(Deserialize)]
struct Envelope<'a> {
    event: String,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

impl Event {
    /// Decodes a body **without verifying its signature**.
    ///
    /// Use [`super::Webhook::parse`] on deliveries; this is for bodies verified already, or
    /// stored after verification and replayed. Unknown event names give [`Event::Unknown`];
    /// a body that is not an event envelope, or a known event whose `data` does not fit,
    /// gives [`WebhookError::Decode`].
    ///
    /// As for API answers, a key given twice keeps its last value and invalid UTF-8 inside a
    /// string becomes U+FFFD, the way Paystack's JavaScript stack reads its own JSON.
    pub fn from_slice(body: &[u8]) -> Result<Event, WebhookError> {
        Event::from_slice_strict(body).or_else(|first| Event::from_slice_lenient(body).ok_or(first))
    }

    /// The second reading, for bodies the strict one refused: through a JSON value, which keeps
    /// the last of repeated keys, from lossily decoded text.
    fn from_slice_lenient(body: &[u8]) -> Option<Event> {
        let text = String::from_utf8_lossy(body);
        let value: Value = serde_json::from_str(&text).ok()?;
        let name = value.get("event")?.as_str()?;
        let data = value.get("data").cloned().unwrap_or(Value::Null);
        Event::from_parts(name, data).ok()
    }

    fn from_slice_strict(body: &[u8]) -> Result<Event, WebhookError> {
        let mut de = serde_json::Deserializer::from_slice(body);
        let envelope: Envelope<'_> =
            serde_path_to_error::deserialize(&mut de).map_err(|e| EventDecodeError {
                event: None,
                path: e.path().to_string(),
                message: e.into_inner().to_string(),
                data: None,
            })?;
        de.end().map_err(|e| EventDecodeError {
            event: Some(envelope.event.clone()),
            path: ".".into(),
            message: e.to_string(),
            data: None,
        })?;
        Ok(Event::decode_known(&envelope.event, envelope.data)?)
    }

    /// Builds an event from a name and its `data`, as [`Event::from_slice`] would decode them.
    pub fn from_parts(name: &str, data: Value) -> Result<Event, WebhookError> {
        let raw = serde_json::value::to_raw_value(&data).map_err(|e| EventDecodeError {
            event: Some(name.to_string()),
            path: "data".into(),
            message: e.to_string(),
            data: None,
        })?;
        let data = (!data.is_null()).then_some(raw.as_ref());
        Ok(Event::decode_known(name, data)?)
    }

    /// Whether the event has a typed variant (it is not [`Event::Unknown`]).
    pub fn is_known(&self) -> bool {
        !matches!(self, Event::Unknown { .. })
    }

    /// A key that is the same for every delivery of one event, to drop retried deliveries.
    ///
    /// Paystack sends no event id and retries a delivery until it gets a 200, so the same
    /// event can arrive several times. The key is `<event name>:<natural key>`, where the
    /// natural key is, by event:
    ///
    /// | events | natural key |
    /// |---|---|
    /// | `charge.success` | `reference` (else `id`) |
    /// | `charge.dispute.create`, `.resolve` | dispute `id` |
    /// | `charge.dispute.remind` | dispute `id` and `updated_at`, since one dispute is reminded about more than once |
    /// | `customeridentification.*` | `customer_code` (else `customer_id`) |
    /// | `dedicatedaccount.assign.*` | customer code (else id) |
    /// | `direct_debit.authorization.*` | `authorization_code` (else `reference`) |
    /// | `invoice.create`, `.payment_failed` | `invoice_code` |
    /// | `invoice.update` | `invoice_code` and `status` |
    /// | `paymentrequest.*` | `request_code` (else `id`) |
    /// | `preauthorization.*` | `reference` (else `id`) |
    /// | `refund.*` | `transaction_reference` and `refund_reference` (else `id`, else `amount`), since one payment can be refunded in parts |
    /// | `subscription.create`, `.disable`, `.not_renew` | `subscription_code` (else `id`) |
    /// | `subscription.expiring_cards` | the subscription codes listed, sorted |
    /// | `transfer.*` | `transfer_code` (else `reference`, else `id`) |
    /// | `bank.transfer.rejected` | `bank_transfer.transaction_id` |
    /// | unknown events | `data.reference` (else `data.id`) |
    ///
    /// When those fields are all missing the natural key is `sha512:` and a digest of the
    /// payload, which is still the same for identical retried bodies.
    pub fn dedupe_key(&self) -> String {
        let key = self
            .natural_key()
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| {
                let json = serde_json::to_vec(&self.data_json()).unwrap_or_default();
                let digest = Sha512::digest(&json);
                format!("sha512:{}", hex::encode(&digest[..16]))
            });
        format!("{}:{key}", self.name())
    }
}
