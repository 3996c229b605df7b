//! Subscription: tests arrive with the wrappers.
