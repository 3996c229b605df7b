//! Product: not wrapped yet.
