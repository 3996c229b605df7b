//! Bank: not wrapped yet.
