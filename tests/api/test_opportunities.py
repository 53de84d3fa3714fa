"""The API over a real database: stages, proof with quotes, filters, timeline and JSON errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from capture.interaction import Interaction
from classifiers.evidence import Evidence, Kind, Meeting
from models.assessments import record_stage_changes
from models.sales_process import shipped_process
from models.store import mailbox_for, store_interaction

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
AS_OF = "2026-04-01T00:00:00Z"


def _email(id: str, rep: str, buyer: str, day: int) -> Interaction:
    return Interaction.model_validate(
        {
            "id": id,
            "type": "email",
            "mailbox": rep,
            "sent_at": (T0 + timedelta(days=day)).isoformat(),
            "subject": f"subject {id}",
            "from": {"email": rep},
            "to": [{"email": buyer}],
            "body": "...",
        }
    )


def _seed(session: Session) -> dict[str, int]:
    """Two deals: acme with a demo on the calendar and budget confirmed; globex with nothing."""
    ids = {}
    for rep, buyer, name in [
        ("ana@seller.com", "li@acme.com", "acme"),
        ("bo@seller.com", "kim@globex.com", "globex"),
    ]:
        mailbox = mailbox_for(session, email=rep)
        stored = store_interaction(
            session, mailbox=mailbox, interaction=_email(f"{name}-1", rep, buyer, 0), evidence=[]
        )
        ids[name] = stored.opportunity_ids[0]
    mailbox = mailbox_for(session, email="ana@seller.com")
    demo_start = T0 + timedelta(days=5)
    meeting = Meeting(start=demo_start, end=demo_start + timedelta(hours=1), category="demo")
    store_interaction(
        session,
        mailbox=mailbox,
        interaction=_email("acme-2", "ana@seller.com", "li@acme.com", 1),
        evidence=[
            Evidence(
                kind=Kind.meeting_scheduled,
                confidence=0.95,
                quote="li@acme.com accepted",
                observed_at=T0 + timedelta(days=1),
                meeting=meeting,
            )
        ],
    )
    store_interaction(
        session,
        mailbox=mailbox,
        interaction=_email("acme-3", "ana@seller.com", "li@acme.com", 10),
        evidence=[
            Evidence(
                kind=Kind.budget_confirmed,
                confidence=0.9,
                quote="Budget is approved for Q3.",
                observed_at=T0 + timedelta(days=10),
                speaker="li@acme.com",
            )
        ],
    )
    record_stage_changes(
        session,
        opportunity_ids=ids.values(),
        process=shipped_process(),
        as_of=T0 + timedelta(days=30),
    )
    return ids


@pytest.fixture
def client(engine, api) -> tuple[TestClient, dict[str, int]]:
    with Session(engine, expire_on_commit=False) as session:
        ids = _seed(session)
        session.commit()
    return api, ids


def test_list_shows_inferred_stages(client):
    api, ids = client
    rows = {r["id"]: r for r in api.get("/opportunities", params={"as_of": AS_OF}).json()}
    assert rows[ids["acme"]]["stage"] == "engagement"
    assert rows[ids["acme"]]["proven"] == ["discovery_scheduled", "budget_confirmed"]
    assert rows[ids["globex"]]["stage"] == "awareness"
    assert rows[ids["globex"]]["account"]["domains"] == ["globex.com"]


def test_filters_on_proven_missing_owner_and_stage(client):
    api, ids = client

    def names(**params):  # type: ignore[no-untyped-def]
        return [
            r["id"] for r in api.get("/opportunities", params={"as_of": AS_OF, **params}).json()
        ]

    assert names(proven="budget_confirmed") == [ids["acme"]]
    assert names(missing="budget_confirmed") == [ids["globex"]]
    assert names(owner="bo@seller.com") == [ids["globex"]]
    assert names(stage="engagement") == [ids["acme"]]
    assert names(stage="decision") == []


def test_detail_shows_proof_with_source_and_quote(client):
    api, ids = client
    detail = api.get(f"/opportunities/{ids['acme']}", params={"as_of": AS_OF}).json()
    budget = next(c for c in detail["criteria"] if c["id"] == "budget_confirmed")
    assert budget["proven"]
    [proof] = budget["evidence"]
    assert proof["quote"] == "Budget is approved for Q3."
    assert proof["source_id"] == "acme-3"
    assert proof["speaker"] == "li@acme.com"
    assert detail["missing"] == ["demo_and_next_step", "technical_and_next_step"]


def test_calendar_evidence_is_judged_at_as_of(client):
    api, ids = client
    before = api.get(
        f"/opportunities/{ids['acme']}/timeline", params={"as_of": "2026-03-04T00:00:00Z"}
    ).json()
    after = api.get(f"/opportunities/{ids['acme']}/timeline", params={"as_of": AS_OF}).json()
    assert [s["kinds"] for s in before if s["source_id"] == "acme-2"] == [["meeting_scheduled"]]
    assert [s["kinds"] for s in after if s["source_id"] == "acme-2"] == [
        ["demo_held", "meeting_scheduled"]
    ]


def test_timeline_movements(client):
    api, ids = client
    steps = api.get(f"/opportunities/{ids['acme']}/timeline", params={"as_of": AS_OF}).json()
    assert [(s["source_id"], s["movement"]) for s in steps] == [
        ("acme-1", "pending"),
        ("acme-2", "advance"),
        ("acme-3", "continuance"),
    ]


def test_evidence_endpoint_and_kind_filter(client):
    api, ids = client
    rows = api.get(f"/opportunities/{ids['acme']}/evidence").json()
    assert [r["kind"] for r in rows] == ["budget_confirmed", "meeting_scheduled"]
    only = api.get(
        f"/opportunities/{ids['acme']}/evidence", params={"kind": "budget_confirmed"}
    ).json()
    assert [r["quote"] for r in only] == ["Budget is approved for Q3."]


def test_changes_feed_pages_by_cursor(client):
    api, ids = client
    changes = api.get("/changes").json()
    assert {c["opportunity_id"]: c["stage"] for c in changes} == {
        ids["acme"]: "engagement",
        ids["globex"]: "awareness",
    }
    assert api.get("/changes", params={"after": changes[-1]["id"]}).json() == []


def test_errors_are_json_that_says_what_was_wrong(client):
    api, _ = client
    missing = api.get("/opportunities/999999")
    assert missing.status_code == 404
    assert missing.json() == {"error": "NotFound", "detail": "no opportunity with id 999999"}
    bad = api.get("/opportunities", params={"proven": "budget_confirmd"})
    assert bad.status_code == 422
    assert "unknown criteria ['budget_confirmd']" in bad.json()["detail"]
    wrong_type = api.get("/opportunities/abc")
    assert wrong_type.status_code == 422
    assert wrong_type.json()["error"] == "ValidationError"
    assert api.get("/opportunities", params={"process": "nope"}).json()["error"] == "BadRequest"


def test_process_health_and_openapi(client):
    api, _ = client
    assert [s["id"] for s in api.get("/process").json()["stages"]][0] == "awareness"
    assert (
        api.get("/process", params={"process": "buyer_milestones"}).json()["id"]
        == "buyer_milestones"
    )
    assert api.get("/health").json()["database"] == "ok"
    paths = api.get("/openapi.json").json()["paths"]
    assert {
        "/opportunities",
        "/opportunities/{opportunity_id}",
        "/opportunities/{opportunity_id}/timeline",
        "/opportunities/{opportunity_id}/evidence",
        "/process",
        "/changes",
        "/health",
    } <= set(paths)
