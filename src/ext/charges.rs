//! Charge: not wrapped yet.
