//! Direct Debit: tests arrive with the wrappers.
