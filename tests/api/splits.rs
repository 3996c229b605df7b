//! Split: tests arrive with the wrappers.
