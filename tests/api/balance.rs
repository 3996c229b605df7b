//! Balance: tests arrive with the wrappers.
