//! Walking every page of a list as one stream.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use futures::TryStreamExt;
//! use paystack::Paginate;
//!
//! let mut customers = ps.customers().list().per_page(100u32).stream();
//! while let Some(customer) = customers.try_next().await? {
//!     println!("{:?}", customer.email);
//! }
//! # Ok(()) }
//! ```
//!
//! Pages are fetched lazily, one request at a time, only when the previous page's items are
//! used up. Offset lists stop on an empty page, on the last page by `meta.pageCount`, or on a
//! short page; cursor lists (with `use_cursor(true)`, or lists that only page by cursor) follow
//! `meta.next` until it is absent. A cursor seen twice, or a server that answers another page
//! than the one asked for, ends the stream with an error instead of looping forever.

use std::collections::{HashSet, VecDeque};
use std::future::Future;

use futures::stream::{BoxStream, Stream, StreamExt};

use super::envelope::Response;
use super::error::{DecodeError, Error, Result};

/// A list request that can be walked page by page. Implemented by every list builder that
/// pages by number or by cursor; call [`Paginate::stream`].
pub trait Paginate: Clone + Send + Sized {
    /// One record of the list.
    type Item: Send;

    /// Whether this request pages by cursor (`meta.next`) rather than by page number.
    #[doc(hidden)]
    fn cursor_mode(&self) -> bool;
    /// The page number this request asks for (1 when unset).
    #[doc(hidden)]
    fn page_number(&self) -> u32;
    /// The same request for another page number.
    #[doc(hidden)]
    fn at_page(self, page: u32) -> Self;
    /// The same request for the page after `cursor`.
    #[doc(hidden)]
    fn at_cursor(self, cursor: String) -> Self;
    /// Sends this request for one page.
    #[doc(hidden)]
    fn fetch(self) -> impl Future<Output = Result<Response<Vec<Self::Item>>>> + Send;

    /// Every record of every page, starting from this request's page or cursor.
    ///
    /// Boxed (and so pinned) so that `try_next().await` works on it directly.
    fn stream<'s>(self) -> BoxStream<'s, Result<Self::Item>>
    where
        Self: 's,
    {
        stream(self).boxed()
    }
}

enum Next {
    Page(u32),
    Cursor(String),
    First,
    Done,
}

struct State<P: Paginate> {
    request: P,
    buffer: VecDeque<P::Item>,
    next: Next,
    seen: HashSet<String>,
    /// An error to hand out once the items already fetched are used up.
    pending: Option<Error>,
}

fn stream<P: Paginate>(request: P) -> impl Stream<Item = Result<P::Item>> + Send {
    let state = State {
        request,
        buffer: VecDeque::new(),
        next: Next::First,
        seen: HashSet::new(),
        pending: None,
    };
    futures::stream::unfold(state, |mut st| async move {
        loop {
            if let Some(item) = st.buffer.pop_front() {
                return Some((Ok(item), st));
            }
            if let Some(e) = st.pending.take() {
                return Some((Err(e), st));
            }
            let request = match std::mem::replace(&mut st.next, Next::Done) {
                Next::Done => return None,
                // Offset walks always name the page, so every request is explicit.
                Next::First if st.request.cursor_mode() => st.request.clone(),
                Next::First => {
                    let first = st.request.page_number();
                    st.request.clone().at_page(first)
                }
                Next::Page(n) => st.request.clone().at_page(n),
                Next::Cursor(c) => st.request.clone().at_cursor(c),
            };
            let asked = request.page_number();
            let cursor_mode = request.cursor_mode();
            let page = match request.fetch().await {
                Ok(page) => page,
                Err(e) => return Some((Err(e), st)),
            };
            let count = page.data.len();
            match next_step(cursor_mode, asked, count, page.meta.as_ref(), &mut st.seen) {
                Ok(next) => st.next = next,
                // Hand out what this page held, then the error, then stop.
                Err(e) => st.pending = Some(e),
            }
            st.buffer.extend(page.data);
        }
    })
}

