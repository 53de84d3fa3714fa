"""spaCy components: a sentencizer that also ends sentences at line breaks, and the evidence
pattern matcher."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span, SpanGroup

from classifiers.gate import WordGate, rarity
from classifiers.rules import Rule

SPANS_KEY = "evidence"
_NEWLINE = re.compile("\n")


class LineSentencizer(Sentencizer):
    """spaCy's rule sentencizer, plus a hard line break ends a sentence: signatures, lists and
    headers have no full stops."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        docs = list(docs)
        guesses = super().predict(docs)
        for doc, tags in zip(docs, guesses, strict=True):
            breaks = [m.end() for m in _NEWLINE.finditer(doc.text)]
            if breaks:
                # the first token starting after each line break begins a sentence
                for i in numpy.searchsorted(doc.to_array(IDX), breaks).tolist():
                    if 0 < i < len(tags):
                        tags[i] = True
        return guesses


@Language.factory(
    "line_sentencizer",
    default_config={"punct_chars": None, "overwrite": False, "scorer": None},
)
def make_line_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool, scorer: Any
) -> LineSentencizer:
    return LineSentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


_REQUIRED_OP = re.compile(r"^(?:\+|1|\{[1-9]\d*(?:,\d*)?\})$")


def _required_words(pattern: Iterable[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token a match cannot skip and that names its words: the words it accepts."""
    required = []
    for token in pattern:
        op = token.get("OP")
        if op is not None and not _REQUIRED_OP.match(str(op)):
            continue
        if set(token) - {"LOWER", "OP"}:
            continue
        value = token.get("LOWER")
        if isinstance(value, str):
            required.append(frozenset({value}))
        elif isinstance(value, dict) and set(value) == {"IN"}:
            required.append(frozenset(str(v) for v in value["IN"]))
    return required


class EvidenceMatcher:
    """Sets doc.spans["evidence"]: label = kind, id_ = pattern id, kb_id_ = voice.

    Each pattern's Matcher runs only on sentences holding a word for each of the pattern's
    required tokens (an exact necessary condition): long newsletters stay cheap. `gate` applies
    the same condition to raw lines, before tokenizing.
    """

    def __init__(self, nlp: Language, name: str, patterns: list[dict[str, Any]], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.rules: dict[str, Rule] = {}
        self.matchers: dict[str, Matcher] = {}
        # words are kept as their hashes in the vocab's string store, as doc.to_array gives them.
        # Each distinct required word set is one bit; a sentence's words light the bits of the
        # sets they belong to, so "every required set meets the sentence" is one integer test.
        self._required: list[tuple[str, int]] = []  # (rule id, bits of its required sets)
        self._index: dict[int, list[int]] = defaultdict(list)
        self._bits_of_word: dict[int, int] = defaultdict(int)
        self._bit_of_set: dict[frozenset[int], int] = {}
        self._always: set[str] = set()  # rules with a pattern that requires no named word
        requirements: list[list[frozenset[str]]] = []
        for data in patterns:
            rule = Rule.from_dict(data)
            self.rules[rule.id] = rule
            matcher = Matcher(nlp.vocab, validate=True)
            matcher.add(rule.id, [list(p) for p in rule.patterns], greedy="LONGEST")
            self.matchers[rule.id] = matcher
            for pattern in rule.patterns:
                words_required = _required_words(pattern)
                requirements.append(words_required)
                if not words_required:
                    self._always.add(rule.id)
                    continue
                for word in min(words_required, key=rarity):
                    self._index[nlp.vocab.strings.add(word)].append(len(self._required))
                required = (
                    frozenset(nlp.vocab.strings.add(word) for word in words)
                    for words in words_required
                )
                self._required.append((rule.id, self._bits(required)))
        exceptions = {
            text: [str(token[ORTH]) for token in tokens]
            for text, tokens in nlp.tokenizer.rules.items()
        }
        self.gate = WordGate(requirements, exceptions)
        self._order = {rule_id: n for n, rule_id in enumerate(self.rules)}

    def _bits(self, word_sets: Iterable[frozenset[int]]) -> int:
        """The bits of these required word sets, numbering sets not seen before."""
        bits = 0
        for words in word_sets:
            bit = self._bit_of_set.get(words)
            if bit is None:
                bit = self._bit_of_set[words] = 1 << len(self._bit_of_set)
                for word in words:
                    self._bits_of_word[word] |= bit
            bits |= bit
        return bits

    def candidates(self, words: set[int]) -> list[str]:
        """Ids of the rules that could match a sentence of these words (LOWER hashes)."""
        bits_of_word = self._bits_of_word
        present = 0  # the required sets that some word of the sentence belongs to
        for word in words & bits_of_word.keys():
            present |= bits_of_word[word]
        found = set(self._always)
        for word in words & self._index.keys():
            for i in self._index[word]:
                rule_id, required = self._required[i]
                if (required & present) == required:
                    found.add(rule_id)
        return sorted(found, key=self._order.__getitem__)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        lowers = doc.to_array(LOWER).tolist()
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            for rule_id in self.candidates(set(lowers[sentence.start : sentence.end])):
                rule = self.rules[rule_id]
                for _, start, end in self.matchers[rule_id](sentence):
                    spans.append(
                        Span(
                            doc,
                            sentence.start + start,
                            sentence.start + end,
                            label=rule.kind.value,
                            kb_id=rule.voice,
                            span_id=rule.id,
                        )
                    )
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc


@Language.factory(
    "evidence_matcher",
    default_config={
        "patterns": {"@misc": "proofstage.patterns.v1", "directory": None},
        "spans_key": SPANS_KEY,
    },
)
def make_evidence_matcher(
    nlp: Language, name: str, patterns: list[dict[str, Any]], spans_key: str
) -> EvidenceMatcher:
    return EvidenceMatcher(nlp, name, patterns, spans_key)
