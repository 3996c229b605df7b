//! Integration: tests arrive with the wrappers.
