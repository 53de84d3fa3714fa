"""Split an email body into who-wrote-what segments: the rep's new text, quoted messages,
signatures and footers, each mapped back to exact offsets in the body.

Quote markers ("> ") are stripped from a segment's text, and soft-wrapped lines are joined with a
space, so that patterns match sentences; every segment keeps a line map so that a span of its text
can be turned back into an exact substring of the original body (one line of it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from capture.interaction import Person

Role = Literal["rep", "quoted", "signature", "footer"]

MAX_BODY = 100_000  # longer bodies are cut: evidence sits near the top, and matching stays fast

# one-for-one character replacements, so that offsets in a segment's text stay those of the body
_TRANSLATE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\t": " "}
)

_QUOTE_PREFIX = re.compile(r"(?:[ \t]{0,3}>)+[ \t]?")
_SEPARATOR = re.compile(
    r"^\s*(?:"
    r"-{2,}\s*(?:original message|forwarded message|message d'origine|urspr\S*ngliche nachricht"
    r"|mensaje original|messaggio originale|oorspronkelijk bericht)\s*-*"
    r"|-{3,}\s*forwarded by\b.*"
    r"|_{10,}"
    r"|begin forwarded message:?"
    r")\s*$",
    re.IGNORECASE,
)
_HEADER_KEY = re.compile(
    r"^\s*(from|sent|date|to|cc|bcc|subject|reply-to|importance|attachments|de|envoy\S*|\u00e0|objet"
    r"|von|gesendet|an|betreff|para|enviado|asunto|fecha|da|inviato|oggetto)\s*:",
    re.IGNORECASE,
)
_FROM_KEY = re.compile(r"^\s*(from|de|von|da)\s*:\s*(?P<who>.*)$", re.IGNORECASE)
_DATE_KEY = re.compile(
    r"^\s*(sent|date|envoy\S*|gesendet|enviado|fecha|inviato)\s*:\s*(?P<when>.*)$", re.I
)
_TO_KEY = re.compile(r"^\s*(to|an|para|\u00e0)\s*:", re.IGNORECASE)
_SUBJECT_KEY = re.compile(r"^\s*(subject|objet|betreff|asunto|oggetto)\s*:", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"^\s*(?:"
    r"on\s+(?P<on>.+?)\s*wrote\s*:"
    r"|le\s+(?P<le>.+?)\s*a\s+\S*crit\s*:"
    r"|am\s+(?P<am>.+?)\s*schrieb\s*(?P<am_who>.*?)\s*:"
    r"|el\s+(?P<el>.+?)\s*escribi\S*\s*:"
    r"|(?P<bare>[^:]{0,120}?<?[\w.+'-]+@[\w.-]+>?)\s*(?:wrote|schrieb|a \S*crit|escribi\S*)\s*:"
    r")\s*$",
    re.IGNORECASE,
)
_TIME_IN_DATE = (
    re.compile(
        r"^(?P<date>.*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)\s*,?\s*(?P<who>.*)$", re.I
    ),
    re.compile(r"^(?P<date>.*\b\d{4}\b)\s*,?\s*(?P<who>.*)$", re.IGNORECASE),
)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_LOTUS_DATE = re.compile(
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AP]M)?\s*$", re.I
)
_LOTUS_SENDER = re.compile(
    r"^\s*(?:from:\s*)?(?P<who>[^:]{2,120}?)\s*"
    r"(?:\s+on\s+\d{1,2}/\d{1,2}/\d{2,4}.*|\s+\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}.*)?$",
    re.IGNORECASE,
)
_SIG_DELIMITER = re.compile(r"^\s*--\s*$")
_VALEDICTION = re.compile(
    r"^\s*(?:best|best regards|best wishes|all the best|regards|kind regards|warm regards|warmest"
    r"|warmly|cheers|thanks|thank you|thanks again|many thanks|thanks so much|thx|sincerely"
    r"|yours|yours truly|talk soon|br|rgds|cordialement|bien \S+|mit freundlichen gr\S+e"
    r"|viele gr\S+e|gr\S+e|saludos|un saludo|atentamente|cordiali saluti|met vriendelijke groet)"
    r"\s*[,.!-]*\s*$",
    re.IGNORECASE,
)
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(sent from my \w+|sent from (outlook|mail) for|get outlook for)", re.IGNORECASE
)
_FOOTER = re.compile(
    r"^\s*(?:\**\s*)?(?:"
    r"this (?:e-?mail|message|communication|transmission)[^.]{0,80}"
    r"\b(?:confidential|privileged|intended)"
    r"|this (?:e-?mail|message) and any (?:files|attachments)"
    r"|the information (?:contained )?in this (?:e-?mail|message|communication)"
    r"|confidentiality (?:notice|note|statement)"
    r"|disclaimer\s*:?"
    r"|if you (?:are not|have received this)[^.]{0,40}(?:intended recipient|in error)"
    r"|please consider the environment before printing"
    r"|to unsubscribe"
    r")",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*\u2022>]|\d{1,2}[.)]\s)")
_SIG_TAIL_LINES = 8  # a closing ("Best,") followed by at most this many lines starts a signature


@dataclass(frozen=True)
class Author:
    """Who wrote a segment, as far as the body shows it."""

    email: str = ""
    name: str = ""
    date: str = ""
    header: tuple[int, int] | None = None  # body span of the line that names the author
    internal: bool = False  # a Lotus Notes name ("Karen Denne@ENRON"): the forwarder's own org

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True)
class Line:
    """One body line inside a segment: where it sits in the segment's text and in the body."""

    text_start: int
    body_start: int
    length: int


