"""Fixtures shared by the capture tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.graph_support import Running, running_fake


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[Running]:
    """A fake Microsoft Graph and identity platform over TLS, empty until a test seeds it."""
    with running_fake(tmp_path) as running:
        yield running
