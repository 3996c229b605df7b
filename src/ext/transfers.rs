//! Transfer: not wrapped yet.
