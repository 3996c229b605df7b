//! Apple Pay: not wrapped yet.
