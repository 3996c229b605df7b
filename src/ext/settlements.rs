//! Settlement: not wrapped yet.
