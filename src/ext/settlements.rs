//! Settlement.
use crate::open_enum;
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
