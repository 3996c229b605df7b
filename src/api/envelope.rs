//! Paystack's response envelope, `{status, message, data, meta}`, and the typed result.

use crate::generated::types::ListMeta;

/// A successful answer: the typed `data`, with Paystack's `message` and list `meta`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Response<T> {
    /// The payload.
    pub data: T,
    /// Paystack's human-readable message, e.g. "Verification successful".
    pub message: String,
    /// Paging facts, on list operations.
    pub meta: Option<ListMeta>,
}

impl<T> Response<T> {
    /// Keeps message and meta, transforms the data.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            data: f(self.data),
            message: self.message,
            meta: self.meta,
        }
    }
}

/// A generated response type that carries Paystack's envelope.
///
/// Implemented by [`envelope!`](crate::envelope) for each operation's response type.
pub trait Envelope {
    /// What the wrapper returns as `data`.
    type Data;
    /// Whether a success must carry `data` (false for operations that only answer a message).
    const DATA_REQUIRED: bool;
    /// The envelope's `status`.
    fn ok(&self) -> bool;
    /// Whether `data` is present.
    fn has_data(&self) -> bool;
    /// The typed response, or `None` when required data is missing.
    fn into_response(self) -> Option<Response<Self::Data>>;
}

/// Implements [`Envelope`] for a generated response type.
///
/// - `envelope!(Resp => Data)`: `data` is required and returned; `meta` is read when present.
/// - `envelope!(Resp => Data, meta)`: the same, for response types that declare `meta`.
/// - `envelope!(Resp => ())`: only `status` and `message` matter.
/// - `envelope!(Resp => optional Data)`: `data` comes back at times and is returned as an
///   `Option` (answers Paystack sends with or without a record).
#[macro_export]
#[doc(hidden)]
macro_rules! envelope {
    ($resp:ty => ()) => {
        impl $crate::api::envelope::Envelope for $resp {
            type Data = ();
            const DATA_REQUIRED: bool = false;
            fn ok(&self) -> bool {
                self.status.get()
            }
            fn has_data(&self) -> bool {
                true
            }
            fn into_response(self) -> Option<$crate::api::envelope::Response<()>> {
                Some($crate::api::envelope::Response {
                    data: (),
                    message: self.message.unwrap_or_default(),
                    meta: None,
                })
            }
        }
    };
    ($resp:ty => optional $data:ty) => {
        impl $crate::api::envelope::Envelope for $resp {
            type Data = Option<$data>;
            const DATA_REQUIRED: bool = false;
            fn ok(&self) -> bool {
                self.status.get()
            }
            fn has_data(&self) -> bool {
                true
            }
            fn into_response(self) -> Option<$crate::api::envelope::Response<Option<$data>>> {
                Some($crate::api::envelope::Response {
                    data: self.data,
                    message: self.message.unwrap_or_default(),
                    meta: None,
                })
            }
        }
    };
    ($resp:ty => $data:ty $(, $meta:ident)?) => {
        impl $crate::api::envelope::Envelope for $resp {
            type Data = $data;
            const DATA_REQUIRED: bool = true;
            fn ok(&self) -> bool {
                self.status.get()
            }
            fn has_data(&self) -> bool {
                self.data.is_some()
            }
            fn into_response(self) -> Option<$crate::api::envelope::Response<$data>> {
                Some($crate::api::envelope::Response {
                    data: self.data?,
                    message: self.message.unwrap_or_default(),
                    meta: $crate::envelope!(@meta self $(, $meta)?),
                })
            }
        }
    };
    (@meta $self:ident) => { None };
    (@meta $self:ident, meta) => { $self.meta };
}
