//! The CLI's failures and the exit code each one maps to (listed in `paystack --help`).

use std::fmt;

/// Why a command failed; [`Failure::code`] is the process exit code.
#[derive(Debug)]
pub enum Failure {
    /// Config file, local I/O, a receiver that would not start.
    Other(String),
    /// A required argument left out (clap reports its own usage errors with the same code).
    Usage(String),
    /// Input refused by a command that never sends anything (`webhook verify`).
    Invalid(String),
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
            Failure::Usage(_) => 2,
            Failure::Invalid(_) => 3,
            Failure::Validation(_) => 3,
            Failure::Api(_) => 4,
            Failure::Transport(_) => 5,
            Failure::OutcomeUnknown(_) => 6,
            Failure::Guard(_) => 7,
        }
    }
}

impl Failure {
    /// The same failure for a command that never sends a request (`webhook verify`, `config`):
    /// refused input is still exit 3, without "nothing was sent".
    pub fn local(self) -> Failure {
        match self {
            Failure::Validation(m) => Failure::Invalid(m),
            other => other,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Other(m) => write!(f, "error: {m}"),
            Failure::Usage(m) => write!(f, "error: {m}\n\nFor more information, try '--help'."),
            Failure::Invalid(m) => write!(f, "invalid: {m}"),
            Failure::Validation(m) => write!(f, "invalid input (nothing was sent): {m}"),
            Failure::Api(m) => write!(f, "{m}"),
            // The SDK's own messages already say "transport error".
            Failure::Transport(m) if m.starts_with("transport error") => write!(f, "{m}"),
            Failure::Transport(m) => write!(f, "transport error: {m}"),
            Failure::OutcomeUnknown(m) => {
                // The SDK's own message already starts with "outcome unknown".
                if !m.starts_with("outcome unknown") {
                    f.write_str("outcome unknown: ")?;
                }
                write!(
                    f,
                    "{m}\nThe request may have been processed. Check its status (for example \
                     by its reference) before trying again."
                )
            }
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

/// The network cause of a failure, found down its source chain: connection refused, DNS, TLS,
/// timeout, a closed connection. `None` when the chain names none of these.
pub fn network_cause(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    use std::io::ErrorKind;
    let mut texts = Vec::new();
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            let known = match io.kind() {
                ErrorKind::ConnectionRefused => {
                    Some("connection refused (is the server running, and is the port right?)")
                }
                ErrorKind::TimedOut => Some("timed out"),
                ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
                | ErrorKind::UnexpectedEof => {
                    Some("the connection was closed before the answer was complete")
                }
                ErrorKind::AddrNotAvailable => Some("the address is not available"),
                _ => None,
            };
            if let Some(text) = known {
                return Some(text.to_string());
            }
            // An io::Error's source() skips the error it wraps; TLS failures hide there.
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return Some(format!("TLS failed: {tls}"));
            }
        }
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(format!("TLS failed: {tls}"));
        }
        texts.push(err.to_string().to_ascii_lowercase());
        next = err.source();
    }
    let any = |needle: &str| texts.iter().any(|t| t.contains(needle));
    if any("dns error") || any("failed to lookup address") || any("name or service not known") {
        Some(format!(
            "DNS lookup failed, no such host ({})",
            innermost(e)
        ))
    } else if [
        "certificate",
        "tls",
        "handshake",
        "corrupt message",
        "alert",
        "peer is incompatible",
    ]
    .iter()
    .any(|needle| any(needle))
    {
        // rustls's own messages, when its error type is not reachable down the chain.
        Some(format!("TLS failed: {}", innermost(e)))
    } else if any("timed out") || any("timeout") {
        Some("no answer in time (timed out)".into())
    } else if any("connection refused") {
        Some("connection refused (is the server running, and is the port right?)".into())
    } else {
        None
    }
}

/// The deepest error of a chain: the specific one under "error sending request".
pub fn innermost(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

/// Whether the chain holds an "address in use" error (a port another program has).
pub fn addr_in_use(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::AddrInUse {
                return true;
            }
        }
        if err
            .to_string()
            .to_ascii_lowercase()
            .contains("address already in use")
        {
            return true;
        }
        next = err.source();
    }
    false
}
