"""Live-capture commands: `proofstage mailboxes ...`, `proofstage sync`, `proofstage connect`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from api.cli_output import _fail, _process, _progress, console, out
from api.errors import ProofstageError

mailboxes_app = typer.Typer(
    help="The reps' connected mailboxes: sync health, add, pause, resume, remove.",
    invoke_without_command=True,
)


def _engine():  # type: ignore[no-untyped-def]
    from models.db import get_engine, migrate
    from models.settings import get_settings

    migrate(get_settings().url)
    return get_engine()


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"


@mailboxes_app.callback()
def mailboxes_list(ctx: typer.Context) -> None:
    """Without a subcommand: each mailbox's sync health per stream (last success, lag, last
    error, push), with stale streams in red. Exits 1 when any active mailbox is stale."""
    if ctx.invoked_subcommand is not None:
        return
    from sqlmodel import Session

    from api.services.mailboxes import health
    from models.settings import get_settings

    now = datetime.now(UTC)
    with Session(_engine()) as session:
        rows = health(
            session, now=now, stale_after=timedelta(minutes=get_settings().stale_after_minutes)
        )
    if not rows:
        console.print("no mailboxes yet: `proofstage mailboxes add EMAIL --provider ...`")
        return
    table = Table("mailbox", "provider", "stream", "last sync", "push", "last error")
    for row in rows:
        if not row.streams:
            table.add_row(row.email, row.provider, "files", _ago(row.last_import_at, now), "", "")
        for stream in row.streams:
            state = "[dim]paused[/dim]" if row.paused else ""
            when = _ago(stream.last_success_at, now)
            table.add_row(
                row.email,
                row.provider,
                stream.stream,
                f"[red]{when} (stale)[/red]" if stream.stale and not row.paused else when,
                "live" if stream.push_live else "polling",
                state or escape(stream.last_error or ""),
            )
    out.print(table)
    if not all(row.healthy for row in rows):
        raise typer.Exit(code=1)


@mailboxes_app.command("add")
def mailboxes_add(
    email: Annotated[str, typer.Argument(help="The rep's address.")],
    provider: Annotated[str, typer.Option(help="microsoft or google.")],
    name: Annotated[str, typer.Option(help="The rep's display name.")] = "",
) -> None:
    """Register a rep's mailbox for live capture (see `proofstage connect` for access)."""
    from api.services.mailboxes import connect
    from models.db import session_scope

    try:
        with session_scope(_engine()) as session:
            connect(session, email=email, provider=provider, name=name)
    except ProofstageError as exc:
        raise _fail(exc.detail) from exc
    console.print(f"[green]{escape(email)}[/green] added; `proofstage sync --mailbox {email}`")


def _set_paused(email: str, paused: bool) -> None:
    from api.services.mailboxes import set_paused
    from models.db import session_scope

    try:
        with session_scope(_engine()) as session:
            set_paused(session, email=email, paused=paused)
    except ProofstageError as exc:
        raise _fail(exc.detail) from exc
    console.print(f"{escape(email)} {'paused' if paused else 'resumed'}")


@mailboxes_app.command("pause")
def mailboxes_pause(email: Annotated[str, typer.Argument(help="The rep's address.")]) -> None:
    """Stop capturing a rep's mail and calendar; what was captured stays."""
    _set_paused(email, True)


@mailboxes_app.command("resume")
def mailboxes_resume(email: Annotated[str, typer.Argument(help="The rep's address.")]) -> None:
    """Capture again from where the mailbox stopped."""
    _set_paused(email, False)


