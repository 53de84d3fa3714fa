"""The whole pipeline on the bundled sample: files -> interactions -> evidence -> stage -> API."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.services.ingest import import_interactions
from capture.files import read_paths
from capture.interaction import Interaction
from classifiers.pipeline import default_classifier
from models.evidence import EvidenceRecord
from models.interaction import InteractionRecord
from models.opportunity import Opportunity, StageChange
from models.sales_process import shipped_process

SAMPLE = Path(__file__).resolve().parents[2] / "api" / "sample"
AS_OF = datetime.fromisoformat(
    yaml.safe_load((SAMPLE / "sample.yml").read_text())["as_of"].replace("Z", "+00:00")
)


def _import(engine):  # type: ignore[no-untyped-def]
    return import_interactions(
        read_paths([SAMPLE]),
        engine=engine,
        classifier=default_classifier(),
        process=shipped_process(),
        as_of=AS_OF,
    )


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return {
            t.__name__: session.exec(select(func.count()).select_from(t)).one()
            for t in (InteractionRecord, EvidenceRecord, Opportunity, StageChange)
        }


@pytest.fixture
def imported(engine, api) -> tuple[TestClient, object]:
    first = _import(engine)
    assert first.problems == []
    assert first.statuses["added"] > 0
    return api, first


def test_importing_the_sample_twice_leaves_the_same_rows(engine, imported):
    _, first = imported
    before = _counts(engine)
    second = _import(engine)
    assert second.statuses["added"] == second.statuses["updated"] == 0
    assert second.statuses["unchanged"] == first.statuses["added"]
    assert _counts(engine) == before


def test_internal_mail_is_skipped_and_free_mail_makes_no_opportunity(engine, imported):
    _, first = imported
    expected = yaml.safe_load((SAMPLE / "expected.yml").read_text())
    assert first.statuses["internal"] >= 1
    assert _counts(engine)["Opportunity"] == len(expected["deals"])


def test_the_api_shows_each_sample_deal_with_quoted_proof(engine, imported):
    api, _ = imported
    rows = api.get("/opportunities", params={"as_of": AS_OF.isoformat()}).json()
    expected = yaml.safe_load((SAMPLE / "expected.yml").read_text())["deals"]
    assert {r["account"]["domains"][0]: r["stage"] for r in rows} == {
        d: v["stage"] for d, v in expected.items()
    }
    # bodies are not stored by default (privacy): the quotes are checked against the files
    bodies = {
        i.id: f"{i.subject}\n{i.body}" for i in read_paths([SAMPLE]) if isinstance(i, Interaction)
    }
    quotes = 0
    for row in rows:
        detail = api.get(f"/opportunities/{row['id']}", params={"as_of": AS_OF.isoformat()}).json()
        for criterion in detail["criteria"]:
            for proof in criterion["evidence"]:
                assert proof["source_id"] in bodies
                if proof["interaction_type"] == "email":
                    assert proof["quote"] in bodies[proof["source_id"]]
                    quotes += 1
    assert quotes > 10
