"""The file source: .mbox, .eml, .ics and .jsonl files and folders of them into interactions."""

from __future__ import annotations

import codecs
import mailbox as mailboxes
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from pydantic import ValidationError

from capture.ics import CalendarError, read_calendar
from capture.interaction import Interaction
from capture.mime import interaction_from_message

SUPPORTED = (".mbox", ".eml", ".ics", ".jsonl")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class FileProblem:
    """What could not be imported (a file, mbox message `#N` or jsonl line `:N`), and why."""

    where: str
    reason: str


Item = Interaction | FileProblem


def discover(paths: Sequence[Path | str]) -> list[Path]:
    """The supported files among `paths` and below the folders in it, sorted, each once."""
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and _supported(p))
        elif _supported(path):
            found.add(path)
        else:
            raise ValueError(f"{path}: not a supported file type ({', '.join(SUPPORTED)})")
    return sorted(found)


def mailbox_for(path: Path, explicit: str | None) -> str | None:
    """The rep whose mail this is: `explicit`, else the nearest folder named like an address."""
    if explicit:
        return explicit
    for parent in Path(path).absolute().parents:
        if _EMAIL.match(parent.name):
            return parent.name
    return None


def read_paths(paths: Sequence[Path | str], *, mailbox: str | None = None) -> Iterator[Item]:
    """Every interaction, or problem, in the files and folders given."""
    for path in discover(paths):
        yield from read_file(path, mailbox=mailbox_for(path, mailbox))


def read_file(path: Path, *, mailbox: str | None = None) -> Iterator[Item]:
    """A file's interactions and problems; never raises, so one bad file does not stop an import.

    `mailbox` is the rep for mail and calendars; JSON Lines carry their own on every line.
    """
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        yield FileProblem(str(path), f"not a supported file type ({', '.join(SUPPORTED)})")
        return
    try:
        yield from reader(path, mailbox)
    except OSError as exc:
        yield FileProblem(str(path), f"cannot read the file: {exc.strerror or exc}")


def count_items(path: Path) -> int:
    """How many items reading `path` will give, cheaply, for a progress bar; best effort."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".eml":
            return 1
        with path.open("rb") as lines:
            # a broken file still gives one item: its problem
            if suffix == ".mbox":
                return max(1, sum(1 for line in lines if line.startswith(b"From ")))
            if suffix == ".ics":
                return max(1, sum(1 for line in lines if line.strip().upper() == b"BEGIN:VEVENT"))
            if suffix == ".jsonl":
                return sum(1 for line in lines if line.strip())
    except OSError:
        return 0
    return 0


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


def _read_eml(path: Path, mailbox: str | None) -> Iterator[Item]:
    data = path.read_bytes()
    if not data.strip():
        yield FileProblem(str(path), "empty file")
        return
    yield _message(data, where=str(path), mailbox=mailbox)


def _read_mbox(path: Path, mailbox: str | None) -> Iterator[Item]:
    box = mailboxes.mbox(path, create=False)
    try:
        keys = box.keys()
        if not keys:
            yield FileProblem(str(path), "no messages (not an mbox file?)")
            return
        for number, key in enumerate(keys, start=1):
            # raw bytes (parsed with policy.default below) also give id-less messages a stable hash
            data = box.get_bytes(key)
            yield _message(data, where=f"{path}#{number}", mailbox=mailbox)
    finally:
        box.close()


def _read_ics(path: Path, mailbox: str | None) -> Iterator[Item]:
    data = path.read_bytes()
    if not data.strip():
        yield FileProblem(str(path), "empty file")
        return
    try:
        for item in read_calendar(data, mailbox=mailbox, source="file"):
            if isinstance(item, CalendarError):
                yield FileProblem(str(path), _one_line(item))
            else:
                yield item
    except ValueError as exc:
        yield FileProblem(str(path), _one_line(exc))


def _read_jsonl(path: Path, mailbox: str | None) -> Iterator[Item]:
    lines = path.read_bytes().removeprefix(codecs.BOM_UTF8).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield Interaction.model_validate_json(line)
        except ValidationError as exc:
            yield FileProblem(f"{path}:{number}", _validation_reason(exc))


_READERS: dict[str, Callable[[Path, str | None], Iterator[Item]]] = {
    ".eml": _read_eml,
    ".mbox": _read_mbox,
    ".ics": _read_ics,
    ".jsonl": _read_jsonl,
}


def _message(data: bytes, *, where: str, mailbox: str | None) -> Item:
    msg = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(data)
    if not msg.keys():
        return FileProblem(where, "not an email message (no headers)")
    try:
        return interaction_from_message(msg, mailbox=mailbox, source="file", raw=data)
    except ValueError as exc:  # MessageError, or a pydantic ValidationError
        return FileProblem(where, _one_line(exc))


def _validation_reason(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    first = errors[0]
    location = ".".join(str(part) for part in first["loc"])
    reason = f"{location}: {first['msg']}" if location else first["msg"]
    return reason + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]