@mailboxes_app.command("remove")
def mailboxes_remove(
    email: Annotated[str, typer.Argument(help="The rep's address.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    process: Annotated[str | None, typer.Option(help="Process to re-assess with.")] = None,
) -> None:
    """Delete a rep's mailbox and everything captured from it (interactions, evidence, sync
    state, stored credentials); the deals it touched are re-assessed."""
    from api.services.ingest import record_changes
    from api.services.live import mailbox_secret_names
    from api.services.mailboxes import remove
    from models.credential import DatabaseStore
    from models.db import session_scope

    if not yes:
        typer.confirm(f"Delete {email} and everything captured from it?", abort=True)
    engine = _engine()
    try:
        with session_scope(engine) as session:
            touched = remove(session, email=email)
    except ProofstageError as exc:
        raise _fail(exc.detail) from exc
    secrets = DatabaseStore(engine).delete(mailbox_secret_names(email))
    record_changes(
        engine, opportunity_ids=touched, process=_process(process), as_of=datetime.now(UTC)
    )
    console.print(
        f"{escape(email)} removed; {secrets} stored credential(s) deleted, "
        f"{len(touched)} deal(s) re-assessed"
    )


def sync(
    mailbox: Annotated[
        list[str] | None, typer.Option(help="A rep's address (repeatable); default every one.")
    ] = None,
    full: Annotated[bool, typer.Option(help="Ignore stored cursors and read everything.")] = False,
    stream: Annotated[
        list[str] | None, typer.Option(help="mail or calendar (repeatable); default both.")
    ] = None,
) -> None:
    """Sync connected mailboxes from Microsoft 365 or Google: incremental from the stored
    cursors, page by page, each page stored with its cursor. Exits 1 when a stream failed."""
    from sqlmodel import Session, col, select

    from api.services.live import run_sync
    from api.services.mailboxes import PROVIDERS, STREAMS
    from models.mailbox import Mailbox

    unknown = sorted(set(stream or ()) - set(STREAMS))
    if unknown:
        raise _fail(f"unknown stream {unknown[0]!r}: use mail or calendar")
    with Session(_engine()) as session:
        query = select(Mailbox).where(col(Mailbox.provider).in_(PROVIDERS))
        if mailbox:
            query = select(Mailbox).where(col(Mailbox.email).in_([m.lower() for m in mailbox]))
        boxes = [(m.email, m.provider) for m in session.exec(query.order_by(col(Mailbox.email)))]
    missing = sorted({m.lower() for m in mailbox or ()} - {email for email, _ in boxes})
    if missing:
        raise _fail(f"no mailbox {missing[0]}: add it with `proofstage mailboxes add`")
    if not boxes:
        console.print("no connected mailboxes: `proofstage mailboxes add EMAIL --provider ...`")
        return
    failed = False
    with _progress() as progress:
        for email, _provider in boxes:
            task = progress.add_task(f"{email}", total=None)

            def advance(stream_name: str, page, task=task) -> None:  # type: ignore[no-untyped-def]
                progress.update(task, advance=len(page.interactions) + len(page.removed))

            try:
                report = run_sync(email=email, streams=stream, full=full, on_page=advance)
            except ProofstageError as exc:
                progress.update(task, total=0)
                console.print(f"[red]{escape(email)}[/red]: {escape(exc.detail)}", soft_wrap=True)
                failed = True
                continue
            progress.update(task, total=progress.tasks[task].completed)
            if report.skipped:
                console.print(f"{escape(email)}: skipped ({report.skipped})")
            for result in report.streams:
                if result.error:
                    failed = True
                    console.print(
                        f"[red]{escape(email)} {result.stream}[/red]: {escape(result.error)}",
                        soft_wrap=True,
                    )
            items = report.items.statuses
            console.print(
                f"{escape(email)}: {items['added']} added, {items['updated']} updated, "
                f"{items['unchanged']} unchanged, {sum(s.removed for s in report.streams)} "
                f"removed, {report.items.stage_changes} stage change(s)"
                + (", full resync" if any(s.full_resync for s in report.streams) else "")
            )
    if failed:
        raise typer.Exit(code=1)


push_app = typer.Typer(help="Push: Graph subscriptions and Google watch channels.")


@push_app.command("renew")
def push_renew() -> None:
    """Create missing and renew expiring subscriptions and channels of every active live
    mailbox (run it hourly, e.g. from cron). Needs PROOFSTAGE_MS_NOTIFICATION_URL for
    Microsoft 365, PROOFSTAGE_GOOGLE_PUSH_TOPIC / _PUSH_ADDRESS for Google."""
    from api.services.push import renew_all
    from models.settings import get_settings

    done = renew_all(_engine(), get_settings(), now=datetime.now(UTC))
    if not done:
        console.print("nothing to create or renew")
    for email, stream, what in done:
        colour = "red" if what.startswith("failed") else "green"
        console.print(f"{escape(email)} {stream}: [{colour}]{escape(what)}[/{colour}]")
    if any(what.startswith("failed") for _, _, what in done):
        raise typer.Exit(code=1)


CONNECT_STEPS = {
    "microsoft": """Microsoft 365 (Entra ID app registration, app-only):
  1. Entra admin center > App registrations > New registration (single tenant).
  2. Certificates & secrets: a client secret, or upload a certificate.
  3. API permissions > Microsoft Graph > Application permissions: {permissions};
     then "Grant admin consent". Limit the app to the reps' mailboxes with an Exchange
     application access policy (RBAC for Applications).
  4. Settings: PROOFSTAGE_MS_TENANT_ID, PROOFSTAGE_MS_CLIENT_ID, and
     PROOFSTAGE_MS_CLIENT_SECRET (or PROOFSTAGE_MS_CERTIFICATE_PATH + _THUMBPRINT).
  5. proofstage mailboxes add REP@YOURCO --provider microsoft; proofstage sync
  Pushes: PROOFSTAGE_MS_NOTIFICATION_URL = https://YOUR-HOST/push/microsoft, then
  `proofstage push renew` hourly.""",
    "google": """Google Workspace (service account with domain-wide delegation):
  1. Google Cloud console: enable the Gmail API and the Google Calendar API; create a service
     account and a JSON key (PROOFSTAGE_GOOGLE_SERVICE_ACCOUNT_FILE).
  2. Admin console > Security > API controls > Domain-wide delegation: add the service
     account's client id with exactly these scopes:
     {permissions}
  3. proofstage mailboxes add REP@YOURCO --provider google; proofstage sync
  Pushes: PROOFSTAGE_GOOGLE_PUSH_TOPIC (Pub/Sub, gmail-api-push@system.gserviceaccount.com as
  publisher) with a push subscription to https://YOUR-HOST/push/google/gmail?token=...
  (PROOFSTAGE_GOOGLE_PUSH_TOKEN), PROOFSTAGE_GOOGLE_PUSH_ADDRESS =
  https://YOUR-HOST/push/google/calendar; then `proofstage push renew` daily.""",
}


def connect(
    provider: Annotated[str, typer.Argument(help="microsoft or google.")],
    check: Annotated[
        str | None,
        typer.Option(help="A rep's address: get a token and read one page of their mail."),
    ] = None,
) -> None:
    """What to register and consent for a provider; with --check, prove the access works."""
    if provider == "microsoft":
        from capture.graph_auth import DELEGATED_PERMISSIONS as permissions
    elif provider == "google":
        from capture.google_auth import SCOPES as permissions
    else:
        raise _fail(f"unknown provider {provider!r}: use microsoft or google")
    out.print(CONNECT_STEPS[provider].format(permissions=", ".join(permissions)), soft_wrap=True)
    if check is None:
        return
    from api.services.live import provider_sources, secret_store
    from models.mailbox import Mailbox
    from models.settings import get_settings

    engine = _engine()
    mailbox = Mailbox(email=check.lower(), provider=provider, organization_id=0)
    try:
        with provider_sources(mailbox, secrets=secret_store(engine, get_settings())) as sources:
            page = next(iter(sources[0].pages(None)), None)
    except Exception as exc:  # any failure is the answer the administrator needs
        raise _fail(f"{type(exc).__name__}: {exc}") from exc
    count = len(page.interactions) if page else 0
    console.print(f"[green]access works[/green]: read {count} sent message(s) of {check}")
