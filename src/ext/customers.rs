//! Customer: not wrapped yet.
