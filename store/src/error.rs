//! The store's error type.

/// Result with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong in the journal or the inbox.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database refused or failed a statement, or could not be reached.
    #[error("store backend: {0}")]
    Backend(String),
    /// The intent was refused before anything was written.
    #[error("invalid intent: {0}")]
    Invalid(String),
    /// The key was used before for a different payout (amount, target, kind or currency).
    #[error(
        "the key {key:?} was already used for a different payout; use a new key for a new payout"
    )]
    KeyConflict {
        /// The caller's key.
        key: String,
    },
    /// Another intent already has this reference.
    #[error(
        "the reference {reference:?} belongs to another intent; give each payout its own reference"
    )]
    ReferenceTaken {
        /// The reference.
        reference: String,
    },
    /// A Redis journal was asked for without accepting that Redis may lose acknowledged writes.
    #[error("a payout journal on Redis is not durable across a crash unless Redis runs with appendonly yes and appendfsync always; call RedisStore::allow_journal(true) once that is so")]
    NotDurable,
    /// The SDK refused the request before sending it (for example a bad amount).
    #[error("{0}")]
    Sdk(#[from] paystack::Error),
}

impl Error {
    pub(crate) fn backend(e: impl std::fmt::Display) -> Self {
        Error::Backend(e.to_string())
    }
}
