"""The `proofstage` command: import, classify, assess, serve, demo, process checks, and the live
capture of mailboxes (api/cli_live.py)."""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.table import Table

from api.cli_output import _fail, _process, _progress, _skipped, console, out
from models.sales_process import ProcessError, load_process, shipped_processes

SAMPLE_DIR = Path(__file__).parent / "sample"

app = typer.Typer(help=__doc__, no_args_is_help=True, pretty_exceptions_show_locals=False)
process_app = typer.Typer(help="Check and show sales-process files.", no_args_is_help=True)
app.add_typer(process_app, name="process")
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
opportunities_app = typer.Typer(help="Opportunities exported from a CRM.", no_args_is_help=True)
app.add_typer(opportunities_app, name="opportunities")

PathsArg = Annotated[
    list[Path], typer.Argument(help="mbox, .eml, .ics or .jsonl files or folders.")
]
MailboxOpt = Annotated[
    str | None,
    typer.Option(
        help="The rep's address, when files do not tell (default: a folder named "
        "after the address, else the sender or the calendar's organizer)."
    ),
]
ProcessOpt = Annotated[
    str | None,
    typer.Option(help=f"A shipped process ({', '.join(shipped_processes())}) or a YAML file."),
]


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    if value == "now":
        return datetime.now(UTC)
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise _fail(
            f"--as-of {value!r} is not an ISO 8601 time (e.g. 2026-10-01T00:00:00Z)"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _read(paths: list[Path], mailbox: str | None):  # type: ignore[no-untyped-def]
    from capture.files import count_items, discover, read_paths

    try:
        files = discover(paths)
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    total = sum(count_items(f) for f in files)
    return files, total, read_paths(files, mailbox=mailbox)


@app.command("import")
def import_(paths: PathsArg, mailbox: MailboxOpt = None, process: ProcessOpt = None) -> None:
    """Import files: classify, store, match to opportunities. Importing twice adds nothing."""
    from api.services.ingest import import_interactions
    from classifiers.pipeline import default_classifier
    from models.db import get_engine, migrate
    from models.settings import get_settings

    sales_process = _process(process)
    settings = get_settings()
    migrate(settings.url)
    files, total, items = _read(paths, mailbox)
    with _progress() as progress:
        task = progress.add_task(f"importing {len(files)} file(s)", total=total or None)
        report = import_interactions(
            items,
            engine=get_engine(settings.url),
            classifier=default_classifier(),
            process=sales_process,
            as_of=settings.as_of or datetime.now(UTC),
            on_item=lambda _: progress.advance(task),
        )
    table = Table(title="import summary")
    table.add_column("what")
    table.add_column("count", justify="right")
    for status in ("added", "updated", "unchanged", "internal"):
        table.add_row(f"interactions {status}", str(report.statuses[status]))
    for kind, count in sorted(report.evidence.items()):
        table.add_row(f"evidence {kind}", str(count))
    table.add_row("opportunities touched", str(len(report.opportunity_ids)))
    table.add_row("stage changes recorded", str(report.stage_changes))
    table.add_row("problems (skipped)", str(len(report.problems)))
    console.print(table)
    for problem in report.problems:
        _skipped(problem.where, problem.reason)


@app.command()
def classify(
    file: Annotated[
        str, typer.Argument(help="Interactions in the spec's JSON Lines; - for stdin.")
    ] = "-",
) -> None:
    """One evidence line per input line, in order (shared/spec/interaction.md). No database."""
    from api.services.classify_lines import classify_stream

    if file == "-":
        classify_stream(sys.stdin, sys.stdout)
        return
    path = Path(file)
    if not path.is_file():
        raise _fail(f"{file}: no such file")
    with path.open(encoding="utf-8", errors="replace") as lines:
        classify_stream(lines, sys.stdout)


@app.command()
def train(
    devset: Annotated[
        list[Path] | None, typer.Argument(help="Labeled JSON Lines files or folders.")
    ] = None,
) -> None:
    """Train the sentence model on the labeled set's training part (held-out part untouched)."""
    from classifiers.textcat.model import MODEL_DIR
    from classifiers.textcat.train import train as train_model

    paths = devset or [Path(__file__).parent.parent / "devset"]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"{missing[0]}: no such file or folder")
    with console.status("training the sentence model (a few minutes)"):
        thresholds = train_model(paths)
    console.print(f"model written to {MODEL_DIR}")
    for kind, threshold in sorted(thresholds.items()):
        out.print(f"{kind:<26} threshold {threshold:.2f}")


