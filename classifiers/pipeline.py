"""The evidence classifier: segments an email, matches patterns per voice, filters by cues, and
adds the calendar rules and senior titles. One evidence per kind per interaction.

Voices: buyer-voice patterns run only on text a buyer wrote (quoted messages whose author is on
another domain, or an unattributed quote when the email has buyer recipients, at lower
confidence); report-voice patterns run only on the rep's own new text, and only when the email
has a buyer on it. Signatures and footers are read only for senior titles.

Subject lines: only report-voice patterns, and only on a subject the rep wrote (not "Re:" or
"Fwd:", which repeat whoever started the thread), at a confidence below the body's.

Event bodies are agendas written by the organiser; v0 reads only the calendar facts of events.

A later trained text classifier can be added to `nlp` as another component that writes spans
to doc.spans["evidence"] (label = kind) or doc.cats; `_candidates` is the one place to merge them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import classifiers.components  # noqa: F401  (registers the spaCy components)
import classifiers.rules  # noqa: F401  (registers proofstage.patterns.v1)
from capture.interaction import Interaction, Person
from classifiers.calendar import classify_event
from classifiers.components import SPANS_KEY
from classifiers.cues import Cues, default_cues
from classifiers.evidence import Evidence, Kind
from classifiers.rules import Rule, Voice
from classifiers.segments import MAX_BODY, Line, Segment, split_segments
from classifiers.sides import is_seller_domain, names_company, side_of
from classifiers.textcat.model import (
    QUESTION_PROVES_NOTHING,
    SentenceModel,
    readable_sentences,
    sentence_text,
)
from classifiers.titles import senior_title

log = logging.getLogger(__name__)

BUYER_CONFIDENCE = 0.9  # the buyer's own words, author known
UNATTRIBUTED_CONFIDENCE = 0.75  # a quote with no named author, on an email with buyer recipients
REPORT_CONFIDENCE = 0.7  # the rep reporting the buyer's action
SUBJECT_CONFIDENCE = 0.65  # the rep's own subject line
TITLE_CONFIDENCE = 0.85  # a senior title in a buyer's signature or header
SENTENCE_MODEL_WEIGHT = 0.95  # the trained model's finding, below a pattern's on the same words
MAX_QUOTE = 300
# model findings that name a vendor must name the seller, as `vendor: true` patterns do
VENDOR_CHECKED = frozenset({Kind.verbal_commitment})
# a long quote with no named author is a forwarded article or memo, not a buyer's reply
UNATTRIBUTED_MAX_CHARS = 4000

_REPLY_PREFIX = re.compile(
    r"^\s*(?:re|fw|fwd|aw|wg|sv|vs|tr|rv|r|antw|odp|ynt)\s*(?:\[\d+\])?\s*:", re.IGNORECASE
)
_TRANSLATE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_US = frozenset({"you", "your", "yours", "us", "y'all"})
_ARTICLES = frozenset({"the", "a", "an"})
_OFFER_NOUNS = frozenset(
    "plan plans tier package edition license licence bundle option subscription proposal quote "
    "offer pilot contract agreement deal".split()
)
_THEM = frozenset({"them", "they", "those", "another", "other", "competitor", "competitors"})


@dataclass(frozen=True)
class _Job:
    """One text to match: a segment, the string its offsets refer to, and how to read it."""

    index: int  # of the interaction in the batch
    segment: Segment
    source: str  # the body or the subject
    voice: Voice
    confidence: float
    speaker: str | None

    def evidence(self, kind: Kind, weight: float, quote: str, interaction: Interaction) -> Evidence:
        """Evidence found in this text; fields built here are valid by construction, so no
        pydantic validation on the hot path."""
        return Evidence.model_construct(
            kind=kind,
            confidence=round(self.confidence * weight, 3),
            actor="buyer" if self.voice == "buyer" else "seller",
            quote=quote,
            observed_at=interaction.sent_at,
            speaker=self.speaker,
            meeting=None,
            meeting_time=None,
        )

    def only_lines(self, keep: Callable[[str], bool]) -> _Job | None:
        segment = self.segment.only_lines(keep)
        return None if segment is None else replace(self, segment=segment)


def build_nlp(patterns_dir: str | Path | None = None) -> Language:
    """A blank English pipeline: sentences (line breaks end them too), then the evidence matcher."""
    nlp = spacy.blank("en")
    nlp.add_pipe("line_sentencizer")
    nlp.add_pipe(
        "evidence_matcher",
        config={
            "patterns": {
                "@misc": "proofstage.patterns.v1",
                "directory": str(patterns_dir) if patterns_dir else None,
            }
        },
    )
    return nlp


class EvidenceClassifier:
    """Evidence from interactions: `classify` for one, `classify_many` for a stream (nlp.pipe)."""

    def __init__(
        self,
        nlp: Language | None = None,
        cues: Cues | None = None,
        sentence_model: SentenceModel | None = None,
    ):
        self.nlp = nlp or build_nlp()
        self.cues = cues or default_cues()
        self.matcher = self.nlp.get_pipe("evidence_matcher")
        self.rules: dict[str, Rule] = self.matcher.rules
        self.sentence_model = sentence_model

    def classify(self, interaction: Interaction) -> list[Evidence]:
        return next(self.classify_many([interaction]))

    def classify_many(
        self, interactions: Iterable[Interaction], batch_size: int = 256
    ) -> Iterator[list[Evidence]]:
        """One list of evidence per interaction, in order; texts are matched in batches."""
        iterator = iter(interactions)
        while batch := list(islice(iterator, max(1, batch_size))):
            yield from self._classify_batch(batch, batch_size)

    def _classify_batch(self, batch: list[Interaction], batch_size: int) -> list[list[Evidence]]:
        # each candidate with the words it matched, read for a meeting time once it is chosen
        found: list[list[tuple[Evidence, str | None]]] = [[] for _ in batch]
        jobs: list[_Job] = []
        for index, interaction in enumerate(batch):
            try:
                if interaction.type == "event":
                    found[index].extend((e, None) for e in classify_event(interaction))
                else:
                    new_jobs, titled = self._plan_email(index, interaction)
                    jobs.extend(new_jobs)
                    found[index].extend((e, None) for e in titled)
            except Exception:  # one malformed interaction must not stop a whole import
                log.exception("classifying %s failed; no evidence kept", interaction.id)
                found[index] = []
        if self.sentence_model is None:
            # only lines where some pattern could match are worth tokenizing
            could_match = self.matcher.gate.could_match
            jobs = [j for j in (j.only_lines(could_match) for j in jobs) if j is not None]
        docs = list(self.nlp.pipe((job.segment.text for job in jobs), batch_size=batch_size))
        for job, doc in zip(jobs, docs, strict=True):
            try:
                found[job.index].extend(self._candidates(job, doc, batch[job.index]))
            except Exception:
                log.exception("matching %s failed; segment skipped", batch[job.index].id)
        if self.sentence_model is not None:
            self._sentence_candidates(jobs, docs, batch, found)
        return [_with_meeting_times(_best_per_kind(items)) for items in found]

    def voiced_sentences(
        self, interactions: Iterable[Interaction]
    ) -> Iterator[list[tuple[str, str, Span]]]:
        """Per email, its readable sentences as (voice, text for the sentence model, sentence)."""
        for interaction in interactions:
            jobs = self._plan_email(0, interaction)[0] if interaction.type == "email" else []
            docs = self.nlp.pipe(job.segment.text for job in jobs)
            yield [
                (job.voice, sentence_text(job.voice, sentence.text), sentence)
                for job, doc in zip(jobs, docs, strict=True)
                for sentence in readable_sentences(doc)
            ]

    def _sentence_candidates(
        self,
        jobs: list[_Job],
        docs: list[Doc],
        batch: list[Interaction],
        found: list[list[tuple[Evidence, str | None]]],
    ) -> None:
        """Evidence the trained sentence model finds, above each kind's threshold."""
        assert self.sentence_model is not None
        places = [
            (job, s) for job, doc in zip(jobs, docs, strict=True) for s in readable_sentences(doc)
        ]
        texts = (sentence_text(job.voice, s.text) for job, s in places)
        for (job, sentence), scores in zip(places, self.sentence_model.scores(texts), strict=True):
            interaction = batch[job.index]
            for kind, _score in scores:
                question = sentence.text.rstrip().endswith("?")
                if question and (job.voice != "buyer" or kind in QUESTION_PROVES_NOTHING):
                    continue
                if kind in VENDOR_CHECKED and not _no_other_vendor(sentence, interaction):
                    continue  # "we've decided to go with another vendor" is no commitment
                quote = _quote(job, sentence, sentence)
                if not quote:
                    continue
                evidence = job.evidence(kind, SENTENCE_MODEL_WEIGHT, quote, interaction)
                found[job.index].append((evidence, sentence.text))

    def _plan_email(
        self, index: int, interaction: Interaction
    ) -> tuple[list[_Job], list[Evidence]]:
        """The texts to match in an email, and the evidence its senior titles give outright."""
        body = (interaction.body or "")[:MAX_BODY]
        subject = interaction.subject or ""
        seller = interaction.seller_domain
        owner = interaction.from_ or Person(email=interaction.mailbox)
        people = interaction.participants()
        buyers_present = any(p.email and not is_seller_domain(p.domain, seller) for p in people)
        segments = split_segments(body, owner=owner, people=people)
        rep_text = "\n".join(s.text for s in segments if s.role == "rep")
        if self.cues.is_auto_reply(subject=subject, text=rep_text):
            return [], []
        jobs: list[_Job] = []
        for segment in segments:
            if segment.role == "rep" and buyers_present:
                jobs.append(
                    _Job(index, segment, body, "report", REPORT_CONFIDENCE, interaction.mailbox)
                )
            elif segment.role == "quoted":
                confidence = self._buyer_confidence(segment, seller, buyers_present)
                if confidence and not self.cues.is_auto_reply(text=segment.text):
                    speaker = segment.author.email if segment.author else None
                    jobs.append(_Job(index, segment, body, "buyer", confidence, speaker or None))
        if buyers_present and subject.strip() and not _REPLY_PREFIX.match(subject):
            line = Line(text_start=0, body_start=0, length=len(subject))
            segment = Segment(
                text=subject.translate(_TRANSLATE), start=0, role="rep", author=None, lines=(line,)
            )
            jobs.append(
                _Job(index, segment, subject, "report", SUBJECT_CONFIDENCE, interaction.mailbox)
            )
        titled = self._senior_titles(segments, body, seller, interaction.sent_at)
        return jobs, titled

    @staticmethod
    def _buyer_confidence(segment: Segment, seller: str, buyers_present: bool) -> float:
        side = side_of(segment.author, seller)
        if side == "buyer":
            return BUYER_CONFIDENCE
        if side == "unknown" and buyers_present and len(segment.text) <= UNATTRIBUTED_MAX_CHARS:
            return UNATTRIBUTED_CONFIDENCE
        return 0.0

    def _senior_titles(
        self, segments: list[Segment], body: str, seller: str, sent_at: datetime
    ) -> list[Evidence]:
        """executive_engaged: a buyer wrote a quoted message and their senior title shows in it."""
        for segment in segments:
            author = segment.author
            if segment.role not in ("quoted", "signature") or side_of(author, seller) != "buyer":
                continue
            assert author is not None
            quote = _title_in_header(author.name, author.header, body)
            if quote is None and segment.role == "signature":
                quote = _title_line(segment, body, max_length=80, last=len(segment.lines))
            if quote is None and segment.role == "quoted":
                quote = _title_line(segment, body, max_length=60, last=4)
            if quote:
                return [
                    Evidence(
                        kind=Kind.executive_engaged,
                        confidence=TITLE_CONFIDENCE,
                        actor="buyer",
                        quote=quote,
                        observed_at=sent_at,
                        speaker=author.email,
                    )
                ]
        return []

    def _candidates(
        self, job: _Job, doc: Doc, interaction: Interaction
    ) -> Iterator[tuple[Evidence, str]]:
        for span in doc.spans.get(SPANS_KEY, []):
            rule = self.rules.get(span.id_)
            if rule is None or rule.voice != job.voice:
                continue
            sentence = span.sent
            if any(token.is_sent_start for token in span[1:]):
                continue  # a match may not run across a line break or a sentence end
            if self.cues.veto(span, sentence, rule):
                continue
            if rule.end_or_next is not None and not _ends_well(span, sentence, rule.end_or_next):
                continue
            if rule.vendor and not _vendor_is_us(span, sentence, interaction.seller_domain):
                continue
            if rule.other_company and not _other_company(span, interaction):
                continue
            quote = _quote(job, span, sentence)
            if not quote:
                continue
            yield job.evidence(rule.kind, rule.weight, quote, interaction), span.text


_KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}


def _best_per_kind(
    items: list[tuple[Evidence, str | None]],
) -> list[tuple[Evidence, str | None]]:
    """One evidence per kind: the most confident, the first found on a tie; in Kind order."""
    best: dict[Kind, tuple[Evidence, str | None]] = {}
    for evidence, matched in items:
        if evidence.kind not in best or evidence.confidence > best[evidence.kind][0].confidence:
            best[evidence.kind] = (evidence, matched)
    return sorted(best.values(), key=lambda item: _KIND_ORDER[item[0].kind])


def _with_meeting_times(items: list[tuple[Evidence, str | None]]) -> list[Evidence]:
    """The evidence, meeting_scheduled from text given its meeting time (dateparser is slow, so
    only the chosen evidence is read)."""
    for evidence, matched in items:
        if evidence.kind == Kind.meeting_scheduled and matched is not None:
            evidence.meeting_time = meeting_time(
                (matched, evidence.quote), sent_at=evidence.observed_at
            )
    return [evidence for evidence, _ in items]


def _ends_well(span: Span, sentence: Span, allowed: tuple[str, ...]) -> bool:
    """The match ends its sentence, or the next word is one of `allowed`."""
    doc = span.doc
    if span.end >= sentence.end:
        return True
    following = doc[span.end]
    return following.is_space or following.lower_ in allowed


