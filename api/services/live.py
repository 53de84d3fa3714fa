"""Live capture wired to the settings: the secret store, each provider's sources for a mailbox,
and `run_sync`, the plain function the CLI, a schedule, a push and a Celery worker all call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy.engine import Engine

from api.errors import BadRequest
from api.services.sync import SyncReport, sync_mailbox
from capture.base import Page, SecretStore, Source
from capture.secrets import EncryptedStore, key_from_file
from models.credential import DatabaseStore
from models.db import get_engine, migrate
from models.mailbox import Mailbox
from models.sales_process import load_process
from models.settings import Settings, get_settings


def secret_store(engine: Engine, settings: Settings) -> EncryptedStore:
    """Secrets in the database, encrypted with PROOFSTAGE_SECRET_KEY (or a key kept in
    PROOFSTAGE_SECRETS_DIR/secret.key, made on first use)."""
    key = (
        settings.secret_key.get_secret_value()
        if settings.secret_key
        else key_from_file(settings.secrets_dir / "secret.key")
    )
    return EncryptedStore(DatabaseStore(engine), key)


def graph_account_name(email: str) -> str:
    """The secret holding the msal account id of a rep who signed in themselves (delegated)."""
    return f"msal-account-{email.lower()}"


def graph_account(secrets: SecretStore, email: str) -> str | None:
    """The msal account id of a rep who signed in themselves; None: the app's own access."""
    stored = secrets.load(graph_account_name(email))
    return stored.decode() if stored else None


def mailbox_secret_names(email: str) -> list[str]:
    """Every secret kept for one rep alone, deleted when the rep is removed. (Delegated
    Microsoft tokens sit in the tenant's msal cache; without the account id stored here they
    are never used again, and msal drops them when they expire.)"""
    email = email.lower()
    return [
        graph_account_name(email),
        f"google-oauth-{email}",
        *(push_secret_name(email, stream) for stream in ("mail", "calendar")),
    ]


def push_secret_name(email: str, stream: str) -> str:
    """Where a stream's push secret (Graph clientState, Calendar channel token) is kept."""
    return f"push-{email}-{stream}"


@contextmanager
def provider_sources(mailbox: Mailbox, *, secrets: SecretStore) -> Iterator[list[Source]]:
    """The sources of a mailbox's provider, with their clients open for the block."""
    if mailbox.provider == "microsoft":
        from capture.graph_config import GraphConfig
        from capture.graph_sources import graph_client, graph_sources

        client = graph_client(
            GraphConfig(), secrets=secrets, account_id=graph_account(secrets, mailbox.email)
        )
        with client:
            yield graph_sources(mailbox.email, client=client)
    elif mailbox.provider == "google":
        from capture.gcal import GoogleCalendarSource
        from capture.gmail import GmailSource
        from capture.google_auth import credentials_for
        from capture.google_config import GoogleConfig

        config = GoogleConfig()
        credentials = credentials_for(config, store=secrets, mailbox=mailbox.email)
        yield [
            GmailSource(mailbox=mailbox.email, credentials=credentials, config=config),
            GoogleCalendarSource(mailbox=mailbox.email, credentials=credentials, config=config),
        ]
    else:
        raise BadRequest(
            f"{mailbox.email} is a {mailbox.provider} mailbox: import its files with "
            "`proofstage import`; live sync is for microsoft and google mailboxes"
        )


@cache
def _classifier():  # type: ignore[no-untyped-def]
    from classifiers.pipeline import default_classifier

    return default_classifier()


def run_sync(
    *,
    email: str,
    streams: list[str] | None = None,
    full: bool = False,
    on_page: Callable[[str, Page], None] | None = None,
    settings: Settings | None = None,
) -> SyncReport:
    """Sync one mailbox on the configured database with the configured process."""
    settings = settings or get_settings()
    migrate(settings.url)
    engine = get_engine(settings.url)
    secrets = secret_store(engine, settings)
    return sync_mailbox(
        email=email,
        engine=engine,
        classifier=_classifier(),
        process=load_process(settings.process),
        sources_for=lambda mailbox: provider_sources(mailbox, secrets=secrets),
        full=full,
        streams=streams,
        on_page=on_page,
        settings=settings,
    )
