//! Settlement: tests arrive with the wrappers.
