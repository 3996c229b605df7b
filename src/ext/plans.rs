//! Plan: not wrapped yet.
