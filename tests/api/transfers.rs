//! Transfer: tests arrive with the wrappers.
