//! Storefront: not wrapped yet.
