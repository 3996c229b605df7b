//! Control endpoints under `/_sim`.
use crate::server::Shared;
use axum::Router;
use std::sync::Arc;
/// Control.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
}
