//! `Blocking<'a, T>`: a handler or request builder of the async client, run to completion on
//! the blocking client's runtime.

use std::fmt;
use std::future::Future;
use std::iter::FusedIterator;

use futures::stream::{BoxStream, Fuse, StreamExt};
use futures::FutureExt;

use super::runtime::Worker;
use crate::api::error::Result;
use crate::api::pagination::Paginate;

/// A handler or request builder of the async client, bound to a [`super::Paystack`].
///
/// `Blocking<'a, transfers::Transfers<'a>>` has the methods of
/// [`crate::transfers::Transfers`], and each returns the blocking form of its request
/// builder: `Blocking<'a, transfers::InitiateTransfer<'a>>` has the setters of
/// [`crate::transfers::InitiateTransfer`] and a `send()` that returns the same result as the async
/// one, without `.await`. List requests are also iterators over every record of every page
/// (see [`Blocking::iter`]).
#[must_use = "a request does nothing until `.send()`"]
#[derive(Clone)]
pub struct Blocking<'a, T> {
    inner: T,
    worker: &'a Worker,
}

impl<T: fmt::Debug> fmt::Debug for Blocking<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Blocking").field(&self.inner).finish()
    }
}

impl<'a, T> Blocking<'a, T> {
    pub(crate) fn new(inner: T, worker: &'a Worker) -> Self {
        Blocking { inner, worker }
    }

    /// The async handler or request inside, e.g. to `.await` it from async code.
    pub fn into_async(self) -> T {
        self.inner
    }

    /// The async handler or request inside.
    pub(crate) fn get(&self) -> &T {
        &self.inner
    }

    /// Another value bound to the same client.
    pub(crate) fn wrap<U>(&self, inner: U) -> Blocking<'a, U> {
        Blocking::new(inner, self.worker)
    }

    /// Applies a setter of the async builder.
    pub(crate) fn map(self, set: impl FnOnce(T) -> T) -> Self {
        Blocking::new(set(self.inner), self.worker)
    }

    /// Runs the future `send` makes from the async builder and waits for its result.
    pub(crate) fn block<F, D>(self, send: impl FnOnce(T) -> F) -> Result<D>
    where
        F: Future<Output = Result<D>> + Send,
        D: Send,
    {
        self.worker.block_on(send(self.inner))
    }
}

impl<'a, P: Paginate + 'a> Blocking<'a, P> {
    /// Every record of every page, starting from this request's page or cursor, fetched one
    /// page at a time as the iterator is consumed (see [`Paginate::stream`] for when it
    /// stops). An error is the last item.
    ///
    /// `for record in request` does the same. Records already fetched are handed out without
    /// blocking; only a step that needs the next page waits as `send` does.
    pub fn iter(self) -> Iter<'a, P::Item> {
        Iter {
            // Boxed whatever `stream` returns, so this type names only the record type.
            records: self.inner.stream().boxed().fuse(),
            worker: self.worker,
        }
    }
}

impl<'a, P: Paginate + 'a> IntoIterator for Blocking<'a, P> {
    type Item = Result<P::Item>;
    type IntoIter = Iter<'a, P::Item>;

    fn into_iter(self) -> Iter<'a, P::Item> {
        self.iter()
    }
}

/// Every record of a list, page after page: made by [`Blocking::iter`].
#[must_use = "an iterator does nothing until consumed"]
pub struct Iter<'a, T> {
    records: Fuse<BoxStream<'a, Result<T>>>,
    worker: &'a Worker,
}

impl<T> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter")
            .field("done", &self.records.is_done())
            .finish_non_exhaustive()
    }
}

impl<T: Send> Iterator for Iter<'_, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        if self.records.is_done() {
            return None;
        }
        let records = &mut self.records;
        // Records already fetched are ready at once: hand them out without blocking (which
        // inside a current-thread runtime would start a thread per record).
        {
            let _runtime = self.worker.enter();
            if let Some(ready) = records.next().now_or_never() {
                return ready;
            }
        }
        let next = self
            .worker
            .block_on(async move { Ok(records.next().await) });
        next.unwrap_or_else(|e| Some(Err(e)))
    }
}

impl<T: Send> FusedIterator for Iter<'_, T> {}
