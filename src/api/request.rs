//! The shape shared by every request builder and API-area handler.

/// Declares a request builder: operation id, the `data` type its `send` decodes, required
/// arguments and optional setters.
///
/// ```text
/// request! {
///     /// Docs.
///     Initialize => transaction_initialize -> types::TransactionInitialized {
///         email: String,
///         amount: Amount,
///     } {
///         /// Setter docs.
///         currency: Currency,
///     }
/// }
/// ```
///
/// A list request writes `paged(page)`, `paged(page, dated)`, `paged(page, cursor)`,
/// `paged(page, cursor, dated)` or `paged(cursor)` between the two blocks, e.g.
/// `ListTransfers => transfer_list -> Vec<types::Transfer> {} paged(page, cursor, dated) {..}`:
/// that adds the paging setters (`per_page`, `page`, `use_cursor`/`next`/`previous`,
/// `from`/`to`) and implements [`crate::Paginate`], so no list declares them by hand.
///
/// Setters take `impl Into<T>`, so `&str` works for `String` fields. The `send` method is
/// written by hand next to each declaration: it validates and maps to the generated call, and
/// returns `Result<Response<Data>>` with the `Data` named here (the compiler checks they agree).
/// With the `blocking` feature the macro also gives `Blocking<'a, Name<'a>>` the same setters
/// and a `send` that blocks. `cargo xtask regen` reads the `Name => operation_id` pairs for the
/// coverage report.
#[macro_export]
#[doc(hidden)]
macro_rules! request {
    // `paged(..)` list requests: the paging setters and the `Paginate` impl come from one
    // declaration. `page`: page numbers; `cursor`: `next`/`previous` cursors only; `page,
    // cursor`: numbers, or cursors once `use_cursor(true)` is set; `dated` adds `from`/`to`.
    (
        $(#[$m:meta])*
        $name:ident => $op:ident -> Vec<$item:ty> { $($req:tt)* } paged(page) { $($o:tt)* }
    ) => {
        $crate::request!(@paged [size page] [page] $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*});
    };
    (
        $(#[$m:meta])*
        $name:ident => $op:ident -> Vec<$item:ty> { $($req:tt)* } paged(page, dated) { $($o:tt)* }
    ) => {
        $crate::request!(@paged [size page dated] [page] $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*});
    };
    (
        $(#[$m:meta])*
        $name:ident => $op:ident -> Vec<$item:ty> { $($req:tt)* } paged(page, cursor) { $($o:tt)* }
    ) => {
        $crate::request!(@paged [size page switch cursor] [page, cursor = next, when = use_cursor]
            $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*});
    };
    (
        $(#[$m:meta])*
        $name:ident => $op:ident -> Vec<$item:ty> { $($req:tt)* } paged(page, cursor, dated) { $($o:tt)* }
    ) => {
        $crate::request!(@paged [size page switch cursor dated] [page, cursor = next, when = use_cursor]
            $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*});
    };
    (
        $(#[$m:meta])*
        $name:ident => $op:ident -> Vec<$item:ty> { $($req:tt)* } paged(cursor) { $($o:tt)* }
    ) => {
        $crate::request!(@paged [size cursor] [cursor = next] $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*});
    };
    // Adds the setters each paging keyword stands for, one keyword at a time, then declares.
    (@paged [] [$($mode:tt)*] $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request! { $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {$($o)*} }
        $crate::paginate!($name => $item, $($mode)*);
    };
    (@paged [page $($k:ident)*] $mode:tt $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request!(@paged [$($k)*] $mode $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {
            /// Page number, from 1.
            page: u32,
            $($o)*
        });
    };
    (@paged [size $($k:ident)*] $mode:tt $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request!(@paged [$($k)*] $mode $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {
            /// Records per page (Paystack's default is 50).
            per_page: u32,
            $($o)*
        });
    };
    (@paged [switch $($k:ident)*] $mode:tt $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request!(@paged [$($k)*] $mode $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {
            /// Page through with cursors (`next`/`previous` in `meta`) instead of page numbers.
            use_cursor: bool,
            $($o)*
        });
    };
    (@paged [cursor $($k:ident)*] $mode:tt $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request!(@paged [$($k)*] $mode $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {
            /// Cursor of the page after, from `meta.next`.
            next: String,
            /// Cursor of the page before, from `meta.previous`.
            previous: String,
            $($o)*
        });
    };
    (@paged [dated $($k:ident)*] $mode:tt $(#[$m:meta])* $name:ident => $op:ident -> Vec<$item:ty> {$($req:tt)*} {$($o:tt)*}) => {
        $crate::request!(@paged [$($k)*] $mode $(#[$m])* $name => $op -> Vec<$item> {$($req)*} {
            /// Only records created at or after this time.
            from: ::chrono::DateTime<::chrono::Utc>,
            /// Only records created at or before this time.
            to: ::chrono::DateTime<::chrono::Utc>,
            $($o)*
        });
    };
    (
        $(#[$meta:meta])*
        $name:ident => $op:ident -> $data:ty {
            $( $req:ident : $req_ty:ty ),* $(,)?
        } {
            $( $(#[$ometa:meta])* $opt:ident : $opt_ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[must_use = "a request does nothing until `.send().await`"]
        #[derive(Debug, Clone)]
        pub struct $name<'a> {
            #[allow(dead_code)]
            ps: $crate::api::client::ClientRef<'a>,
            $( $req: $req_ty, )*
            $( $opt: ::std::option::Option<$opt_ty>, )*
        }

        impl<'a> $name<'a> {
            /// Paystack's operation id for this request.
            pub const OPERATION_ID: &'static str = stringify!($op);

            pub(crate) fn new(ps: &'a $crate::Paystack $(, $req: $req_ty)*) -> Self {
                Self { ps: $crate::api::client::ClientRef::new(ps) $(, $req)* $(, $opt: None)* }
            }

            /// Limit on each attempt of this request, from connecting to the last byte of the
            /// answer; overrides the client's timeout.
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.ps.opts.timeout = Some(timeout);
                self
            }

            /// Attempts and delays for resending this request, within what its operation
            /// allows (see [`crate::operations`]); overrides the client's policy.
            pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
                self.ps.opts.retry = Some(policy);
                self
            }

            /// Never resend this request.
            pub fn no_retry(self) -> Self {
                self.retry($crate::RetryPolicy::never())
            }

            /// Takes another call's timeout and retry options: a recovery lookup runs under
            /// the options of the call it recovers.
            #[allow(dead_code)]
            pub(crate) fn with_options(mut self, opts: $crate::CallOptions) -> Self {
                self.ps.opts = opts;
                self
            }

            $(
                $(#[$ometa])*
                pub fn $opt(mut self, value: impl ::std::convert::Into<$opt_ty>) -> Self {
                    self.$opt = Some(value.into());
                    self
                }
            )*
        }

        #[cfg(feature = "blocking")]
        impl<'a> $crate::blocking::Blocking<'a, $name<'a>> {
            /// Limit on each attempt of this request, from connecting to the last byte of the
            /// answer; overrides the client's timeout.
            pub fn timeout(self, timeout: ::std::time::Duration) -> Self {
                self.map(|r| r.timeout(timeout))
            }

            /// Attempts and delays for resending this request, within what its operation
            /// allows (see [`crate::operations`]); overrides the client's policy.
            pub fn retry(self, policy: $crate::RetryPolicy) -> Self {
                self.map(|r| r.retry(policy))
            }

            /// Never resend this request.
            pub fn no_retry(self) -> Self {
                self.map(|r| r.no_retry())
            }

            $(
                $(#[$ometa])*
                pub fn $opt(self, value: impl ::std::convert::Into<$opt_ty>) -> Self {
                    self.map(|r| r.$opt(value))
                }
            )*

            #[doc = concat!(
                "Validates, sends and decodes as [`", stringify!($name), "::send`] does, ",
                "blocking the calling thread until the answer arrives."
            )]
            pub fn send(self) -> $crate::Result<$crate::Response<$data>> {
                self.block(|r| r.send())
            }
        }
    };
}

/// Declares an API area: the accessor on [`crate::Paystack`] and the handler's methods, each
/// returning a request builder.
///
/// ```text
/// handler! {
/// impl Paystack {
///     /// Docs.
///     pub fn customers(&self) -> Customers<'_> {
///         Customers { ps: self }
///     }
/// }
///
/// impl<'a> Customers<'a> {
///     /// Docs.
///     pub fn fetch(&self, email_or_code: impl Into<String>) -> Fetch<'a> {
///         Fetch::new(self.ps, email_or_code.into())
///     }
/// }
/// }
/// ```
///
/// The code is emitted as written. With the `blocking` feature the macro also gives
/// `blocking::Paystack` the same accessor and `Blocking<'a, Handler<'a>>` the same methods,
/// returning the blocking form of each builder. The body sits inside a macro, so `cargo fmt`
/// leaves it alone: keep it formatted by hand.
#[macro_export]
#[doc(hidden)]
macro_rules! handler {
    (
        impl Paystack {
            $(#[$ameta:meta])*
            pub fn $area:ident(&$aself:ident) -> $handler:ident<'_> $abody:block
        }

        $(#[$hmeta:meta])*
        impl<'a> $handler2:ident<'a> {
            $(
                $(#[$mmeta:meta])*
                pub fn $method:ident(
                    &$mself:ident $(, $arg:ident : $arg_ty:ty)* $(,)?
                ) -> $builder:ident<'a> $mbody:block
            )*
        }
    ) => {
        impl Paystack {
            $(#[$ameta])*
            pub fn $area(&$aself) -> $handler<'_> $abody
        }

        $(#[$hmeta])*
        impl<'a> $handler2<'a> {
            $(
                $(#[$mmeta])*
                pub fn $method(&$mself $(, $arg: $arg_ty)*) -> $builder<'a> $mbody
            )*
        }

        #[cfg(feature = "blocking")]
        impl $crate::blocking::Paystack {
            $(#[$ameta])*
            pub fn $area(&self) -> $crate::blocking::Blocking<'_, $handler<'_>> {
                self.wrap(self.async_client().$area())
            }
        }

        #[cfg(feature = "blocking")]
        impl<'a> $crate::blocking::Blocking<'a, $handler2<'a>> {
            $(
                $(#[$mmeta])*
                pub fn $method(
                    &self $(, $arg: $arg_ty)*
                ) -> $crate::blocking::Blocking<'a, $builder<'a>> {
                    self.wrap(self.get().$method($($arg),*))
                }
            )*
        }
    };
}