fn next_step(
    cursor_mode: bool,
    asked: u32,
    count: usize,
    meta: Option<&crate::types::ListMeta>,
    seen: &mut HashSet<String>,
) -> Result<Next> {
    if count == 0 {
        return Ok(Next::Done);
    }
    let get = |f: fn(&crate::types::ListMeta) -> Option<i64>| meta.and_then(f);
    if cursor_mode {
        let cursor = meta
            .and_then(|m| m.next.clone())
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty() && c != "null");
        return match cursor {
            None => Ok(Next::Done),
            Some(c) if !seen.insert(c.clone()) => Err(loop_error(
                "meta.next",
                format!("cursor {c:?} came back a second time"),
            )),
            Some(c) => Ok(Next::Cursor(c)),
        };
    }
    if let Some(page) = get(|m| m.page.map(|p| p.get())) {
        if page != i64::from(asked) {
            return Err(loop_error(
                "meta.page",
                format!("asked for page {asked}, Paystack answered page {page}"),
            ));
        }
    }
    if let Some(page_count) = get(|m| m.page_count.map(|p| p.get())) {
        if i64::from(asked) >= page_count {
            return Ok(Next::Done);
        }
    }
    if let Some(per_page) = get(|m| m.per_page.map(|p| p.get())) {
        if (count as i64) < per_page {
            return Ok(Next::Done);
        }
    }
    match asked.checked_add(1) {
        Some(n) => Ok(Next::Page(n)),
        None => Ok(Next::Done),
    }
}

fn loop_error(path: &str, message: String) -> Error {
    Error::Decode(Box::new(DecodeError {
        status: 200,
        path: path.to_string(),
        message: format!("{message}; stopping rather than paging forever"),
        raw: String::new(),
    }))
}

/// Implements [`Paginate`] for a list builder.
///
/// - `paginate!(List => T, page)`: pages by `page` number.
/// - `paginate!(List => T, page, cursor = next, when = use_cursor)`: by number, or by the
///   `next` cursor when `use_cursor(true)` was set.
/// - `paginate!(List => T, cursor = next)`: by cursor only.
#[macro_export]
#[doc(hidden)]
macro_rules! paginate {
    ($builder:ident => $item:ty, page) => {
        $crate::paginate!(@impl $builder => $item,
            |s| { let _ = s; false },
            |s| s.page.unwrap_or(1),
            |s, n| { s.page = Some(n); s },
            |s, c| { let _ = c; s });
    };
    ($builder:ident => $item:ty, page, cursor = $cursor:ident, when = $switch:ident) => {
        $crate::paginate!(@impl $builder => $item,
            |s| s.$switch == Some(true),
            |s| s.page.unwrap_or(1),
            |s, n| { s.page = Some(n); s },
            |s, c| { s.$cursor = Some(c); s });
    };
    ($builder:ident => $item:ty, cursor = $cursor:ident) => {
        $crate::paginate!(@impl $builder => $item,
            |s| { let _ = s; true },
            |s| { let _ = s; 1 },
            |s, n| { let _ = n; s },
            |s, c| { s.$cursor = Some(c); s });
    };
    (@impl $builder:ident => $item:ty, |$s1:ident| $mode:expr, |$s2:ident| $page:expr,
        |$s3:ident, $n:ident| $at_page:expr, |$s4:ident, $c:ident| $at_cursor:expr) => {
        impl $crate::ext::pagination::Paginate for $builder<'_> {
            type Item = $item;
            fn cursor_mode(&self) -> bool {
                let $s1 = self;
                $mode
            }
            fn page_number(&self) -> u32 {
                let $s2 = self;
                $page
            }
            fn at_page(self, $n: u32) -> Self {
                #[allow(unused_mut)]
                let mut $s3 = self;
                $at_page
            }
            fn at_cursor(self, $c: String) -> Self {
                #[allow(unused_mut)]
                let mut $s4 = self;
                $at_cursor
            }
            fn fetch(
                self,
            ) -> impl ::std::future::Future<
                Output = $crate::Result<$crate::Response<::std::vec::Vec<$item>>>,
            > + Send {
                self.send()
            }
        }
    };
}
