"""An API client whose requests read the test's database through `dependency_overrides`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.deps import get_session
from api.main import app


@pytest.fixture
def api(engine) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    def session_override() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    yield TestClient(app)
    app.dependency_overrides.clear()
