//! Bulk Charge: not wrapped yet.
