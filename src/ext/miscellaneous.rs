//! Miscellaneous: not wrapped yet.
