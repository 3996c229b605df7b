//! Webhooks (see issue 4).
