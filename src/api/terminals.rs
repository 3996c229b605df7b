//! Terminal: Paystack POS devices on the integration, and the events pushed to them.
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::{enums::{TerminalEventAction, TerminalEventType}};
//! let presence = ps.terminals().fetch_terminal_status("T7x2kq9Z").send().await?;
//! if presence.data.available.map(|a| a.get()) == Some(true) {
//!     let sent = ps
//!         .terminals()
//!         .send_event("T7x2kq9Z", TerminalEventType::Invoice, TerminalEventAction::Process)
//!         .id(4_400_812u64)
//!         .reference("8810224400812")
//!         .send()
//!         .await?;
//!     println!("event {:?} queued", sent.data.id);
//! }
//! # Ok(()) }
//! ```

use super::enums::{TerminalEventAction, TerminalEventType};
use super::error::Result;
use super::validate::{self, to_i64};
use super::{Paystack, Response};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::TerminalSendEventResponse => types::TerminalSendEventResponseData);
envelope!(types::TerminalEventStatusResponse => types::TerminalEventStatusResponseData);
envelope!(types::TerminalPresenceResponse => types::TerminalPresenceResponseData);
envelope!(types::TerminalListResponse => Vec<types::Terminal>, meta);
envelope!(types::TerminalResponse => types::Terminal);
envelope!(types::TerminalMessageResponse => ());

/// The Terminal API (`/terminal`).
#[derive(Debug, Clone, Copy)]
pub struct Terminals<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// POS devices: push invoices and transactions to them, list, rename, (de)commission.
    pub fn terminals(&self) -> Terminals<'_> {
        Terminals { ps: self }
    }
}

impl<'a> Terminals<'a> {
    /// Pushes an event to the device `terminal_id`. Set the [`id`](SendTerminalEvent::id) of
    /// the record it is about (a payment request id for invoices, a transaction id for
    /// transactions); invoices also need [`SendTerminalEvent::reference`], the payment
    /// request's `offline_reference`. `send()` refuses the request without them.
    pub fn send_event(
        &self,
        terminal_id: impl Into<String>,
        event_type: TerminalEventType,
        action: TerminalEventAction,
    ) -> SendTerminalEvent<'a> {
        SendTerminalEvent::new(self.ps, terminal_id.into(), event_type, action)
    }

    /// Whether the event `event_id` (from [`send_event`](Self::send_event)) reached the device.
    pub fn fetch_event_status(
        &self,
        terminal_id: impl Into<String>,
        event_id: impl Into<String>,
    ) -> FetchTerminalEventStatus<'a> {
        FetchTerminalEventStatus::new(self.ps, terminal_id.into(), event_id.into())
    }

    /// Whether the device is online and free to take an event.
    pub fn fetch_terminal_status(&self, terminal_id: impl Into<String>) -> FetchTerminalStatus<'a> {
        FetchTerminalStatus::new(self.ps, terminal_id.into())
    }

    /// Lists the integration's devices, a page at a time by cursor.
    pub fn list(&self) -> ListTerminals<'a> {
        ListTerminals::new(self.ps)
    }

    /// Fetches one device by its terminal id.
    pub fn fetch(&self, terminal_id: impl Into<String>) -> FetchTerminal<'a> {
        FetchTerminal::new(self.ps, terminal_id.into())
    }

    /// Changes a device's name or address; set at least one.
    pub fn update(&self, terminal_id: impl Into<String>) -> UpdateTerminal<'a> {
        UpdateTerminal::new(self.ps, terminal_id.into())
    }

    /// Links the debug device with this serial number to the integration.
    pub fn commission(&self, serial_number: impl Into<String>) -> CommissionTerminal<'a> {
        CommissionTerminal::new(self.ps, serial_number.into())
    }

    /// Unlinks the debug device with this serial number from the integration.
    pub fn decommission(&self, serial_number: impl Into<String>) -> DecommissionTerminal<'a> {
        DecommissionTerminal::new(self.ps, serial_number.into())
    }
}
}

request! {
    /// Request for [`Terminals::send_event`].
    SendTerminalEvent => terminal_sendEvent -> types::TerminalSendEventResponseData {
        terminal_id: String,
        event_type: TerminalEventType,
        action: TerminalEventAction,
    } {
        /// The record the event is about: a payment request id for invoices, a transaction id
        /// for transactions (required).
        id: u64,
        /// The payment request's `offline_reference`; required for invoice events.
        reference: String,
    }
}

