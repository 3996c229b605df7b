//! `paystack mcp --http ADDR`: streamable HTTP at `/mcp`, on loopback only, behind a bearer
//! token taken from `PAYSTACK_MCP_TOKEN` or generated and printed once on stderr.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};

use super::server::{Server, Shared};
use super::TOKEN_ENV;
use crate::error::{Failure, Result};

/// Serves until Ctrl-C.
pub async fn serve(addr: SocketAddr, shared: Arc<Shared>) -> Result<()> {
    if !addr.ip().is_loopback() {
        return Err(Failure::Validation(format!(
            "--http {addr}: the MCP server listens on loopback only (127.0.0.1 or ::1)"
        )));
    }
    let token = match std::env::var(TOKEN_ENV) {
        Ok(t) if t.trim().len() >= 16 => t.trim().to_string(),
        Ok(_) => {
            return Err(Failure::Validation(format!(
                "{TOKEN_ENV} is shorter than 16 characters; use a long random token"
            )))
        }
        Err(_) => {
            let t = generate()?;
            eprintln!("paystack mcp: bearer token {t}  (set {TOKEN_ENV} to choose your own)");
            t
        }
    };
    let ct = tokio_util::sync::CancellationToken::new();
    let service = StreamableHttpService::new(
        move || Ok(Server(shared.clone())),
        LocalSessionManager::default().into(),
        StreamableHttpServerConfig::default().with_cancellation_token(ct.child_token()),
    );
    let token = Arc::new(token);
    let router =
        axum::Router::new()
            .nest_service("/mcp", service)
            .layer(axum::middleware::from_fn(
                move |req: Request, next: Next| {
                    let token = token.clone();
                    async move { authorize(&token, req, next).await }
                },
            ));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Failure::Other(format!("--http {addr}: {e}")))?;
    let local = listener.local_addr()?;
    eprintln!("paystack mcp: listening on http://{local}/mcp");
    axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            ct.cancel();
        })
        .await
        .map_err(|e| Failure::Other(format!("--http {addr}: {e}")))
}

/// Lets a request through only with the right `Authorization: Bearer` token.
async fn authorize(token: &str, req: Request, next: Next) -> Response {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if same(given.as_bytes(), token.as_bytes()) {
        next.run(req).await
    } else {
        (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "a bearer token is required (printed by paystack mcp at start-up, or PAYSTACK_MCP_TOKEN)",
        )
            .into_response()
    }
}

/// Compares without stopping at the first difference, so timing says nothing of the token.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// 32 random bytes from the OS, as hex.
fn generate() -> Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| {
            Failure::Other(format!(
                "no random source to make a token ({e}); set {TOKEN_ENV} instead"
            ))
        })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
