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
//! While the caller works through one page, the next one is already being fetched, so the
//! caller's work and the next round trip overlap. Offset lists
//! stop on an empty page, on the last page by `meta.pageCount`, or on a short page; cursor
//! lists (with `use_cursor(true)`, or lists that only page by cursor) follow `meta.next`
//! until it is absent. A cursor seen twice, or a server that answers another page than the
//! one asked for, ends the stream with [`Error::Pagination`] instead of looping forever.
//!
//! [`Pages::concurrency`] asks for several pages at once on offset lists whose page count
//! Paystack gives; items still come out in list order.
//!
//! A page fetched ahead is only polled while the caller polls the stream, so a caller that
//! holds one record longer than the request timeout can let that page's deadline pass with
//! its answer already in. Such a page (one that timed out while the caller held records) is
//! asked for once more, whatever the retry policy; a page the caller was waiting on is not.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::BoxFuture;
use futures::stream::{FuturesOrdered, Stream, StreamExt};

use super::envelope::Response;
use super::error::{Error, PaginationError, Result};
use super::retry::RetryPolicy;

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
    /// The retry policy this request runs under; it also paces a concurrent walk after a 429.
    #[doc(hidden)]
    fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy::default()
    }

    /// Every record of every page, starting from this request's page or cursor.
    ///
    /// The stream is `Unpin`, so `try_next().await` works on it directly.
    fn stream<'s>(self) -> Pages<'s, Self::Item>
    where
        Self: 's,
    {
        Pages {
            walk: Box::new(Walk::new(self)),
        }
    }
}

/// The records of a list, page after page, as a [`Stream`]. Made by [`Paginate::stream`].
///
/// One page is fetched ahead of the one being read. After an error (handed out once the
/// records fetched before it are used up) the stream ends.
#[must_use = "a stream does nothing until polled"]
pub struct Pages<'s, T> {
    walk: Box<dyn Walker<T> + Send + 's>,
}

impl<T> Pages<'_, T> {
    /// Fetches up to `pages` pages at once (default 1: the page after the one being read).
    ///
    /// Applies to offset lists once the first page's `meta.pageCount` says how many pages
    /// there are; cursor lists, and lists without a page count, go one page ahead, because
    /// the next request is only known from the page before. Records still come out in list
    /// order, so at most `pages` pages sit in memory beside the one being read.
    ///
    /// When a page still meets a 429 after the request's own retries, the walk halves the
    /// number of pages it asks for at once, waits as the retry policy says, and asks for that
    /// page again, as many times as the policy allows attempts; each page that arrives then
    /// allows one more page in flight, up to `pages`.
    ///
    /// ```no_run
    /// # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
    /// use futures::TryStreamExt;
    /// use paystack::Paginate;
    ///
    /// let all: Vec<_> = ps
    ///     .transactions()
    ///     .list()
    ///     .per_page(100u32)
    ///     .stream()
    ///     .concurrency(8)
    ///     .try_collect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn concurrency(mut self, pages: usize) -> Self {
        self.walk.set_concurrency(pages.max(1));
        self
    }
}

impl<T> Stream for Pages<'_, T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        self.get_mut().walk.poll_item(cx)
    }
}

impl<T> fmt::Debug for Pages<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages").finish_non_exhaustive()
    }
}

/// [`Walk`] without its request type, so that [`Pages`] names only the item type.
trait Walker<T> {
    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<T>>>;
    fn set_concurrency(&mut self, pages: usize);
}

/// Which page a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum At {
    Page(u32),
    /// `None`: the first page of a cursor walk, as the caller's request has it.
    Cursor(Option<String>),
}

/// One page's answer, tagged with what was asked.
struct Fetched<T> {
    at: At,
    /// How many times the walk has asked for this page (1 for the first time).
    tries: u32,
    /// Records handed out before this request was sent (see [`Walk::handed_out`]).
    handed_at_launch: u64,
    result: Result<Response<Vec<T>>>,
}

/// What the stream hands out next, in list order.
enum Chunk<T> {
    Items(std::vec::IntoIter<T>),
    Failed(Error),
}

