//! Dispute: tests arrive with the wrappers.
