//! Page: tests arrive with the wrappers.
