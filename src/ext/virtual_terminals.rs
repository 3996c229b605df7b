//! Virtual Terminal: not wrapped yet.
