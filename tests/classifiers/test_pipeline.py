"""The classifier as a whole: components, quotes, one evidence per kind, batches, robustness."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classifiers.components import SPANS_KEY
from classifiers.cues import default_cues
from classifiers.evidence import Kind
from classifiers.pipeline import (
    BUYER_CONFIDENCE,
    EvidenceClassifier,
    build_nlp,
    default_classifier,
)
from classifiers.rules import default_rules, patterns_v1
from tests.classifiers.factories import SENT_AT, buyer_reply, email, rep_says


def test_matcher_component_sets_labelled_spans():
    nlp = spacy.blank("en")
    nlp.add_pipe("line_sentencizer")
    nlp.add_pipe("evidence_matcher")
    doc = nlp("Budget is approved for Q3.\nThanks for confirming the budget works.")
    spans = {(s.label_, s.id_, s.kb_id_) for s in doc.spans[SPANS_KEY]}
    assert ("budget_confirmed", "budget-is-approved", "buyer") in spans
    assert ("budget_confirmed", "budget-thanks-for-confirming", "report") in spans


def test_line_breaks_end_sentences():
    doc = build_nlp()("Best\nMaria Lopez\nCFO")
    assert [s.text for s in doc.sents] == ["Best\n", "Maria Lopez\n", "CFO"]


def test_registered_patterns_cover_every_kind():
    kinds = {data["kind"] for data in patterns_v1()}
    assert kinds == {k.value for k in Kind}


def test_unless_near_names_exist_in_cues():
    lists = set(default_cues().near)
    assert {name for rule in default_rules() for name in rule.unless_near} <= lists


def test_one_evidence_per_kind_keeps_the_most_confident():
    body = (
        "Thanks for confirming the budget works.\n\n"
        "On Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\n"
        "> Budget is approved for Q3. We have budget allocated for this.\n"
    )
    found = default_classifier().classify(email(body))
    assert [(e.kind, e.actor, e.confidence, e.quote) for e in found] == [
        (
            Kind.budget_confirmed,
            "buyer",
            BUYER_CONFIDENCE,
            "Budget is approved for Q3.",
        )
    ]


def test_meeting_time_is_resolved_relative_to_sent_at():
    found = default_classifier().classify(buyer_reply("Tuesday at 2pm works for me."))
    evidence = next(e for e in found if e.kind == Kind.meeting_scheduled)
    assert evidence.meeting_time is not None
    assert evidence.meeting_time > SENT_AT
    assert evidence.meeting_time.weekday() == 1
    assert evidence.meeting_time.hour == 14


def test_quote_spanning_two_quoted_lines_is_cut_to_one_line():
    body = (
        "Great.\n\nOn Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\n"
        "> After a long discussion with the leadership team this week our\n"
        "> budget is approved for the full rollout.\n"
    )
    found = default_classifier().classify(email(body))
    assert [e.quote for e in found] == ["budget is approved for the full rollout."]
    assert found[0].quote in body


def test_subject_written_by_the_rep_is_read_for_reports_only():
    found = default_classifier().classify(rep_says("Details below.", subject="Thanks for the PO"))
    assert [(e.kind, e.quote, e.actor) for e in found] == [
        (Kind.contract_signed, "Thanks for the PO", "seller")
    ]
    assert (
        default_classifier().classify(rep_says("Details below.", subject="Re: Budget is approved"))
        == []
    )


def test_another_vendor_is_disengaged_not_commitment():
    found = default_classifier().classify(buyer_reply("We've decided to go with another vendor."))
    assert [e.kind for e in found] == [Kind.disengaged]


def test_classify_many_keeps_order_across_batches():
    interactions = [buyer_reply("Budget is approved."), rep_says("I've attached the proposal.")] * 5
    results = list(default_classifier().classify_many(interactions, batch_size=3))
    assert len(results) == 10
    assert [bool(r) for r in results] == [True, False] * 5


def test_robust_to_empty_huge_junk_and_missing_fields():
    cases = [
        email(""),
        email("x" * 300_000),
        email("budget is approved " * 20_000, to=[{"email": "li@buyer.com"}]),
        email("\x00\x01\x02\ufffd\ud7ff > >> >>> \n\n-- \n" * 50),
        email("On Mon wrote:\n>\n>>\n", subject=""),
        email("Hi", to=[]).model_copy(update={"from_": None}),
    ]
    for found in default_classifier().classify_many(cases):
        assert isinstance(found, list)


def test_default_classifier_is_built_once():
    assert default_classifier() is default_classifier()
    assert isinstance(default_classifier(), EvidenceClassifier)


LINES = st.sampled_from(
    [
        "Budget is approved for Q3.",
        "Thanks for your time today.",
        "We've decided to move forward with you.",
        "Tuesday at 2pm works for me.",
        "I've attached the proposal.",
        "Maria Lopez\nChief Financial Officer",
        "Best,\nLi",
        "> We have budget allocated for this.",
        ">> The numbers work.",
        "On Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:",
        "From: Li Wei <li@buyer.com>\nSent: Monday\nTo: Ana\nSubject: RE: x\n",
        "-----Original Message-----",
        "",
        "\t  \u2019quoted\u2019 \r",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=12))
def test_every_quote_is_an_exact_substring(lines):
    interaction = email("\n".join(lines))
    for evidence in default_classifier().classify(interaction):
        assert evidence.quote
        assert evidence.quote in interaction.body or evidence.quote in interaction.subject
        assert "\n" not in evidence.quote
