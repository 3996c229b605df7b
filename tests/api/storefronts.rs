//! Storefront: tests arrive with the wrappers.
