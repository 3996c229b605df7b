//! Bank: tests arrive with the wrappers.
