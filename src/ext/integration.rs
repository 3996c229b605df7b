//! Integration: not wrapped yet.
