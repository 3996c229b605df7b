//! Bulk Charge: tests arrive with the wrappers.
