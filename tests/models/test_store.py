"""Storing interactions: matching to accounts and opportunities; importing twice adds nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from capture.interaction import Interaction
from classifiers.evidence import Evidence, Kind
from models.account import Account, AccountDomain, Contact
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.opportunity import InteractionOpportunity, Opportunity
from models.store import mailbox_for, store_interaction

SENT = datetime(2026, 3, 2, 15, 4, tzinfo=UTC)


def email(id: str = "m-1", to: list[str] = ("li@buyer.com",), body: str = "Hello") -> Interaction:  # type: ignore[assignment]
    return Interaction.model_validate(
        {
            "id": id,
            "type": "email",
            "mailbox": "ana@seller.com",
            "sent_at": SENT.isoformat(),
            "subject": "Re: pricing",
            "from": {"email": "ana@seller.com", "name": "Ana"},
            "to": [{"email": e} for e in to],
            "body": body,
        }
    )


def budget() -> list[Evidence]:
    return [
        Evidence(
            kind=Kind.budget_confirmed, confidence=0.9, quote="Budget is approved", observed_at=SENT
        )
    ]


def counts(session: Session) -> dict[str, int]:
    tables = {
        "interactions": InteractionRecord,
        "evidence": EvidenceRecord,
        "accounts": Account,
        "opportunities": Opportunity,
        "contacts": Contact,
        "links": InteractionOpportunity,
    }
    return {
        name: session.exec(select(func.count()).select_from(t)).one() for name, t in tables.items()
    }


def store(session: Session, interaction: Interaction, evidence: list[Evidence]):  # type: ignore[no-untyped-def]
    mailbox = mailbox_for(session, email=interaction.mailbox)
    return store_interaction(session, mailbox=mailbox, interaction=interaction, evidence=evidence)


def test_first_interaction_creates_account_contact_and_opportunity(engine):
    with Session(engine) as session:
        stored = store(session, email(), budget())
        session.commit()
        assert stored.status == "added"
        assert counts(session) == {
            "interactions": 1,
            "evidence": 1,
            "accounts": 1,
            "opportunities": 1,
            "contacts": 1,
            "links": 1,
        }
        domain = session.exec(select(AccountDomain)).one()
        assert domain.domain == "buyer.com"
        opportunity = session.exec(select(Opportunity)).one()
        assert opportunity.owner == "ana@seller.com"
        assert stored.opportunity_ids == [opportunity.id]


def test_storing_the_same_interaction_twice_adds_nothing(engine):
    with Session(engine) as session:
        store(session, email(), budget())
        session.commit()
        before = counts(session)
        again = store(session, email(), budget())
        session.commit()
        assert again.status == "unchanged"
        assert counts(session) == before


def test_a_changed_interaction_replaces_its_evidence(engine):
    with Session(engine) as session:
        store(session, email(), budget())
        session.commit()
        changed = store(session, email(body="Changed: cancelled"), [])
        session.commit()
        assert changed.status == "updated"
        assert counts(session)["evidence"] == 0
        assert counts(session)["interactions"] == 1


def test_internal_mail_is_skipped(engine):
    with Session(engine) as session:
        stored = store(session, email(to=["bo@seller.com", "cy@eu.seller.com"]), budget())
        session.commit()
        assert stored.status == "internal"
        assert counts(session)["interactions"] == 0


def test_free_mail_is_a_contact_not_an_account(engine):
    with Session(engine) as session:
        store(session, email(to=["consultant@gmail.com", "li@buyer.com"]), [])
        session.commit()
        contacts = {c.email: c.account_id for c in session.exec(select(Contact))}
        assert contacts["consultant@gmail.com"] is None
        assert contacts["li@buyer.com"] is not None
        assert counts(session)["accounts"] == 1


def test_two_buyer_domains_link_two_opportunities(engine):
    with Session(engine) as session:
        stored = store(session, email(to=["li@buyer.com", "jo@partner.org"]), [])
        session.commit()
        assert len(stored.opportunity_ids) == 2
        assert counts(session)["links"] == 2


def test_mail_matches_an_opportunity_a_crm_loaded(engine):
    from datetime import date

    from models.opportunity import OpportunityCreate
    from models.store import load_opportunity

    with Session(engine) as session:
        row = OpportunityCreate(
            crm_id="006A",
            name="Buyer renewal",
            account_domain="Buyer.com",
            amount=12000,
            close_date=date(2026, 6, 30),
            owner="ana@seller.com",
        )
        loaded = load_opportunity(session, seller_domain="seller.com", row=row)
        again = load_opportunity(
            session, seller_domain="seller.com", row=row.model_copy(update={"amount": 15000})
        )
        session.commit()
        assert again.id == loaded.id and again.amount == 15000
        stored = store(session, email(), [])
        session.commit()
        assert stored.opportunity_ids == [loaded.id]
        assert counts(session)["opportunities"] == 1
