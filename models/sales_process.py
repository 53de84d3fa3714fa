"""The sales process as data: buyer stages, exit criteria, gates and tactics, from YAML."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from classifiers.evidence import Kind

PROCESSES_DIR = Path(__file__).parent / "processes"
DEFAULT_PROCESS = "buyer_journey"
DEFAULT_ALLOWED_DAYS = 30


class ProcessError(ValueError):
    """A process file that cannot be used; the message says exactly what is wrong and where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExitCriterion(_Strict):
    """A debrief question answered only by evidence kinds (seed 003: factual and inspectable)."""

    id: str
    question: str
    all_of: tuple[Kind, ...] = ()
    any_of: tuple[Kind, ...] = ()
    # kinds the proving interaction must also carry, e.g. executive_engaged for "a senior buyer"
    together_with: tuple[Kind, ...] = ()
    # a kind that must follow the proof, dated on or after it ("then a next step")
    then: Kind | None = None
    # criteria of the same stage this one must be dated on or after ("a next step after the others")
    after_criteria: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _has_evidence(self) -> ExitCriterion:
        if not self.all_of and not self.any_of:
            raise ValueError(f"criterion {self.id!r} names no evidence kind (all_of or any_of)")
        return self

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """Every kind this criterion reads, for documentation and filters."""
        extra = (self.then,) if self.then else ()
        return tuple(dict.fromkeys((*self.all_of, *self.any_of, *self.together_with, *extra)))


class Stage(_Strict):
    id: str
    name: str
    description: str
    behaviours: tuple[str, ...] = ()
    exit_criteria: tuple[ExitCriterion, ...] = ()
    gates: tuple[str, ...] = ()  # internal approvals, which are never buyer evidence
    tactics: tuple[str, ...] = ()
    allowed_days: int | None = None  # days without buyer evidence before the deal leaks
    recorded: tuple[Kind, ...] = ()  # kinds worth showing in a terminal stage, proving nothing


class SalesProcess(_Strict):
    id: str
    name: str
    description: str = ""
    allowed_days: int = Field(default=DEFAULT_ALLOWED_DAYS, gt=0)
    min_confidence: float = Field(default=0.5, ge=0, le=1)
    stages: tuple[Stage, ...]

    @field_validator("stages")
    @classmethod
    def _stages_valid(cls, stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        if not stages:
            raise ValueError("a process needs at least one stage")
        _unique("stage", [s.id for s in stages])
        _unique("criterion", [c.id for s in stages for c in s.exit_criteria])
        for position, stage in enumerate(stages):
            is_last = position == len(stages) - 1
            if not stage.exit_criteria and not is_last:
                raise ValueError(f"stage {stage.id!r} has no exit criteria; only the last may")
            seen: set[str] = set()
            for criterion in stage.exit_criteria:
                unknown = [ref for ref in criterion.after_criteria if ref not in seen]
                if unknown:
                    raise ValueError(
                        f"criterion {criterion.id!r} is after {unknown}, which must be criteria "
                        f"listed before it in stage {stage.id!r}"
                    )
                seen.add(criterion.id)
        return stages

    def stage_index(self, stage_id: str) -> int:
        return [s.id for s in self.stages].index(stage_id)

    def days_allowed(self, stage: Stage) -> int | None:
        """Days a stage may go without buyer evidence; the last stage waits forever."""
        if stage is self.stages[-1] and stage.allowed_days is None:
            return None
        return stage.allowed_days or self.allowed_days

    def criterion(self, criterion_id: str) -> ExitCriterion:
        for stage in self.stages:
            for criterion in stage.exit_criteria:
                if criterion.id == criterion_id:
                    return criterion
        raise KeyError(criterion_id)


def _unique(what: str, ids: list[str]) -> None:
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate {what} id(s): {', '.join(duplicates)}")


def parse_process(text: str, *, origin: str = "<process>") -> SalesProcess:
    """Parse and validate a process from YAML text; errors name the file and the field."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProcessError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ProcessError(f"{origin}: expected a mapping with id, name and stages")
    try:
        return SalesProcess.model_validate(data)
    except ValidationError as exc:
        raise ProcessError(f"{origin}: " + _explain(exc)) from exc


def _explain(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "enum":
            message = f"unknown evidence kind {error['input']!r}"
        lines.append(f"{where}: {message}" if where else message)
    return "; ".join(lines)


def load_process(name_or_path: str | Path = DEFAULT_PROCESS) -> SalesProcess:
    """A shipped process by name (buyer_journey, buyer_milestones) or a YAML file by path."""
    path = Path(name_or_path)
    if path.suffix not in {".yml", ".yaml"}:
        path = PROCESSES_DIR / f"{name_or_path}.yml"
        if not path.exists():
            shipped = ", ".join(shipped_processes())
            raise ProcessError(f"no shipped process {str(name_or_path)!r}; shipped: {shipped}")
    if not path.exists():
        raise ProcessError(f"{path}: no such file")
    return parse_process(path.read_text(encoding="utf-8"), origin=str(path))


@cache
def shipped_process(name: str = DEFAULT_PROCESS) -> SalesProcess:
    return load_process(name)


def shipped_processes() -> list[str]:
    return sorted(p.stem for p in PROCESSES_DIR.glob("*.yml"))
