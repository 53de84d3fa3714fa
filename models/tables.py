"""Every table, imported in one place so SQLModel.metadata is complete (Alembic, tests)."""

from models.account import Account, AccountDomain, Contact
from models.credential import Credential
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.opportunity import InteractionOpportunity, Opportunity, StageChange
from models.organization import Organization

__all__ = [
    "Account",
    "AccountDomain",
    "Contact",
    "Credential",
    "EvidenceRecord",
    "InteractionOpportunity",
    "InteractionRecord",
    "Mailbox",
    "MailboxSync",
    "Opportunity",
    "Organization",
    "StageChange",
]
