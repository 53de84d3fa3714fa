"""The `proofstage` command as users and the outside evaluation run it: real processes and files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from models.sales_process import shipped_process

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "api" / "sample"
EXAMPLES = ROOT.parent / "shared" / "spec" / "examples.jsonl"


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.mark.skipif(not EXAMPLES.exists(), reason=f"{EXAMPLES} is not beside this checkout")
def test_classify_examples_one_line_per_input_in_order():
    result = run("classify", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    rows = lines(result.stdout)
    inputs = [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]
    assert [r["id"] for r in rows] == [i["id"] for i in inputs]
    by_id = {r["id"]: r for r in rows}
    assert [(e["kind"], e["quote"]) for e in by_id["m-001"]["evidence"]] == [
        ("budget_confirmed", "Budget is approved for Q3.")
    ]
    assert [e["kind"] for e in by_id["e-001"]["evidence"]] == ["meeting_scheduled"]
    assert by_id["m-002"]["evidence"] == []


def test_classify_bad_lines_give_error_lines_and_the_rest_goes_on():
    good = {
        "id": "ok-1",
        "type": "email",
        "mailbox": "ana@seller.com",
        "sent_at": "2026-03-02T15:04:00Z",
        "subject": "Re: pricing",
        "from": {"email": "ana@seller.com"},
        "to": [{"email": "li@buyer.com"}],
        "body": "Thanks!\n\nOn Mon, Li Wei <li@buyer.com> wrote:\n> Budget is approved for Q3.",
    }
    missing_time = {k: v for k, v in good.items() if k != "sent_at"} | {"id": "bad-2"}
    stdin = "\n".join(
        [json.dumps(good), "{not json", json.dumps(missing_time), json.dumps(good | {"id": "ok-4"})]
    )
    result = run("classify", "-", stdin=stdin + "\n")
    assert result.returncode == 0, result.stderr
    rows = lines(result.stdout)
    assert [r["id"] for r in rows] == ["ok-1", None, "bad-2", "ok-4"]
    assert "error" in rows[1] and "error" in rows[2]
    assert "sent_at" in rows[2]["error"]
    assert rows[3]["evidence"] == rows[0]["evidence"] != []
    assert "truncated" not in rows[0]


def test_classify_says_when_a_huge_body_was_cut():
    body = "Thanks!\n\nOn Mon, Li Wei <li@buyer.com> wrote:\n> Budget is approved for Q3.\n"
    huge = body + "x" * 150_000
    line = {
        "id": "big-1",
        "type": "email",
        "mailbox": "ana@seller.com",
        "sent_at": "2026-03-02T15:04:00Z",
        "to": [{"email": "li@buyer.com"}],
        "body": huge,
    }
    result = run("classify", "-", stdin=json.dumps(line) + "\n")
    assert result.returncode == 0, result.stderr
    (row,) = lines(result.stdout)
    assert row["truncated"] == {"read": 100_000, "of": len(huge)}
    assert [e["kind"] for e in row["evidence"]] == ["budget_confirmed"]


def test_assess_json_prints_every_sample_opportunity_with_its_expected_stage():
    expected = yaml.safe_load((SAMPLE / "expected.yml").read_text())
    as_of = yaml.safe_load((SAMPLE / "sample.yml").read_text())["as_of"]
    result = run("assess", str(SAMPLE), "--json", "--as-of", str(as_of))
    assert result.returncode == 0, result.stderr
    rows = {r["account_domains"][0]: r for r in lines(result.stdout)}
    stages = {s.id for s in shipped_process().stages}
    assert all(r["stage"] in stages for r in rows.values())
    deals = expected["deals"]
    assert {d: rows[d]["stage"] for d in deals} == {d: deals[d]["stage"] for d in deals}
    assert {d: rows[d]["leaked"] for d in deals} == {d: deals[d]["leaked"] for d in deals}
    for row in rows.values():
        for proven in row["proven"]:
            assert all(e["quote"] for e in proven["evidence"])


def test_process_check_reports_the_problem(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        (ROOT / "models/processes/buyer_journey.yml")
        .read_text()
        .replace("all_of: [budget_confirmed]", "all_of: [budget_confrimed]")
    )
    result = run("process", "check", str(bad))
    assert result.returncode == 2
    assert "unknown evidence kind 'budget_confrimed'" in result.stderr
    good = run("process", "check", str(ROOT / "models/processes/buyer_milestones.yml"))
    assert good.returncode == 0, good.stderr


def test_import_twice_adds_nothing_and_broken_files_are_named(database_url, tmp_path):
    mail = tmp_path / "ana@seller.com"
    mail.mkdir()
    (mail / "good.eml").write_bytes(
        b"From: Ana <ana@seller.com>\r\nTo: Li <li@buyer.com>\r\nSubject: Re: pricing\r\n"
        b"Date: Mon, 02 Mar 2026 15:04:00 +0000\r\nMessage-ID: <m1@seller.com>\r\n\r\n"
        b"Great news.\r\n\r\nOn Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\r\n"
        b"> Budget is approved for Q3.\r\n"
    )
    (mail / "broken.eml").write_bytes(b"\x00\x01\x02 not mail at all")
    (mail / "broken.ics").write_text("BEGIN:VCALENDAR\nthis is not ical\n")
    env = {"PROOFSTAGE_DATABASE_URL": database_url}
    first = run("import", str(tmp_path), env=env)
    assert first.returncode == 0, first.stderr
    assert "broken.eml" in first.stderr and "broken.ics" in first.stderr
    second = run("import", str(tmp_path), env=env)
    assert second.returncode == 0, second.stderr

    from sqlmodel import Session, func, select

    from models.db import get_engine
    from models.evidence import EvidenceRecord
    from models.interaction import InteractionRecord

    with Session(get_engine(database_url)) as session:
        assert session.exec(select(func.count()).select_from(InteractionRecord)).one() == 1
        kinds = session.exec(select(EvidenceRecord.kind)).all()
    assert kinds == ["budget_confirmed"]
    get_engine.cache_clear()


def test_eval_prints_figures_per_part_from_the_labels(tmp_path):
    rep = {"email": "ana@seller.com", "name": "Ana"}
    base = {
        "type": "email",
        "mailbox": rep["email"],
        "sent_at": "2026-03-02T15:04:00Z",
        "from": rep,
        "to": [{"email": "li@buyer.com", "name": "Li"}],
        "subject": "Re: q",
    }
    proof = "Thanks Li.\n\nOn Mon, Li Wei <li@buyer.com> wrote:\n> Budget is approved for Q3."
    rows = [
        {**base, "id": "a", "body": proof, "labels": [{"kind": "budget_confirmed"}]},
        {
            **base,
            "id": "b",
            "body": "Attached is our proposal.",
            "labels": [{"kind": "budget_confirmed", "quote": "proposal"}],
        },
        {**base, "id": "c", "body": proof, "labels": []},
    ]
    path = tmp_path / "labeled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run("eval", str(path), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["parts"]["all"]
    assert figures["interactions"] == 3
    assert figures["kinds"]["budget_confirmed"] == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "support": 2,
    }


def test_eval_rejects_an_unknown_part(tmp_path):
    result = run("eval", str(tmp_path), "--part", "validation")
    assert result.returncode != 0
    assert "unknown part" in result.stderr
