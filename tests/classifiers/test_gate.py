"""The word gate never rejects a line the matcher would match, and does reject idle lines."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.components import SPANS_KEY
from classifiers.pipeline import build_nlp
from classifiers.rules import default_rules

NLP = build_nlp()
GATE = NLP.get_pipe("evidence_matcher").gate
EXAMPLES = [example for rule in default_rules() for example in rule.examples]
# words from the patterns' examples plus contractions and glued forms the tokenizer splits
VOCABULARY = sorted(
    {w for example in EXAMPLES for w in example.split()}
    | {"don't", "can't", "cannot", "we've", "it's", "2pm", "Q3.", "(budget)", "e-signed", "\u2019"}
)


def matched(line: str) -> bool:
    return len(NLP(line).spans[SPANS_KEY]) > 0


def test_every_pattern_example_passes_the_gate():
    rejected = [example for example in EXAMPLES if not GATE.could_match(example)]
    assert rejected == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12))
def test_the_gate_never_rejects_a_line_the_matcher_matches(words):
    line = " ".join(words)
    if matched(line):
        assert GATE.could_match(line), line


def test_lines_no_pattern_can_match_are_rejected():
    idle = [
        "The weather here has been terrible all week.",
        "This e-mail message is confidential and for the sole use of the intended recipient.",
        "+1 555 0100",
    ]
    assert [line for line in idle if GATE.could_match(line)] == []


def test_the_tokenizer_exceptions_are_counted_as_their_tokens():
    # "don't" is tokenized as "do" + "n't": a pattern needing "do" must still see it
    tokens = [t.lower_ for t in spacy.blank("en")("don't")]
    assert set(tokens) <= GATE.words("don't")
