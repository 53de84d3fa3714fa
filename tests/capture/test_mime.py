"""One raw message into an interaction: headers, body choice, charsets, ids and threads."""

from __future__ import annotations

import hashlib
from base64 import b64encode
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capture.mime import MessageError, decode_bytes, interaction_from_message
from tests.capture.factories import parse, raw_email

ALTERNATIVE = b"""\
--alt
Content-Type: text/plain; charset=utf-8

Hi Li,

Budget is approved for Q3.
--alt
Content-Type: text/html; charset=utf-8

<p>Hi Li,</p><p><b>HTML</b> version</p>
--alt--
"""

HTML = """\
<html><head><title>ignored title</title><style>p { color: red }</style></head><body>
<p>Hi&nbsp;Li, see <a href="https://seller.com/deck">the deck</a> <img src="logo.png" alt="logo">
and <b>our</b> plan:</p>
<ul><li>one</li><li>two</li></ul>
<p>- not a list<br>2. not a number</p>
<table><tr><td>Price</td><td>40&nbsp;000&nbsp;&euro;</td></tr></table>
<blockquote>Li wrote: Budget is approved for Q3.</blockquote>
</body></html>"""


def interaction(data: bytes, **kwargs):  # type: ignore[no-untyped-def]
    return interaction_from_message(parse(data), **kwargs)


def test_plain_message_fields() -> None:
    raw = raw_email(
        "Thanks Li, great news.\n\nOn Mon, Li Wei wrote:\n> Budget is approved for Q3.\n",
        Cc='"Wei, Li" <li.wei@buyer.com>, bo@buyer.com',
    )

    got = interaction(raw)

    assert got.id == "m-001@seller.com"
    assert got.type == "email"
    assert got.mailbox == "ana@seller.com"
    assert got.sent_at == datetime(2026, 3, 2, 15, 4, tzinfo=UTC)
    assert got.sent_at.utcoffset() is not None and got.sent_at.utcoffset().total_seconds() == 0
    assert got.subject == "Re: pricing"
    assert (got.from_.email, got.from_.name) == ("ana@seller.com", "Ana Diaz")
    assert [(p.email, p.name) for p in got.to] == [("li@buyer.com", "Li Wei")]
    assert [(p.email, p.name) for p in got.cc] == [
        ("li.wei@buyer.com", "Wei, Li"),
        ("bo@buyer.com", ""),
    ]
    assert got.body == (
        "Thanks Li, great news.\n\nOn Mon, Li Wei wrote:\n> Budget is approved for Q3.\n"
    )
    assert got.thread_id == "m-001@seller.com"
    assert got.source == "file"


def test_explicit_mailbox_and_source_win() -> None:
    got = interaction(raw_email(), mailbox="Rep@Seller.com", source="gmail")

    assert (got.mailbox, got.source) == ("rep@seller.com", "gmail")


def test_multipart_alternative_prefers_plain_text() -> None:
    raw = raw_email(ALTERNATIVE, Content_Type='multipart/alternative; boundary="alt"')

    got = interaction(raw)

    assert got.body == "Hi Li,\n\nBudget is approved for Q3."


def test_attachment_is_never_the_body() -> None:
    raw = raw_email(
        b"""\
--mix
Content-Type: text/plain; charset=utf-8
Content-Disposition: attachment; filename="notes.txt"

attached notes
--mix
Content-Type: text/html; charset=utf-8

<p>the <i>real</i> body</p>
--mix--
""",
        Content_Type='multipart/mixed; boundary="mix"',
    )

    assert interaction(raw).body == "the real body"


def test_html_only_becomes_readable_text() -> None:
    raw = raw_email(HTML, Content_Type="text/html; charset=utf-8")

    body = interaction(raw).body

    assert body.startswith("Hi Li, see the deck and our plan:")
    assert "* one\n" in body and "* two" in body
    assert "- not a list\n2. not a number" in body
    assert "Price 40 000 €" in body
    assert "> Li wrote: Budget is approved for Q3." in body
    for noise in ("<", "https://", "logo", "**", "\\", "\xa0", "ignored title", "color"):
        assert noise not in body


@pytest.mark.parametrize(
    ("charset", "encoded", "text"),
    [
        ("iso-8859-1", "Café à déjà vu".encode("latin-1"), "Café à déjà vu"),
        ("windows-1252", "“Budget” – 40 €".encode("cp1252"), "“Budget” – 40 €"),
        # mail clients label windows-1252 text iso-8859-1; 0x93/0x94 are then quotes, not C1 codes
        ("iso-8859-1", "“Budget”".encode("cp1252"), "“Budget”"),
        ("x-unknown", "Señor 日本".encode(), "Señor 日本"),
        ("base64", "not base64 – Señor".encode(), "not base64 – Señor"),
        ("x-unknown", "“Señor” – 40 €".encode("cp1252"), "“Señor” – 40 €"),
        ("us-ascii", "Señor".encode(), "Señor"),
        ("utf-8", b"broken \xc3 byte", "broken \ufffd byte"),
        ('"utf-8"', "quoted café".encode(), "quoted café"),
    ],
)
def test_charsets_decode_without_raising(charset: str, encoded: bytes, text: str) -> None:
    raw = raw_email(encoded, Content_Type=f"text/plain; charset={charset}")

    assert interaction(raw).body == text


