"""What every `proofstage` command shares: the consoles, error lines, progress bars."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from models.sales_process import ProcessError, load_process

console = Console(stderr=True)
out = Console()


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(code=2)


def _skipped(where: str, reason: str) -> None:
    """One line per skipped file or item, never wrapped, so it can be grepped."""
    console.print(f"[yellow]skipped[/yellow] {escape(where)}: {escape(reason)}", soft_wrap=True)


def _process(name: str | None):  # type: ignore[no-untyped-def]
    from models.settings import get_settings

    try:
        return load_process(name or get_settings().process)
    except ProcessError as exc:
        raise _fail(str(exc)) from exc


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
