"""The sent-mail source against the fake Graph: backfill, incremental rounds, expiry."""

from __future__ import annotations

import pytest

from capture.base import CursorExpired, Page
from capture.graph_mail import MESSAGE_FIELDS, GraphMailSource, message_interaction
from tests.capture.graph_support import MAILBOX, Running


def _round(graph: Running, cursor: str | None) -> list[Page]:
    with graph.client() as client:
        return list(GraphMailSource(MAILBOX, client=client).pages(cursor))


def test_backfill_over_several_pages_equals_the_mailbox(graph: Running) -> None:
    for n in range(8):
        graph.fake.add_message(
            MAILBOX,
            subject=f"Proposal {n}",
            body=f"Hi Li,\n\nversion {n} attached.\n\n> Budget is approved.",
            to=(f"buyer{n}@buyer.com",),
            cc=("boss@buyer.com",) if n % 2 else (),
            sent=f"2026-03-0{n + 1}T15:04:00Z",
        )

    pages = _round(graph, None)

    served = graph.fake.current("mail", MAILBOX)
    assert len(pages) == 3  # 3 + 3 + 2 at the configured page size of 3
    assert [p.final for p in pages] == [False, False, True]
    assert "$skiptoken=" in (pages[0].cursor or "")
    assert "$deltatoken=" in (pages[-1].cursor or "")
    got = {i.provider_id: i for p in pages for i in p.interactions}
    assert set(got) == set(served)
    for graph_id, message in served.items():
        interaction = got[graph_id]
        assert interaction.id == message["internetMessageId"].strip("<>")
        assert interaction.thread_id == message["conversationId"]
        assert interaction.subject == message["subject"]
        assert interaction.body == message["body"]["content"]
        assert interaction.sent_at.isoformat().replace("+00:00", "Z") == message["sentDateTime"]
        assert interaction.from_ is not None and interaction.from_.email == MAILBOX
        assert [p.email for p in interaction.to] == [
            r["emailAddress"]["address"] for r in message["toRecipients"]
        ]
        assert [p.email for p in interaction.cc] == [
            r["emailAddress"]["address"] for r in message["ccRecipients"]
        ]
        assert interaction.source == "microsoft"
        assert interaction.mailbox == MAILBOX


def test_the_first_request_selects_the_fields_and_prefers_text_bodies(graph: Running) -> None:
    graph.fake.add_message(MAILBOX)
    _round(graph, None)

    (request,) = graph.fake.graph_requests("/messages/delta")
    assert request.path == f"/v1.0/users/{MAILBOX}/mailFolders/sentitems/messages/delta"
    assert set(request.query["$select"].split(",")) == set(MESSAGE_FIELDS)
    assert 'outlook.body-content-type="text"' in request.headers["prefer"]
    assert "odata.maxpagesize=3" in request.headers["prefer"]


def test_next_pages_are_the_links_graph_gave_with_the_prefer_header_again(
    graph: Running,
) -> None:
    for _ in range(4):
        graph.fake.add_message(MAILBOX)
    pages = _round(graph, None)

    first, second = graph.fake.graph_requests("/messages/delta")
    assert pages[0].cursor is not None
    assert second.query == {"$skiptoken": pages[0].cursor.split("$skiptoken=")[1]}
    assert 'outlook.body-content-type="text"' in second.headers["prefer"]
    assert first.query.get("$select")


def test_an_incremental_round_returns_only_what_changed(graph: Running) -> None:
    kept = graph.fake.add_message(MAILBOX, subject="Kept")
    edited = graph.fake.add_message(MAILBOX, subject="Edited")
    deleted = graph.fake.add_message(MAILBOX, subject="Deleted")
    backfill = _round(graph, None)
    cursor = backfill[-1].cursor

    added = graph.fake.add_message(MAILBOX, subject="Added", body="Signed order form attached.")
    graph.fake.change("mail", MAILBOX, edited, subject="Edited again")
    graph.fake.delete("mail", MAILBOX, deleted)
    pages = _round(graph, cursor)

    changed = {i.provider_id: i.subject for p in pages for i in p.interactions}
    assert changed == {added: "Added", edited: "Edited again"}
    assert [r for p in pages for r in p.removed] == [deleted]
    assert kept not in changed
    assert pages[-1].final

    nothing = _round(graph, pages[-1].cursor)
    assert [(p.interactions, p.removed, p.final) for p in nothing] == [([], [], True)]


def test_a_stored_next_link_resumes_the_round_where_it_stopped(graph: Running) -> None:
    for n in range(7):
        graph.fake.add_message(MAILBOX, subject=f"m{n}")
    with graph.client() as client:
        first = next(GraphMailSource(MAILBOX, client=client).pages(None))

    rest = _round(graph, first.cursor)  # e.g. after a crash, from the stored cursor

    subjects = [i.subject for p in [first, *rest] for i in p.interactions]
    assert sorted(subjects) == [f"m{n}" for n in range(7)]
    assert rest[-1].final


@pytest.mark.parametrize(
    ("status", "code"),
    [(410, "SyncStateNotFound"), (400, "syncStateNotFound"), (400, "resyncRequired")],
)
def test_an_expired_delta_token_asks_for_a_full_resync(
    graph: Running, status: int, code: str
) -> None:
    graph.fake.add_message(MAILBOX)
    cursor = _round(graph, None)[-1].cursor
    graph.fake.expire_delta_tokens(status=status, code=code)

    with pytest.raises(CursorExpired, match=code):
        _round(graph, cursor)


def test_an_html_body_becomes_text_when_graph_ignores_the_preference(graph: Running) -> None:
    graph.fake.add_message(MAILBOX, body="Budget is approved.\nThanks & regards")
    with graph.client() as client:
        source = GraphMailSource(MAILBOX, client=client)
        body = client.get(
            f"users/{MAILBOX}/mailFolders/sentitems/messages/delta",
            params={"$select": ",".join(MESSAGE_FIELDS)},
        )
    (item,) = body["value"]
    assert item["body"]["contentType"] == "html"
    interaction = message_interaction(item, mailbox=source.mailbox)
    assert interaction.body == "Budget is approved.\nThanks & regards"
