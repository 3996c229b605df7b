//! Bulk Charge.
use crate::open_enum;
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