@dataclass(frozen=True)
class Segment:
    text: str  # quote markers stripped, soft wraps joined with a space, quotes made straight
    start: int  # offset of the first character in the body
    role: Role
    author: Author | None  # None when nobody is named (a bare ">" block)
    depth: int = 0  # quote depth: 0 for the rep's text and Outlook-style blocks
    message: int = 0  # segments of one message (text, signature, footer) share this number
    lines: tuple[Line, ...] = field(default=(), repr=False)

    def quote_span(self, start: int, end: int, focus: tuple[int, int]) -> tuple[int, int]:
        """Body span of text[start:end] on the one line holding most of the focus span."""
        best: tuple[int, Line] | None = None
        for line in self.lines:
            overlap = min(focus[1], line.text_start + line.length) - max(focus[0], line.text_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, line)
        if best is None:
            return (self.start, self.start)
        line = best[1]
        lo = max(start, line.text_start) - line.text_start
        hi = min(end, line.text_start + line.length) - line.text_start
        return (line.body_start + lo, line.body_start + max(lo, hi))

    def only_lines(self, keep: Callable[[str], bool]) -> Segment | None:
        """This segment cut to the lines of its text that `keep` accepts, offsets still mapping to
        the body; None when no line is kept. Lines end sentences, so matches are unchanged."""
        kept: list[str] = []
        lines: list[Line] = []
        start = length = 0
        texts = self.text.split("\n")
        for text in texts:
            end = start + len(text)
            if keep(text):
                shift = length - start
                lines.extend(
                    replace(line, text_start=line.text_start + shift)
                    for line in self.lines
                    if start <= line.text_start <= end
                )
                kept.append(text)
                length += len(text) + 1
            start = end + 1
        if len(kept) == len(texts):
            return self
        return replace(self, text="\n".join(kept), lines=tuple(lines)) if kept else None

    def line_spans(self) -> Iterable[tuple[int, int]]:
        """Text spans of the segment's lines, in order."""
        for line in self.lines:
            yield (line.text_start, line.text_start + line.length)


@dataclass
class _RawLine:
    content: str
    offset: int  # body offset of content
    depth: int
    label: str = "content"  # content | separator | header | attribution
    author: Author | None = None  # set on the first line of a header or on an attribution


def _raw_lines(body: str) -> list[_RawLine]:
    lines = []
    for match in re.finditer(r"[^\n]*\n?", body):
        raw = match.group()
        if not raw:
            break
        text = raw.rstrip("\n").rstrip("\r")
        prefix = _QUOTE_PREFIX.match(text)
        if prefix and ">" in prefix.group():
            cut = prefix.end()
            depth = prefix.group().count(">")
        else:
            cut, depth = 0, 0
        lines.append(_RawLine(text[cut:], match.start() + cut, depth))
    return lines


