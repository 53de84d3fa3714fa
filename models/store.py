"""Storing interactions and their evidence, matched to accounts, contacts and opportunities."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, delete, select

from capture.interaction import Interaction
from classifiers.evidence import Evidence
from models.account import Account, AccountDomain, Contact
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.matching import BuyerSide, account_name, buyer_side
from models.opportunity import InteractionOpportunity, Opportunity, OpportunityCreate
from models.organization import Organization

StoreStatus = Literal["added", "updated", "unchanged", "internal"]


@dataclass
class Stored:
    status: StoreStatus
    interaction_id: int | None = None
    opportunity_ids: list[int] = field(default_factory=list)


def mailbox_for(session: Session, *, email: str, name: str = "", provider: str = "file") -> Mailbox:
    """The rep's mailbox, created with its organization (by mail domain) on first sight."""
    mailbox = session.exec(select(Mailbox).where(Mailbox.email == email)).first()
    if mailbox:
        return mailbox
    domain = email.rpartition("@")[2]
    organization = session.exec(select(Organization).where(Organization.domain == domain)).first()
    if organization is None:
        organization = Organization(name=account_name(domain), domain=domain)
        session.add(organization)
        session.flush()
    mailbox = Mailbox(email=email, name=name, provider=provider, organization_id=organization.id)
    session.add(mailbox)
    session.flush()
    return mailbox


@dataclass
class Lookup:
    """What one batch asks again and again (stored records, accounts, contacts, open
    opportunities), asked of the database once; rows the batch creates are added as it goes."""

    records: dict[tuple[int | None, str], InteractionRecord | None] = field(default_factory=dict)
    accounts: dict[tuple[int, str], Account] = field(default_factory=dict)
    contacts: dict[tuple[int, str], Contact | None] = field(default_factory=dict)
    opportunities: dict[tuple[int | None, str], Opportunity] = field(default_factory=dict)

    def prefetch(self, session: Session, *, mailbox_id: int | None, source_ids: list[str]) -> None:
        """Load the stored records of these ids with one query (missing ones remembered too)."""
        wanted = [i for i in source_ids if (mailbox_id, i) not in self.records]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found = session.exec(
                select(InteractionRecord).where(
                    InteractionRecord.mailbox_id == mailbox_id,
                    col(InteractionRecord.source_id).in_(chunk),
                )
            ).all()
            self.records.update({(mailbox_id, i): None for i in chunk})
            self.records.update({(mailbox_id, r.source_id): r for r in found})

    def prefetch_contacts(
        self, session: Session, *, organization_id: int, emails: set[str]
    ) -> None:
        """Load the organization's known contacts among `emails` with one query per 500."""
        wanted = sorted(e for e in emails if (organization_id, e) not in self.contacts)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found = session.exec(
                select(Contact).where(
                    Contact.organization_id == organization_id, col(Contact.email).in_(chunk)
                )
            ).all()
            self.contacts.update({(organization_id, e): None for e in chunk})
            self.contacts.update({(organization_id, c.email): c for c in found})


def existing(
    session: Session, *, mailbox: Mailbox, interaction: Interaction, lookup: Lookup | None = None
) -> InteractionRecord | None:
    key = (mailbox.id, interaction.id)
    if lookup is not None and key in lookup.records:
        return lookup.records[key]
    return session.exec(
        select(InteractionRecord).where(
            InteractionRecord.mailbox_id == mailbox.id,
            InteractionRecord.source_id == interaction.id,
        )
    ).first()


def is_unchanged(
    session: Session, *, mailbox: Mailbox, interaction: Interaction, lookup: Lookup | None = None
) -> bool:
    """True when this exact interaction is already stored, so it needs no classification."""
    record = existing(session, mailbox=mailbox, interaction=interaction, lookup=lookup)
    return record is not None and record.content_hash == interaction.content_hash()


def store_interaction(
    session: Session,
    *,
    mailbox: Mailbox,
    interaction: Interaction,
    evidence: list[Evidence],
    keep_body: bool = False,
    lookup: Lookup | None = None,
) -> Stored:
    """Add or update one interaction with its evidence (store_interactions for one)."""
    return store_interactions(
        session,
        mailbox=mailbox,
        found=[(interaction, evidence)],
        keep_body=keep_body,
        lookup=lookup,
    )[0]


