//! The hosted checkout page and the overview page.
use crate::server::Shared;
use axum::Router;
use std::sync::Arc;
/// Pages.
pub fn router() -> Router<Arc<Shared>> {
    Router::new()
}
