//! Plan: tests arrive with the wrappers.
