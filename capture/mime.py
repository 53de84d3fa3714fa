"""One RFC 822 message into an interaction, shared by the file importer and the Gmail connector."""

from __future__ import annotations

import codecs
import hashlib
import re
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime

import html2text

from capture.interaction import Interaction, Person

_FOLDING = re.compile(r"[ \t]*[\r\n\t]+[ \t]*")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")


class MessageError(ValueError):
    """A message that cannot become an interaction, with a one-line reason."""


def interaction_from_message(
    msg: EmailMessage,
    *,
    mailbox: str | None = None,
    source: str = "file",
    raw: bytes | None = None,
) -> Interaction:
    """Turn a parsed message into an email interaction; `raw` gives a stable id when it has none."""
    own_id = _first_id(_header(msg, "Message-ID")) or _digest_id(msg, raw)
    sent_at = _sent_at(msg)
    from_ = next(iter(_people(msg, "From")), None)
    owner = mailbox or (from_.email if from_ else None)
    if not owner:
        raise MessageError("no sender address and no mailbox given")
    thread_id = (
        _first_id(_header(msg, "References")) or _first_id(_header(msg, "In-Reply-To")) or own_id
    )
    return Interaction(
        id=own_id,
        type="email",
        mailbox=owner,
        sent_at=sent_at,
        subject=_unfold(_header(msg, "Subject") or ""),
        from_=from_,
        to=_people(msg, "To"),
        cc=_people(msg, "Cc"),
        body=body_text(msg),
        thread_id=thread_id,
        source=source,
    )


def body_text(msg: Message) -> str:
    """The message's readable text: its first text/plain part, else its HTML as text, else ""."""
    plain, html = _text_parts(msg)
    if plain is not None:
        text = _decode_part(plain)
    elif html is not None:
        text = html_to_text(_decode_part(html))
    else:
        return ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str) -> str:
    """HTML as the text a reader sees: no markdown escapes, links, images or hard wrapping."""
    converter = _PlainHTML2Text()
    converter.body_width = 0
    converter.ignore_links = True
    converter.ignore_images = True
    converter.ignore_emphasis = True
    converter.ignore_tables = True
    converter.unicode_snob = True
    converter.tag_callback = _separate_cells
    text = converter.handle(html).replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _PlainHTML2Text(html2text.HTML2Text):
    def handle_data(self, data: str, entity_char: bool = False) -> None:
        # entity_char=True skips html2text's markdown escaping ("\-", "1\."), which is noise here
        super().handle_data(data, entity_char=True)


def _separate_cells(
    parser: html2text.HTML2Text, tag: str, attrs: dict[str, str | None], start: bool
) -> bool:
    # with ignore_tables html2text runs cells together ("ab"); a space keeps words apart
    if tag in ("td", "th") and not start:
        parser.o(" ")
    return False


def _text_parts(msg: Message) -> tuple[Message | None, Message | None]:
    """The first text/plain and first text/html parts that are not attachments."""
    plain: Message | None = None
    html: Message | None = None
    for part in _leaf_parts(msg):
        if _is_attachment(part):
            continue
        content_type = part.get_content_type()
        if content_type == "text/plain" and plain is None:
            plain = part
        elif content_type == "text/html" and html is None:
            html = part
    return plain, html


def _leaf_parts(part: Message) -> list[Message]:
    """Non-multipart parts in order, not descending into attached messages (message/rfc822)."""
    if not part.is_multipart():
        return [part]
    if part.get_content_maintype() == "message":
        return []
    payload = part.get_payload()
    children = payload if isinstance(payload, list) else []
    return [leaf for child in children for leaf in _leaf_parts(child)]


def _is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    return disposition == "attachment" or part.get_filename() is not None


def _decode_part(part: Message) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    return decode_bytes(data, part.get_content_charset())


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode with the declared charset, else the likeliest one; never fails on a bad charset."""
    declared = _codec_name(charset)
    if declared == "ascii":
        declared = None  # 8-bit text labelled us-ascii is most often utf-8 or windows-1252
    elif declared == "iso8859-1":
        declared = "cp1252"  # what "iso-8859-1" mail really is, as browsers assume (WHATWG)
    if declared:
        try:
            return data.decode(declared)
        except LookupError:
            pass  # a bytes-to-bytes codec such as "base64" named as the charset
        except UnicodeDecodeError:
            if declared.startswith("utf-8"):
                return data.decode("utf-8", errors="replace")
    for fallback in ("utf-8", "cp1252"):
        try:
            return data.decode(fallback)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _codec_name(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def _header(msg: Message, name: str) -> str | None:
    """A header's decoded text, or its raw text when the structured parser chokes on it."""
    try:
        value = msg.get(name)
    except Exception:  # the stdlib header parser raises assorted errors on malformed values
        value = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)
    return None if value is None else str(value)


def _unfold(value: str) -> str:
    return _FOLDING.sub(" ", value).strip()


def _first_id(value: str | None) -> str | None:
    if not value:
        return None
    match = _MESSAGE_ID.search(value)
    if match:
        return match.group(1)
    words = value.split()
    return (words[0].strip("<>") or None) if words else None


def _digest_id(msg: Message, raw: bytes | None) -> str:
    data = raw if raw is not None else msg.as_bytes()
    # line endings differ between .eml (CRLF) and mbox (LF) copies of the same message
    return "sha256:" + hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def _sent_at(msg: Message) -> datetime:
    value = _header(msg, "Date")
    if not value or not value.strip():
        raise MessageError("no usable Date header (missing)")
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise MessageError(f"no usable Date header ({_unfold(value)[:60]!r})") from exc
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def _people(msg: Message, name: str) -> list[Person]:
    """The addresses in every `name` header with decoded display names; those without @ left out."""
    try:
        values = [str(v) for v in msg.get_all(name, [])]
    except Exception:  # see _header
        values = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
    people: list[Person] = []
    for display_name, address in getaddresses(values):
        if "@" in address:
            people.append(Person(email=address, name=_unfold(display_name)))
    return people
