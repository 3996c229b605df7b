//! Refund: tests arrive with the wrappers.
