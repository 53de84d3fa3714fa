"""Evidence patterns as data: classifiers/patterns/<kind>.yml, loaded through spaCy's registry.

Each file names its `kind` and lists patterns, each with an `id`, a `voice` and a spaCy Matcher
token `pattern`. Two small macros keep the files readable (patterns/README.md):
  - a string value "@name" (e.g. {LOWER: {IN: "@be"}}) is replaced by `defs.name` of common.yml;
  - a token {SEQ: name} is replaced by each alternative token sequence of `sequences.name`
    ({SEQ: name, OP: "?"} also by nothing), so one pattern may stand for several Matcher
    patterns under the same id.
A pattern's `voice: both` makes two rules: the buyer's words (`<id>`) and the rep reporting
them (`<id>.report`). `examples` are sentences the pattern must find (tests check them).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import spacy
import yaml

from classifiers.evidence import Kind

PATTERNS_DIR = Path(__file__).parent / "patterns"
COMMON_FILE = "common.yml"
NOT_PATTERN_FILES = {COMMON_FILE, "cues.yml", "titles.yml", "calendar.yml"}

Voice = Literal["buyer", "report"]
CUE_CATEGORIES = ("question", "negation", "conditional", "modal", "tentative", "opinion")


@dataclass(frozen=True)
class Rule:
    """One evidence pattern: what it proves, whose words it matches, and which cues it tolerates."""

    id: str
    kind: Kind
    voice: Voice
    patterns: tuple[tuple[dict[str, Any], ...], ...]  # Matcher token patterns (alternatives)
    allow: frozenset[str] = frozenset()  # cue categories that do not veto this pattern
    unless_near: tuple[str, ...] = ()  # cue lists that veto a match when they follow it closely
    vendor: bool = False  # a vendor named after "with" ("going with X") must be the seller
    other_company: bool = False  # the match ends with a company name that must not be either side's
    end_or_next: tuple[str, ...] | None = None  # the match must end the sentence or precede these
    weight: float = 1.0  # scales the voice's base confidence
    examples: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "voice": self.voice,
            "patterns": [list(p) for p in self.patterns],
            "allow": sorted(self.allow),
            "unless_near": list(self.unless_near),
            "vendor": self.vendor,
            "other_company": self.other_company,
            "end_or_next": list(self.end_or_next) if self.end_or_next is not None else None,
            "weight": self.weight,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rule:
        return cls(
            id=data["id"],
            kind=Kind(data["kind"]),
            voice=data["voice"],
            patterns=tuple(tuple(p) for p in data["patterns"]),
            allow=frozenset(data.get("allow", ())),
            unless_near=tuple(data.get("unless_near", ())),
            vendor=bool(data.get("vendor", False)),
            other_company=bool(data.get("other_company", False)),
            end_or_next=_optional_words(data.get("end_or_next")),
            weight=float(data.get("weight", 1.0)),
        )


def _optional_words(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(str(v).lower() for v in value)


class PatternError(ValueError):
    """A pattern file that cannot be loaded; names the file and the pattern."""


def _substitute(value: Any, defs: dict[str, Any], where: str) -> Any:
    if isinstance(value, str) and value.startswith("@") and value[1:].isidentifier():
        name = value[1:]
        if name not in defs:
            raise PatternError(f"{where}: unknown definition {value!r}")
        return defs[name]
    if isinstance(value, dict):
        return {k: _substitute(v, defs, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, defs, where) for v in value]
    return value


def _expand(
    tokens: list[dict[str, Any]],
    defs: dict[str, Any],
    sequences: dict[str, list[list[dict[str, Any]]]],
    where: str,
) -> list[list[dict[str, Any]]]:
    choices: list[list[list[dict[str, Any]]]] = []
    for token in tokens:
        if not isinstance(token, dict):
            raise PatternError(f"{where}: a token must be a mapping, got {token!r}")
        if "SEQ" in token:
            name = token["SEQ"]
            if name not in sequences:
                raise PatternError(f"{where}: unknown sequence {name!r}")
            alternatives = [_substitute(seq, defs, where) for seq in sequences[name]]
            if token.get("OP") == "?":  # an optional sequence
                alternatives.append([])
            choices.append(alternatives)
        else:
            choices.append([[_substitute(token, defs, where)]])
    return [[t for part in combo for t in part] for combo in itertools.product(*choices)]


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false, so that the words on, off, yes and no stay words."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def read_yaml(path: Path) -> Any:
    """A pattern-folder YAML file, where "on", "off", "yes" and "no" are words, not booleans."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506


def _read_yaml(path: Path) -> dict[str, Any]:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise PatternError(f"{path.name}: expected a mapping at the top")
    return data


def load_rules(directory: str | Path | None = None) -> list[Rule]:
    """Every pattern of every <kind>.yml in the directory, macros expanded, ids checked unique."""
    folder = Path(directory) if directory else PATTERNS_DIR
    common = _read_yaml(folder / COMMON_FILE) if (folder / COMMON_FILE).exists() else {}
    defs: dict[str, Any] = common.get("defs", {}) or {}
    sequences: dict[str, Any] = common.get("sequences", {}) or {}
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        if path.name in NOT_PATTERN_FILES:
            continue
        data = _read_yaml(path)
        file_kind = data.get("kind")
        for entry in data.get("patterns", []) or []:
            where = f"{path.name}:{entry.get('id', '?')}"
            if "id" not in entry or "pattern" not in entry:
                raise PatternError(f"{where}: needs an id and a pattern")
            if entry["id"] in seen:
                raise PatternError(f"{where}: duplicate id")
            seen.add(entry["id"])
            try:
                kind = Kind(entry.get("kind", file_kind))
            except ValueError as exc:
                raise PatternError(f"{where}: unknown kind") from exc
            voice = entry.get("voice")
            if voice not in ("buyer", "report", "both"):
                raise PatternError(f"{where}: voice must be buyer, report or both")
            allow = frozenset(entry.get("allow", ()))
            if unknown := allow - set(CUE_CATEGORIES):
                raise PatternError(f"{where}: unknown cue categories {sorted(unknown)}")
            patterns = tuple(tuple(p) for p in _expand(entry["pattern"], defs, sequences, where))
            # "both": the buyer's own words, and the rep reporting them ("<id>.report")
            voices = [("buyer", entry["id"]), ("report", entry["id"] + ".report")]
            for rule_voice, rule_id in voices if voice == "both" else [(voice, entry["id"])]:
                rules.append(
                    Rule(
                        id=rule_id,
                        kind=kind,
                        voice=rule_voice,
                        patterns=patterns,
                        allow=allow,
                        unless_near=tuple(entry.get("unless_near", ())),
                        vendor=bool(entry.get("vendor", False)),
                        other_company=bool(entry.get("other_company", False)),
                        end_or_next=_optional_words(entry.get("end_or_next")),
                        weight=float(entry.get("weight", 1.0)),
                        examples=tuple(entry.get("examples", ())),
                    )
                )
    return rules


@cache
def default_rules() -> tuple[Rule, ...]:
    """The bundled patterns, read once."""
    return tuple(load_rules())


@spacy.registry.misc("proofstage.patterns.v1")
def patterns_v1(directory: str | None = None) -> list[dict[str, Any]]:
    """The evidence patterns as plain dicts, for the evidence_matcher component's config."""
    rules = default_rules() if directory is None else load_rules(directory)
    return [rule.to_dict() for rule in rules]
