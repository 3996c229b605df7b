//! Balance: not wrapped yet.
