//! Miscellaneous: tests arrive with the wrappers.