def test_transfer_encodings_are_decoded() -> None:
    qp = raw_email(
        b"Caf=E9 is =\nopen",
        Content_Type="text/plain; charset=iso-8859-1",
        Content_Transfer_Encoding="quoted-printable",
    )
    b64 = raw_email(
        b64encode("Señor, the budget\r\nis approved".encode()),
        Content_Transfer_Encoding="base64",
    )

    assert interaction(qp).body == "Café is open"
    assert interaction(b64).body == "Señor, the budget\nis approved"


def test_encoded_words_and_folding_are_decoded() -> None:
    raw = raw_email(
        Subject="=?utf-8?q?Re=3A_propuesta_econ=C3=B3mica?=\r\n =?utf-8?q?_para_Q3?=\r\n\tfinal",
        From="=?iso-8859-1?q?Jos=E9_P=E9rez?= <jose@seller.com>",
        To="=?utf-8?b?V2VpLCBMaSDmnY4=?= <li@buyer.com>, Bo <bo@buyer.com>",
    )

    got = interaction(raw)

    assert got.subject == "Re: propuesta económica para Q3 final"
    assert (got.from_.email, got.from_.name) == ("jose@seller.com", "José Pérez")
    assert [(p.email, p.name) for p in got.to] == [
        ("li@buyer.com", "Wei, Li 李"),
        ("bo@buyer.com", "Bo"),
    ]


def test_recipients_without_an_address_are_left_out() -> None:
    raw = raw_email(To="undisclosed-recipients:;, Sales Team, Li Wei <li@buyer.com>")

    assert [p.email for p in interaction(raw).to] == ["li@buyer.com"]


def test_missing_message_id_gives_a_stable_digest_of_the_raw_bytes() -> None:
    raw = raw_email(Message_ID=None)
    other = raw_email("Another body.\n", Message_ID=None)

    first = interaction(raw, raw=raw)
    again = interaction(raw, raw=raw)
    without_raw = [interaction(raw).id, interaction(raw).id]

    assert (
        first.id == again.id == "sha256:" + hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()
    )
    lf = raw.replace(b"\r\n", b"\n")
    crlf = lf.replace(b"\n", b"\r\n")
    assert interaction(lf, raw=lf).id == interaction(crlf, raw=crlf).id == first.id
    assert interaction(other, raw=other).id != first.id
    assert without_raw[0] == without_raw[1]
    assert without_raw[0].startswith("sha256:") and len(without_raw[0]) == 7 + 64
    assert first.thread_id == first.id


@pytest.mark.parametrize("date", [None, "", "yesterday at noon", "Mon, 99 Foo 2026 99:99:99"])
def test_unusable_date_raises_message_error(date: str | None) -> None:
    with pytest.raises(MessageError, match="no usable Date header"):
        interaction(raw_email(Date=date))


def test_date_without_zone_is_utc() -> None:
    got = interaction(raw_email(Date="Mon, 02 Mar 2026 15:04:00 -0000"))

    assert got.sent_at == datetime(2026, 3, 2, 15, 4, tzinfo=UTC)


def test_no_sender_and_no_mailbox_raises() -> None:
    with pytest.raises(MessageError, match="no sender"):
        interaction(raw_email(From="Ana Diaz"))


@pytest.mark.parametrize(
    ("headers", "thread"),
    [
        ({"References": "<root@buyer.com>\r\n <m-000@seller.com>"}, "root@buyer.com"),
        ({"In_Reply_To": "<m-000@buyer.com>"}, "m-000@buyer.com"),
        (
            {"References": "<root@buyer.com>", "In_Reply_To": "<m-000@buyer.com>"},
            "root@buyer.com",
        ),
        ({}, "m-001@seller.com"),
    ],
)
def test_thread_id(headers: dict[str, str], thread: str) -> None:
    assert interaction(raw_email(**headers)).thread_id == thread


def test_crlf_in_html_and_plain_becomes_newline() -> None:
    plain = interaction(raw_email("one\r\ntwo\rthree\n"))
    html = interaction(raw_email("<p>one</p>\r\n<p>two</p>", Content_Type="text/html"))

    assert plain.body == "one\ntwo\nthree\n"
    assert html.body == "one\n\ntwo"


def test_non_text_message_has_an_empty_body() -> None:
    raw = raw_email(
        b64encode(b"%PDF-1.4 ..."),
        Content_Type="application/pdf",
        Content_Transfer_Encoding="base64",
    )

    assert interaction(raw).body == ""


@given(data=st.binary(max_size=200), charset=st.sampled_from([None, "utf-8", "x-bogus", "ascii"]))
def test_decode_bytes_never_raises(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_bytes(data, charset), str)