@app.command("eval")
def eval_(
    paths: Annotated[
        list[Path], typer.Argument(help="Labeled JSON Lines files or folders (devset/README.md).")
    ],
    part: Annotated[
        list[str] | None,
        typer.Option(help="held-out, training or all (repeatable); default: all three."),
    ] = None,
    errors: Annotated[int, typer.Option(help="Print up to this many misses and false alarms.")] = 0,
    as_json: Annotated[
        bool, typer.Option("--json", help="The figures as one JSON object.")
    ] = False,
) -> None:
    """Precision, recall and F1 per evidence kind, and micro-averaged, on a labeled set."""
    from api.services.evaluate import PARTS, evaluate

    parts = part or list(PARTS)
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise _fail(f"unknown part {unknown[0]!r}; choose from {', '.join(PARTS)}")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"{missing[0]}: no such file or folder")
    result = evaluate(paths)
    for problem in result.problems:
        _skipped(problem.where, problem.reason)
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
        return
    for name in parts:
        _print_scores(name, result.scores[name])
    times = result.meeting_times
    if times.labeled:
        out.print(
            f"meeting times: {times.labeled} labeled, {times.found} found, {times.exact} exact"
        )
    if "all" not in parts:  # list only the mistakes of the parts asked for
        from classifiers.evaluation import is_held_out

        def part_of(interaction_id: str) -> str:
            return "held-out" if is_held_out(interaction_id) else "training"

        result.mistakes = [m for m in result.mistakes if part_of(m.interaction_id) in parts]
    for mistake in result.mistakes[:errors]:
        what = "missed" if mistake.missed else "false alarm"
        out.print(
            f"{mistake.where} {mistake.interaction_id} {what} {mistake.kind.value}: "
            f"[dim]{mistake.quote}[/dim]",
            highlight=False,
            soft_wrap=True,
        )


def _print_scores(name: str, scores) -> None:  # type: ignore[no-untyped-def]
    table = Table(title=f"{name}: {scores.interactions} interactions", title_justify="left")
    for column in ("kind", "support", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in [*scores.kinds(), None]:
        p, r, f, support = scores.figures(kind)
        table.add_row(
            kind.value if kind else "micro",
            str(support),
            *map(str, scores.counts(kind)),
            f"{p:.3f}",
            f"{r:.3f}",
            f"{f:.3f}",
            end_section=kind is not None and kind == scores.kinds()[-1],
        )
    out.print(table)


@app.command()
def assess(
    paths: PathsArg,
    process: ProcessOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="ISO 8601 time or 'now'; default: the latest time in the data."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per opportunity.")
    ] = False,
    mailbox: MailboxOpt = None,
) -> None:
    """Stage, proven criteria with quotes, missing criteria and movement, straight from files."""
    from api.services.assess_files import assess_interactions
    from classifiers.pipeline import default_classifier

    sales_process = _process(process)
    _, _, items = _read(paths, mailbox)
    opportunities, problems = assess_interactions(
        items, classifier=default_classifier(), process=sales_process, as_of=_parse_time(as_of)
    )
    for problem in problems:
        _skipped(problem.where, problem.reason)
    if as_json:
        for opportunity in opportunities:
            sys.stdout.write(json.dumps(opportunity.to_json()) + "\n")
        return
    for opportunity in opportunities:
        a = opportunity.assessment
        flag = f" [red]LEAKED[/red] ({a.leak_reason})" if a.leaked else ""
        out.rule(f"[bold]{opportunity.name}[/bold] ({', '.join(opportunity.account_domains)})")
        out.print(f"stage: [bold]{a.stage}[/bold]{flag}   as of {a.as_of:%Y-%m-%d %H:%M} UTC")
        for criterion in a.criteria:
            if criterion.proven:
                out.print(f"  [green]proven[/green] {criterion.id}")
                for e in criterion.evidence:
                    source = opportunity.interactions[e.interaction_id].id
                    out.print(
                        f'      {e.kind.value}: "{e.quote}" ({source}, {e.observed_at:%Y-%m-%d})'
                    )
        out.print(f"  missing: {', '.join(a.missing) or '-'}   next: {', '.join(a.next) or '-'}")
        moves = " ".join(s.movement for s in a.timeline)
        out.print(f"  movement: {moves or '-'}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default PROOFSTAGE_HOST or 127.0.0.1.")] = None,
    port: Annotated[int | None, typer.Option(help="Default PROOFSTAGE_PORT or 8000.")] = None,
) -> None:
    """Serve the API (OpenAPI docs at /docs) on the configured database."""
    import uvicorn

    from models.db import migrate
    from models.settings import get_settings

    settings = get_settings()
    migrate(settings.url)
    console.print(f"API on http://{host or settings.host}:{port or settings.port}/docs")
    uvicorn.run("api.main:app", host=host or settings.host, port=port or settings.port)


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Start the API after.")
    ] = True,
    directory: Annotated[Path, typer.Option(help="Where the demo database goes.")] = Path(".demo"),
) -> None:
    """Fresh SQLite database, import of the bundled sample, a stage table, then the API."""
    from models.db import get_engine
    from models.settings import get_settings

    sample = yaml.safe_load((SAMPLE_DIR / "sample.yml").read_text(encoding="utf-8"))
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    os.environ["PROOFSTAGE_DATABASE_PATH"] = str(directory / "proofstage.db")
    os.environ.pop("PROOFSTAGE_DATABASE_URL", None)
    os.environ["PROOFSTAGE_AS_OF"] = str(sample["as_of"])  # the sample's own "now"
    get_settings.cache_clear()
    get_engine.cache_clear()
    import_([SAMPLE_DIR], mailbox=None, process=None)
    _print_stage_table()
    if serve_api:
        serve(host="127.0.0.1", port=port)


