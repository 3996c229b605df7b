//! The shape shared by every request builder.

/// Declares a request builder: required arguments, optional setters, and the operation id.
///
/// ```text
/// request! {
///     /// Docs.
///     Initialize => transaction_initialize {
///         email: String,
///         amount: Amount,
///     } {
///         /// Setter docs.
///         currency: Currency,
///     }
/// }
/// ```
///
/// Setters take `impl Into<T>`, so `&str` works for `String` fields. The `send` method is
/// written by hand next to each declaration: it validates and maps to the generated call.
/// `cargo xtask regen` reads the `Name => operation_id` pairs for the coverage report.
#[macro_export]
#[doc(hidden)]
macro_rules! request {
    (
        $(#[$meta:meta])*
        $name:ident => $op:ident {
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
            ps: $crate::ext::client::ClientRef<'a>,
            $( $req: $req_ty, )*
            $( $opt: ::std::option::Option<$opt_ty>, )*
        }

        impl<'a> $name<'a> {
            /// Paystack's operation id for this request.
            pub const OPERATION_ID: &'static str = stringify!($op);

            #[allow(clippy::too_many_arguments)]
            pub(crate) fn new(ps: &'a $crate::Paystack $(, $req: $req_ty)*) -> Self {
                Self { ps: $crate::ext::client::ClientRef::new(ps) $(, $req)* $(, $opt: None)* }
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

            $(
                $(#[$ometa])*
                pub fn $opt(mut self, value: impl ::std::convert::Into<$opt_ty>) -> Self {
                    self.$opt = Some(value.into());
                    self
                }
            )*
        }
    };
}
