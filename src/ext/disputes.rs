//! Dispute.
use crate::open_enum;
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
