//! Transfer recipients: the saved accounts that transfers pay out to.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{enums::{Currency, RecipientType}};
//! let recipient = ps
//!     .transfer_recipients()
//!     .create(RecipientType::Nuban, "Kemi Adeyemi")
//!     .account_number("0731148290")
//!     .bank_code("035")
//!     .currency(Currency::NGN)
//!     .send()
//!     .await?;
//! println!("pay {:?}", recipient.data.recipient_code);
//! # Ok(()) }
//! ```

use super::codes::{AuthorizationCode, IdOrCode, RecipientCode};
use super::error::{Result, ValidationError};
use super::validate;
use super::validate::check_recipient;
use super::{Currency, Paystack, RecipientType, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::TransferRecipientResponse => types::TransferRecipient);
envelope!(types::TransferRecipientListResponse => Vec<types::TransferRecipient>, meta);
envelope!(types::TransferRecipientBulkResponse => types::TransferRecipientBulkResult);
envelope!(types::TransferRecipientMessageResponse => ());
envelope!(types::TransferRecipientOptionalResponse => optional types::TransferRecipient);

/// The Transfer Recipients API (`/transferrecipient`).
#[derive(Debug, Clone, Copy)]
pub struct TransferRecipients<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Transfer recipients: create (one or many), list, fetch, update and delete.
    pub fn transfer_recipients(&self) -> TransferRecipients<'_> {
        TransferRecipients { ps: self }
    }
}

impl<'a> TransferRecipients<'a> {
    /// Saves an account as a recipient named `name`. Bank and mobile-money recipients need
    /// [`CreateTransferRecipient::account_number`] and [`CreateTransferRecipient::bank_code`];
    /// `authorization` recipients need [`CreateTransferRecipient::authorization_code`]. Saving
    /// an account twice returns the existing recipient.
    pub fn create(
        &self,
        recipient_type: RecipientType,
        name: impl Into<String>,
    ) -> CreateTransferRecipient<'a> {
        CreateTransferRecipient::new(self.ps, recipient_type, name.into())
    }

    /// Lists recipients, newest first.
    pub fn list(&self) -> ListTransferRecipients<'a> {
        ListTransferRecipients::new(self.ps)
    }

    /// Saves many recipients at once. Build entries with
    /// [`types::TransferRecipientBatchItem::new`].
    pub fn bulk(
        &self,
        batch: Vec<types::TransferRecipientBatchItem>,
    ) -> CreateTransferRecipients<'a> {
        CreateTransferRecipients::new(self.ps, batch)
    }

    /// Fetches one recipient by numeric id or recipient code (`RCP_…`).
    pub fn fetch(
        &self,
        id_or_code: impl Into<IdOrCode<RecipientCode>>,
    ) -> FetchTransferRecipient<'a> {
        FetchTransferRecipient::new(self.ps, id_or_code.into())
    }

    /// Renames a recipient (and optionally changes its email), by id or recipient code.
    pub fn update(
        &self,
        id_or_code: impl Into<IdOrCode<RecipientCode>>,
        name: impl Into<String>,
    ) -> UpdateTransferRecipient<'a> {
        UpdateTransferRecipient::new(self.ps, id_or_code.into(), name.into())
    }

    /// Deactivates a recipient, by id or recipient code; it can no longer be paid.
    pub fn delete(
        &self,
        id_or_code: impl Into<IdOrCode<RecipientCode>>,
    ) -> DeleteTransferRecipient<'a> {
        DeleteTransferRecipient::new(self.ps, id_or_code.into())
    }
}
}

impl types::TransferRecipientBatchItem {
    /// An entry for [`TransferRecipients::bulk`] with only the type and name set; add the
    /// account with [`with_account_number`](Self::with_account_number) and
    /// [`with_bank_code`](Self::with_bank_code), or a card with
    /// [`with_authorization_code`](Self::with_authorization_code).
    pub fn new(recipient_type: RecipientType, name: impl Into<String>) -> Self {
        Self {
            type_: recipient_type,
            name: name.into(),
            account_number: None,
            bank_code: None,
            description: None,
            currency: None,
            authorization_code: None,
            metadata: None,
        }
    }

    /// Sets the account number (bank and mobile-money recipients).
    pub fn with_account_number(mut self, account_number: impl Into<String>) -> Self {
        self.account_number = Some(account_number.into());
        self
    }

    /// Sets the bank's code, from [`Banks::list`](super::banks::Banks::list).
    pub fn with_bank_code(mut self, bank_code: impl Into<String>) -> Self {
        self.bank_code = Some(bank_code.into());
        self
    }

    /// Sets the authorization of a past card payment (`authorization` recipients); its
    /// prefix is checked when the batch is sent.
    pub fn with_authorization_code(mut self, code: impl Into<AuthorizationCode>) -> Self {
        self.authorization_code = Some(code.into().into_string());
        self
    }

