//! Virtual Terminal: take in-person payments without a POS device, with payment alerts sent to
//! WhatsApp numbers (destinations).
//!
//! ```no_run
//! # async fn run(ps: paystack::Paystack) -> paystack::Result<()> {
//! use paystack::types::VirtualTerminalDestinationInput;
//! let vt = ps
//!     .virtual_terminals()
//!     .create(
//!         "Front desk",
//!         vec![VirtualTerminalDestinationInput {
//!             target: "+233201234567".into(),
//!             name: Some("Till supervisor".into()),
//!         }],
//!     )
//!     .send()
//!     .await?;
//! println!("created {:?}", vt.data.code);
//! # Ok(()) }
//! ```

use super::codes::{SplitCode, VirtualTerminalCode};
use super::error::Result;
use super::validate;
use super::validate::check_destinations;
use super::{Currency, Paystack, Response, ValidationError};
use crate::generated::types;
use crate::{envelope, request};

envelope!(types::VirtualTerminalResponse => types::VirtualTerminal);
envelope!(types::VirtualTerminalListResponse => Vec<types::VirtualTerminal>, meta);
envelope!(types::VirtualTerminalAssignDestinationResponse => Vec<types::VirtualTerminalAssignedDestination>);
envelope!(types::VirtualTerminalSplitResponse => types::Split);
envelope!(types::VirtualTerminalMessageResponse => ());

/// The Virtual Terminal API (`/virtual_terminal`).
#[derive(Debug, Clone, Copy)]
pub struct VirtualTerminals<'a> {
    ps: &'a Paystack,
}

crate::handler! {
impl Paystack {
    /// Virtual terminals: create, list, rename, deactivate, manage alert numbers and splits.
    pub fn virtual_terminals(&self) -> VirtualTerminals<'_> {
        VirtualTerminals { ps: self }
    }
}

impl<'a> VirtualTerminals<'a> {
    /// Creates a virtual terminal named `name` whose payment alerts go to `destinations`
    /// (at least one).
    pub fn create(
        &self,
        name: impl Into<String>,
        destinations: Vec<types::VirtualTerminalDestinationInput>,
    ) -> CreateVirtualTerminal<'a> {
        CreateVirtualTerminal::new(self.ps, name.into(), destinations)
    }

    /// Lists the integration's virtual terminals.
    pub fn list(&self) -> ListVirtualTerminals<'a> {
        ListVirtualTerminals::new(self.ps)
    }

    /// Fetches one virtual terminal by code (`VT_…`).
    pub fn fetch(&self, code: impl Into<VirtualTerminalCode>) -> FetchVirtualTerminal<'a> {
        FetchVirtualTerminal::new(self.ps, code.into())
    }

    /// Renames a virtual terminal.
    pub fn update(
        &self,
        code: impl Into<VirtualTerminalCode>,
        name: impl Into<String>,
    ) -> UpdateVirtualTerminal<'a> {
        UpdateVirtualTerminal::new(self.ps, code.into(), name.into())
    }

    /// Stops a virtual terminal from taking payments.
    pub fn deactivate(
        &self,
        code: impl Into<VirtualTerminalCode>,
    ) -> DeactivateVirtualTerminal<'a> {
        DeactivateVirtualTerminal::new(self.ps, code.into())
    }

    /// Adds numbers that receive the terminal's payment alerts.
    pub fn assign_destination(
        &self,
        code: impl Into<VirtualTerminalCode>,
        destinations: Vec<types::VirtualTerminalDestinationInput>,
    ) -> AssignVirtualTerminalDestination<'a> {
        AssignVirtualTerminalDestination::new(self.ps, code.into(), destinations)
    }

    /// Removes numbers (`targets`, as given when assigned) from the terminal's alerts.
    pub fn unassign_destination(
        &self,
        code: impl Into<VirtualTerminalCode>,
        targets: Vec<String>,
    ) -> UnassignVirtualTerminalDestination<'a> {
        UnassignVirtualTerminalDestination::new(self.ps, code.into(), targets)
    }

    /// Shares the terminal's payments according to the saved split `split_code`.
    pub fn add_split_code(
        &self,
        code: impl Into<VirtualTerminalCode>,
        split_code: impl Into<SplitCode>,
    ) -> AddVirtualTerminalSplitCode<'a> {
        AddVirtualTerminalSplitCode::new(self.ps, code.into(), split_code.into())
    }

    /// Detaches the split `split_code` from the terminal.
    pub fn delete_split_code(
        &self,
        code: impl Into<VirtualTerminalCode>,
        split_code: impl Into<SplitCode>,
    ) -> DeleteVirtualTerminalSplitCode<'a> {
        DeleteVirtualTerminalSplitCode::new(self.ps, code.into(), split_code.into())
    }
}
}

request! {
    /// Request for [`VirtualTerminals::create`].
    CreateVirtualTerminal => virtualTerminal_create -> types::VirtualTerminal {
        name: String,
        destinations: Vec<types::VirtualTerminalDestinationInput>,
    } {
        /// Split the terminal's payments with this saved split code.
        split_code: SplitCode,
        /// Your own data, kept with the terminal.
        metadata: serde_json::Value,
        /// Currency the terminal charges in (defaults to the integration's).
        currency: Currency,
        /// Extra inputs shown on the payment form.
        custom_fields: Vec<types::VirtualTerminalCustomField>,
    }
}

