"""`proofstage classify`: spec JSON Lines in, one output line per input line, in order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import islice
from typing import TextIO

from pydantic import ValidationError

from capture.interaction import Interaction
from classifiers.output import output_line
from classifiers.pipeline import default_classifier

BATCH_SIZE = 512


def _parse(line: str) -> Interaction | dict:
    """An interaction, or the error line that stands for it in the output."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "evidence": [], "error": f"not JSON: {exc.msg} at column {exc.colno}"}
    line_id = data.get("id") if isinstance(data, dict) else None
    try:
        return Interaction.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return {"id": line_id, "evidence": [], "error": f"{where}: {first['msg']}"}


def classify_stream(lines: Iterable[str], output: TextIO) -> None:
    """Classify in batches (nlp.pipe) but write strictly one line per input line, in order."""
    classifier = default_classifier()
    iterator = iter(lines)
    while batch := list(islice(iterator, BATCH_SIZE)):
        parsed = [
            _parse(line) if line.strip() else {"id": None, "evidence": [], "error": "empty line"}
            for line in batch
        ]
        good = [p for p in parsed if isinstance(p, Interaction)]
        results = iter(classifier.classify_many(good))
        for item in parsed:
            if isinstance(item, Interaction):
                row = output_line(item.id, next(results), body_length=len(item.body))
            else:
                row = item
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
        output.flush()
