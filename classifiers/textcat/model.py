"""The trained sentence model: spaCy textcat_multilabel over single sentences, each prefixed with
a word naming its voice (the buyer's quoted words or the rep's report), with a threshold per kind
chosen at training time for precision (classifiers/textcat/train.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from classifiers.evidence import Kind

MODEL_DIR = Path(__file__).parent / "model"
THRESHOLDS_FILE = "thresholds.json"
VOICE_WORDS = {"buyer": "voicebuyer", "report": "voicereport"}
MIN_WORDS = 3
MAX_CHARS = 400  # longer "sentences" are lists or pasted text, not a reaction
# a buyer's question can show interest or offer a slot; any other question proves nothing
QUESTION_PROVES_NOTHING = frozenset(Kind) - {Kind.interest_shown, Kind.meeting_scheduled}


class ModelMissing(RuntimeError):
    pass


def sentence_text(voice: str, text: str) -> str:
    """What the model reads: the voice word, then the sentence on one line."""
    return f"{VOICE_WORDS[voice]} {' '.join(text.split())}"


def readable_sentences(doc: Doc) -> Iterator[Span]:
    """Sentences worth scoring: a few words at least, not a pasted block."""
    for sentence in doc.sents:
        words = sum(1 for token in sentence if token.is_alpha)
        if words >= MIN_WORDS and len(sentence.text) <= MAX_CHARS:
            yield sentence


class SentenceModel:
    def __init__(self, nlp: Language, thresholds: dict[Kind, float]):
        self.nlp = nlp
        self.thresholds = thresholds

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> SentenceModel:
        thresholds_path = directory / THRESHOLDS_FILE
        if not thresholds_path.is_file():
            raise ModelMissing(
                f"no trained sentence model in {directory}: run `proofstage train` "
                "(`make setup` does it)"
            )
        thresholds = json.loads(thresholds_path.read_text())
        return cls(spacy.load(directory), {Kind(k): float(v) for k, v in thresholds.items()})

    def scores(self, texts: Iterable[str]) -> Iterator[list[tuple[Kind, float]]]:
        """Per text, the kinds whose score reaches their threshold."""
        for doc in self.nlp.pipe(texts, batch_size=512):
            yield [
                (kind, doc.cats[kind.value])
                for kind, threshold in self.thresholds.items()
                if doc.cats.get(kind.value, 0.0) >= threshold
            ]