def _vendor_is_us(span: Span, sentence: Span, seller_domain: str) -> bool:
    """A vendor named after "with" ("going with X") is the seller; no vendor named is fine."""
    doc = span.doc
    at = next((t.i for t in reversed(span) if t.lower_ == "with"), None)
    if at is None and span.end < sentence.end and doc[span.end].lower_ == "with":
        at = span.end
    if at is None:
        return True
    i = at + 1
    while i < sentence.end and doc[i].lower_ in _ARTICLES:
        i += 1
    if i >= sentence.end:
        return True
    token = doc[i]
    if token.lower_ in _US:
        return True
    if token.lower_ in _THEM or token.lower_ in default_cues().near.get("other_vendor", ()):
        return False
    if token.text[:1].isupper():  # a name: "Acme", but also "IDeaS" or "eXp"-like brands
        following = doc[i + 1].lower_ if i + 1 < sentence.end else ""
        # "the Enterprise plan", "the Pro tier": one of our offers, not another vendor
        return following in _OFFER_NOUNS or names_company(token.text, seller_domain)
    return True


def _no_other_vendor(sentence: Span, interaction: Interaction) -> bool:
    """No vendor other than the seller is named after a "with" in the sentence (the patterns'
    `vendor: true` check, for the model's findings, which have no matched span)."""
    return all(
        _vendor_is_us(sentence.doc[t.i : t.i + 1], sentence, interaction.seller_domain)
        for t in sentence
        if t.lower_ == "with"
    )


