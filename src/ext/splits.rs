//! Split: not wrapped yet.