impl CreateVirtualTerminal<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::VirtualTerminal>> {
        validate::non_empty("name", &self.name)?;
        check_destinations(&self.destinations)?;
        if let Some(fields) = &self.custom_fields {
            for f in fields {
                validate::non_empty("custom_fields.display_name", &f.display_name)?;
                validate::non_empty("custom_fields.variable_name", &f.variable_name)?;
            }
        }
        if let Some(code) = &self.split_code {
            code.check("split_code")?;
        }
        let body = types::VirtualTerminalCreateBody {
            name: self.name,
            destinations: self.destinations,
            split_code: self.split_code.map(SplitCode::into_string),
            metadata: self.metadata,
            currency: self.currency,
            custom_fields: self.custom_fields.unwrap_or_default(),
        };
        self.ps
            .send(self.ps.api().virtual_terminal_create(&body))
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::list`].
    ListVirtualTerminals => virtualTerminal_list -> Vec<types::VirtualTerminal> {} paged(page) {}
}

impl ListVirtualTerminals<'_> {
    /// Sends and decodes one page.
    pub async fn send(self) -> Result<Response<Vec<types::VirtualTerminal>>> {
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_list(self.page.map(i64::from), self.per_page.map(i64::from)),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::fetch`].
    FetchVirtualTerminal => virtualTerminal_fetch -> types::VirtualTerminal {
        code: VirtualTerminalCode,
    } {}
}

impl FetchVirtualTerminal<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::VirtualTerminal>> {
        self.code.check("code")?;
        self.ps
            .send(self.ps.api().virtual_terminal_fetch(self.code.as_str()))
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::update`].
    UpdateVirtualTerminal => virtualTerminal_update -> types::VirtualTerminal {
        code: VirtualTerminalCode,
        name: String,
    } {}
}

impl UpdateVirtualTerminal<'_> {
    /// Validates, sends and decodes.
    pub async fn send(self) -> Result<Response<types::VirtualTerminal>> {
        self.code.check("code")?;
        validate::non_empty("name", &self.name)?;
        let body = types::VirtualTerminalUpdateBody { name: self.name };
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_update(self.code.as_str(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::deactivate`].
    DeactivateVirtualTerminal => virtualTerminal_deactivate -> () { code: VirtualTerminalCode } {}
}

impl DeactivateVirtualTerminal<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_deactivate(self.code.as_str()),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::assign_destination`].
    AssignVirtualTerminalDestination => virtualTerminal_destinationAssign -> Vec<types::VirtualTerminalAssignedDestination> {
        code: VirtualTerminalCode,
        destinations: Vec<types::VirtualTerminalDestinationInput>,
    } {}
}

impl AssignVirtualTerminalDestination<'_> {
    /// Validates, sends and decodes the destinations created.
    pub async fn send(self) -> Result<Response<Vec<types::VirtualTerminalAssignedDestination>>> {
        self.code.check("code")?;
        check_destinations(&self.destinations)?;
        let body = types::VirtualTerminalDestinationAssignBody {
            destinations: self.destinations,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_destination_assign(self.code.as_str(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::unassign_destination`].
    UnassignVirtualTerminalDestination => virtualTerminal_destinationUnassign -> () {
        code: VirtualTerminalCode,
        targets: Vec<String>,
    } {}
}

impl UnassignVirtualTerminalDestination<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        if self.targets.is_empty() {
            return Err(ValidationError::Empty("targets").into());
        }
        for t in &self.targets {
            validate::non_empty("targets", t)?;
        }
        let body = types::VirtualTerminalDestinationUnassignBody {
            targets: self.targets,
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_destination_unassign(self.code.as_str(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::add_split_code`].
    AddVirtualTerminalSplitCode => virtualTerminal_addSplitCode -> types::Split {
        code: VirtualTerminalCode,
        split_code: SplitCode,
    } {}
}

impl AddVirtualTerminalSplitCode<'_> {
    /// Validates, sends and decodes the split now attached.
    pub async fn send(self) -> Result<Response<types::Split>> {
        self.code.check("code")?;
        self.split_code.check("split_code")?;
        let body = types::VirtualTerminalAddSplitCodeBody {
            split_code: self.split_code.into_string(),
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_add_split_code(self.code.as_str(), &body),
            )
            .await
    }
}

request! {
    /// Request for [`VirtualTerminals::delete_split_code`].
    DeleteVirtualTerminalSplitCode => virtualTerminal_deleteSplitCode -> () {
        code: VirtualTerminalCode,
        split_code: SplitCode,
    } {}
}

impl DeleteVirtualTerminalSplitCode<'_> {
    /// Validates and sends; Paystack answers with a message only.
    pub async fn send(self) -> Result<Response<()>> {
        self.code.check("code")?;
        self.split_code.check("split_code")?;
        let body = types::VirtualTerminalDeleteSplitCodeBody {
            split_code: self.split_code.into_string(),
        };
        self.ps
            .send(
                self.ps
                    .api()
                    .virtual_terminal_delete_split_code(self.code.as_str(), &body),
            )
            .await
    }
}
