//! Customer: tests arrive with the wrappers.
