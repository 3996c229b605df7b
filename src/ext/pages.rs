//! Page: not wrapped yet.
