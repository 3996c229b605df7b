//! Subscription: not wrapped yet.
