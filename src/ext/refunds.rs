//! Refund: not wrapped yet.
