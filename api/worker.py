"""Celery workers, for when one machine is not enough: `celery -A api.worker worker` with
PROOFSTAGE_BROKER_URL set (Redis or RabbitMQ). A push or a schedule queues `sync`; the task is the
same plain function the CLI runs, so a worker adds no behaviour of its own."""

from __future__ import annotations

from celery import Celery

from models.settings import get_settings

app = Celery("proofstage")
app.conf.update(
    broker_url=get_settings().broker_url or "memory://",
    task_acks_late=True,  # a worker killed mid-sync leaves the task queued; the cursor resumes it
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
)


@app.task(name="proofstage.sync", autoretry_for=(), ignore_result=True)
def sync(email: str, streams: list[str] | None = None, full: bool = False) -> dict[str, object]:
    """Sync one mailbox (api/services/live.py); returns a summary for the log."""
    from api.services.live import run_sync

    report = run_sync(email=email, streams=streams, full=full)
    return {
        "mailbox": report.mailbox,
        "skipped": report.skipped,
        "streams": {s.stream: s.error or "ok" for s in report.streams},
    }
