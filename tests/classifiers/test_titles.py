"""Senior titles: C-level, VP, owner, founder, head of and equivalents; not managers, directors."""

from __future__ import annotations

import pytest

from classifiers.titles import senior_title

SENIOR = [
    ("Maria Lopez (CFO)", "CFO"),
    ("Li Wei | CEO", "CEO"),
    ("Linda Hsu, CISO", "CISO"),
    ("CMIO, St. Brendan's", "CMIO"),
    ("VP Finance", "VP"),
    ("Senior Vice President, Sales", "Senior Vice President"),
    ("SVP Operations", "SVP"),
    ("Chief Information Security Officer", "Chief Information Security Officer"),
    ("Co-founder & CTO", "Co-founder"),
    ("Owner", "Owner"),
    ("Managing Partner", "Managing Partner"),
    ("Head of Procurement", "Head of Procurement"),
    ("President", "President"),
    ("Directeur Général", "Directeur Général"),
    ("Geschäftsführer", "Geschäftsführer"),
    ("Director General", "Director General"),
]
NOT_SENIOR = [
    "Director of IT",
    "IT Director",
    "Sales Manager",
    "General Manager",
    "Product Owner",
    "Executive Assistant to the CEO",
    "Assistant Vice President",
    "Chief of Staff",
    "Owner: Kyle Smith",
    "MVP",
    "John Smith, MD",
    "",
]


@pytest.mark.parametrize(("text", "title"), SENIOR)
def test_senior_titles(text, title):
    assert senior_title(text) == title


@pytest.mark.parametrize("text", NOT_SENIOR)
def test_not_senior(text):
    assert senior_title(text) is None