def _print_stage_table() -> None:
    from api.services.opportunities import list_opportunities
    from models.db import get_engine, session_scope
    from models.settings import get_settings

    settings = get_settings()
    with session_scope(get_engine(settings.url)) as session:
        rows = list_opportunities(
            session=session,
            process=load_process(settings.process),
            as_of=settings.as_of or datetime.now(UTC),
        )
    title = f"opportunities as of {rows[0].as_of:%Y-%m-%d}" if rows else "no opportunities"
    table = Table(title=title)
    for column in ("id", "opportunity", "rep", "stage", "proven", "missing", "leaked"):
        table.add_column(column, overflow="fold")
    total = sum(len(s.exit_criteria) for s in load_process(settings.process).stages)
    for row in rows:
        leak = "disengaged" if row.leak_reason == "the buyer disengaged" else "silent"
        table.add_row(
            str(row.id),
            row.name,
            (row.owner or "").split("@")[0],
            row.stage,
            f"{len(row.proven)}/{total}",
            " ".join(row.missing),
            leak if row.leaked else "",
        )
    out.print(table)
    out.print("Each proof with its quote: GET /opportunities/{id}; the whole API at /docs.")


@process_app.command("check")
def process_check(file: Annotated[Path, typer.Argument(help="A process YAML file.")]) -> None:
    """Validate a process file; says exactly what is wrong (unknown kind, duplicate id, ...)."""
    try:
        sales_process = load_process(file)
    except ProcessError as exc:
        raise _fail(str(exc)) from exc
    out.print(
        f"[green]ok[/green] {sales_process.id}: " + " -> ".join(s.id for s in sales_process.stages)
    )


@process_app.command("show")
def process_show(
    name: Annotated[str, typer.Argument(help="A shipped name or a file.")] = "buyer_journey",
) -> None:
    """Print a process's stages and the debrief question of each exit criterion."""
    sales_process = _process(name)
    for stage in sales_process.stages:
        out.print(f"[bold]{stage.id}[/bold]: {stage.description}")
        for c in stage.exit_criteria:
            out.print(f"  {c.id}: {c.question} [{', '.join(k.value for k in c.kinds)}]")


@opportunities_app.command("load")
def opportunities_load(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV: crm_id,name,account_domain,amount,close_date,"
            "crm_stage,owner (a header line first)."
        ),
    ],
    seller_domain: Annotated[
        str | None, typer.Option(help="The seller's domain; default: each row's owner's domain.")
    ] = None,
) -> None:
    """Load or update (by crm_id) opportunities; mail then matches to them instead of new ones."""
    import csv

    from pydantic import ValidationError

    from models.db import get_engine, migrate, session_scope
    from models.opportunity import OpportunityCreate
    from models.settings import get_settings
    from models.store import load_opportunity

    if not file.is_file():
        raise _fail(f"{file}: no such file")
    settings = get_settings()
    migrate(settings.url)
    loaded, problems = 0, []
    with (
        file.open(newline="", encoding="utf-8-sig") as handle,
        session_scope(get_engine(settings.url)) as session,
    ):
        for number, raw in enumerate(csv.DictReader(handle), start=2):
            values = {k: (v or None) for k, v in raw.items() if k}
            try:
                row = OpportunityCreate.model_validate(values)
            except ValidationError as exc:
                first = exc.errors()[0]
                problems.append(
                    f"{file}:{number}: {'.'.join(map(str, first['loc']))}: {first['msg']}"
                )
                continue
            domain = seller_domain or (row.owner or "").rpartition("@")[2]
            if not domain:
                problems.append(f"{file}:{number}: no owner address and no --seller-domain")
                continue
            load_opportunity(session, seller_domain=domain.lower(), row=row)
            loaded += 1
    console.print(f"[green]{loaded} opportunities loaded[/green]")
    for problem in problems:
        _skipped(*problem.split(": ", 1))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the Alembic migrations to the configured database."""
    from models.db import migrate
    from models.settings import get_settings

    migrate(get_settings().url)
    console.print("[green]database at the newest schema[/green]")


# the live-capture commands live beside this file; registered last, as they use its helpers
from api import cli_live  # noqa: E402  (imports nothing from here)

app.add_typer(cli_live.mailboxes_app, name="mailboxes")
app.command()(cli_live.sync)
app.add_typer(cli_live.push_app, name="push")
app.command()(cli_live.connect)

if __name__ == "__main__":
    app()
