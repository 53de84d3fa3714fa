"""A rep connects their own Microsoft 365 mailbox from a browser (delegated access) against the
fake identity platform, and the mailbox then syncs with the rep's own token."""

from __future__ import annotations

import re
import ssl
from html import unescape

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import app
from api.services.live import run_sync
from models.settings import get_settings
from tests.api.test_live_sync import _seed, _settings, _stored, graph  # noqa: F401
from tests.capture.graph_support import MAILBOX


@pytest.fixture
def api(graph, database_url, monkeypatch):  # noqa: F811
    monkeypatch.setenv("PROOFSTAGE_DATABASE_URL", database_url)
    monkeypatch.setenv("PROOFSTAGE_MS_REDIRECT_URI", "http://testserver/connect/microsoft/callback")
    get_settings.cache_clear()
    yield TestClient(app)
    get_settings.cache_clear()


def _sign_in(api: TestClient, graph) -> dict[str, str]:  # noqa: F811
    """What the rep's browser does: follow the redirect to sign-in, get the posted form back."""
    started = api.get("/connect/microsoft", params={"mailbox": MAILBOX}, follow_redirects=False)
    assert started.status_code == 307
    trust = ssl.create_default_context(cafile=str(graph.config.ca_bundle))
    page = httpx.get(started.headers["location"], verify=trust).text
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', page))
    return {name: unescape(value) for name, value in fields.items()}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_rep_connects_and_syncs_with_their_own_token(api, graph, database_url):  # noqa: F811
    _seed(graph, messages=2)
    answer = api.post("/connect/microsoft/callback", data=_sign_in(api, graph))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"mailbox": MAILBOX, "provider": "microsoft"}

    report = run_sync(email=MAILBOX, settings=_settings(database_url))
    assert report.ok
    assert len(_stored(database_url)[0]) == 4
    # every token the fake issued was the rep's own: no app-only token was asked for
    assert {grant.kind for grant in graph.fake.access_tokens.values()} == {"user"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_replayed_or_forged_answer_is_refused(api, graph, database_url):  # noqa: F811
    fields = _sign_in(api, graph)
    assert api.post("/connect/microsoft/callback", data=fields).status_code == 200
    replay = api.post("/connect/microsoft/callback", data=fields)
    assert replay.status_code == 422 and "already used" in replay.json()["detail"]
    forged = api.post("/connect/microsoft/callback", data={**fields, "state": "guess"})
    assert forged.status_code == 422
