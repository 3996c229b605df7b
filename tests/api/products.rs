//! Product: tests arrive with the wrappers.
