"""Senior titles (C-level, VP, owner, founder, head of, and a few other languages' equivalents).

The lists are data in patterns/titles.yml. Managers and directors are not senior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from classifiers.rules import PATTERNS_DIR, read_yaml

TITLES_FILE = "titles.yml"


@dataclass(frozen=True)
class Titles:
    senior: tuple[re.Pattern[str], ...]
    not_senior: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, path: Path) -> Titles:
        data = read_yaml(path)
        acronyms = sorted({str(a) for a in data["acronyms"]}, key=len, reverse=True)
        senior = [re.compile(r"(?<![\w.-])(?:" + "|".join(acronyms) + r")(?![\w-])")]
        senior += [
            re.compile(r"(?<!\w)(?:" + p + r")(?!\w)", re.IGNORECASE) for p in data["phrases"]
        ]
        # acronyms written with dots: C.E.O.
        senior.append(re.compile(r"(?<!\w)C\.[A-Z]\.(?:[A-Z]\.)?O\.?"))
        not_senior = tuple(re.compile(p, re.IGNORECASE) for p in data["not_senior"])
        return cls(senior=tuple(senior), not_senior=not_senior)

    def find(self, text: str) -> str | None:
        """The first senior title in the text, as written, or None."""
        if not text:
            return None
        cleaned = text
        for pattern in self.not_senior:
            # blank out, keeping offsets, so the remaining text cannot match across the gap
            cleaned = pattern.sub(lambda m: "\x00" * len(m.group()), cleaned)
        found = [m for p in self.senior if (m := p.search(cleaned))]
        if not found:
            return None
        first = min(found, key=lambda m: m.start())
        return text[first.start() : first.end()]


@cache
def default_titles() -> Titles:
    return Titles.load(PATTERNS_DIR / TITLES_FILE)


def senior_title(text: str) -> str | None:
    """The senior title the text shows ("CFO", "Vice President", "Head of IT"), or None."""
    return default_titles().find(text)
