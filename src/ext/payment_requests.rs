//! Payment Request: not wrapped yet.