impl SendTerminalEvent<'_> {
    /// Validates, sends and decodes. `data.id` is the event id for
    /// [`Terminals::fetch_event_status`].
    pub async fn send(self) -> Result<Response<types::TerminalSendEventResponseData>> {
        validate::non_empty("terminal_id", &self.terminal_id)?;
        let id = to_i64("id", self.id.ok_or(super::ValidationError::Empty("id"))?)?;
        if self.event_type == TerminalEventType::Invoice {
            match &self.reference {
                Some(r) => validate::non_empty("reference", r)?,
                None => return Err(super::ValidationError::Empty("reference").into()),
            }
        }
        let body = types::TerminalSendEventBody {
            type_: self.event_type,
            action: self.action,
            data: types::TerminalEventData {
                id,
                reference: self.reference,
            },
        };
        self.ps
            .send(self.ps.api().terminal_send_event(&self.terminal_id, &body))
            .await
    }
}

request! {
    /// Request for [`Terminals::fetch_event_status`].
    FetchTerminalEventStatus => terminal_fetchEventStatus -> types::TerminalEventStatusResponseData {
        terminal_id: String,
        event_id: String,
    } {}
}

impl FetchTerminalEventStatus<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TerminalEventStatusResponseData>> {
        validate::non_empty("terminal_id", &self.terminal_id)?;
        validate::non_empty("event_id", &self.event_id)?;
        self.ps
            .send(
                self.ps
                    .api()
                    .terminal_fetch_event_status(&self.terminal_id, &self.event_id),
            )
            .await
    }
}

request! {
    /// Request for [`Terminals::fetch_terminal_status`].
    FetchTerminalStatus => terminal_fetchTerminalStatus -> types::TerminalPresenceResponseData { terminal_id: String } {}
}

impl FetchTerminalStatus<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::TerminalPresenceResponseData>> {
        validate::non_empty("terminal_id", &self.terminal_id)?;
        self.ps
            .send(
                self.ps
                    .api()
                    .terminal_fetch_terminal_status(&self.terminal_id),
            )
            .await
    }
}

request! {
    /// Request for [`Terminals::list`].
    ListTerminals => terminal_list -> Vec<types::Terminal> {} paged(cursor) {}
}

impl ListTerminals<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::Terminal>>> {
        self.ps
            .send(self.ps.api().terminal_list(
                self.next.as_deref(),
                self.per_page.map(i64::from),
                self.previous.as_deref(),
            ))
            .await
    }
}

request! {
    /// Request for [`Terminals::fetch`].
    FetchTerminal => terminal_fetch -> types::Terminal { terminal_id: String } {}
}

impl FetchTerminal<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::Terminal>> {
        validate::non_empty("terminal_id", &self.terminal_id)?;
        self.ps
            .send(self.ps.api().terminal_fetch(&self.terminal_id))
            .await
    }
}

request! {
    /// Request for [`Terminals::update`].
    UpdateTerminal => terminal_update -> () { terminal_id: String } {
        /// New display name.
        name: String,
        /// New address where the device is used.
        address: String,
    }
}

impl UpdateTerminal<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        validate::non_empty("terminal_id", &self.terminal_id)?;
        if self.name.is_none() && self.address.is_none() {
            return Err(super::ValidationError::Invalid {
                field: "update",
                reason: "set a name or an address".into(),
            }
            .into());
        }
        let body = types::TerminalUpdateBody {
            name: self.name,
            address: self.address,
        };
        self.ps
            .send(self.ps.api().terminal_update(&self.terminal_id, &body))
            .await
    }
}

request! {
    /// Request for [`Terminals::commission`].
    CommissionTerminal => terminal_commission -> () { serial_number: String } {}
}

impl CommissionTerminal<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        validate::non_empty("serial_number", &self.serial_number)?;
        let body = types::TerminalCommissionBody {
            serial_number: self.serial_number,
        };
        self.ps.send(self.ps.api().terminal_commission(&body)).await
    }
}

request! {
    /// Request for [`Terminals::decommission`].
    DecommissionTerminal => terminal_decommission -> () { serial_number: String } {}
}

impl DecommissionTerminal<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        validate::non_empty("serial_number", &self.serial_number)?;
        let body = types::TerminalDecommissionBody {
            serial_number: self.serial_number,
        };
        self.ps
            .send(self.ps.api().terminal_decommission(&body))
            .await
    }
}