struct Walk<'s, P: Paginate> {
    request: P,
    cursor_mode: bool,
    policy: RetryPolicy,
    /// Requests sent and not yet answered, in list order.
    in_flight: FuturesOrdered<BoxFuture<'s, Fetched<P::Item>>>,
    /// Answered pages waiting to be handed out; the front one is being read.
    ready: VecDeque<Chunk<P::Item>>,
    /// The request to send once there is room, if any is known.
    next: Option<At>,
    /// The highest page number asked for so far.
    asked_up_to: u32,
    /// `meta.pageCount` from the latest page.
    page_count: Option<u32>,
    /// Pages the caller allows in flight, and how many the walk allows now (fewer after a 429).
    limit: usize,
    allowed: usize,
    seen: HashSet<String>,
    /// An error was handed out: nothing more comes.
    ended: bool,
    /// Records handed out so far. A request sent before the latest of them was waiting while
    /// the caller held a record, and nothing polls it then: its deadline can pass with the
    /// answer already here.
    handed_out: u64,
}

impl<'s, P: Paginate + 's> Walk<'s, P> {
    fn new(request: P) -> Self {
        let cursor_mode = request.cursor_mode();
        // Offset walks always name the page, so every request is explicit.
        let first = if cursor_mode {
            At::Cursor(None)
        } else {
            At::Page(request.page_number())
        };
        Walk {
            policy: request.retry_policy(),
            request,
            cursor_mode,
            in_flight: FuturesOrdered::new(),
            ready: VecDeque::new(),
            next: Some(first),
            asked_up_to: 0,
            page_count: None,
            limit: 1,
            allowed: 1,
            seen: HashSet::new(),
            ended: false,
            handed_out: 0,
        }
    }

    fn launch(&self, at: At, tries: u32, delay: Duration) -> BoxFuture<'s, Fetched<P::Item>> {
        let request = match &at {
            At::Page(n) => self.request.clone().at_page(*n),
            At::Cursor(None) => self.request.clone(),
            At::Cursor(Some(c)) => self.request.clone().at_cursor(c.clone()),
        };
        let handed_at_launch = self.handed_out;
        Box::pin(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let result = request.fetch().await;
            Fetched {
                at,
                tries,
                handed_at_launch,
                result,
            }
        })
    }

    /// Sends requests while there is room: pages in flight plus pages waiting behind the one
    /// being read stay within `allowed`.
    fn fill(&mut self) {
        while self.in_flight.len() + self.ready.len().saturating_sub(1) < self.allowed {
            let Some(at) = self.next.take() else { return };
            if let At::Page(n) = at {
                self.asked_up_to = n;
                // With a known page count, the page after is known too: ask without waiting.
                let more = self.page_count.is_some_and(|count| n < count);
                if self.limit > 1 && more {
                    self.next = n.checked_add(1).map(At::Page);
                }
            }
            let fut = self.launch(at, 1, Duration::ZERO);
            self.in_flight.push_back(fut);
        }
    }

    /// No more requests: drop those in flight, whose pages would come after the end.
    fn stop(&mut self) {
        self.next = None;
        self.in_flight.clear();
    }

    /// Takes in the next page in list order.
    fn take(&mut self, fetched: Fetched<P::Item>) {
        let page = match fetched.result {
            Err(e)
                if self.limit > 1
                    && is_rate_limited(&e)
                    && fetched.tries < self.policy.attempts() =>
            {
                // Too many at once: fewer pages in flight, and this one again after a pause,
                // ahead of the pages already asked for.
                self.allowed = (self.allowed / 2).max(1);
                let delay = self.policy.delay(fetched.tries + 1, None);
                let again = self.launch(fetched.at, fetched.tries + 1, delay);
                self.in_flight.push_front(again);
                return;
            }
            Err(e)
                if fetched.tries == 1
                    && fetched.handed_at_launch < self.handed_out
                    && is_timeout(&e) =>
            {
                // A page read ahead timed out while the caller held records and nothing
                // polled it: ask for it once more (a list read is safe to repeat).
                let again = self.launch(fetched.at, 2, Duration::ZERO);
                self.in_flight.push_front(again);
                return;
            }
            Err(e) => {
                self.stop();
                self.ready.push_back(Chunk::Failed(e));
                return;
            }
            Ok(page) => page,
        };
        self.allowed = (self.allowed + 1).min(self.limit);
        let asked = match fetched.at {
            At::Page(n) => n,
            At::Cursor(_) => 0,
        };
        let meta = page.meta.as_ref();
        if let Some(count) = meta.and_then(|m| m.page_count).map(|c| c.get()) {
            self.page_count = u32::try_from(count.max(0)).ok();
        }
        match next_step(
            self.cursor_mode,
            asked,
            page.data.len(),
            meta,
            &mut self.seen,
        ) {
            Ok(Next::Done) => self.stop(),
            Ok(Next::Page(n)) => {
                // Concurrent walks may have asked for it already.
                if self.next.is_none() && n > self.asked_up_to {
                    self.next = Some(At::Page(n));
                }
            }
            Ok(Next::Cursor(c)) => self.next = Some(At::Cursor(Some(c))),
            Err(e) => {
                // Hand out what this page held, then the error, then stop.
                self.stop();
                self.ready.push_back(Chunk::Items(page.data.into_iter()));
                self.ready.push_back(Chunk::Failed(e));
                return;
            }
        }
        self.ready.push_back(Chunk::Items(page.data.into_iter()));
    }

    /// Takes in every page that has arrived, sending more as room frees up.
    fn drive(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            self.fill();
            match self.in_flight.poll_next_unpin(cx) {
                Poll::Ready(Some(fetched)) => self.take(fetched),
                Poll::Ready(None) => return Poll::Ready(()),
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    /// The next record or error from the pages already here.
    fn pop(&mut self) -> Option<Result<P::Item>> {
        loop {
            match self.ready.front_mut()? {
                Chunk::Items(items) => match items.next() {
                    Some(item) => return Some(Ok(item)),
                    None => {
                        self.ready.pop_front();
                    }
                },
                Chunk::Failed(_) => {
                    let Some(Chunk::Failed(e)) = self.ready.pop_front() else {
                        unreachable!("the front chunk was just matched as an error")
                    };
                    self.ended = true;
                    self.ready.clear();
                    self.stop();
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<'s, P: Paginate + 's> Walker<P::Item> for Walk<'s, P> {
    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<P::Item>>> {
        if self.ended {
            return Poll::Ready(None);
        }
        if let Some(out) = self.pop() {
            // Keep the pages ahead moving while the caller reads this one.
            let _ = self.drive(cx);
            self.handed_out += 1;
            return Poll::Ready(Some(out));
        }
        let pending = self.drive(cx).is_pending();
        match self.pop() {
            Some(out) => {
                self.handed_out += 1;
                Poll::Ready(Some(out))
            }
            None if pending => Poll::Pending,
            None => Poll::Ready(None),
        }
    }

    fn set_concurrency(&mut self, pages: usize) {
        self.limit = pages;
        self.allowed = pages;
    }
}

fn is_timeout(e: &Error) -> bool {
    matches!(e, Error::Transport(t) if t.kind == super::error::TransportKind::Timeout)
}

fn is_rate_limited(e: &Error) -> bool {
    e.as_api().is_some_and(|a| a.status == 429)
}

enum Next {
    Page(u32),
    Cursor(String),
    Done,
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
            .and_then(|m| m.next.as_deref())
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != "null");
        return match cursor {
            None => Ok(Next::Done),
            Some(c) if !seen.insert(c.to_string()) => Err(Error::Pagination(
                PaginationError::CursorRepeated(c.to_string()),
            )),
            Some(c) => Ok(Next::Cursor(c.to_string())),
        };
    }
    if let Some(page) = get(|m| m.page.map(|p| p.get())) {
        if page != i64::from(asked) {
            return Err(Error::Pagination(PaginationError::PageMismatch {
                asked: u64::from(asked),
                answered: u64::try_from(page).unwrap_or(0),
            }));
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
        impl $crate::api::pagination::Paginate for $builder<'_> {
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
            fn retry_policy(&self) -> $crate::RetryPolicy {
                self.ps.opts.retry.unwrap_or_else(|| self.ps.retry_policy())
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

#[cfg(test)]
mod tests {
    //! The walk's order of requests and records, without a network: a fake list whose pages
    //! answer after one extra poll, as a request in flight would.

    use std::collections::HashMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use futures::{StreamExt, TryStreamExt};

    use super::*;
    use crate::api::error::error_from_body;
    use crate::api::lenient::FlexInt;
    use crate::types::ListMeta;

    #[derive(Clone)]
    struct Fake {
        page: u32,
        pages: u32,
        per_page: u32,
        log: Arc<Mutex<Vec<String>>>,
        in_flight: Arc<AtomicUsize>,
        most_in_flight: Arc<AtomicUsize>,
        /// Page number → how many more times it answers 429.
        limited: Arc<Mutex<HashMap<u32, u32>>>,
    }

    impl Fake {
        fn new(pages: u32, per_page: u32) -> Self {
            Fake {
                page: 1,
                pages,
                per_page,
                log: Arc::default(),
                in_flight: Arc::default(),
                most_in_flight: Arc::default(),
                limited: Arc::default(),
            }
        }

        fn note(&self, line: String) {
            self.log.lock().unwrap().push(line);
        }

        fn fetches(&self, page: u32) -> usize {
            let line = format!("fetch {page}");
            self.log
                .lock()
                .unwrap()
                .iter()
                .filter(|l| **l == line)
                .count()
        }
    }

    impl Paginate for Fake {
        type Item = u32;
        fn cursor_mode(&self) -> bool {
            false
        }
        fn page_number(&self) -> u32 {
            self.page
        }
        fn at_page(mut self, page: u32) -> Self {
            self.page = page;
            self
        }
        fn at_cursor(self, _: String) -> Self {
            self
        }
        fn retry_policy(&self) -> RetryPolicy {
            RetryPolicy::default()
                .base_delay(Duration::from_millis(1))
                .max_delay(Duration::from_millis(2))
        }
        async fn fetch(self) -> Result<Response<Vec<u32>>> {
            self.note(format!("fetch {}", self.page));
            let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            self.most_in_flight.fetch_max(now, Ordering::SeqCst);
            tokio::task::yield_now().await;
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
            if let Some(left) = self.limited.lock().unwrap().get_mut(&self.page) {
                if *left > 0 {
                    *left -= 1;
                    return Err(error_from_body(
                        429,
                        br#"{"status":false,"message":"slow down"}"#,
                    ));
                }
            }
            let first = (self.page - 1) * self.per_page;
            Ok(Response {
                data: (first..first + self.per_page).collect(),
                message: "ok".into(),
                meta: Some(ListMeta {
                    page: Some(FlexInt(i64::from(self.page))),
                    page_count: Some(FlexInt(i64::from(self.pages))),
                    per_page: Some(FlexInt(i64::from(self.per_page))),
                    ..ListMeta::default()
                }),
            })
        }
    }

    /// Every record of a walk with `pages` in flight.
    async fn walk(fake: &Fake, pages: usize) -> Vec<u32> {
        let items = fake.clone().stream().concurrency(pages);
        items.try_collect().await.unwrap()
    }

    #[tokio::test]
    async fn the_next_page_is_asked_for_before_the_current_one_is_handed_out() {
        let fake = Fake::new(3, 2);
        let mut items = fake.clone().stream();
        while let Some(item) = items.try_next().await.unwrap() {
            fake.note(format!("item {item}"));
        }
        let log = fake.log.lock().unwrap().clone();
        assert_eq!(
            log,
            [
                "fetch 1", "fetch 2", "item 0", "item 1", "fetch 3", "item 2", "item 3", "item 4",
                "item 5"
            ]
        );
        assert_eq!(fake.most_in_flight.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn concurrency_asks_for_several_pages_and_keeps_list_order() {
        let fake = Fake::new(10, 3);
        let items = walk(&fake, 4).await;
        assert_eq!(items, (0..30).collect::<Vec<_>>());
        for page in 1..=10 {
            assert_eq!(fake.fetches(page), 1, "page {page}");
        }
        assert_eq!(fake.fetches(11), 0, "nothing past the page count");
        assert_eq!(fake.most_in_flight.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn a_429_in_a_concurrent_walk_pauses_and_asks_for_that_page_again() {
        let fake = Fake::new(8, 2);
        fake.limited.lock().unwrap().insert(3, 2);
        let items = walk(&fake, 4).await;
        assert_eq!(items, (0..16).collect::<Vec<_>>());
        assert_eq!(fake.fetches(3), 3, "two 429s, then the page");
        assert_eq!(fake.log.lock().unwrap().len(), 10);
    }

    #[tokio::test]
    async fn a_429_beyond_the_policy_ends_the_walk_with_it() {
        let fake = Fake::new(8, 2);
        fake.limited.lock().unwrap().insert(2, 5);
        let items: Vec<_> = fake.clone().stream().concurrency(4).collect().await;
        // Page 1, then the error: the policy allows 3 attempts.
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[2].as_ref().unwrap_err().as_api().map(|a| a.status),
            Some(429)
        );
        assert_eq!(fake.fetches(2), 3);
    }

    #[tokio::test]
    async fn without_concurrency_a_429_is_handed_out_as_is() {
        let fake = Fake::new(4, 2);
        fake.limited.lock().unwrap().insert(2, 1);
        let items: Vec<_> = fake.clone().stream().collect().await;
        assert_eq!(items.len(), 3);
        assert!(items[2].is_err());
        assert_eq!(
            fake.fetches(2),
            1,
            "the request's own retries are the only ones"
        );
    }
}
