//! Terminal: not wrapped yet.
