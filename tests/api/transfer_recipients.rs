//! Transfer Recipient: tests arrive with the wrappers.
