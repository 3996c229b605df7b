//! Subaccount: tests arrive with the wrappers.
