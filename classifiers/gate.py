"""A fast pre-check on raw text: could any pattern match in this line?

Every pattern has required tokens (ones a match cannot skip), each accepting a set of words. A
line can hold a match only if, for some pattern, every required set meets the line's words. The
check runs on a superset of the words spaCy would make of the line, so it never rejects a line
the matcher would accept; it only saves tokenizing the many lines that cannot match.
Each pattern is indexed under its rarest required set (by English word frequency), so a line is
compared with few patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from wordfreq import word_frequency

_SIMPLE = re.compile(r"^[a-z0-9]+$")
_RUNS = re.compile(r"[a-z0-9]+|'[a-z]+")
# letters and digits split apart too: spaCy cuts "2pm" into "2" and "pm"
_LETTERS_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")
_COMMON = 1e-2  # the frequency given to punctuation and other non-words: treat them as everywhere


def rarity(words: frozenset[str]) -> float:
    """How often some word of the set occurs in English text (lower is rarer)."""
    return sum(word_frequency(w, "en") if w.isalpha() else _COMMON for w in words)


class WordGate:
    """`could_match(line)`: False only when no pattern can match anywhere in the line."""

    def __init__(
        self,
        requirements: Iterable[list[frozenset[str]]],
        exceptions: dict[str, list[str]],
    ):
        """`requirements`: per pattern, its required word sets; `exceptions`: the tokenizer's
        special cases, as text -> token texts ("don't" -> ["do", "n't"])."""
        self._patterns: list[list[frozenset[str]]] = []
        self._index: dict[str, list[int]] = defaultdict(list)
        self._anywhere: set[str] = set()  # required words that are not plain [a-z0-9] runs
        self.always = False  # some pattern names no word: every line must be matched
        for required in requirements:
            if not required:
                self.always = True
                continue
            for word in min(required, key=rarity):
                self._index[word].append(len(self._patterns))
            self._patterns.append(required)
            self._anywhere.update(w for words in required for w in words if not _SIMPLE.match(w))
        # a run of the raw text that belongs to a special case brings that case's tokens
        self._pieces: dict[str, set[str]] = defaultdict(set)
        for text, tokens in exceptions.items():
            if len(tokens) > 1:
                for run in _RUNS.findall(text.lower()):
                    self._pieces[run].update(t.lower() for t in tokens)

    def words(self, line: str) -> set[str]:
        """A superset of the lower-cased token texts spaCy would make of this line."""
        low = line.lower()
        words = set(_RUNS.findall(low))
        words.update(_LETTERS_OR_DIGITS.findall(low))
        for run in words & self._pieces.keys():
            words |= self._pieces[run]
        words.update(w for w in self._anywhere if w in low)
        return words

    def could_match(self, line: str) -> bool:
        if self.always:
            return True
        words = self.words(line)
        for word in words & self._index.keys():
            for n in self._index[word]:
                if all(accepted & words for accepted in self._patterns[n]):
                    return True
        return False
