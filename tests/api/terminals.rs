//! Terminal: tests arrive with the wrappers.
