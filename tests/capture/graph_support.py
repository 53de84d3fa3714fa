"""The fake Graph served over TLS with a throwaway CA, and capture configured to reach it by
settings alone."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme
from cryptography.fernet import Fernet

from capture.graph_auth import GraphAuth
from capture.graph_config import GraphConfig
from capture.graph_http import Backoff, GraphClient
from capture.secrets import EncryptedStore, FolderStore
from tests.fakes.graph import FakeGraph
from tests.fakes.server import serve

MAILBOX = "ana@seller.com"


@dataclass
class Sleeps:
    """An injected sleep: records each wait instead of waiting."""

    waits: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@dataclass
class Running:
    fake: FakeGraph
    url: str
    config: GraphConfig
    secrets_dir: Path
    key: bytes
    ca: trustme.CA
    sleeps: Sleeps = field(default_factory=Sleeps)

    def secrets(self) -> EncryptedStore:
        return EncryptedStore(FolderStore(self.secrets_dir), self.key)

    def auth(self) -> GraphAuth:
        """A fresh GraphAuth, as a new process would build it (the cache read from disk)."""
        return GraphAuth(self.config, secrets=self.secrets())

    def client(self, auth: GraphAuth | None = None, **backoff: Any) -> GraphClient:
        options = {"max_retries": 3, "max_wait": 30.0, "jitter": lambda: 0.0, **backoff}
        return GraphClient(
            self.config,
            token=(auth or self.auth()).app_tokens(),
            backoff=Backoff(sleep=self.sleeps, **options),
        )


class _Switch:
    """An ASGI app that hands each request to the current test's fake."""

    target: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)


@dataclass
class _Shared:
    switch: _Switch
    url: str
    ca: trustme.CA
    ca_file: Path


_SHARED: list[_Shared] = []


def _shared_server() -> _Shared:
    """One TLS server per test process (starting and stopping uvicorn for every test is most
    of a test's time); each test puts its own fresh FakeGraph behind it."""
    if not _SHARED:
        directory = Path(tempfile.mkdtemp(prefix="fake-graph-"))
        ca = trustme.CA()
        ca_file = directory / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        server_pem = directory / "server.pem"
        ca.issue_cert("localhost", "127.0.0.1").private_key_and_cert_chain_pem.write_to_path(
            str(server_pem)
        )
        switch = _Switch()
        serving = serve(switch, certfile=server_pem, keyfile=server_pem)
        url = serving.__enter__()
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        atexit.register(serving.__exit__, None, None, None)
        _SHARED.append(_Shared(switch, url, ca, ca_file))
    return _SHARED[0]


@contextmanager
def running_fake(tmp_path: Path, **fake_options: Any) -> Iterator[Running]:
    """A fresh fake Graph on the local TLS server, and a GraphConfig that points at it."""
    shared = _shared_server()
    fake = FakeGraph(**fake_options)
    shared.switch.target = fake.app
    url = shared.url
    config = GraphConfig(
        tenant_id=fake.tenant,
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        authority_host=url,
        graph_url=f"{url}/v1.0",
        ca_bundle=shared.ca_file,
        redirect_uri="https://app.example/connect/microsoft/callback",
        notification_url="https://app.example/graph/notifications",
        page_size=3,
        timeout=5.0,
    )
    try:
        yield Running(fake, url, config, tmp_path / "secrets", Fernet.generate_key(), shared.ca)
    finally:
        shared.switch.target = None