def store_interactions(
    session: Session,
    *,
    mailbox: Mailbox,
    found: list[tuple[Interaction, list[Evidence]]],
    keep_body: bool = False,
    lookup: Lookup | None = None,
) -> list[Stored]:
    """Add or update interactions with their evidence; the same content twice adds nothing.

    Records are written together (one multi-row INSERT on PostgreSQL), then evidence and links.
    The body is stored only with `keep_body` (a privacy setting): evidence keeps its quotes, and
    the content hash tells a changed message from a known one without the body."""
    lookup = lookup or Lookup()
    results: list[Stored] = []
    written: list[tuple[Stored, InteractionRecord, BuyerSide, list[Evidence]]] = []
    withdrawn: list[int] = []
    for interaction, evidence in found:
        side = buyer_side(interaction)
        if side.internal:
            results.append(Stored(status="internal"))
            continue
        record = existing(session, mailbox=mailbox, interaction=interaction, lookup=lookup)
        digest = interaction.content_hash()
        if record is not None and record.content_hash == digest:
            results.append(Stored(status="unchanged", interaction_id=record.id))
            continue
        stored = Stored(status="updated" if record else "added")
        if record is None:
            record = InteractionRecord(
                mailbox_id=mailbox.id,
                source_id=interaction.id,
                content_hash=digest,
                source=interaction.source,
                type=interaction.type,
                sent_at=interaction.sent_at,
            )
        elif record.id is not None:  # changed: its old evidence is withdrawn, the new replaces it
            withdrawn.append(record.id)
        record.sqlmodel_update(_record_fields(interaction, digest, keep_body))
        session.add(record)
        lookup.records[(mailbox.id, interaction.id)] = record
        results.append(stored)
        written.append((stored, record, side, evidence))
    if withdrawn:
        session.exec(
            delete(EvidenceRecord).where(col(EvidenceRecord.interaction_id).in_(withdrawn))
        )
    session.flush()
    lookup.prefetch_contacts(
        session,
        organization_id=mailbox.organization_id,
        emails={p.email for _, _, side, _ in written for p in side.contacts},
    )
    for stored, record, side, evidence in written:
        assert record.id is not None
        stored.interaction_id = record.id
        session.add_all(_evidence_rows(record.id, evidence))
        stored.opportunity_ids = _link(
            session,
            organization_id=mailbox.organization_id,
            owner=mailbox.email,
            side=side,
            interaction_id=record.id,
            lookup=lookup,
            new=stored.status == "added",
        )
    return results


def _record_fields(interaction: Interaction, digest: str, keep_body: bool) -> dict[str, object]:
    return {
        "source": interaction.source,
        "type": interaction.type,
        "thread_id": interaction.thread_id,
        "participants": [p.model_dump() for p in interaction.participants()],
        "sent_at": interaction.sent_at,
        "subject": interaction.subject,
        "body": interaction.body if keep_body else "",
        "provider_id": interaction.provider_id,
        "deleted_at": None,
        "start": interaction.start,
        "end": interaction.end,
        "status": interaction.status,
        "content_hash": digest,
    }


def _evidence_rows(interaction_id: int, evidence: list[Evidence]) -> list[EvidenceRecord]:
    return [
        EvidenceRecord(
            interaction_id=interaction_id,
            kind=item.kind.value,
            confidence=item.confidence,
            actor=item.actor,
            quote=item.quote,
            speaker=item.speaker,
            observed_at=item.observed_at,
            meeting_start=item.meeting and item.meeting.start,
            meeting_end=item.meeting and item.meeting.end,
            meeting_category=item.meeting and item.meeting.category,
            meeting_time=item.meeting_time,
        )
        for item in evidence
    ]


def _link(
    session: Session,
    *,
    organization_id: int,
    owner: str,
    side: BuyerSide,
    interaction_id: int,
    lookup: Lookup,
    new: bool,
) -> list[int]:
    accounts = {}
    for domain in side.account_domains:
        key = (organization_id, domain)
        if key not in lookup.accounts:
            lookup.accounts[key] = _account(session, organization_id, domain)
        accounts[domain] = lookup.accounts[key]
    for person in side.contacts:
        key = (organization_id, person.email)
        if key in lookup.contacts:
            contact = lookup.contacts[key]
        else:
            contact = session.exec(
                select(Contact).where(
                    Contact.organization_id == organization_id, Contact.email == person.email
                )
            ).first()
        if contact is None:
            account = accounts.get(person.domain)
            contact = Contact(
                organization_id=organization_id,
                email=person.email,
                name=person.name,
                account_id=account.id if account else None,
            )
            session.add(contact)
        elif person.name and not contact.name:
            contact.name = person.name
        lookup.contacts[key] = contact
    linked: list[int] = []
    for account in accounts.values():
        key = (account.id, owner)
        if key not in lookup.opportunities:
            lookup.opportunities[key] = _open_opportunity(session, organization_id, account, owner)
        opportunity = lookup.opportunities[key]
        # a new interaction has no links yet; a changed one may
        if new or session.get(InteractionOpportunity, (interaction_id, opportunity.id)) is None:
            session.add(
                InteractionOpportunity(interaction_id=interaction_id, opportunity_id=opportunity.id)
            )
        assert opportunity.id is not None
        linked.append(opportunity.id)
    return linked


