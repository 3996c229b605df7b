//! Apple Pay: tests arrive with the wrappers.
