"""The sync job over a provider's pages: cursors committed with their page, interruptions resumed,
expired cursors resynced, deletions applied, paused and excluded mail never read."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from api.services.sync import sync_mailbox
from capture.base import CursorExpired, Page
from capture.interaction import Attendee, Interaction, Person
from classifiers.pipeline import default_classifier
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.sales_process import shipped_process
from models.settings import Settings
from models.store import mailbox_for, remove_mailbox

REP = "ana@seller.com"
NOW = datetime(2026, 3, 20, tzinfo=UTC)


def mail(
    n: int,
    body: str = "Thanks Li.\n\nOn Mon, Li Wei <li@buyer.com> wrote:\n> Budget is approved for Q3.",
) -> Interaction:
    return Interaction(
        id=f"m-{n}@seller.com",
        provider_id=f"g{n}",
        type="email",
        mailbox=REP,
        sent_at=datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=n),
        subject=f"Re: pricing {n}",
        from_=Person(email=REP),
        to=[Person(email="li@buyer.com", name="Li Wei")],
        body=body,
        source="graph",
    )


def event(n: int, status: str = "confirmed") -> Interaction:
    start = datetime(2026, 3, 10, 16, tzinfo=UTC)
    return Interaction(
        id=f"ev-{n}",
        provider_id=f"e{n}",
        type="event",
        mailbox=REP,
        sent_at=datetime(2026, 3, 2, tzinfo=UTC),
        subject="Discovery call",
        start=start,
        end=start + timedelta(hours=1),
        status=status,
        organizer=Person(email=REP),
        attendees=[Attendee(email="li@buyer.com", response="accepted")],
        source="graph",
    )


@dataclass
class ListSource:
    """A provider whose rounds are lists of pages; the cursor is the index of the next page."""

    stream: str
    rounds: list[list[Page]]
    provider: str = "microsoft"
    refresh_after: timedelta | None = None
    fail_at: int | None = None  # raise before serving the page with this index, once
    expired: bool = False
    served: list[str | None] = field(default_factory=list)

    def pages(self, cursor: str | None) -> Iterator[Page]:
        self.served.append(cursor)
        if cursor is not None and self.expired:
            self.expired = False
            raise CursorExpired("410 syncStateNotFound")
        flat = [p for r in self.rounds for p in r]
        start = int(cursor) if cursor else 0
        for index in range(start, len(flat)):
            if self.fail_at == index:
                self.fail_at = None
                raise ConnectionError("connection reset")
            page = flat[index]
            yield Page(page.interactions, page.removed, str(index + 1), page.final)
            if page.final:
                return


@pytest.fixture(scope="module")
def classifier():
    return default_classifier()


def _mailbox(engine, paused: bool = False) -> None:
    with Session(engine) as session:
        box = mailbox_for(session, email=REP, provider="microsoft")
        box.paused = paused
        session.add(box)
        session.commit()


def _sync(engine, classifier, source, *, at=NOW, **kwargs):
    return sync_mailbox(
        email=REP,
        engine=engine,
        classifier=classifier,
        process=shipped_process(),
        sources_for=lambda _: nullcontext([source]),
        now=lambda: at,
        settings=kwargs.pop("settings", Settings()),
        **kwargs,
    )


def _stored(engine) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    with Session(engine) as session:
        interactions = {
            (r.source_id, r.content_hash) for r in session.exec(select(InteractionRecord))
        }
        evidence = {
            (session.get_one(InteractionRecord, e.interaction_id).source_id, e.kind)
            for e in session.exec(select(EvidenceRecord))
        }
    return interactions, evidence


def _backfill() -> list[list[Page]]:
    pages = [Page([mail(3 * p + i) for i in range(3)]) for p in range(4)]
    pages.append(Page([event(1)], final=True))
    return [pages]


def test_a_backfill_stores_every_page_and_the_final_cursor(engine, classifier):
    _mailbox(engine)
    source = ListSource("mail", _backfill())
    report = _sync(engine, classifier, source)
    assert report.ok and report.streams[0].finished and report.streams[0].pages == 5
    interactions, evidence = _stored(engine)
    assert len(interactions) == 13
    assert ("m-4@seller.com", "budget_confirmed") in evidence
    with Session(engine) as session:
        state = session.exec(select(MailboxSync)).one()
        assert state.cursor == "5" and state.last_success_at == NOW and state.items_synced == 13
        assert all(r.body == "" for r in session.exec(select(InteractionRecord)))


@pytest.mark.parametrize("seed", range(6))
def test_an_interrupted_sync_resumes_to_the_same_result(engine, classifier, seed):
    _mailbox(engine)
    whole = ListSource("mail", _backfill())
    _sync(engine, classifier, whole)
    expected = _stored(engine)
    with Session(engine) as session:  # start again from nothing, breaking at random pages
        remove_mailbox(session, mailbox=session.exec(select(Mailbox)).one())
        session.commit()
    assert _stored(engine) == (set(), set())
    _mailbox(engine)
    rng = random.Random(seed)
    source = ListSource("mail", _backfill())
    failures = 0
    while True:
        source.fail_at = rng.randrange(0, 6)
        report = _sync(engine, classifier, source)
        if report.ok and report.streams[0].finished:
            break
        failures += 1
        assert report.streams[0].error and "connection reset" in report.streams[0].error
    assert _stored(engine) == expected
    with Session(engine) as session:
        state = session.exec(select(MailboxSync)).one()
        assert state.last_error is None
    # each rerun resumed from the last stored page, never from the start again
    resumed_at = [int(cursor or 0) for cursor in source.served]
    assert len(resumed_at) == failures + 1 and resumed_at == sorted(resumed_at)


def test_an_expired_cursor_reads_everything_again(engine, classifier):
    _mailbox(engine)
    source = ListSource("mail", _backfill())
    _sync(engine, classifier, source)
    source.expired = True
    report = _sync(engine, classifier, source)
    assert report.streams[0].full_resync and report.ok
    assert source.served[-1] is None
    assert report.items.statuses["unchanged"] == 13
    with Session(engine) as session:
        assert session.exec(select(MailboxSync)).one().full_resyncs == 1


def test_a_removed_event_withdraws_its_evidence_and_a_deleted_message_keeps_its(engine, classifier):
    _mailbox(engine)
    rounds = _backfill()
    rounds.append([Page(removed=["e1", "g0"], final=True)])
    source = ListSource("mail", rounds)
    _sync(engine, classifier, source)
    assert ("ev-1", "meeting_scheduled") in _stored(engine)[1]
    _sync(engine, classifier, source)
    _, evidence = _stored(engine)
    assert not any(source_id == "ev-1" for source_id, _ in evidence)
    assert ("m-0@seller.com", "budget_confirmed") in evidence
    with Session(engine) as session:
        deleted = {r.source_id: r.deleted_at for r in session.exec(select(InteractionRecord))}
    assert deleted["m-0@seller.com"] == NOW and deleted["ev-1"] == NOW
    assert deleted["m-1@seller.com"] is None


def test_a_paused_mailbox_is_not_read(engine, classifier):
    _mailbox(engine, paused=True)
    source = ListSource("mail", _backfill())
    report = _sync(engine, classifier, source)
    assert report.skipped == "paused" and source.served == []


def test_excluded_addresses_are_never_stored(engine, classifier):
    _mailbox(engine)
    source = ListSource("mail", _backfill())
    report = _sync(engine, classifier, source, settings=Settings(exclude_domains="buyer.com"))
    assert report.items.statuses["excluded"] == 13
    assert _stored(engine) == (set(), set())


def test_bodies_are_kept_only_when_asked(engine, classifier):
    _mailbox(engine)
    _sync(engine, classifier, ListSource("mail", _backfill()), settings=Settings(keep_bodies=True))
    with Session(engine) as session:
        bodies = [r.body for r in session.exec(select(InteractionRecord)) if r.type == "email"]
    assert bodies and all("Budget is approved" in b for b in bodies)


def test_an_unknown_mailbox_is_a_clear_error(engine, classifier):
    from api.errors import NotFound

    with pytest.raises(NotFound, match="no mailbox"):
        _sync(engine, classifier, ListSource("mail", _backfill()))
    with Session(engine) as session:
        assert session.exec(select(Mailbox)).all() == []


def test_a_round_older_than_the_refresh_age_is_read_from_scratch(engine, classifier):
    _mailbox(engine)
    source = ListSource("calendar", [[Page([event(1)], final=True)]] * 3)
    source.refresh_after = timedelta(days=7)
    _sync(engine, classifier, source)
    _sync(engine, classifier, source)  # the same day: from the cursor
    assert source.served == [None, "1"]
    later = NOW + timedelta(days=8)
    _sync(engine, classifier, source, at=later)
    assert source.served[-1] is None
    with Session(engine) as session:
        assert session.exec(select(MailboxSync)).one().round_started_at == later
