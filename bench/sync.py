"""Benchmark: a Microsoft 365 backfill from the fake Graph server into PostgreSQL.

Seeds the fake Graph (tests/fakes/graph.py, served over TLS on localhost by a separate process,
as Graph is another machine) with N sent messages of realistic length (bench/mailgen.py) and M
calendar events, then times the whole live path:
msal token, delta paging over HTTPS, mapping, classification, storing with evidence and cursor
per page, and the stage updates, into a fresh PostgreSQL schema. As the baseline, the same
process then times classification alone of the same interactions, so the figures say how much
of the sync is the classifier.
Run: .venv/bin/python -m bench.sync [--messages 20000] [--events 2000] [--page-size 100]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import trustme
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, text

from bench.mailgen import generate
from tests.fakes.graph import FakeGraph
from tests.fakes.server import serve

POSTGRES = os.environ.get(
    "PROOFSTAGE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
MAILBOX = "ana@seller.com"


def seed(fake: FakeGraph, messages: int, events: int) -> None:
    now = datetime.now(UTC)
    for mail in generate(messages, seed=11):
        fake.add_message(
            MAILBOX,
            subject=mail.subject,
            body=mail.body,
            to=tuple(p.email for p in mail.to),
            sent=mail.sent_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            internet_message_id=f"<{mail.id}>",
        )
    for n in range(events):
        start = now + timedelta(days=(n % 300) - 150, hours=n % 9)
        fake.add_event(
            MAILBOX,
            subject=("Product demo" if n % 3 == 0 else "Discovery call") + f" #{n}",
            start=start.strftime("%Y-%m-%dT%H:%M:%S"),
            end=(start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
            attendees={f"buyer{n % 40}@client{n % 40}.com": "accepted"},
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--page-size", type=int, default=100)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(work / "ca.pem"))
    ca.issue_cert("localhost", "127.0.0.1").private_key_and_cert_chain_pem.write_to_path(
        str(work / "server.pem")
    )
    context = multiprocessing.get_context("fork")
    ready: multiprocessing.Queue = context.Queue()
    server = context.Process(
        target=_serve_fake,
        args=(args.messages, args.events, args.page_size, work / "server.pem", ready),
        daemon=True,
    )
    server.start()
    base, fake = ready.get(timeout=600)
    print(f"fake Graph at {base}, seeded with {args.messages} messages, {args.events} events")
    try:
        _bench(args, work, base, fake)
    finally:
        server.terminate()


def _serve_fake(
    messages: int, events: int, page_size: int, pem: Path, ready: multiprocessing.Queue
) -> None:
    fake = FakeGraph(default_page_size=page_size)
    seed(fake, messages, events)
    with serve(fake.app, certfile=pem, keyfile=pem) as base:
        ready.put(
            (
                base,
                {
                    "tenant": fake.tenant,
                    "client_id": fake.client_id,
                    "client_secret": fake.client_secret,
                },
            )
        )
        while True:
            time.sleep(3600)


def _bench(args: argparse.Namespace, work: Path, base: str, fake: dict[str, str]) -> None:
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    os.environ.update(
        {
            "PROOFSTAGE_MS_TENANT_ID": fake["tenant"],
            "PROOFSTAGE_MS_CLIENT_ID": fake["client_id"],
            "PROOFSTAGE_MS_CLIENT_SECRET": fake["client_secret"],
            "PROOFSTAGE_MS_AUTHORITY_HOST": base,
            "PROOFSTAGE_MS_GRAPH_URL": f"{base}/v1.0",
            "PROOFSTAGE_MS_CA_BUNDLE": str(work / "ca.pem"),
            "PROOFSTAGE_MS_PAGE_SIZE": str(args.page_size),
            "PROOFSTAGE_DATABASE_URL": url,
            "PROOFSTAGE_SECRET_KEY": Fernet.generate_key().decode(),
        }
    )
    from api.services.live import _classifier, run_sync
    from api.services.mailboxes import connect
    from models.db import get_engine, migrate, session_scope
    from models.settings import get_settings

    get_settings.cache_clear()
    migrate(url)
    with session_scope(get_engine(url)) as session:
        connect(session, email=MAILBOX, provider="microsoft")
    classifier = _classifier()  # loaded before the clock starts, as a worker has it
    pages = 0

    def count(_stream: str, _page: object) -> None:
        nonlocal pages
        pages += 1

    wall, cpu = time.perf_counter(), time.process_time()
    report = run_sync(email=MAILBOX, on_page=count)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert report.ok, [s.error for s in report.streams]
    stored = report.items.statuses["added"]

    mails = generate(args.messages, seed=11)
    baseline = time.perf_counter()
    for _ in classifier.classify_many(mails):
        pass
    baseline = time.perf_counter() - baseline
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))

    total = args.messages + args.events
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"sync: {total} interactions ({stored} stored, {pages} pages, "
        f"{report.items.stage_changes} stage changes) in {wall:.1f} s wall, {cpu:.1f} s CPU"
    )
    print(f"  {args.messages / wall:,.0f} messages/s, {total / wall:,.0f} interactions/s (wall)")
    print(
        f"baseline, classify_many alone on the {args.messages} messages: {baseline:.1f} s "
        f"({args.messages / baseline:,.0f}/s); classification is {baseline / wall:.0%} of the sync"
    )
    print(f"peak RSS {peak:.0f} MB of the syncing process; target: under 30 s")


if __name__ == "__main__":
    main()
