//! Order: tests arrive with the wrappers.
