"""Cue filters: the sentence around a match can veto it (question, negation, condition, hedge).

The word lists live in patterns/cues.yml; this module only says where in the sentence they count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from classifiers.rules import PATTERNS_DIR, Rule, read_yaml

CUES_FILE = "cues.yml"


def _phrases(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(w).lower().split()) for w in words)


@dataclass(frozen=True)
class Cues:
    negation: tuple[tuple[str, ...], ...]
    negation_window: int
    negation_exceptions: frozenset[tuple[str, str]]
    after_negation: tuple[tuple[str, ...], ...]
    after_negation_window: int
    conditional: tuple[tuple[str, ...], ...]
    conditional_after: tuple[tuple[str, ...], ...]
    conditional_after_window: int
    modal: tuple[tuple[str, ...], ...]
    tentative: tuple[tuple[str, ...], ...]
    opinion: tuple[tuple[str, ...], ...]
    near: dict[str, frozenset[str]]
    near_window: int
    ooo_subject: tuple[re.Pattern[str], ...]
    ooo_body: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, path: Path) -> Cues:
        data = read_yaml(path)
        return cls(
            negation=_phrases(data["negation"]),
            negation_window=int(data.get("negation_window", 6)),
            negation_exceptions=frozenset(
                (str(a).lower(), str(b).lower()) for a, b in data.get("negation_exceptions", [])
            ),
            after_negation=_phrases(data.get("after_negation", [])),
            after_negation_window=int(data.get("after_negation_window", 2)),
            conditional=_phrases(data["conditional"]),
            conditional_after=_phrases(data.get("conditional_after", [])),
            conditional_after_window=int(data.get("conditional_after_window", 4)),
            modal=_phrases(data["modal"]),
            tentative=_phrases(data["tentative"]),
            opinion=_phrases(data["opinion"]),
            near={k: frozenset(str(w).lower() for w in v) for k, v in data["near"].items()},
            near_window=int(data.get("near_window", 5)),
            ooo_subject=tuple(re.compile(p, re.IGNORECASE) for p in data["ooo_subject"]),
            ooo_body=tuple(re.compile(p, re.IGNORECASE) for p in data["ooo_body"]),
        )

    def is_auto_reply(self, *, subject: str = "", text: str = "") -> bool:
        """An out-of-office or other automatic reply, by its subject or its wording."""
        return any(p.search(subject) for p in self.ooo_subject) or any(
            p.search(text) for p in self.ooo_body
        )

    def veto(self, match: Span, sentence: Span, rule: Rule) -> str | None:
        """The cue category that vetoes this match in this sentence, or None when it stands."""
        doc = match.doc
        # a semicolon ends a clause: "Once that's settled, X will sign; we're aiming for May 7"
        start = sentence.start
        for token in doc[sentence.start : match.start]:
            if token.text == ";":
                start = token.i + 1
        before = [t.lower_ for t in doc[start : match.start]]
        inside = [t.lower_ for t in match]
        after = [t.lower_ for t in doc[match.end : sentence.end]]
        checks: list[tuple[str, bool]] = [
            ("question", sentence.text.rstrip().rstrip("\"')").endswith("?")),
            ("negation", self._negated(before, inside, after)),
            (
                "conditional",
                _find(before, self.conditional)
                or _find(after[: self.conditional_after_window], self.conditional_after),
            ),
            ("modal", _find(_modal_tokens(doc[start : match.start]), self.modal)),
            ("tentative", _find(before, self.tentative)),
            ("opinion", rule.voice == "report" and _find(before, self.opinion)),
        ]
        for category, hit in checks:
            if hit and category not in rule.allow:
                return category
        window = after[: self.near_window]
        for name in rule.unless_near:
            if self.near.get(name, frozenset()).intersection(window):
                return f"near:{name}"
        return None

    def _negated(self, before: list[str], inside: list[str], after: list[str]) -> bool:
        window = before[-self.negation_window :] if self.negation_window else []
        for words in (window, inside):
            for i, word in enumerate(words):
                following = words[i + 1] if i + 1 < len(words) else (after[0] if after else "")
                if (word, following) in self.negation_exceptions:
                    continue
                if word == "no" and following in {",", ".", "!", "-"}:
                    continue  # "No, ..." answers; it does not negate what follows
                if (word,) in self.negation:
                    return True
        return _find(after[: self.after_negation_window], self.after_negation)


def _modal_tokens(tokens: Span) -> list[str]:
    # "May" capitalised mid-sentence is the month, not the modal
    return [t.lower_ for t in tokens if not (t.text == "May" and t.i != tokens.start)]


def _find(words: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                return True
    return False


@cache
def default_cues() -> Cues:
    return Cues.load(PATTERNS_DIR / CUES_FILE)
