//! Subaccount: not wrapped yet.
