//! Payment Request: tests arrive with the wrappers.
