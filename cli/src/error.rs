//! The CLI's failures and the exit code each one maps to (listed in `paystack --help`).

use std::fmt;

/// Why a command failed; [`Failure::code`] is the process exit code.
#[derive(Debug)]
pub enum Failure {
    /// Config file, local I/O, a receiver that would not start.
    Other(String),
    /// Input refused before anything was sent.
    Validation(String),
    /// Paystack (or the simulator) answered and refused.
    Api(String),
    /// No answer, and the request cannot have taken effect.
    Transport(String),
    /// A money-moving request may or may not have been processed.
    OutcomeUnknown(String),
    /// Live key without `--live`, or money moved without confirmation.
    Guard(String),
}

impl Failure {
    /// The exit code for this failure.
    pub fn code(&self) -> i32 {
        match self {
            Failure::Other(_) => 1,
            Failure::Validation(_) => 3,
            Failure::Api(_) => 4,
            Failure::Transport(_) => 5,
            Failure::OutcomeUnknown(_) => 6,
            Failure::Guard(_) => 7,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Other(m) => write!(f, "error: {m}"),
            Failure::Validation(m) => write!(f, "invalid input (nothing was sent): {m}"),
            Failure::Api(m) => write!(f, "{m}"),
            // The SDK's own messages already say "transport error".
            Failure::Transport(m) if m.starts_with("transport error") => write!(f, "{m}"),
            Failure::Transport(m) => write!(f, "transport error: {m}"),
            Failure::OutcomeUnknown(m) => write!(
                f,
                "outcome unknown: {m}\nThe request may have been processed. Check its status \
                 (for example by its reference) before trying again."
            ),
            Failure::Guard(m) => write!(f, "refused: {m}"),
        }
    }
}

impl From<paystack::ValidationError> for Failure {
    fn from(e: paystack::ValidationError) -> Self {
        Failure::Validation(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Other(e.to_string())
    }
}

/// Result with a [`Failure`].
pub type Result<T, E = Failure> = std::result::Result<T, E>;
