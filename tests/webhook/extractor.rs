//! The axum extractor through a real Router: 200 good, 401 bad, 413 oversized, 400 unreadable.

use axum::body::{to_bytes, Body};
use axum::extract::FromRef;
use axum::http::{Request, StatusCode};
use axum::routing::post;
use axum::Router;
use paystack::webhook::axum::{PaystackEvent, WebhookRejection};
use paystack::webhook::{self, Webhook};
use tower::ServiceExt;

use crate::common::{fixture, signed, webhook, KEY, OTHER_KEY};

async fn handler(PaystackEvent(event): PaystackEvent) -> String {
    format!("{} {}", event.name(), event.dedupe_key())
}

/// A router whose state is the verifier itself.
fn app(hook: Webhook) -> Router {
    Router::new().route("/hook", post(handler)).with_state(hook)
}

fn request(body: impl Into<Body>, signature: Option<&str>) -> Request<Body> {
    let mut req = Request::builder().method("POST").uri("/hook");
    if let Some(sig) = signature {
        req = req.header("x-paystack-signature", sig);
    }
    req.body(body.into()).unwrap()
}

async fn send(app: Router, req: Request<Body>) -> (StatusCode, String) {
    let resp = app.oneshot(req).await.unwrap();
    let status = resp.status();
    let body = to_bytes(resp.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn good_delivery_reaches_the_handler() {
    let (body, sig) = signed("charge.success");
    let (status, text) = send(app(webhook()), request(body, Some(&sig))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text, "charge.success charge.success:ord-2291-kemi");
}

#[tokio::test]
async fn bad_or_missing_signature_is_401() {
    let body = fixture("transfer.success");
    let theirs = webhook::sign(OTHER_KEY, &body);
    for sig in [None, Some("nope"), Some(theirs.as_str())] {
        let (status, text) = send(app(webhook()), request(body.clone(), sig)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{sig:?}");
        assert_eq!(text, "invalid webhook signature");
    }
    // A body changed after signing.
    let (mut body, sig) = signed("transfer.success");
    body[10] ^= 1;
    let (status, _) = send(app(webhook()), request(body, Some(&sig))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn oversized_body_is_413() {
    let hook = webhook().with_max_body_size(256);
    let body = vec![b' '; 257];
    let sig = webhook::sign(KEY, &body);
    // Known length: refused from Content-Length.
    let mut req = request(body.clone(), Some(&sig));
    req.headers_mut()
        .insert("content-length", "257".parse().unwrap());
    let (status, _) = send(app(hook.clone()), req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Streamed body with no length: cut off once past the limit.
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = body
        .chunks(100)
        .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
        .collect();
    let streamed = Body::from_stream(futures::stream::iter(chunks));
    let (status, text) = send(app(hook.clone()), request(streamed, Some(&sig))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(text, "webhook body too large");
}

#[tokio::test]
async fn default_limit_refuses_a_huge_body() {
    let body = vec![b'x'; 2 * 1024 * 1024];
    let sig = webhook::sign(KEY, &body);
    let (status, _) = send(app(webhook()), request(body, Some(&sig))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn verified_but_undecodable_body_is_400() {
    for body in [
        &b""[..],
        b"not json",
        br#"{"event":"charge.success","data":{"amount":"lots"}}"#,
    ] {
        let sig = webhook::sign(KEY, body);
        let (status, text) = send(app(webhook()), request(body.to_vec(), Some(&sig))).await;
        assert_eq!(
            status,
            StatusCode::BAD_REQUEST,
            "{:?}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(text, "unreadable webhook body");
    }
}

#[tokio::test]
async fn unknown_events_are_accepted() {
    let (body, sig) = signed("unknown");
    let (status, text) = send(app(webhook()), request(body, Some(&sig))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        text,
        "storefront.order.placed storefront.order.placed:sf-3301-lagos"
    );
}

#[derive(Clone)]
struct AppState {
    hook: Webhook,
    label: &'static str,
}

impl FromRef<AppState> for Webhook {
    fn from_ref(state: &AppState) -> Webhook {
        state.hook.clone()
    }
}

#[tokio::test]
async fn verifier_comes_from_app_state_and_rejections_can_be_handled() {
    async fn lenient(
        axum::extract::State(state): axum::extract::State<AppState>,
        event: Result<PaystackEvent, WebhookRejection>,
    ) -> (StatusCode, String) {
        match event {
            Ok(PaystackEvent(e)) => (StatusCode::OK, format!("{} {}", state.label, e.name())),
            Err(WebhookRejection(err)) => (StatusCode::IM_A_TEAPOT, err.status_code().to_string()),
        }
    }
    let state = AppState {
        hook: webhook(),
        label: "shop",
    };
    let app = Router::new()
        .route("/hook", post(lenient))
        .with_state(state);

    let (body, sig) = signed("refund.processed");
    let (status, text) = send(app.clone(), request(body, Some(&sig))).await;
    assert_eq!(
        (status, text.as_str()),
        (StatusCode::OK, "shop refund.processed")
    );

    let (status, text) = send(app, request(fixture("refund.processed"), None)).await;
    assert_eq!((status, text.as_str()), (StatusCode::IM_A_TEAPOT, "401"));
}
