"""Live sync: each stream of a mailbox read page by page from its provider (capture/base.py), each
page stored with its evidence and its resume cursor in one transaction, so an interruption at any
point resumes from the last stored page: nothing lost, nothing doubled."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from api.errors import NotFound
from api.services.ingest import ImportReport, record_changes, store_batch
from capture.base import CursorExpired, Page, Source
from classifiers.pipeline import EvidenceClassifier
from models.db import session_scope
from models.mailbox import Mailbox
from models.mailbox_sync import MailboxSync
from models.sales_process import SalesProcess
from models.settings import Settings, get_settings
from models.store import remove_provider_items
from models.types import utcnow

log = logging.getLogger(__name__)

# the sources of a mailbox, their clients open while the context lasts
SourceFactory = Callable[[Mailbox], AbstractContextManager[list[Source]]]
MAX_ERROR = 500


@dataclass
class StreamReport:
    stream: str
    pages: int = 0
    removed: int = 0
    full_resync: bool = False
    finished: bool = False
    error: str | None = None


@dataclass
class SyncReport:
    mailbox: str
    skipped: str | None = None  # why nothing was read (a paused mailbox)
    streams: list[StreamReport] = field(default_factory=list)
    items: ImportReport = field(default_factory=ImportReport)

    @property
    def ok(self) -> bool:
        return all(s.error is None for s in self.streams)


def sync_mailbox(
    *,
    email: str,
    engine: Engine,
    classifier: EvidenceClassifier,
    process: SalesProcess,
    sources_for: SourceFactory,
    full: bool = False,
    streams: Iterable[str] | None = None,
    now: Callable[[], datetime] = utcnow,
    on_page: Callable[[str, Page], None] | None = None,
    settings: Settings | None = None,
) -> SyncReport:
    """Sync one mailbox's streams (all, or `streams`); `full` ignores the stored cursors.

    A stream that fails is recorded (last error) and the others still run; the report says which.
    """
    settings = settings or get_settings()
    wanted = set(streams) if streams else None
    with session_scope(engine) as session:
        mailbox = session.exec(select(Mailbox).where(Mailbox.email == email.lower())).first()
        if mailbox is None:
            raise NotFound(f"no mailbox {email}")
    report = SyncReport(mailbox=mailbox.email)
    if mailbox.paused:
        report.skipped = "paused"
        return report
    with ExitStack() as stack:
        try:
            sources = stack.enter_context(sources_for(mailbox))
        except Exception as exc:  # no credentials, bad settings: the mailbox's health shows it
            _record_failure(engine, mailbox=mailbox, error=_one_line(exc), now=now(), report=report)
            return report
        for source in sources:
            if wanted is not None and source.stream not in wanted:
                continue
            stream = StreamReport(source.stream)
            report.streams.append(stream)
            _StreamSync(
                engine, mailbox, source, stream, classifier, report.items, now, on_page, settings
            ).run(full=full)
    report.items.stage_changes = record_changes(
        engine, opportunity_ids=report.items.opportunity_ids, process=process, as_of=now()
    )
    return report


@dataclass
class _StreamSync:
    """One stream of one mailbox, synced from its stored cursor."""

    engine: Engine
    mailbox: Mailbox
    source: Source
    report: StreamReport
    classifier: EvidenceClassifier
    items: ImportReport
    now: Callable[[], datetime]
    on_page: Callable[[str, Page], None] | None
    settings: Settings

    def run(self, *, full: bool) -> None:
        state_id, cursor, round_started = _begin(
            self.engine, mailbox=self.mailbox, stream=self.source.stream, now=self.now()
        )
        refresh = getattr(self.source, "refresh_after", None)
        if refresh is not None and round_started is not None:
            full = full or self.now() - round_started > refresh
        try:
            try:
                self.read(state_id, None if full else cursor)
            except CursorExpired:
                log.warning(
                    "%s %s: the provider no longer accepts the stored cursor; full resync",
                    self.mailbox.email,
                    self.source.stream,
                )
                self.report.full_resync = True
                with session_scope(self.engine) as session:
                    state = session.get_one(MailboxSync, state_id)
                    state.full_resyncs += 1
                    state.cursor = None
                self.read(state_id, None)
        except Exception as exc:  # recorded and shown in health; the other streams still run
            self.report.error = _one_line(exc)
            log.error(
                "sync of %s %s failed: %s",
                self.mailbox.email,
                self.source.stream,
                self.report.error,
            )
            with session_scope(self.engine) as session:
                state = session.get_one(MailboxSync, state_id)
                state.last_error = self.report.error
                state.last_error_at = self.now()

    def read(self, state_id: int, cursor: str | None) -> None:
        if cursor is None:
            with session_scope(self.engine) as session:
                session.get_one(MailboxSync, state_id).round_started_at = self.now()
        for page in self.source.pages(cursor):
            with session_scope(self.engine) as session:
                # the page, its evidence and the cursor after it: one transaction
                store_batch(
                    session,
                    list(page.interactions),
                    classifier=self.classifier,
                    report=self.items,
                    settings=self.settings,
                )
                owner = session.get_one(Mailbox, self.mailbox.id)
                touched = remove_provider_items(
                    session, mailbox=owner, provider_ids=page.removed, removed_at=self.now()
                )
                self.items.opportunity_ids.update(touched)
                state = session.get_one(MailboxSync, state_id)
                if page.cursor is not None:
                    state.cursor = page.cursor
                state.items_synced += len(page.interactions)
                if page.final:
                    state.last_success_at = self.now()
                    state.last_error = None
                    owner.last_import_at = state.last_success_at
            self.report.pages += 1
            self.report.removed += len(page.removed)
            self.report.finished = page.final
            if self.on_page:
                self.on_page(self.source.stream, page)


def _one_line(exc: Exception) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:MAX_ERROR]


def _record_failure(
    engine: Engine, *, mailbox: Mailbox, error: str, now: datetime, report: SyncReport
) -> None:
    """A mailbox whose provider could not even be reached: every stream records the error."""
    log.error("sync of %s failed before reading: %s", mailbox.email, error)
    with session_scope(engine) as session:
        for name in ("mail", "calendar"):
            state = stream_state(session, mailbox_id=mailbox.id, stream=name)
            state.last_attempt_at = state.last_error_at = now
            state.last_error = error
            report.streams.append(StreamReport(name, error=error))


def _begin(
    engine: Engine, *, mailbox: Mailbox, stream: str, now: datetime
) -> tuple[int, str | None, datetime | None]:
    """The stream's state row (made on first sync), marked as attempted; its id, cursor and
    when its current round began."""
    with session_scope(engine) as session:
        state = stream_state(session, mailbox_id=mailbox.id, stream=stream)
        state.last_attempt_at = now
        session.add(state)
        session.flush()
        assert state.id is not None
        return state.id, state.cursor, state.round_started_at


def stream_state(session: Session, *, mailbox_id: int | None, stream: str) -> MailboxSync:
    state = session.exec(
        select(MailboxSync).where(
            MailboxSync.mailbox_id == mailbox_id, MailboxSync.stream == stream
        )
    ).first()
    if state is None:
        assert mailbox_id is not None
        state = MailboxSync(mailbox_id=mailbox_id, stream=stream)
        session.add(state)
        session.flush()
    return state
