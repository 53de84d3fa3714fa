"""The file source on real files: discovery, the rep's mailbox, each format, and broken files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capture.files import (
    SUPPORTED,
    FileProblem,
    count_items,
    discover,
    mailbox_for,
    read_file,
    read_paths,
)
from capture.interaction import Interaction
from tests.capture.factories import calendar, mbox, raw_email, vevent

SHARED = Path(__file__).resolve().parents[3] / "shared"
EXAMPLES = SHARED / "spec" / "examples.jsonl"
ENRON = SHARED / "corpora" / "enron-mail"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def split(items: object) -> tuple[list[Interaction], list[FileProblem]]:
    found = list(items)  # type: ignore[call-overload]
    interactions = [i for i in found if isinstance(i, Interaction)]
    problems = [i for i in found if isinstance(i, FileProblem)]
    assert len(interactions) + len(problems) == len(found)
    return interactions, problems


def line(**fields: object) -> str:
    base = {"id": "m-1", "type": "email", "mailbox": "ana@seller.com"}
    base["sent_at"] = "2026-03-02T15:04:00Z"
    return json.dumps({**base, **fields})


def test_discover_walks_folders_sorted_and_skips_other_files(tmp_path: Path) -> None:
    b = write(tmp_path / "mail" / "b.eml", raw_email())
    a = write(tmp_path / "mail" / "deep" / "er" / "a.MBOX", mbox(raw_email()))
    c = write(tmp_path / "mail" / "c.ics", calendar(vevent()))
    write(tmp_path / "mail" / "notes.md", "not mail")
    write(tmp_path / "mail" / "eml", "a folder-less name without a suffix")
    direct = write(tmp_path / "x.jsonl", line())

    found = discover([tmp_path / "mail", str(direct), b])

    assert found == sorted([a, b, c, direct])
    assert SUPPORTED == (".mbox", ".eml", ".ics", ".jsonl")


def test_discover_rejects_missing_paths_and_unsupported_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.mbox"
    text = write(tmp_path / "notes.txt", "hello")

    with pytest.raises(FileNotFoundError, match="nowhere.mbox"):
        discover([missing])
    with pytest.raises(ValueError, match="notes.txt"):
        discover([text])


def test_mailbox_for(tmp_path: Path) -> None:
    nested = tmp_path / "ana@northwind.io" / "2026" / "sent.mbox"
    inner = tmp_path / "ana@northwind.io" / "li@northwind.io" / "sent.mbox"

    assert mailbox_for(nested, None) == "ana@northwind.io"
    assert mailbox_for(inner, None) == "li@northwind.io"
    assert mailbox_for(nested, "rep@seller.com") == "rep@seller.com"
    assert mailbox_for(tmp_path / "team" / "sent.mbox", None) is None


def test_folder_named_after_the_rep_gives_the_mailbox(tmp_path: Path) -> None:
    folder = tmp_path / "sample" / "ana@northwind.io"
    write(folder / "sent.eml", raw_email(From="Assistant <pa@northwind.io>"))
    write(folder / "cal.ics", calendar(vevent()))
    write(tmp_path / "sample" / "other.eml", raw_email(Message_ID="<m-2@seller.com>"))

    interactions, problems = split(read_paths([tmp_path / "sample"]))
    explicit, _ = split(read_paths([folder], mailbox="boss@northwind.io"))

    assert problems == []
    assert {i.id: i.mailbox for i in interactions} == {
        "m-001@seller.com": "ana@northwind.io",
        "demo-1@seller.com": "ana@northwind.io",
        "m-2@seller.com": "ana@seller.com",
    }
    assert {i.mailbox for i in explicit} == {"boss@northwind.io"}


def test_mbox_reports_the_broken_message_by_number_and_goes_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sent.mbox",
        mbox(
            raw_email("first\n", Message_ID="<1@seller.com>"),
            raw_email("second\n", Message_ID="<2@seller.com>", Date=None),
            raw_email("third\nFrom the desk of Ana\n", Message_ID="<3@seller.com>"),
        ),
    )

    interactions, problems = split(read_file(path))

    assert [(i.id, i.body) for i in interactions] == [
        ("1@seller.com", "first\n"),
        ("3@seller.com", "third\n>From the desk of Ana\n"),
    ]
    assert problems == [FileProblem(f"{path}#2", "no usable Date header (missing)")]
    assert count_items(path) == 3


def test_mbox_message_without_id_is_stable_across_reads(tmp_path: Path) -> None:
    path = write(tmp_path / "sent.mbox", mbox(raw_email(Message_ID=None), raw_email("b")))

    first, _ = split(read_file(path))
    again, _ = split(read_file(path))

    assert [i.id for i in first] == [i.id for i in again]
    assert first[0].id.startswith("sha256:")
    assert first[0].id != first[1].id


def test_eml_without_message_id_is_stable_across_reads(tmp_path: Path) -> None:
    path = write(tmp_path / "a.eml", raw_email(Message_ID=None))
    copy = write(tmp_path / "copy" / "a.eml", path.read_bytes())

    ids = {i.id for i in split(read_paths([path, copy]))[0]}
    again = {i.id for i in split(read_file(path))[0]}

    assert len(ids) == 1
    assert ids == again
    assert next(iter(ids)).startswith("sha256:")


def test_broken_files_are_reported_by_name_and_the_rest_imports(tmp_path: Path) -> None:
    write(tmp_path / "a_good.eml", raw_email())
    write(tmp_path / "b_empty.eml", b"")
    write(tmp_path / "c_junk.eml", bytes(range(256)) * 4)
    write(tmp_path / "d_nodate.eml", raw_email(Date=None))
    write(tmp_path / "e_letter.ics", "Dear Li,\nsee you Monday.\n")
    write(tmp_path / "f_empty.ics", b"\n")
    write(tmp_path / "g_no_uid.ics", calendar(vevent(without=("UID",))))
    write(tmp_path / "h_empty.mbox", b"")
    write(tmp_path / "i_good.ics", calendar(vevent()))

    interactions, problems = split(read_paths([tmp_path]))

    assert [i.id for i in interactions] == ["m-001@seller.com", "demo-1@seller.com"]
    assert {Path(p.where).name: p.reason for p in problems} == {
        "b_empty.eml": "empty file",
        "c_junk.eml": "not an email message (no headers)",
        "d_nodate.eml": "no usable Date header (missing)",
        "e_letter.ics": "not a calendar (no BEGIN:VCALENDAR)",
        "f_empty.ics": "empty file",
        "g_no_uid.ics": "event 1 has no UID",
        "h_empty.mbox": "no messages (not an mbox file?)",
    }
    assert all(Path(p.where).parent == tmp_path for p in problems)


def test_one_bad_event_is_skipped_alone(tmp_path: Path) -> None:
    good = vevent("UID:second@seller.com")
    write(tmp_path / "cal.ics", calendar(vevent(), vevent(without=("UID",)), good))

    interactions, problems = split(read_paths([tmp_path]))

    assert [i.id for i in interactions] == ["demo-1@seller.com", "second@seller.com"]
    assert [(Path(p.where).name, p.reason) for p in problems] == [("cal.ics", "event 2 has no UID")]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "lines.jsonl",
        "\n".join(
            [
                line(id="m-1", body="Budget is approved."),
                "",
                "{not json",
                line(id="m-3", sent_at=None),
                line(id="m-4", type="fax"),
                "   ",
                line(id="m-6", type="event", status="confirmed"),
            ]
        ),
    )

    interactions, problems = split(read_file(path))

    assert [(i.id, i.type) for i in interactions] == [("m-1", "email"), ("m-6", "event")]
    assert [p.where for p in problems] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert problems[0].reason.startswith("Invalid JSON")
    assert problems[1].reason.startswith("sent_at:")
    assert problems[2].reason.startswith("type:")
    assert all("\n" not in p.reason and len(p.reason) < 200 for p in problems)
    assert count_items(path) == 5


@pytest.mark.skipif(not EXAMPLES.exists(), reason=f"{EXAMPLES} is not on this machine")
def test_spec_examples_parse() -> None:
    interactions, problems = split(read_paths([EXAMPLES]))

    assert problems == []
    assert [(i.id, i.type) for i in interactions] == [
        ("m-001", "email"),
        ("e-001", "event"),
        ("m-002", "email"),
    ]
    for interaction, raw in zip(interactions, EXAMPLES.read_text().splitlines(), strict=True):
        written = json.loads(interaction.to_line())
        assert {key: written.get(key) for key in json.loads(raw)} == json.loads(raw)


def test_count_items_matches_what_is_read(tmp_path: Path) -> None:
    files = [
        write(tmp_path / "one.eml", raw_email()),
        write(tmp_path / "two.mbox", mbox(raw_email(), raw_email("x", Message_ID="<x@y.z>"))),
        write(tmp_path / "three.ics", calendar(vevent(), vevent("UID:2"), vevent("UID:3"))),
        write(tmp_path / "four.jsonl", "\n".join(line(id=str(n)) for n in range(4)) + "\n\n"),
    ]

    for path in files:
        assert count_items(path) == len(list(read_file(path))), path.name


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), header=st.sampled_from([b"", b"Date: x\r\n", b"From: a\n"]))
def test_any_bytes_give_exactly_one_item_per_eml(
    tmp_path: Path, data: bytes, header: bytes
) -> None:
    path = write(tmp_path / "fuzz.eml", header + data)

    assert len(list(read_file(path))) == 1


@pytest.mark.skipif(not ENRON.exists(), reason=f"{ENRON} is not on this machine")
def test_enron_corpus_imports() -> None:
    files = discover([ENRON])

    interactions, problems = split(read_paths([ENRON]))

    assert len(files) == 1598
    assert (len(interactions), len(problems)) == (1598, 0)
    assert len({i.id for i in interactions}) == 1598
    assert not [i.id for i in interactions if "\r" in i.body]
    assert all(i.from_ is not None and i.mailbox == i.from_.email for i in interactions)
    assert Counter(i.mailbox.rpartition("@")[2] for i in interactions)["enron.com"] > 1400
    assert sum(1 for i in interactions if i.to) > 1400
