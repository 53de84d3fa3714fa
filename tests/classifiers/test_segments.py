"""The email segmenter: who wrote what, and exact offsets back into the body."""

from __future__ import annotations

import pytest

from capture.interaction import Person
from classifiers.segments import MAX_BODY, split_segments
from tests.classifiers.factories import buyer_reply, email

REP = Person(email="ana@seller.com", name="Ana Diaz")
LI = Person(email="li@buyer.com", name="Li Wei")


def _segments(body: str):
    return split_segments(body, owner=REP, people=[REP, LI])


def _assert_mapped(body: str) -> None:
    """Every line of every segment maps back to the same characters of the body."""
    for segment in _segments(body):
        for start, end in segment.line_spans():
            line = next(ln for ln in segment.lines if ln.text_start == start)
            original = body[line.body_start : line.body_start + line.length]
            assert len(original) == end - start
            assert segment.text[start:end] == original.replace("\u2019", "'").replace("\t", " ")


GMAIL = (
    "Thanks Li, great news.\n\n"
    "On Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\n"
    "> Budget is approved for Q3.\n>\n> Best,\n> Li\n> VP Finance\n"
)
OUTLOOK = (
    "Hi Maria, thanks.\n\nAna\n\n"
    "From: Maria Lopez (CFO) <maria@buyer.com>\n"
    "Sent: Monday, March 2, 2026 9:12 AM\n"
    "To: Ana Diaz <ana@seller.com>\n"
    "Subject: RE: pricing\n\n"
    "We've decided to move forward with you.\n\n"
    "This email and any attachments are confidential and intended solely for the addressee.\n"
)
FORWARDED = (
    "FYI\n\n---------- Forwarded message ---------\n"
    "From: Li Wei <li@buyer.com>\nDate: Mon, Mar 2, 2026 at 9:12 AM\n"
    "Subject: contract\nTo: Ana <ana@seller.com>\n\n"
    "Received the MSA, legal is reviewing.\n-- \nLi Wei | CEO\n"
)
NESTED = (
    "Following up.\n\n"
    "On Tue, Mar 3, 2026 at 10:00 AM Ana Diaz <ana@seller.com> wrote:\n"
    "> Great, see below.\n>\n"
    "> On Mon, Mar 2, 2026 at 9:12 AM Li Wei <\n> li@buyer.com> wrote:\n"
    ">> We have budget allocated for this project and the numbers in your\n"
    ">> proposal work for us.\n"
)
ORIGINAL_MESSAGE = (
    "See below.\n\n-----Original Message-----\nFrom: Wei, Li [mailto:li@buyer.com]\n"
    "Sent: Monday, March 2, 2026 9:12 AM\nTo: Diaz, Ana\nSubject: RE: plan\n\n"
    "The implementation plan looks good.\n"
)
LOTUS = (
    "fyi\n\n\n\n"
    '"Wei, Li" <li@buyer.com> on 03/02/2026\n09:01:46 AM\n'
    "To: ana@seller.com\ncc:\nSubject: Thank You\n\n\n"
    "Thanks for the demo yesterday.\n"
)


def test_gmail_quote_is_the_buyers_with_signature():
    roles = [(s.role, s.author.email if s.author else None, s.text) for s in _segments(GMAIL)]
    assert roles == [
        ("rep", "ana@seller.com", "Thanks Li, great news."),
        ("quoted", "li@buyer.com", "Budget is approved for Q3."),
        ("signature", "li@buyer.com", "Best,\nLi\nVP Finance"),
    ]
    quoted = _segments(GMAIL)[1]
    assert GMAIL[quoted.start : quoted.start + len(quoted.text)] == quoted.text
    assert quoted.author.name == "Li Wei"
    assert quoted.author.date == "Mon, Mar 2, 2026 at 9:12 AM"


def test_outlook_header_block_and_footer():
    segments = _segments(OUTLOOK)
    assert [s.role for s in segments] == ["rep", "quoted", "footer"]
    assert segments[1].author.email == "maria@buyer.com"
    assert segments[1].author.name == "Maria Lopez (CFO)"
    assert segments[1].text == "We've decided to move forward with you."


