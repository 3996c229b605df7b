//! The runtime behind a blocking client, and how a call waits on it from any thread.

use std::future::Future;

use tokio::runtime::{Handle, Runtime, RuntimeFlavor};

use crate::api::error::{Error, Result, TransportError};

/// A tokio runtime with one worker thread that drives a blocking client's connections and
/// timers, whether or not a call is waiting.
pub(crate) struct Worker {
    handle: Handle,
    /// Taken out on drop, to shut down without waiting when dropped inside async code.
    runtime: Option<Runtime>,
}

impl Worker {
    /// Starts the worker thread.
    pub(crate) fn start() -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("paystack-blocking")
            .enable_all()
            .build()
            .map_err(|e| failed("cannot start the blocking client's runtime", e))?;
        Ok(Worker {
            handle: runtime.handle().clone(),
            runtime: Some(runtime),
        })
    }

    /// Makes this runtime the current one until the guard drops, so a future may be polled
    /// once without blocking. Allowed inside another runtime, unlike `block_on`.
    pub(crate) fn enter(&self) -> tokio::runtime::EnterGuard<'_> {
        self.handle.enter()
    }

    /// Runs `call` to completion and returns its result, from any thread.
    ///
    /// Outside a runtime the call is polled on the calling thread. Inside a multi-threaded
    /// tokio runtime the calling worker first hands its other tasks to the rest of the
    /// runtime (`block_in_place`). Inside a current-thread runtime, which cannot do that, the
    /// call runs on a helper thread while the calling thread waits; the runtime's other tasks
    /// wait with it.
    pub(crate) fn block_on<T: Send>(
        &self,
        call: impl Future<Output = Result<T>> + Send,
    ) -> Result<T> {
        let Ok(current) = Handle::try_current() else {
            return self.handle.block_on(call);
        };
        match current.runtime_flavor() {
            RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(|| self.handle.block_on(call))
            }
            _ => std::thread::scope(|scope| {
                let helper = std::thread::Builder::new()
                    .name("paystack-blocking-call".into())
                    .spawn_scoped(scope, || self.handle.block_on(call));
                match helper {
                    // A panic inside the call goes on unwinding in the caller, as it would
                    // have without the helper thread.
                    Ok(helper) => helper
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err(e) => Err(failed("cannot start a thread for the call", e)),
                }
            }),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Dropping a runtime waits for its thread to stop, which tokio refuses (with a
            // panic) inside async code; there, let it stop on its own.
            if Handle::try_current().is_ok() {
                runtime.shutdown_background();
            }
        }
    }
}

fn failed(what: &str, e: std::io::Error) -> Error {
    Error::Transport(Box::new(TransportError::other(
        format!("{what}: {e}"),
        false,
    )))
}

#[cfg(test)]
mod tests {
    use super::Worker;

    /// The name of the thread that polls a call.
    fn polling_thread(worker: &Worker) -> Option<String> {
        let name = async { Ok(std::thread::current().name().map(String::from)) };
        worker.block_on(name).unwrap()
    }

    #[test]
    fn outside_a_runtime_the_caller_polls() {
        let worker = Worker::start().unwrap();
        let caller = std::thread::current().name().map(String::from);
        assert_eq!(polling_thread(&worker), caller);
    }

    #[tokio::test]
    async fn in_a_current_thread_runtime_a_helper_thread_polls() {
        let worker = Worker::start().unwrap();
        assert_eq!(
            polling_thread(&worker).as_deref(),
            Some("paystack-blocking-call")
        );
        // The worker is dropped inside the runtime without a panic.
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn in_a_multi_thread_runtime_the_calling_worker_polls() {
        let worker = Worker::start().unwrap();
        let caller = std::thread::current().name().map(String::from);
        assert_eq!(polling_thread(&worker), caller);
        assert_ne!(caller.as_deref(), Some("paystack-blocking-call"));
    }
}