def _other_company(span: Span, interaction: Interaction) -> bool:
    """The company a match ends with belongs to neither the seller nor any buyer on the email."""
    name = span[-1].text
    domains = {p.domain for p in interaction.participants()} | {interaction.seller_domain}
    return not any(names_company(name, domain) for domain in domains)


def _quote(job: _Job, span: Span, sentence: Span) -> str:
    """The matched sentence on one line, an exact substring of the body (or subject)."""
    segment = job.segment
    start, end = segment.quote_span(
        sentence.start_char, sentence.end_char, (span.start_char, span.end_char)
    )
    source = job.source
    if end - start > MAX_QUOTE:
        focus_start, focus_end = segment.quote_span(
            span.start_char, span.end_char, (span.start_char, span.end_char)
        )
        lo = max(start, focus_start - 100)
        hi = min(end, max(focus_end, lo) + 150)
        if lo > start:
            lo = source.find(" ", lo, focus_start) + 1 or lo
        if hi < end:
            cut = source.rfind(" ", focus_end, hi)
            hi = cut if cut > 0 else hi
        start, end = lo, hi
    return source[start:end].strip()


def meeting_time(texts: Iterable[str], *, sent_at: datetime) -> datetime | None:
    """When a confirmed meeting is, read from the matched words (first) or the quote."""
    from dateparser.search import search_dates  # slow to import; only meetings need it

    base = sent_at.astimezone(UTC).replace(tzinfo=None)
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
    }
    for text in texts:
        if not re.search(r"\d|day\b|tomorrow", text, re.IGNORECASE):
            continue
        try:
            results = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # dateparser raises on some odd inputs; a missing time is fine
            continue
        for matched, when in results:
            if re.search(r"\d|day\b|tomorrow", matched, re.IGNORECASE) and when > sent_at:
                return when
    return None


def _title_in_header(name: str, header: tuple[int, int] | None, body: str) -> str | None:
    """The header line that shows the author's senior title ("From: Maria Lopez (CFO) <...>")."""
    if header is None or not senior_title(name):
        return None
    for line in body[header[0] : header[1]].split("\n"):
        title = senior_title(line)
        if title:
            return line.strip().lstrip(">").strip() or None
    return None


def _title_line(segment: Segment, body: str, *, max_length: int, last: int) -> str | None:
    """A short line near the end of a message (a signature) that shows a senior title."""
    for line in segment.lines[-last:]:
        text = body[line.body_start : line.body_start + line.length].strip()
        if not text or len(text) > max_length or text.endswith((".", "?", "!")):
            continue
        if senior_title(text):
            return text
    return None


@cache
def default_classifier() -> EvidenceClassifier:
    """The bundled patterns and the trained sentence model, built once per process."""
    return EvidenceClassifier(sentence_model=SentenceModel.load())
