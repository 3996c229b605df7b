//! Dispute: not wrapped yet.