def test_forwarded_message_with_dash_dash_signature():
    segments = _segments(FORWARDED)
    assert [s.role for s in segments] == ["rep", "quoted", "signature"]
    assert segments[1].text == "Received the MSA, legal is reviewing."
    assert segments[2].text.endswith("Li Wei | CEO")


def test_nested_quote_goes_to_the_deeper_header():
    segments = _segments(NESTED)
    quoted = [(s.depth, s.author.email) for s in segments if s.role == "quoted"]
    assert quoted == [(1, "ana@seller.com"), (2, "li@buyer.com")]
    deep = segments[-1]
    # soft-wrapped quoted lines are one sentence for matching
    assert deep.text == (
        "We have budget allocated for this project and the numbers in your proposal work for us."
    )


def test_original_message_with_mailto_and_name_only_header():
    segments = _segments(ORIGINAL_MESSAGE)
    assert segments[-1].author.email == "li@buyer.com"
    assert segments[-1].text == "The implementation plan looks good."


def test_lotus_notes_header_with_a_wrapped_date():
    segments = _segments(LOTUS)
    assert segments[-1].author.email == "li@buyer.com"
    assert segments[-1].text == "Thanks for the demo yesterday."


def test_bare_quote_has_no_author():
    segments = _segments("Sounds good.\n\n> Budget is approved.\n")
    assert segments[-1].role == "quoted"
    assert segments[-1].author is None


def test_name_only_attribution_is_resolved_from_participants():
    segments = _segments("Thanks!\n\nOn Mon, Li Wei wrote:\n> Budget is approved for Q3.")
    assert segments[-1].author.email == "li@buyer.com"


@pytest.mark.parametrize("body", [GMAIL, OUTLOOK, FORWARDED, NESTED, ORIGINAL_MESSAGE, LOTUS])
def test_every_segment_line_maps_back_to_the_body(body):
    _assert_mapped(body)


def test_crlf_tabs_and_curly_quotes_keep_offsets():
    body = "Hi,\r\n\r\nOn Mon, Li Wei <li@buyer.com> wrote:\r\n>\tWe\u2019ve signed the MSA.\r\n"
    _assert_mapped(body)
    assert _segments(body)[-1].text == "We've signed the MSA."


@pytest.mark.parametrize(
    "body", ["", None, "\n\n\n", ">", "> \n>>\n", "\x00\x01\ufffd junk", "-- "]
)
def test_odd_bodies_do_not_crash(body):
    split_segments(body, owner=REP)


def test_huge_body_is_cut():
    segments = split_segments("word " * 50_000, owner=REP)
    assert sum(len(s.text) for s in segments) <= MAX_BODY


def test_the_reps_own_quoted_words_are_not_evidence():
    from classifiers.pipeline import default_classifier

    body = (
        "Any update?\n\n"
        "On Mon, Mar 2, 2026 at 9:12 AM Ana Diaz <ana@northwind.com> wrote:\n"
        "> Great to hear the budget is approved! We have budget allocated on our side too.\n"
    )
    assert default_classifier().classify(email(body)) == []


def test_unattributed_quote_counts_only_with_buyer_recipients():
    from classifiers.pipeline import UNATTRIBUTED_CONFIDENCE, default_classifier

    body = "Great.\n\n> Budget is approved for Q3.\n"
    found = default_classifier().classify(email(body))
    assert [(e.kind.value, e.confidence) for e in found] == [
        ("budget_confirmed", UNATTRIBUTED_CONFIDENCE)
    ]
    internal = email(body, to=[{"email": "sam@northwind.com", "name": "Sam"}])
    assert default_classifier().classify(internal) == []


def test_buyer_reply_factory_builds_a_gmail_quote():
    interaction = buyer_reply("Budget is approved.")
    segments = split_segments(interaction.body, owner=interaction.from_)
    assert segments[-1].author.email == "li@buyer.com"