def _parse_who(who: str, date: str = "", header: tuple[int, int] | None = None) -> Author:
    who = who.strip().strip('"').strip()
    address = _ADDRESS.search(who)
    email = address.group().lower() if address else ""
    name = who
    if address:
        name = who[: address.start()] + who[address.end() :]
    name = re.sub(r"[<>\[\]\"]|mailto:", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;'")
    if (
        not email and "@" in name
    ):  # Lotus Notes: "Karen Denne@ENRON", "Jeff Dasovich/NA/Enron@Enron"
        name = name.split("@")[0].split("/")[0].strip()
        return Author(email="", name=name, date=date.strip(), header=header, internal=True)
    return Author(email=email, name=name, date=date.strip(), header=header)


def _attribution_author(match: re.Match[str], header: tuple[int, int]) -> Author:
    if match.group("bare"):
        return _parse_who(match.group("bare"), header=header)
    if match.group("am") is not None:
        text = match.group("am") + " " + (match.group("am_who") or "")
    else:
        text = match.group("on") or match.group("le") or match.group("el") or ""
    if _ADDRESS.search(text):
        # "Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com>": the name runs back to the date
        address = _ADDRESS.search(text)
        assert address is not None
        before = text[: address.start()].rstrip(" <\"'")
        timed = _dated(before)
        date, name = (timed.group("date"), timed.group("who")) if timed else ("", before)
        return Author(
            email=address.group().lower(), name=name.strip(" ,\"'"), date=date, header=header
        )
    timed = _dated(text)
    if timed and timed.group("who"):
        return _parse_who(timed.group("who"), date=timed.group("date"), header=header)
    date, _, name = text.rpartition(", ")  # "Mon, Li Wei": the name follows the last comma
    return _parse_who(name or text, date=date, header=header)


def _dated(text: str) -> re.Match[str] | None:
    """Split "Mon, Mar 2, 2026 at 9:12 AM Li Wei" after its time (or else its year)."""
    for pattern in _TIME_IN_DATE:
        match = pattern.match(text)
        if match:
            return match
    return None


def _label(lines: list[_RawLine]) -> None:
    """Mark separators, header blocks and attribution lines; put the parsed author on them."""
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        text = line.content
        if line.label != "content" or not text.strip():
            i += 1
            continue
        if _SEPARATOR.match(text):
            line.label = "separator"
            # Lotus wraps "---- Forwarded by X on 10/18/99 08:46\nAM ----" onto a second line
            if (
                i + 1 < n
                and re.match(r"^\s*(?:\d{1,2}:\d{2}\s*)?[AP]M\s*-{3,}\s*$", lines[i + 1].content)
                and lines[i + 1].depth == line.depth
            ):
                lines[i + 1].label = "separator"
            i += 1
            continue
        end = _outlook_header_end(lines, i)
        if end is not None:
            who, when, from_line = "", "", i
            for j in range(i, end):
                from_match = _FROM_KEY.match(lines[j].content)
                date_match = _DATE_KEY.match(lines[j].content)
                if from_match and not who:
                    who, from_line = from_match.group("who"), j
                elif date_match and not when:
                    when = date_match.group("when")
                lines[j].label = "header"
            header = (
                lines[from_line].offset,
                lines[from_line].offset + len(lines[from_line].content),
            )
            line.author = _lotus_from(who, when, header)
            i = end
            continue
        lotus = _lotus_header(lines, i)
        if lotus is not None:
            start, end, author = lotus
            for j in range(start, end):
                lines[j].label = "header"
            lines[start].author = author
            i = end
            continue
        attribution = _attribution(lines, i)
        if attribution is not None:
            end, author = attribution
            for j in range(i, end):
                lines[j].label = "attribution"
            line.author = author
            i = end
            continue
        i += 1


def _lotus_from(who: str, when: str, header: tuple[int, int]) -> Author:
    """A From: value, also Lotus Notes' "Name <addr> on 10/18/99 03:43 PM"."""
    who = re.sub(r"\s+(?:on\s+)?\d{1,2}/\d{1,2}/\d{2,4}.*$", "", who.strip())
    return _parse_who(who, date=when, header=header)


def _outlook_header_end(lines: list[_RawLine], i: int) -> int | None:
    """End (exclusive) of an Outlook-style "From: / Sent: / To: / Subject:" block starting at i."""
    depth = lines[i].depth
    if not _FROM_KEY.match(lines[i].content):
        return None
    keys = 0
    j = i + 1
    previous = lines[i].content.rstrip()
    while j < len(lines) and j <= i + 15 and lines[j].depth == depth:
        text = lines[j].content
        if not text.strip():
            # Lotus puts a blank line between "From: X  date" and "To:"
            if keys == 0 and j + 1 < len(lines) and _TO_KEY.match(lines[j + 1].content):
                j += 1
                continue
            break
        if _HEADER_KEY.match(text):
            keys += 1
        elif not (text[:1].isspace() or previous.endswith((",", ";"))):
            break
        previous = text.rstrip()
        j += 1
    return j if keys else None


def _lotus_header(lines: list[_RawLine], i: int) -> tuple[int, int, Author] | None:
    """A Lotus Notes header: sender and date lines above "To:" ... "Subject:"."""
    depth = lines[i].depth
    if not _TO_KEY.match(lines[i].content):
        return None
    subject_at = None
    for j in range(i + 1, min(i + 6, len(lines))):
        if lines[j].depth != depth:
            break
        if _SUBJECT_KEY.match(lines[j].content):
            subject_at = j
            break
    if subject_at is None:
        return None
    start = i
    author = Author()
    # look back over at most three non-empty lines for the sender and the date, which Lotus
    # may wrap: '"Wei, Li" <li@buyer.com> on 08/02/2000' / '09:01:46 AM' / 'To: ...'
    above: list[int] = []
    k = i - 1
    while k >= 0 and len(above) < 3 and lines[k].depth == depth and lines[k].label == "content":
        if lines[k].content.strip():
            above.append(k)
        elif above:
            break
        k -= 1
    above.reverse()
    sender_at = next((k for k in above if "@" in lines[k].content), None)
    if sender_at is None:
        names = [k for k in above if not _LOTUS_DATE.match(lines[k].content)]
        names = [k for k in names if not re.match(r"^\s*\d{1,2}:\d{2}", lines[k].content)]
        sender_at = names[-1] if names else None
    if sender_at is not None and len(lines[sender_at].content.strip()) <= 160:
        start = sender_at
        text = lines[sender_at].content.strip()
        span = (lines[sender_at].offset, lines[sender_at].offset + len(lines[sender_at].content))
        if _LOTUS_SENDER.match(text):
            author = _lotus_from(re.sub(r"^from:\s*", "", text, flags=re.I), "", span)
    elif above and all(_LOTUS_DATE.match(lines[k].content) for k in above):
        start = above[0]
    return (start, subject_at + 1, author)


def _attribution(lines: list[_RawLine], i: int) -> tuple[int, Author] | None:
    """A "On <date>, <Name> <email> wrote:" line, possibly wrapped onto up to two more lines."""
    depth = lines[i].depth
    joined = lines[i].content
    for extra in range(3):
        if extra:
            k = i + extra
            if k >= len(lines) or lines[k].depth != depth or not lines[k].content.strip():
                return None
            joined = joined.rstrip() + " " + lines[k].content.strip()
        if len(joined) > 300:
            return None
        match = _ATTRIBUTION.match(joined)
        if match:
            start = lines[i].offset
            end = lines[i + extra].offset + len(lines[i + extra].content)
            return (i + extra + 1, _attribution_author(match, (start, end)))
        if extra == 0 and not re.match(r"^\s*(on|le|am|el)\s", joined, re.IGNORECASE):
            # only the dated forms wrap; "<addr> wrote:" is matched on its own line
            return None
    return None


def _resolve(author: Author | None, people: Sequence[Person]) -> Author | None:
    """Fill in a missing address from the interaction's participants, by display name."""
    if author is None or author.email or not author.name:
        return author
    wanted = _name_key(author.name)
    for person in people:
        if person.name and _name_key(person.name) == wanted:
            return Author(
                email=person.email, name=author.name, date=author.date, header=author.header
            )
    if author.name and "/" in author.name and " " in author.name:
        # "Jeff Dasovich/NA/Enron": a Notes directory name, inside the forwarder's organisation
        return Author(name=author.name, date=author.date, header=author.header, internal=True)
    return author


def _name_key(name: str) -> str:
    name = re.sub(r"\(.*?\)", " ", name)
    if "," in name:  # "Wei, Li" -> "li wei"
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(name.lower().replace('"', " ").replace("'", " ").split())


@dataclass
class _Run:
    role: Role
    author: Author | None
    depth: int
    message: int
    lines: list[_RawLine]


def _runs(lines: list[_RawLine], owner: Author) -> list[_Run]:
    """Group content lines into runs of one message each, with the message's author."""
    authors: dict[int, Author | None] = {0: owner}
    quoted: set[int] = set()
    messages: dict[int, int] = {0: 0}
    counter = 0
    runs: list[_Run] = []
    pending: tuple[int, Author | None] | None = None  # an attribution waiting for its text

    def start_message(depth: int, author: Author | None) -> None:
        nonlocal counter
        counter += 1
        authors[depth] = author
        messages[depth] = counter
        for deeper in [d for d in authors if d > depth]:
            authors.pop(deeper, None)
            messages.pop(deeper, None)

    for line in lines:
        d = line.depth
        if line.label == "separator":
            quoted.add(d)
            start_message(d, None)
            pending = None
            continue
        if line.label == "header":
            if line.author is not None:
                quoted.add(d)
                start_message(d, line.author)
            pending = None
            continue
        if line.label == "attribution":
            if line.author is not None:
                start_message(d + 1, line.author)
                pending = (d, line.author)
            continue
        if not line.content.strip():
            if runs:
                runs[-1].lines.append(line)
            continue
        if pending is not None:
            at, author = pending
            pending = None
            if d == at:
                # the quoted text followed the attribution without ">" markers
                quoted.add(d)
                start_message(d, author)
        if d not in messages:
            start_message(d, None)
        role: Role = "quoted" if d > 0 or d in quoted else "rep"
        message = messages[d]
        if runs and runs[-1].message == message and runs[-1].depth == d:
            runs[-1].lines.append(line)
        else:
            runs.append(_Run(role, authors.get(d), d, message, [line]))
    return runs


def _split_run(run: _Run) -> list[tuple[Role, list[_RawLine]]]:
    """A run's text, then its signature, then its footer."""
    lines = run.lines
    footer_at = len(lines)
    for i, line in enumerate(lines):
        if _FOOTER.match(line.content):
            footer_at = i
            break
    signature_at = footer_at
    for i in range(footer_at):
        text = lines[i].content
        if _SIG_DELIMITER.match(text) or _MOBILE_SIGNATURE.match(text):
            signature_at = i
            break
        if _VALEDICTION.match(text):
            tail = [ln for ln in lines[i + 1 : footer_at] if ln.content.strip()]
            if len(tail) <= _SIG_TAIL_LINES and all(len(ln.content.strip()) <= 80 for ln in tail):
                signature_at = i
                break
    parts: list[tuple[Role, list[_RawLine]]] = [
        (run.role, lines[:signature_at]),
        ("signature", lines[signature_at:footer_at]),
        ("footer", lines[footer_at:]),
    ]
    return [(role, part) for role, part in parts if any(ln.content.strip() for ln in part)]


def _soft_wrapped(line: str, following: str | None) -> bool:
    """True when a line was wrapped by the mail client and the sentence runs on."""
    if following is None or not following.strip() or not line.strip():
        return False
    stripped = line.rstrip()
    if len(stripped) < 40 or stripped[-1] in ".!?:;)":
        return False
    return not _BULLET.match(following) and not _HEADER_KEY.match(following)


def _segment(role: Role, run: _Run, lines: list[_RawLine]) -> Segment:
    while lines and not lines[-1].content.strip():
        lines = lines[:-1]
    while lines and not lines[0].content.strip():
        lines = lines[1:]
    pieces: list[str] = []
    mapping: list[Line] = []
    position = 0
    for k, line in enumerate(lines):
        following = lines[k + 1].content if k + 1 < len(lines) else None
        mapping.append(Line(position, line.offset, len(line.content)))
        pieces.append(line.content.translate(_TRANSLATE))
        position += len(line.content)
        if following is not None:
            pieces.append(" " if _soft_wrapped(line.content, following) else "\n")
            position += 1
    return Segment(
        text="".join(pieces),
        start=lines[0].offset if lines else 0,
        role=role,
        author=run.author,
        depth=run.depth,
        message=run.message,
        lines=tuple(mapping),
    )


def split_segments(
    body: str | None,
    *,
    owner: Person | None = None,
    people: Sequence[Person] = (),
) -> list[Segment]:
    """The body's segments in order; `owner` writes the new text, `people` name quoted authors."""
    if not body:
        return []
    body = body[:MAX_BODY]
    lines = _raw_lines(body)
    _label(lines)
    for line in lines:
        line.author = _resolve(line.author, people)
    rep = Author(email=owner.email, name=owner.name) if owner else Author()
    segments = []
    for run in _runs(lines, rep):
        for role, part in _split_run(run):
            segments.append(_segment(role, run, part))
    return [s for s in segments if s.text.strip()]
