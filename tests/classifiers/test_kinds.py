"""Buyer-voice sentences per kind, report-voice sentences, and what is never evidence."""

from __future__ import annotations

import pytest

from classifiers.evidence import Kind
from classifiers.pipeline import default_classifier
from tests.classifiers.factories import buyer_reply, email, rep_says

BUYER_SAYS = [
    ("We'd like to learn more about your reporting module.", Kind.interest_shown),
    ("Could you send me some material on pricing and integrations?", Kind.interest_shown),
    ("Do you have time for a call next week?", Kind.interest_shown),
    ("Tuesday at 2pm works for me.", Kind.meeting_scheduled),
    ("I've booked the 10am slot on Thursday.", Kind.meeting_scheduled),
    ("See you Thursday!", Kind.meeting_scheduled),
    ("Tuesday doesn't work for us. How about Thursday at 2pm?", Kind.meeting_scheduled),
    ("Thanks for your time today.", Kind.meeting_held),
    ("Thanks for the call earlier, very useful.", Kind.meeting_held),
    ("Great demo yesterday, the team loved it.", Kind.demo_held),
    ("Thanks for walking us through the platform.", Kind.demo_held),
    ("Our IT team had a good session with your engineers.", Kind.technical_meeting_held),
    ("The security review went smoothly.", Kind.technical_meeting_held),
    ("Our analysts spend two days a month assembling reports.", Kind.outcome_shared),
    ("We need to reduce churn by 15% this year.", Kind.outcome_shared),
    ("Our CFO will need to review the pricing.", Kind.stakeholders_identified),
    ("Looping in Maria Lopez, our controller.", Kind.stakeholders_identified),
    ("Counsel has it now.", Kind.stakeholders_identified),
    ("I'd like to introduce you to Maria Lopez, our CFO.", Kind.executive_engaged),
    ("Our CEO joined the call and loved it.", Kind.executive_engaged),
    ("Budget is approved for Q3.", Kind.budget_confirmed),
    ("We have budget allocated for this.", Kind.budget_confirmed),
    ("Pricing works for us.", Kind.budget_confirmed),
    ("The numbers work.", Kind.budget_confirmed),
    ("We need to go live by July 1.", Kind.timeline_given),
    ("We plan to make a decision by end of Q2.", Kind.timeline_given),
    ("The implementation plan looks good.", Kind.plan_agreed),
    ("With those changes we both approve the plan as attached.", Kind.plan_agreed),
    ("The business case looks solid.", Kind.business_case_agreed),
    ("Finance approved the business case.", Kind.business_case_agreed),
    ("This is exactly what we need.", Kind.solution_fit_confirmed),
    ("It meets all our requirements.", Kind.solution_fit_confirmed),
    ("Attached are our edits to the scope.", Kind.solution_fit_confirmed),
    ("We received the proposal yesterday.", Kind.proposal_acknowledged),
    ("Thanks for the quote, we'll review it this week.", Kind.proposal_acknowledged),
    ("We've decided to move forward with you.", Kind.verbal_commitment),
    ("We're going with Northwind.", Kind.verbal_commitment),
    ("Received the MSA, thanks.", Kind.contract_acknowledged),
    ("We will sign by Friday.", Kind.contract_acknowledged),
    ("Legal is reviewing the order form.", Kind.contract_acknowledged),
    ("We will sign by Friday.", Kind.timeline_given),
    ("Attached is the signed contract.", Kind.contract_signed),
    ("We've issued the PO.", Kind.contract_signed),
    ("We'd be happy to be a reference.", Kind.advocacy),
    ("Happy to introduce you to my friend at Contoso.", Kind.advocacy),
    ("I'm willing to do a case study.", Kind.advocacy),
    ("We've decided to go with another vendor.", Kind.disengaged),
    ("We've put the project on hold indefinitely.", Kind.disengaged),
    ("Please remove me from your list.", Kind.disengaged),
    ("No budget this year, close it out.", Kind.disengaged),
]


@pytest.mark.parametrize(("text", "kind"), BUYER_SAYS)
def test_buyer_words_prove_the_kind(text, kind):
    found = default_classifier().classify(buyer_reply(text))
    assert kind in {e.kind for e in found}
    evidence = next(e for e in found if e.kind == kind)
    assert evidence.actor == "buyer"
    assert evidence.speaker == "li@buyer.com"
    assert evidence.confidence >= 0.8


def test_every_kind_has_two_buyer_sentences():
    counts = {kind: sum(k == kind for _, k in BUYER_SAYS) for kind in Kind}
    assert {k for k, n in counts.items() if n < 2} == set()


REP_REPORTS = [
    ("Thanks for confirming the budget works.", Kind.budget_confirmed),
    ("Great to hear you've signed!", Kind.contract_signed),
    ("As agreed on our call, I'll send the SOW tomorrow.", Kind.meeting_held),
    ("Thanks for your time today.", Kind.meeting_held),
    ("Great to hear you've decided to move forward!", Kind.verbal_commitment),
    ("Thanks for reaching out about our reporting module.", Kind.interest_shown),
    ("Thank you for the referral!", Kind.advocacy),
]


@pytest.mark.parametrize(("text", "kind"), REP_REPORTS)
def test_rep_reports_of_buyer_actions_are_weaker_evidence(text, kind):
    found = default_classifier().classify(rep_says(text))
    evidence = next(e for e in found if e.kind == kind)
    assert evidence.actor == "seller"
    assert evidence.confidence < 0.8


SELLER_ACTIVITY = [
    "I've attached the proposal.",
    "Attached is our proposal. Does Thursday at 2pm work for a walkthrough?",
    "Does Tuesday work?",
    "I've attached the contract for signature.",
    "Here is our pricing for 50 seats.",
    "I think they're ready to sign.",
    "Would love to meet your CEO at some point.",
    "Our platform will reduce your close time by 40%.",
    "Happy to set up a demo whenever suits.",
]


@pytest.mark.parametrize("text", SELLER_ACTIVITY)
def test_seller_activity_alone_is_not_evidence(text):
    assert default_classifier().classify(rep_says(text)) == []


BUYER_NOT_EVIDENCE = [
    "Budget isn't approved yet.",
    "The budget is not approved yet.",
    "If legal signs off we'd sign next week.",
    "Once the budget is approved we can talk.",
    "Is the budget approved?",
    "No decision yet, I can't give you a date.",
    "Looks interesting.",
    "Tuesday doesn't work for me.",
    "We have a budget meeting on Monday.",
    "We signed the NDA.",
    "We're going with Acme instead.",
    "We don't have budget until Q3.",
]


@pytest.mark.parametrize("text", BUYER_NOT_EVIDENCE)
def test_buyer_words_that_prove_nothing(text):
    assert default_classifier().classify(buyer_reply(text)) == []


def test_out_of_office_is_ignored():
    body = (
        "I am currently out of the office until Monday with limited access to email.\n\n"
        "On Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\n> Budget is approved.\n"
    )
    assert default_classifier().classify(email(body, subject="Automatic reply: pricing")) == []
    assert default_classifier().classify(email(body, subject="Re: pricing")) == []


def test_buyer_auto_reply_in_a_quote_is_not_disengaged():
    body = (
        "Noted, will follow up next week.\n\n"
        "On Mon, Mar 2, 2026 at 9:12 AM Li Wei <li@buyer.com> wrote:\n"
        "> I'm out of the office until March 9 with limited access to email.\n"
        "> Please remove me from this thread if urgent, contact Sam.\n"
    )
    assert default_classifier().classify(email(body)) == []
