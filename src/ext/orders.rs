//! Order: not wrapped yet.