    /// Sets the currency of the receiving account.
    pub fn with_currency(mut self, currency: Currency) -> Self {
        self.currency = Some(currency);
        self
    }

    /// Sets a note for yourself about this recipient.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

request! {
    /// Request for [`TransferRecipients::create`].
    CreateTransferRecipient => transferrecipient_create -> types::TransferRecipient {
        recipient_type: RecipientType,
        name: String,
    } {
        /// The account number (bank and mobile-money recipients).
        account_number: String,
        /// The bank's code, from [`Banks::list`](super::banks::Banks::list).
        bank_code: String,
        /// A note for yourself about this recipient.
        description: String,
        /// Currency of the receiving account.
        currency: Currency,
        /// Authorization code of a past card payment (`authorization` recipients).
        authorization_code: AuthorizationCode,
        /// Your own data about the recipient.
        metadata: serde_json::Value,
    }
}

impl CreateTransferRecipient<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransferRecipient>> {
        check_recipient(
            &self.recipient_type,
            &self.name,
            self.account_number.as_deref(),
            self.bank_code.as_deref(),
            self.authorization_code
                .as_ref()
                .map(AuthorizationCode::as_str),
        )?;
        let body = types::TransferrecipientCreateBody {
            type_: self.recipient_type,
            name: self.name,
            account_number: self.account_number,
            bank_code: self.bank_code,
            description: self.description,
            currency: self.currency,
            authorization_code: self.authorization_code.map(AuthorizationCode::into_string),
            metadata: self.metadata,
        };
        self.ps
            .send(self.ps.api().transferrecipient_create(&body))
            .await
    }
}

request! {
    /// Request for [`TransferRecipients::list`].
    ListTransferRecipients => transferrecipient_list -> Vec<types::TransferRecipient> {} paged(page, cursor, dated) {}
}

impl ListTransferRecipients<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::TransferRecipient>>> {
        self.ps
            .send(self.ps.api().transferrecipient_list(
                self.from.as_ref(),
                self.next.as_deref(),
                self.page.map(i64::from),
                self.per_page.map(i64::from),
                self.previous.as_deref(),
                self.to.as_ref(),
                self.use_cursor,
            ))
            .await
    }
}

request! {
    /// Request for [`TransferRecipients::bulk`].
    CreateTransferRecipients => transferrecipient_bulk -> types::TransferRecipientBulkResult {
        batch: Vec<types::TransferRecipientBatchItem>,
    } {}
}

impl CreateTransferRecipients<'_> {
    /// Validates every entry, sends and decodes. Entries Paystack refuses come back in
    /// `data.errors`; the call itself still succeeds.
    pub async fn send(self) -> Result<Response<types::TransferRecipientBulkResult>> {
        if self.batch.is_empty() {
            return Err(ValidationError::Invalid {
                field: "batch",
                reason: "it holds no recipients".into(),
            }
            .into());
        }
        for item in &self.batch {
            check_recipient(
                &item.type_,
                &item.name,
                item.account_number.as_deref(),
                item.bank_code.as_deref(),
                item.authorization_code.as_deref(),
            )?;
        }
        let body = types::TransferrecipientBulkBody { batch: self.batch };
        self.ps
            .send(self.ps.api().transferrecipient_bulk(&body))
            .await
    }
}

request! {
    /// Request for [`TransferRecipients::fetch`].
    FetchTransferRecipient => transferrecipient_fetch -> types::TransferRecipient {
        id_or_code: IdOrCode<RecipientCode>,
    } {}
}

impl FetchTransferRecipient<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TransferRecipient>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .transferrecipient_fetch(&self.id_or_code.to_string()),
            )
            .await
    }
}

request! {
    /// Request for [`TransferRecipients::update`].
    UpdateTransferRecipient => transferrecipient_update -> Option<types::TransferRecipient> {
        id_or_code: IdOrCode<RecipientCode>,
        name: String,
    } {
        /// A new email address for the recipient.
        email: String,
    }
}

impl UpdateTransferRecipient<'_> {
    /// Validates, sends and decodes. Paystack answers with the updated recipient, or at times
    /// with a message only (`None`).
    pub async fn send(self) -> Result<Response<Option<types::TransferRecipient>>> {
        self.id_or_code.check("id_or_code")?;
        validate::non_empty("name", &self.name)?;
        if let Some(email) = &self.email {
            validate::email(email)?;
        }
        let body = types::TransferrecipientUpdateBody {
            name: Some(self.name),
            email: self.email,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .transferrecipient_update(&self.id_or_code.to_string(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`TransferRecipients::delete`].
    DeleteTransferRecipient => transferrecipient_delete -> () {
        id_or_code: IdOrCode<RecipientCode>,
    } {}
}

impl DeleteTransferRecipient<'_> {
    /// Validates and sends. Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.id_or_code.check("id_or_code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .transferrecipient_delete(&self.id_or_code.to_string()),
            )
            .await
    }
}
