//! Refund.
use crate::open_enum;
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
        /// Paystack needs the customer's bank details; see [`Refunds::retry`].
        NeedsAttention = "needs-attention",
    }
}
