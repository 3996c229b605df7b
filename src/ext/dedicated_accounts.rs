//! Dedicated Virtual Account: not wrapped yet.
