//! Dedicated Virtual Account: tests arrive with the wrappers.