def _account(session: Session, organization_id: int, domain: str) -> Account:
    row = session.exec(
        select(AccountDomain).where(
            AccountDomain.organization_id == organization_id, AccountDomain.domain == domain
        )
    ).first()
    if row:
        account = session.get(Account, row.account_id)
        assert account is not None  # the foreign key guarantees it
        return account
    account = Account(name=account_name(domain), organization_id=organization_id)
    session.add(account)
    session.flush()
    session.add(
        AccountDomain(organization_id=organization_id, account_id=account.id, domain=domain)
    )
    return account


def _open_opportunity(
    session: Session, organization_id: int, account: Account, owner: str
) -> Opportunity:
    """The account's open opportunity (the rep's own first, then the newest), else a new one."""
    candidates = session.exec(
        select(Opportunity)
        .where(Opportunity.account_id == account.id, Opportunity.is_open == True)  # noqa: E712
        .order_by(col(Opportunity.created_at).desc(), col(Opportunity.id).desc())
    ).all()
    mine = [o for o in candidates if o.owner == owner]
    opportunity = (mine or list(candidates) or [None])[0]
    if opportunity is None:
        opportunity = Opportunity(
            name=f"{account.name}",
            account_id=account.id,
            organization_id=organization_id,
            owner=owner,
        )
        session.add(opportunity)
        session.flush()
    return opportunity


def load_opportunity(
    session: Session, *, seller_domain: str, row: OpportunityCreate
) -> Opportunity:
    """Create or update (by CRM id) an opportunity a CRM exported, with its account by domain."""
    organization = session.exec(
        select(Organization).where(Organization.domain == seller_domain)
    ).first()
    if organization is None:
        organization = Organization(name=account_name(seller_domain), domain=seller_domain)
        session.add(organization)
        session.flush()
    assert organization.id is not None
    account = _account(session, organization.id, row.account_domain.lower())
    existing_row = None
    if row.crm_id:
        existing_row = session.exec(
            select(Opportunity).where(
                Opportunity.organization_id == organization.id, Opportunity.crm_id == row.crm_id
            )
        ).first()
    values = row.model_dump(exclude={"account_domain"})
    values["owner"] = values["owner"].lower() if values["owner"] else None
    opportunity = existing_row or Opportunity(
        organization_id=organization.id, account_id=account.id, **values
    )
    opportunity.sqlmodel_update({**values, "account_id": account.id})
    session.add(opportunity)
    session.flush()
    return opportunity


def remove_provider_items(
    session: Session, *, mailbox: Mailbox, provider_ids: list[str], removed_at: datetime
) -> set[int]:
    """Apply a provider's deletions; returns the opportunities whose evidence changed.

    A removed event withdraws its evidence (a deleted meeting proves no more than a cancelled
    one). A message deleted from Sent Items keeps its evidence, marked deleted: the buyer's
    reaction happened, and reps tidy their folders."""
    if not provider_ids:
        return set()
    records = session.exec(
        select(InteractionRecord).where(
            InteractionRecord.mailbox_id == mailbox.id,
            col(InteractionRecord.provider_id).in_(provider_ids),
        )
    ).all()
    touched: set[int] = set()
    for record in records:
        if record.type == "event":
            session.exec(
                delete(EvidenceRecord).where(col(EvidenceRecord.interaction_id) == record.id)
            )
            touched.update(_opportunities_of(session, [record.id]))
            record.status = "cancelled"
            record.content_hash = "removed"  # a re-sent copy of the event is classified afresh
        record.deleted_at = record.deleted_at or removed_at
        session.add(record)
    session.flush()
    return touched


def remove_mailbox(session: Session, *, mailbox: Mailbox) -> set[int]:
    """Delete a rep's mailbox and everything captured from it; returns the opportunities that
    lost interactions (to re-assess)."""
    ids = list(
        session.exec(select(InteractionRecord.id).where(InteractionRecord.mailbox_id == mailbox.id))
    )
    touched = _opportunities_of(session, ids)
    if ids:
        session.exec(delete(EvidenceRecord).where(col(EvidenceRecord.interaction_id).in_(ids)))
        session.exec(
            delete(InteractionOpportunity).where(
                col(InteractionOpportunity.interaction_id).in_(ids)
            )
        )
        session.exec(delete(InteractionRecord).where(col(InteractionRecord.id).in_(ids)))
    session.exec(delete(MailboxSync).where(col(MailboxSync.mailbox_id) == mailbox.id))
    session.delete(mailbox)
    session.flush()
    return touched


def _opportunities_of(session: Session, interaction_ids: list[int | None]) -> set[int]:
    if not interaction_ids:
        return set()
    return set(
        session.exec(
            select(InteractionOpportunity.opportunity_id).where(
                col(InteractionOpportunity.interaction_id).in_(interaction_ids)
            )
        )
    )
