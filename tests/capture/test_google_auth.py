"""Signing in to the fake Google: a delegated service account, and a user's own OAuth consent
whose refresh token is kept encrypted and used later."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from google.auth.credentials import Credentials

from capture.base import SourceError
from capture.gmail import GmailSource
from capture.google_auth import (
    SCOPES,
    credentials_for,
    delegated_credentials,
    finish_consent,
    start_consent,
    stored_credentials,
)
from capture.google_config import GoogleConfig
from tests.capture.factories import raw_email
from tests.fakes.google_oauth import JWT_BEARER
from tests.fakes.google_setup import GoogleWorld, google_world

ANA = "ana@seller.com"
REDIRECT = "https://proofstage.example/connect/google/callback"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[GoogleWorld]:
    with google_world(tmp_path) as world:
        world.fake.add_user(ANA)
        world.fake.send(ANA, raw_email("Signed copy attached.\n"))
        yield world


def read_all(world: GoogleWorld, credentials: Credentials | None) -> set[str]:
    assert credentials is not None
    gmail = GmailSource(mailbox=ANA, credentials=credentials, config=world.config)
    return {i.provider_id or "" for page in gmail.pages(None) for i in page.interactions}


def consent(world: GoogleWorld, user: str = ANA) -> str:
    """Go through the consent page as `user`; returns the mailbox finish_consent stored."""
    world.fake.oauth.consenting_user = user
    started = start_consent(world.config, redirect_uri=REDIRECT)
    trust = ssl.create_default_context(cafile=str(world.ca_file))
    answer = httpx.get(started.url, verify=trust, follow_redirects=False)
    back = parse_qs(urlsplit(answer.headers["location"]).query)
    assert back["state"] == [started.state]
    return finish_consent(
        world.config,
        store=world.store,
        redirect_uri=REDIRECT,
        code=back["code"][0],
        code_verifier=started.code_verifier,
    )


def test_the_service_account_signs_in_as_the_mailbox_at_the_configured_token_uri(
    world: GoogleWorld,
) -> None:
    assert read_all(world, delegated_credentials(world.config, mailbox=ANA))
    assert world.fake.oauth.grants_served == [JWT_BEARER]
    grants = list(world.fake.oauth.access_tokens.values())
    assert [g.subject for g in grants] == [ANA] and grants[0].scopes == set(SCOPES)


def test_a_key_from_another_account_is_refused(world: GoogleWorld, tmp_path: Path) -> None:
    forged = world.fake.oauth.new_service_account("other@x.iam.gserviceaccount.com")
    forged["client_email"] = "sync@proofstage-test.iam.gserviceaccount.com"
    key_file = tmp_path / "forged.json"
    key_file.write_text(json.dumps(forged))
    config = world.config.model_copy(update={"service_account_file": key_file})
    with pytest.raises(SourceError, match="refused the credentials"):
        read_all(world, delegated_credentials(config, mailbox=ANA))


def test_the_consent_url_asks_for_offline_read_only_access(world: GoogleWorld) -> None:
    started = start_consent(world.config, redirect_uri=REDIRECT)
    url = urlsplit(started.url)
    query = parse_qs(url.query)
    assert f"{url.scheme}://{url.netloc}{url.path}" == world.config.auth_uri
    assert set(query["scope"][0].split()) == set(SCOPES)
    assert query["access_type"] == ["offline"] and query["prompt"] == ["consent"]
    assert query["code_challenge_method"] == ["S256"] and started.code_verifier


def test_a_users_refresh_token_is_stored_encrypted_and_used(world: GoogleWorld) -> None:
    assert consent(world) == ANA
    refresh_token = next(iter(world.fake.oauth.refresh_tokens))
    stored = b"".join(p.read_bytes() for p in world.secrets_dir.iterdir())
    assert stored and refresh_token.encode() not in stored
    world.fake.oauth.grants_served.clear()
    credentials = stored_credentials(world.config, store=world.store, mailbox=ANA)
    assert credentials is not None
    assert read_all(world, credentials) == set(world.fake.mailboxes[ANA].messages)
    assert world.fake.oauth.grants_served == ["refresh_token"]


def test_a_users_own_grant_wins_over_the_service_account(world: GoogleWorld) -> None:
    consent(world)
    world.fake.oauth.grants_served.clear()
    read_all(world, credentials_for(world.config, store=world.store, mailbox=ANA))
    assert world.fake.oauth.grants_served == ["refresh_token"]


def test_a_mailbox_with_no_grant_and_no_service_account_is_an_error(world: GoogleWorld) -> None:
    config = GoogleConfig(client_id="x", client_secret="y", service_account_file=None)
    with pytest.raises(SourceError, match="has not granted access"):
        credentials_for(config, store=world.store, mailbox=ANA)


def test_a_revoked_grant_is_a_source_error(world: GoogleWorld) -> None:
    consent(world)
    world.fake.oauth.refresh_tokens.clear()
    credentials = stored_credentials(world.config, store=world.store, mailbox=ANA)
    with pytest.raises(SourceError, match="refused the credentials"):
        read_all(world, credentials)


def test_settings_come_from_the_environment_with_public_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PROOFSTAGE_GOOGLE_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("PROOFSTAGE_GOOGLE_GMAIL_ENDPOINT", "https://gmail.internal/")
    config = GoogleConfig(_env_file=None)  # type: ignore[call-arg]
    assert config.client_secret is not None and "s3cret" not in repr(config)
    assert config.gmail_batch_uri == "https://gmail.internal/batch/gmail/v1"
    assert GoogleConfig.model_fields["token_uri"].default == "https://oauth2.googleapis.com/token"
    assert config.calendar_endpoint == "https://www.googleapis.com/calendar/v3/"
