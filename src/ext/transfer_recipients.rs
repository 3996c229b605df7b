//! Transfer Recipient: not wrapped yet.
