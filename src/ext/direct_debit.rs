//! Direct Debit: not wrapped yet.
