"""A fake Google served over TLS with a test CA, and the connector's settings pointing at it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import trustme
from cryptography.fernet import Fernet

from capture.google_config import GoogleConfig
from capture.secrets import EncryptedStore, FolderStore
from tests.fakes.google import FakeGoogle
from tests.fakes.server import serve

SERVICE_ACCOUNT = "sync@proofstage-test.iam.gserviceaccount.com"
CLIENT_ID = "1234-proofstage.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-test-secret"


@dataclass
class GoogleWorld:
    fake: FakeGoogle
    config: GoogleConfig
    base_url: str
    ca_file: Path
    secrets_dir: Path
    store: EncryptedStore


@contextmanager
def google_world(tmp_path: Path, **settings: object) -> Iterator[GoogleWorld]:
    """The fake served at https://localhost:PORT, a service account and an OAuth client on it."""
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    ca_file, cert_file = tmp_path / "ca.pem", tmp_path / "server.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    cert.private_key_and_cert_chain_pem.write_to_path(str(cert_file))
    fake = FakeGoogle()
    with serve(fake, certfile=cert_file, keyfile=cert_file) as base_url:
        fake.oauth.clients[CLIENT_ID] = CLIENT_SECRET
        key_file = tmp_path / "service-account.json"
        key_file.write_text(json.dumps(fake.oauth.new_service_account(SERVICE_ACCOUNT)))
        values: dict = {
            "service_account_file": key_file,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "auth_uri": f"{base_url}/auth",
            "token_uri": f"{base_url}/token",
            "gmail_endpoint": f"{base_url}/",
            "calendar_endpoint": f"{base_url}/calendar/v3/",
            "ca_bundle": ca_file,
            "timeout_seconds": 5,
            "page_size": 3,
            "batch_size": 2,
            "max_retries": 3,
            **settings,
        }
        secrets_dir = tmp_path / "secrets"
        store = EncryptedStore(FolderStore(secrets_dir), Fernet.generate_key())
        yield GoogleWorld(
            fake=fake,
            config=GoogleConfig(**values),
            base_url=base_url,
            ca_file=ca_file,
            secrets_dir=secrets_dir,
            store=store,
        )
